"""The runtime of generated SDKs as users meet it: retries, idempotency keys, raw and streamed
responses, `with_options`, logging, and their types.

The checked-in Clear Street SDK and the Orders SDK (`tests/specs/orders.yaml`, generated into
a temporary folder) are driven through `httpx.MockTransport`; `tests/e2e/test_fault_injection.py`
does the same against a real, misbehaving server.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import orders_sdk
import pytest
from helpers import FIXTURES, GENERATED, copy_sdk, describe, mypy_strict

EXAMPLE: dict[str, Any] = json.loads(
    (FIXTURES / "cancel_position_instruction_response.json").read_text()
)
ORDER = {"id": "o-1", "symbol": "AAPL", "quantity": 10, "status": "NEW"}
API_KEY = "sk-live-do-not-log"

Reply = httpx.Response | Exception


class Script:
    """A MockTransport handler replaying one reply per request, then `fallback`."""

    def __init__(self, *replies: Reply, fallback: httpx.Response | None = None) -> None:
        self.replies = list(replies)
        self.fallback = fallback if fallback is not None else httpx.Response(200, json=EXAMPLE)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies.pop(0) if self.replies else self.fallback
        if isinstance(reply, Exception):
            raise reply
        return reply


@pytest.fixture(scope="module")
def clearstreet() -> Iterator[ModuleType]:
    with orders_sdk.imported(GENERATED / "clearstreet", "clearstreet") as module:
        yield module


@pytest.fixture(scope="module")
def orders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    sdk = orders_sdk.generate(tmp_path_factory.mktemp("orders") / "sdk")
    with orders_sdk.imported(sdk, orders_sdk.PACKAGE) as module:
        yield module


def client_class(sdk: ModuleType, asynchronous: bool) -> Any:
    """`ClearStreet` or `AsyncClearStreet`, `OrderDesk` or `AsyncOrderDesk`."""
    [name] = [
        n
        for n in sdk.__all__
        if hasattr(getattr(sdk, n), "with_options") and n.startswith("Async") == asynchronous
    ]
    return getattr(sdk, name)


def client_for(sdk: ModuleType, script: Script, **options: Any) -> Any:
    """A sync client of `sdk` over `script`, retrying without waiting."""
    options = {"api_key": API_KEY, "initial_retry_delay": 0.0, **options}
    http_client = httpx.Client(transport=httpx.MockTransport(script))
    return client_class(sdk, asynchronous=False)(http_client=http_client, **options)


def async_client_for(sdk: ModuleType, script: Script, **options: Any) -> Any:
    options = {"api_key": API_KEY, "initial_retry_delay": 0.0, **options}
    http_client = httpx.AsyncClient(transport=httpx.MockTransport(script))
    return client_class(sdk, asynchronous=True)(http_client=http_client, **options)


def cancel(client: Any, **options: Any) -> Any:
    return client.positions.cancel_position_instruction(
        account_id=1, instruction_id="i-1", **options
    )


# --- Raw and streamed responses ---------------------------------------------------------------


def test_with_raw_response(clearstreet: ModuleType) -> None:
    script = Script(
        httpx.Response(503), httpx.Response(200, json=EXAMPLE, headers={"x-request-id": "req-7"})
    )
    raw = cancel(client_for(clearstreet, script).with_raw_response)
    assert isinstance(raw, clearstreet.APIResponse)
    assert (raw.status_code, raw.request_id, raw.retries_taken) == (200, "req-7", 1)
    assert raw.headers["content-type"] == "application/json"
    assert raw.http_response.request.method == "DELETE"
    parsed = raw.parse()
    assert isinstance(parsed, clearstreet.types.CancelPositionInstructionResponse)
    assert parsed.model_dump(mode="json", by_alias=True, exclude_unset=True) == EXAMPLE


def test_with_raw_response_async(clearstreet: ModuleType) -> None:
    async def main() -> Any:
        client = async_client_for(clearstreet, Script())
        raw = await cancel(client.with_raw_response)
        assert isinstance(raw, clearstreet.AsyncAPIResponse)
        return await raw.parse()

    assert asyncio.run(main()).data.id == EXAMPLE["data"]["id"]


@pytest.fixture(scope="module")
def kitchensink() -> Iterator[ModuleType]:
    with orders_sdk.imported(GENERATED / "kitchensink", "kitchensink") as module:
        yield module


def test_with_raw_response_of_a_paginated_method(kitchensink: ModuleType) -> None:
    pets = [{"pet_type": "cat", "id": n, "name": f"cat {n}"} for n in (1, 2)]
    script = Script(
        httpx.Response(200, json=pets, headers={"x-total": "2"}),
        httpx.Response(200, json=[]),
    )
    raw = client_for(kitchensink, script).with_raw_response.pets.list_pets(page_size=2)
    assert raw.headers["x-total"] == "2" and len(script.requests) == 1  # the first page only
    page = raw.parse()
    assert [pet.id for pet in page] == [1, 2]  # iterating fetches the next (empty) page
    assert [r.url.params.get("offset") for r in script.requests] == [None, "2"]


class Trickle(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body sent chunk by chunk; `sent` says how far the reader got."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks, self.sent, self.closed = chunks, 0, False

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.sent += 1
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            self.sent += 1
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def test_with_streaming_response_does_not_read_ahead(clearstreet: ModuleType) -> None:
    body = json.dumps(EXAMPLE).encode()
    stream = Trickle([body[i : i + 100] for i in range(0, len(body), 100)])
    client = client_for(clearstreet, Script(httpx.Response(200, stream=stream)))
    with cancel(client.with_streaming_response) as response:
        assert response.status_code == 200 and stream.sent == 0
        chunks = response.iter_bytes()
        assert next(chunks) == body[:100] and stream.sent == 1
        assert b"".join(chunks) == body[100:]
    assert stream.closed


EVENTS = [
    b'event: status\nid: 1\ndata: {"status": "NEW"}\n\n',
    b': heartbeat\n\nevent: status\nid: 2\ndata: {"status":',
    b' "FILLED"}\n\n',
]


def test_server_sent_events(orders: ModuleType) -> None:
    stream = Trickle(EVENTS)
    response = httpx.Response(200, headers={"content-type": "text/event-stream"}, stream=stream)
    client = client_for(orders, Script(response))
    with client.with_streaming_response.orders.stream_order_events(order_id="o-1") as streamed:
        events = streamed.iter_events()
        first = next(events)
        assert (first.event, first.id, first.json()) == ("status", "1", {"status": "NEW"})
        assert stream.sent == 1
        assert [(e.id, e.json()) for e in events] == [("2", {"status": "FILLED"})]


def test_server_sent_events_async(orders: ModuleType) -> None:
    async def main() -> list[Any]:
        response = httpx.Response(200, stream=Trickle(EVENTS))
        client = async_client_for(orders, Script(response))
        streaming = client.with_streaming_response.orders
        async with streaming.stream_order_events(order_id="o-1") as streamed:
            return [event.json()["status"] async for event in streamed.iter_events()]

    assert asyncio.run(main()) == ["NEW", "FILLED"]


# --- Retries and idempotency keys --------------------------------------------------------------


def test_max_retries_on_the_client_per_call_and_with_options(clearstreet: ModuleType) -> None:
    def attempts(make_call: Any) -> int:
        script = Script(fallback=httpx.Response(503))
        with pytest.raises(clearstreet.InternalServerError):
            make_call(script)
        return len(script.requests)

    assert attempts(lambda s: cancel(client_for(clearstreet, s))) == 3
    assert attempts(lambda s: cancel(client_for(clearstreet, s, max_retries=4))) == 5
    assert attempts(lambda s: cancel(client_for(clearstreet, s, max_retries=4), max_retries=0)) == 1
    assert attempts(lambda s: cancel(client_for(clearstreet, s).with_options(max_retries=1))) == 2


def test_a_conflict_on_cancel_is_final(clearstreet: ModuleType) -> None:
    script = Script(httpx.Response(409, json={"code": 409, "message": "terminal state"}))
    with pytest.raises(clearstreet.ConflictError) as raised:
        cancel(client_for(clearstreet, script, max_retries=5))
    assert len(script.requests) == 1 and raised.value.body["message"] == "terminal state"


def test_idempotency_key_is_generated_per_call_and_reused_across_retries(
    orders: ModuleType,
) -> None:
    created = httpx.Response(201, json=ORDER)
    script = Script(httpx.Response(503), httpx.ReadError("reset"), created, created)
    client = client_for(orders, script)
    client.orders.create_order(symbol="AAPL", quantity=10)
    client.orders.create_order(symbol="AAPL", quantity=10)
    keys = [r.headers["idempotency-key"] for r in script.requests]
    assert len(keys) == 4 and keys[0] == keys[1] == keys[2] != keys[3]
    assert all(uuid.UUID(key).version == 4 for key in keys)


def test_idempotency_key_from_the_caller(orders: ModuleType) -> None:
    script = Script(httpx.Response(500), fallback=httpx.Response(201, json=ORDER))
    client = client_for(orders, script)
    order = client.orders.create_order(symbol="AAPL", quantity=10, idempotency_key="order-42")
    assert order.id == "o-1"
    assert [r.headers["idempotency-key"] for r in script.requests] == ["order-42", "order-42"]


def test_idempotency_header_named_by_the_extension(orders: ModuleType) -> None:
    script = Script(
        httpx.Response(429, headers={"retry-after": "0"}), fallback=httpx.Response(200, json=ORDER)
    )
    client_for(orders, script).orders.amend_order(order_id="o-1", quantity=5)
    keys = {r.headers["x-request-key"] for r in script.requests}
    assert (
        len(script.requests) == 2
        and len(keys) == 1
        and "idempotency-key" not in script.requests[0].headers
    )


def test_a_post_without_a_key_is_never_repeated(orders: ModuleType) -> None:
    for failure in (httpx.Response(503), httpx.ReadTimeout("slow")):
        script = Script(failure)
        with pytest.raises((orders.InternalServerError, orders.APITimeoutError)):
            client_for(orders, script, max_retries=5).orders.add_note(order_id="o-1", text="hi")
        assert len(script.requests) == 1


def test_retry_limits_from_the_spec(orders: ModuleType) -> None:
    def attempts(method: str, **arguments: Any) -> int:
        script = Script(fallback=httpx.Response(503))
        with pytest.raises(orders.InternalServerError):
            getattr(client_for(orders, script, max_retries=1).orders, method)(
                order_id="o", **arguments
            )
        return len(script.requests)

    assert attempts("get_order") == 4  # x-sdkwright-retries: {max_retries: 3} spec-wide
    assert attempts("cancel_order") == 1  # x-sdkwright-retries: false
    assert attempts("cancel_order", max_retries=2) == 3  # the call decides last


# --- Options, timeouts, logging ------------------------------------------------------------------


def test_with_options_copies_and_shares_the_connection_pool(clearstreet: ModuleType) -> None:
    script = Script()
    client = client_for(clearstreet, script, default_headers={"X-App": "a", "X-Team": "t"})
    copy = client.with_options(
        base_url="https://sandbox.example.test/api",
        timeout=2.5,
        max_retries=0,
        default_headers={"X-App": "b"},
    )
    assert copy._client is client._client
    assert (copy.max_retries, copy.timeout, copy.api_key) == (0, 2.5, API_KEY)
    assert (client.max_retries, client.base_url) == (2, httpx.URL("https://api.clearstreet.com"))
    cancel(copy)
    cancel(client)
    to_copy, to_client = script.requests
    assert str(to_copy.url).startswith("https://sandbox.example.test/api/v1/accounts/1/")
    assert (to_copy.headers["x-app"], to_copy.headers["x-team"]) == ("b", "t")
    assert to_copy.extensions["timeout"]["read"] == 2.5
    assert str(to_client.url).startswith("https://api.clearstreet.com/v1/")
    assert to_client.headers["x-app"] == "a"
    assert to_client.extensions["timeout"] == {
        "connect": 5.0,
        "read": 60.0,
        "write": 60.0,
        "pool": 60.0,
    }
    copy.close()
    assert not client._client.is_closed


def test_timeout_per_call_and_its_error(clearstreet: ModuleType) -> None:
    seen: list[object] = []

    def slow(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"]["read"])
        raise httpx.ReadTimeout("timed out", request=request)

    client = clearstreet.ClearStreet(
        api_key="k",
        timeout=9.0,
        max_retries=1,
        initial_retry_delay=0.0,
        http_client=httpx.Client(transport=httpx.MockTransport(slow)),
    )
    with pytest.raises(clearstreet.APITimeoutError) as raised:
        cancel(client, timeout=0.25)
    assert isinstance(raised.value.__cause__, httpx.ReadTimeout)
    assert seen == [0.25, 0.25]  # retried once, with the call's timeout each time


def test_logging_shows_requests_and_retries_but_never_the_key(
    clearstreet: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    script = Script(httpx.Response(503))
    with caplog.at_level(logging.DEBUG):
        cancel(client_for(clearstreet, script))
    messages = [r.getMessage() for r in caplog.records if r.name == "clearstreet"]
    url = "https://api.clearstreet.com/v1/accounts/1/positions/instructions/i-1"
    assert messages[0] == f"Request: DELETE {url}"
    assert re.fullmatch(
        rf"Response: DELETE {re.escape(url)} -> 503 Service Unavailable \(\d+ ms\)", messages[1]
    )
    assert re.fullmatch(
        rf"Retrying DELETE {re.escape(url)} in 0\.000 s \(retry 1 of 2\) after 503 Service Unavailable",
        messages[2],
    )
    assert messages[-1].startswith(f"Response: DELETE {url} -> 200 OK")
    assert API_KEY not in caplog.text and "Bearer" not in caplog.text


# --- Types -----------------------------------------------------------------------------------------

TYPED_USE = """\
from clearstreet import AsyncClearStreet, ClearStreet
from clearstreet.types import CancelPositionInstructionResponse


