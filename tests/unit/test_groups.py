"""Resource groups: one per tag, with class names that shadow nothing in their modules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sdkwright.spec.resolve import load_spec
from sdkwright.targets.python.naming.step import NamingOptions, build_named_api
from spec_helpers import json_response, openapi, ref


def operation(operation_id: str, tag: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    responses = {"200": json_response(schema)} if schema else {"204": {"description": "none"}}
    return {"operationId": operation_id, "tags": [tag], "responses": responses}


def test_group_classes_avoid_models_the_client_and_each_other(tmp_path: Path) -> None:
    paths = {
        "/orders": {"get": operation("list_orders", "Orders")},
        "/positions": {"get": operation("list_positions", "Positions", ref("Positions"))},
        "/other": {"get": operation("other", "positions")},
        "/plain": {"get": operation("plain", "Accounts")},
    }
    spec = tmp_path / "openapi.json"
    spec.write_text(
        json.dumps(
            openapi(
                {"Positions": {"type": "object", "properties": {"a": {"type": "string"}}}}, paths
            )
        )
    )
    specs, _ = load_spec(spec)
    api, _ = build_named_api(specs, NamingOptions(package="orders", client_name="Orders"))
    names = {group.attribute: group.class_name for group in api.groups}
    assert names["accounts"] == "Accounts"  # nothing to avoid
    assert names["orders"] == "OrdersResource"  # the client is `Orders`
    assert names["positions"] == "PositionsResource"  # a model is `Positions`
    assert len(set(names.values())) == len(names) == 4
