"""Issue 13, points 7 and 8, end to end: an SDK generated from an inline spec whose path keys
hold a fragment (`/oauth2/token#refresh`) or a query (`/responses?beta=true`), and whose
query and header parameters are arrays of objects; called through `httpx.MockTransport`.

Before the fix, the fragment and the query were sent as part of the path (httpx raised
`InvalidURL` for the "#"; the generated tests expected it percent-encoded), objects in arrays
went out as Python reprs, and generation said nothing.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import orders_sdk
import pytest
from helpers import describe, mypy_strict, run_generated_tests, sdkwright

SPEC = """\
openapi: 3.1.0
info: {title: Edges, version: "1"}
servers: [{url: "https://edges.example/v1"}]
paths:
  /oauth2/token#refresh:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, required: [refresh_token], properties: {refresh_token: {type: string}}}
      responses: {"204": {description: done}}
  /oauth2/token#password:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, required: [username], properties: {username: {type: string}}}
      responses: {"204": {description: done}}
  /responses?beta=true:
    get:
      operationId: listBetaResponses
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
      responses: {"204": {description: done}}
    post:
      operationId: createBetaResponse
      parameters:
        - {name: beta, in: query, schema: {type: string}}
      responses: {"204": {description: done}}
  /files/a b|c/{name}:
    get:
      operationId: getFile
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      responses: {"204": {description: done}}
  /docs/{path}:
    get:
      operationId: getDoc
      parameters:
        - {name: path, in: path, required: true, x-sdkwright-allow-reserved: true, schema: {type: string}}
      responses: {"204": {description: done}}
  /search:
    get:
      operationId: search
      parameters:
        - name: filters
          in: query
          schema: {type: array, items: {$ref: "#/components/schemas/Filter"}}
          example: [{field: size, value: 10}, {field: name, value: 1.5}]
        - name: sorts
          in: query
          explode: false
          schema: {type: array, items: {$ref: "#/components/schemas/Filter"}}
        - name: X-Filters
          in: header
          schema: {type: array, items: {$ref: "#/components/schemas/Filter"}}
        - name: saved
          in: cookie
          schema: {type: array, items: {$ref: "#/components/schemas/Filter"}}
        - {name: sid, in: cookie, schema: {type: string}}
      responses: {"204": {description: done}}
components:
  schemas:
    Filter:
      type: object
      required: [field]
      properties:
        field: {type: string}
        value: {type: number}
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("edges")
    (folder / "spec.yaml").write_text(SPEC)
    result = sdkwright(
        "generate",
        folder / "spec.yaml",
        "-o",
        folder / "sdk",
        "--package",
        "edges",
        "--client-name",
        "Edges",
    )
    assert result.returncode == 0, describe(result)
    return folder / "sdk", result.stdout + result.stderr


@pytest.fixture(scope="module")
def edges(generated: tuple[Path, str]) -> Iterator[ModuleType]:
    with orders_sdk.imported(generated[0], "edges") as module:
        yield module


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(204)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def client(sdk: ModuleType, recorder: Recorder) -> Any:
    return sdk.Edges(http_client=httpx.Client(transport=httpx.MockTransport(recorder)))


def test_a_fragment_is_not_sent(edges: ModuleType) -> None:
    recorder = Recorder()
    oauth = client(edges, recorder).oauth2
    refresh = next(getattr(oauth, n) for n in dir(oauth) if n.endswith("refresh"))
    password = next(getattr(oauth, n) for n in dir(oauth) if n.endswith("password"))
    refresh(refresh_token="r")
    password(username="u")
    assert [str(r.url) for r in recorder.requests] == ["https://edges.example/v1/oauth2/token"] * 2
    assert [json.loads(r.content) for r in recorder.requests] == [
        {"refresh_token": "r"},
        {"username": "u"},
    ]


def test_a_query_in_the_path_key_is_sent_as_fixed_parameters(edges: ModuleType) -> None:
    recorder = Recorder()
    responses = client(edges, recorder).responses
    responses.list_beta_responses(limit=5)
    responses.list_beta_responses(extra_query={"beta": "false"})  # extra_query wins
    responses.create_beta_response()  # the declared `beta` falls back to the fixed value
    responses.create_beta_response(beta="v2")  # and the caller's value wins
    assert [r.url.raw_path.decode() for r in recorder.requests] == [
        "/v1/responses?beta=true&limit=5",
        "/v1/responses?beta=false",
        "/v1/responses?beta=true",
        "/v1/responses?beta=v2",
    ]


