"""Generated clients against a real server that fails on purpose (`tests/fault_server.py`).

1,200 calls, half sync (from 16 threads) and half async (32 at a time), through the checked-in
Clear Street SDK and the Orders SDK (`tests/specs/orders.yaml`): a DELETE, a keyed POST, a
PATCH keyed by `x-sdkwright-idempotency-header`, a POST without a key, a GET, and a DELETE
that `x-sdkwright-retries: false` keeps from being retried. Each call gets a random (seeded)
sequence of faults: 429 with a short Retry-After, 429 asking for an hour, 503, 500, 409, a
body that does not validate, slow responses past the timeout, resets and truncated bodies.

An independent model of the retry policy says, for each call, how many attempts it should
take and how it should end; the test checks every call against it, and also that waits honour
Retry-After and the backoff, that idempotency keys do not change across the retries of a call,
that nothing non-idempotent is repeated, and that the API key never reaches the logs.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import random
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from types import ModuleType, SimpleNamespace
from typing import Any

import httpx
import orders_sdk
import pytest
from fault_server import OK, Attempt, Fault, FaultServer
from helpers import FIXTURES, GENERATED

SEED = 20_251_124
CALLS_PER_FLAVOUR = 600
# Seconds, per attempt. Wide margins on both sides, because a loaded 2-core machine delays a
# thread by hundreds of milliseconds: an "ok" answer must come well within TIMEOUT, and a
# "slow" stall must outlast TIMEOUT even when the client's timer fires late.
TIMEOUT = 1.5
SLOW = 4.0
INITIAL_DELAY, MAX_DELAY = 0.002, 0.01  # backoff, small so that the test is quick...
RETRY_AFTER = (0.025, 0.05)  # ...and shorter than any Retry-After, so honouring it shows
API_KEY = "sk-live-fault-injection-secret"

CANCEL_EXAMPLE: dict[str, Any] = json.loads(
    (FIXTURES / "cancel_position_instruction_response.json").read_text()
)

# How each fault ends a call when it is not retried.
OUTCOME = {
    "ok": None,
    "rate-limited": "RateLimitError",
    "rate-limited-long": "RateLimitError",
    "unavailable": "InternalServerError",
    "server-error": "InternalServerError",
    "conflict": "ConflictError",
    "invalid-body": "APIResponseValidationError",
    "slow": "APITimeoutError",
    "slow-body": "APITimeoutError",
    "reset": "APIConnectionError",
    "truncated": "APIConnectionError",
}
FINAL = {"ok", "conflict", "invalid-body", "rate-limited-long"}
WEIGHTS = {
    "ok": 40,
    "rate-limited": 9,
    "rate-limited-long": 2,
    "unavailable": 8,
    "server-error": 8,
    "conflict": 3,
    "invalid-body": 3,
    "slow": 2,
    "slow-body": 2,
    "reset": 7,
    "truncated": 7,
}


@dataclass(frozen=True)
class Operation:
    name: str
    sdk: str  # "clearstreet" or "orders"
    spec_max_retries: int | None  # x-sdkwright-retries
    may_repeat: bool  # idempotent method, or a key sent
    key_header: str  # the idempotency key header, "" for none
    success_status: int


OPERATIONS = {
    op.name: op
    for op in (
        Operation("cancel_position_instruction", "clearstreet", None, True, "", 200),
        Operation("create_order", "orders", 3, True, "idempotency-key", 201),
        Operation("amend_order", "orders", 3, True, "x-request-key", 200),
        Operation("add_note", "orders", 3, False, "", 201),
        Operation("get_order", "orders", 3, True, "", 200),
        Operation("cancel_order", "orders", 0, True, "", 200),
    )
}
OPERATION_WEIGHTS = {
    "cancel_position_instruction": 35,
    "create_order": 20,
    "amend_order": 10,
    "add_note": 10,
    "get_order": 15,
    "cancel_order": 10,
}


@dataclass
class Call:
    id: str
    operation: Operation
    max_retries: int | None  # passed per call
    narrowed_client: bool  # through client.with_options(max_retries=1)
    caller_key: str | None
    plan: list[Fault]
    outcome: str | None = "not run"  # error class name, None for success
    result: Any = None

    @property
    def limit(self) -> int:
        """The retry limit in force: the call's, else the operation's, else the client's."""
        if self.max_retries is not None:
            return self.max_retries
        if self.operation.spec_max_retries is not None:
            return self.operation.spec_max_retries
        return 1 if self.narrowed_client else 2

    def expected(self) -> tuple[int, str | None]:
        """(attempts, outcome) by an independent model of the retry policy."""
        for index, fault in enumerate(self.plan):
            if fault.kind in FINAL or not self.operation.may_repeat or index == self.limit:
                return index + 1, OUTCOME[fault.kind]
        raise AssertionError("plans are limit + 1 long")


