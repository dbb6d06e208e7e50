# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Tests of the client itself, through `client.misc.list_categories`: default and per-call headers,
errors by status, retries and `Retry-After`, raw and streamed responses (from the client and
from a resource) and environment variables.

They answer from canned responses, so against a live server (`TEST_API_BASE_URL`) they are
skipped: the server, not the test, chooses its responses there.
"""

from __future__ import annotations

import asyncio

import pytest

from kitchensink_dataclasses import (
    APIStatusError,
    APITimeoutError,
    AsyncKitchenSink,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    KitchenSink,
    NotFoundError,
)

from .conftest import API_KEY, BASE_URL, LIVE_BASE_URL, MockAPI, http_client_for

pytestmark = pytest.mark.skipif(
    bool(LIVE_BASE_URL), reason="the client's own behaviour is tested with canned responses"
)

RESPONSE: object = [
    {
        "id": 10,
        "name": "Dogs",
        "children": [
            {
                "id": 11,
                "name": "Hounds",
                "children": [{"id": 12, "name": "Beagles", "children": []}],
            }
        ],
    },
    {"id": 20, "name": "Cats", "children": []},
]


def answer(mock_api: MockAPI) -> None:
    mock_api.respond_json(200, RESPONSE)


def test_default_and_per_call_headers_are_sent(client: KitchenSink, mock_api: MockAPI) -> None:
    answer(mock_api)
    client.with_options(default_headers={"X-Team": "sdk"}).misc.list_categories(
        extra_headers={"X-Trace": "t-1"}
    )
    headers = mock_api.request.headers
    assert headers["X-Team"] == "sdk"
    assert headers["X-Trace"] == "t-1"
    assert headers["User-Agent"]


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (404, NotFoundError),
        (418, APIStatusError),
        (500, InternalServerError),
    ],
)
def test_an_error_status_raises_its_error(
    client: KitchenSink, mock_api: MockAPI, status: int, error: type[APIStatusError]
) -> None:
    mock_api.respond_json(status, {"message": "no"})
    with pytest.raises(error) as raised:
        client.misc.list_categories(max_retries=0)
    assert raised.value.status_code == status
    assert type(raised.value) is error
    assert raised.value.body == {"message": "no"}


def test_a_transient_failure_is_retried(client: KitchenSink, mock_api: MockAPI) -> None:
    answer(mock_api)
    mock_api.respond_first(503, {"Retry-After": "0"})
    mock_api.respond_first(429, {"Retry-After": "0"})
    client.misc.list_categories()
    assert len(mock_api.requests) == 3


def test_retries_stop_at_the_limit(client: KitchenSink, mock_api: MockAPI) -> None:
    for _ in range(3):
        mock_api.respond_first(503, {"Retry-After": "0"})
    answer(mock_api)
    with pytest.raises(InternalServerError):
        client.misc.list_categories(max_retries=1)
    assert len(mock_api.requests) == 2


def test_a_timeout_is_retried_then_raised(client: KitchenSink, mock_api: MockAPI) -> None:
    answer(mock_api)
    mock_api.time_out_first()
    client.misc.list_categories()
    assert len(mock_api.requests) == 2
    for _ in range(3):
        mock_api.time_out_first()
    with pytest.raises(APITimeoutError):
        client.misc.list_categories(max_retries=1)
    assert len(mock_api.requests) == 4


def test_a_raw_response_gives_the_status_headers_and_parsed_body(
    client: KitchenSink, mock_api: MockAPI
) -> None:
    answer(mock_api)
    response = client.with_raw_response.misc.list_categories()
    assert response.status_code == 200
    assert str(response.url).startswith(BASE_URL)
    parsed = response.parse()
    assert (parsed is None) == (RESPONSE is None)


def test_a_streamed_response_is_read_inside_its_block(
    client: KitchenSink, mock_api: MockAPI
) -> None:
    answer(mock_api)
    with client.with_streaming_response.misc.list_categories() as response:
        assert response.status_code == 200
        parsed = response.parse()
    assert (parsed is None) == (RESPONSE is None)


def test_a_resource_gives_raw_and_streamed_responses_too(
    client: KitchenSink, mock_api: MockAPI
) -> None:
    resource = client.misc
    answer(mock_api)
    raw = resource.with_raw_response.list_categories()
    assert raw.status_code == 200
    assert str(raw.http_request.url).startswith(BASE_URL)
    answer(mock_api)
    with resource.with_streaming_response.list_categories() as streamed:
        assert streamed.status_code == 200
        assert (streamed.parse() is None) == (RESPONSE is None)


def test_the_async_client_retries_too(async_client: AsyncKitchenSink, mock_api: MockAPI) -> None:
    answer(mock_api)
    mock_api.respond_first(503, {"Retry-After": "0"})
    asyncio.run(async_client.misc.list_categories())
    assert len(mock_api.requests) == 2


def test_the_environment_gives_the_base_url_and_credentials(
    mock_api: MockAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITCHEN_SINK_BASE_URL", "https://env.example.test/api")
    monkeypatch.setenv("KITCHEN_SINK_API_KEY", API_KEY)
    answer(mock_api)
    with http_client_for(mock_api) as http_client:
        KitchenSink(http_client=http_client).misc.list_categories()
    assert mock_api.request.url.raw_path.startswith(b"/api/")  # the variable's base URL
