"""Parameters of an operation (path item's and operation's, merged) and how each is serialised."""

from __future__ import annotations

from typing import Any

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir import media, undefined_styles
from sdkwright.ir.names import NamePart
from sdkwright.ir.nodes import ANY, MISSING, Parameter, ParameterStyle
from sdkwright.ir.schemas import SchemaConverter
from sdkwright.spec.resolve import Node

PARAMETER_LOCATIONS = ("path", "query", "header", "cookie")
# OpenAPI 3.1 allows `allowReserved` on query parameters only; this says it of a path one.
ALLOW_RESERVED_EXTENSION = "x-sdkwright-allow-reserved"
# OpenAPI 3 ignores header parameters of these names: the media types and the security schemes
# say what goes in them, and an argument would replace the client's credential.
IGNORED_HEADERS = frozenset({"authorization", "content-type", "accept"})


def parameters(
    converter: SchemaConverter, item: Node, node: Node, context: NamePart
) -> tuple[Parameter, ...]:
    """In the order they are declared: the path item's, then the operation's own (one that
    redeclares a path item's parameter takes its place)."""
    merged: dict[tuple[str, str], Node] = {}
    for owner in (item, node):
        for parameter in converter.specs.parameters(owner, PARAMETER_LOCATIONS):
            merged[(str(parameter.value.get("name")), str(parameter.value.get("in")))] = parameter
    kept = [p for p in merged.values() if not _ignored_header(converter, p)]
    return tuple(_parameter(converter, p, context) for p in kept)


def _ignored_header(converter: SchemaConverter, node: Node) -> bool:
    """A header parameter OpenAPI says to ignore (told once per declaration, which several
    operations may share)."""
    name = str(node.value.get("name", ""))
    if node.value.get("in") != "header" or name.lower() not in IGNORED_HEADERS:
        return False
    if not any(
        d.code == "parameter.ignored-header" and d.location == node.location
        for d in converter.diagnostics
    ):
        converter.warn(
            node,
            "parameter.ignored-header",
            f"header parameter '{name}' is ignored, as OpenAPI says: the SDK sets it from the "
            "security schemes and media types",
        )
    return True


def _parameter(converter: SchemaConverter, node: Node, context: NamePart) -> Parameter:
    value = node.value
    wire_name = str(value.get("name", ""))
    location = value["in"]
    schema = node.get("schema")
    media_example, json_content = MISSING, False
    if schema is None and "content" in value:
        schema, media_example, json_content = _content(converter, node)
    if schema is not None:
        type_ = converter.convert(schema, [context, wire_name])
    elif "type" in value:  # Swagger 2.0 keeps the schema on the parameter itself
        type_ = converter.convert(node, [context, wire_name])
    else:
        converter.diagnostics.append(
            Diagnostic(
                Level.WARNING,
                "parameter.no-schema",
                f"parameter '{wire_name}' has no schema; typed as Any",
                node.location,
            )
        )
        type_ = ANY
    example = _documented_example(converter, node, media_example, schema)
    style_, explode = style(converter, node, location)
    if not json_content:  # JSON text has no style to lack
        converter.diagnostics += undefined_styles.object_items(
            wire_name, location, style_, explode, type_, converter.definitions, node.location
        )
    return Parameter(
        name="",
        wire_name=wire_name,
        location=location,
        type=type_,
        required=location == "path" or value.get("required") is True,
        description=str(value.get("description") or ""),
        deprecated=value.get("deprecated") is True,
        explode=explode,
        example=example,
        style=style_,
        allow_reserved=location == "path" and _allows_reserved(value),
        json_content=json_content,
    )


def _documented_example(
    converter: SchemaConverter, node: Node, media_example: Any, schema: Node | None
) -> Any:
    """The parameter's `example` or first of `examples`, its media type's, its schema's, or
    its schema's default: the first the spec gives (MISSING: none)."""
    example = media.media_example(converter.specs, node)
    if example is MISSING:
        example = media_example
    schema_value = schema.value if schema is not None else None
    if example is MISSING:
        example = media.schema_example(schema_value)
    if example is MISSING and isinstance(schema_value, dict):
        example = schema_value.get("default", MISSING)
    return example


def _content(converter: SchemaConverter, node: Node) -> tuple[Node | None, Any, bool]:
    """A parameter described by `content` (one media type, OpenAPI says): its schema, its
    example, and whether it is JSON (sent as JSON text; another media type goes as text)."""
    content = node.get("content")
    if content is None or not isinstance(content.value, dict) or not content.value:
        return None, MISSING, False
    media_type = str(next(iter(content.value)))
    entry = content.child(media_type)
    if not isinstance(entry.value, dict):
        return None, MISSING, False
    example = media.media_example(converter.specs, entry)
    return entry.get("schema"), example, media.is_json(media_type)


def _allows_reserved(parameter: dict[str, object]) -> bool:
    return any(parameter.get(key) is True for key in ("allowReserved", ALLOW_RESERVED_EXTENSION))


def style(converter: SchemaConverter, node: Node, location: str) -> tuple[ParameterStyle, bool]:
    """OpenAPI's style and explode (Swagger 2.0's collectionFormat), defaults applied."""
    value = node.value
    if "collectionFormat" in value:
        return _collection_format(converter, node, location)
    default: ParameterStyle = "form" if location in ("query", "cookie") else "simple"
    found = value.get("style", default)
    # Swagger 2.0 arrays are comma-separated unless collectionFormat says otherwise.
    exploded_by_default = found == "form" and converter.version != "2.0"
    explode = value.get("explode", exploded_by_default) is True
    if found == "deepObject" and location == "query":
        return "deepObject", True
    if found in ("spaceDelimited", "pipeDelimited") and location == "query":
        return found, explode
    if found in ("label", "matrix") and location == "path":
        return found, explode
    if found != default:
        converter.warn(
            node,
            "parameter.style",
            f"parameter '{value.get('name')}': style '{found}' in the {location} is not "
            f"supported; it is sent in the '{default}' style",
        )
    return default, explode


def _collection_format(
    converter: SchemaConverter, node: Node, location: str
) -> tuple[ParameterStyle, bool]:
    found = node.value["collectionFormat"]
    default: ParameterStyle = "form" if location in ("query", "formData") else "simple"
    if found == "multi" and default == "form":
        return "form", True
    if found == "ssv" and default == "form":
        return "spaceDelimited", False
    if found == "pipes" and default == "form":
        return "pipeDelimited", False
    if found != "csv":
        converter.warn(
            node,
            "parameter.style",
            f"parameter '{node.value.get('name')}': collectionFormat '{found}' is not "
            "supported here; values are comma-separated",
        )
    return default, False
