"""The input side of the Stainless surface (issue 19): what its methods and `...Params` take.

Optional arguments are `X | Omit = omit` (`X | None | Omit` where the value may be null): left
out, nothing is sent; an explicit None is JSON null in a body. A configured page class still
pages with its cursor left out. Arrays are `SequenceNotStr[str]` (text), `list[X]` (enum values)
or `Iterable[X]` (anything else), in the methods and in their `...Params`: a tuple or a
generator is sent as the array. A configured model is taken as its `<Model>Param` TypedDict. A `format: byte` string takes
text or a file (`Base64FileInput`), sent base64-encoded. An enum that is no configured model
is an inline `Literal[...]`, an object that is none a TypedDict named after its keyword. Calls go over `httpx.MockTransport`; the SDK passes
`mypy --strict` and its own generated tests.
"""

from __future__ import annotations

import inspect
import json
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import orders_sdk
import pytest
from helpers import describe, mypy_strict, run_generated_tests
from sdkwright import api
from sdkwright.config import load_targets

ITEM = {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}
PAGE = {
    "type": "object",
    "properties": {
        "data": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
        "next_cursor": {"type": ["string", "null"]},
    },
}
KIND = {"type": "string", "enum": ["NEW", "USED"]}
PART = {
    "type": "object",
    "properties": {"sku": {"type": "string"}, "unitPrice": {"type": "number"}},
    "required": ["sku"],
}
CREATE = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string"},
        "note": {"type": ["string", "null"]},
        "size": {"type": "integer"},
        "labels": {"type": "array", "items": {"type": "string"}},
        "blob": {"type": "string", "format": "byte"},
        "mode": {"type": "string", "enum": ["fast", "slow"]},
        "shades": {"type": "array", "items": {"$ref": "#/components/schemas/Shade"}},
        "owner": {"$ref": "#/components/schemas/Person"},  # no configured model
        "helpers": {"type": "array", "items": {"$ref": "#/components/schemas/Person"}},
        "tone": {"$ref": "#/components/schemas/Tone"},  # a model the root's config lists
        "codes": {"type": "array", "items": {"oneOf": [{"type": "string"}, {"type": "number"}]}},
        "parts": {"type": "array", "items": {"$ref": "#/components/schemas/Part"}},
    },
}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Shop", "version": "1.0.0"},
    "servers": [{"url": "https://shop.example.test"}],
    "paths": {
        "/v1/items/assistants": {
            "post": {
                "operationId": "addAssistants",
                "requestBody": {
                    "required": True,
                    **_json({"type": "array", "items": {"$ref": "#/components/schemas/Person"}}),
                },
                "responses": {"200": {"description": "ok", **_json(ITEM)}},
            }
        },
        "/v1/items": {
            "get": {
                "operationId": "listItems",
                "parameters": [
                    {  # a byte string: the page's cursor takes a file too
                        "name": "cursor",
                        "in": "query",
                        "schema": {"type": "string", "format": "byte"},
                    },
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    {"name": "note", "in": "query", "schema": {"type": ["string", "null"]}},
                    {
                        "name": "tags",
                        "in": "query",
                        "schema": {"type": "array", "items": {"type": "string"}},
                    },
                    {
                        "name": "kinds",
                        "in": "query",
                        "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Kind"}},
                    },
                    {
                        "name": "token",
                        "in": "query",
                        "schema": {"type": "string", "format": "byte"},
                    },
                    {
                        "name": "ids",
                        "in": "query",
                        "explode": False,
                        "schema": {"type": "array", "items": {"type": "integer"}},
                    },
                ],
                "responses": {"200": {"description": "ok", **_json(PAGE)}},
            },
            "post": {
                "operationId": "createItem",
                "requestBody": {"required": True, **_json(CREATE)},
                "responses": {"200": {"description": "ok", **_json(ITEM)}},
            },
        },
    },
    "components": {
        "schemas": {
            "Item": ITEM,
            "Kind": KIND,
            "Part": PART,
            "Shade": {"type": "string", "enum": ["DARK", "LIGHT"]},  # no configured model
            "Tone": {"type": "string", "enum": ["WARM", "COOL"]},
            "Person": {
                "type": "object",
                "properties": {"fullName": {"type": "string"}},
                "required": ["fullName"],
            },
        }
    },
}
TARGET = """\
name: shop
spec: openapi.json
output: sdk
package: shop
client_name: Shop
surface: stainless
resources:
  models: [shop.types.Tone]
  v1:
    items:
      models: [shop.types.v1.Item, shop.types.v1.Kind, shop.types.v1.Part]
      methods:
        list_items:
          endpoint: get /v1/items
          response: shop.types.v1.Item
          params: shop.types.v1.ItemListItemsParams
          paginated: SyncCursorPage
        create_item:
          endpoint: post /v1/items
          response: shop.types.v1.Item
          params: shop.types.v1.ItemCreateItemParams
        add_assistants:
          endpoint: post /v1/items/assistants
          response: shop.types.v1.Item
          params: shop.types.v1.ItemAddAssistantsParams
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stainless-inputs")
    (folder / "openapi.json").write_text(json.dumps(SPEC))
    config = "targets:\n  - " + textwrap.indent(TARGET, "    ")[4:]
    (folder / "sdkwright.yaml").write_text(config)
    (target,) = load_targets(folder / "sdkwright.yaml")
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    return folder / "sdk"


@pytest.fixture(scope="module")
def shop(generated: Path) -> Iterator[ModuleType]:
    with orders_sdk.imported(generated, "shop") as module:
        yield module


class Server:
    """Answers every request as the spec's success (a last page), and keeps each one."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.method == "GET":
            return httpx.Response(200, json={"data": [{"id": "i1"}], "next_cursor": None})
        return httpx.Response(200, json={"id": "i1"})


