"""Names imposed by the user: from the config (`names:` of a target) or from the spec's own
`x-sdkwright-name` on a component schema or an operation; and tag -> resource group mapping.
The IR keeps the extension as the spec gives it; whether it is a Python name is checked here.

An imposed name is claimed before any name sdkwright derives, so a derived name steps aside
for it; an imposed name that cannot be had (another imposed name, a reserved one, or two
operations of one group) is an error naming both owners, never a silent rename.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable, Mapping
from typing import Any

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir.names import NAME_EXTENSION
from sdkwright.ir.nodes import Operation, ResourceGroup
from sdkwright.targets.python.naming.identifiers import snake

# kind -> (pattern, what carries the extension, an example)
_KINDS = {
    "class": (re.compile(r"[A-Z][A-Za-z0-9_]*"), "schema", "PositionInstruction"),
    "method": (re.compile(r"[a-z_][a-z0-9_]*"), "operation", "cancel_instruction"),
}


def _imposed(source: str, given: Any, configured: Mapping[str, str], kind: str) -> tuple[str, str]:
    """The name imposed on `source` ("" for none) and a problem with the spec's own
    extension, `given` (None: absent; "" for no problem). The config wins over the extension."""
    if source in configured:
        return configured[source], ""
    if given is None:
        return "", ""
    pattern, owner, example = _KINDS[kind]
    if isinstance(given, str) and pattern.fullmatch(given) and not keyword.iskeyword(given):
        return given, ""
    return (
        "",
        f"{NAME_EXTENSION} {given!r} of {owner} '{source}' is not a {kind} name (e.g. {example!r}); ignored",
    )


def class_name(key: str, requested: Any, configured: Mapping[str, str]) -> tuple[str, str]:
    """The class name imposed on component schema `key`, and a problem with its extension."""
    return _imposed(key, requested, configured, "class")


def method_name(
    operation_id: str, requested: Any, configured: Mapping[str, str]
) -> tuple[str, str]:
    """The method name imposed on an operation, and a problem with its extension."""
    return _imposed(operation_id, requested, configured, "method")


def regroup(
    operations: list[tuple[str, Operation]], tags: Mapping[str, str]
) -> list[tuple[str, Operation]]:
    """Operations under the resource group their tag maps to. Several tags may share one,
    and a tag mapped to `things` joins the group of an unmapped tag `Things`."""
    unmapped = {snake(tag): tag for tag, _ in operations if tag not in tags}
    return [
        (unmapped.get(snake(tags[tag]), tags[tag]) if tag in tags else tag, op)
        for tag, op in operations
    ]


def group_descriptions(descriptions: Mapping[str, str], tags: Mapping[str, str]) -> dict[str, str]:
    """Tag descriptions keyed by resource group, the first non-empty one of a merged group."""
    result: dict[str, str] = {}
    for tag, text in descriptions.items():
        group = tags.get(tag, tag)
        if text and not result.get(group):
            result[group] = text
    return result


def method_collisions(
    groups: Iterable[ResourceGroup], imposed: Mapping[str, str], document: str
) -> list[Diagnostic]:
    """An error for each operation that did not get the method name imposed on it."""
    diagnostics = []
    for group in groups:
        owners = {op.method_name: op for op in group.operations}
        for op in group.operations:
            wanted = imposed.get(op.operation_id)
            if wanted is None or op.method_name == wanted:
                continue
            owner = owners.get(wanted)
            taken = (
                f"operation '{owner.operation_id}' has it"
                if owner is not None
                else "the client reserves it"
            )
            diagnostics.append(
                Diagnostic(
                    Level.ERROR,
                    "naming.override-collision",
                    f"operation '{op.operation_id}' cannot be method '{wanted}' of "
                    f"client.{group.accessor or group.attribute}: {taken}",
                    Location(document, pointer=op.source),
                    "choose another name in names.operations or x-sdkwright-name",
                )
            )
    return diagnostics


def unknown_keys(configured: Mapping[str, str], known: Iterable[str], what: str) -> list[str]:
    """Config overrides that name nothing in the spec: likely typos, worth a warning."""
    missing = sorted(set(configured) - set(known))
    return [f"names.{what} names '{key}', which the spec does not have" for key in missing]
