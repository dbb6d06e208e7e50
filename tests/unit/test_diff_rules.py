"""The classification rules of `sdkwright.diff`, one rule per test, on IR built from small specs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from sdkwright import diff
from sdkwright.ir.nodes import ANY, ListOf, LiteralOf, Named, Nullable, Primitive, UnionOf
from spec_helpers import build, json_response, openapi, ref

STR, INT, FLOAT = Primitive("str"), Primitive("int"), Primitive("float")
CREATE = "client.orders.create_order()"

BASE: dict[str, Any] = openapi(
    schemas={
        "Order": {
            "type": "object",
            "required": ["symbol"],
            "properties": {
                "symbol": {"type": "string"},
                "quantity": {"type": "integer"},
            },
        },
        "Receipt": {
            "type": "object",
            "required": ["id", "status"],
            "properties": {
                "id": {"type": "string"},
                "status": ref("Status"),
                "total": {"type": "number"},
                "note": {"type": "string"},
            },
        },
        "Status": {"type": "string", "enum": ["open", "filled"]},
    },
    paths={
        "/orders": {
            "post": {
                "operationId": "create_order",
                "tags": ["orders"],
                "parameters": [{"name": "dry_run", "in": "query", "schema": {"type": "boolean"}}],
                "requestBody": {"content": {"application/json": {"schema": ref("Order")}}},
                "responses": {"200": json_response(ref("Receipt"))},
            }
        }
    },
)


def changes(tmp_path: Path, edit: Any) -> set[tuple[str, str, str, str]]:
    """(kind, element, name, bump) of every change that `edit(spec)` makes to BASE."""
    new = copy.deepcopy(BASE)
    edit(new)
    (tmp_path / "old").mkdir(parents=True)
    (tmp_path / "new").mkdir()
    old_api, _ = build(tmp_path / "old", BASE)
    new_api, _ = build(tmp_path / "new", new)
    return {(c.kind, c.element, c.name, c.bump) for c in diff.compare(old_api, new_api).changes}


def schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


def operation(spec: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = spec["paths"]["/orders"]["post"]
    return found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (STR, STR, "same"),
        (Primitive("int", "int32"), Primitive("int", "int64"), "same"),
        (STR, Nullable(STR), "wider"),
        (Nullable(STR), STR, "narrower"),
        (INT, FLOAT, "wider"),
        (FLOAT, INT, "narrower"),
        (STR, INT, "different"),
        (STR, UnionOf((STR, INT)), "wider"),
        (UnionOf((STR, INT)), STR, "narrower"),
        (UnionOf((STR, INT)), UnionOf((STR, FLOAT)), "different"),
        (STR, ANY, "wider"),
        (ANY, STR, "narrower"),
        (LiteralOf(("a",)), LiteralOf(("a", "b")), "wider"),
        (ListOf(STR), ListOf(Nullable(STR)), "wider"),
        (Named("Status", "enum"), STR, "wider"),
        (STR, Named("Status", "enum"), "narrower"),
        (Named("A", "model"), Named("B", "model"), "different"),
        (Nullable(INT), FLOAT, "different"),  # lost None, gained floats
    ],
)
def test_relation(old: Any, new: Any, expected: str) -> None:
    assert diff.relation(old, new) == expected


@pytest.mark.parametrize(
    ("change", "direction", "bump"),
    [
        ("wider", "input", "minor"),
        ("narrower", "input", "major"),
        ("wider", "output", "major"),
        ("narrower", "output", "patch"),
        ("wider", "both", "major"),
        ("different", "input", "major"),
    ],
)
def test_type_bump(change: Any, direction: Any, bump: str) -> None:
    assert diff.type_bump(change, direction) == bump


def test_data_flows(tmp_path: Path) -> None:
    api, _ = build(tmp_path, BASE)
    assert diff.data_flows(api) == {"Order": "input", "Receipt": "output", "Status": "output"}


def test_no_change_no_bump(tmp_path: Path) -> None:
    assert changes(tmp_path, lambda spec: None) == set()


def test_a_new_required_field_breaks_builders_not_readers(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        for name in ("Order", "Receipt"):
            schema(spec, name)["properties"]["extra"] = {"type": "string"}
            schema(spec, name)["required"].append("extra")

    found = changes(tmp_path, edit)
    assert ("added", "field", "Receipt.extra", "minor") in found
    assert ("added", "parameter", "client.orders.create_order(extra=...)", "major") in found


def test_optional_fields_and_parameters_are_minor(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        schema(spec, "Receipt")["properties"]["fee"] = {"type": "number"}
        operation(spec)["parameters"].append({"name": "tag", "in": "query", "schema": {}})

    assert changes(tmp_path, edit) == {
        ("added", "field", "Receipt.fee", "minor"),
        ("added", "parameter", "client.orders.create_order(tag=...)", "minor"),
    }


def test_removals_break(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        del schema(spec, "Receipt")["properties"]["note"]
        operation(spec)["parameters"] = []

    assert changes(tmp_path, edit) == {
        ("removed", "field", "Receipt.note", "major"),
        ("removed", "parameter", "client.orders.create_order(dry_run=...)", "major"),
    }


def test_a_parameter_made_required_breaks_made_optional_does_not(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        operation(spec)["parameters"][0]["required"] = True
        schema(spec, "Order")["required"] = []

    assert changes(tmp_path, edit) == {
        ("changed", "parameter", "client.orders.create_order(dry_run=...)", "major"),
        ("changed", "field", "Order.symbol", "minor"),  # an input: optional is fine
        ("changed", "parameter", "client.orders.create_order(symbol=...)", "minor"),
    }


def test_an_output_field_that_may_be_missing_breaks_readers(tmp_path: Path) -> None:
    assert changes(tmp_path, lambda spec: schema(spec, "Receipt")["required"].remove("id")) == {
        ("changed", "field", "Receipt.id", "major")
    }


def test_types_narrowed_or_widened_by_direction(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        schema(spec, "Order")["properties"]["quantity"] = {"type": "number"}  # input widened
        schema(spec, "Order")["properties"]["symbol"] = {"type": "string", "enum": ["A", "B"]}
        schema(spec, "Receipt")["properties"]["total"] = {"type": "integer"}  # output narrowed
        schema(spec, "Receipt")["properties"]["note"] = {"type": ["string", "null"]}

    found = changes(tmp_path, edit)
    assert ("changed", "field", "Order.quantity", "minor") in found
    assert ("changed", "field", "Order.symbol", "major") in found  # input narrowed to an enum
    assert ("changed", "field", "Receipt.total", "patch") in found
    assert ("changed", "field", "Receipt.note", "major") in found  # readers may now get None


def test_enum_values_removed_break_added_do_not(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        schema(spec, "Status")["enum"] = ["open", "cancelled"]

    assert changes(tmp_path, edit) == {
        ("removed", "enum value", "Status.FILLED", "major"),
        ("added", "enum value", "Status.CANCELLED", "minor"),
    }


def test_operations_removed_break_added_do_not(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["paths"]["/receipts"] = {
            "get": {
                "operationId": "list_receipts",
                "tags": ["orders"],
                "responses": {"200": json_response({"type": "array", "items": ref("Receipt")})},
            }
        }

    assert changes(tmp_path, edit) == {
        ("added", "operation", "client.orders.list_receipts()", "minor")
    }

    def remove(spec: dict[str, Any]) -> None:
        del spec["paths"]["/orders"]
        del spec["components"]["schemas"]["Order"]

    found = changes(tmp_path / "again", remove)
    assert ("removed", "operation", CREATE, "major") in found
    assert ("removed", "model", "Order", "major") in found


def test_a_new_return_type_breaks(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        operation(spec)["responses"] = {"204": {"description": "done"}}

    assert ("changed", "return type", CREATE, "major") in changes(tmp_path, edit)


def test_a_change_of_credential_breaks_the_client(tmp_path: Path) -> None:
    def bearer(spec: dict[str, Any]) -> None:
        spec["components"]["securitySchemes"] = {"token": {"type": "http", "scheme": "bearer"}}
        spec["security"] = [{"token": []}]

    def api_key(spec: dict[str, Any]) -> None:
        bearer(spec)
        spec["components"]["securitySchemes"] = {
            "token": {"type": "apiKey", "in": "header", "name": "X-Key"}
        }

    old, new = copy.deepcopy(BASE), copy.deepcopy(BASE)
    bearer(old)
    api_key(new)
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    report = diff.compare(build(tmp_path / "old", old)[0], build(tmp_path / "new", new)[0])
    [change] = report.changes
    assert (change.kind, change.element, change.bump) == ("changed", "client", "major")
    assert change.detail == "authentication changed from bearer token to API key in header 'X-Key'"
    assert changes(tmp_path / "added", bearer) == {("changed", "client", "X", "major")}


def test_paths_and_documentation_are_patches(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["paths"]["/v2/orders"] = spec["paths"].pop("/orders")
        schema(spec, "Receipt")["description"] = "What an order gives back."

    assert changes(tmp_path, edit) == {
        ("changed", "operation", CREATE, "patch"),
        ("changed", "model", "Receipt", "patch"),
    }


def test_the_bump_is_the_largest() -> None:
    def report(*bumps: Any) -> diff.DiffReport:
        return diff.DiffReport(tuple(diff.ApiChange("added", "field", "X.y", "", b) for b in bumps))

    assert report().bump == "none"
    assert report("patch").bump == "patch"
    assert report("patch", "minor").bump == "minor"
    assert report("minor", "major", "patch").bump == "major"


def test_markdown_keeps_backticks_in_names_inert() -> None:
    change = diff.ApiChange("added", "enum value", "Kind.TICK", 'new value "a`b"', "minor")
    text = diff.render_markdown(diff.DiffReport((change,)), "old.yaml", "new `x`.yaml")
    assert "`` new `x`.yaml ``" in text
    assert "- Added enum value `Kind.TICK`:" in text
