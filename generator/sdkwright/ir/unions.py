"""oneOf/anyOf -> `UnionOf`: members flattened and ordered, and how data tells them apart.

A union is told apart by a tag property every member (a model) requires as a literal, with no
value shared by two members (`tag_properties`: the declared discriminator's, or any such
property); else, for a declared discriminator, by the member each tag value picks
(`TagDispatch`, see ir/discriminators.py). Whether a target can use a tag property is the
target's to say (Python needs it to have one attribute name in every member).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from sdkwright.ir import discriminators
from sdkwright.ir.names import Hint, NamePart
from sdkwright.ir.nodes import (
    ANY,
    Alias,
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
from sdkwright.ir.shapes import is_null_schema, strip_null, variant_hint
from sdkwright.spec.resolve import Node

if TYPE_CHECKING:
    from sdkwright.ir.schemas import SchemaConverter


def union(converter: SchemaConverter, node: Node, context: list[NamePart]) -> tuple[TypeRef, bool]:
    """The union at `node` (without null) and whether it admits null."""
    schema = node.value
    keyword = "oneOf" if schema.get("oneOf") else "anyOf"
    members_node = node.child(keyword)
    members: list[TypeRef] = []
    is_nullable = False
    for index, member in enumerate(members_node.value):
        if is_null_schema(member):
            is_nullable = True
            continue
        titled = isinstance(member, dict) and isinstance(member.get("title"), str)
        member_context = [*context, Hint(variant_hint(member), title=titled)]
        member_type = converter.convert(members_node.child(index), member_context)
        member_type, member_nullable = strip_null(member_type)
        is_nullable = is_nullable or member_nullable
        for flat in member_type.members if isinstance(member_type, UnionOf) else (member_type,):
            if flat not in members:
                members.append(flat)
    if not members:
        return ANY, is_nullable
    if len(members) == 1:
        return members[0], is_nullable
    members = _dates_apart(members, converter)
    members.sort(key=lambda m: member_rank(m, converter))
    discriminator = schema.get("discriminator")
    declared = isinstance(discriminator, dict) and isinstance(
        discriminator.get("propertyName"), str
    )
    declared_at = node.child("discriminator").location if declared else None
    plain = UnionOf(tuple(members), declared_at=declared_at)
    if converter.still_building(members):
        converter.settle_later(plain, node)  # told apart once its models are complete
        return plain, is_nullable
    return told_apart(converter, node, plain), is_nullable


def told_apart(converter: SchemaConverter, node: Node, union: UnionOf) -> UnionOf:
    """`union` with what tells its members apart: read from their models' fields, so only
    once every member model is complete (a variant may refer back to its own union)."""
    tags, dispatch = _tell_apart(converter, node, list(union.members))
    return replace(union, dispatch=dispatch, tag_properties=tags)


def with_settled(type_: TypeRef, settled: Mapping[int, UnionOf]) -> TypeRef:
    """`type_` with each union of `settled` (by identity) replaced by its settled form; the
    same object when it holds none of them."""
    if isinstance(type_, UnionOf):
        members = tuple(with_settled(m, settled) for m in type_.members)
        union = settled.get(id(type_), type_)
        if union is type_ and all(m is o for m, o in zip(members, type_.members, strict=True)):
            return type_
        return replace(union, members=members)
    if isinstance(type_, ListOf):
        item = with_settled(type_.item, settled)
        return type_ if item is type_.item else ListOf(item)
    if isinstance(type_, MapOf):
        value = with_settled(type_.value, settled)
        return type_ if value is type_.value else MapOf(value)
    if isinstance(type_, Nullable):
        inner = with_settled(type_.inner, settled)
        return type_ if inner is type_.inner else Nullable(inner)
    return type_


_DATES = {"date", "datetime"}


def _dates_apart(members: list[TypeRef], converter: SchemaConverter) -> list[TypeRef]:
    """`members` with their union aliases written out when the union, flattened as a reader
    flattens it, holds a date-time and a date and one of them comes only through an alias:
    a target tells the two apart by the members it sees (Python writes the date-time
    `AwareDatetime`), which it cannot through an alias's name. Otherwise as they are."""
    flat = _flattened(members, converter, frozenset())
    direct = {m.name for m in members if isinstance(m, Primitive)}
    found = {m.name for m in flat if isinstance(m, Primitive)}
    if found >= _DATES and not direct >= _DATES:
        return list(dict.fromkeys(flat))
    return members


