"""Values OpenAPI's parameter styles do not define, told once per parameter.

The styles say how an array of scalars or an object of scalars is written; an array whose
items are objects or arrays (`filters: [{field, value}]`) has no defined text outside
`deepObject`. The runtime sends each such item as compact JSON (`_values.item_text`), which
a server can read back, and generation says so with the parameter's location.
"""

from __future__ import annotations

from collections.abc import Mapping

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir.nodes import Alias, Definition, ListOf, MapOf, Named, Nullable, TypeRef, UnionOf

CODE = "parameter.object-items"
HINT = (
    "if the server reads name[0][key]=value, give the parameter `style: deepObject`; "
    "otherwise check that it reads JSON text"
)


def object_items(
    wire_name: str,
    location: str,
    style: str,
    explode: bool,
    type_: TypeRef,
    definitions: Mapping[str, Definition],
    where: Location,
) -> list[Diagnostic]:
    """A WARNING when a query, header or cookie array holds objects or arrays."""
    items = _array_items(type_, definitions)
    if location == "path" or style == "deepObject" or items is None:
        return []
    if not _may_be_composite(items, definitions, set()):
        return []
    repeated = explode and style == "form" and location == "query"
    each = "each item is sent as" if repeated else "the array is sent as"
    return [
        Diagnostic(
            Level.WARNING,
            CODE,
            f"{location} parameter '{wire_name}': OpenAPI does not define the '{style}' style "
            f"for an array of objects or arrays; {each} JSON text",
            where,
            HINT,
        )
    ]


def _array_items(type_: TypeRef, definitions: Mapping[str, Definition]) -> TypeRef | None:
    match type_:
        case Nullable(inner):
            return _array_items(inner, definitions)
        case ListOf(item):
            return item
        case Named(name, "alias"):
            definition = definitions.get(name)
            if isinstance(definition, Alias):
                return _array_items(definition.type, definitions)
    return None


def _may_be_composite(
    type_: TypeRef, definitions: Mapping[str, Definition], seen: set[str]
) -> bool:
    match type_:
        case Nullable(inner):
            return _may_be_composite(inner, definitions, seen)
        case ListOf() | MapOf():
            return True
        case UnionOf(members):
            return any(_may_be_composite(m, definitions, seen) for m in members)
        case Named(name, kind):
            definition = definitions.get(name)
            if isinstance(definition, Alias) and name not in seen:
                return _may_be_composite(definition.type, definitions, seen | {name})
            return kind == "model"
    return False