def sync(client: ClearStreet) -> None:
    raw = client.with_raw_response.positions.cancel_position_instruction(account_id=1, instruction_id="x")
    parsed: CancelPositionInstructionResponse = raw.parse()
    status: int = raw.status_code
    with client.with_streaming_response.positions.cancel_position_instruction(
        account_id=1, instruction_id="x", max_retries=0
    ) as streamed:
        lines: list[str] = list(streamed.iter_lines())
    copy: ClearStreet = client.with_options(timeout=1.0)
    wrong: int = raw.parse()  # error 1
    client.with_raw_response.positions.cancel_position_instruction(account_id="1", instruction_id="x")  # error 2


async def asynchronous(client: AsyncClearStreet) -> None:
    raw = await client.with_raw_response.positions.cancel_position_instruction(account_id=1, instruction_id="x")
    parsed: CancelPositionInstructionResponse = await raw.parse()
    async with client.with_streaming_response.positions.cancel_position_instruction(
        account_id=1, instruction_id="x"
    ) as streamed:
        data: list[str] = [event.data async for event in streamed.iter_events()]
    not_awaited: CancelPositionInstructionResponse = raw.parse()  # error 3
"""


@pytest.mark.slow
def test_raw_and_streamed_responses_are_typed(tmp_path: Path) -> None:
    sdk = copy_sdk(GENERATED / "clearstreet", tmp_path / "clearstreet")
    (sdk / "tests" / "typed_use.py").write_text(TYPED_USE)
    result = mypy_strict(sdk, "clearstreet")
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    flagged = {
        TYPED_USE.splitlines()[int(line.split(":")[1]) - 1].split("# ")[-1] for line in errors
    }
    assert flagged == {"error 1", "error 2", "error 3"}, describe(result)
    assert all("typed_use.py" in line for line in errors), describe(result)
