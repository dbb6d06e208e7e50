"""The generated Clear Street SDK, driven like a user would, over httpx transports.

The dedicated check of the seed page: the cancel call must be the documented curl
(`DELETE /v1/accounts/$ACCOUNT_ID/positions/instructions/$INSTRUCTION_ID` with
`Authorization: Bearer $API_KEY`), and the documented response must come back field by field.
"""

from __future__ import annotations

import asyncio
import datetime
import importlib
import json
import logging
import sys
import typing
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
from helpers import FIXTURES, GENERATED

EXAMPLE: dict[str, Any] = json.loads(
    (FIXTURES / "cancel_position_instruction_response.json").read_text()
)
ACCOUNT_ID = 122503
INSTRUCTION_ID = "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02"
DOCUMENTED_URL = (
    f"https://api.clearstreet.com/v1/accounts/{ACCOUNT_ID}/positions/instructions/{INSTRUCTION_ID}"
)


@pytest.fixture(scope="module")
def clearstreet() -> Iterator[ModuleType]:
    sys.path.insert(0, str(GENERATED / "clearstreet"))
    try:
        yield importlib.import_module("clearstreet")
    finally:
        sys.path.remove(str(GENERATED / "clearstreet"))
        for name in [m for m in sys.modules if m == "clearstreet" or m.startswith("clearstreet.")]:
            del sys.modules[name]


class Recorder:
    def __init__(
        self, status: int = 200, payload: object = EXAMPLE, headers: dict[str, str] | None = None
    ) -> None:
        self.status, self.payload, self.headers = status, payload, headers or {}
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status, json=self.payload, headers=self.headers)


def sync_client(clearstreet: ModuleType, recorder: Recorder, **options: Any) -> Any:
    http_client = httpx.Client(transport=httpx.MockTransport(recorder))
    return clearstreet.ClearStreet(http_client=http_client, **{"api_key": "my-key", **options})


def assert_documented_request(request: httpx.Request) -> None:
    assert request.method == "DELETE"
    assert str(request.url) == DOCUMENTED_URL
    assert request.headers["Authorization"] == "Bearer my-key"
    assert request.content == b""


def assert_matches_example(result: Any, clearstreet: ModuleType) -> None:
    assert isinstance(result, clearstreet.types.CancelPositionInstructionResponse)
    data, expected = result.data, EXAMPLE["data"]
    assert data.id == expected["id"]
    assert data.account_id == expected["account_id"]
    assert data.instruction_id == expected["instruction_id"]
    assert data.instruction_type == clearstreet.types.PositionInstructionType.EXERCISE
    assert data.instrument_id == expected["instrument_id"]
    assert data.quantity == expected["quantity"]
    assert data.status == clearstreet.types.PositionInstructionStatus.SENT
    assert data.symbol == expected["symbol"]
    assert data.accepted_quantity is None
    assert data.created_at == datetime.datetime(2026, 4, 24, 14, 30, tzinfo=datetime.UTC)
    assert data.rejection_reason is None
    assert data.updated_at == datetime.datetime(2026, 4, 24, 14, 30, tzinfo=datetime.UTC)
    assert result.metadata.model_dump() == EXAMPLE["metadata"]
    assert result.error.code == 400
    assert result.error.message == EXAMPLE["error"]["message"]
    assert result.error.details == [{"foo": "bar"}]
    assert result.model_dump(mode="json", by_alias=True, exclude_unset=True) == EXAMPLE


def test_cancel_is_the_documented_curl_and_returns_the_documented_example(
    clearstreet: ModuleType,
) -> None:
    recorder = Recorder()
    result = sync_client(clearstreet, recorder).positions.cancel_position_instruction(
        account_id=ACCOUNT_ID, instruction_id=INSTRUCTION_ID
    )
    assert len(recorder.requests) == 1
    assert_documented_request(recorder.requests[0])
    assert_matches_example(result, clearstreet)


def test_async_cancel_matches_the_documentation_too(clearstreet: ModuleType) -> None:
    recorder = Recorder()
    client = clearstreet.AsyncClearStreet(
        api_key="my-key", http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    )
    result = asyncio.run(
        client.positions.cancel_position_instruction(
            account_id=ACCOUNT_ID, instruction_id=INSTRUCTION_ID
        )
    )
    assert_documented_request(recorder.requests[0])
    assert_matches_example(result, clearstreet)


