"""A spec written for Speakeasy and Fern gives an SDK with the names, groups, pagination and
retries those extensions declare (issue 16), checked over HTTP with MockTransport."""

from __future__ import annotations

import textwrap
from pathlib import Path

import httpx
import orders_sdk
import pytest
from helpers import mypy_strict
from sdkwright import api
from sdkwright.config import load_targets

SPEC = """\
openapi: 3.0.3
info: {title: Shop, version: "1"}
servers: [{url: https://shop.example}]
x-speakeasy-retries: {strategy: backoff, statusCodes: [5XX]}
paths:
  /items:
    get:
      operationId: getItemsV2
      x-speakeasy-name-override: listAll
      x-speakeasy-group: inventory
      x-fern-pagination: {cursor: $request.after, next_cursor: $response.next, results: $response.data}
      parameters:
        - {name: after, in: query, schema: {type: string}}
      responses:
        "200":
          description: a page
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {type: string}}
                  next: {type: string, nullable: true}
  /items/{id}:
    delete:
      operationId: deleteItem
      x-fern-sdk-group-name: inventory
      x-fern-sdk-method-name: remove
      x-speakeasy-retries: {strategy: none}
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "204": {description: gone}
  /internal:
    get:
      operationId: internal
      x-fern-ignore: true
      responses:
        "204": {description: hidden}
"""


def test_the_extensions_shape_the_generated_sdk(tmp_path: Path) -> None:
    (tmp_path / "shop.yaml").write_text(SPEC)
    (tmp_path / "sdkwright.yaml").write_text(
        textwrap.dedent(
            """\
            targets:
              - {name: shop, spec: shop.yaml, output: sdk, package: shop, client_name: Shop}
            """
        )
    )
    (target,) = load_targets(tmp_path / "sdkwright.yaml")
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.method == "DELETE":
            return httpx.Response(503)
        after = request.url.params.get("after")
        page = {"data": ["b"], "next": None} if after else {"data": ["a"], "next": "c1"}
        return httpx.Response(200, json=page)

    with orders_sdk.imported(target.output, "shop") as module:
        client = module.Shop(http_client=httpx.Client(transport=httpx.MockTransport(handler)))
        assert list(client.inventory.list_all()) == ["a", "b"]
        assert [r.url.params.get("after") for r in sent] == [None, "c1"]
        assert not hasattr(client, "internal") and not hasattr(client.inventory, "internal")
        sent.clear()
        with pytest.raises(module.APIStatusError):
            client.inventory.remove(id="i1")
        assert len(sent) == 1  # x-speakeasy-retries strategy none: not retried after a 503
    typed = mypy_strict(target.output, "shop")
    assert typed.returncode == 0, typed.stdout
