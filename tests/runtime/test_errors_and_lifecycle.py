"""The runtime's errors, response casting, client lifecycle and async client."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace
from typing import Any, cast

import httpx
import pydantic
import pytest
from runtime_support import (
    BASE_URL,
    Owner,
    Pet,
    Recorder,
    json_response,
    make_async_client,
    make_client,
    timeout_of,
)

# --- Errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "class_name"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (503, "InternalServerError"),
        (418, "APIStatusError"),
    ],
)
def test_status_errors(rt: SimpleNamespace, status: int, class_name: str) -> None:
    body = {"error": {"message": "nope"}}
    response = json_response(status, body, headers={"x-request-id": "req_123"})
    client = make_client(rt, Recorder(response))
    with pytest.raises(rt.exc.APIStatusError) as info:
        client.request("GET", "/v1/pets/1", cast_to=Pet)
    error = info.value
    assert type(error) is getattr(rt.exc, class_name)
    assert isinstance(error, rt.exc.APIError)
    assert error.status_code == status
    assert error.body == body
    assert error.request_id == "req_123"
    assert error.headers["x-request-id"] == "req_123"
    assert error.response is not None
    assert error.request.url == f"{BASE_URL}/v1/pets/1"
    assert str(error) == error.message
    assert error.message == f'Error code: {status} - {{"error":{{"message":"nope"}}}}'


def test_status_error_with_text_body_and_alternate_request_id(
    rt: SimpleNamespace,
) -> None:
    response = httpx.Response(
        502,
        text="Bad gateway",
        headers={"request-id": "r-9"},
        request=httpx.Request("GET", BASE_URL),
    )
    error = rt.exc.status_error_for(response)
    assert isinstance(error, rt.exc.InternalServerError)
    assert error.body == "Bad gateway"
    assert error.request_id == "r-9"
    assert error.message == "Error code: 502 - Bad gateway"


def test_status_error_with_empty_body(rt: SimpleNamespace) -> None:
    request = httpx.Request("GET", BASE_URL)
    error = rt.exc.status_error_for(httpx.Response(404, request=request))
    assert isinstance(error, rt.exc.NotFoundError)
    assert error.body is None
    assert error.request_id is None
    assert error.message == "Error code: 404"


def test_status_error_message_is_truncated(rt: SimpleNamespace) -> None:
    request = httpx.Request("GET", BASE_URL)
    response = httpx.Response(500, text="x" * 10_000, request=request)
    error = rt.exc.status_error_for(response)
    assert len(error.message) < 1000
    assert error.message.endswith("(truncated)")
    assert error.body == "x" * 10_000  # the body itself is kept whole


@pytest.mark.parametrize(
    ("raised", "class_name"),
    [
        (httpx.ReadTimeout("slow"), "APITimeoutError"),
        (httpx.ConnectTimeout("slow"), "APITimeoutError"),
        (httpx.ConnectError("refused"), "APIConnectionError"),
        (httpx.RemoteProtocolError("garbled"), "APIConnectionError"),
    ],
)
def test_transport_errors(
    rt: SimpleNamespace, raised: httpx.TransportError, class_name: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise raised

    client = make_client(rt, handler)
    with pytest.raises(rt.exc.APIConnectionError) as info:
        client.request("GET", "/v1/pets", cast_to=type(None))
    assert type(info.value) is getattr(rt.exc, class_name)
    assert info.value.__cause__ is raised
    assert info.value.request.url == f"{BASE_URL}/v1/pets"


def test_exception_tree(rt: SimpleNamespace) -> None:
    exc = rt.exc
    assert issubclass(exc.APITimeoutError, exc.APIConnectionError)
    for name in ("APIConnectionError", "APIResponseValidationError", "APIStatusError"):
        assert issubclass(getattr(exc, name), exc.APIError)
    assert issubclass(exc.APIError, Exception)
    assert set(exc.__all__) == {
        name
        for name, value in vars(exc).items()
        if not name.startswith("_")
        and (isinstance(value, type) and issubclass(value, exc.APIError))
    } | {"status_error_for", "RequestIds"}


# --- Response casting -------------------------------------------------------------


def test_cast_to_raw_types(rt: SimpleNamespace) -> None:
    response = httpx.Response(200, content=b"caf\xc3\xa9")
    client = make_client(rt, Recorder(response))
    assert client.request("GET", "/x", cast_to=type(None)) is None
    assert client.request("GET", "/x", cast_to=str) == "café"
    assert client.request("GET", "/x", cast_to=bytes) == b"caf\xc3\xa9"
    raw = client.request("GET", "/x", cast_to=httpx.Response)
    assert isinstance(raw, httpx.Response)
    assert raw.content == b"caf\xc3\xa9"


def test_cast_to_models(rt: SimpleNamespace) -> None:
    recorder = Recorder(json_response(200, {"name": "Rex", "petType": "dog"}))
    client = make_client(rt, recorder)
    pet = client.request("GET", "/v1/pets/1", cast_to=Pet)
    assert pet == Pet(name="Rex", petType="dog")

    recorder.response = json_response(200, [{"name": "Rex", "petType": "dog"}])
    pets = client.request("GET", "/v1/pets", cast_to=list[Pet])
    assert pets == [Pet(name="Rex", petType="dog")]

    recorder.response = json_response(200, {"id": 7})
    either = client.request("GET", "/v1/x", cast_to=cast(Any, Pet | Owner))
    assert either == Owner(id=7)

    recorder.response = json_response(200, {"a": 1})
    assert client.request("GET", "/v1/x", cast_to=dict[str, int]) == {"a": 1}


def test_invalid_body_raises_response_validation_error_when_strict(rt: SimpleNamespace) -> None:
    recorder = Recorder(json_response(200, {"name": 1}))
    client = make_client(rt, recorder, strict_response_validation=True)
    with pytest.raises(rt.exc.APIResponseValidationError) as info:
        client.request("GET", "/v1/pets/1", cast_to=Pet)
    error = info.value
    assert isinstance(error, rt.exc.APIError)
    assert isinstance(error.__cause__, pydantic.ValidationError)
    assert error.body == {"name": 1}
    assert error.status_code == 200
    assert error.response.status_code == 200


def test_non_json_body_raises_response_validation_error(rt: SimpleNamespace) -> None:
    client = make_client(rt, Recorder(httpx.Response(200, text="<html>")))
    with pytest.raises(rt.exc.APIResponseValidationError) as info:
        client.request("GET", "/v1/pets/1", cast_to=Pet)
    assert info.value.body == "<html>"


def test_empty_body_raises_response_validation_error(rt: SimpleNamespace) -> None:
    client = make_client(rt, Recorder(httpx.Response(200)))
    with pytest.raises(rt.exc.APIResponseValidationError) as info:
        client.request("GET", "/v1/pets/1", cast_to=Pet)
    assert info.value.body is None


# --- Lifecycle --------------------------------------------------------------------


def test_injected_http_client_is_not_closed(rt: SimpleNamespace) -> None:
    http_client = httpx.Client(transport=httpx.MockTransport(Recorder()))
    with rt.base.SyncAPIClient(base_url=BASE_URL, http_client=http_client) as client:
        client.request("GET", "/v1/pets", cast_to=type(None))
    client.close()
    assert not http_client.is_closed
    http_client.close()


def test_own_http_client_is_closed(rt: SimpleNamespace) -> None:
    with rt.base.SyncAPIClient(base_url=BASE_URL) as client:
        assert isinstance(client, rt.base.SyncAPIClient)
    assert client._client.is_closed


# --- Async client -----------------------------------------------------------------


def test_async_client_round_trip(rt: SimpleNamespace) -> None:
    recorder = Recorder(json_response(200, [{"name": "Rex", "petType": "dog"}]))

    async def main() -> None:
        client = make_async_client(rt, recorder, default_headers={"X-App": "1"})
        async with client:
            pets = await client.request(
                "POST",
                f"/v1/owners/{rt.base.path_param('a/b')}/pets",
                cast_to=list[Pet],
                params={"tags": ["a", "b"], "cursor": None},
                headers={"X-Flag": False},
                json_body=Pet(name="Rex", petType="dog"),
                options=rt.types.RequestOptions(timeout=3.0),
            )
        assert pets == [Pet(name="Rex", petType="dog")]

    asyncio.run(main())
    request = recorder.last
    assert request.url.raw_path == b"/api/v1/owners/a%2Fb/pets?tags=a&tags=b"
    assert request.headers["x-app"] == "1"
    assert request.headers["x-flag"] == "false"
    assert request.headers["accept"] == "application/json"
    assert json.loads(request.content) == {"name": "Rex", "petType": "dog"}
    assert set(timeout_of(request).values()) == {3.0}


def test_async_client_errors(rt: SimpleNamespace) -> None:
    async def main() -> None:
        client = make_async_client(rt, Recorder(json_response(429, {"error": "slow down"})))
        with pytest.raises(rt.exc.RateLimitError) as info:
            await client.request("GET", "/v1/pets", cast_to=type(None))
        assert info.value.body == {"error": "slow down"}

        def timeout(request: httpx.Request) -> httpx.Response:
            raise httpx.ReadTimeout("slow", request=request)

        with pytest.raises(rt.exc.APITimeoutError):
            await make_async_client(rt, timeout).request("GET", "/", cast_to=str)

        def refused(request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectError("refused", request=request)

        with pytest.raises(rt.exc.APIConnectionError) as conn_info:
            await make_async_client(rt, refused).request("GET", "/", cast_to=str)
        assert type(conn_info.value) is rt.exc.APIConnectionError

        invalid = make_async_client(
            rt, Recorder(json_response(200, [1])), strict_response_validation=True
        )
        with pytest.raises(rt.exc.APIResponseValidationError):
            await invalid.request("GET", "/", cast_to=Pet)

    asyncio.run(main())


def test_async_injected_http_client_is_not_closed(rt: SimpleNamespace) -> None:
    async def main() -> tuple[httpx.AsyncClient, Any]:
        http_client = httpx.AsyncClient(transport=httpx.MockTransport(Recorder()))
        async with rt.base.AsyncAPIClient(base_url=BASE_URL, http_client=http_client) as client:
            assert await client.request("GET", "/", cast_to=bytes) == b""
        async with rt.base.AsyncAPIClient(base_url=BASE_URL) as own:
            pass
        assert not http_client.is_closed
        await http_client.aclose()
        return http_client, own

    _, own = asyncio.run(main())
    assert own._client.is_closed
