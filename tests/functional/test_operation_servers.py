"""`servers` on a path item or an operation (issue 14): those calls went to the API's server.

An operation's own server is used (its variables at their defaults); a relative one is
resolved against the client's base URL as a folder (RFC 3986, as OpenAPI resolves relative
server URLs). A base URL the caller chooses (argument or environment variable: a proxy, a mock
server) takes every operation, those with an absolute server of their own included, as
Speakeasy's `server_url` does for the API's; relative servers stay relative to it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import orders_sdk
import pytest
import small_sdk
from helpers import describe, mypy_strict, run_generated_tests

SPEC = """\
openapi: 3.0.3
info: {title: Files, version: "1"}
servers: [{url: "https://api.files.example/v1"}]
paths:
  /files:
    get:
      operationId: listFiles
      responses: {"204": {description: ok}}
    post:
      operationId: uploadFile
      servers:
        - url: "https://{region}.uploads.files.example/v2"
          variables: {region: {default: eu, enum: [eu, us]}}
      responses: {"204": {description: ok}}
  /beta/things:
    servers: [{url: /beta-api}]
    get:
      operationId: listThings
      responses: {"204": {description: ok}}
    put:
      operationId: putThing
      servers: [{url: "../v3"}]
      responses: {"204": {description: ok}}
  /same:
    servers: [{url: "https://api.files.example/v1/"}]
    get:
      operationId: getSame
      responses: {"204": {description: ok}}
"""
CALLS = {
    "list_files": lambda c: c.files.list_files(),
    "upload_file": lambda c: c.files.upload_file(),
    "list_things": lambda c: c.beta.list_things(),
    "put_thing": lambda c: c.beta.put_thing(),
    "get_same": lambda c: c.same.get_same(),
}
DEFAULT = {
    "list_files": "https://api.files.example/v1/files",
    "upload_file": "https://eu.uploads.files.example/v2/files",
    "list_things": "https://api.files.example/beta-api/beta/things",
    "put_thing": "https://api.files.example/v3/beta/things",
    "get_same": "https://api.files.example/v1/same",
}
CHOSEN = {
    "list_files": "http://proxy.test/mock/files",
    "upload_file": "http://proxy.test/mock/files",
    "list_things": "http://proxy.test/beta-api/beta/things",
    "put_thing": "http://proxy.test/v3/beta/things",
    "get_same": "http://proxy.test/mock/same",
}


@pytest.fixture(scope="module", params=["httpx", "requests"])
def sdk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp(f"servers-{request.param}")
    return small_sdk.generate(folder, SPEC, "files", "Files", request.param)[0]


@pytest.fixture(scope="module")
def files(sdk: Path) -> Iterator[ModuleType]:
    with orders_sdk.imported(sdk, "files") as module:
        yield module


def _urls(files: ModuleType, **options: Any) -> dict[str, str]:
    """The URL each call goes to, over a mock transport of the SDK's HTTP library."""
    sent, transport = small_sdk.recording(httpx.Response(204))
    if hasattr(files, "AsyncFiles"):
        client = files.Files(http_client=httpx.Client(transport=transport), **options)
    else:  # the requests flavour: a session whose adapter answers
        client = files.Files(http_client=_session(sent), **options)
    urls = {}
    for name, call in CALLS.items():
        call(client)
        urls[name] = str(sent[-1].url)
    return urls


def _session(sent: list[Any]) -> Any:
    import requests
    from requests.adapters import BaseAdapter

    class Answering(BaseAdapter):
        def send(self, request: requests.PreparedRequest, **_: Any) -> requests.Response:
            sent.append(request)
            response = requests.Response()
            response.status_code, response.request, response.url = 204, request, request.url or ""
            return response

        def close(self) -> None:
            pass

    session = requests.Session()
    session.mount("http://", Answering())
    session.mount("https://", Answering())
    return session


def test_each_operation_goes_to_its_server(files: ModuleType) -> None:
    assert _urls(files) == DEFAULT
    if hasattr(files, "AsyncFiles"):  # the httpx flavour's async client too
        assert _async_urls(files) == DEFAULT


def _async_urls(files: ModuleType) -> dict[str, str]:
    sent, transport = small_sdk.recording(httpx.Response(204))
    urls = {}

    async def main() -> None:
        client = files.AsyncFiles(http_client=httpx.AsyncClient(transport=transport))
        for name, call in CALLS.items():
            await call(client)
            urls[name] = str(sent[-1].url)

    asyncio.run(main())
    return urls


def test_a_chosen_base_url_takes_every_operation(
    files: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _urls(files, base_url="http://proxy.test/mock") == CHOSEN
    monkeypatch.setenv("FILES_BASE_URL", "http://proxy.test/mock/")
    assert _urls(files) == CHOSEN
    # The default base URL given explicitly is no choice of the caller's.
    monkeypatch.delenv("FILES_BASE_URL")
    assert _urls(files, base_url="https://api.files.example/v1/") == DEFAULT


def test_the_sdk_type_checks_and_its_tests_pass(sdk: Path) -> None:
    checked = mypy_strict(sdk, "files")
    assert checked.returncode == 0, describe(checked)
    result = run_generated_tests(sdk)
    assert result.returncode == 0 and " passed" in result.stdout, describe(result)
