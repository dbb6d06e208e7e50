"""Class names the surface lock keeps when the spec renames a schema (surface/lock.py).

A component schema whose derived class name the lock does not know, and whose shape (an
object's properties and which are required, an enum's values: `ir.matching`) is the shape of
exactly one locked class that no definition has any more, keeps that class's name; the name
it would now get becomes a deprecated alias. A name the user imposes (`names.schemas`,
`x-sdkwright-name`) is never overridden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from sdkwright.ir.matching import enum_shape, object_shape
from sdkwright.ir.nodes import Api, Definition, Enum, Model


def shape(definition: Definition) -> str | None:
    """The key a renamed schema is recognised by; None for what is not a class."""
    if isinstance(definition, Model):
        return object_shape((f.wire_name, f.required) for f in definition.fields)
    if isinstance(definition, Enum):
        return enum_shape(m.value for m in definition.members)
    return None


def pinned_classes(
    api: Api, classes: Mapping[str, str], configured: Mapping[str, str], locked: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """(schema key -> the locked class name to impose, definition key -> its alias) for
    the renamed schemas of `api`, named `classes` without pins; `locked`: shape -> class."""
    if not locked or api.components is None:
        return {}, {}
    definitions = {d.key: d for d in api.definitions}
    known = set(locked.values())
    taken = set(classes.values())
    candidates = []  # (schema key, definition key, shape): new names, shapes the lock has
    for component in api.components:
        if not component.definition or component.key in configured:
            continue
        if component.requested_name is not None or classes[component.definition] in known:
            continue
        found = shape(definitions[component.definition])
        if found is not None and found in locked and locked[found] not in taken:
            candidates.append((component.key, component.definition, found))
    unique = Counter(found for _, _, found in candidates)
    pins: dict[str, str] = {}
    aliases: dict[str, str] = {}
    for schema, definition, found in candidates:
        if unique[found] == 1:
            pins[schema] = locked[found]
            aliases[definition] = classes[definition]
    return pins, aliases
