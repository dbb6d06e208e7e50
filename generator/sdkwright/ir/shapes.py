"""Small pure facts about schema objects and IR types, shared by the schema converter's parts."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Literal

from sdkwright.ir import examples
from sdkwright.ir.nodes import (
    ANY,
    Definition,
    Enum,
    MapOf,
    Model,
    Named,
    Nullable,
    Primitive,
    TypeRef,
    UnionOf,
)
from sdkwright.spec.resolve import Node

ClassKind = Literal["model", "enum", "alias"]
# Folder names that say nothing about a schema: left out of names made from its path.
_GENERIC_FOLDERS = frozenset({"models", "schemas", "components", "definitions", "shared", "spec"})


def strip_null(type_: TypeRef) -> tuple[TypeRef, bool]:
    if isinstance(type_, Nullable):
        return type_.inner, True
    return type_, False


def nullable(type_: TypeRef) -> TypeRef:
    return type_ if isinstance(type_, Nullable) else Nullable(type_)


def description_of(value: Any) -> str:
    if isinstance(value, dict):
        text = value.get("description") or value.get("title") or ""
        return text if isinstance(text, str) else ""
    return ""


def is_null_schema(value: Any) -> bool:
    return isinstance(value, dict) and (value.get("type") == "null" or value.get("enum") == [None])


def non_null_members(schema: dict[str, Any]) -> list[Any]:
    return [m for m in (schema.get("oneOf") or schema.get("anyOf") or []) if not is_null_schema(m)]


def enum_values(schema: Any) -> list[Any]:
    values = schema.get("enum") if isinstance(schema, dict) else None
    return [v for v in values if v is not None] if isinstance(values, list) else []


def enum_value_type(schema: dict[str, Any]) -> Literal["str", "int", ""]:
    """The value type of the enum class for a schema's values; "" when they need a Literal
    instead (booleans, or values of mixed types). A string enum stays one when a few values
    are not strings (YAML reads `yes` and `1` as such): they are read as their spelling."""
    values = enum_values(schema)
    if values and all(isinstance(v, str) for v in values):
        return "str"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    if values and schema.get("type") == "string":
        return "str"
    return ""


def class_kind(schema: Any) -> ClassKind | None:
    """Whether a schema becomes a class, and which: objects with properties, enums, unions."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return None
    values = enum_values(schema)
    if values:
        return "enum" if enum_value_type(schema) else "alias"
    members = non_null_members(schema)
    if len(members) >= 2:
        return "alias"
    if len(members) == 1 and not schema.get("properties"):
        # `{oneOf: [{type: object, ...}, {type: null}]}`: the class of its one member.
        return class_kind(members[0])
    if schema.get("properties") or len(schema.get("allOf") or []) > 1:
        return "model"
    return None


def usable_default(value: Any, type_: TypeRef, definitions: Mapping[str, Definition]) -> bool:
    """Whether a default fits its type: a target writes it as a value of that type (a list, a
    mapping or a model built from it, a date parsed; bytes have no JSON form to say)."""
    core, _ = strip_null(type_)
    if isinstance(core, Named):
        definition = definitions.get(core.name)
        if isinstance(definition, Enum):
            return value in [m.value for m in definition.members]
        fits = isinstance(definition, Model) and isinstance(value, dict)
        return fits and examples.problem(value, type_, definitions) is None
    if isinstance(core, Primitive) and core.name in ("datetime", "date"):
        return isinstance(value, str) and parsed_date(value, core.name) is not None
    if isinstance(core, Primitive) and core.name == "bytes":
        return False
    return examples.problem(value, type_, definitions) is None


def parsed_date(text: str, kind: str) -> datetime.date | None:
    """A `date` ("2020-01-31") or `datetime` (RFC 3339) default as Python reads it; None when
    it is not one."""
    try:
        if kind == "date":
            return datetime.date.fromisoformat(text) if len(text) == 10 else None
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        return None


def ref_context(target: Node) -> str:
    tokens = target.pointer.rsplit("/", 1)
    if target.pointer and tokens[-1]:
        return tokens[-1]
    return target.document.path.stem


def ref_contexts(target: Node) -> list[list[str]]:
    """Texts naming a schema outside `components`, most natural first: its key (or file
    name), then with its file name and the folders above it, nearest first."""
    words = [ref_context(target)]
    if target.pointer:
        words.insert(0, target.document.path.stem)
    contexts = [words[-1:], words] if len(words) > 1 else [words]
    for folder in reversed(target.document.path.parent.parts[-3:]):
        if folder.lower() not in _GENERIC_FOLDERS:
            words = [folder, *words]
            contexts.append(words)
    return contexts


def variant_hint(member: Any) -> str:
    """A text naming an inline union variant, from its title, its type or its first property."""
    if not isinstance(member, dict):
        return "Variant"
    if isinstance(member.get("title"), str):
        return str(member["title"])
    properties = member.get("properties")
    if isinstance(properties, dict) and properties:
        required = [r for r in member.get("required") or [] if r in properties]
        return "With " + str(required[0] if required else next(iter(properties)))
    type_name = member.get("type")
    return type_name if isinstance(type_name, str) else "Variant"


def without_member(type_: TypeRef, member: TypeRef) -> TypeRef:
    """A union without `member`: a union that lists itself (`E = int | E`) admits the same
    values without it, and type checkers reject such an alias as circular."""
    if not isinstance(type_, UnionOf) or member not in type_.members:
        return type_
    rest = tuple(m for m in type_.members if m != member)
    if not rest:
        return ANY
    return rest[0] if len(rest) == 1 else replace(type_, members=rest)


def is_object_type(type_: TypeRef) -> bool:
    """Whether values of the type may be objects (so a form field needs a style)."""
    core = type_.inner if isinstance(type_, Nullable) else type_
    if isinstance(core, UnionOf):
        return any(is_object_type(m) for m in core.members)
    if isinstance(core, MapOf):
        return True
    return isinstance(core, Named) and core.kind == "model"
