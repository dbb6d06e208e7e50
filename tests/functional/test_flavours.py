"""One behavioural suite for every built-in flavour: the same SDK from the same inline spec,
called the same way, must send the same requests and give the same results, errors, retries,
raw responses and pages, whether httpx or requests carries it and whoever wrote its models.

Each flavour gets a transport double that never touches the network: httpx's MockTransport, or
a requests transport adapter. Both record requests as `Sent` and answer from a script.
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import msgspec
import orders_sdk
import pytest
import requests
import requests.adapters
from helpers import describe, mypy_strict, run_generated_tests
from pydantic import TypeAdapter
from sdkwright import api
from sdkwright.config import Target

SPEC = """
openapi: 3.0.3
info: {title: Shop, version: "1.0"}
servers: [{url: "https://shop.example/api"}]
security: [{key: []}]
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Api-Key}
  schemas:
    Item:
      type: object
      required: [id, name]
      properties:
        id: {type: string}
        name: {type: string}
        unitPrice: {type: number, description: Price of one unit.}
        tags: {type: array, items: {type: string}}
    ItemPage:
      type: object
      required: [data]
      properties:
        data: {type: array, items: {$ref: "#/components/schemas/Item"}}
        next_page_token: {type: string, nullable: true}
    VolumeAttach:
      type: object
      required: [type, droplet_id]
      properties:
        type: {type: string}
        droplet_id: {type: integer}
    VolumeDetach:
      type: object
      required: [type]
      properties:
        type: {type: string}
        droplet_id: {type: integer}
    VolumeResize:
      type: object
      required: [type]
      properties:
        type: {type: string}
        size_gigabytes: {type: integer}