def make_calls(rng: random.Random, flavour: str) -> list[Call]:
    calls = []
    kinds, kind_weights = zip(*WEIGHTS.items(), strict=True)
    names, name_weights = zip(*OPERATION_WEIGHTS.items(), strict=True)
    for number in range(CALLS_PER_FLAVOUR):
        operation = OPERATIONS[rng.choices(names, name_weights)[0]]
        call = Call(
            id=f"{flavour}-{number}",
            operation=operation,
            max_retries=rng.choice([0, 1, 2, 4]) if rng.random() < 0.25 else None,
            narrowed_client=operation.sdk == "clearstreet" and rng.random() < 0.3,
            caller_key=f"key-{flavour}-{number}"
            if operation.key_header and rng.random() < 0.3
            else None,
            plan=[],
        )
        for kind in rng.choices(kinds, kind_weights, k=call.limit + 1):
            in_ms = rng.random() < 0.5
            wait = round(rng.uniform(*RETRY_AFTER), 3)
            call.plan.append(Fault(kind, wait, in_ms) if kind == "rate-limited" else Fault(kind))
        calls.append(call)
    return calls


def success_body(call: Call) -> object:
    if call.operation.sdk == "clearstreet":
        return CANCEL_EXAMPLE
    return {"id": call.id, "symbol": "AAPL", "quantity": 5, "status": "NEW"}


def invoke(clients: SimpleNamespace, call: Call) -> Any:
    """Make the call (sync) or return its coroutine (async): the methods have one signature."""
    options: dict[str, Any] = {"extra_headers": {"X-Call-Id": call.id}}
    if call.max_retries is not None:
        options["max_retries"] = call.max_retries
    if call.caller_key is not None:
        options["idempotency_key"] = call.caller_key
    name = call.operation.name
    if name == "cancel_position_instruction":
        client = clients.narrowed if call.narrowed_client else clients.clearstreet
        return client.positions.cancel_position_instruction(
            account_id=1, instruction_id=call.id, **options
        )
    orders = clients.orders.orders
    if name == "create_order":
        return orders.create_order(symbol="AAPL", quantity=5, **options)
    if name == "amend_order":
        return orders.amend_order(order_id=call.id, quantity=5, **options)
    if name == "add_note":
        return orders.add_note(order_id=call.id, text="hello", **options)
    return getattr(orders, name)(order_id=call.id, **options)


def record(call: Call, run: Callable[[], Any], sdks: dict[str, ModuleType]) -> None:
    try:
        call.result = run()
        call.outcome = None
    except sdks[call.operation.sdk].APIError as error:
        call.outcome = type(error).__name__
        call.result = error


@pytest.fixture(scope="module")
def sdks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ModuleType]]:
    orders_dir = orders_sdk.generate(tmp_path_factory.mktemp("orders") / "sdk")
    with (
        orders_sdk.imported(GENERATED / "clearstreet", "clearstreet") as clearstreet,
        orders_sdk.imported(orders_dir, orders_sdk.PACKAGE) as orders,
    ):
        yield {"clearstreet": clearstreet, "orders": orders}


