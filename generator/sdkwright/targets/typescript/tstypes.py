"""The IR's types spelled in TypeScript.

Objects are interfaces, enums string-literal (or number-literal) unions that still accept
values the server adds later (`'A' | 'B' | (string & {})`), and `null` stays apart from a
missing property: `Nullable` is `T | null`, an optional property `name?: T`.
"""

from __future__ import annotations

from sdkwright.ir.nodes import (
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
from sdkwright.targets.typescript.tstext import ts_literal

_PRIMITIVES = {
    "str": "string",
    "int": "number",
    "float": "number",
    "bool": "boolean",
    "datetime": "string",  # ISO 8601 text, as sent: no Date conversion
    "date": "string",
    "bytes": "string",  # base64 text inside JSON
    "any": "unknown",
    "object": "unknown",
    "null": "null",
}
# A value of the enum's type outside its members (one the server added since).
OPEN_ENUM = {"str": "(string & {})", "int": "(number & {})"}


def ts_type(ref: TypeRef, prefix: str = "") -> str:
    """The TypeScript type of `ref`; `prefix` qualifies the SDK's own types (`Models.`)."""
    if isinstance(ref, Primitive):
        return _PRIMITIVES[ref.name]
    if isinstance(ref, Named):
        return prefix + ref.name
    if isinstance(ref, ListOf):
        return f"Array<{ts_type(ref.item, prefix)}>"
    if isinstance(ref, MapOf):
        return f"{{ [key: string]: {ts_type(ref.value, prefix)} }}"
    if isinstance(ref, Nullable):
        return f"{_grouped(ref.inner, prefix)} | null"
    if isinstance(ref, LiteralOf):
        return " | ".join(ts_literal(v) for v in ref.values) or "never"
    assert isinstance(ref, UnionOf)
    return " | ".join(_grouped(m, prefix) for m in ref.members) or "never"


def _grouped(ref: TypeRef, prefix: str) -> str:
    """A member of a union: parenthesised when it is a union itself."""
    text = ts_type(ref, prefix)
    return f"({text})" if isinstance(ref, UnionOf | Nullable | LiteralOf) else text


def enum_type(enum: Enum) -> str:
    """An enum's members as a literal union, open to values added later."""
    members = [ts_literal(m.value) for m in enum.members]
    return " | ".join([*members, OPEN_ENUM[enum.value_type]])
