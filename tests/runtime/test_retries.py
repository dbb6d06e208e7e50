"""The runtime's retry policy, and retries on the wire."""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from runtime_support import (
    BASE_URL,
    PACKAGE,
    Reply,
    Script,
    make_async_client,
    make_client,
    retrying_client,
)

# --- Retry policy ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "retryable"),
    [
        *[(status, True) for status in (408, 429, 500, 502, 503, 599)],
        *[(status, False) for status in (400, 401, 403, 404, 409, 422)],
    ],
)
def test_retryable_statuses(rt: SimpleNamespace, status: int, retryable: bool) -> None:
    assert rt.retries.is_retryable_status(status) is retryable


@pytest.mark.parametrize(
    ("method", "headers", "idempotent"),
    [
        ("GET", {}, True),
        ("delete", {}, True),
        ("PUT", {}, True),
        ("POST", {}, False),
        ("PATCH", {}, False),
        ("POST", {"Idempotency-Key": "k"}, True),
        ("POST", {"idempotency-key": ""}, False),
        ("PATCH", {"X-Request-Key": "k"}, False),  # not the header this check looks for
    ],
)
def test_idempotent_requests(
    rt: SimpleNamespace, method: str, headers: dict[str, str], idempotent: bool
) -> None:
    assert rt.retries.is_idempotent(method, httpx.Headers(headers), "Idempotency-Key") is idempotent


def test_backoff_doubles_with_jitter_up_to_the_cap(rt: SimpleNamespace) -> None:
    policy = rt.retries.RetryPolicy(max_retries=5, initial_delay=0.5, max_delay=8.0)
    for retries_taken, ceiling in [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)]:
        delays = [policy.backoff(retries_taken) for _ in range(200)]
        assert all(0.75 * ceiling <= d <= ceiling for d in delays), (retries_taken, delays)
        assert len(set(delays)) > 1  # jittered
    assert policy.backoff(10_000) <= 8.0  # no overflow on absurd retry counts


def test_default_retry_policy(rt: SimpleNamespace) -> None:
    policy = rt.retries.RetryPolicy()
    assert (policy.max_retries, policy.initial_delay, policy.max_delay) == (2, 0.5, 8.0)
    assert rt.base.SyncAPIClient(base_url=BASE_URL).max_retries == 2


@pytest.mark.parametrize(
    "arguments",
    [{"max_retries": -1}, {"initial_delay": -0.1}, {"max_delay": -1.0}],
)
def test_retry_policy_rejects_negative_values(
    rt: SimpleNamespace, arguments: dict[str, Any]
) -> None:
    with pytest.raises(ValueError):
        rt.retries.RetryPolicy(**arguments)


NOW = 1_700_000_000.0  # 2023-11-14 22:13:20 GMT


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({}, None),
        ({"retry-after": "3"}, 3.0),
        ({"Retry-After": "0.25"}, 0.25),
        ({"retry-after": "-4"}, 0.0),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after-ms": "20", "retry-after": "9"}, 0.02),  # the precise one wins
        ({"retry-after-ms": "soon", "retry-after": "9"}, 9.0),
        ({"retry-after": "Tue, 14 Nov 2023 22:13:50 GMT"}, 30.0),
        ({"retry-after": "Tue, 14 Nov 2023 22:13:50"}, 30.0),  # no zone means GMT
        ({"retry-after": "Tue, 14 Nov 2023 22:13:00 GMT"}, 0.0),  # in the past
        ({"retry-after": "tomorrow"}, None),
        ({"retry-after": "nan"}, None),
        ({"retry-after": "inf"}, None),
    ],
)
def test_retry_after(rt: SimpleNamespace, headers: dict[str, str], seconds: float | None) -> None:
    assert rt.retries.retry_after(httpx.Headers(headers), now=NOW) == seconds


def test_retry_after_replaces_backoff_within_the_cap(rt: SimpleNamespace) -> None:
    policy = rt.retries.RetryPolicy(initial_delay=5.0, max_delay=5.0)
    assert policy.delay(0, httpx.Headers({"retry-after": "0.01"})) == 0.01
    assert policy.delay(0, httpx.Headers({"retry-after": "60"})) == 60.0
    assert policy.delay(0, httpx.Headers({"retry-after": "61"})) is None  # too long: give up
    assert 3.75 <= policy.delay(0, httpx.Headers()) <= 5.0
    assert 3.75 <= policy.delay(0, None) <= 5.0