def _flattened(
    members: list[TypeRef], converter: SchemaConverter, seen: frozenset[str]
) -> list[TypeRef]:
    """The members, each union alias among them replaced by its own members, in order."""
    flat: list[TypeRef] = []
    for member in members:
        union = _alias_union(member, converter)
        if union is not None and isinstance(member, Named) and member.name not in seen:
            flat += _flattened(list(union.members), converter, seen | {member.name})
        else:
            flat.append(member)
    return flat


def _alias_union(member: TypeRef, converter: SchemaConverter) -> UnionOf | None:
    """The union a member names, when it names an alias of a plain one (already converted):
    one told apart by a tag stays whole, as a reader keeps it."""
    definition = converter.definitions.get(member.name) if isinstance(member, Named) else None
    union = definition.type if isinstance(definition, Alias) else None
    if isinstance(union, UnionOf) and union.dispatch is None and not union.tag_properties:
        return union
    return None


def member_rank(member: TypeRef, converter: SchemaConverter) -> int:
    """Where a member goes in its union (the spec's order otherwise): a reader that tries the
    members in turn and converts a value to the first that takes it (pydantic's smart mode,
    union validators elsewhere) must meet the members that convert nothing first. So string
    enums and literals come first, then integer enum classes (which take "5" and true),
    booleans, integer literals (0 or 1 would take false or true as its number, so after
    booleans), and a date-time member (which takes numbers and dates) after the members it
    would rob."""
    match member:
        case LiteralOf(values):
            return 0 if all(isinstance(v, str) for v in values) else 3
        case Named(name, "enum"):
            definition = converter.definitions.get(name)
            return 0 if isinstance(definition, Enum) and definition.value_type == "str" else 1
        case Primitive("bool"):
            return 2
        case Primitive("datetime"):
            return 5
        case Primitive("date"):
            return 6
        case Primitive("any") | Primitive("object"):
            return 7
    return 4


def _tell_apart(
    converter: SchemaConverter, node: Node, members: list[TypeRef]
) -> tuple[tuple[str, ...], TagDispatch | None]:
    """The tag properties that tell the members apart, or else the dispatch of a declared
    discriminator by its tag values."""
    discriminator = node.value.get("discriminator")
    declared = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
    models = [converter.definitions.get(m.name) if isinstance(m, Named) else None for m in members]
    variants = [m for m in models if isinstance(m, Model)]
    if len(variants) != len(members):
        if isinstance(declared, str):
            converter.warn(
                node.child("discriminator"),
                "schema.discriminator",
                f"discriminator '{declared}' is not used: not every variant is an object "
                "schema; the union is left plain (pydantic picks the variant that fits best)",
            )
        return (), None
    if isinstance(declared, str):
        if _is_tag(variants, declared):
            return (declared,), None
        named = [m for m in members if isinstance(m, Named)]
        return (), _tag_dispatch(converter, node, declared, named, variants)
    return tuple(f.wire_name for f in variants[0].fields if _is_tag(variants, f.wire_name)), None


def _tag_dispatch(
    converter: SchemaConverter,
    node: Node,
    key: str,
    members: list[Named],
    variants: list[Model],
) -> TagDispatch | None:
    """The declared discriminator `key` as tag values (see ir/discriminators.py); None,
    with a warning, when they cannot be told."""
    found = discriminators.dispatch(
        converter.specs,
        node,
        key,
        members,
        discriminators.variants(converter.specs, node, converter.member_of),
        {m: constant_tags(v, key) for m, v in zip(members, variants, strict=True)},
        converter.label,
    )
    if isinstance(found, TagDispatch):
        return found
    converter.warn(
        found.node,
        "schema.discriminator",
        f"discriminator '{key}' is not used: {found.message}; the union is left plain "
        "(pydantic picks the variant that fits best)",
    )
    return None


def _is_tag(variants: list[Model], wire_name: str) -> bool:
    """Whether every variant requires `wire_name` as a literal, no two sharing a value."""
    seen: set[str | int | bool] = set()
    for variant in variants:
        tag = next((f for f in variant.fields if f.wire_name == wire_name), None)
        if tag is None or not tag.required or not isinstance(tag.type, LiteralOf):
            return False
        values = set(tag.type.values)
        if values & seen:
            return False
        seen |= values
    return True


def constant_tags(variant: Model, wire_name: str) -> tuple[str, ...]:
    """The string values the variant's property `wire_name` is limited to, when its type is
    a literal (required or not); () otherwise."""
    tag = next((f for f in variant.fields if f.wire_name == wire_name), None)
    core = strip_null(tag.type)[0] if tag is not None else None
    if not isinstance(core, LiteralOf):
        return ()
    return tuple(v for v in core.values if isinstance(v, str))