def _client(shop: ModuleType, server: Server) -> Any:
    transport = httpx.MockTransport(server)
    return shop.Shop(
        base_url="https://shop.example.test", http_client=httpx.Client(transport=transport)
    )


def _annotations(method: Any) -> dict[str, tuple[str, str]]:
    """(annotation, default) of each keyword, as written in the source."""
    signature = inspect.signature(method)
    return {
        name: (str(p.annotation), repr(p.default))
        for name, p in signature.parameters.items()
        if p.kind is p.KEYWORD_ONLY
    }


def test_optional_arguments_are_omit_able_and_nullable_ones_take_none(shop: ModuleType) -> None:
    server = Server()
    items = _client(shop, server).v1.items
    listed = _annotations(items.list_items)
    assert listed["cursor"] == ("str | Base64FileInput | Omit", "omit")
    assert listed["limit"] == ("int | Omit", "omit")
    assert listed["note"] == ("str | None | Omit", "omit")
    assert listed["extra_body"] == ("Body | None", "None")
    created = _annotations(items.create_item)
    assert created["name"] == ("str", repr(inspect.Parameter.empty))
    assert created["note"] == ("str | None | Omit", "omit")
    assert created["size"] == ("int | Omit", "omit")


def test_left_out_is_not_sent_and_none_is_null_in_a_body(shop: ModuleType) -> None:
    server = Server()
    items = _client(shop, server).v1.items
    items.create_item(name="a")
    items.create_item(name="b", note=None, size=shop.omit)
    items.create_item(name="c", note="n", size=2)
    bodies = [json.loads(r.content) for r in server.requests]
    assert bodies == [
        {"name": "a"},
        {"name": "b", "note": None},
        {"name": "c", "note": "n", "size": 2},
    ]


