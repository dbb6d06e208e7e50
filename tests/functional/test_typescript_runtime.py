"""The TypeScript SDKs' runtime (runtime_ts/core.ts) over real HTTP: a small spec's SDK,
compiled by tsc and run by Node against a scripted local server. Retries (with backoff and
Retry-After, never a key-less non-idempotent one), idempotency keys, errors by status,
timeouts, query styles, JSON bodies, and raw responses (`.asResponse()`, `.withResponse()`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sdkwright import api
from sdkwright.config import Target
from typescript_tools import Reply, ScriptedServer, built_sdk, run_node

ORDER = {
    "type": "object",
    "required": ["id", "symbol"],
    "properties": {"id": {"type": "string"}, "symbol": {"type": "string"}},
}
NEW_ORDER = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["symbol"],
                "properties": {"symbol": {"type": "string"}, "quantity": {"type": "integer"}},
            }
        }
    },
}


def _ok(status: str = "200") -> dict[str, object]:
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}
    return {status: {"description": "ok", "content": content}}


def _array(name: str, explode: bool) -> dict[str, object]:
    schema = {"type": "array", "items": {"type": "string"}}
    return {"name": name, "in": "query", "explode": explode, "schema": schema}


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Orders", "version": "1"},
    "servers": [{"url": "http://localhost:1"}],
    "security": [{"Token": []}],
    "components": {
        "securitySchemes": {"Token": {"type": "http", "scheme": "bearer"}},
        "schemas": {"Order": ORDER},
    },
    "paths": {
        "/orders": {
            "post": {"operationId": "create_order", "requestBody": NEW_ORDER, "responses": _ok()}
        },
        "/payments": {
            "post": {
                "operationId": "create_payment",
                "parameters": [
                    {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}
                ],
                "requestBody": NEW_ORDER,
                "responses": _ok(),
            }
        },
        "/search": {  # a GET with a form body (Stripe's spec has hundreds)
            "get": {
                "operationId": "search_orders",
                "requestBody": {
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {"type": "object", "properties": {"q": {"type": "string"}}}
                        }
                    }
                },
                "responses": _ok(),
            }
        },
        "/orders/{id}": {
            "get": {
                "operationId": "get_order",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    _array("fields", False),
                    _array("tags", True),
                    {
                        "name": "filter",
                        "in": "query",
                        "style": "deepObject",
                        "schema": {"type": "object", "properties": {"side": {"type": "string"}}},
                    },
                ],
                "responses": _ok(),
            }
        },
    },
}
CLIENT = "const client = new sdk.Orders({ apiKey: 't', baseURL: process.env.URL });\n"
GET = CLIENT + "return await client.orders.getOrder({ id: 'o-1' }, OPTIONS);"
AN_ORDER = {"id": "o-1", "symbol": "AAPL"}


@pytest.fixture(scope="module")
def orders_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ts-runtime")
    spec = folder / "orders.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    target = Target("orders", spec, folder / "out", "orders", "Orders", language="typescript")
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    return built_sdk(target.output, folder / "sdk")


def scenario(
    sdk: Path, replies: list[Reply], body: str
) -> tuple[dict[str, object], ScriptedServer]:
    server = ScriptedServer(replies)
    with server.running() as url:
        printed = run_node(sdk, body, {"URL": url})
    return printed, server


def test_a_5xx_is_retried_after_retry_after(orders_sdk: Path) -> None:
    replies = [Reply(503, {"message": "busy"}, (("Retry-After", "1"),)), Reply(200, AN_ORDER)]
    code = CLIENT + (
        "const start = Date.now();\n"
        "const order = await client.orders.getOrder({ id: 'o-1' });\n"
        "return { order, waited: Date.now() - start >= 950 };"
    )
    printed, server = scenario(orders_sdk, replies, code)
    assert printed == {"ok": True, "value": {"order": AN_ORDER, "waited": True}}
    assert [r.method for r in server.received] == ["GET", "GET"]


def test_retries_stop_at_max_retries(orders_sdk: Path) -> None:
    replies = [Reply(500, {"message": "down"}, (("Retry-After", "0"),))]
    printed, server = scenario(orders_sdk, replies, GET.replace("OPTIONS", "{ maxRetries: 1 }"))
    assert (printed["error"], printed["status"]) == ("InternalServerError", 500)
    assert len(server.received) == 2


def test_a_post_without_an_idempotency_key_is_never_retried(orders_sdk: Path) -> None:
    code = CLIENT + "return await client.orders.createOrder({ body: { symbol: 'AAPL' } });"
    printed, server = scenario(orders_sdk, [Reply(503, {"message": "busy"})], code)
    assert (printed["error"], printed["status"]) == ("InternalServerError", 503)
    (request,) = server.received
    assert request.method == "POST" and json.loads(request.body) == {"symbol": "AAPL"}
    assert request.headers["content-type"] == "application/json"


def test_a_post_with_an_idempotency_key_is_retried_with_the_same_key(orders_sdk: Path) -> None:
    replies = [Reply(503, None, (("Retry-After", "0"),)), Reply(200, AN_ORDER)]
    code = CLIENT + "return await client.payments.createPayment({ body: { symbol: 'AAPL' } });"
    printed, server = scenario(orders_sdk, replies, code)
    assert printed == {"ok": True, "value": AN_ORDER}
    keys = [r.headers.get("idempotency-key") for r in server.received]
    assert len(keys) == 2 and keys[0] and keys[0] == keys[1]  # generated once per call
    given = CLIENT + (
        "return await client.payments.createPayment("
        "{ idempotencyKey: 'k-1', body: { symbol: 'AAPL' } });"
    )
    printed, server = scenario(orders_sdk, replies, given)
    assert [r.headers.get("idempotency-key") for r in server.received] == ["k-1", "k-1"]


def test_errors_by_status_carry_the_body_and_request_id(orders_sdk: Path) -> None:
    replies = [Reply(404, {"message": "no such order"}, (("x-request-id", "req-7"),))]
    printed, server = scenario(orders_sdk, replies, GET.replace("OPTIONS", "{}"))
    assert printed["error"] == "NotFoundError" and printed["isAPIError"] is True
    assert printed["status"] == 404 and printed["body"] == {"message": "no such order"}
    assert printed["requestId"] == "req-7" and len(server.received) == 1  # 404: no retry


def test_a_slow_response_times_out(orders_sdk: Path) -> None:
    replies = [Reply(200, AN_ORDER, delay_s=3)]
    printed, _ = scenario(
        orders_sdk, replies, GET.replace("OPTIONS", "{ timeout: 200, maxRetries: 0 }")
    )
    assert printed["error"] == "APITimeoutError"


def test_query_parameters_follow_their_style_and_explode(orders_sdk: Path) -> None:
    code = CLIENT + (
        "return await client.orders.getOrder({ id: 'a/b', fields: ['x', 'y'],"
        " tags: ['p', 'q'], filter: { side: 'buy' } });"
    )
    printed, server = scenario(orders_sdk, [Reply(200, AN_ORDER)], code)
    assert printed == {"ok": True, "value": AN_ORDER}
    assert server.received[0].path == (
        "/orders/a%2Fb?fields=x%2Cy&tags=p&tags=q&filter%5Bside%5D=buy"
    )
    assert server.received[0].headers["authorization"] == "Bearer t"


def test_a_get_sends_its_form_body_as_query_parameters(orders_sdk: Path) -> None:
    """fetch refuses a body with GET: a form body's fields go in the query instead."""
    code = CLIENT + "return await client.search.searchOrders({ body: { q: 'a b' } });"
    printed, server = scenario(orders_sdk, [Reply(200, AN_ORDER)], code)
    assert printed == {"ok": True, "value": AN_ORDER}
    (request,) = server.received
    assert (request.method, request.path, request.body) == ("GET", "/search?q=a+b", b"")


