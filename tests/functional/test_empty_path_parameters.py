"""An empty path parameter (issue 13, point 3): sent where the route allows it, refused before
sending, naming the parameter, where it would make `//` and call another route.

The rule: a `simple` parameter that is a whole segment with more path after it
(`/accounts/{account_id}/orders`) must not be empty; a parameter that ends the path
(`/files/{path}`: `/files/`, a server's root listing) or shares its segment with literal
text (`/reports/{name}.csv`) may be."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import orders_sdk
import pytest
from helpers import describe, run_generated_tests
from sdkwright import api
from sdkwright.config import Target

SPEC = """\
openapi: 3.0.3
info: {title: Files, version: "1"}
servers: [{url: https://files.example/api}]
paths:
  /files/{path}:
    get:
      operationId: getFile
      parameters:
        - {name: path, in: path, required: true, schema: {type: string}}
      responses: {"204": {description: ok}}
  /reports/{name}.csv:
    get:
      operationId: getReport
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      responses: {"204": {description: ok}}
  /accounts/{accountId}/orders/{orderId}:
    get:
      operationId: getOrder
      parameters:
        - {name: accountId, in: path, required: true, schema: {type: string}}
        - {name: orderId, in: path, required: true, schema: {type: string}}
      responses: {"204": {description: ok}}
"""


@pytest.fixture(scope="module")
def sdk_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("empty-path")
    (folder / "files.yaml").write_text(SPEC)
    target = Target("files", folder / "files.yaml", folder / "sdk", "files", "Files")
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    return target.output


@pytest.fixture(scope="module")
def files(sdk_folder: Path) -> Iterator[ModuleType]:
    with orders_sdk.imported(sdk_folder, "files") as module:
        yield module


def _paths(files: ModuleType, call: Any, asynchronous: bool = False) -> list[bytes]:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    if asynchronous:

        async def main() -> None:
            http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
            await call(files.AsyncFiles(http_client=http))

        asyncio.run(main())
    else:
        call(files.Files(http_client=httpx.Client(transport=httpx.MockTransport(handler))))
    return [request.url.raw_path for request in sent]


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_an_empty_value_is_sent_where_the_route_allows_it(
    files: ModuleType, asynchronous: bool
) -> None:
    assert _paths(files, lambda c: c.files.get_file(path=""), asynchronous) == [b"/api/files/"]
    assert _paths(files, lambda c: c.reports.get_report(name=""), asynchronous) == [
        b"/api/reports/.csv"
    ]
    # A trailing parameter may be empty too: nothing follows it to be confused with.
    assert _paths(
        files, lambda c: c.accounts.get_order(account_id="a1", order_id=""), asynchronous
    ) == [b"/api/accounts/a1/orders/"]


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_an_empty_value_between_two_slashes_is_refused_before_sending(
    files: ModuleType, asynchronous: bool
) -> None:
    with pytest.raises(ValueError) as raised:
        _paths(files, lambda c: c.accounts.get_order(account_id="", order_id="o1"), asynchronous)
    assert str(raised.value) == "Expected a non-empty value for `account_id` but received ''"


def test_the_generated_tests_pass(sdk_folder: Path) -> None:
    result = run_generated_tests(sdk_folder)
    assert result.returncode == 0 and " passed" in result.stdout, describe(result)
