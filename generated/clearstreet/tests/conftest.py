# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Fixtures for the generated tests: clients wired to an in-memory transport.

Every request is recorded and answered with the response a test sets, so the tests run
offline and check exactly what would go over the wire.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from clearstreet import AsyncClearStreet, ClearStreet

API_KEY = "test-api-key"
BASE_URL = "https://api.example.test"


@dataclass
class MockAPI:
    """Answers every request with one canned response and remembers the requests."""

    status_code: int = 200
    content: bytes = b""
    content_type: str = "application/json"
    requests: list[httpx.Request] = field(default_factory=list)

    def respond_json(self, status_code: int, payload: object) -> None:
        self.status_code = status_code
        self.content = b"" if payload is None else json.dumps(payload).encode()
        self.content_type = "application/json"

    def respond_content(self, status_code: int, content: bytes, content_type: str) -> None:
        self.status_code, self.content, self.content_type = status_code, content, content_type

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        headers = {"Content-Type": self.content_type} if self.content else {}
        return httpx.Response(self.status_code, content=self.content, headers=headers)

    @property
    def request(self) -> httpx.Request:
        """The one request a test made."""
        assert len(self.requests) == 1, f"expected one request, got {len(self.requests)}"
        return self.requests[0]


@pytest.fixture
def mock_api() -> MockAPI:
    return MockAPI()


@pytest.fixture
def client(mock_api: MockAPI) -> Iterator[ClearStreet]:
    transport = httpx.MockTransport(mock_api.handle)
    with httpx.Client(transport=transport) as http_client:
        yield ClearStreet(api_key=API_KEY, base_url=BASE_URL, http_client=http_client)


@pytest.fixture
def async_client(mock_api: MockAPI) -> AsyncClearStreet:
    transport = httpx.MockTransport(mock_api.handle)
    return AsyncClearStreet(
        api_key=API_KEY, base_url=BASE_URL, http_client=httpx.AsyncClient(transport=transport)
    )


def query_pairs(request: httpx.Request) -> list[tuple[str, str]]:
    return sorted(request.url.params.multi_items())


def json_body(request: httpx.Request) -> object:
    return json.loads(request.content) if request.content else None
