"""Instances of IR types: checking documented examples and synthesising missing ones.

Generated tests feed an example to the SDK and expect it to dump back unchanged, so an
example is only usable when it both matches its type and survives pydantic's round trip
(e.g. '2026-01-02T03:04:05.000Z' would come back without the fraction).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from sdkwright.ir.nodes import (
    Alias,
    Definition,
    Enum,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Primitive,
    TagDispatch,
    TypeRef,
    UnionOf,
)

Definitions = Mapping[str, Definition]
MAX_DEPTH = 4

_STRING_BY_FORMAT = {
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "email": "user@example.com",
    "uri": "https://example.com/resource",
    "url": "https://example.com/resource",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "c3RyaW5n",
    "date-time": "2026-01-02T03:04:05Z",
    "date": "2026-01-02",
}


def canonical_datetime(text: str) -> str | None:
    """How pydantic writes this date-time back, or None when it is not one."""
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if "T" not in text:
        return None
    return value.isoformat().replace("+00:00", "Z")


def problem(value: Any, type_: TypeRef, definitions: Definitions, where: str = "") -> str | None:
    """Why `value` cannot stand for `type_` in a round-trip test; None when it can."""
    here = where or "the example"
    match type_:
        case Nullable(inner):
            return None if value is None else problem(value, inner, definitions, where)
        case Primitive(name):
            return _primitive_problem(value, name, here)
        case LiteralOf(values):
            # Types count too: 1 == True in Python, but pydantic would dump True back.
            matches = any(value == v and type(value) is type(v) for v in values)
            return None if matches else f"{here} must be one of {list(values)!r}"
        case ListOf(item):
            if not isinstance(value, list):
                return f"{here} must be an array"
            return _first(
                [problem(v, item, definitions, f"{here}[{i}]") for i, v in enumerate(value)]
            )
        case MapOf(item):
            if not isinstance(value, dict):
                return f"{here} must be an object"
            return _first([problem(v, item, definitions, f"{here}.{k}") for k, v in value.items()])
        case UnionOf(members, _, dispatch):
            if dispatch is not None:
                return _tagged_problem(value, dispatch, definitions, here)
            problems = [problem(value, m, definitions, where) for m in members]
            return (
                None
                if any(p is None for p in problems)
                else f"{here} matches no variant ({problems[0]})"
            )
        case Named(name):
            return _named_problem(value, definitions[name], definitions, here)
    return None  # pragma: no cover - the match is exhaustive


def _tagged_problem(
    value: Any, dispatch: TagDispatch, definitions: Definitions, here: str
) -> str | None:
    """A tagged union's value must be the member its tag picks."""
    tag = value.get(dispatch.key) if isinstance(value, dict) else None
    member = dispatch.member_for(tag)
    if member is None:
        tags = list(dict.fromkeys(t for t, _ in dispatch.tags))
        return f"{here} must have '{dispatch.key}' set to one of {tags!r}"
    return problem(value, member, definitions, here)


def _first(problems: list[str | None]) -> str | None:
    return next((p for p in problems if p is not None), None)


def _primitive_problem(value: Any, name: str, here: str) -> str | None:
    if name == "any":
        return None
    if name == "bool":
        return None if isinstance(value, bool) else f"{here} must be a boolean"
    if name == "int":
        return (
            None
            if isinstance(value, int) and not isinstance(value, bool)
            else f"{here} must be an integer"
        )
    if name == "float":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if ok else f"{here} must be a number"
    if not isinstance(value, str):
        return f"{here} must be a string"
    if name == "datetime" and canonical_datetime(value) != value:
        return f"{here} is not a date-time in canonical form ('{value}')"
    if name == "date":
        try:
            if datetime.date.fromisoformat(value).isoformat() != value:
                return f"{here} is not a canonical date"
        except ValueError:
            return f"{here} is not a date"
    return None


def _named_problem(
    value: Any, definition: Definition, definitions: Definitions, here: str
) -> str | None:
    if isinstance(definition, Alias):
        return problem(value, definition.type, definitions, here)
    if isinstance(definition, Enum):
        expected = str if definition.value_type == "str" else int
        ok = isinstance(value, expected) and not isinstance(value, bool)
        return None if ok else f"{here} must be a {definition.value_type} ({definition.name})"
    if not isinstance(value, dict):
        return f"{here} must be an object ({definition.name})"
    for field in definition.fields:
        if field.wire_name in value:
            found = problem(
                value[field.wire_name], field.type, definitions, f"{here}.{field.wire_name}"
            )
            if found:
                return found
        elif field.required:
            return f"{here} lacks required property '{field.wire_name}'"
    return None


def synthesise(type_: TypeRef, definitions: Definitions, depth: int = 0) -> Any:
    """A plausible instance of `type_`, with every property filled in down to a depth."""
    match type_:
        case Nullable(inner):
            # Deep down, null ends a chain of required self-references.
            return None if depth >= MAX_DEPTH else synthesise(inner, definitions, depth)
        case Primitive(name, format):
            return _primitive_sample(name, format)
        case LiteralOf(values):
            return values[0]
        case ListOf(item):
            return [] if depth >= MAX_DEPTH else [synthesise(item, definitions, depth + 1)]
        case MapOf(item):
            return {} if depth >= MAX_DEPTH else {"key": synthesise(item, definitions, depth + 1)}
        case UnionOf(members, _, dispatch):
            sample = synthesise(members[0], definitions, depth)
            if dispatch is not None and isinstance(sample, dict):
                sample[dispatch.key] = dispatch.tags_of(members[0])[0]
            return sample
        case Named(name):
            return _named_sample(definitions[name], definitions, depth)
    return None  # pragma: no cover - the match is exhaustive


def _primitive_sample(name: str, format_: str) -> Any:
    samples: dict[str, Any] = {"int": 1, "float": 1.5, "bool": True, "any": "value"}
    if name in samples:
        return samples[name]
    if name == "datetime":
        return _STRING_BY_FORMAT["date-time"]
    if name == "date":
        return _STRING_BY_FORMAT["date"]
    return _STRING_BY_FORMAT.get(format_, "string")


def _named_sample(definition: Definition, definitions: Definitions, depth: int) -> Any:
    if isinstance(definition, Alias):
        return synthesise(definition.type, definitions, depth)
    if isinstance(definition, Enum):
        return definition.members[0].value
    return _model_sample(definition, definitions, depth)


def _model_sample(model: Model, definitions: Definitions, depth: int) -> dict[str, Any]:
    sample: dict[str, Any] = {}
    for field in model.fields:
        if field.required or depth < MAX_DEPTH:
            sample[field.wire_name] = synthesise(field.type, definitions, depth + 1)
    return sample
