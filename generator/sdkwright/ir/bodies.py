"""Request bodies: OpenAPI 3's `requestBody`, Swagger 2.0's body and formData parameters.

Object bodies are offered as keyword arguments, one per property (`RequestBody.fields`, in
the order the spec declares them); how each form field is serialised comes from the
`encoding` object.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sdkwright.ir import media, parameters
from sdkwright.ir.names import NamePart
from sdkwright.ir.nodes import (
    ANY,
    MISSING,
    BodyEncoding,
    Field,
    FieldStyle,
    ListOf,
    Model,
    Named,
    Primitive,
    RequestBody,
    TypeRef,
)
from sdkwright.ir.schemas import SchemaConverter
from sdkwright.ir.shapes import description_of, is_object_type
from sdkwright.spec.resolve import Node


def request_body(converter: SchemaConverter, node: Node, context: NamePart) -> RequestBody | None:
    specs = converter.specs
    body = node.get("requestBody")
    if body is not None:
        return _body_v3(converter, body, context)
    for parameter in specs.parameters(node, ("body",)):
        media_type = media.pick_body_media_type(_consumes(converter, node)) or "application/json"
        return _body_from(
            converter,
            parameter.get("schema"),
            media_type,
            media.body_encoding(media_type),
            parameter.value.get("required") is True,
            description_of(parameter.value),
            context,
            MISSING,
        )
    form_data = specs.parameters(node, ("formData",))
    return _form_data_body(converter, node, form_data, context) if form_data else None


def _consumes(converter: SchemaConverter, node: Node) -> list[str]:
    """Swagger 2.0: the operation's `consumes`, else the spec's."""
    for owner in (node.value, converter.specs.root_node.value):
        consumes = owner.get("consumes")
        if isinstance(consumes, list) and consumes:
            return [str(m) for m in consumes]
    return []


def _form_data_body(
    converter: SchemaConverter, node: Node, form: list[Node], context: NamePart
) -> RequestBody:
    """Swagger 2.0 `in: formData` parameters: the fields of a form (multipart with files)."""
    consumes = _consumes(converter, node)
    files = any(p.value.get("type") == "file" for p in form)
    multipart = files or any(m.startswith("multipart/") for m in consumes)
    media_type = "multipart/form-data" if multipart else "application/x-www-form-urlencoded"
    fields, styles = [], []
    for parameter in form:
        wire_name = str(parameter.value.get("name", ""))
        type_ = converter.convert(parameter, [context, wire_name])
        fields.append(
            Field(
                "",
                wire_name,
                type_,
                parameter.value.get("required") is True,
                description_of(parameter.value),
                deprecated=parameter.value.get("deprecated") is True,
            )
        )
        style, explode = parameters.style(converter, parameter, "formData")
        if isinstance(type_, ListOf) and not explode:
            styles.append(FieldStyle(wire_name, style, explode))
    return RequestBody(
        media_type,
        ANY,
        any(f.required for f in fields),
        "",
        tuple(fields),
        MISSING,
        "multipart" if multipart else "form",
        tuple(styles),
    )


def _body_v3(converter: SchemaConverter, body: Node, context: NamePart) -> RequestBody | None:
    found = media.content(converter.specs, body)
    if found is None:
        return None
    body, content = found
    media_type = media.pick_body_media_type(list(content.value))
    chosen = content.child(media_type)
    request = _body_from(
        converter,
        chosen.get("schema"),
        media_type,
        media.body_encoding(media_type),
        body.value.get("required") is True,
        description_of(body.value),
        context,
        media.media_example(converter.specs, chosen),
    )
    if request.encoding in ("form", "multipart"):
        return replace(request, field_styles=_field_styles(converter, chosen, request))
    return request


def _field_styles(
    converter: SchemaConverter, chosen: Node, body: RequestBody
) -> tuple[FieldStyle, ...]:
    """The form fields the `encoding` object (or their type) gives a style of their own."""
    encoding = chosen.value.get("encoding")
    encoding = encoding if isinstance(encoding, dict) else {}
    styles = []
    for field in body.fields or ():
        declared = encoding.get(field.wire_name)
        declared = declared if isinstance(declared, dict) else {}
        style = declared.get("style", "form")
        explode = declared.get("explode", style == "form") is True
        if style not in ("form", "deepObject", "spaceDelimited", "pipeDelimited"):
            converter.warn(
                chosen,
                "body.field-style",
                f"form field '{field.wire_name}': style '{style}' is not supported; "
                "it is sent in the 'form' style",
            )
            style = "form"
        is_object = is_object_type(field.type)
        if style != "form" or not explode or (is_object and body.encoding == "form"):
            styles.append(FieldStyle(field.wire_name, style, explode))
    return tuple(styles)


def _body_from(
    converter: SchemaConverter,
    schema: Node | None,
    media_type: str,
    encoding: BodyEncoding,
    required: bool,
    description: str,
    context: NamePart,
    example: Any,
) -> RequestBody:
    if encoding == "binary":
        binary = Primitive("bytes", "binary")
        return RequestBody(media_type, binary, required, description, None, MISSING, encoding)
    if encoding == "text":
        return RequestBody(
            media_type, Primitive("str"), required, description, None, example, encoding
        )
    if schema is None:
        return RequestBody(media_type, ANY, required, description, None, example, encoding)
    type_ = converter.convert(schema, [context, "Body"])
    fields = _flattened(converter, type_)
    if fields is None and encoding != "json" and media.is_empty_object(schema.value):
        fields = ()  # a form of no fields (Stripe's GETs): only extra_body can add one
    if fields is None and encoding != "json" and not is_object_type(type_):
        converter.warn(
            schema,
            "body.not-an-object",
            f"the {media_type} body is not an object; it is sent as given",
        )
    return RequestBody(media_type, type_, required, description, fields, example, encoding)


def _flattened(converter: SchemaConverter, type_: TypeRef) -> tuple[Field, ...] | None:
    """Object bodies become keyword arguments: one per property the caller may send."""
    if not isinstance(type_, Named) or type_.kind != "model":
        return None
    model = converter.definitions[type_.name]
    assert isinstance(model, Model)
    return tuple(
        Field(
            "",
            field.wire_name,
            field.type,
            field.required,
            field.description,
            field.default,
            field.deprecated,
        )
        for field in model.fields
        if not field.read_only
    )
