"""Client options (issue 15): `default_query`, `client.get/post/put/patch/delete` for
endpoints the SDK has no method for, and request ids read from a configured body path."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from runtime_support import (
    Pet,
    Recorder,
    Script,
    json_response,
    make_async_client,
    make_client,
    pets_endpoint,
    retrying_client,
)

# --- default_query ------------------------------------------------------------------


def test_the_default_query_goes_with_every_request_and_the_call_s_values_win(
    rt: SimpleNamespace,
) -> None:
    recorder = Recorder(json_response(200, []))
    client = make_client(rt, recorder, default_query={"limit": "5", "region": "eu"})
    pets_endpoint(client)(limit=7)
    assert dict(recorder.last.url.params) == {"limit": "7", "region": "eu"}


def test_an_unset_parameter_keeps_the_default_and_extra_query_replaces_or_removes_it(
    rt: SimpleNamespace,
) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder, default_query={"region": "eu", "trace": "1"})
    options = rt.types.RequestOptions(extra_query={"trace": None, "debug": "yes"})
    client.request(
        "GET",
        "/v1/pets",
        cast_to=type(None),
        params={"region": rt.types.NOT_GIVEN, "kind": None},
        options=options,
    )
    assert list(recorder.last.url.params.multi_items()) == [("region", "eu"), ("debug", "yes")]


def test_without_a_default_query_nothing_is_added(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    make_client(rt, recorder).request("GET", "/v1/pets", cast_to=type(None))
    assert recorder.last.url.query == b""


# --- client.get/post/... --------------------------------------------------------------


def test_get_parses_into_a_model_a_dict_anything_or_the_response(rt: SimpleNamespace) -> None:
    recorder = Recorder(json_response(200, {"name": "Rex", "petType": "dog"}))
    client = make_client(rt, recorder, default_headers={"X-Team": "sdk"})
    assert client.get("/v1/pets/1", cast_to=Pet) == Pet(name="Rex", petType="dog")
    assert client.get("v1/pets/1", cast_to=dict[str, object]) == {"name": "Rex", "petType": "dog"}
    assert client.get("/v1/pets/1", cast_to=object) == {"name": "Rex", "petType": "dog"}
    response = client.get("/v1/pets/1", cast_to=httpx.Response)
    assert isinstance(response, httpx.Response) and response.json()["name"] == "Rex"
    assert [str(r.url) for r in recorder.requests] == ["https://api.example.test/api/v1/pets/1"] * 4
    assert all(r.method == "GET" and r.headers["X-Team"] == "sdk" for r in recorder.requests)


@pytest.mark.parametrize("verb", ["post", "put", "patch", "delete"])
def test_a_verb_sends_its_json_body_and_options(rt: SimpleNamespace, verb: str) -> None:
    recorder = Recorder(json_response(200, {"ok": True}))
    client = make_client(rt, recorder)
    options = rt.types.RequestOptions(extra_headers={"X-Trace": "t"}, extra_query={"dry": "1"})
    result = getattr(client, verb)(
        "/v1/things", cast_to=dict[str, bool], body={"name": "x"}, options=options
    )
    assert result == {"ok": True}
    request = recorder.last
    assert request.method == verb.upper()
    assert json.loads(request.content) == {"name": "x"}
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Trace"] == "t" and request.url.params["dry"] == "1"


def test_a_verb_without_a_body_sends_none(rt: SimpleNamespace) -> None:
    recorder = Recorder(httpx.Response(204))
    make_client(rt, recorder).delete("/v1/things/1", cast_to=type(None))
    assert recorder.last.content == b""
    assert "Content-Type" not in recorder.last.headers


def test_get_goes_through_the_credentials_retries_and_errors(rt: SimpleNamespace) -> None:
    credential = rt.types.Credential(headers={"Authorization": "Bearer k"})
    script = Script(httpx.Response(503, headers={"Retry-After": "0"}))
    client, _ = retrying_client(
        rt, script, credentials={"bearer": credential}, default_security=(("bearer",),)
    )
    assert client.get("/v1/undocumented", cast_to=dict[str, bool]) == {"ok": True}
    assert len(script.requests) == 2
    assert script.requests[-1].headers["Authorization"] == "Bearer k"
    missing = make_client(rt, Recorder(json_response(404, {"message": "no"})))
    with pytest.raises(rt.exc.NotFoundError) as raised:
        missing.post("/v1/undocumented", cast_to=object, body={})
    assert raised.value.body == {"message": "no"}


def test_the_async_client_has_the_same_verbs(rt: SimpleNamespace) -> None:
    recorder = Recorder(json_response(200, {"name": "Rex", "petType": "dog"}))
    client = make_async_client(rt, recorder, default_query={"region": "eu"})

    async def calls() -> list[Any]:
        return [
            await client.get("/v1/pets/1", cast_to=Pet),
            await client.post("/v1/pets", cast_to=dict[str, str], body={"name": "Rex"}),
            await client.put("/v1/pets/1", cast_to=object, body={}),
            await client.patch("/v1/pets/1", cast_to=object),
            await client.delete("/v1/pets/1", cast_to=httpx.Response),
        ]

    results = asyncio.run(calls())
    assert results[0] == Pet(name="Rex", petType="dog")
    assert results[1] == {"name": "Rex", "petType": "dog"}
    assert isinstance(results[4], httpx.Response)
    assert [r.method for r in recorder.requests] == ["GET", "POST", "PUT", "PATCH", "DELETE"]
    assert all(r.url.params["region"] == "eu" for r in recorder.requests)


# --- Request ids ----------------------------------------------------------------------

BODY_IDS = {"body_path": ("metadata", "request_id")}


def test_an_error_s_request_id_comes_from_the_configured_body_path(rt: SimpleNamespace) -> None:
    body = {"error": "bad", "metadata": {"request_id": "req-body-1"}}
    client = make_client(
        rt, Recorder(json_response(400, body)), request_ids=rt.exc.RequestIds(**BODY_IDS)
    )
    with pytest.raises(rt.exc.BadRequestError) as raised:
        client.request("GET", "/v1/pets", cast_to=type(None))
    assert raised.value.request_id == "req-body-1"


def test_a_header_comes_before_the_body_and_configured_headers_replace_the_usual_ones(
    rt: SimpleNamespace,
) -> None:
    body = {"metadata": {"request_id": "from-body"}}
    ids = rt.exc.RequestIds(headers=("x-trace-id",), **BODY_IDS)
    response = json_response(500, body, headers={"X-Trace-Id": "from-header"})
    with pytest.raises(rt.exc.InternalServerError) as raised:
        make_client(rt, Recorder(response), request_ids=ids).get("/v1/pets", cast_to=object)
    assert raised.value.request_id == "from-header"
    usual = json_response(500, body, headers={"X-Request-Id": "usual"})
    with pytest.raises(rt.exc.InternalServerError) as raised:
        make_client(rt, Recorder(usual), request_ids=ids).get("/v1/pets", cast_to=object)
    assert raised.value.request_id == "from-body"  # x-request-id is not one of its headers


@pytest.mark.parametrize(
    "body", [{"metadata": {"request_id": 7}}, {"metadata": "x"}, ["a"], "text", None]
)
def test_a_body_without_a_string_at_the_path_gives_none(rt: SimpleNamespace, body: object) -> None:
    response = json_response(409, body) if body is not None else httpx.Response(409)
    client = make_client(rt, Recorder(response), request_ids=rt.exc.RequestIds(**BODY_IDS))
    with pytest.raises(rt.exc.ConflictError) as raised:
        client.get("/v1/pets", cast_to=object)
    assert raised.value.request_id is None


def test_a_raw_response_s_request_id_comes_from_its_body_unless_streamed(
    rt: SimpleNamespace,
) -> None:
    body = {"data": [], "metadata": {"request_id": "req-ok-2"}}
    client = make_client(
        rt, Recorder(json_response(200, body)), request_ids=rt.exc.RequestIds(**BODY_IDS)
    )
    raw = rt.response.to_raw_response_wrapper(pets_endpoint(client))(limit=1)
    assert raw.request_id == "req-ok-2"
    streamed = rt.response.to_streamed_response_wrapper(pets_endpoint(client))(limit=1)
    with streamed as response:
        assert response.request_id is None  # its body is the caller's to read
    default = make_client(rt, Recorder(json_response(200, body, headers={"Request-Id": "h"})))
    assert rt.response.to_raw_response_wrapper(pets_endpoint(default))(limit=1).request_id == "h"
