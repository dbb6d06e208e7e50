"""Operations of every shape, end to end: an SDK generated from small inline specs, imported,
and called through `httpx.MockTransport`, asserting the exact request on the wire.

Request bodies (JSON arrays, forms with Stripe-style nested keys, multipart with files, raw
bytes, text), parameter styles, response kinds (text, bytes, server-sent events, empty,
several 2xx, `default`), security schemes chosen per operation, deprecation warnings,
callback and webhook payload models, and the same from a Swagger 2.0 spec. Each generated
SDK must also pass its own generated tests and `mypy --strict`.
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
import re
import warnings
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import httpx
import orders_sdk
import pytest
from helpers import describe, mypy_strict, run_generated_tests, sdkwright

SPEC = """\
openapi: 3.1.0
info: {title: Breadth, version: "1"}
servers: [{url: "https://breadth.example"}]
security: [{bearer: []}]
webhooks:
  petAdopted:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [pet_id]
              properties:
                pet_id: {type: string}
                adopted_at: {type: string, format: date-time}
      responses: {"200": {description: ok}}
paths:
  /charges:
    post:
      operationId: create_charge
      tags: [Bodies]
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            encoding:
              metadata: {style: deepObject, explode: true}
              expand: {style: deepObject, explode: true}
              card: {style: deepObject, explode: true}
              shipping: {style: deepObject, explode: true}
            schema:
              type: object
              required: [amount]
              properties:
                amount: {type: integer}
                capture: {type: boolean}
                metadata: {type: object, additionalProperties: {type: string}}
                expand: {type: array, items: {type: string}}
                tags: {type: array, items: {type: string}}
                card:
                  type: object
                  properties:
                    number: {type: string}
                    address:
                      type: object
                      properties:
                        city: {type: string}
                shipping:
                  description: Details, or "" to remove them (Stripe's way).
                  anyOf:
                    - {type: object, properties: {name: {type: string}}}
                    - {type: string, enum: [""]}
      responses:
        "200":
          description: The charge.
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
  /files:
    post:
      operationId: upload_file
      tags: [Bodies]
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [file]
              properties:
                file: {type: string, format: binary}
                purpose: {type: string}
                labels: {type: array, items: {type: string}}
                attributes: {type: object, properties: {owner: {type: string}}}
      responses:
        "204": {description: Stored.}
  /blobs/{name}:
    put:
      operationId: put_blob
      tags: [Bodies]
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/octet-stream:
            schema: {type: string, format: binary}
      responses:
        "204": {description: Stored.}
  /notes:
    post:
      operationId: add_note
      tags: [Bodies]
      requestBody:
        required: true
        content:
          text/plain:
            schema: {type: string}
      responses:
        "204": {description: Stored.}
  /batch:
    post:
      operationId: create_batch
      tags: [Bodies]
      requestBody:
        required: true
        content:
          application/xml:
            schema: {type: array, items: {type: integer}}
          application/json:
            schema: {type: array, items: {type: integer}}
      responses:
        "201":
          description: Created.
          content:
            application/json:
              schema: {type: array, items: {type: integer}}
  /styled/{label}/{matrix}/{point}/{cells}:
    get:
      operationId: styled
      tags: [Params]
      parameters:
        - name: label
          in: path
          required: true
          style: label
          explode: true
          schema: {type: array, items: {type: integer}}
        - {name: matrix, in: path, required: true, style: matrix, schema: {type: array, items: {type: string}}}
        - name: point
          in: path
          required: true
          explode: true
          schema: {$ref: "#/components/schemas/Point"}
        - name: cells
          in: path
          required: true
          style: matrix
          explode: true
          schema: {type: object, additionalProperties: {type: string}}
      responses:
        "204":
          description: Done.
  /search/{ids}:
    get:
      operationId: search
      tags: [Params]
      parameters:
        - {name: ids, in: path, required: true, schema: {type: array, items: {type: integer}}}
        - {name: tags, in: query, explode: false, schema: {type: array, items: {type: string}}}
        - {name: words, in: query, style: spaceDelimited, schema: {type: array, items: {type: string}}}
        - {name: codes, in: query, style: pipeDelimited, schema: {type: array, items: {type: string}}}
        - name: filter
          in: query
          style: deepObject
          schema: {type: object, properties: {owner: {type: string}, age: {type: integer}}}
        - name: point
          in: query
          schema: {type: object, properties: {x: {type: integer}, y: {type: integer}}}
        - {name: repeat, in: query, schema: {type: array, items: {type: string}}}
        - {name: X-Trace, in: header, schema: {type: array, items: {type: string}}}
        - {name: session, in: cookie, schema: {type: string}}
        - {name: legacy, in: query, deprecated: true, schema: {type: string}}
      responses:
        "200":
          description: Plain text.
          content:
            text/plain:
              schema: {type: string}
  /report:
    get:
      operationId: download_report
      tags: [Responses]
      responses:
        "200":
          description: A PDF.
          content:
            application/pdf:
              schema: {type: string, format: binary}
  /events:
    get:
      operationId: follow_events
      tags: [Responses]
      responses:
        "200":
          description: Server-sent events.
          content:
            text/event-stream:
              schema: {type: string}
  /jobs:
    post:
      operationId: start_job
      tags: [Responses]
      deprecated: true
      responses:
        "200":
          description: Done at once.
          content:
            application/json:
              schema: {type: object, required: [result], properties: {result: {type: string}}}
        "202":
          description: Accepted, to poll.
          content:
            application/json:
              schema: {type: object, required: [job_id], properties: {job_id: {type: string}}}
  /legacy:
    get:
      operationId: legacy_status
      tags: [Responses]
      responses:
        default:
          description: Whatever the status.
          content:
            application/json:
              schema: {type: object, properties: {status: {type: string}}}
  /greeting:
    get:
      operationId: greeting
      tags: [Responses]
      responses:
        "200":
          description: A JSON string.
          content:
            application/json:
              schema: {type: string}
  /public:
    get:
      operationId: public_info
      tags: [Security]
      security: []
      responses: {"204": {description: Nothing.}}
  /query-key:
    get:
      operationId: query_key
      tags: [Security]
      security: [{query_key: []}]
      responses: {"204": {description: Nothing.}}
  /cookie-key:
    get:
      operationId: cookie_key
      tags: [Security]
      security: [{cookie_key: []}]
      responses: {"204": {description: Nothing.}}
  /basic:
    get:
      operationId: basic_only
      tags: [Security]
      security: [{basic: []}]
      responses: {"204": {description: Nothing.}}
  /either:
    get:
      operationId: either
      tags: [Security]
      security: [{oauth: []}, {}]
      responses: {"204": {description: Nothing.}}
    post:
      operationId: subscribe
      tags: [Security]
      parameters:
        - {name: callback_url, in: query, required: true, schema: {type: string}}
      callbacks:
        onEvent:
          "{$request.query.callback_url}":
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        kind: {type: string}
              responses: {"200": {description: ok}}
      responses: {"204": {description: Subscribed.}}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
    query_key: {type: apiKey, in: query, name: key}
    cookie_key: {type: apiKey, in: cookie, name: sid}
    basic: {type: http, scheme: basic}
    oauth:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: "https://breadth.example/token", scopes: {}}}
  schemas:
    Point:
      type: object
      required: [x, y]
      properties: {x: {type: integer}, y: {type: integer}}
