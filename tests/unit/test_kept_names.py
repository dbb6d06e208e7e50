"""Component schemas that are no class (an array, a string) stay named when the target lists
them (`build_api(kept_names=...)`, the Stainless surface's api.md types): an alias each, which
fields that refer to it name, and a page still finds its items through one."""

from __future__ import annotations

from pathlib import Path

from sdkwright.ir.build import build_api
from sdkwright.ir.nodes import Alias, ListOf, Named, Primitive
from sdkwright.ir.schemas import named_component
from spec_helpers import json_response, load, openapi, ref

THING = {"type": "object", "required": ["id"], "properties": {"id": ref("ThingId")}}
SCHEMAS = {
    "Thing": THING,
    "ThingList": {"type": "array", "items": ref("Thing")},
    "ThingId": {"type": "string", "description": "A thing's id."},
    "Unlisted": {"type": "array", "items": {"type": "string"}},
}
ENVELOPE = {
    "type": "object",
    "properties": {
        "data": ref("ThingList"),
        "other": ref("Unlisted"),
        "metadata": {"type": "object", "properties": {"next_page_token": {"type": "string"}}},
    },
}
OPERATION = {
    "operationId": "list_things",
    "parameters": [
        {"name": "page_token", "in": "query", "schema": {"type": "string"}},
        {"name": "page_size", "in": "query", "schema": {"type": "integer"}},
    ],
    "responses": {"200": json_response(ENVELOPE)},
}


def test_listed_schemas_become_aliases_that_fields_name(tmp_path: Path) -> None:
    specs = load(tmp_path, openapi(SCHEMAS, {"/things": {"get": OPERATION}}))
    kept = frozenset(named_component(n) for n in ("ThingList", "ThingID"))  # api.md's case
    api, diagnostics = build_api(specs, kept_names=kept)
    assert diagnostics == []
    found = {d.key.rpartition("/")[2]: d for d in api.definitions}
    assert isinstance(found["ThingList"], Alias)
    assert found["ThingList"].type == ListOf(Named(found["Thing"].key, "model"))
    assert isinstance(found["ThingId"], Alias) and found["ThingId"].type == Primitive("str")
    assert found["ThingId"].description == "A thing's id."
    assert "Unlisted" not in found  # not listed: inlined, as before
    (op,) = api.operations
    assert op.pagination is not None  # its items read through the alias
    assert op.pagination.item_type == Named(found["Thing"].key, "model")


def test_without_kept_names_nothing_changes(tmp_path: Path) -> None:
    specs = load(tmp_path, openapi(SCHEMAS, {"/things": {"get": OPERATION}}))
    api, _ = build_api(specs)
    assert [d.key.rpartition("/")[2] for d in api.definitions if isinstance(d, Alias)] == []
