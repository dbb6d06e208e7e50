"""Raw and streamed responses, and server-sent events."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any, cast

import httpx
import pytest
from runtime_support import (
    BASE_URL,
    Pet,
    Script,
    Trickle,
    json_response,
    make_async_client,
    make_client,
    pets_endpoint,
    retrying_client,
)

# --- Raw and streamed responses ----------------------------------------------------------


def test_raw_response(rt: SimpleNamespace) -> None:
    body = [{"name": "Rex", "petType": "dog"}]
    script = Script(
        httpx.Response(502),
        json_response(200, body, headers={"x-request-id": "req_9", "x-total": "1"}),
        json_response(200, body),
    )
    client, _ = retrying_client(rt, script)
    raw_list_pets = rt.response.to_raw_response_wrapper(pets_endpoint(client))
    assert raw_list_pets.__name__ == "list_pets"
    response = raw_list_pets(limit=5)
    assert isinstance(response, rt.response.APIResponse)
    assert response.status_code == 200
    assert response.headers["x-total"] == "1"
    assert response.request_id == "req_9"
    assert response.retries_taken == 1
    assert response.url == f"{BASE_URL}/v1/pets?limit=5"
    assert isinstance(response.http_response, httpx.Response)
    assert response.http_request is response.http_response.request
    assert response.http_request.method == "GET"
    assert response.is_closed  # a raw response's body is read whole
    assert response.parse() == [Pet(name="Rex", petType="dog")]
    assert response.parse() is response.parse()  # parsed once
    assert response.json() == body
    # Outside the wrapper, the same function parses again.
    assert pets_endpoint(client)(limit=5) == [Pet(name="Rex", petType="dog")]


def test_raw_response_still_raises_status_errors(rt: SimpleNamespace) -> None:
    client = make_client(rt, Script(json_response(404, {"error": "no"})))
    with pytest.raises(rt.exc.NotFoundError) as info:
        rt.response.to_raw_response_wrapper(pets_endpoint(client))(limit=1)
    assert info.value.body == {"error": "no"}


SSE_CHUNKS = [
    b": keep-alive\n\n",
    b'event: fill\nid: 1\ndata: {"qty"',
    b": 5}\n\ndata: a\r\ndata: b\r",
    b"\n\r\ndata: last\n\n",
    b"data: unfinished",
]


def test_streaming_response_reads_the_body_as_it_arrives(rt: SimpleNamespace) -> None:
    stream = Trickle(SSE_CHUNKS)
    headers = {"content-type": "text/event-stream"}
    client = make_client(rt, Script(httpx.Response(200, headers=headers, stream=stream)))

    def follow() -> str:
        return cast(str, client.request("GET", "/v1/events", cast_to=str))

    with rt.response.to_streamed_response_wrapper(follow)() as response:
        assert response.status_code == 200
        assert stream.sent == 0  # nothing read yet
        assert not response.is_closed
        assert response.http_request.url == f"{BASE_URL}/v1/events"
        events = response.iter_events()
        first = next(events)
        assert (first.event, first.id, first.json()) == ("fill", "1", {"qty": 5})
        assert stream.sent == 3  # only as much as the first event needed
        rest = list(events)
    assert stream.closed and response.is_closed
    assert [(e.event, e.data, e.id) for e in rest] == [
        ("message", "a\nb", "1"),
        ("message", "last", "1"),
    ]


def test_streaming_lines_bytes_and_parse(rt: SimpleNamespace) -> None:
    def stream_client(chunks: list[bytes]) -> Any:
        return make_client(rt, Script(httpx.Response(200, stream=Trickle(chunks))))

    def call(client: Any, cast_to: Any) -> Any:
        return rt.response.to_streamed_response_wrapper(
            lambda: client.request("GET", "/", cast_to=cast_to)
        )()

    with call(stream_client([b"caf\xc3", b"\xa9\r\nline 2\rline 3"]), str) as response:
        assert list(response.iter_lines()) == ["café", "line 2", "line 3"]
    with call(stream_client([b"ab", b"cd"]), bytes) as response:
        assert list(response.iter_bytes()) == [b"ab", b"cd"]
    with call(stream_client([b'[{"name": "Rex", ', b'"petType": "dog"}]']), list[Pet]) as response:
        assert response.parse() == [Pet(name="Rex", petType="dog")]


def test_streamed_error_status_is_read_into_the_exception(rt: SimpleNamespace) -> None:
    stream = Trickle([b'{"error": ', b'"busy"}'])
    client = make_client(rt, Script(httpx.Response(503, stream=stream)))
    wrapped = rt.response.to_streamed_response_wrapper(
        lambda: client.request("GET", "/", cast_to=str)
    )
    with pytest.raises(rt.exc.InternalServerError) as info, wrapped():
        pass
    assert info.value.body == {"error": "busy"}
    assert stream.closed


def test_async_raw_and_streamed_responses(rt: SimpleNamespace) -> None:
    stream = Trickle(SSE_CHUNKS)
    script = Script(
        json_response(200, [{"name": "Rex", "petType": "dog"}], headers={"request-id": "r"}),
        httpx.Response(200, stream=stream),
    )

    async def main() -> None:
        client = make_async_client(rt, script)

        async def list_pets() -> list[Pet]:
            return cast("list[Pet]", await client.request("GET", "/", cast_to=list[Pet]))

        response = await rt.response.async_to_raw_response_wrapper(list_pets)()
        assert isinstance(response, rt.response.AsyncAPIResponse)
        assert (response.status_code, response.request_id) == (200, "r")
        assert await response.parse() == [Pet(name="Rex", petType="dog")]
        assert await response.text() == '[{"name":"Rex","petType":"dog"}]'

        async def events() -> str:
            return cast(str, await client.request("GET", "/events", cast_to=str))

        async with rt.response.async_to_streamed_response_wrapper(events)() as streamed:
            assert stream.sent == 0
            received = [event.data async for event in streamed.iter_events()]
        assert received == ['{"qty": 5}', "a\nb", "last"]
        assert stream.closed

    asyncio.run(main())


def test_response_modes_do_not_leak_between_concurrent_tasks(rt: SimpleNamespace) -> None:
    async def main() -> None:
        client = make_async_client(rt, Script(*[json_response(200, [])] * 4))
        gate = asyncio.Event()

        async def list_pets() -> list[Pet]:
            await gate.wait()
            return cast("list[Pet]", await client.request("GET", "/", cast_to=list[Pet]))

        raw = asyncio.ensure_future(rt.response.async_to_raw_response_wrapper(list_pets)())
        plain = asyncio.ensure_future(list_pets())
        await asyncio.sleep(0)
        gate.set()
        assert isinstance(await raw, rt.response.AsyncAPIResponse)
        assert await plain == []

    asyncio.run(main())


# --- Server-sent events -------------------------------------------------------------------


def parse_events(
    rt: SimpleNamespace, *chunks: bytes
) -> list[tuple[str, str, str | None, int | None]]:
    lines = rt.streaming.iter_lines(iter(chunks))
    return [(e.event, e.data, e.id, e.retry) for e in rt.streaming.iter_events(lines)]


def test_sse_fields(rt: SimpleNamespace) -> None:
    text = (
        b"\xef\xbb\xbfdata: first\n\n"  # a byte order mark may open the stream
        b": a comment\n"
        b"event: update\ndata:no space\ndata:  two spaces\nid: 7\nretry: 1500\n\n"
        b"data\n\n"  # a field name alone: empty value
        b"id: 8\n\n"  # no data: no event, but the id is kept
        b"data: x\nretry: soon\nunknown: field\n\n"
        b"id: bad\0id\ndata: y\n\n"
    )
    assert parse_events(rt, text) == [
        ("message", "first", None, None),
        ("update", "no space\n two spaces", "7", 1500),
        ("message", "", "7", None),
        ("message", "x", "8", None),
        ("message", "y", "8", None),
    ]


@pytest.mark.parametrize("size", [1, 2, 3, 7, 1000])
def test_sse_line_endings_across_chunk_boundaries(rt: SimpleNamespace, size: int) -> None:
    text = "data: a\r\ndata: é\rdata: c\n\r\nevent: e\rdata: d\r\r".encode()
    chunks = [text[i : i + size] for i in range(0, len(text), size)]
    assert parse_events(rt, *chunks) == [
        ("message", "a\né\nc", None, None),
        ("e", "d", None, None),
    ]


def test_lines_keep_characters_that_splitlines_would_split_on(rt: SimpleNamespace) -> None:
    text = "a\u2028b\x0cc\nlast".encode()
    assert list(rt.streaming.iter_lines([text])) == ["a\u2028b\x0cc", "last"]


def test_server_sent_event_is_a_value(rt: SimpleNamespace) -> None:
    event = rt.streaming.ServerSentEvent(data='{"a": [1]}')
    assert (event.event, event.id, event.retry, event.json()) == ("message", None, None, {"a": [1]})
    assert event == rt.streaming.ServerSentEvent(data='{"a": [1]}', event="message")


def test_raw_page_wrapper_keeps_the_first_response_and_parses_to_the_page(
    rt: SimpleNamespace,
) -> None:
    script = Script(
        httpx.Response(503),
        json_response(200, [{"name": "Rex", "petType": "dog"}], headers={"x-page": "1"}),
        json_response(200, [], headers={"x-page": "2"}),
    )
    client, _ = retrying_client(rt, script)
    list_pets = pets_endpoint(client)

    def first_two_pages(*, limit: int) -> tuple[list[Pet], list[Pet]]:
        """A stand-in for a paginated method: it parses more than one response."""
        return list_pets(limit=limit), list_pets(limit=limit)

    response = rt.response.to_raw_page_wrapper(first_two_pages)(limit=1)
    assert isinstance(response, rt.response.APIResponse)
    assert (response.headers["x-page"], response.retries_taken) == ("1", 1)
    assert response.parse() == ([Pet(name="Rex", petType="dog")], [])
    assert len(script.requests) == 3

    async def main() -> Any:
        async_client = make_async_client(
            rt, Script(json_response(200, [], headers={"x-page": "a"}))
        )

        async def one_page() -> list[Pet]:
            return cast("list[Pet]", await async_client.request("GET", "/", cast_to=list[Pet]))

        raw = await rt.response.async_to_raw_page_wrapper(one_page)()
        return raw.headers["x-page"], await raw.parse()

    assert asyncio.run(main()) == ("a", [])
