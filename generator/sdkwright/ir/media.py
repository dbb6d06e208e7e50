"""Media types: which one an operation's body or response is read from, and how it is encoded."""

from __future__ import annotations

from typing import Any

from sdkwright.ir.nodes import MISSING, BodyEncoding
from sdkwright.spec.resolve import Node, RefError, SpecSet

# Which request body media type wins when an operation offers several: JSON, then forms,
# then raw bytes, then text; within a rank, the spec's order.
_BODY_RANK = {"json": 0, "form": 1, "multipart": 2, "binary": 3, "text": 4}


def is_json(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json") or base == "*/*"


def pick_media_type(media_types: list[str]) -> str:
    return next((m for m in media_types if is_json(m)), media_types[0])


def pick_body_media_type(media_types: list[str]) -> str:
    if not media_types:
        return ""
    return min(media_types, key=lambda m: _BODY_RANK[body_encoding(m)])


def body_encoding(media_type: str) -> BodyEncoding:
    base = media_type.split(";")[0].strip().lower()
    if is_json(base):
        return "json"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base.startswith("multipart/"):
        return "multipart"
    if base.startswith("text/"):
        return "text"
    return "binary"


def content(specs: SpecSet, body: Node) -> tuple[Node, Node] | None:
    """A request body (or webhook payload), $refs followed, and its non-empty `content`."""
    try:
        body = specs.deref(body)
    except RefError:
        return None
    found = body.get("content")
    if found is None or not isinstance(found.value, dict) or not found.value:
        return None
    return body, found


def media_example(specs: SpecSet, media: Node) -> Any:
    if "example" in media.value:
        return media.value["example"]
    examples_node = media.get("examples")
    if (
        examples_node is None
        or not isinstance(examples_node.value, dict)
        or not examples_node.value
    ):
        return MISSING
    first = examples_node.child(next(iter(examples_node.value)))
    try:
        example = specs.deref(first)
    except RefError:
        return MISSING
    return example.value.get("value", MISSING) if isinstance(example.value, dict) else MISSING


def schema_example(schema: Any) -> Any:
    """A schema's documented example: `example`, else the first of `examples` (JSON Schema's
    list, OpenAPI 3.1); MISSING when it has none."""
    if not isinstance(schema, dict):
        return MISSING
    if "example" in schema:
        return schema["example"]
    listed = schema.get("examples")
    return listed[0] if isinstance(listed, list) and listed else MISSING


def is_empty_object(schema: Any) -> bool:
    return (
        isinstance(schema, dict)
        and schema.get("type") == "object"
        and not schema.get("properties")
        and schema.get("additionalProperties") is False
    )
