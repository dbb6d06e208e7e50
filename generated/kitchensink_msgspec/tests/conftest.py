# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Fixtures for the generated tests: clients wired to an in-memory transport.

Every request is recorded and answered with the response a test sets, so the tests run
offline and check exactly what would go over the wire. With `TEST_API_BASE_URL` set (e.g. a
Prism mock server serving the spec), requests go to that server instead: the tests then check
the requests and that the server's responses parse. The clients validate responses strictly:
a response that does not match its declared type fails the test instead of being kept.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import httpx
import pytest

from kitchensink_msgspec import AsyncKitchenSink, KitchenSink

API_KEY = "test-api-key"
LIVE_BASE_URL = os.environ.get("TEST_API_BASE_URL", "")
BASE_URL = LIVE_BASE_URL or "https://api.example.test"


@dataclass
class MockAPI:
    """Answers every request with one canned response and remembers the requests."""

    status_code: int = 200
    content: bytes = b""
    content_type: str = "application/json"
    requests: list[httpx.Request] = field(default_factory=list)
    live: bool = bool(LIVE_BASE_URL)
    # Responses for the next requests, before the canned one: (status, body, headers).
    queued: list[tuple[int, bytes, dict[str, str]]] = field(default_factory=list)
    # Answers by method and path instead of the canned response, when set (tests/test_readme.py).
    router: Callable[[str, str], tuple[int, bytes, dict[str, str]]] | None = None

    def respond_json(self, status_code: int, payload: object) -> None:
        self.status_code = status_code
        self.content = b"" if payload is None else json.dumps(payload).encode()
        self.content_type = "application/json"

    def respond_content(self, status_code: int, content: bytes, content_type: str) -> None:
        self.status_code, self.content, self.content_type = status_code, content, content_type

    def respond_first(self, status_code: int, headers: dict[str, str] | None = None) -> None:
        """Answer the next request not yet answered so with `status_code`, bodiless."""
        self.queued.append((status_code, b"", headers or {}))

    def time_out_first(self) -> None:
        """Let the next request not yet answered so time out (status 0 in the queue)."""
        self.queued.append((0, b"", {}))

    def next_response(
        self, request: httpx.Request | None = None
    ) -> tuple[int, bytes, dict[str, str]]:
        if self.queued:
            return self.queued.pop(0)
        if self.router is not None and request is not None:
            return self.router(request.method, request.url.raw_path.decode().partition("?")[0])
        headers = {"Content-Type": self.content_type} if self.content else {}
        return self.status_code, self.content, headers

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status_code, content, headers = self.next_response(request)
        if status_code == 0:
            raise httpx.ReadTimeout("the mock timed out", request=request)
        return httpx.Response(status_code, content=content, headers=headers)

    @property
    def request(self) -> httpx.Request:
        """The one request a test made."""
        assert len(self.requests) == 1, f"expected one request, got {len(self.requests)}"
        return self.requests[0]

    def check_result(self, dumped: object, expected: object) -> None:
        """Offline, the result must dump back to the canned response; live, the server chose
        the response, and parsing it into the declared type was the check."""
        if not self.live:
            assert dumped == expected


class _RecordingTransport(httpx.BaseTransport):
    def __init__(self, requests: list[httpx.Request]) -> None:
        self._requests, self._inner = requests, httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._requests.append(request)
        return self._inner.handle_request(request)


class _AsyncRecordingTransport(httpx.AsyncBaseTransport):
    def __init__(self, requests: list[httpx.Request]) -> None:
        self._requests, self._inner = requests, httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._requests.append(request)
        return await self._inner.handle_async_request(request)


@pytest.fixture
def mock_api() -> MockAPI:
    return MockAPI()


@contextlib.contextmanager
def http_client_for(mock_api: MockAPI) -> Iterator[httpx.Client]:
    """An HTTP client whose requests the MockAPI answers (or records, live)."""
    transport = (
        _RecordingTransport(mock_api.requests)
        if mock_api.live
        else httpx.MockTransport(mock_api.handle)
    )
    with httpx.Client(transport=transport) as http_client:
        yield http_client


@pytest.fixture
def client(mock_api: MockAPI) -> Iterator[KitchenSink]:
    with http_client_for(mock_api) as http_client:
        yield KitchenSink(
            api_key=API_KEY,
            base_url=BASE_URL,
            http_client=http_client,
            strict_response_validation=True,
        )


@pytest.fixture
def async_client(mock_api: MockAPI) -> AsyncKitchenSink:
    transport: httpx.AsyncBaseTransport
    if mock_api.live:
        transport = _AsyncRecordingTransport(mock_api.requests)
    else:
        transport = httpx.MockTransport(mock_api.handle)
    return AsyncKitchenSink(
        api_key=API_KEY,
        base_url=BASE_URL,
        http_client=httpx.AsyncClient(transport=transport),
        strict_response_validation=True,
    )


@pytest.fixture
def every_client(mock_api: MockAPI, monkeypatch: pytest.MonkeyPatch) -> MockAPI:
    """The MockAPI answers the requests of every client, those a test builds itself too."""
    transport = httpx.MockTransport(mock_api.handle)

    def handle(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        return transport.handle_request(request)

    async def handle_async(
        self: httpx.AsyncHTTPTransport, request: httpx.Request
    ) -> httpx.Response:
        return await transport.handle_async_request(request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", handle)
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", handle_async)
    return mock_api


def query_pairs(request: httpx.Request) -> list[tuple[str, str]]:
    return sorted(request.url.params.multi_items())


def json_body(request: httpx.Request) -> object:
    return json.loads(request.content) if request.content else None


def form_pairs(request: httpx.Request) -> list[tuple[str, str]]:
    """A form body's fields, sorted; an empty form is no body at all."""
    content = request.read()
    if not content:
        assert "content-type" not in request.headers
        return []
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    return sorted(parse_qsl(content.decode(), keep_blank_values=True))


def multipart_names(request: httpx.Request) -> list[str]:
    """The names of a multipart body's parts, each once, sorted."""
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    return sorted({name.decode() for name in re.findall(rb'; name="([^"]*)"', request.read())})