def test_literal_path_characters_are_percent_encoded(edges: ModuleType) -> None:
    recorder = Recorder()
    client(edges, recorder).files.get_file(name="x/y")
    assert recorder.last.url.raw_path == b"/v1/files/a%20b%7Cc/x%2Fy"


def test_a_path_parameter_allowing_reserved_characters_keeps_its_slashes(
    edges: ModuleType,
) -> None:
    """Jupyter-like `{path}` parameters: "/" is encoded (%2F) unless the spec allows reserved
    characters; even then "?", "#", spaces and dot segments stay encoded."""
    recorder = Recorder()
    edges_client = client(edges, recorder)
    edges_client.docs.get_doc(path="guide/a b:c.md")
    edges_client.docs.get_doc(path="x/../y?z#w%2F")
    edges_client.files.get_file(name="guide/a.md")
    assert [r.url.raw_path for r in recorder.requests] == [
        b"/v1/docs/guide/a%20b:c.md",
        b"/v1/docs/x/%2E%2E/y%3Fz%23w%2F",
        b"/v1/files/a%20b%7Cc/guide%2Fa.md",
    ]


def test_objects_in_arrays_are_sent_as_json(edges: ModuleType) -> None:
    recorder = Recorder()
    filters = [edges.types.Filter(field="size", value=10), {"field": "name"}]
    client(edges, recorder).search.search(filters=filters, sorts=filters, x_filters=filters)
    request = recorder.last
    assert request.url.params.multi_items() == [
        ("filters", '{"field":"size","value":10}'),
        ("filters", '{"field":"name"}'),
        ("sorts", '[{"field":"size","value":10},{"field":"name"}]'),
    ]
    assert request.headers["x-filters"] == '[{"field":"size","value":10},{"field":"name"}]'


def test_cookie_values_stay_one_cookie(edges: ModuleType) -> None:
    """A cookie parameter's value is percent-encoded where RFC 6265 forbids a character: JSON
    loses its quotes, and a "; x=1" in a value cannot add a cookie."""
    recorder = Recorder()
    search = client(edges, recorder).search.search
    search(saved=[{"field": "a b"}], sid="s; admin=1")
    search(sid="plain-1,2")
    assert [r.headers["cookie"] for r in recorder.requests] == [
        "saved=[{%22field%22:%22a%20b%22}]; sid=s%3B%20admin=1",
        "sid=plain-1,2",
    ]


def test_async_client_sends_the_same(edges: ModuleType) -> None:
    recorder = Recorder()
    http_client = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    async_edges = edges.AsyncEdges(http_client=http_client)
    asyncio.run(async_edges.responses.create_beta_response())
    asyncio.run(async_edges.search.search(filters=[{"field": "a", "value": 2.5}]))
    assert [r.url.raw_path.decode() for r in recorder.requests] == [
        "/v1/responses?beta=true",
        "/v1/search?filters=%7B%22field%22%3A%22a%22%2C%22value%22%3A2.5%7D",
    ]


def test_generation_says_so_once_per_path_and_parameter(generated: tuple[Path, str]) -> None:
    output = generated[1]
    assert output.count("info[path.fragment]") == 2
    assert output.count("warning[path.query]") == 1
    assert "spec.yaml:6:5: info[path.fragment]: path '/oauth2/token#refresh'" in output
    assert "spec.yaml:22:5: warning[path.query]: path '/responses?beta=true'" in output
    warned = [line for line in output.splitlines() if "[parameter.object-items]" in line]
    assert [line.split("'")[1] for line in warned] == ["filters", "sorts", "X-Filters", "saved"]
    declared = [
        SPEC.splitlines().index(f"        - name: {n}") + 1
        for n in ("filters", "sorts", "X-Filters", "saved")
    ]
    assert [line.split("spec.yaml:")[1].split(":")[0] for line in warned] == [
        str(n) for n in declared
    ]


def test_generated_tests_expect_what_is_sent_and_type_check(generated: tuple[Path, str]) -> None:
    sdk = generated[0]
    tests = run_generated_tests(sdk)
    assert tests.returncode == 0, describe(tests)
    assert " passed" in tests.stdout and "failed" not in tests.stdout
    checked = mypy_strict(sdk, "edges")
    assert checked.returncode == 0, describe(checked)
    # The documented example's 10 (a number field: 10.0 in the model) is expected as sent.
    search_test = (sdk / "tests" / "test_search.py").read_text()
    assert """("filters", '{"field":"size","value":10}'),""" in search_test