def client_options(base_url: str) -> dict[str, Any]:
    return {
        "api_key": API_KEY,
        "base_url": base_url,
        "timeout": TIMEOUT,
        "initial_retry_delay": INITIAL_DELAY,
        "max_retry_delay": MAX_DELAY,
        # An invalid body ends the call with an error, as the model of the policy says (by
        # default the client would return the body as it came, with a warning).
        "strict_response_validation": True,
    }


def run_sync(calls: list[Call], sdks: dict[str, ModuleType], base_url: str) -> None:
    options = client_options(base_url)
    with (
        sdks["clearstreet"].ClearStreet(**options) as clearstreet,
        sdks["orders"].OrderDesk(**options) as orders,
    ):
        clients = SimpleNamespace(
            clearstreet=clearstreet,
            narrowed=clearstreet.with_options(max_retries=1),
            orders=orders,
        )
        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(lambda c: record(c, lambda: invoke(clients, c), sdks), calls))


def run_async(calls: list[Call], sdks: dict[str, ModuleType], base_url: str) -> None:
    async def main() -> None:
        options = client_options(base_url)
        async with (
            sdks["clearstreet"].AsyncClearStreet(**options) as clearstreet,
            sdks["orders"].AsyncOrderDesk(**options) as orders,
        ):
            clients = SimpleNamespace(
                clearstreet=clearstreet,
                narrowed=clearstreet.with_options(max_retries=1),
                orders=orders,
            )
            limit = asyncio.Semaphore(32)

            async def one(call: Call) -> None:
                async with limit:
                    try:
                        call.result = await invoke(clients, call)
                        call.outcome = None
                    except sdks[call.operation.sdk].APIError as error:
                        call.outcome = type(error).__name__
                        call.result = error

            await asyncio.gather(*(one(call) for call in calls))

    asyncio.run(main())


def check_result(call: Call, attempts: list[Attempt]) -> None:
    expected_attempts, expected_outcome = call.expected()
    assert len(attempts) <= call.limit + 1, call
    cause = getattr(call.result, "__cause__", None)
    assert (len(attempts), call.outcome) == (expected_attempts, expected_outcome), (
        call,
        repr(cause),
        repr(getattr(cause, "__context__", None)),
    )
    if call.outcome is None:
        if call.operation.sdk == "clearstreet":
            assert call.result.data.id == CANCEL_EXAMPLE["data"]["id"]
        else:
            assert call.result.id == call.id
        return
    error = call.result
    last = attempts[-1].fault.kind
    if call.outcome in ("RateLimitError", "InternalServerError", "ConflictError"):
        assert error.status_code == {"rate-limited": 429, "rate-limited-long": 429}.get(
            last, {"unavailable": 503, "server-error": 500, "conflict": 409}.get(last)
        )
        assert error.request_id == f"{call.id}-{len(attempts) - 1}"
        assert isinstance(error.body, dict) and "error" in error.body
    if call.outcome == "APIConnectionError":
        assert isinstance(error.__cause__, httpx.TransportError)
        assert not isinstance(error.__cause__, httpx.TimeoutException)


def check_waits(call: Call, attempts: list[Attempt]) -> None:
    """Each retry waited at least what the server asked, or the backoff's lower bound."""
    for index, (before, after) in enumerate(itertools.pairwise(attempts)):
        fault = before.fault
        if fault.kind == "slow":
            # The client's timer started when it sent the request, which the server may have
            # read late under load: no sound lower bound from the server's clock.
            continue
        if fault.kind == "slow-body":
            # The client had headers and half the body, then waited TIMEOUT for the rest.
            assert after.arrived - before.answered >= TIMEOUT, (call, index)
        elif fault.kind == "rate-limited":
            assert fault.retry_after is not None
            assert after.arrived - before.answered >= fault.retry_after, (call, index)
        else:
            lowest = 0.75 * min(INITIAL_DELAY * 2**index, MAX_DELAY)
            assert after.arrived - before.answered >= lowest, (call, index)


