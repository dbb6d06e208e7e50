# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Tests of the client's options: `default_query` and `default_headers`, `client.get/post/...`
for endpoints the SDK has no method for, request ids and environments.

They answer from canned responses, so against a live server (`TEST_API_BASE_URL`) they are
skipped: the server, not the test, chooses its responses there.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from kitchensink_msgspec import (
    APIStatusError,
    AsyncKitchenSink,
    KitchenSink,
    NotFoundError,
    RequestOptions,
)
from kitchensink_msgspec._client import ENVIRONMENTS

from .conftest import (
    API_KEY,
    BASE_URL,
    LIVE_BASE_URL,
    MockAPI,
    http_client_for,
    json_body,
    query_pairs,
)

pytestmark = pytest.mark.skipif(
    bool(LIVE_BASE_URL), reason="the client's options are tested with canned responses"
)


def test_the_default_query_and_headers_go_with_every_request(mock_api: MockAPI) -> None:
    mock_api.respond_json(200, {"ok": True})
    with http_client_for(mock_api) as http_client:
        client = KitchenSink(
            api_key=API_KEY,
            base_url=BASE_URL,
            http_client=http_client,
            default_query={"region": "eu", "page": "1"},
            default_headers={"X-Team": "sdk"},
        )
        client.get(
            "/undocumented",
            cast_to=dict[str, object],
            options=RequestOptions(extra_query={"page": "2"}),
        )
        client.with_options(default_query={"trace": "t-1"}).get("/undocumented", cast_to=object)
    first, second = mock_api.requests
    assert query_pairs(first) == [("page", "2"), ("region", "eu")]  # the call's value wins
    assert query_pairs(second) == [("page", "1"), ("region", "eu"), ("trace", "t-1")]
    assert first.headers["X-Team"] == second.headers["X-Team"] == "sdk"


def test_get_and_post_reach_endpoints_the_sdk_has_no_method_for(
    client: KitchenSink, mock_api: MockAPI
) -> None:
    mock_api.respond_json(200, {"id": "x-1", "tags": ["a"]})
    assert client.get("/v9/undocumented", cast_to=dict[str, object]) == {"id": "x-1", "tags": ["a"]}
    created = client.post("/v9/undocumented", cast_to=object, body={"name": "new"})
    assert created == {"id": "x-1", "tags": ["a"]}
    gotten, posted = mock_api.requests
    assert gotten.method == "GET" and posted.method == "POST"
    assert gotten.url.raw_path.endswith(b"/v9/undocumented")
    assert json_body(posted) == {"name": "new"}
    for name, value in client.auth_headers.items():  # the client's credentials go too
        assert posted.headers[name] == value
    mock_api.respond_json(404, {"message": "no such thing"})
    with pytest.raises(NotFoundError) as raised:
        client.delete("/v9/undocumented/x-1", cast_to=object, options=RequestOptions(max_retries=0))
    assert raised.value.body == {"message": "no such thing"}


def test_an_error_s_request_id_is_read_from_its_header(
    client: KitchenSink, mock_api: MockAPI
) -> None:
    mock_api.respond_first(400, {"X-Request-Id": "req-header-1"})
    with pytest.raises(APIStatusError) as raised:
        client.get("/undocumented", cast_to=object, options=RequestOptions(max_retries=0))
    assert raised.value.request_id == "req-header-1"


def test_the_async_client_has_the_same_options(mock_api: MockAPI) -> None:
    mock_api.respond_json(200, {"ok": True})
    client = AsyncKitchenSink(
        api_key=API_KEY,
        base_url=BASE_URL,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(mock_api.handle)),
        default_query={"region": "eu"},
    )
    assert asyncio.run(client.put("/undocumented", cast_to=dict[str, bool], body={})) == {
        "ok": True
    }
    assert mock_api.request.method == "PUT"
    assert query_pairs(mock_api.request) == [("region", "eu")]


def test_the_environment_chooses_the_base_url(
    mock_api: MockAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KITCHEN_SINK_BASE_URL", raising=False)
    mock_api.respond_json(200, {"ok": True})
    with http_client_for(mock_api) as http_client:
        chosen = KitchenSink(api_key=API_KEY, environment="sandbox", http_client=http_client)
        assert str(chosen.base_url).rstrip("/") == ENVIRONMENTS["sandbox"]
        chosen.get("/ping", cast_to=object)
        default = KitchenSink(api_key=API_KEY, http_client=http_client)
        assert str(default.base_url).rstrip("/") == ENVIRONMENTS["production"]
        moved = default.with_options(environment="sandbox")
        assert moved.base_url == chosen.base_url
    assert mock_api.request.url.raw_path.endswith(b"/ping")


def test_base_url_its_variable_and_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="not both"):
        KitchenSink(api_key=API_KEY, base_url="https://proxy.example.test", environment="sandbox")
    with pytest.raises(ValueError, match="unknown environment"):
        KitchenSink(api_key=API_KEY, environment="nowhere")  # type: ignore[arg-type]
    monkeypatch.setenv("KITCHEN_SINK_BASE_URL", "https://env.example.test")
    from_variable = KitchenSink(
        api_key=API_KEY,
    )
    assert str(from_variable.base_url).rstrip("/") == "https://env.example.test"
    # Both the variable and an environment: ambiguous, unless base_url=None picks the latter.
    with pytest.raises(ValueError, match="ambiguous base URL"):
        KitchenSink(api_key=API_KEY, environment="sandbox")
    chosen = KitchenSink(api_key=API_KEY, base_url=None, environment="sandbox")
    assert str(chosen.base_url).rstrip("/") == ENVIRONMENTS["sandbox"]
    assert from_variable.with_options(environment="sandbox").base_url == chosen.base_url
    with pytest.raises(ValueError, match="ambiguous base URL"):
        AsyncKitchenSink(api_key=API_KEY, environment="sandbox")
    async_client = AsyncKitchenSink(api_key=API_KEY, base_url=None, environment="sandbox")
    assert async_client.base_url == chosen.base_url