paths:
  /items:
    get:
      operationId: listItems
      tags: [Items]
      parameters:
        - {name: page_token, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: A page of items.
          content: {application/json: {schema: {$ref: "#/components/schemas/ItemPage"}}}
    post:
      operationId: createItem
      tags: [Items]
      parameters: [{name: Idempotency-Key, in: header, schema: {type: string}}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: {type: string}
                unitPrice: {type: number}
      responses:
        "201":
          description: Created.
          content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}
  /items/{item_id}/events:
    get:
      operationId: followItem
      tags: [Items]
      parameters: [{name: item_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: Changes to the item, as server-sent events.
          content: {text/event-stream: {schema: {type: string}}}
  /items/{item_id}:
    get:
      operationId: getItem
      tags: [Items]
      parameters: [{name: item_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: The item.
          content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}
        "404": {description: No such item.}
    delete:
      operationId: deleteItem
      tags: [Items]
      parameters: [{name: item_id, in: path, required: true, schema: {type: string}}]
      responses:
        "204": {description: Deleted; no body.}
  /volumes/{volume_id}/actions/latest:
    get:
      operationId: getLatestVolumeAction
      tags: [Volumes]
      parameters: [{name: volume_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: The volume's latest action, told apart by its type (a plain string).
          content:
            application/json:
              schema:
                oneOf:
                  - {$ref: "#/components/schemas/VolumeAttach"}
                  - {$ref: "#/components/schemas/VolumeDetach"}
                  - {$ref: "#/components/schemas/VolumeResize"}
                discriminator:
                  propertyName: type
                  mapping:
                    attach: "#/components/schemas/VolumeAttach"
                    reattach: "#/components/schemas/VolumeAttach"
                    detach: VolumeDetach
"""

ITEM = {"id": "i-1", "name": "Lamp", "unitPrice": 12.5, "tags": ["home"]}

# (flavour, options): every built-in flavour, and each client datamodel-code-generator serves.
FLAVOURS = [
    ("httpx", ()),
    ("requests", ()),
    ("datamodel-code-generator", (("output_model_type", "pydantic_v2"),)),
    ("datamodel-code-generator", (("output_model_type", "dataclasses"),)),
    ("datamodel-code-generator", (("client", "requests"), ("output_model_type", "dataclasses"))),
    ("datamodel-code-generator", (("output_model_type", "typeddict"),)),
    ("datamodel-code-generator", (("client", "requests"), ("output_model_type", "typeddict"))),
    ("datamodel-code-generator", (("output_model_type", "msgspec"),)),
    ("datamodel-code-generator", (("client", "requests"), ("output_model_type", "msgspec"))),
]

# The fields of the spec whose wire name is not their Python name.
WIRE_NAMES = {"unit_price": "unitPrice"}


def flavour_id(flavour: tuple[str, tuple[tuple[str, str], ...]]) -> str:
    name, options = flavour
    return "-".join([name, *(value for _, value in options)])


@dataclass(frozen=True)
class Sent:
    """A request as it reached the transport."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]  # lower-case names
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Server:
    """Answers each request with the next scripted reply (the last one repeats)."""

    replies: list[tuple[int, object]] = field(default_factory=lambda: [(200, ITEM)])
    sent: list[Sent] = field(default_factory=list)

    def answer(self, sent: Sent) -> tuple[int, bytes, str]:
        """Status, body and content type; a bytes payload is sent as an event stream."""
        self.sent.append(sent)
        status, payload = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(payload, bytes):
            return status, payload, "text/event-stream"
        return status, b"" if payload is None else json.dumps(payload).encode(), "application/json"


def _sent(method: str, url: str, headers: dict[str, str], body: bytes) -> Sent:
    parts = urlsplit(url)
    return Sent(
        method,
        parts.path,
        sorted(parse_qsl(parts.query)),
        {k.lower(): v for k, v in headers.items()},
        body,
    )


def httpx_transport(server: Server) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        sent = _sent(request.method, str(request.url), dict(request.headers), request.read())
        status, content, content_type = server.answer(sent)
        headers = {"Content-Type": content_type} if content else {}
        return httpx.Response(status, content=content, headers=headers)

    return httpx.MockTransport(handle)


def httpx_client(server: Server) -> httpx.Client:
    return httpx.Client(transport=httpx_transport(server))


class _Adapter(requests.adapters.BaseAdapter):
    def __init__(self, server: Server) -> None:
        super().__init__()
        self.server = server

    def send(
        self, request: requests.PreparedRequest, *args: Any, **kwargs: Any
    ) -> requests.Response:
        body = request.body.encode() if isinstance(request.body, str) else request.body or b""
        sent = _sent(request.method or "", request.url or "", dict(request.headers), bytes(body))
        status, content, content_type = self.server.answer(sent)
        response = requests.Response()
        response.status_code, response.raw = status, io.BytesIO(content)
        if content:
            response.headers["Content-Type"] = content_type
        response.request, response.url = request, request.url or ""
        return response

    def close(self) -> None:
        pass


def requests_session(server: Server) -> requests.Session:
    session = requests.Session()
    session.mount("https://", _Adapter(server))
    return session


@dataclass
class Flavoured:
    """A generated SDK of one flavour, and how to make its client over a `Server`."""

    module: ModuleType
    name: str
    options: dict[str, str]

    @property
    def http(self) -> str:
        return "requests" if "requests" in (self.name, self.options.get("client")) else "httpx"

    @property
    def model_type(self) -> str:
        return self.options.get("output_model_type", "pydantic")

    @property
    def mappings(self) -> bool:
        """Whether results are plain dicts keyed by wire names (TypedDict models)."""
        return self.model_type == "typeddict"

    def read(self, result: Any, name: str) -> Any:
        """The field `name` (its Python name) of a result, as this flavour's models hold it."""
        if self.mappings:
            return result[WIRE_NAMES.get(name, name)]
        return getattr(result, name)

    def model(self, class_name: str, **fields: object) -> object:
        """A model built in Python by its fields' Python names (a TypedDict's are wire names)."""
        cls: Callable[..., object] = getattr(self.types(), class_name)
        if self.mappings:
            return cls(**{WIRE_NAMES.get(name, name): value for name, value in fields.items()})
        return cls(**fields)

    def client(self, server: Server, **options: Any) -> Any:
        http_client = httpx_client(server) if self.http == "httpx" else requests_session(server)
        return self.module.Shop(
            api_key="k-1", http_client=http_client, initial_retry_delay=0.001, **options
        )

    def types(self) -> ModuleType:
        return getattr(self.module, "types")  # noqa: B009 - loaded lazily by the package


@pytest.fixture(scope="module", params=FLAVOURS, ids=flavour_id)
def sdk(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Flavoured]:
    name, options = request.param
    folder = tmp_path_factory.mktemp("flavour")
    (folder / "shop.yaml").write_text(SPEC)
    package = "shop_" + flavour_id(request.param).replace("-", "_")
    target = Target(
        "shop", folder / "shop.yaml", folder / "sdk", package, "Shop", flavour=name, options=options
    )
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    with orders_sdk.imported(target.output, package) as module:
        yield Flavoured(module, name, dict(options))


def dump(value: object) -> object:
    """A result as plain data by Python attribute names, whatever class it is."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "model_dump"):
        return {k: dump(v) for k, v in value.model_dump().items()}
    if isinstance(value, msgspec.Struct):
        return {name: dump(getattr(value, name)) for name in value.__struct_fields__}
    if isinstance(value, dict):  # a TypedDict: by wire names
        wire = {v: k for k, v in WIRE_NAMES.items()}
        return {wire.get(k, k): dump(v) for k, v in value.items()}
    if isinstance(value, list):
        return [dump(v) for v in value]
    return value


def test_a_call_sends_the_request_and_parses_the_result(sdk: Flavoured) -> None:
    server = Server()
    item = sdk.client(server).items.get_item(item_id="a/b")
    if sdk.mappings:
        assert type(item) is dict and item == ITEM  # the wire data itself, validated
    else:
        assert isinstance(item, sdk.types().Item)
    fields = [sdk.read(item, name) for name in ("id", "name", "unit_price", "tags")]
    assert fields == ["i-1", "Lamp", 12.5, ["home"]]
    (sent,) = server.sent
    assert (sent.method, sent.path) == ("GET", "/api/items/a%2Fb")
    assert sent.headers["x-api-key"] == "k-1"


def test_body_fields_go_by_wire_name_and_query_parameters_are_sent(sdk: Flavoured) -> None:
    server = Server(replies=[(201, ITEM)])
    created = sdk.client(server).items.create_item(name="Lamp", unit_price=12.5)
    assert sdk.read(created, "name") == "Lamp"
    (sent,) = server.sent
    assert sent.method == "POST" and sent.json() == {"name": "Lamp", "unitPrice": 12.5}
    assert sent.headers["content-type"] == "application/json"


def test_an_error_status_raises_its_typed_error(sdk: Flavoured) -> None:
    server = Server(replies=[(404, {"message": "no such item"})])
    with pytest.raises(sdk.module.NotFoundError) as raised:
        sdk.client(server).items.get_item(item_id="missing")
    error = raised.value
    assert isinstance(error, sdk.module.APIStatusError)
    assert (error.status_code, error.body) == (404, {"message": "no such item"})
    assert len(server.sent) == 1  # a 404 is not retried


def test_transient_failures_are_retried_and_counted(sdk: Flavoured) -> None:
    server = Server(replies=[(503, None), (500, None), (200, ITEM)])
    response = sdk.client(server).with_raw_response.items.get_item(item_id="i-1")
    assert (response.status_code, response.retries_taken) == (200, 2)
    assert sdk.read(response.parse(), "id") == "i-1"
    assert len(server.sent) == 3


def test_retries_stop_at_the_limit(sdk: Flavoured) -> None:
    server = Server(replies=[(503, None)])
    with pytest.raises(sdk.module.InternalServerError):
        sdk.client(server, max_retries=1).items.get_item(item_id="i-1")
    assert len(server.sent) == 2


def test_pages_are_fetched_as_iteration_reaches_them(sdk: Flavoured) -> None:
    second = {**ITEM, "id": "i-2"}
    server = Server(
        replies=[
            (200, {"data": [ITEM], "next_page_token": "t-2"}),
            (200, {"data": [second], "next_page_token": None}),
        ]
    )
    page = sdk.client(server).items.list_items(limit=1)
    assert len(server.sent) == 1
    assert [sdk.read(item, "id") for item in page] == ["i-1", "i-2"]
    assert [sent.query for sent in server.sent] == [
        [("limit", "1")],
        [("limit", "1"), ("page_token", "t-2")],
    ]


def test_a_model_passed_as_a_value_is_sent_by_wire_names(sdk: Flavoured) -> None:
    """Whatever class the flavour's models are, the body carries the wire names."""
    item = sdk.model("Item", id="i-9", name="Desk", unit_price=99.0)
    server = Server(replies=[(201, ITEM)])
    sdk.client(server).items.create_item(name="Desk", extra_body={"copy_of": item})
    body = server.sent[0].json()
    assert body["copy_of"]["unitPrice"] == 99.0 and "unit_price" not in body["copy_of"]
    assert dump(item)["unit_price"] == 99.0


def test_a_call_without_a_response_body_has_its_raw_and_streamed_response(
    sdk: Flavoured,
) -> None:
    """A 204 to a DELETE: the raw and streamed views give its response (parsing to None),
    as for any other call, and the streamed one closes it."""
    server = Server(replies=[(204, None)])
    client = sdk.client(server)
    assert client.items.delete_item(item_id="i-1") is None
    raw = client.with_raw_response.items.delete_item(item_id="i-1")
    assert (raw.status_code, raw.parse(), raw.read()) == (204, None, b"")
    with client.with_streaming_response.items.delete_item(item_id="i-1") as streamed:
        assert (streamed.status_code, streamed.parse()) == (204, None)
    assert [(sent.method, sent.path) for sent in server.sent] == [("DELETE", "/api/items/i-1")] * 3
    if sdk.http == "httpx":
        assert asyncio.run(_async_body_less_calls(sdk, server)) == (204, None, 204)


async def _async_body_less_calls(sdk: Flavoured, server: Server) -> tuple[int, None, int]:
    async with httpx.AsyncClient(transport=httpx_transport(server)) as http_client:
        client = sdk.module.AsyncShop(api_key="k-1", http_client=http_client)
        raw = await client.with_raw_response.items.delete_item(item_id="i-1")
        async with client.with_streaming_response.items.delete_item(item_id="i-1") as streamed:
            streamed_status = streamed.status_code
        return raw.status_code, await raw.parse(), streamed_status


def test_only_asynchronous_flavours_have_an_async_client(sdk: Flavoured) -> None:
    assert hasattr(sdk.module, "AsyncShop") is (sdk.http == "httpx")
    requirement = (Path(sdk.module.__file__).parents[1] / "pyproject.toml").read_text()
    assert f'"{sdk.http}>=' in requirement and ("requests" in requirement) is (
        sdk.http == "requests"
    )


def test_a_retried_post_keeps_its_idempotency_key(sdk: Flavoured) -> None:
    server = Server(replies=[(503, None), (201, ITEM)])
    sdk.client(server).items.create_item(name="Lamp")
    keys = [sent.headers.get("idempotency-key") for sent in server.sent]
    assert len(keys) == 2 and keys[0] and keys[0] == keys[1]


def test_server_sent_events_are_read_as_they_arrive(sdk: Flavoured) -> None:
    server = Server(replies=[(200, b'event: update\ndata: {"n": 1}\n\ndata: done\n\n')])
    with sdk.client(server).items.follow_item(item_id="i-1") as events:
        received = [(event.event, event.data) for event in events]
    assert received == [("update", '{"n": 1}'), ("message", "done")]


def test_a_response_that_does_not_fit_its_type_is_kept_with_a_warning(
    sdk: Flavoured, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 13, point 4: by default the data comes back as the server sent it, and one
    WARNING on the SDK's logger names the type and the field that did not fit."""
    server = Server(replies=[(200, {**ITEM, "id": ["not", "a", "string"]})])
    with caplog.at_level(logging.WARNING, logger=sdk.module.__name__):
        item = sdk.client(server).items.get_item(item_id="i-1")
    item_id = item["id"] if sdk.mappings else item.id
    assert item_id == ["not", "a", "string"]
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert '`Item` in 1 place:\n  id: expected str, got an array: ["not", "a", "string"]' in warning


@pytest.mark.parametrize("where", ["client", "with_options"])
def test_strict_response_validation_raises_naming_the_field(sdk: Flavoured, where: str) -> None:
    server = Server(replies=[(200, {**ITEM, "id": ["not", "a", "string"]})])
    if where == "client":
        client = sdk.client(server, strict_response_validation=True)
    else:
        client = sdk.client(server).with_options(strict_response_validation=True)
    with pytest.raises(sdk.module.APIResponseValidationError) as raised:
        client.items.get_item(item_id="i-1")
    assert raised.value.body == {**ITEM, "id": ["not", "a", "string"]}
    assert 'id: expected str, got an array: ["not", "a", "string"]' in str(raised.value)
    assert len(server.sent) == 1


def test_a_field_the_server_left_out_stays_distinct_from_one_sent_as_null(sdk: Flavoured) -> None:
    """Absent keys stay absent in a TypedDict, are UNSET in a struct, unset in a pydantic
    model: each gives back exactly what the server sent."""
    sent: dict[str, Any] = {"data": [{"id": "i-1", "name": "Lamp"}], "next_page_token": None}
    page = sdk.client(Server(replies=[(200, sent)])).items.list_items()
    (item,) = page.items
    if sdk.model_type == "dataclasses":  # the documented limit (README: Flavours)
        assert item.unit_price is None and page.response.next_page_token is None
    elif sdk.mappings:
        assert item == sent["data"][0] and page.response == sent
    elif sdk.model_type == "msgspec":
        assert item.unit_price is msgspec.UNSET and page.response.next_page_token is None
        assert msgspec.to_builtins(page.response) == sent
    else:
        assert "unit_price" not in item.model_fields_set
        assert page.response.model_dump(by_alias=True, exclude_unset=True) == sent


def test_a_model_given_as_the_body_is_sent_as_it_stands(sdk: Flavoured) -> None:
    """A TypedDict is sent unchanged; a struct by wire names, without its UNSET fields."""
    item = sdk.model("Item", id="i-9", name="Desk", unit_price=99.0)
    server = Server(replies=[(201, ITEM)])
    sdk.client(server).items.create_item(name="Desk", extra_body={"copy_of": item, "of": [item]})
    body = server.sent[0].json()
    assert body["copy_of"] == {"id": "i-9", "name": "Desk", "unitPrice": 99.0} == body["of"][0]


def test_pages_read_results_by_key_where_they_are_mappings(sdk: Flavoured) -> None:
    source = (Path(str(sdk.module.__file__)).parent / "resources" / "items.py").read_text()
    if sdk.mappings:  # a key the server may leave out is read with .get
        assert 'return response["data"]' in source
        assert 'return response.get("next_page_token")' in source
    else:
        assert "return response.data" in source
        assert "return response.next_page_token" in source


# Each tag and the variant it picks (VolumeResize by its component name, OpenAPI's implicit
# mapping). By their fields alone, VolumeDetach would take the detach and VolumeResize data.
VOLUME_ACTIONS = [
    ({"type": "attach", "droplet_id": 5}, "VolumeAttach"),
    ({"type": "reattach", "droplet_id": 5}, "VolumeAttach"),
    ({"type": "detach", "droplet_id": 5}, "VolumeDetach"),
    ({"type": "VolumeResize", "size_gigabytes": 10}, "VolumeResize"),
]


def test_a_declared_discriminator_decodes_each_tag_to_its_variant(sdk: Flavoured) -> None:
    """The tag alone picks the variant, though the variants type it as a plain string; a tag
    no variant has, or data the tag's variant rejects, fails as with constant tags. msgspec
    cannot dispatch on such tags: there the union is read as JSON data."""
    for data, class_name in VOLUME_ACTIONS:
        server = Server(replies=[(200, data)])
        action = sdk.client(server).volumes.get_latest_volume_action(volume_id="v-1")
        if sdk.mappings or sdk.model_type == "msgspec":
            assert action == data
        else:
            assert type(action) is getattr(sdk.types(), class_name), data
            assert sdk.read(action, "type_") == data["type"]
    # The tag picks VolumeAttach, which requires droplet_id (VolumeDetach would accept it).
    for wrong in ({"type": "attach"}, {"type": "snapshot"}):
        server = Server(replies=[(200, wrong)])
        resource = sdk.client(server, strict_response_validation=True).volumes
        if sdk.model_type == "msgspec":
            assert resource.get_latest_volume_action(volume_id="v-1") == wrong
            continue
        with pytest.raises(sdk.module.APIResponseValidationError):
            resource.get_latest_volume_action(volume_id="v-1")


@pytest.mark.slow
@pytest.mark.parametrize("flavour", [FLAVOURS[0], FLAVOURS[5]], ids=flavour_id)
def test_an_sdk_returning_a_tagged_union_passes_its_tests_and_mypy(
    flavour: tuple[str, tuple[tuple[str, str], ...]], tmp_path: Path
) -> None:
    """The tagged union's annotation needs `pydantic` and `_models.tag_reader` wherever it is
    written: resources, their generated tests, and each model type's runtime."""
    name, options = flavour
    (tmp_path / "shop.yaml").write_text(SPEC)
    package = "tagged_" + flavour_id(flavour).replace("-", "_")
    target = Target(
        "shop",
        tmp_path / "shop.yaml",
        tmp_path / "sdk",
        package,
        "Shop",
        flavour=name,
        options=options,
    )
    api.write_result(api.generate(target), target.output)
    resource = (target.output / package / "resources" / "volumes.py").read_text()
    assert 'pydantic.Discriminator(tag_reader("type", "type_"))' in resource
    tests = run_generated_tests(target.output)
    assert tests.returncode == 0 and " passed" in tests.stdout, describe(tests)
    checked = mypy_strict(target.output, package)
    assert checked.returncode == 0, describe(checked)


# -- What only the TypedDict and msgspec model types do -------------------------------------

FEED_SPEC = """
openapi: 3.0.3
info: {title: Feed, version: "1.0"}
servers: [{url: "https://feed.example"}]
paths:
  /posts:
    get:
      operationId: listPosts
      tags: [Posts]
      parameters: [{name: cursor, in: query, schema: {type: string}}]
      x-sdkwright-pagination: {style: cursor, parameter: cursor, items: posts, next: meta.nextCursor}
      responses:
        "200":
          description: A page of posts.
          content: {application/json: {schema: {$ref: "#/components/schemas/PostPage"}}}
  /attachments/{id}:
    get:
      operationId: getAttachment
      tags: [Posts]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: An image or a link, told apart by their keys only.
          content: {application/json: {schema: {$ref: "#/components/schemas/Attachment"}}}
  /events/{id}:
    get:
      operationId: getEvent
      tags: [Posts]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: Something that happened to a post (an inline union).
          content:
            application/json:
              schema:
                oneOf: [{$ref: "#/components/schemas/Liked"}, {$ref: "#/components/schemas/Shared"}]
                discriminator: {propertyName: eventType}
components:
  schemas:
    Liked:
      type: object
      required: [eventType, postId]
      properties:
        eventType: {type: string, enum: [Liked]}
        postId: {type: string}
    Shared:
      type: object
      required: [eventType, to]
      properties:
        eventType: {type: string, enum: [Shared]}
        to: {type: string}
    Post:
      type: object
      required: [id, "created-by"]
      properties:
        id: {type: string}
        "created-by": {type: string}
        likeCount: {type: integer, default: 0}
    PostPage:
      type: object
      required: [posts]
      properties:
        posts: {type: array, items: {$ref: "#/components/schemas/Post"}}
        meta:
          type: object
          nullable: true
          properties: {nextCursor: {type: string, nullable: true}}
    Attachment:
      oneOf:
        - {type: object, required: [url], properties: {url: {type: string}}}
        - {type: object, required: [image], properties: {image: {type: string}}}
    Reaction:
      oneOf: [{$ref: "#/components/schemas/Boost"}, {$ref: "#/components/schemas/Reply"}]
      discriminator: {propertyName: kind}
    Boost: {type: object, required: [kind], properties: {kind: {type: string}}}
    Reply:
      type: object
      required: [kind]
      properties: {kind: {type: string}, text: {type: string}}
"""

POST = {"id": "p-1", "created-by": "ann", "likeCount": 3}


@pytest.fixture(scope="module", params=["typeddict", "msgspec"])
def feed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Any, api.Result]]:
    model_type = request.param
    folder = tmp_path_factory.mktemp("feed")
    (folder / "feed.yaml").write_text(FEED_SPEC)
    package = f"feed_{model_type}"
    target = Target(
        "feed",
        folder / "feed.yaml",
        folder / "sdk",
        package,
        "Feed",
        flavour="datamodel-code-generator",
        options=(("output_model_type", model_type),),
    )
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    with orders_sdk.imported(target.output, package) as module:
        yield model_type, module, result


def feed_client(module: Any, server: Server) -> Any:
    return module.Feed(base_url="https://feed.example", http_client=httpx_client(server))


def test_pages_follow_a_cursor_inside_an_optional_envelope(feed: tuple[str, Any, Any]) -> None:
    model_type, module, _ = feed
    server = Server(
        replies=[
            (200, {"posts": [POST], "meta": {"nextCursor": "c-2"}}),
            (200, {"posts": [{**POST, "id": "p-2"}], "meta": None}),
        ]
    )
    posts = list(feed_client(module, server).posts.list_posts())
    ids = [p["id"] if model_type == "typeddict" else p.id for p in posts]
    assert ids == ["p-1", "p-2"]
    assert [sent.query for sent in server.sent] == [[], [("cursor", "c-2")]]


def test_keys_that_are_not_identifiers_keep_their_wire_names(feed: tuple[str, Any, Any]) -> None:
    model_type, module, _ = feed
    server = Server(replies=[(200, {"posts": [POST]})])
    page = feed_client(module, server).posts.list_posts()
    (post,) = page.items
    if model_type == "typeddict":
        assert post == POST and "meta" not in page.response
    else:
        assert (post.created_by, post.like_count) == ("ann", 3)
        assert msgspec.to_builtins(post) == POST and page.response.meta is msgspec.UNSET


def test_a_union_msgspec_cannot_tell_apart_is_loosened_with_a_warning(
    feed: tuple[str, Any, api.Result],
) -> None:
    model_type, module, result = feed
    warnings = [d for d in result.diagnostics if d.code == "datamodel.msgspec-union"]
    server = Server(replies=[(200, {"image": "cat.png"})])
    attachment = feed_client(module, server).posts.get_attachment(id="a-1")
    if model_type == "typeddict":  # pydantic validates the union of TypedDicts as it is
        assert not warnings and attachment == {"image": "cat.png"}
        return
    warning = next(w for w in warnings if "Attachment" in w.message)
    assert warning.location is not None
    assert warning.location.pointer == "/components/schemas/Attachment"
    assert warning.location.line > 0
    assert attachment == {"image": "cat.png"}  # the JSON object as it came


def test_a_named_union_told_apart_by_plain_string_tags_is_plain_with_a_warning(
    feed: tuple[str, Any, api.Result],
) -> None:
    """datamodel-code-generator writes the models module from plain unions: a union whose
    tags are not constants is told apart there by fit (or, with msgspec, read as JSON)."""
    model_type, module, result = feed
    code = "datamodel.msgspec-union" if model_type == "msgspec" else "datamodel.tagged-union"
    [warning] = [d for d in result.diagnostics if d.code == code and "Reaction" in d.message]
    assert warning.location is not None
    assert warning.location.pointer == "/components/schemas/Reaction"
    if model_type == "typeddict":
        reaction = {"kind": "Reply", "text": "hi"}
        assert TypeAdapter(module.types.Reaction).validate_python(reaction) == reaction


def test_keys_the_api_added_later_are_kept_in_typed_dicts(feed: tuple[str, Any, Any]) -> None:
    """A TypedDict result keeps keys it does not declare, at every depth; a struct ignores them."""
    model_type, module, _ = feed
    post = {**POST, "pinned": True}
    server = Server(replies=[(200, {"posts": [post], "meta": {"nextCursor": None, "total": 1}})])
    page = feed_client(module, server).posts.list_posts()
    if model_type == "typeddict":
        assert page.items == [post] and page.response["meta"] == {"nextCursor": None, "total": 1}
    else:
        assert msgspec.to_builtins(page.items[0]) == POST


def test_a_spec_default_is_told_not_filled_in(feed: tuple[str, Any, Any]) -> None:
    """A struct would send a default the caller never set; the server applies it anyway."""
    model_type, module, _ = feed
    if model_type == "typeddict":  # a dict: nothing fills in the key the caller left out
        sent = {"id": "p-9", "created-by": "bo"}
        assert TypeAdapter(module.types.Post).validate_python(sent) == sent
        return
    post = module.types.Post(id="p-9", created_by="bo")
    assert post.like_count is msgspec.UNSET and msgspec.to_builtins(post) == {
        "id": "p-9",
        "created-by": "bo",
    }
    assert "Default: 0." in str(module.types.Post.__annotations__["like_count"])  # its Meta


def test_an_inline_discriminated_union_is_told_apart_by_its_wire_tag(
    feed: tuple[str, Any, api.Result],
) -> None:
    """pydantic reads a TypedDict union's tag by its key (`eventType`, not `event_type`).
    msgspec tags only the structs of a named union, so this inline one is loosened."""
    model_type, module, result = feed
    server = Server(replies=[(200, {"eventType": "Shared", "to": "bo"})])
    event = feed_client(module, server).posts.get_event(id="e-1")
    assert event == {"eventType": "Shared", "to": "bo"}
    loosened = [d.message for d in result.diagnostics if d.code == "datamodel.msgspec-union"]
    assert any("operation getEvent" in m for m in loosened) is (model_type == "msgspec")
