"""What no repair knows: the smallest unit holding a validation error (a property, a
parameter, an operation) is left out, with a warning naming it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.spec.edits import Change
from sdkwright.spec.lenient.fixes import Fix
from sdkwright.spec.lenient_codes import REF_CODES, SKIPPABLE_CODES
from sdkwright.spec.pointers import join_pointer, split_pointer
from sdkwright.spec.resolve import Node, SpecSet
from sdkwright.spec.validate import HTTP_METHODS

# Where a $ref that leads nowhere stands for a schema that is not a unit of its own: it
# becomes any value.
_SCHEMA_SLOTS = frozenset({"schema", "items", "additionalProperties", "not"})
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})


@dataclass(frozen=True)
class Unit:
    kind: str  # "property", "parameter", "response", "operation", "path" or "schema"
    pointer: str
    name: str


def enclosing_unit(pointer: str) -> Unit | None:
    """The smallest property, parameter, response, operation or path item whose value
    holds `pointer`."""
    tokens = split_pointer(pointer)
    for end in range(len(tokens), 1, -1):
        parent, last = tokens[end - 2], tokens[end - 1]
        at = join_pointer("", *tokens[:end])
        if parent == "properties" and not _is_property_name(tokens, end - 2):
            return Unit("property", at, last)
        if parent == "parameters" and last.isdigit():
            return Unit("parameter", at, f"#{last}")
        if end == 5 and _is_operation(tokens) and parent == "responses":
            return Unit("response", at, f"{tokens[2].upper()} {tokens[1]} {last}")
        if end == 3 and _is_operation(tokens):
            return Unit("operation", at, f"{last.upper()} {tokens[1]}")
        if end == 2 and parent == "paths":
            return Unit("path", at, last)
    return None


def _unit(pointer: str, code: str) -> Unit | None:
    """The unit an error leaves out: a schema given by a $ref that leads nowhere becomes
    any value, where it is not a property (a unit of its own)."""
    tokens = split_pointer(pointer)
    if code in REF_CODES and tokens[-1:] == ["$ref"] and len(tokens) >= 2:
        holder = tokens[-2]
        named = tokens[:-2] in (["components", "schemas"], ["definitions"])
        if named or holder in _SCHEMA_SLOTS or (len(tokens) >= 3 and tokens[-3] in _SCHEMA_LISTS):
            return Unit("schema", join_pointer("", *tokens[:-1]), holder)
    return enclosing_unit(pointer)


def _is_operation(tokens: list[str]) -> bool:
    return len(tokens) >= 3 and tokens[0] == "paths" and tokens[2] in HTTP_METHODS


def _is_property_name(tokens: list[str], index: int) -> bool:
    """`properties` at `index` names a property (its parent is a properties map)."""
    return (
        index >= 1
        and tokens[index - 1] == "properties"
        and not _is_property_name(tokens, index - 1)
    )


def skips(specs: SpecSet, errors: list[Diagnostic]) -> list[Fix]:
    """A fix leaving out the unit of each error, one per unit; none inside another skipped."""
    by_name = {d.name: d for d in specs.documents.values()}
    found: dict[tuple[str, str], tuple[Unit, Diagnostic]] = {}
    for error in errors:
        where = error.location
        if error.level is not Level.ERROR or error.code not in SKIPPABLE_CODES or where is None:
            continue
        unit = _unit(where.pointer, error.code) if where.file in by_name else None
        if unit is not None:
            found.setdefault((where.file, unit.pointer), (unit, error))
    fixes = []
    for (file, pointer), (unit, error) in found.items():
        if any((file, p) in found for p in _ancestors(pointer)):
            continue
        node = Node(by_name[file], pointer, None)
        if unit.kind == "schema":
            message = f"this schema (at {unit.name}) is invalid: {error.message}"
            done = "read it as any value (an empty schema)"
            fixes.append(Fix(node, "lenient.skipped", message, done, (Change(pointer, {}),)))
            continue
        message = f"{unit.kind} {_name(by_name[file].data, unit)!r} is invalid: {error.message}"
        fixes.append(
            Fix(node, "lenient.skipped", message, f"skipped the {unit.kind}", (Change(pointer),))
        )
    return fixes


def _name(data: Any, unit: Unit) -> str:
    """A parameter by its name, when it has one (it is listed by index)."""
    value = data
    for token in split_pointer(unit.pointer):
        value = value[int(token)] if isinstance(value, list) else value.get(token, {})
    name = value.get("name") if isinstance(value, dict) else None
    return name if unit.kind == "parameter" and isinstance(name, str) else unit.name


def _ancestors(pointer: str) -> list[str]:
    tokens = split_pointer(pointer)
    return [join_pointer("", *tokens[:end]) for end in range(1, len(tokens))]
