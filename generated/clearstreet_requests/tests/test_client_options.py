# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Tests of the client's options: `default_query` and `default_headers`, `client.get/post/...`
for endpoints the SDK has no method for, request ids.

They answer from canned responses, so against a live server (`TEST_API_BASE_URL`) they are
skipped: the server, not the test, chooses its responses there.
"""

from __future__ import annotations

import pytest

from clearstreet_requests import (
    APIStatusError,
    ClearStreet,
    NotFoundError,
    RequestOptions,
)

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
        client = ClearStreet(
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
    client: ClearStreet, mock_api: MockAPI
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


def test_an_error_s_request_id_is_read_from_the_body(
    client: ClearStreet, mock_api: MockAPI
) -> None:
    body: object = "req-body-1"
    body = {"request_id": body}
    body = {"metadata": body}
    mock_api.respond_json(400, body)
    with pytest.raises(APIStatusError) as raised:
        client.get("/undocumented", cast_to=object, options=RequestOptions(max_retries=0))
    assert raised.value.request_id == "req-body-1"
