# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Reading a response body piece by piece: lines, and server-sent events.

Server-sent events (``text/event-stream``) are parsed as the HTML standard describes
(https://html.spec.whatwg.org/multipage/server-sent-events.html): lines end with CRLF,
LF or CR; a blank line ends an event; ``data`` lines accumulate; ``id`` persists from one
event to the next; ``retry`` must be all digits; lines starting with ``:`` are comments.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, TypeVar, final

from . import _http, _models

__all__ = [
    "AsyncEventStream",
    "AsyncStream",
    "EventStream",
    "ServerSentEvent",
    "Stream",
    "aiter_events",
    "aiter_lines",
    "iter_events",
    "iter_lines",
]

_T = TypeVar("_T")

# The data of the event that ends some APIs' streams (`data: [DONE]`), not an item.
_DONE = "[DONE]"


@dataclass(frozen=True)
class ServerSentEvent:
    """One event of a ``text/event-stream`` response."""

    data: str
    event: str = "message"
    id: str | None = None
    retry: int | None = None

    def json(self) -> Any:
        """The event's data decoded as JSON."""
        return json.loads(self.data)


class _LineSplitter:
    """Cuts a byte stream into lines, whichever of CRLF, LF or CR ends them.

    Splitting bytes (not text) keeps a multi-byte character cut between two chunks whole,
    and unlike ``str.splitlines`` it does not break lines at form feeds or U+2028.
    """

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, chunk: bytes) -> list[bytes]:
        data = self._buffer + chunk
        lines: list[bytes] = []
        start = 0
        while True:
            cr, lf = data.find(b"\r", start), data.find(b"\n", start)
            if cr < 0 and lf < 0:
                break
            if lf < 0 or 0 <= cr < lf:
                if cr == len(data) - 1:
                    break  # a CR ending the chunk may be the first half of a CRLF
                lines.append(data[start:cr])
                start = cr + 2 if data[cr + 1 : cr + 2] == b"\n" else cr + 1
            else:
                lines.append(data[start:lf])
                start = lf + 1
        self._buffer = data[start:]
        return lines

    def flush(self) -> list[bytes]:
        """The last line, at the end of the stream."""
        rest, self._buffer = self._buffer, b""
        if rest.endswith(b"\r"):  # held back in case an LF followed: it ends a line
            return [rest[:-1]]
        return [rest] if rest else []


def iter_lines(chunks: Iterable[bytes]) -> Iterator[str]:
    splitter = _LineSplitter()
    for chunk in chunks:
        for line in splitter.feed(chunk):
            yield line.decode("utf-8", errors="replace")
    for line in splitter.flush():
        yield line.decode("utf-8", errors="replace")


async def aiter_lines(chunks: AsyncIterable[bytes]) -> AsyncIterator[str]:
    splitter = _LineSplitter()
    async for chunk in chunks:
        for line in splitter.feed(chunk):
            yield line.decode("utf-8", errors="replace")
    for line in splitter.flush():
        yield line.decode("utf-8", errors="replace")


class _EventDecoder:
    """Turns lines into events; `feed` returns an event when a blank line completes one."""

    def __init__(self) -> None:
        self._event = ""
        self._data: list[str] = []
        self._last_id: str | None = None
        self._retry: int | None = None
        self._first_line = True

    def feed(self, line: str) -> ServerSentEvent | None:
        if self._first_line:
            self._first_line = False
            line = line.removeprefix("\ufeff")  # a byte order mark may open the stream
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        elif name == "id":
            if "\0" not in value:
                self._last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        data, event, retry = self._data, self._event, self._retry
        self._data, self._event, self._retry = [], "", None
        if not data:  # the standard drops events without data (an id alone still counts)
            return None
        return ServerSentEvent(
            data="\n".join(data),
            event=event or "message",
            id=self._last_id,
            retry=retry,
        )


def iter_events(lines: Iterable[str]) -> Iterator[ServerSentEvent]:
    """Events as lines complete them; an unfinished event at the end is dropped."""
    decoder = _EventDecoder()
    for line in lines:
        event = decoder.feed(line)
        if event is not None:
            yield event


async def aiter_events(lines: AsyncIterable[str]) -> AsyncIterator[ServerSentEvent]:
    decoder = _EventDecoder()
    async for line in lines:
        event = decoder.feed(line)
        if event is not None:
            yield event


@final
class EventStream:
    """What a method answering with ``text/event-stream`` returns: its events as they arrive.

    Iterate it once. The connection closes when the events end, or when a ``with`` block
    around the stream ends, whichever comes first::

        with client.<group>.<method>(...) as events:
            for event in events:
                print(event.event, event.json())
    """

    def __init__(self, response: _http.Response) -> None:
        self.response = response

    def __iter__(self) -> Iterator[ServerSentEvent]:
        try:
            yield from iter_events(iter_lines(_http.iter_bytes(self.response, None)))
        finally:
            self.response.close()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> EventStream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@final
class AsyncEventStream:
    """The async counterpart of :class:`EventStream`: ``async for`` and ``async with``."""

    def __init__(self, response: _http.Response) -> None:
        self.response = response

    async def __aiter__(self) -> AsyncIterator[ServerSentEvent]:
        try:
            chunks = _http.async_iter_bytes(self.response, None)
            async for event in aiter_events(aiter_lines(chunks)):
                yield event
        finally:
            await _http.async_close(self.response)

    async def close(self) -> None:
        await _http.async_close(self.response)

    async def __aenter__(self) -> AsyncEventStream:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


class Stream(Generic[_T]):
    """A streamed response's items as they arrive: the data of each server-sent event,
    decoded as ``cast_to`` (a ``ServerSentEvent`` cast keeps the events as they are). It
    ends at the stream's end or at an event whose data is ``[DONE]``. Iterate it once; the
    connection closes when the items end or when a ``with`` block around it ends::

        with stream:
            for item in stream:
                print(item)
    """

    def __init__(self, *, cast_to: type[_T], response: _http.Response) -> None:
        self.response = response
        self._cast_to = cast_to
        self._iterator = self.__stream__()

    def __next__(self) -> _T:
        return next(self._iterator)

    def __iter__(self) -> Iterator[_T]:
        yield from self._iterator

    def __stream__(self) -> Iterator[_T]:
        try:
            for event in iter_events(iter_lines(_http.iter_bytes(self.response, None))):
                if event.data.startswith(_DONE):
                    break
                yield _decoded(event, self._cast_to)
        finally:
            self.response.close()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> Stream[_T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStream(Generic[_T]):
    """The async counterpart of :class:`Stream`: ``async for`` and ``async with``."""

    def __init__(self, *, cast_to: type[_T], response: _http.Response) -> None:
        self.response = response
        self._cast_to = cast_to
        self._iterator = self.__stream__()

    async def __anext__(self) -> _T:
        return await self._iterator.__anext__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for item in self._iterator:
            yield item

    async def __stream__(self) -> AsyncIterator[_T]:
        try:
            chunks = _http.async_iter_bytes(self.response, None)
            async for event in aiter_events(aiter_lines(chunks)):
                if event.data.startswith(_DONE):
                    break
                yield _decoded(event, self._cast_to)
        finally:
            await _http.async_close(self.response)

    async def close(self) -> None:
        await _http.async_close(self.response)

    async def __aenter__(self) -> AsyncStream[_T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


def _decoded(event: ServerSentEvent, cast_to: type[_T]) -> _T:
    if cast_to is ServerSentEvent:
        return event  # type: ignore[return-value]  # _T is ServerSentEvent here
    return _models.decode_json(event.data.encode(), cast_to)
