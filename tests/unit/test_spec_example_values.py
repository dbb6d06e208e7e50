"""Example values come from the spec (issue 15, "True docs"): a parameter's `example` or
`examples`, its schema's example or default, a property's example (or that of the schema its
`$ref` names), a schema's own example; only then a value from the type and format. The one
place that computes them (`views.samples`) feeds the README, docstrings and generated tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sdkwright.flavours.model_types import PYDANTIC
from sdkwright.ir import examples
from sdkwright.ir.nodes import Named
from sdkwright.targets.python.views import methods
from spec_helpers import build, definitions, json_response, openapi, ref

SCHEMAS: dict[str, Any] = {
    "Money": {"type": "string", "example": "1000000.00"},
    "Account": {
        "type": "object",
        "required": ["id", "limit"],
        "properties": {
            "id": {"type": "integer", "example": 100345},
            "limit": ref("Money"),
            "nickname": {"type": "string", "examples": ["Rainy day"]},
            "currency": {"type": "string", "default": "USD"},
            "opened": {"type": "string", "format": "date-time"},
            "risk": ref("Risk"),
        },
    },
    "Risk": {
        "type": "object",
        "properties": {"level": {"type": "string"}},
        "example": {"level": "low"},
    },
}


def get_account() -> dict[str, Any]:
    return {
        "operationId": "get_account",
        "parameters": [
            {
                "name": "account_id",
                "in": "path",
                "required": True,
                "schema": {"type": "integer"},
                "examples": {"first": {"value": 42}},
            },
            {"name": "page_size", "in": "query", "schema": {"type": "integer", "default": 50}},
            {"name": "symbol", "in": "query", "schema": {"type": "string", "example": "AAPL"}},
            {
                "name": "region",
                "in": "query",
                "schema": {"type": "string", "examples": ["us-east"]},
            },
            {"name": "contact", "in": "query", "schema": {"type": "string", "format": "email"}},
            {"name": "plain", "in": "query", "schema": {"type": "string"}},
        ],
        "responses": {"200": json_response(ref("Account"))},
    }


def built(tmp_path: Path) -> Any:
    api, _ = build(tmp_path, openapi(SCHEMAS, {"/accounts/{account_id}": {"get": get_account()}}))
    return api


def test_parameters_take_the_specs_examples_and_defaults(tmp_path: Path) -> None:
    api = built(tmp_path)
    call = methods.method_context(api.operations[0], definitions(api), PYDANTIC)
    arguments = dict(call.sample_arguments)
    assert arguments["account_id"] == "42"  # the parameter's `examples`
    assert arguments["page_size"] == "50"  # its schema's default
    assert arguments["symbol"] == '"AAPL"'  # its schema's example
    assert arguments["region"] == '"us-east"'  # its schema's `examples` list
    assert arguments["contact"] == '"user@example.com"'  # none: from the format
    assert arguments["plain"] == '"string"'  # nothing to go by


def test_properties_and_schemas_take_the_specs_examples(tmp_path: Path) -> None:
    api = built(tmp_path)
    found = definitions(api)
    account = next(n for n, d in found.items() if n.startswith("Account"))
    value = examples.synthesise(Named(account, "model"), found)
    assert value["id"] == 100345  # the property's example
    assert value["limit"] == "1000000.00"  # the example of the schema its $ref names
    assert value["nickname"] == "Rainy day"  # the first of its `examples`
    assert value["currency"] == "USD"  # its default
    assert value["opened"] == "2026-01-02T03:04:05Z"  # none: from the format
    assert value["risk"] == {"level": "low"}  # the schema's own example


def test_the_response_example_synthesised_uses_them_too(tmp_path: Path) -> None:
    api = built(tmp_path)
    op = api.operations[0]
    assert op.example_is_synthesised
    assert op.success.example["limit"] == "1000000.00"
    assert op.success.example["risk"] == {"level": "low"}


def test_an_example_that_does_not_fit_its_type_is_not_used(tmp_path: Path) -> None:
    schemas = {
        "Thing": {
            "type": "object",
            "properties": {"count": {"type": "integer", "example": "many"}},
        }
    }
    api, _ = build(tmp_path, openapi(schemas))
    value = examples.synthesise(Named("Thing", "model"), definitions(api))
    assert value == {"count": 1}
