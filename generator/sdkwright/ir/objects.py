"""An object schema's fields: its properties and those of its allOf parts, merged."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sdkwright.diagnostics import Level
from sdkwright.ir.media import schema_example
from sdkwright.ir.names import DefinitionName, Term
from sdkwright.ir.nodes import MISSING, Field
from sdkwright.ir.shapes import description_of, non_null_members, usable_default
from sdkwright.spec.resolve import Node, RefError

if TYPE_CHECKING:
    from sdkwright.ir.schemas import Key, SchemaConverter


def object_parts(
    converter: SchemaConverter, node: Node, seen: frozenset[Key] = frozenset()
) -> Iterator[Node]:
    """The object schemas whose properties make up `node`, allOf parts flattened."""
    try:
        node = converter.specs.deref(node)
    except RefError:
        return
    key = (node.document.path, node.pointer)
    if key in seen:
        message = "allOf includes this schema in itself; the cycle is cut here"
        converter.warn(node, "schema.allof-cycle", message)
        return
    if not isinstance(node.value, dict):
        return
    parts = node.get("allOf")
    if parts is not None and isinstance(parts.value, list):
        for index in range(len(parts.value)):
            yield from object_parts(converter, parts.child(index), seen | {key})
    members = non_null_members(node.value)
    keyword = "oneOf" if node.value.get("oneOf") else "anyOf"
    if len(members) == 1:  # `oneOf: [{...}]`: a wrapper around one schema
        index = next(i for i, m in enumerate(node.value[keyword]) if m is members[0])
        yield from object_parts(converter, node.child(keyword).child(index), seen | {key})
    elif any(isinstance(m, dict) and ("properties" in m or "$ref" in m) for m in members):
        converter.warn(
            node,
            "schema.unsupported",
            f"the {len(members)} {keyword} variants of this object are not merged into its "
            "fields: their properties are kept untyped, as extra fields",
        )
    yield node


def fields(converter: SchemaConverter, node: Node, model_key: str) -> Iterator[Field]:
    properties: dict[str, Node] = {}
    required: set[str] = set()
    optional = _beside_unions(converter, node) if converter.optional_beside_unions else set()
    for part in object_parts(converter, node):
        props = part.get("properties")
        if props is not None and isinstance(props.value, dict):
            for wire_name in props.value:
                properties[wire_name] = props.child(wire_name)
        optional_part = (part.document.path, part.pointer) in optional
        if isinstance(part.value.get("required"), list) and not optional_part:
            required.update(r for r in part.value["required"] if isinstance(r, str))
    for wire_name, prop in properties.items():
        yield _field(converter, prop, wire_name, wire_name in required, model_key)


def _beside_unions(converter: SchemaConverter, node: Node) -> set[Key]:
    """The object parts of `node`'s allOf parts that sit beside a union part (a `oneOf` or
    `anyOf`): Stainless leaves what they require optional, the union's variants' own
    required properties aside (`SchemaConverter.optional_beside_unions`)."""
    try:
        node = converter.specs.deref(node)
        parts = node.get("allOf")
        if parts is None or not isinstance(parts.value, list):
            return set()
        resolved = [converter.specs.deref(parts.child(i)) for i in range(len(parts.value))]
    except RefError:
        return set()
    unions = [p for p in resolved if isinstance(p.value, dict) and _is_union(p.value)]
    if not unions:
        return set()
    return {
        (found.document.path, found.pointer)
        for part in resolved
        if not any(part is u for u in unions)
        for found in object_parts(converter, part)
    }


def _is_union(schema: dict[str, Any]) -> bool:
    return any(isinstance(schema.get(k), list) for k in ("oneOf", "anyOf"))


def _field(
    converter: SchemaConverter, prop: Node, wire_name: str, required: bool, model_key: str
) -> Field:
    type_ = converter.convert(prop, [DefinitionName(model_key), Term(wire_name, "Value")])
    schema = prop.value if isinstance(prop.value, dict) else {}
    description = description_of(schema) or _target_description(converter, prop)
    default = schema.get("default", MISSING)
    if default is not MISSING and not usable_default(default, type_, converter.definitions):
        converter.warn(
            prop,
            "schema.default",
            f"default {default!r} of property '{wire_name}' does not match its type; ignored",
            level=Level.INFO,
        )
        default = MISSING
    return Field(
        name="",
        wire_name=wire_name,
        type=type_,
        required=required,
        description=description,
        default=default,
        deprecated=schema.get("deprecated") is True,
        read_only=schema.get("readOnly") is True,
        write_only=schema.get("writeOnly") is True,
        example=_example(converter, prop),
    )


def _example(converter: SchemaConverter, prop: Node) -> Any:
    """The property's documented example, or that of the schema its `$ref` names."""
    example = schema_example(prop.value)
    if example is MISSING and isinstance(prop.value, dict) and "$ref" in prop.value:
        try:
            example = schema_example(converter.specs.deref(prop).value)
        except RefError:
            return MISSING
    return example


def _target_description(converter: SchemaConverter, prop: Node) -> str:
    if not isinstance(prop.value, dict) or "$ref" not in prop.value:
        return ""
    try:
        target = converter.specs.deref(prop)
    except RefError:
        return ""
    if converter.member_of(target):
        return ""  # the class documents itself
    return description_of(target.value)
