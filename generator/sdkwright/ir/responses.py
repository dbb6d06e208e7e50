"""An operation's responses, the one that describes success, and the example tests use."""

from __future__ import annotations

from dataclasses import replace
from http import HTTPStatus
from typing import Any

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir import example_forms, examples, media
from sdkwright.ir.names import NamePart
from sdkwright.ir.nodes import ANY, MISSING, Primitive, Response, TypeRef, UnionOf
from sdkwright.ir.schemas import SchemaConverter
from sdkwright.spec.resolve import Node, RefError


def responses(converter: SchemaConverter, node: Node, context: NamePart) -> tuple[Response, ...]:
    found = node.get("responses")
    if found is None or not isinstance(found.value, dict):
        return ()
    result = []
    # Without a 2xx response, `default` describes success.
    first_success = min(
        (str(s) for s in found.value if str(s).startswith("2")),
        default="default" if "default" in found.value else "",
    )
    produces = _response_types(converter, node)
    for status in found.value:
        try:
            response = converter.specs.deref(found.child(status))
        except RefError:
            continue
        if isinstance(response.value, dict):
            # The main success response is named after the operation; others say which,
            # e.g. 207 -> <operation> Multi-Status Response.
            words: list[NamePart] = (
                [context]
                if str(status) == first_success
                else [context, _status_phrase(str(status))]
            )
            success = str(status).startswith("2") or str(status) == first_success
            result.append(_response(converter, str(status), response, words, success, produces))
    return tuple(result)


def _response_types(converter: SchemaConverter, node: Node) -> list[str]:
    """Swagger 2.0: the operation's `produces`, else the spec's."""
    for owner in (node.value, converter.specs.root_node.value):
        produces = owner.get("produces")
        if isinstance(produces, list) and produces:
            return [str(m) for m in produces]
    return []


def _response(
    converter: SchemaConverter,
    status: str,
    node: Node,
    context: list[NamePart],
    success: bool,
    produces: list[str],
) -> Response:
    description = str(node.value.get("description") or "")
    chosen, media_type = _response_media(node, produces)
    if chosen is None:
        return Response(status, description, "empty", None)
    if not success:
        return Response(status, description, "json", ANY)
    base = media_type.split(";")[0].strip().lower()
    if base == "text/event-stream":
        return Response(
            status, description, "events", None, event_type=_event_type(converter, chosen)
        )
    schema = chosen.get("schema")
    if schema is not None and schema.value.get("type") == "file":  # Swagger 2.0
        return Response(status, description, "bytes", Primitive("bytes"))
    if media.is_json(media_type):
        type_ = converter.convert(schema, [*context, "Response"]) if schema is not None else ANY
        example = media.media_example(converter.specs, chosen)
        return Response(status, description, "json", type_, example)
    if media_type.startswith("text/"):
        example = media.media_example(converter.specs, chosen)
        return Response(status, description, "text", Primitive("str"), example)
    return Response(status, description, "bytes", Primitive("bytes"))


def _event_type(converter: SchemaConverter, media_node: Node) -> TypeRef | None:
    """The type of each event's data: the component schema the stream's `itemSchema`
    (OpenAPI 3.2) or `schema` refers to. Other schemas describe the stream as text (or would
    add classes only this use needs): None."""
    schema = media_node.get("itemSchema") or media_node.get("schema")
    if schema is None or not isinstance(schema.value, dict) or "$ref" not in schema.value:
        return None
    try:
        target = converter.specs.deref(schema)
    except RefError:
        return None
    named = converter.member_of(target)
    if named is None or named.name not in converter.definitions:
        return None
    return converter.convert(schema, [])


def _response_media(node: Node, produces: list[str]) -> tuple[Node | None, str]:
    content = node.get("content")
    if content is not None and isinstance(content.value, dict) and content.value:
        media_type = media.pick_media_type(list(content.value))
        return content.child(media_type), media_type
    schema = node.get("schema")  # Swagger 2.0
    if schema is not None:
        return node, media.pick_media_type(produces or ["application/json"])
    return None, ""


def success(found: tuple[Response, ...]) -> Response:
    successes = sorted((r for r in found if r.status.startswith("2")), key=lambda r: r.status)
    if not successes:
        default = next((r for r in found if r.status == "default"), None)
        if default is not None:
            return replace(default, status="200")
        return Response("200", "", "empty", None)
    with_body = [r for r in successes if r.kind != "empty"]
    if len({r.type for r in with_body}) > 1 and all(r.kind == "json" for r in with_body):
        members = tuple(dict.fromkeys(r.type for r in with_body if r.type is not None))
        first = with_body[0]
        return Response(first.status, first.description, "json", UnionOf(members), first.example)
    return with_body[0] if with_body else successes[0]


def example(converter: SchemaConverter, response: Response, node: Node) -> tuple[Any, bool]:
    """The documented example when it round-trips; otherwise one synthesised from the type."""
    if response.kind == "empty" or response.type is None:
        return MISSING, False
    if response.example is not MISSING:
        value, problem = example_forms.usable(
            response.example, response.type, converter.definitions, label=converter.label
        )
        if problem is None:
            return value, False
        converter.diagnostics.append(
            Diagnostic(
                Level.WARNING,
                "example.mismatch",
                f"the {response.status} example does not match its schema ({problem}); tests "
                "use a synthesised instance",
                node.location,
            )
        )
    return examples.synthesise(response.type, converter.definitions), True


def _status_phrase(status: str) -> str:
    try:
        return HTTPStatus(int(status)).phrase
    except ValueError:
        return status.replace("X", "x")
