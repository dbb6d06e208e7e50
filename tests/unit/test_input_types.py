"""The Python target's rewrites of input types (issue 15): enums that also take their literal
values (`literal_enums`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sdkwright.ir.nodes import Api, ListOf, LiteralOf, Named, Nullable, UnionOf
from sdkwright.targets.python import pytypes
from sdkwright.targets.python.literal_enums import with_literal_enums
from spec_helpers import build, json_response, model, openapi, ref

SCHEMAS: dict[str, Any] = {
    "Side": {"type": "string", "enum": ["BUY", "SELL"]},
    "Level": {"type": "integer", "enum": [1, 2]},
    "Order": {
        "type": "object",
        "required": ["side"],
        "properties": {
            "side": ref("Side"),
            "levels": {"type": "array", "items": ref("Level")},
            "note": {"type": ["string", "null"]},
            "id": {"type": "string", "readOnly": True},
            "leg": ref("Leg"),
        },
    },
    "Leg": {"type": "object", "properties": {"side": ref("Side"), "next": ref("Leg")}},
    "Unused": {"type": "object", "properties": {"x": {"type": "string"}}},
    "LegParam": {"type": "object", "properties": {"taken": {"type": "string"}}},
}

PATHS: dict[str, Any] = {
    "/orders": {
        "post": {
            "operationId": "submit_orders",
            "parameters": [{"name": "side", "in": "query", "schema": ref("Side")}],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"type": "array", "items": ref("Order")}}
                },
            },
            "responses": {"200": json_response({"type": "array", "items": ref("Order")})},
        }
    },
    "/unused": {
        "post": {
            "operationId": "flattened",
            "requestBody": {"content": {"application/json": {"schema": ref("Unused")}}},
            "responses": {"204": {"description": "none"}},
        }
    },
}

SIDE = UnionOf((LiteralOf(("BUY", "SELL")), Named("Side", "enum")))


def api(tmp_path: Path) -> Api:
    built, diagnostics = build(tmp_path, openapi(SCHEMAS, PATHS))
    assert not [d for d in diagnostics if d.level.name == "ERROR"]
    return built


def test_enums_take_their_literal_values_everywhere(tmp_path: Path) -> None:
    rewritten = with_literal_enums(api(tmp_path), "everywhere")
    op = rewritten.operations[0]
    assert op.parameters[0].type == Nullable(SIDE) or op.parameters[0].type == SIDE
    types = {f.wire_name: f.type for f in model(rewritten, "Order").fields}
    assert types["side"] == SIDE
    assert types["levels"] == ListOf(UnionOf((LiteralOf((1, 2)), Named("Level", "enum"))))
    assert pytypes.annotation(SIDE) == 'Literal["BUY", "SELL"] | Side'


def test_inputs_only_leaves_models_and_responses_alone(tmp_path: Path) -> None:
    original = api(tmp_path)
    rewritten = with_literal_enums(original, "inputs")
    assert rewritten.definitions == original.definitions
    assert rewritten.operations[0].success == original.operations[0].success
    assert SIDE in (rewritten.operations[0].parameters[0].type, Nullable(SIDE))
    assert with_literal_enums(original, "none") is original
