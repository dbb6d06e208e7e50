"""What the Stainless surface's inputs take (its methods' arguments, the keys of its TypedDicts):
arrays as Stainless's SDKs type them, so that any iterable goes where a list went.

    array of text (a str, an alias of it, a union with one) -> SequenceNotStr[str]
    array of enum values (Literal, enum, alias)             -> list[Status]
    any other array (objects, numbers, arrays)              -> Iterable[ItemParam]
    `format: byte` text                                     -> str | Base64FileInput

(`SequenceNotStr` refuses a bare str; a `Base64FileInput` file is sent base64-encoded.)

The runtime sends any such iterable (a tuple, a generator) as an array (`_values.array_items`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sdkwright.ir.nodes import (
    Alias,
    Definition,
    Enum,
    ListOf,
    LiteralOf,
    MapOf,
    Named,
    Nullable,
    Primitive,
    TypeRef,
    UnionOf,
)
from sdkwright.targets.python import pytypes

# The names input annotations use besides `pytypes.annotation`'s, and where they come from.
FROM_ABC = "Iterable"
FROM_RUNTIME = ("SequenceNotStr", "Base64FileInput", "WireName")
_USED = re.compile(rf"\b({FROM_ABC}\[|SequenceNotStr\[|Base64FileInput\b|WireName\()")
BASE64 = Primitive("str", "byte")  # `format: byte`: text, or a file sent base64-encoded


def input_annotation(type_: TypeRef, definitions: Mapping[str, Definition]) -> str:
    """`type_` as an argument (or a TypedDict key) of the Stainless surface takes it."""
    match type_:
        case ListOf(item):
            inner = input_annotation(item, definitions)
            kind = _item_kind(item, definitions, set())
            if kind == "text":
                return f"SequenceNotStr[{inner}]"
            return f"list[{inner}]" if kind == "enum" else f"{FROM_ABC}[{inner}]"
        case Nullable(inner):
            return f"{input_annotation(inner, definitions)} | None"
        case MapOf(value):
            return f"dict[str, {input_annotation(value, definitions)}]"
        case UnionOf(members, discriminator, dispatch) if not discriminator and dispatch is None:
            return " | ".join(input_annotation(m, definitions) for m in members)
        case Primitive("str", "byte"):
            return "str | Base64FileInput"
    return pytypes.annotation(type_)


def is_base64(type_: TypeRef) -> bool:
    """A `format: byte` value (or null): the method sends a file given for it as base64."""
    return (type_.inner if isinstance(type_, Nullable) else type_) == BASE64


def names_used(annotations: list[str]) -> tuple[set[str], set[str]]:
    """(from collections.abc, from the runtime's `_types`): what the annotations import."""
    used = {name.rstrip("[(") for text in annotations for name in _USED.findall(text)}
    return used & {FROM_ABC}, used & set(FROM_RUNTIME)


def _item_kind(item: TypeRef, definitions: Mapping[str, Definition], seen: set[str]) -> str:
    """'text', 'enum' or 'other': what an array of `item` is taken as."""
    match item:
        case Primitive("str"):
            return "text"
        case UnionOf(members) if any(_item_kind(m, definitions, seen) == "text" for m in members):
            return "text"  # items that may be text: a bare str must be refused too
        case LiteralOf():
            return "enum"
        case Named(name):
            definition = definitions.get(name)
            if isinstance(definition, Enum):
                return "enum"
            if isinstance(definition, Alias) and name not in seen:
                seen.add(name)
                return _item_kind(definition.type, definitions, seen)
    return "other"