def check_keys(call: Call, attempts: list[Attempt], seen: set[str]) -> None:
    header = call.operation.key_header
    if not header:
        assert all("idempotency-key" not in a.headers for a in attempts), call
        return
    keys = {a.headers.get(header, "") for a in attempts}
    assert len(keys) == 1, call  # one key per call, the same on every retry
    [key] = keys
    assert key == (call.caller_key or key) and key, call
    assert key not in seen, call  # and a new key for every call
    seen.add(key)


def test_calls_end_right_through_a_faulty_server(
    sdks: dict[str, ModuleType], caplog: pytest.LogCaptureFixture
) -> None:
    rng = random.Random(SEED)
    sync_calls, async_calls = make_calls(rng, "sync"), make_calls(rng, "async")
    calls = sync_calls + async_calls
    server = FaultServer(max_requests=12_000, max_seconds=150, slow_seconds=SLOW)
    for call in calls:
        server.plan(call.id, call.plan, call.operation.success_status, success_body(call))

    with (
        server,
        caplog.at_level(logging.DEBUG, logger="clearstreet"),
        caplog.at_level(logging.DEBUG, logger="orders"),
    ):
        run_sync(sync_calls, sdks, server.base_url)
        run_async(async_calls, sdks, server.base_url)

    assert not server.stopped_early, f"the server hit its bounds after {server.requests} requests"
    keys: set[str] = set()
    for call in calls:
        attempts = server.attempts(call.id)
        check_result(call, attempts)
        check_waits(call, attempts)
        check_keys(call, attempts, keys)
        if not call.operation.may_repeat:
            assert len(attempts) == 1, call
        assert all(a.headers["authorization"] == f"Bearer {API_KEY}" for a in attempts)

    # The plans exercise every fault, retried and not, and every way a call can end.
    retried = [a.fault.kind for c in calls for a in server.attempts(c.id)[:-1]]
    assert set(retried) == set(OUTCOME) - FINAL
    assert {c.outcome for c in calls} == set(OUTCOME.values())
    total = sum(len(server.attempts(c.id)) for c in calls)
    assert server.requests == total

    messages = [r.getMessage() for r in caplog.records]
    assert sum(m.startswith("Request: ") for m in messages) == total
    assert sum(m.startswith("Retrying ") for m in messages) == total - len(calls)
    assert any(m.startswith("Not retrying POST") for m in messages)
    assert not [m for m in messages if API_KEY in m or "Bearer" in m or "uthorization" in m]
    assert API_KEY not in caplog.text


def test_the_model_of_the_policy() -> None:
    """The expectations above come from `Call.expected`; it must itself be right."""
    cancel, note = OPERATIONS["cancel_position_instruction"], OPERATIONS["add_note"]
    never = OPERATIONS["cancel_order"]

    def expected(operation: Operation, kinds: list[str], **fields: Any) -> tuple[int, str | None]:
        call = Call("c", operation, None, False, None, [Fault(k) for k in kinds])
        for name, value in fields.items():
            setattr(call, name, value)
        return call.expected()

    assert expected(cancel, ["unavailable", "reset", "ok"]) == (3, None)
    assert expected(cancel, ["unavailable", "reset", "slow"]) == (3, "APITimeoutError")
    assert expected(cancel, ["unavailable", "ok"], narrowed_client=True) == (2, None)
    assert expected(cancel, ["unavailable", "reset"], narrowed_client=True) == (
        2,
        "APIConnectionError",
    )
    assert expected(cancel, ["conflict", "ok", "ok"]) == (1, "ConflictError")
    assert expected(cancel, ["truncated", "rate-limited-long", "ok"]) == (2, "RateLimitError")
    assert expected(cancel, ["server-error"], max_retries=0) == (1, "InternalServerError")
    assert expected(note, ["unavailable", "ok", "ok", "ok"]) == (1, "InternalServerError")
    assert expected(never, ["reset"]) == (1, "APIConnectionError")
    assert expected(never, ["reset", "ok"], max_retries=1) == (2, None)
    assert OK.kind == "ok"