"""

SWAGGER = """\
swagger: "2.0"
info: {title: Old Pets, version: "1"}
host: pets.example
basePath: /v2
schemes: [https]
consumes: [application/json]
produces: [application/json]
securityDefinitions:
  api_key: {type: apiKey, in: header, name: api_key}
security: [{api_key: []}]
paths:
  /pets/{id}/photo:
    post:
      operationId: upload_photo
      consumes: [multipart/form-data]
      parameters:
        - {name: id, in: path, required: true, type: integer}
        - {name: caption, in: formData, type: string}
        - {name: file, in: formData, required: true, type: file}
      responses:
        "200": {description: ok, schema: {$ref: "#/definitions/Pet"}}
  /pets/{id}:
    post:
      operationId: update_pet
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - {name: id, in: path, required: true, type: integer}
        - {name: name, in: formData, type: string}
        - {name: tags, in: formData, type: array, items: {type: string}, collectionFormat: pipes}
      responses:
        "200": {description: ok, schema: {$ref: "#/definitions/Pet"}}
  /pets:
    get:
      operationId: find_pets
      produces: [text/plain]
      parameters:
        - {name: status, in: query, type: array, items: {type: string}, collectionFormat: multi}
        - {name: ids, in: query, type: array, items: {type: integer}}
      responses:
        "200": {description: names, schema: {type: string}}
  /pets/{id}/export:
    get:
      operationId: export_pet
      produces: [application/octet-stream]
      parameters:
        - {name: id, in: path, required: true, type: integer}
      responses:
        "200": {description: the file, schema: {type: file}}