def test_as_response_gives_the_fetch_response_with_its_body_unread(orders_sdk: Path) -> None:
    """`.asResponse()`: the raw response (Python's with_streaming_response): status, headers,
    and a body the caller reads (or streams) itself."""
    replies = [Reply(200, AN_ORDER, (("x-request-id", "req-1"),))]
    code = CLIENT + (
        "const response = await client.orders.getOrder({ id: 'o-1' }).asResponse();\n"
        "const unread = !response.bodyUsed;\n"
        "return { status: response.status, id: response.headers.get('x-request-id'),\n"
        "  unread, text: await response.text() };"
    )
    printed, server = scenario(orders_sdk, replies, code)
    assert printed == {
        "ok": True,
        "value": {"status": 200, "id": "req-1", "unread": True, "text": json.dumps(AN_ORDER)},
    }
    assert len(server.received) == 1


def test_with_response_gives_the_parsed_result_its_response_and_request_id(
    orders_sdk: Path,
) -> None:
    """`.withResponse()`: `{ data, response, requestId }` (Python's with_raw_response, which
    parses on demand); awaiting the same call too sends one request, parses once."""
    replies = [Reply(201, AN_ORDER, (("request-id", "req-2"),))]
    code = CLIENT + (
        "const call = client.orders.createOrder({ body: { symbol: 'AAPL' } });\n"
        "const { data, response, requestId } = await call.withResponse();\n"
        "const again = await call;\n"
        "return { data, status: response.status, requestId, same: again === data };"
    )
    printed, server = scenario(orders_sdk, replies, code)
    assert printed == {
        "ok": True,
        "value": {"data": AN_ORDER, "status": 201, "requestId": "req-2", "same": True},
    }
    assert len(server.received) == 1


def test_raw_access_to_an_error_status_throws_the_error(orders_sdk: Path) -> None:
    replies = [Reply(404, {"message": "no such order"}, (("x-request-id", "req-3"),))]
    for raw in ("asResponse", "withResponse"):
        code = CLIENT + f"return await client.orders.getOrder({{ id: 'o-1' }}).{raw}();"
        printed, _ = scenario(orders_sdk, replies, code)
        assert (printed["error"], printed["status"], printed["requestId"]) == (
            "NotFoundError",
            404,
            "req-3",
        )


def test_a_call_is_a_promise_then_catch_and_finally_work(orders_sdk: Path) -> None:
    """The method's APIPromise is a Promise: `instanceof`, `then`, `catch` and `finally` give
    the parsed result or the error, as `await` does."""
    replies = [Reply(200, AN_ORDER), Reply(404, {"message": "no"})]
    code = CLIENT + (
        "const call = client.orders.getOrder({ id: 'o-1' });\n"
        "const symbol = await call.then((order) => order.symbol);\n"
        "let finallyRan = false;\n"
        "const caught = await client.orders.getOrder({ id: 'o-2' }, { maxRetries: 0 })\n"
        "  .finally(() => { finallyRan = true; })\n"
        "  .catch((error) => error.status);\n"
        "return { isPromise: call instanceof Promise, symbol, caught, finallyRan };"
    )
    printed, _ = scenario(orders_sdk, replies, code)
    assert printed == {
        "ok": True,
        "value": {"isPromise": True, "symbol": "AAPL", "caught": 404, "finallyRan": True},
    }