# --- Retries on the wire --------------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(408),
        httpx.Response(429),
        httpx.Response(500),
        httpx.Response(502),
        httpx.Response(503),
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
    ],
)
def test_transient_failures_are_retried(rt: SimpleNamespace, failure: Reply) -> None:
    script = Script(failure, failure)
    client, sleeps = retrying_client(rt, script)
    assert client.request("GET", "/v1/pets", cast_to=dict[str, bool]) == {"ok": True}
    assert len(script.requests) == 3
    assert 0.375 <= sleeps[0] <= 0.5 and 0.75 <= sleeps[1] <= 1.0


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
def test_final_statuses_are_not_retried(rt: SimpleNamespace, status: int) -> None:
    script = Script(httpx.Response(status))
    client, sleeps = retrying_client(rt, script)
    with pytest.raises(rt.exc.APIStatusError) as info:
        client.request("DELETE", "/v1/instructions/1", cast_to=type(None))
    assert info.value.status_code == status
    assert len(script.requests) == 1 and sleeps == []


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (httpx.Response(503), "InternalServerError"),
        (httpx.Response(429), "RateLimitError"),
        (httpx.ReadTimeout("slow"), "APITimeoutError"),
        (httpx.ReadError("reset"), "APIConnectionError"),
    ],
)
def test_the_last_failure_is_raised_after_max_retries(
    rt: SimpleNamespace, failure: Reply, error: str
) -> None:
    script = Script(*[failure] * 10)
    client, sleeps = retrying_client(rt, script, max_retries=3)
    with pytest.raises(rt.exc.APIError) as info:
        client.request("GET", "/v1/pets", cast_to=type(None))
    assert type(info.value) is getattr(rt.exc, error)
    assert len(script.requests) == 4 and len(sleeps) == 3


def test_max_retries_per_call_then_operation_then_client(rt: SimpleNamespace) -> None:
    RequestOptions = rt.types.RequestOptions

    def attempts(client_limit: int, operation_limit: int | None, call_limit: Any) -> int:
        script = Script(*[httpx.Response(503)] * 10)
        client, _ = retrying_client(rt, script, max_retries=client_limit)
        with pytest.raises(rt.exc.InternalServerError):
            client.request(
                "GET",
                "/v1/pets",
                cast_to=type(None),
                options=RequestOptions(max_retries=call_limit),
                operation_max_retries=operation_limit,
            )
        return len(script.requests)

    not_given = rt.types.NOT_GIVEN
    assert attempts(2, None, not_given) == 3
    assert attempts(2, 0, not_given) == 1
    assert attempts(2, 4, not_given) == 5
    assert attempts(2, 0, 1) == 2
    assert attempts(5, None, 0) == 1
    with pytest.raises(ValueError, match="max_retries"):
        attempts(2, None, -1)


@pytest.mark.parametrize("method", ["POST", "PATCH"])
@pytest.mark.parametrize(
    "failure", [httpx.Response(503), httpx.Response(429), httpx.ReadError("reset")]
)
def test_non_idempotent_requests_without_a_key_are_never_repeated(
    rt: SimpleNamespace, method: str, failure: Reply
) -> None:
    script = Script(failure)
    client, sleeps = retrying_client(rt, script)
    with pytest.raises(rt.exc.APIError):
        client.request(method, "/v1/orders", cast_to=type(None), json_body={"qty": 1})
    assert len(script.requests) == 1 and sleeps == []


def test_a_caller_supplied_idempotency_key_makes_a_post_retryable(rt: SimpleNamespace) -> None:
    script = Script(httpx.Response(503), httpx.ReadError("reset"))
    client, _ = retrying_client(rt, script)
    options = rt.types.RequestOptions(extra_headers={"Idempotency-Key": "mine"})
    client.request("POST", "/v1/orders", cast_to=type(None), json_body={}, options=options)
    assert [r.headers["idempotency-key"] for r in script.requests] == ["mine"] * 3


def test_idempotency_key_is_generated_once_per_call_and_reused(rt: SimpleNamespace) -> None:
    script = Script(httpx.Response(500), httpx.Response(503))
    client, _ = retrying_client(rt, script)
    for _ in range(2):
        client.request(
            "PATCH",
            "/v1/orders/1",
            cast_to=type(None),
            json_body={"qty": 2},
            idempotency_header="X-Request-Key",
        )
    keys = [r.headers["x-request-key"] for r in script.requests]
    assert len(keys) == 4
    assert keys[0] == keys[1] == keys[2] != keys[3]  # three attempts of call 1, then call 2
    assert all(str(uuid.UUID(key)) == key for key in keys)
    assert all(json.loads(r.content) == {"qty": 2} for r in script.requests)