definitions:
  Pet:
    type: object
    required: [id]
    properties:
      id: {type: integer}
      name: {type: string}
"""

KEY = "secret"


def _generate(folder: Path, spec: str, package: str, client: str) -> Path:
    spec_path = folder / "spec.yaml"
    spec_path.write_text(spec)
    result = sdkwright(
        "generate",
        spec_path,
        "-o",
        folder / "sdk",
        "--package",
        package,
        "--client-name",
        client,
    )
    assert result.returncode == 0, describe(result)
    return folder / "sdk"


@pytest.fixture(scope="module")
def breadth_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(tmp_path_factory.mktemp("breadth"), SPEC, "breadth", "Breadth")


@pytest.fixture(scope="module")
def breadth(breadth_dir: Path) -> Iterator[ModuleType]:
    with orders_sdk.imported(breadth_dir, "breadth") as module:
        yield module


@pytest.fixture(scope="module")
def swagger_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(tmp_path_factory.mktemp("swagger"), SWAGGER, "oldpets", "OldPets")


@pytest.fixture(scope="module")
def oldpets(swagger_dir: Path) -> Iterator[ModuleType]:
    with orders_sdk.imported(swagger_dir, "oldpets") as module:
        yield module


class Recorder:
    def __init__(self, response: httpx.Response | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.response = response or httpx.Response(204)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.response

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def client(sdk: ModuleType, recorder: Recorder, name: str = "Breadth", **credentials: str) -> Any:
    credentials = credentials or {
        "api_key": KEY,
        "query_key": "qk",
        "cookie_key": "ck",
        "basic_username": "ann",
        "basic_password": "pw",
        "oauth": "tok",
    }
    http_client = httpx.Client(transport=httpx.MockTransport(recorder))
    return getattr(sdk, name)(http_client=http_client, **credentials)


def async_client(sdk: ModuleType, recorder: Recorder, **credentials: str) -> Any:
    http_client = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    return sdk.AsyncBreadth(http_client=http_client, api_key=KEY, **credentials)


def form(request: httpx.Request) -> list[tuple[str, str]]:
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    return parse_qsl(request.content.decode(), keep_blank_values=True)


def parts(request: httpx.Request) -> list[tuple[str, str | None, str | None, bytes]]:
    """(name, file name, content type, content) of each part of a multipart body."""
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.partition("boundary=")[2].encode()
    found = []
    for chunk in request.content.split(b"--" + boundary)[1:-1]:
        head, _, body = chunk.removeprefix(b"\r\n").removesuffix(b"\r\n").partition(b"\r\n\r\n")
        text = head.decode()
        name = re.search(r'; name="([^"]*)"', text)
        filename = re.search(r'; filename="([^"]*)"', text)
        kind = re.search(r"Content-Type: (.*)", text)
        assert name is not None
        found.append(
            (
                name.group(1),
                filename.group(1) if filename else None,
                kind.group(1).strip() if kind else None,
                body,
            )
        )
    return found


# -- request bodies ----------------------------------------------------------------------


def test_form_body_with_stripe_style_nested_keys(breadth: ModuleType) -> None:
    recorder = Recorder(httpx.Response(200, json={"id": "ch_1"}))
    result = client(breadth, recorder).bodies.create_charge(
        amount=500,
        capture=False,
        metadata={"order": "7"},
        expand=["customer", "invoice"],
        tags=["a", "b"],
        card={"number": "4242", "address": {"city": "Paris"}},
    )
    assert result.id == "ch_1"
    assert form(recorder.last) == [
        ("amount", "500"),
        ("capture", "false"),
        ("metadata[order]", "7"),
        ("expand[0]", "customer"),
        ("expand[1]", "invoice"),
        ("tags", "a"),
        ("tags", "b"),
        ("card[number]", "4242"),
        ("card[address][city]", "Paris"),
    ]


def test_form_body_leaves_unset_fields_out_and_merges_extra_body(breadth: ModuleType) -> None:
    recorder = Recorder(httpx.Response(200, json={}))
    client(breadth, recorder).bodies.create_charge(amount=1, extra_body={"beta": "yes"})
    assert form(recorder.last) == [("amount", "1"), ("beta", "yes")]


def test_form_field_that_is_an_object_or_empty_string(breadth: ModuleType) -> None:
    recorder = Recorder(httpx.Response(200, json={}))
    charges = client(breadth, recorder).bodies
    charges.create_charge(amount=1, shipping={"name": "Ann"})
    assert form(recorder.last) == [("amount", "1"), ("shipping[name]", "Ann")]
    charges.create_charge(amount=1, shipping="")
    assert form(recorder.last) == [("amount", "1"), ("shipping", "")]


def test_multipart_body_takes_bytes_files_and_tuples(breadth: ModuleType) -> None:
    recorder = Recorder()
    api = client(breadth, recorder)
    api.bodies.upload_file(
        file=("report.csv", b"a,b\n", "text/csv"),
        purpose="import",
        labels=["x", "y"],
        attributes={"owner": "ann"},
    )
    assert parts(recorder.last) == [
        ("file", "report.csv", "text/csv", b"a,b\n"),
        ("purpose", None, None, b"import"),
        ("labels", None, None, b"x"),
        ("labels", None, None, b"y"),
        ("attributes", None, "application/json", b'{"owner": "ann"}'),
    ]
    api.bodies.upload_file(file=io.BytesIO(b"raw"))
    [(name, filename, _, content)] = parts(recorder.last)
    assert (name, content) == ("file", b"raw")
    assert filename  # httpx names an unnamed file
    api.bodies.upload_file(file=b"plain bytes")
    assert parts(recorder.last)[0][3] == b"plain bytes"


def test_binary_body_is_sent_as_is_with_its_media_type(breadth: ModuleType) -> None:
    recorder = Recorder()
    api = client(breadth, recorder)
    api.bodies.put_blob(name="a b", body=b"\x00\x01")
    assert recorder.last.url.raw_path == b"/blobs/a%20b"
    assert recorder.last.headers["content-type"] == "application/octet-stream"
    assert recorder.last.content == b"\x00\x01"
    api.bodies.put_blob(name="chunks", body=iter([b"ab", b"cd"]))
    assert recorder.last.content == b"abcd"
    api.bodies.put_blob(name="file", body=io.BytesIO(b"from a file"))
    assert recorder.last.content == b"from a file"


def test_async_binary_body_takes_async_chunks(breadth: ModuleType) -> None:
    recorder = Recorder()

    async def chunks() -> AsyncIterator[bytes]:
        yield b"as"
        yield b"ync"

    asyncio.run(async_client(breadth, recorder).bodies.put_blob(name="x", body=chunks()))
    assert recorder.last.content == b"async"


def test_text_body_is_utf8(breadth: ModuleType) -> None:
    recorder = Recorder()
    client(breadth, recorder).bodies.add_note(body="héllo")
    assert recorder.last.headers["content-type"] == "text/plain"
    assert recorder.last.content == "héllo".encode()


def test_json_is_preferred_among_several_body_media_types(breadth: ModuleType) -> None:
    recorder = Recorder(httpx.Response(201, json=[1, 2]))
    assert client(breadth, recorder).bodies.create_batch(body=[1, 2]) == [1, 2]
    assert recorder.last.headers["content-type"] == "application/json"
    assert json.loads(recorder.last.content) == [1, 2]


# -- parameters ----------------------------------------------------------------------------


def test_parameter_styles_on_the_wire(breadth: ModuleType) -> None:
    recorder = Recorder(httpx.Response(200, text="found", headers={"content-type": "text/plain"}))
    result = client(breadth, recorder).params.search(
        ids=[1, 2],
        tags=["a", "b"],
        words=["x", "y"],
        codes=["p", "q"],
        filter={"owner": "ann", "age": 3},
        point={"x": 1, "y": 2},
        repeat=["r", "s"],
        x_trace=["t1", "t2"],
        session="s1",
    )
    assert result == "found"
    request = recorder.last
    assert request.url.raw_path.split(b"?")[0] == b"/search/1,2"
    assert request.url.params.multi_items() == [
        ("tags", "a,b"),
        ("words", "x y"),
        ("codes", "p|q"),
        ("filter[owner]", "ann"),
        ("filter[age]", "3"),
        ("x", "1"),
        ("y", "2"),
        ("repeat", "r"),
        ("repeat", "s"),
    ]
    assert request.headers["x-trace"] == "t1,t2"
    assert request.headers["cookie"] == "session=s1"


def test_path_parameter_styles_on_the_wire(breadth: ModuleType) -> None:
    from breadth import types

    recorder = Recorder(httpx.Response(204))
    client(breadth, recorder).params.styled(
        label=[1, 2],
        matrix=["a", "b"],
        point=types.Point(x=3, y=4),
        cells={"r": "1/2", "s": "x"},
    )
    path = recorder.last.url.raw_path
    assert path == b"/styled/.1.2/;matrix=a,b/x=3,y=4/;r=1%2F2;s=x"


def test_deprecated_parameter_warns_only_when_passed(breadth: ModuleType) -> None:
    recorder = Recorder(httpx.Response(200, text="", headers={"content-type": "text/plain"}))
    search = client(breadth, recorder).params.search
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        search(ids=[1])
    with pytest.warns(DeprecationWarning, match="legacy"):
        search(ids=[1], legacy="old")
    assert ("legacy", "old") in recorder.last.url.params.multi_items()
    assert "legacy" in (search.__doc__ or "") and "Deprecated" in (search.__doc__ or "")


# -- responses ------------------------------------------------------------------------------


def test_binary_response_is_bytes_and_streams(breadth: ModuleType) -> None:
    pdf = b"%PDF-1.7 \x00\xff"
    recorder = Recorder(
        httpx.Response(200, content=pdf, headers={"content-type": "application/pdf"})
    )
    api = client(breadth, recorder)
    assert api.responses.download_report() == pdf
    with api.with_streaming_response.responses.download_report() as streamed:
        assert b"".join(streamed.iter_bytes()) == pdf


def test_event_stream_returns_events_as_they_arrive(breadth: ModuleType) -> None:
    body = b'event: tick\ndata: {"n": 1}\n\ndata: bye\n\n'
    headers = {"content-type": "text/event-stream"}
    recorder = Recorder(httpx.Response(200, content=body, headers=headers))
    with client(breadth, recorder).responses.follow_events() as events:
        received = [(e.event, e.json() if e.event == "tick" else e.data) for e in events]
    assert received == [("tick", {"n": 1}), ("message", "bye")]

    async def follow() -> list[str]:
        replay = Recorder(httpx.Response(200, content=body, headers=headers))
        stream = await async_client(breadth, replay).responses.follow_events()
        assert isinstance(stream, breadth._streaming.AsyncEventStream)
        return [event.data async for event in stream]

    assert asyncio.run(follow()) == ['{"n": 1}', "bye"]


def test_several_success_statuses_parse_into_their_union(breadth: ModuleType) -> None:
    api = client(breadth, Recorder(httpx.Response(202, json={"job_id": "j1"})))
    with pytest.warns(DeprecationWarning, match="start_job"):
        accepted = api.responses.start_job()
    assert accepted.job_id == "j1"
    doc = " ".join((api.responses.start_job.__doc__ or "").split())
    assert "whichever success status the server sends (200:" in doc and "202:" in doc
    api = client(breadth, Recorder(httpx.Response(200, json={"result": "done"})))
    with pytest.warns(DeprecationWarning):
        assert api.responses.start_job().result == "done"


def test_default_response_is_the_success_without_2xx(breadth: ModuleType) -> None:
    api = client(breadth, Recorder(httpx.Response(200, json={"status": "ok"})))
    assert api.responses.legacy_status().status == "ok"


def test_json_string_response_is_decoded(breadth: ModuleType) -> None:
    api = client(breadth, Recorder(httpx.Response(200, json='a "quoted" word')))
    assert api.responses.greeting() == 'a "quoted" word'


# -- security ---------------------------------------------------------------------------------


def test_each_operation_sends_the_credentials_its_security_names(breadth: ModuleType) -> None:
    recorder = Recorder()
    api = client(breadth, recorder)
    api.security.public_info()
    assert "authorization" not in recorder.last.headers
    api.security.query_key()
    assert recorder.last.url.params["key"] == "qk"
    assert "authorization" not in recorder.last.headers
    api.security.cookie_key()
    assert recorder.last.headers["cookie"] == "sid=ck"
    api.security.basic_only()
    assert recorder.last.headers["authorization"] == "Basic " + base64.b64encode(b"ann:pw").decode()
    api.security.either()
    assert recorder.last.headers["authorization"] == "Bearer tok"
    api.security.subscribe(callback_url="https://me.example/hook")
    assert recorder.last.headers["authorization"] == f"Bearer {KEY}"  # the default


def test_optional_security_goes_without_credentials_when_none_are_given(
    breadth: ModuleType,
) -> None:
    recorder = Recorder()
    client(breadth, recorder, api_key=KEY).security.either()
    assert "authorization" not in recorder.last.headers


def test_credentials_default_to_environment_variables(
    breadth: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BREADTH_API_KEY", "from-env")
    monkeypatch.setenv("BREADTH_QUERY_KEY", "qk-env")
    recorder = Recorder()
    http_client = httpx.Client(transport=httpx.MockTransport(recorder))
    api = breadth.Breadth(http_client=http_client)
    api.security.query_key()
    assert recorder.last.url.params["key"] == "qk-env"
    api.security.subscribe(callback_url="x")
    assert recorder.last.headers["authorization"] == "Bearer from-env"
    copy = api.with_options(query_key="other")
    copy.security.query_key()
    assert recorder.last.url.params["key"] == "other"


# -- webhooks and callbacks -------------------------------------------------------------------


def test_webhook_and_callback_payloads_are_exported_models(breadth: ModuleType) -> None:
    from breadth import types

    adopted = types.PetAdoptedPayload.model_validate_json(
        '{"pet_id": "p1", "adopted_at": "2024-01-02T03:04:05Z"}'
    )
    assert adopted.pet_id == "p1" and adopted.adopted_at is not None
    assert types.OnEventPayload.model_validate({"kind": "x"}).kind == "x"


# -- Swagger 2.0 ------------------------------------------------------------------------------


def test_swagger_form_data_with_a_file_is_multipart(oldpets: ModuleType) -> None:
    recorder = Recorder(httpx.Response(200, json={"id": 1}))
    api = client(oldpets, recorder, "OldPets", api_key=KEY)
    pet = api.pets.upload_photo(id=1, file=("cat.png", b"\x89PNG", "image/png"), caption="hi")
    assert pet.id == 1
    assert recorder.last.headers["api_key"] == KEY
    assert parts(recorder.last) == [  # required fields first, as the method's arguments
        ("file", "cat.png", "image/png", b"\x89PNG"),
        ("caption", None, None, b"hi"),
    ]


def test_swagger_form_data_is_urlencoded_with_collection_formats(oldpets: ModuleType) -> None:
    recorder = Recorder(httpx.Response(200, json={"id": 1, "name": "Rex"}))
    api = client(oldpets, recorder, "OldPets", api_key=KEY)
    assert api.pets.update_pet(id=1, name="Rex", tags=["a", "b"]).name == "Rex"
    assert form(recorder.last) == [("name", "Rex"), ("tags", "a|b")]


def test_swagger_produces_and_query_collection_formats(oldpets: ModuleType) -> None:
    text = httpx.Response(200, text="Rex\nTom", headers={"content-type": "text/plain"})
    recorder = Recorder(text)
    api = client(oldpets, recorder, "OldPets", api_key=KEY)
    assert api.pets.find_pets(status=["a", "b"], ids=[1, 2]) == "Rex\nTom"
    assert recorder.last.url.params.multi_items() == [
        ("status", "a"),
        ("status", "b"),
        ("ids", "1,2"),  # Swagger 2.0's default collectionFormat is csv
    ]
    recorder.response = httpx.Response(200, content=b"\x00raw")
    assert api.pets.export_pet(id=1) == b"\x00raw"


# -- the generated SDKs' own checks -------------------------------------------------------------


@pytest.mark.parametrize("which", ["breadth", "swagger"])
def test_generated_tests_pass_and_type_check(
    which: str, breadth_dir: Path, swagger_dir: Path
) -> None:
    sdk, package = (breadth_dir, "breadth") if which == "breadth" else (swagger_dir, "oldpets")
    tests = run_generated_tests(sdk)
    assert tests.returncode == 0, describe(tests)
    assert " passed" in tests.stdout and "failed" not in tests.stdout
    checked = mypy_strict(sdk, package)
    assert checked.returncode == 0, describe(checked)
