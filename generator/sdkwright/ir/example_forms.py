"""Documented examples in the form the SDK writes them back, so that a valid example is used
as it is meant rather than reported as a mismatch.

An RFC 3339 date-time may carry any fractional precision (Clear Street's examples have
nanoseconds), an offset of -00:00, or a lower-case `t` and `z`; the SDK parses all of them
and writes back microseconds at most and `Z` for UTC (`examples.canonical_datetime`). Generated
tests expect an example to dump back unchanged, so the example they use is this canonical
form; anything else about the example is checked as before (`examples.problem`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sdkwright.ir import examples
from sdkwright.ir.nodes import (
    Alias,
    Definition,
    ListOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Primitive,
    TypeRef,
    UnionOf,
)


class _OverBudget(Exception):
    pass


def canonicalised(value: Any, type_: TypeRef, definitions: Mapping[str, Definition]) -> Any:
    """`value` with each date-time it holds where its type says so written as the SDK
    writes it back; `value` itself when it holds none, or takes too long to walk (the
    budget of `examples.problem`)."""
    walk = _Walk(definitions)
    try:
        return walk(value, type_)
    except _OverBudget:
        return value


def usable(
    value: Any,
    type_: TypeRef,
    definitions: Mapping[str, Definition],
    label: Any = str,
) -> tuple[Any, str | None]:
    """The example in its canonical form, and why it still cannot stand for `type_` (None:
    it can)."""
    found = examples.problem(value, type_, definitions, label=label)
    if found is None:
        return value, None
    fixed = canonicalised(value, type_, definitions)
    if fixed == value:
        return value, found
    again = examples.problem(fixed, type_, definitions, label=label)
    return (fixed, None) if again is None else (value, found)


class _Walk:
    def __init__(self, definitions: Mapping[str, Definition]) -> None:
        self.definitions = definitions
        self.steps = examples.MAX_CHECK_STEPS

    def __call__(self, value: Any, type_: TypeRef) -> Any:
        self.steps -= 1
        if self.steps < 0:
            raise _OverBudget
        match type_:
            case Nullable(inner):
                return None if value is None else self(value, inner)
            case Primitive("datetime") if isinstance(value, str):
                return examples.canonical_datetime(value) or value
            case ListOf(item) if isinstance(value, list):
                return [self(v, item) for v in value]
            case MapOf(item) if isinstance(value, dict):
                return {k: self(v, item) for k, v in value.items()}
            case UnionOf(members):
                return self._union(value, members)
            case Named(name):
                return self._named(value, self.definitions.get(name))
        return value

    def _union(self, value: Any, members: tuple[TypeRef, ...]) -> Any:
        """The first member's canonical form that the member then accepts."""
        for member in members:
            fixed = self(value, member)
            if examples.problem(fixed, member, self.definitions) is None:
                return fixed
        return value

    def _named(self, value: Any, definition: Definition | None) -> Any:
        if isinstance(definition, Alias):
            return self(value, definition.type)
        if not isinstance(definition, Model) or not isinstance(value, dict):
            return value
        types = {field.wire_name: field.type for field in definition.fields}
        return {k: self(v, types[k]) if k in types else v for k, v in value.items()}
