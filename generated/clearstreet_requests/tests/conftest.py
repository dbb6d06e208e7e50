# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Fixtures for the generated tests: clients wired to an in-memory transport.

Every request is recorded and answered with the response a test sets, so the tests run
offline and check exactly what would go over the wire. With `TEST_API_BASE_URL` set (e.g. a
Prism mock server serving the spec), requests go to that server instead: the tests then check
the requests and that the server's responses parse. The clients validate responses strictly:
a response that does not match its declared type fails the test instead of being kept.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
from pydantic import TypeAdapter
from requests import PreparedRequest, Response
from requests.adapters import BaseAdapter, HTTPAdapter
from requests.structures import CaseInsensitiveDict

from clearstreet_requests import ClearStreet
from clearstreet_requests._pydantic import adapter_for

API_KEY = "test-api-key"
LIVE_BASE_URL = os.environ.get("TEST_API_BASE_URL", "")
BASE_URL = LIVE_BASE_URL or "https://api.example.test"


@dataclass
class MockAPI:
    """Answers every request with one canned response and remembers the requests."""

    status_code: int = 200
    content: bytes = b""
    content_type: str = "application/json"
    requests: list[RecordedRequest] = field(default_factory=list)
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
        self, request: RecordedRequest | None = None
    ) -> tuple[int, bytes, dict[str, str]]:
        if self.queued:
            return self.queued.pop(0)
        if self.router is not None and request is not None:
            return self.router(request.method, request.url.raw_path.decode().partition("?")[0])
        headers = {"Content-Type": self.content_type} if self.content else {}
        return self.status_code, self.content, headers

    def handle(self, request: PreparedRequest) -> Response:
        recorded = RecordedRequest.of(request)
        self.requests.append(recorded)
        status_code, content, headers = self.next_response(recorded)
        if status_code == 0:
            raise requests.exceptions.ReadTimeout("the mock timed out", request=request)
        response = Response()
        response.status_code = status_code
        response.raw = io.BytesIO(content)  # read as a real adapter's body is, streamed or not
        response.headers.update(headers)
        response.request, response.url = request, request.url or ""
        return response

    @property
    def request(self) -> RecordedRequest:
        """The one request a test made."""
        assert len(self.requests) == 1, f"expected one request, got {len(self.requests)}"
        return self.requests[0]

    def check_result(self, dumped: object, expected: object) -> None:
        """Offline, the result must dump back to the canned response; live, the server chose
        the response, and parsing it into the declared type was the check."""
        if not self.live:
            assert dumped == expected


@dataclass(frozen=True)
class RecordedURL:
    raw_path: bytes  # the path and query, as sent
    query: str


@dataclass(frozen=True)
class RecordedRequest:
    """A request as it went to the transport, read the way the tests read one."""

    method: str
    url: RecordedURL
    headers: CaseInsensitiveDict[str]
    content: bytes

    @classmethod
    def of(cls, request: requests.PreparedRequest) -> RecordedRequest:
        parts = urlsplit(request.url or "")
        raw_path = parts.path + (f"?{parts.query}" if parts.query else "")
        body = request.body
        content = body.encode() if isinstance(body, str) else bytes(body or b"")
        return cls(
            request.method or "",
            RecordedURL(raw_path.encode(), parts.query),
            CaseInsensitiveDict(request.headers),
            content,
        )

    def read(self) -> bytes:
        return self.content


class _MockAdapter(BaseAdapter):
    """A transport adapter that answers from the MockAPI: no network."""

    def __init__(self, mock_api: MockAPI) -> None:
        super().__init__()
        self._mock_api = mock_api

    def send(self, request: PreparedRequest, *args: Any, **kwargs: Any) -> Response:
        return self._mock_api.handle(request)

    def close(self) -> None:
        pass


class _RecordingAdapter(HTTPAdapter):
    def __init__(self, recorded: list[RecordedRequest]) -> None:
        super().__init__()
        self._recorded = recorded

    def send(self, request: PreparedRequest, *args: Any, **kwargs: Any) -> Response:
        self._recorded.append(RecordedRequest.of(request))
        return super().send(request, *args, **kwargs)


@pytest.fixture
def mock_api() -> MockAPI:
    return MockAPI()


@contextlib.contextmanager
def http_client_for(mock_api: MockAPI) -> Iterator[requests.Session]:
    """A session whose requests the MockAPI answers (or records, live)."""
    adapter = _RecordingAdapter(mock_api.requests) if mock_api.live else _MockAdapter(mock_api)
    with requests.Session() as session:
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        yield session


@pytest.fixture
def client(mock_api: MockAPI) -> Iterator[ClearStreet]:
    with http_client_for(mock_api) as session:
        yield ClearStreet(
            api_key=API_KEY, base_url=BASE_URL, http_client=session, strict_response_validation=True
        )


@pytest.fixture
def every_client(mock_api: MockAPI, monkeypatch: pytest.MonkeyPatch) -> MockAPI:
    """The MockAPI answers the requests of every client, those a test builds itself too."""

    def send(self: HTTPAdapter, request: PreparedRequest, *args: Any, **kwargs: Any) -> Response:
        return mock_api.handle(request)

    monkeypatch.setattr(HTTPAdapter, "send", send)
    return mock_api


def query_pairs(request: RecordedRequest) -> list[tuple[str, str]]:
    return sorted(parse_qsl(request.url.query, keep_blank_values=True))


def adapter(type_: Any) -> TypeAdapter[Any]:
    """The SDK's own TypeAdapter of `type_`: one per type for the whole run (building one walks
    every model the type reaches, which on a large API costs more than the test that uses it),
    built with room for models nested deeper than Python's default recursion limit allows."""
    return adapter_for(type_)


def json_body(request: RecordedRequest) -> object:
    return json.loads(request.content) if request.content else None


def form_pairs(request: RecordedRequest) -> list[tuple[str, str]]:
    """A form body's fields, sorted; an empty form is no body at all."""
    content = request.read()
    if not content:
        assert "content-type" not in request.headers
        return []
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    return sorted(parse_qsl(content.decode(), keep_blank_values=True))


def multipart_names(request: RecordedRequest) -> list[str]:
    """The names of a multipart body's parts, each once, sorted."""
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    return sorted({name.decode() for name in re.findall(rb'; name="([^"]*)"', request.read())})