def test_api_key_and_base_url_come_from_the_environment(
    clearstreet: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLEAR_STREET_API_KEY", "env-key")
    monkeypatch.setenv("CLEAR_STREET_BASE_URL", "https://sandbox.example.test/api")
    recorder = Recorder()
    client = clearstreet.ClearStreet(
        http_client=httpx.Client(transport=httpx.MockTransport(recorder))
    )
    client.positions.cancel_position_instruction(account_id=1, instruction_id="x")
    request = recorder.requests[0]
    assert request.headers["Authorization"] == "Bearer env-key"
    assert (
        str(request.url)
        == "https://sandbox.example.test/api/v1/accounts/1/positions/instructions/x"
    )


def test_a_missing_api_key_is_a_clear_error(
    clearstreet: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLEAR_STREET_API_KEY", raising=False)
    with pytest.raises(ValueError, match="CLEAR_STREET_API_KEY"):
        clearstreet.ClearStreet()


def test_path_parameters_cannot_escape_the_path(clearstreet: ModuleType) -> None:
    recorder = Recorder()
    sync_client(clearstreet, recorder).positions.cancel_position_instruction(
        account_id=1, instruction_id="../../admin?x=1"
    )
    assert (
        recorder.requests[0].url.raw_path
        == b"/v1/accounts/1/positions/instructions/..%2F..%2Fadmin%3Fx%3D1"
    )


@pytest.mark.parametrize(
    ("status", "error_name"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (503, "InternalServerError"),
    ],
)
def test_error_statuses_raise_typed_errors_with_the_parsed_body(
    clearstreet: ModuleType, status: int, error_name: str
) -> None:
    body = {"code": status, "message": "Instruction is in a terminal state"}
    recorder = Recorder(status, body, {"x-request-id": "req-123"})
    client = sync_client(clearstreet, recorder, initial_retry_delay=0.0)
    with pytest.raises(getattr(clearstreet, error_name)) as raised:
        client.positions.cancel_position_instruction(account_id=1, instruction_id="x")
    error = raised.value
    assert isinstance(error, clearstreet.APIStatusError)
    assert error.status_code == status
    assert error.body == body
    assert error.headers["x-request-id"] == "req-123"
    assert error.request_id == "req-123"
    # 429 and 5xx are transient: retried twice by default. A 409 on cancel is final.
    assert len(recorder.requests) == (3 if status in (429, 503) else 1)


def test_known_enum_values_are_plain_values_that_match_the_literal(
    clearstreet: ModuleType,
) -> None:
    result = sync_client(clearstreet, Recorder()).positions.cancel_position_instruction(
        account_id=1, instruction_id="x"
    )
    # What Stainless's `assert_matches_type(Literal[...], value)` checks: a plain str in the
    # Literal's values, not an enum member.
    assert type(result.data.status) is str
    field = type(result.data).model_fields["status"]
    assert typing.get_args(typing.get_args(field.annotation)[0]) == tuple(
        m.value for m in clearstreet.types.PositionInstructionStatus
    )
    assert result.data.status in typing.get_args(typing.get_args(field.annotation)[0])
    assert result.data.status == clearstreet.types.PositionInstructionStatus.SENT


def test_unknown_enum_values_from_the_server_are_kept_with_a_warning(
    clearstreet: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    payload = json.loads(json.dumps(EXAMPLE))
    payload["data"]["status"] = "PARTIALLY_CANCELLED"
    recorder = Recorder(payload=payload)
    with caplog.at_level(logging.WARNING):
        result = sync_client(clearstreet, recorder).positions.cancel_position_instruction(
            account_id=1, instruction_id="x"
        )
    assert result.data.status == "PARTIALLY_CANCELLED"
    assert type(result.data.status) is str
    assert result.model_dump(mode="json", by_alias=True, exclude_unset=True) == payload
    assert "data.status" in caplog.text and "PARTIALLY_CANCELLED" in caplog.text
    strict = sync_client(clearstreet, recorder, strict_response_validation=True)
    with pytest.raises(clearstreet.APIResponseValidationError, match=r"data\.status"):
        strict.positions.cancel_position_instruction(account_id=1, instruction_id="x")
    # A caller can still send a value the SDK does not list, through the open enum.
    member = clearstreet.types.PositionInstructionStatus("PARTIALLY_CANCELLED")
    assert member == "PARTIALLY_CANCELLED"


def test_null_and_missing_are_distinguishable(clearstreet: ModuleType) -> None:
    payload = json.loads(json.dumps(EXAMPLE))
    del payload["data"]["rejection_reason"]  # missing, while accepted_quantity stays null
    result = sync_client(
        clearstreet, Recorder(payload=payload)
    ).positions.cancel_position_instruction(account_id=1, instruction_id="x")
    assert (
        result.data.accepted_quantity is None
        and "accepted_quantity" in result.data.model_fields_set
    )
    assert (
        result.data.rejection_reason is None
        and "rejection_reason" not in result.data.model_fields_set
    )
    assert result.model_dump(mode="json", by_alias=True, exclude_unset=True) == payload


def test_unknown_fields_are_kept(clearstreet: ModuleType) -> None:
    payload = json.loads(json.dumps(EXAMPLE))
    payload["data"]["venue"] = "OCC"
    result = sync_client(
        clearstreet, Recorder(payload=payload)
    ).positions.cancel_position_instruction(account_id=1, instruction_id="x")
    assert result.data.model_extra == {"venue": "OCC"}


def test_a_body_that_does_not_match_is_a_response_validation_error_when_strict(
    clearstreet: ModuleType,
) -> None:
    recorder = Recorder(payload={"metadata": {}, "data": {"id": 5}})
    client = sync_client(clearstreet, recorder, strict_response_validation=True)
    with pytest.raises(clearstreet.APIResponseValidationError):
        client.positions.cancel_position_instruction(account_id=1, instruction_id="x")
    lenient = sync_client(clearstreet, recorder)  # the default: the data, as it came
    kept = lenient.positions.cancel_position_instruction(account_id=1, instruction_id="x")
    assert kept.model_dump(by_alias=True, exclude_unset=True) == recorder.payload


def test_timeouts_and_connection_failures_are_typed(clearstreet: ModuleType) -> None:
    attempts: list[httpx.Request] = []

    def timeout(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        raise httpx.ReadTimeout("slow", request=request)

    def refused(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        raise httpx.ConnectError("refused", request=request)

    for handler, error in (
        (timeout, clearstreet.APITimeoutError),
        (refused, clearstreet.APIConnectionError),
    ):
        attempts.clear()
        client = clearstreet.ClearStreet(
            api_key="k",
            http_client=httpx.Client(transport=httpx.MockTransport(handler)),
            initial_retry_delay=0.0,
        )
        with pytest.raises(error):
            client.positions.cancel_position_instruction(account_id=1, instruction_id="x")
        assert len(attempts) == 3  # both are retried, twice by default


def test_the_sdk_says_its_own_version_in_the_user_agent(clearstreet: ModuleType) -> None:
    assert clearstreet.__version__ == "0.1.0"  # the target's version, not the API's date
    recorder = Recorder()
    client = sync_client(clearstreet, recorder)
    call = {"account_id": ACCOUNT_ID, "instruction_id": INSTRUCTION_ID}
    client.positions.cancel_position_instruction(**call)
    client.with_options(timeout=5.0).positions.cancel_position_instruction(**call)
    sent = [request.headers["User-Agent"] for request in recorder.requests]
    assert sent == ["ClearStreet/Python 0.1.0"] * 2
    mine = sync_client(clearstreet, recorder, default_headers={"user-agent": "mine/1"})
    mine.positions.cancel_position_instruction(**call)
    assert recorder.requests[-1].headers["User-Agent"] == "mine/1"


def test_the_async_client_sends_the_same_user_agent(clearstreet: ModuleType) -> None:
    recorder = Recorder()
    client = clearstreet.AsyncClearStreet(
        api_key="my-key", http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    )
    asyncio.run(
        client.positions.cancel_position_instruction(
            account_id=ACCOUNT_ID, instruction_id=INSTRUCTION_ID
        )
    )
    assert recorder.requests[0].headers["User-Agent"] == "ClearStreet/Python 0.1.0"
