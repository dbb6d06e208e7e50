"""Types compared by the values they admit, and which way data flows through definitions."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from sdkwright.diff.report import ApiChange, Bump
from sdkwright.ir.nodes import (
    ANY,
    Alias,
    Api,
    Definition,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Operation,
    Primitive,
    TypeRef,
    UnionOf,
)
from sdkwright.targets.python import pytypes

Direction = Literal["input", "output", "both"]
Relation = Literal["same", "wider", "narrower", "different"]


def relation(old: TypeRef, new: TypeRef) -> Relation:
    """How the set of values `new` admits compares with `old`'s."""
    if old == new:
        return "same"
    old_nullable, old_core = _split_null(old)
    new_nullable, new_core = _split_null(new)
    if old_nullable != new_nullable:
        nullability: Relation = "wider" if new_nullable else "narrower"
        return _combine(nullability, relation(old_core, new_core))
    if old_nullable:
        return relation(old_core, new_core)
    return _core_relation(old, new)


def _core_relation(old: TypeRef, new: TypeRef) -> Relation:
    if new == ANY:
        return "wider"
    if old == ANY:
        return "narrower"
    if isinstance(old, UnionOf) or isinstance(new, UnionOf):
        return _set_relation(set(_members(old)), set(_members(new)))
    if isinstance(old, LiteralOf) and isinstance(new, LiteralOf):
        return _set_relation(set(old.values), set(new.values))
    if isinstance(old, ListOf) and isinstance(new, ListOf):
        return relation(old.item, new.item)
    if isinstance(old, MapOf) and isinstance(new, MapOf):
        return relation(old.value, new.value)
    if isinstance(old, Primitive) and isinstance(new, Primitive):
        return _primitive_relation(old, new)
    if isinstance(old, LiteralOf) and isinstance(new, Primitive | Named):
        return "wider"  # a constant became a free value of its type (or an enum)
    if isinstance(new, LiteralOf) and isinstance(old, Primitive | Named):
        return "narrower"
    if isinstance(old, Named) and old.kind == "enum" and isinstance(new, Primitive):
        return "wider"  # enum -> plain str/int: every old value is still accepted
    if isinstance(new, Named) and new.kind == "enum" and isinstance(old, Primitive):
        return "narrower"
    return "different"


def _primitive_relation(old: Primitive, new: Primitive) -> Relation:
    if old.name == new.name:
        return "same"  # int32 -> int64 or a new string format: the same Python type
    if (old.name, new.name) == ("int", "float"):
        return "wider"
    if (old.name, new.name) == ("float", "int"):
        return "narrower"
    return "different"


def _split_null(type_: TypeRef) -> tuple[bool, TypeRef]:
    return (True, type_.inner) if isinstance(type_, Nullable) else (False, type_)


def _members(type_: TypeRef) -> tuple[TypeRef, ...]:
    return type_.members if isinstance(type_, UnionOf) else (type_,)


def _set_relation(old: set[object], new: set[object]) -> Relation:
    if old == new:
        return "same"
    if old < new:
        return "wider"
    if new < old:
        return "narrower"
    return "different"


def _combine(first: Relation, second: Relation) -> Relation:
    if first == "same":
        return second
    if second in ("same", first):
        return first
    return "different"


def type_bump(change: Relation, direction: Direction) -> Bump:
    """Inputs may widen (callers' values still fit), outputs may narrow (readers' code still
    handles every value); anything else can break a caller."""
    if change == "wider" and direction == "input":
        return "minor"
    if change == "narrower" and direction == "output":
        return "patch"
    return "major"


def annotation(type_: TypeRef) -> str:
    return pytypes.annotation(type_)


def type_change(
    element: str, name: str, old: TypeRef, new: TypeRef, direction: Direction
) -> Iterator[ApiChange]:
    change = relation(old, new)
    if change == "same":
        return
    word = {"wider": "widened", "narrower": "narrowed", "different": "changed"}[change]
    yield ApiChange(
        "changed",
        element,
        name,
        f"type {word}: `{annotation(old)}` -> `{annotation(new)}`",
        type_bump(change, direction),
    )


# -- data flow ---------------------------------------------------------------------------


def data_flows(api: Api) -> dict[str, Direction]:
    """For each definition, whether users build it (input), read it (output) or both."""
    definitions = {d.name: d for d in api.definitions}
    inputs: set[str] = set()
    outputs: set[str] = set()
    for op in api.operations:
        for type_ in _input_types(op):
            _reach(type_, definitions, inputs)
        for response in op.responses:
            if response.type is not None:
                _reach(response.type, definitions, outputs)
    return {
        name: "both"
        if name in inputs and name in outputs
        else "input"
        if name in inputs
        else "output"
        for name in inputs | outputs
    }


def merge_flows(old: Mapping[str, Direction], new: Mapping[str, Direction]) -> dict[str, Direction]:
    """A definition whose flow differs between the versions gets the strictest reading."""
    merged = dict(old)
    for name, direction in new.items():
        merged[name] = direction if merged.get(name, direction) == direction else "both"
    return merged


def _input_types(op: Operation) -> Iterator[TypeRef]:
    yield from (p.type for p in op.parameters)
    if op.body is not None:
        yield op.body.type
        yield from (f.type for f in op.body.fields or ())


def _reach(type_: TypeRef, definitions: Mapping[str, Definition], seen: set[str]) -> None:
    for name in _named(type_):
        if name in seen or name not in definitions:
            continue
        seen.add(name)
        definition = definitions[name]
        if isinstance(definition, Model):
            for f in definition.fields:
                _reach(f.type, definitions, seen)
        elif isinstance(definition, Alias):
            _reach(definition.type, definitions, seen)


def _named(type_: TypeRef) -> Iterator[str]:
    match type_:
        case Named(name):
            yield name
        case ListOf(item):
            yield from _named(item)
        case MapOf(value):
            yield from _named(value)
        case Nullable(inner):
            yield from _named(inner)
        case UnionOf(members):
            for member in members:
                yield from _named(member)
