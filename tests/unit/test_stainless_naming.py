"""The Stainless surface's naming (`naming/stainless.py`, `surface: stainless`): configured
response class names and the packages that re-export them, one response type, pages only
where configured, keywords as the spec spells them, flattened nullable bodies, array bodies
by name, path parameters that refuse an empty value, enums as Literal aliases; and the
defaults every SDK got from issue 19 (a lone path parameter is positional)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sdkwright.config_resources import ResourcesConfig, read_resources
from sdkwright.diagnostics import Location
from sdkwright.ir.nodes import Alias, Api, ListOf, LiteralOf, Model, Named, Operation, UnionOf
from sdkwright.targets.python.body_params import is_param
from sdkwright.targets.python.naming.step import NamingOptions, build_named_api
from sdkwright.targets.python.views.methods import method_context
from spec_helpers import json_response, load, openapi, ref

ITEM = {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}
ENVELOPE = {
    "type": "object",
    "properties": {
        "data": {"type": "array", "items": ref("Item")},
        "next_cursor": {"type": ["string", "null"]},
    },
}
STATUS = {"type": "string", "enum": ["OPEN", "DONE"]}


def _paths() -> dict[str, Any]:
    thing = {
        "type": "object",
        "properties": {
            "type": ref("Status"),
            "format": {"type": "string"},
            "error": ref("ApiError"),
        },
    }
    return {
        "/v1/things/{thing_id}": {
            "get": {
                "operationId": "getThing",
                "parameters": [
                    {
                        "name": "thing_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {"name": "type", "in": "query", "schema": ref("Status")},
                ],
                "responses": {
                    "200": json_response(thing),
                    "207": json_response(
                        {"type": "object", "properties": {"partial": {"type": "boolean"}}}
                    ),
                },
            },
            "put": {
                "operationId": "replaceThing",
                "parameters": [
                    {
                        "name": "thing_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "requestBody": {
                    "content": {
                        "application/json": {"schema": {"oneOf": [{"type": "null"}, ref("Item")]}}
                    }
                },
                "responses": {"200": json_response(thing)},
            },
        },
        "/v1/things": {
            "get": {
                "operationId": "listThings",
                "parameters": [{"name": "cursor", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": json_response(ENVELOPE)},
            },
            "post": {
                "operationId": "submitThings",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"type": "array", "items": ref("Item")}}
                    },
                },
                "responses": {"200": json_response(ref("Item"))},
            },
        },
    }


def _resources(paginated: bool = False) -> ResourcesConfig:
    methods: dict[str, Any] = {
        "get_thing": {
            "endpoint": "get /v1/things/{thing_id}",
            "response": "acme.types.v1.ThingGetThingResponse",
            "params": "acme.types.v1.ThingGetThingParams",
        },
        "replace_thing": {
            "endpoint": "put /v1/things/{thing_id}",
            "response": "acme.types.v1.ThingReplaceThingResponse",
        },
        "list_things": {"endpoint": "get /v1/things", "response": "acme.types.v1.Item"},
        "submit_things": {"endpoint": "post /v1/things", "response": "acme.types.v1.Item"},
    }
    if paginated:
        methods["list_things"]["paginated"] = "SyncCursorPage"
    value = {
        "v1": {
            "things": {
                "models": ["acme.types.v1.Item", "acme.types.Status", "acme.types.APIError"],
                "methods": methods,
            }
        }
    }
    problems: list[str] = []
    found = read_resources(
        value,
        None,
        "/targets/0/resources",
        lambda *a: problems.append(a[1]),
        lambda *a, **k: Location("x"),
    )
    assert found is not None and problems == []
    return found


def _api(tmp_path: Path, surface: str = "stainless", paginated: bool = False) -> Api:
    error = {"type": "object", "properties": {"message": {"type": "string"}}}
    spec = openapi({"Item": ITEM, "Status": STATUS, "ApiError": error}, _paths())
    options = NamingOptions("acme", "Acme", surface=surface)
    api, diagnostics = build_named_api(load(tmp_path, spec), options, None, _resources(paginated))
    assert not [d for d in diagnostics if d.level.name == "ERROR"], diagnostics
    return api


def _op(api: Api, name: str) -> Operation:
    return next(op for op in api.operations if op.method_name == name)


def test_the_method_returns_the_class_the_config_names_exported_under_its_folder(
    tmp_path: Path,
) -> None:
    api = _api(tmp_path)
    get_thing = _op(api, "get_thing")
    assert get_thing.success.type == Named("ThingGetThingResponse", "model")
    assert (
        method_context(get_thing, {d.name: d for d in api.definitions}).cast_to
        == "ThingGetThingResponse"
    )
    assert dict(api.type_exports) == {
        "v1": (
            ("Item", "Item"),
            ("ThingGetThingParams", "ThingGetThingParams"),
            ("ThingGetThingResponse", "ThingGetThingResponse"),
            ("ThingReplaceThingResponse", "ThingReplaceThingResponse"),
        )
    }
    # Without the surface, the same config names nothing and exports nothing.
    plain = _api(tmp_path / "plain", surface="sdkwright")
    assert plain.type_exports == () and "ThingGetThingResponse" not in {
        d.name for d in plain.definitions
    }


def test_a_params_typeddict_of_the_keywords_besides_the_positional_ones(tmp_path: Path) -> None:
    params = next(d for d in _api(tmp_path).definitions if d.name == "ThingGetThingParams")
    assert is_param(params) and isinstance(params, Model)
    assert [(f.name, f.required) for f in params.fields] == [("type", False)]  # not thing_id


def test_listed_models_keep_api_md_s_spelling(tmp_path: Path) -> None:
    """`APIError` as api.md spells it, where sdkwright would say `ApiError`."""
    assert "APIError" in {d.name for d in _api(tmp_path).definitions}
    assert "ApiError" in {d.name for d in _api(tmp_path / "plain", surface="sdkwright").definitions}


def test_one_response_type_the_first_2xx_body(tmp_path: Path) -> None:
    assert not isinstance(_op(_api(tmp_path), "get_thing").success.type, UnionOf)
    plain = _api(tmp_path / "plain", surface="sdkwright")
    assert isinstance(_op(plain, "get_thing").success.type, UnionOf)  # 200 | 207


def test_pages_only_where_the_config_names_a_page_class(tmp_path: Path) -> None:
    assert _op(_api(tmp_path), "list_things").pagination is None  # the envelope
    paged = _op(_api(tmp_path / "paged", paginated=True), "list_things").pagination
    assert paged is not None and paged.page_class == "SyncCursorPage"
    plain = _op(_api(tmp_path / "plain", surface="sdkwright"), "list_things").pagination
    assert plain is not None and plain.page_class == ""  # the runtime's SyncPage


def test_keywords_as_the_spec_spells_them_and_flattened_or_named_bodies(tmp_path: Path) -> None:
    api = _api(tmp_path)
    assert [p.name for p in _op(api, "get_thing").parameters] == ["thing_id", "type"]
    replace_thing = _op(api, "replace_thing")
    assert replace_thing.body is not None and replace_thing.body.fields is not None
    assert [(f.name, f.required) for f in replace_thing.body.fields] == [("id", False)]
    submit = _op(api, "submit_things")
    assert submit.body is not None and submit.body.argument == "things"
    response = next(d for d in api.definitions if d.name == "ThingGetThingResponse")
    assert isinstance(response, Model)
    assert [f.name for f in response.fields] == ["type", "format", "error"]
    plain = _api(tmp_path / "plain", surface="sdkwright")
    assert [p.name for p in _op(plain, "get_thing").parameters] == ["thing_id", "type_"]
    success = _op(plain, "get_thing").success.type
    assert isinstance(success, UnionOf) and isinstance(success.members[0], Named)
    plain_response = next(d for d in plain.definitions if d.name == success.members[0].name)
    assert isinstance(plain_response, Model) and plain_response.fields[0].name == "type_"
    assert _op(plain, "submit_things").body.argument == ""  # type: ignore[union-attr]


def test_path_parameters_refuse_an_empty_value_and_the_last_is_positional(tmp_path: Path) -> None:
    api = _api(tmp_path)
    get_thing = _op(api, "get_thing")
    assert [(p.wire_name, p.non_empty) for p in get_thing.path_parameters] == [("thing_id", True)]
    expression = method_context(get_thing, {d.name: d for d in api.definitions}).path_expression
    assert "path_param(thing_id, argument='thing_id')" in expression
    assert get_thing.positional == ("thing_id",)
    plain = _op(_api(tmp_path / "plain", surface="sdkwright"), "get_thing")
    assert not plain.path_parameters[0].non_empty
    assert plain.positional == ("thing_id",)  # a lone path parameter: positional by default


def test_enums_are_literal_aliases(tmp_path: Path) -> None:
    status = next(d for d in _api(tmp_path).definitions if d.name == "Status")
    assert isinstance(status, Alias) and status.type == LiteralOf(("OPEN", "DONE"))
    plain = next(
        d for d in _api(tmp_path / "plain", surface="sdkwright").definitions if d.name == "Status"
    )
    assert not isinstance(plain, Alias)


def test_an_argument_s_date_is_the_value_or_its_iso_text() -> None:
    from sdkwright.ir.nodes import Nullable, Primitive, UnionOf
    from sdkwright.targets.python.naming.stainless import date_or_text

    date, text = Primitive("date"), Primitive("str")
    assert date_or_text(date) == UnionOf((date, text))
    assert date_or_text(Nullable(Primitive("datetime"))) == Nullable(
        UnionOf((Primitive("datetime"), text))
    )
    assert date_or_text(Primitive("int")) == Primitive("int")


def test_a_listed_model_s_param_typeddict_is_exported_beside_it(tmp_path: Path) -> None:
    """`submit_things` takes Items: `ItemParam` is importable from `types.v1` as `Item` is."""
    from sdkwright.targets.python.body_params import with_body_params
    from sdkwright.targets.python.units import type_export_pages

    (page,) = type_export_pages(with_body_params(_api(tmp_path)), "acme")
    exported = [name for _, _, name in page.context["names"]]
    assert page.path == "acme/types/v1/__init__.py"
    assert exported == [
        "Item",
        "ItemParam",
        "ThingGetThingParams",
        "ThingGetThingResponse",
        "ThingReplaceThingResponse",
    ]


def test_a_listed_array_schema_is_an_alias_and_still_a_plural_body_keyword(tmp_path: Path) -> None:
    """`ItemList` (api.md lists it) stays named; a body that refers to it is still an array
    body, taken as `items=` as an inline array would be."""
    paths = {
        "/v1/items": {
            "post": {
                "operationId": "addItems",
                "requestBody": {"content": {"application/json": {"schema": ref("ItemList")}}},
                "responses": {"200": json_response(ref("ItemList"))},
            }
        }
    }
    value = {
        "v1": {
            "items": {
                "models": ["acme.types.v1.Item", "acme.types.v1.ItemList"],
                "methods": {"add_items": {"endpoint": "post /v1/items"}},
            }
        }
    }
    resources = read_resources(
        value, None, "/targets/0/resources", lambda *a: None, lambda *a, **k: Location("x")
    )
    schemas = {"Item": ITEM, "ItemList": {"type": "array", "items": ref("Item")}}
    options = NamingOptions("acme", "Acme", surface="stainless")
    api, _ = build_named_api(load(tmp_path, openapi(schemas, paths)), options, None, resources)
    alias = next(d for d in api.definitions if d.name == "ItemList")
    assert isinstance(alias, Alias) and alias.type == ListOf(Named("Item", "model"))
    (op,) = api.operations
    assert op.body is not None and op.body.argument == "items"
    assert op.success.type == Named("ItemList", "alias")