@pytest.mark.parametrize(
    ("headers", "options"),
    [
        ({"X-Request-Key": "from-argument"}, None),
        (None, {"extra_headers": {"x-request-key": "from-argument"}}),
    ],
)
def test_idempotency_key_given_by_the_caller_is_kept(
    rt: SimpleNamespace, headers: dict[str, str] | None, options: dict[str, Any] | None
) -> None:
    script = Script(httpx.Response(503))
    client, _ = retrying_client(rt, script)
    client.request(
        "POST",
        "/v1/orders",
        cast_to=type(None),
        headers=headers,
        options=rt.types.RequestOptions(**(options or {})),
        idempotency_header="X-Request-Key",
    )
    assert [r.headers.get_list("x-request-key") for r in script.requests] == [
        ["from-argument"],
        ["from-argument"],
    ]


def test_retry_after_is_honoured_and_a_long_one_ends_the_retries(rt: SimpleNamespace) -> None:
    script = Script(
        httpx.Response(429, headers={"retry-after-ms": "30"}),
        httpx.Response(503, headers={"retry-after": "0"}),
        httpx.Response(429, headers={"retry-after": "120"}),
    )
    client, sleeps = retrying_client(rt, script, max_retries=5)
    with pytest.raises(rt.exc.RateLimitError) as info:
        client.request("GET", "/v1/pets", cast_to=type(None))
    assert sleeps == [0.03, 0.0]
    assert len(script.requests) == 3
    assert info.value.headers["retry-after"] == "120"


def test_retry_decisions_are_logged_without_credentials(
    rt: SimpleNamespace, caplog: pytest.LogCaptureFixture
) -> None:
    class BearerClient(rt.base.SyncAPIClient):  # type: ignore[name-defined,misc]
        @property
        def auth_headers(self) -> dict[str, str]:
            return {"Authorization": "Bearer top-secret"}

    script = Script(httpx.Response(503), httpx.Response(503), httpx.Response(503))
    client = BearerClient(
        base_url=BASE_URL,
        http_client=httpx.Client(transport=httpx.MockTransport(script)),
        max_retries=1,
        initial_retry_delay=0.0,
    )
    with caplog.at_level(logging.DEBUG, logger=PACKAGE), pytest.raises(rt.exc.APIStatusError):
        client.request("GET", "/v1/pets", cast_to=type(None))
    with caplog.at_level(logging.DEBUG, logger=PACKAGE), pytest.raises(rt.exc.APIStatusError):
        client.request("POST", "/v1/pets", cast_to=type(None))
    messages = [r.getMessage() for r in caplog.records if r.name == PACKAGE]
    url = f"{BASE_URL}/v1/pets"
    assert f"Retrying GET {url} in 0.000 s (retry 1 of 1) after 503 Service Unavailable" in messages
    assert f"Giving up on GET {url} after 2 attempts: 503 Service Unavailable" in messages
    assert any(m.startswith(f"Not retrying POST {url} (503 Service Unavailable)") for m in messages)
    assert sum(m.startswith("Response:") and "ms)" in m for m in messages) == 3
    assert "top-secret" not in caplog.text


def test_async_retries(rt: SimpleNamespace) -> None:
    script = Script(
        httpx.Response(503),
        httpx.ConnectError("refused"),
        httpx.Response(200, json={"ok": True}),
        httpx.Response(500),
    )
    sleeps: list[float] = []

    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    async def main() -> None:
        client = make_async_client(rt, script, max_retries=2)
        client._sleep = record
        assert await client.request("GET", "/", cast_to=dict[str, bool]) == {"ok": True}
        with pytest.raises(rt.exc.InternalServerError):  # a POST without a key: one attempt
            await client.request("POST", "/", cast_to=type(None))
        await client.request("POST", "/", cast_to=type(None), idempotency_header="Idempotency-Key")

    asyncio.run(main())
    assert len(sleeps) == 2
    methods = [r.method for r in script.requests]
    assert methods == ["GET", "GET", "GET", "POST", "POST"]
    assert script.requests[4].headers["idempotency-key"]


def test_real_sleeps_between_attempts(rt: SimpleNamespace) -> None:
    script = Script(httpx.Response(503, headers={"retry-after-ms": "40"}))
    client = make_client(rt, script, max_retries=1)
    started = time.monotonic()
    client.request("GET", "/", cast_to=dict[str, bool])
    assert time.monotonic() - started >= 0.04
    assert len(script.requests) == 2
