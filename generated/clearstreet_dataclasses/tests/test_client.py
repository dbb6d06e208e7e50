# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Tests of the client itself, through `client.positions.cancel_position_instruction`: default and per-call headers,
errors by status, retries and `Retry-After`, raw and streamed responses (from the client and
from a resource) and environment variables.

They answer from canned responses, so against a live server (`TEST_API_BASE_URL`) they are
skipped: the server, not the test, chooses its responses there.
"""

from __future__ import annotations

import asyncio

import pytest

from clearstreet_dataclasses import (
    APIStatusError,
    APITimeoutError,
    AsyncClearStreet,
    AuthenticationError,
    BadRequestError,
    ClearStreet,
    InternalServerError,
    NotFoundError,
)

from .conftest import API_KEY, BASE_URL, LIVE_BASE_URL, MockAPI, http_client_for

pytestmark = pytest.mark.skipif(
    bool(LIVE_BASE_URL), reason="the client's own behaviour is tested with canned responses"
)

RESPONSE: object = {
    "metadata": {
        "request_id": "request_id",
        "next_page_token": "U3RhaW5sZXNzIHJvY2tz",
        "page_number": 0,
        "previous_page_token": "U3RhaW5sZXNzIHJvY2tz",
        "total_items": 0,
        "total_pages": 0,
    },
    "error": {
        "code": 400,
        "message": "Order quantity must be greater than zero",
        "details": [{"foo": "bar"}],
    },
    "data": {
        "id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02",
        "account_id": 122503,
        "instruction_id": "ui-20260424-001",
        "instruction_type": "EXERCISE",
        "instrument_id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02",
        "quantity": "1",
        "status": "SENT",
        "symbol": "AAPL  280121C00195000",
        "accepted_quantity": None,
        "created_at": "2026-04-24T14:30:00Z",
        "rejection_reason": None,
        "updated_at": "2026-04-24T14:30:00Z",
    },
}


def answer(mock_api: MockAPI) -> None:
    mock_api.respond_json(200, RESPONSE)


def test_default_and_per_call_headers_are_sent(client: ClearStreet, mock_api: MockAPI) -> None:
    answer(mock_api)
    client.with_options(default_headers={"X-Team": "sdk"}).positions.cancel_position_instruction(
        account_id=1, instruction_id="string", extra_headers={"X-Trace": "t-1"}
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
    client: ClearStreet, mock_api: MockAPI, status: int, error: type[APIStatusError]
) -> None:
    mock_api.respond_json(status, {"message": "no"})
    with pytest.raises(error) as raised:
        client.positions.cancel_position_instruction(
            account_id=1, instruction_id="string", max_retries=0
        )
    assert raised.value.status_code == status
    assert type(raised.value) is error
    assert raised.value.body == {"message": "no"}


def test_a_transient_failure_is_retried(client: ClearStreet, mock_api: MockAPI) -> None:
    answer(mock_api)
    mock_api.respond_first(503, {"Retry-After": "0"})
    mock_api.respond_first(429, {"Retry-After": "0"})
    client.positions.cancel_position_instruction(account_id=1, instruction_id="string")
    assert len(mock_api.requests) == 3


def test_retries_stop_at_the_limit(client: ClearStreet, mock_api: MockAPI) -> None:
    for _ in range(3):
        mock_api.respond_first(503, {"Retry-After": "0"})
    answer(mock_api)
    with pytest.raises(InternalServerError):
        client.positions.cancel_position_instruction(
            account_id=1, instruction_id="string", max_retries=1
        )
    assert len(mock_api.requests) == 2


def test_a_timeout_is_retried_then_raised(client: ClearStreet, mock_api: MockAPI) -> None:
    answer(mock_api)
    mock_api.time_out_first()
    client.positions.cancel_position_instruction(account_id=1, instruction_id="string")
    assert len(mock_api.requests) == 2
    for _ in range(3):
        mock_api.time_out_first()
    with pytest.raises(APITimeoutError):
        client.positions.cancel_position_instruction(
            account_id=1, instruction_id="string", max_retries=1
        )
    assert len(mock_api.requests) == 4


def test_a_raw_response_gives_the_status_headers_and_parsed_body(
    client: ClearStreet, mock_api: MockAPI
) -> None:
    answer(mock_api)
    response = client.with_raw_response.positions.cancel_position_instruction(
        account_id=1, instruction_id="string"
    )
    assert response.status_code == 200
    assert str(response.url).startswith(BASE_URL)
    parsed = response.parse()
    assert (parsed is None) == (RESPONSE is None)


def test_a_streamed_response_is_read_inside_its_block(
    client: ClearStreet, mock_api: MockAPI
) -> None:
    answer(mock_api)
    with client.with_streaming_response.positions.cancel_position_instruction(
        account_id=1, instruction_id="string"
    ) as response:
        assert response.status_code == 200
        parsed = response.parse()
    assert (parsed is None) == (RESPONSE is None)


def test_a_resource_gives_raw_and_streamed_responses_too(
    client: ClearStreet, mock_api: MockAPI
) -> None:
    resource = client.positions
    answer(mock_api)
    raw = resource.with_raw_response.cancel_position_instruction(
        account_id=1, instruction_id="string"
    )
    assert raw.status_code == 200
    assert str(raw.http_request.url).startswith(BASE_URL)
    answer(mock_api)
    with resource.with_streaming_response.cancel_position_instruction(
        account_id=1, instruction_id="string"
    ) as streamed:
        assert streamed.status_code == 200
        assert (streamed.parse() is None) == (RESPONSE is None)


def test_the_async_client_retries_too(async_client: AsyncClearStreet, mock_api: MockAPI) -> None:
    answer(mock_api)
    mock_api.respond_first(503, {"Retry-After": "0"})
    asyncio.run(
        async_client.positions.cancel_position_instruction(account_id=1, instruction_id="string")
    )
    assert len(mock_api.requests) == 2


def test_the_environment_gives_the_base_url_and_credentials(
    mock_api: MockAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLEAR_STREET_BASE_URL", "https://env.example.test/api")
    monkeypatch.setenv("CLEAR_STREET_API_KEY", API_KEY)
    answer(mock_api)
    with http_client_for(mock_api) as http_client:
        ClearStreet(http_client=http_client).positions.cancel_position_instruction(
            account_id=1, instruction_id="string"
        )
    assert mock_api.request.url.raw_path.startswith(b"/api/")  # the variable's base URL
