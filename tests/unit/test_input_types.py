"""The Python target's rewrites of input types (issue 15): enums that also take their literal
values (`literal_enums`), and whole bodies that also take TypedDicts (`body_params`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sdkwright.ir.nodes import Alias, Api, ListOf, LiteralOf, Model, Named, Nullable, UnionOf
from sdkwright.targets.python import pytypes
from sdkwright.targets.python.body_params import is_param, models_only, with_body_params
from sdkwright.targets.python.literal_enums import INLINE_VALUES, with_literal_enums
from spec_helpers import build, definitions, json_response, model, openapi, ref

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


def test_whole_bodies_take_typed_dicts_of_every_model_they_reach(tmp_path: Path) -> None:
    rewritten = with_body_params(with_literal_enums(api(tmp_path), "everywhere"))
    found = definitions(rewritten)
    params = sorted(name for name, d in found.items() if is_param(d))
    # A schema already named LegParam exists: no clash with it; none made for Unused (its
    # body is flattened into keyword arguments); Leg reached through Order.
    assert params == ["LegParam_", "OrderParam"]
    order_param = found["OrderParam"]
    assert isinstance(order_param, Model)
    keys = {f.wire_name: f for f in order_param.fields}
    assert "id" not in keys  # read-only: responses only
    assert keys["side"].required and not keys["levels"].required
    assert keys["leg"].type == UnionOf((Named("Leg", "model"), Named("LegParam_", "model")))
    leg_param = found["LegParam_"]
    assert isinstance(leg_param, Model) and leg_param.module == "leg_param_"
    assert not is_param(found["LegParam"])
    body = rewritten.operations[0].body
    assert body is not None
    assert body.type == ListOf(UnionOf((Named("Order", "model"), Named("OrderParam", "model"))))
    assert models_only(body.type, found) == ListOf(Named("Order", "model"))
    assert not any(is_param(d) for d in api(tmp_path / "again").definitions)


def test_an_aliased_union_gets_a_plain_union_of_either(tmp_path: Path) -> None:
    schemas = {
        "A": {"type": "object", "properties": {"kind": {"const": "a"}}, "required": ["kind"]},
        "B": {"type": "object", "properties": {"kind": {"const": "b"}}, "required": ["kind"]},
        "AOrB": {"oneOf": [ref("A"), ref("B")], "discriminator": {"propertyName": "kind"}},
    }
    paths = {
        "/x": {
            "put": {
                "operationId": "put_x",
                "requestBody": {"content": {"application/json": {"schema": ref("AOrB")}}},
                "responses": {"204": {"description": "none"}},
            }
        }
    }
    built, _ = build(tmp_path, openapi(schemas, paths))
    found = definitions(with_body_params(built))
    alias = found["AOrBParam"]
    assert isinstance(alias, Alias)
    assert alias.type == UnionOf(
        (
            Named("A", "model"),
            Named("AParam", "model"),
            Named("B", "model"),
            Named("BParam", "model"),
        )
    )


def test_a_large_enum_is_written_once_as_an_alias_and_named_where_used(tmp_path: Path) -> None:
    values = [f"v{i}" for i in range(INLINE_VALUES + 1)]
    schemas = {
        "Big": {"type": "string", "enum": values},
        "Alone": {"type": "string", "enum": values},
        "Holder": {
            "type": "object",
            "properties": {name: ref("Big") for name in ("a", "b", "c")},
        },
        "BigValues": {"type": "object", "properties": {"taken": {"type": "string"}}},
    }
    built, _ = build(tmp_path, openapi(schemas))
    rewritten = with_literal_enums(built, "everywhere")
    found = definitions(rewritten)
    alias = found["BigValues_"]  # the spec's own BigValues keeps its name
    assert isinstance(alias, Alias) and alias.module == "big_values_"
    assert "AloneValues" not in found  # used nowhere: no alias
    assert alias.type == LiteralOf(tuple(values))
    either = UnionOf((Named("BigValues_", "alias"), Named("Big", "enum")))
    field_types = {f.type for f in model(rewritten, "Holder").fields}
    assert field_types and field_types <= {Nullable(either), either}
    # Inputs only (another library's models): no alias can be added, the enum stays as it is.
    assert with_literal_enums(built, "inputs").definitions == built.definitions


def test_an_enum_mypy_cannot_write_as_a_literal_stays_the_enum(tmp_path: Path) -> None:
    schemas = {
        "Low": {"type": "integer", "enum": [-(2**63), 0]},
        "Holder": {"type": "object", "properties": {"low": ref("Low")}},
    }
    built, _ = build(tmp_path, openapi(schemas))
    rewritten = with_literal_enums(built, "everywhere")
    assert model(rewritten, "Holder").fields == model(built, "Holder").fields
