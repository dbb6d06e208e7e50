"""Parameters described by `content: {application/json: {schema}}` (issue 14): JSON in a path,
a query, a header or a cookie. They were typed `Any` and raised TypeError when given an
object; now each is typed from its schema (a model, a TypedDict, a list) and sent as its
compact JSON text, percent-encoded in the path, the query and the cookie. A parameter of
another media type (text/plain) is typed from its schema and sent as text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

import httpx
import orders_sdk
import pytest
import small_sdk
from helpers import describe, mypy_strict, run_generated_tests
from sdkwright.diagnostics import Diagnostic

SPEC = """\
openapi: 3.0.3
info: {title: Search, version: "1"}
servers: [{url: "https://search.example"}]
components:
  schemas:
    Filter:
      type: object
      required: [field]
      properties:
        field: {type: string}
        values: {type: array, items: {type: integer}}
paths:
  /search/{selector}:
    get:
      operationId: search
      parameters:
        - name: selector
          in: path
          required: true
          content:
            application/json: {schema: {type: object, properties: {kind: {type: string}}}}
        - name: filter
          in: query
          required: true
          content: {application/json: {schema: {$ref: "#/components/schemas/Filter"}}}
        - name: tags
          in: query
          content: {application/json: {schema: {type: array, items: {type: string}}}}
        - name: X-Context
          in: header
          content:
            application/json:
              schema: {type: object, properties: {user: {type: string}, level: {type: number}}}
        - name: prefs
          in: cookie
          content: {application/json: {schema: {type: object, properties: {dark: {type: boolean}}}}}
        - name: note
          in: query
          content: {text/plain: {schema: {type: string}}}
      responses: {"204": {description: ok}}
"""
FLAVOURS = {
    "pydantic": ("httpx", ()),
    "typeddict": ("datamodel-code-generator", (("output_model_type", "typeddict"),)),
}


@pytest.fixture(scope="module", params=sorted(FLAVOURS))
def generated(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path, list[Diagnostic]]:
    flavour, options = FLAVOURS[request.param]
    folder = tmp_path_factory.mktemp(f"json-parameters-{request.param}")
    sdk, diagnostics = small_sdk.generate(folder, SPEC, "search", "Search", flavour, options)
    return request.param, sdk, diagnostics


@pytest.fixture(scope="module")
def search(generated: tuple[str, Path, list[Diagnostic]]) -> Iterator[ModuleType]:
    with orders_sdk.imported(generated[1], "search") as module:
        yield module


def _build(search: ModuleType, kind: str, name: str, data: dict[str, Any]) -> Any:
    """An instance of the SDK's type `name` (a model, or a TypedDict: a dict) from `data`."""
    cls = getattr(search.types, name)
    return cls(**data) if kind == "pydantic" else data


def test_values_go_as_json_text(
    generated: tuple[str, Path, list[Diagnostic]], search: ModuleType
) -> None:
    kind = generated[0]
    sent, transport = small_sdk.recording(httpx.Response(204))
    client = search.Search(http_client=httpx.Client(transport=transport))
    client.search.search(
        selector=_build(search, kind, "SearchSelector", {"kind": "a/b c"}),
        filter=_build(search, kind, "Filter", {"field": "size", "values": [1, 2]}),
        tags=["x", "y"],
        note="plain text",
        x_context=_build(search, kind, "SearchXContext", {"user": "ann", "level": 2.0}),
        prefs=_build(search, kind, "SearchPrefs", {"dark": True}),
    )
    (request,) = sent
    selector = quote('{"kind":"a/b c"}', safe="")
    assert request.url.raw_path.split(b"?")[0] == f"/search/{selector}".encode()
    assert sorted(request.url.params.multi_items()) == [
        ("filter", '{"field":"size","values":[1,2]}'),
        ("note", "plain text"),
        ("tags", '["x","y"]'),
    ]
    assert b"filter=%7B%22field%22%3A%22size%22" in request.url.query  # percent-encoded
    assert json.loads(request.headers["x-context"]) == {"user": "ann", "level": 2}
    assert request.headers["x-context"] == '{"level":2,"user":"ann"}'
    assert request.headers["cookie"] == "prefs=" + quote(
        '{"dark":true}', safe="!#$&'()*+,/:<=>?@[]^`{|}~"
    )


def test_unset_optional_parameters_stay_unsent(search: ModuleType) -> None:
    sent, transport = small_sdk.recording(httpx.Response(204))
    client = search.Search(http_client=httpx.Client(transport=transport))
    client.search.search(selector={"kind": "k"}, filter={"field": "f"})
    (request,) = sent
    assert [k for k, _ in request.url.params.multi_items()] == ["filter"]
    assert "x-context" not in request.headers and "cookie" not in request.headers


def test_no_parameter_is_left_untyped(generated: tuple[str, Path, list[Diagnostic]]) -> None:
    assert [d.code for d in generated[2] if d.code.startswith("parameter.")] == []
    source = (generated[1] / "search" / "resources" / "search.py").read_text()
    assert "Any" not in source


def test_the_sdk_type_checks_and_its_tests_pass(
    generated: tuple[str, Path, list[Diagnostic]],
) -> None:
    checked = mypy_strict(generated[1], "search")
    assert checked.returncode == 0, describe(checked)
    result = run_generated_tests(generated[1])
    assert result.returncode == 0 and " passed" in result.stdout, describe(result)
