"""Header parameters named Authorization, Content-Type or Accept (issue 14): OpenAPI 3 says
they are ignored, so the method has no such argument, the client's credential still goes out
and the media types still say what the body and the answer are; generation says so, located."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import orders_sdk
import pytest
import small_sdk
from helpers import describe, mypy_strict, run_generated_tests
from sdkwright.diagnostics import Diagnostic

SPEC = """\
openapi: 3.0.3
info: {title: Vault, version: "1"}
servers: [{url: https://vault.example}]
security: [{token: []}]
components:
  securitySchemes:
    token: {type: http, scheme: bearer}
  parameters:
    accept: {name: Accept, in: header, schema: {type: string, enum: [application/yaml]}}
paths:
  /secrets:
    parameters:
      - $ref: "#/components/parameters/accept"
    post:
      operationId: putSecret
      parameters:
        - {name: AUTHORIZATION, in: header, required: true, schema: {type: string}}
        - {name: content-type, in: header, required: true, schema: {type: string}}
        - {name: X-Trace, in: header, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {name: {type: string}}}
      responses:
        "200":
          description: stored
          content:
            application/json:
              schema: {type: object, properties: {name: {type: string}}}
    get:
      operationId: listSecrets
      parameters:
        - {name: Authorization, in: header, schema: {type: string}}
      responses: {"204": {description: none}}
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Diagnostic]]:
    return small_sdk.generate(tmp_path_factory.mktemp("vault"), SPEC, "vault", "Vault")


@pytest.fixture(scope="module")
def vault(generated: tuple[Path, list[Diagnostic]]) -> Iterator[ModuleType]:
    with orders_sdk.imported(generated[0], "vault") as module:
        yield module


def test_the_methods_take_no_ignored_header(vault: ModuleType) -> None:
    client = vault.Vault(api_key="k")
    put = inspect.signature(client.secrets.put_secret).parameters
    listed = inspect.signature(client.secrets.list_secrets).parameters
    assert "x_trace" in put  # other headers stay arguments
    for name in ("authorization", "content_type", "accept"):
        assert name not in put and name not in listed


def test_the_credential_and_media_types_still_go_out(vault: ModuleType) -> None:
    sent, transport = small_sdk.recording(httpx.Response(200, json={"name": "a"}))
    client = vault.Vault(api_key="secret-token", http_client=httpx.Client(transport=transport))
    assert client.secrets.put_secret(name="a", x_trace="t1").name == "a"
    client.secrets.list_secrets()
    assert [r.headers["authorization"] for r in sent] == ["Bearer secret-token"] * 2
    assert sent[0].headers["content-type"] == "application/json"
    assert sent[0].headers["accept"] == "application/json"
    assert sent[0].headers["x-trace"] == "t1"


def test_each_ignored_declaration_is_reported_once_where_it_is(
    generated: tuple[Path, list[Diagnostic]],
) -> None:
    found = [d for d in generated[1] if d.code == "parameter.ignored-header"]
    # The shared Accept is declared once (on the path item, used by both operations).
    assert sorted((d.location.pointer if d.location else "") for d in found) == [
        "/components/parameters/accept",
        "/paths/~1secrets/get/parameters/0",
        "/paths/~1secrets/post/parameters/0",
        "/paths/~1secrets/post/parameters/1",
    ]
    assert all("ignored" in d.message and d.location and d.location.line for d in found)


def test_the_sdk_type_checks_and_its_tests_pass(generated: tuple[Path, list[Diagnostic]]) -> None:
    checked = mypy_strict(generated[0], "vault")
    assert checked.returncode == 0, describe(checked)
    result = run_generated_tests(generated[0])
    assert result.returncode == 0, describe(result)