def test_a_page_with_its_cursor_left_out_pages(shop: ModuleType) -> None:
    def two_pages(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.url.params.get("cursor") == "c2":
            return httpx.Response(200, json={"data": [{"id": "i2"}], "next_cursor": None})
        return httpx.Response(200, json={"data": [{"id": "i1"}], "next_cursor": "c2"})

    requests: list[httpx.Request] = []
    client = shop.Shop(
        base_url="https://shop.example.test",
        http_client=httpx.Client(transport=httpx.MockTransport(two_pages)),
    )
    page = client.v1.items.list_items(limit=1)  # the cursor left out: the first page
    assert [item.id for item in page] == ["i1", "i2"]  # auto-pagination follows the cursor
    assert [r.url.params.multi_items() for r in requests] == [
        [("limit", "1")],
        [("cursor", "c2"), ("limit", "1")],
    ]
    server = Server()
    _client(shop, server).v1.items.list_items(cursor="c1", limit=5, note=None)
    assert server.requests[0].url.params.multi_items() == [("cursor", "c1"), ("limit", "5")]


def test_arrays_take_any_iterable_typed_as_stainless_types_them(
    shop: ModuleType, generated: Path
) -> None:
    server = Server()
    items = _client(shop, server).v1.items
    listed = _annotations(items.list_items)
    assert listed["tags"] == ("SequenceNotStr[str] | Omit", "omit")
    assert listed["kinds"] == ("list[Kind] | Omit", "omit")
    assert listed["ids"] == ("Iterable[int] | Omit", "omit")
    created = _annotations(items.create_item)
    assert created["labels"] == ("SequenceNotStr[str] | Omit", "omit")
    assert created["parts"] == ("Iterable[PartParam] | Omit", "omit")
    params = (generated / "shop" / "types" / "item_create_item_params.py").read_text()
    assert "labels: NotRequired[SequenceNotStr[str]]" in params
    assert "parts: NotRequired[Iterable[PartParam]]" in params
    assert "from .._types import Base64FileInput, SequenceNotStr" in params
    assert "from collections.abc import Iterable" in params

    items.list_items(tags=(t for t in ("a", "b")), kinds=["NEW"], ids=(1, 2))
    assert server.requests[0].url.params.multi_items() == [
        ("tags", "a"),
        ("tags", "b"),
        ("kinds", "NEW"),
        ("ids", "1,2"),
    ]
    items.create_item(name="n", labels=("x",), parts=({"sku": s} for s in ("p1", "p2")))
    assert json.loads(server.requests[1].content) == {
        "name": "n",
        "labels": ["x"],
        "parts": [{"sku": "p1"}, {"sku": "p2"}],
    }


def test_models_are_taken_as_their_param_typeddicts_sent_by_wire_name(
    shop: ModuleType, generated: Path
) -> None:
    """A configured model in an input is its `<Model>Param` TypedDict alone, exported beside
    the model; keys by Python name go out by wire name."""
    from shop.types.v1 import Part, PartParam  # type: ignore[import-not-found]

    assert Part is not PartParam and PartParam.__module__ == "shop.types.part_param"
    source = (generated / "shop" / "types" / "part_param.py").read_text()
    assert "class PartParam(TypedDict):" in source
    # A key named apart from its wire name says the wire name, as Stainless's TypedDicts do.
    assert "sku: str" in source
    assert 'unit_price: NotRequired[Annotated[float, WireName(alias="unitPrice")]]' in source
    server = Server()
    items = _client(shop, server).v1.items
    items.create_item(name="n", parts=[{"sku": "p1", "unit_price": 2.5}, {"sku": "p2"}])
    assert json.loads(server.requests[0].content)["parts"] == [
        {"sku": "p1", "unitPrice": 2.5},
        {"sku": "p2"},
    ]


def test_a_byte_string_takes_text_or_a_file_sent_base64_encoded(
    shop: ModuleType, generated: Path, tmp_path: Path
) -> None:
    import io

    server = Server()
    items = _client(shop, server).v1.items
    assert _annotations(items.list_items)["token"] == ("str | Base64FileInput | Omit", "omit")
    assert _annotations(items.create_item)["blob"] == ("str | Base64FileInput | Omit", "omit")
    params = (generated / "shop" / "types" / "item_create_item_params.py").read_text()
    assert "blob: NotRequired[str | Base64FileInput]" in params
    items.list_items(token="dG9r")
    items.list_items(token=io.BytesIO(b"tok"))
    path = tmp_path / "blob.bin"
    path.write_bytes(b"\x00\x01")
    items.create_item(name="n", blob=path)
    assert [r.url.params.get("token") for r in server.requests[:2]] == ["dG9r", "dG9r"]
    assert json.loads(server.requests[2].content) == {"name": "n", "blob": "AAE="}
    list(items.list_items(cursor=io.BytesIO(b"c1")))  # a page's byte cursor: a file too
    assert server.requests[3].url.params.get("cursor") == "YzE="


def test_an_enum_that_is_no_configured_model_is_an_inline_literal(
    shop: ModuleType, generated: Path
) -> None:
    """Stainless names only the models its config lists (`Kind`); any other enum, inline in
    the spec (`mode`) or a schema of its own (`Shade`), is written `Literal[...]` in place."""
    items = _client(shop, Server()).v1.items
    created = _annotations(items.create_item)
    assert created["mode"] == ("Literal['fast', 'slow'] | Omit", "omit")
    assert created["shades"] == ("list[Literal['DARK', 'LIGHT']] | Omit", "omit")
    assert _annotations(items.list_items)["kinds"] == ("list[Kind] | Omit", "omit")
    params = (generated / "shop" / "types" / "item_create_item_params.py").read_text()
    assert 'mode: NotRequired[Literal["fast", "slow"]]' in params


def test_an_object_that_is_no_configured_model_is_named_after_its_keyword(
    shop: ModuleType, generated: Path
) -> None:
    """`owner=` takes an `Owner`, `helpers=` an `Iterable[Helper]`: TypedDicts the params
    module holds (`item_create_item_params.Owner`), as Stainless nests them; sent by wire name."""
    import importlib

    server = Server()
    items = _client(shop, server).v1.items
    created = _annotations(items.create_item)
    assert created["owner"] == ("Owner | Omit", "omit")
    assert created["helpers"] == ("Iterable[Helper] | Omit", "omit")
    module = importlib.import_module("shop.types.item_create_item_params")
    assert module.Owner.__name__ == "Owner" and module.Helper.__name__ == "Helper"
    items.create_item(name="n", owner={"full_name": "Ann"}, helpers=[{"full_name": "Bo"}])
    body = json.loads(server.requests[0].content)
    assert body["owner"] == {"fullName": "Ann"} and body["helpers"] == [{"fullName": "Bo"}]


def test_what_the_config_lists_at_its_root_stays_named_and_arrays_by_name_nest(
    shop: ModuleType,
) -> None:
    """`Tone`, a model of the config's root (api.md's shared types), stays named; an array
    body taken by name (`assistants=`) nests its items (`Assistant`); an array whose items may
    be text is `SequenceNotStr[...]` too."""
    server = Server()
    items = _client(shop, server).v1.items
    created = _annotations(items.create_item)
    assert created["tone"] == ("Tone | Omit", "omit")
    assert created["codes"] == ("SequenceNotStr[str | float] | Omit", "omit")
    added = inspect.signature(items.add_assistants).parameters["assistants"]
    assert str(added.annotation) == "Iterable[Assistant]"
    items.add_assistants(assistants=[{"full_name": "Cy"}])
    assert json.loads(server.requests[0].content) == [{"fullName": "Cy"}]


def test_the_sdk_is_typed_and_its_own_tests_pass(generated: Path) -> None:
    typed = mypy_strict(generated, "shop")
    assert typed.returncode == 0, describe(typed)
    tests = run_generated_tests(generated)
    assert tests.returncode == 0, describe(tests)
