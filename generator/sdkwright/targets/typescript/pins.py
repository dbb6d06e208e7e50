"""Names the surface lock keeps across regenerations (issue 16), for the TypeScript target.

The lock (`targets/typescript/surface.py`, recorded by `generate`) holds each method with the
endpoint it calls and each type with its shape (`ir.matching`). When the spec renames an
operation (same method and path, another operationId), its method keeps the locked name if it
is free; when it renames a schema whose shape exactly one locked type had and no type has any
more, the type keeps that name (the Python target's rule, `targets/python/naming/pins.py`). A
name the user imposes (`names:`, `x-sdkwright-name`, `resources:`) always wins.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from sdkwright.ir.matching import endpoint_key
from sdkwright.ir.nodes import Api, Operation
from sdkwright.targets.python.naming.pins import pinned_classes
from sdkwright.targets.typescript.identifiers import Registry
from sdkwright.targets.typescript.overrides import Imposed

Pairs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Pins:
    """What the lock holds: (endpoint, method name) and (shape, type name) pairs."""

    methods: Pairs = ()
    types: Pairs = ()


NO_PINS = Pins()


def with_pinned_types(
    api: Api, types: Mapping[str, str], imposed: Imposed, locked: Pairs
) -> Imposed | None:
    """`imposed` with the locked names of the renamed schemas of `api` (named `types`, by
    definition key, without pins); None when no schema was renamed."""
    configured = {imposed.schemas[key]: name for key, name in imposed.classes.items()}
    kept, _ = pinned_classes(api, types, configured, dict(locked))
    if not kept:
        return None
    definitions = {c.key: c.definition for c in api.components or ()}
    return dataclasses.replace(
        imposed,
        classes={**imposed.classes, **{definitions[k]: name for k, name in kept.items()}},
        schemas={**imposed.schemas, **{definitions[k]: k for k in kept}},
    )


def pinned_method(op: Operation, locked: Mapping[str, str], members: Registry) -> str | None:
    """The locked name of the operation's method, when it still has the endpoint, the user
    names it no other way and no member of its resource has the name."""
    if op.resource_method:
        return None
    kept = locked.get(endpoint_key(op.http_method, op.path))
    return kept if kept is not None and not members.taken(kept) else None
