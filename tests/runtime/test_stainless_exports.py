"""The runtime names a Stainless SDK's package exports besides its clients and errors
(`Stream`, `AsyncStream`, `NoneType`, `file_from_path`, and over httpx `Transport`,
`ProxiesTypes`, `DEFAULT_CONNECTION_LIMITS`), each doing what code written for Stainless
expects of it."""

from __future__ import annotations

import asyncio
import importlib
from pathlib import Path
from types import SimpleNamespace

import httpx
from runtime_support import PACKAGE, Pet, Trickle, json_response, make_client

EVENTS = [
    b'data: {"name": "Rex", "petType": "dog"}\n\n',
    b'event: update\ndata: {"name": "Tom", ',
    b'"petType": "cat"}\n\ndata: [DONE]\n\n',
    b'data: {"name": "never read", "petType": "?"}\n\n',
]
PETS = [Pet(name="Rex", petType="dog"), Pet(name="Tom", petType="cat")]


def test_stream_decodes_each_event_until_done(rt: SimpleNamespace) -> None:
    body = Trickle(EVENTS)
    stream = rt.streaming.Stream(cast_to=Pet, response=httpx.Response(200, stream=body))
    assert next(stream) == PETS[0]
    assert body.sent == 1  # read as it arrives
    with stream:
        assert list(stream) == PETS[1:]
    assert body.closed


def test_stream_of_server_sent_events_keeps_them(rt: SimpleNamespace) -> None:
    response = httpx.Response(200, stream=Trickle(EVENTS))
    events = list(rt.streaming.Stream(cast_to=rt.streaming.ServerSentEvent, response=response))
    assert [e.event for e in events] == ["message", "update"]
    assert events[1].json() == {"name": "Tom", "petType": "cat"}


def test_async_stream_decodes_each_event_until_done(rt: SimpleNamespace) -> None:
    async def read() -> tuple[Pet, list[Pet], bool]:
        body = Trickle(EVENTS)
        response = httpx.Response(200, stream=body)
        stream = rt.streaming.AsyncStream(cast_to=Pet, response=response)
        first = await stream.__anext__()
        async with stream:
            rest = [pet async for pet in stream]
        return first, rest, body.closed

    first, rest, closed = asyncio.run(read())
    assert [first, *rest] == PETS and closed


def test_none_type_parses_a_response_without_a_body(rt: SimpleNamespace) -> None:
    assert rt.types.NoneType is type(None)
    client = make_client(rt, lambda request: httpx.Response(204))
    assert client.request("DELETE", "/pets/1", cast_to=rt.types.NoneType) is None


def test_file_from_path_uploads_the_file_by_its_name(rt: SimpleNamespace, tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_bytes(b"a,b\n1,2\n")
    upload = rt.types.file_from_path(str(path))
    assert upload == ("report.csv", b"a,b\n1,2\n")
    assert rt.types.file_from_path(path) == upload  # a PathLike too
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return json_response(200, {})

    client = make_client(rt, handler)
    fields = {"file": upload}
    client.request("POST", "/files", cast_to=dict, body=fields, content_type="multipart/form-data")
    body = sent[0].read()
    assert b'filename="report.csv"' in body and b"a,b\n1,2\n" in body


def test_httpx_names_build_a_client(rt: SimpleNamespace) -> None:
    clients = importlib.import_module(f"{PACKAGE}._httpx_clients")
    limits = clients.DEFAULT_CONNECTION_LIMITS
    assert (limits.max_connections, limits.max_keepalive_connections) == (1000, 100)
    transport: httpx.BaseTransport = httpx.MockTransport(lambda r: httpx.Response(200))
    assert isinstance(transport, clients.Transport)
    with clients.DefaultHttpxClient(transport=transport) as client:
        assert client.get("https://api.example.test/").status_code == 200
        assert client._transport is transport  # the transport given replaces the pool
    with clients.DefaultHttpxClient(proxy="http://proxy.example:8080") as client:
        (proxied,) = client._mounts.values()
        assert proxied._pool._proxy_url.host == b"proxy.example"
    with clients.DefaultHttpxClient() as client:
        assert client._transport._pool._max_connections == 1000  # the limits by default
