# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Responses: parsing bodies into declared types, and raw or streamed access to them.

By default a method returns its parsed result. A body that does not match its declared type
(servers drift from their API descriptions) is still returned: built from what validates,
keeping the server's values where they do not (`_validation`), with one WARNING on the
SDK's logger naming the type and each field that broke. A client made with
``strict_response_validation=True`` raises :class:`APIResponseValidationError` instead, its
message listing the same.

Two views of the client return more than the parsed result:

``client.with_raw_response.<group>.<method>(...)`` returns an :class:`APIResponse`: status,
headers and the HTTP library's response (``http_response``), with ``.parse()`` giving what
the method would have returned. The body has been read.

``client.with_streaming_response.<group>.<method>(...)`` is a context manager yielding an
:class:`APIResponse` whose body has *not* been read: ``iter_bytes()``, ``iter_lines()`` and,
for ``text/event-stream``, ``iter_events()`` read it as it arrives; leaving the block closes
the connection.

Both views wrap the ordinary methods (``to_raw_response_wrapper`` and friends) and switch
the client's mode for the duration of the call through a context variable, so the generated
methods stay single and thin. Context variables are per thread and per asyncio task, so
concurrent calls do not see each other's mode.

A paginated method returns a page built from the parsed response, so it is wrapped
differently (``to_raw_page_wrapper``): it runs as usual while the client records the first
response it receives, which becomes the raw response; its ``.parse()`` gives the page.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, Literal, ParamSpec, TypeVar, cast

from . import _http, _models
from ._exceptions import _USUAL_REQUEST_IDS, APIResponseValidationError, RequestIds, _decode_body
from ._models import DecodeError, decode_json
from ._streaming import (
    AsyncEventStream,
    EventStream,
    ServerSentEvent,
    aiter_events,
    aiter_lines,
    iter_events,
    iter_lines,
)
from ._validation import build_leniently, describe, type_name

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "async_to_raw_page_wrapper",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
    "parse_response",
    "record_response",
    "to_raw_page_wrapper",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
]

_T = TypeVar("_T")
_P = ParamSpec("_P")

# This module is copied into each generated package: its logger is the package's.
_log = logging.getLogger(__name__.rpartition(".")[0] or __name__)

ResponseMode = Literal["parse", "raw", "stream"]
_response_mode: contextvars.ContextVar[ResponseMode] = contextvars.ContextVar(
    "_response_mode", default="parse"
)


# While a raw page wrapper runs: the first response (and its retry count) the client parsed.
_first_response: contextvars.ContextVar[list[tuple[_http.Response, int]] | None] = (
    contextvars.ContextVar("_first_response", default=None)
)


def response_mode() -> ResponseMode:
    """What the client's ``request`` should return for the call being made."""
    return _response_mode.get()


def record_response(response: _http.Response, retries_taken: int) -> None:
    """Called by the client with each response it parses, for ``to_raw_page_wrapper``."""
    first = _first_response.get()
    if first is not None and not first:
        first.append((response, retries_taken))


# --- Parsing -------------------------------------------------------------------


def parse_response(response: _http.Response, cast_to: type[_T], *, strict: bool = False) -> _T:
    """Convert a successful response, already read, into ``cast_to``: leniently, or raising
    for a body that does not match when ``strict``."""
    # Types that bypass validation. `raw` is typed `object` so that the final
    # cast reads the same to every mypy version, whatever it narrows `_T` to.
    raw: object
    if cast_to is type(None):
        raw = None
    elif cast_to is str:
        # A string in a JSON body is still JSON: quoted, with escapes.
        if _is_json(response):
            return _validate(response, cast_to, strict)
        raw = response.text
    elif cast_to is bytes:
        raw = response.content
    elif cast_to is _http.Response:
        raw = response
    elif cast_to is EventStream:
        raw = EventStream(response)
    elif cast_to is AsyncEventStream:
        raw = AsyncEventStream(response)
    else:
        return _validate(response, cast_to, strict)
    return cast(_T, raw)


def _json_or_none(content: bytes) -> object:
    try:
        return json.loads(content)
    except ValueError:
        return None


def _is_json(response: _http.Response) -> bool:
    content_type: str = response.headers.get("content-type", "")
    media_type = content_type.partition(";")[0].strip()
    return media_type == "application/json" or media_type.endswith("+json")


def _validate(response: _http.Response, cast_to: type[_T], strict: bool) -> _T:
    if not response.content:
        raise APIResponseValidationError(
            "Expected a response body but the response was empty.",
            response=response,
            body=None,
        )
    try:
        return decode_json(response.content, cast_to)  # by the model type's library
    except DecodeError as exc:
        error = exc
    try:
        body = json.loads(response.content)
    except ValueError:  # no JSON: no data to keep
        raise APIResponseValidationError(response=response, body=_decode_body(response)) from error
    value, mismatches = build_leniently(body, cast_to, _models)
    where = str(response.request.url).partition("?")[0]  # a query may hold a credential
    report = (
        f"{response.request.method} {where} -> {response.status_code}: the body does not match "
    )
    report += describe(cast_to, mismatches) if mismatches else f"`{type_name(cast_to)}`: {error}"
    if strict:
        raise APIResponseValidationError(report, response=response, body=body) from error
    _log.warning(
        "%s\n(The data is returned as it came; strict_response_validation=True raises.)", report
    )
    return cast(_T, value)


# --- Raw and streamed responses ----------------------------------------------------


class _BaseAPIResponse(Generic[_T]):
    def __init__(
        self,
        http_response: _http.Response,
        cast_to: type[_T] | None,
        *,
        retries_taken: int,
        parsed: tuple[_T] | None = None,
        strict: bool = False,
        request_ids: RequestIds | None = None,
    ) -> None:
        self.http_response = http_response
        self.retries_taken = retries_taken
        """How many times the request was retried before this response."""
        self._cast_to = cast_to
        self._parsed = parsed  # a 1-tuple once parsed, as the result may be None
        self._strict = strict  # the client's strict_response_validation
        # Where the client's API puts request ids; a body only once it was read.
        self._request_ids = request_ids

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> _http.Headers:
        return self.http_response.headers

    @property
    def url(self) -> _http.URL:
        return self.http_response.url

    @property
    def http_request(self) -> _http.Request:
        """The request that was sent (method, URL, headers), as the HTTP library holds it."""
        return self.http_response.request

    @property
    def is_closed(self) -> bool:
        """Whether the connection is released: True once the body is read whole or closed
        (a raw response), False while a streamed body is still being read."""
        return _http.is_closed(self.http_response)

    @property
    def request_id(self) -> str | None:
        """The id the API gave the request, for its support: from the headers, or from the
        body (where the client's API puts it there) unless it is streamed."""
        found = self._request_ids or _USUAL_REQUEST_IDS
        return found.find(self.headers, lambda: _json_or_none(self.http_response.content))

    def _parse_read(self) -> _T:
        if self._parsed is None:
            assert self._cast_to is not None  # only pages come without, already parsed
            parsed = parse_response(self.http_response, self._cast_to, strict=self._strict)
            self._parsed = (parsed,)
        return self._parsed[0]

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<{type(self).__name__} {request.method} {request.url} -> {self.status_code}>"


class APIResponse(_BaseAPIResponse[_T]):
    """A successful response of a sync client, before or instead of parsing."""

    def parse(self) -> _T:
        """What the method returns: the body parsed into its declared type (read first if needed)."""
        _http.read(self.http_response)
        return self._parse_read()

    def read(self) -> bytes:
        return _http.read(self.http_response)

    def text(self) -> str:
        _http.read(self.http_response)
        return self.http_response.text

    def json(self) -> Any:
        return json.loads(self.read())

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body as it arrives (decompressed)."""
        return _http.iter_bytes(self.http_response, chunk_size)

    def iter_lines(self) -> Iterator[str]:
        """The body line by line, without line endings."""
        return iter_lines(self.iter_bytes())

    def iter_events(self) -> Iterator[ServerSentEvent]:
        """The events of a ``text/event-stream`` body, as the server sends them."""
        return iter_events(self.iter_lines())

    def close(self) -> None:
        self.http_response.close()


class AsyncAPIResponse(_BaseAPIResponse[_T]):
    """A successful response of an async client, before or instead of parsing."""

    async def parse(self) -> _T:
        """What the method returns: the body parsed into its declared type (read first if needed)."""
        await _http.async_read(self.http_response)
        return self._parse_read()

    async def read(self) -> bytes:
        return await _http.async_read(self.http_response)

    async def text(self) -> str:
        await _http.async_read(self.http_response)
        return self.http_response.text

    async def json(self) -> Any:
        return json.loads(await self.read())

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body as it arrives (decompressed)."""
        return _http.async_iter_bytes(self.http_response, chunk_size)

    def iter_lines(self) -> AsyncIterator[str]:
        """The body line by line, without line endings."""
        return aiter_lines(self.iter_bytes())

    def iter_events(self) -> AsyncIterator[ServerSentEvent]:
        """The events of a ``text/event-stream`` body, as the server sends them."""
        return aiter_events(self.iter_lines())

    async def close(self) -> None:
        await _http.async_close(self.http_response)


# --- Wrappers for with_raw_response / with_streaming_response ------------------------
# The methods they wrap are typed to return the parsed result; in these modes the client
# returns an APIResponse instead, hence the casts.


def to_raw_response_wrapper(func: Callable[_P, _T]) -> Callable[_P, APIResponse[_T]]:
    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_T]:
        token = _response_mode.set("raw")
        try:
            return cast("APIResponse[_T]", func(*args, **kwargs))
        finally:
            _response_mode.reset(token)

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[_P, Awaitable[_T]],
) -> Callable[_P, Awaitable[AsyncAPIResponse[_T]]]:
    @functools.wraps(func)
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> AsyncAPIResponse[_T]:
        token = _response_mode.set("raw")
        try:
            return cast("AsyncAPIResponse[_T]", await func(*args, **kwargs))
        finally:
            _response_mode.reset(token)

    return wrapped


def to_raw_page_wrapper(func: Callable[_P, _T]) -> Callable[_P, APIResponse[_T]]:
    """For paginated methods: the first page's response, whose ``.parse()`` is the page."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_T]:
        first: list[tuple[_http.Response, int]] = []
        token = _first_response.set(first)
        try:
            page = func(*args, **kwargs)
        finally:
            _first_response.reset(token)
        response, retries_taken = first[0]
        return APIResponse(response, None, retries_taken=retries_taken, parsed=(page,))

    return wrapped


def async_to_raw_page_wrapper(
    func: Callable[_P, Awaitable[_T]],
) -> Callable[_P, Awaitable[AsyncAPIResponse[_T]]]:
    @functools.wraps(func)
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> AsyncAPIResponse[_T]:
        first: list[tuple[_http.Response, int]] = []
        token = _first_response.set(first)
        try:
            page = await func(*args, **kwargs)
        finally:
            _first_response.reset(token)
        response, retries_taken = first[0]
        return AsyncAPIResponse(response, None, retries_taken=retries_taken, parsed=(page,))

    return wrapped


def to_streamed_response_wrapper(
    func: Callable[_P, _T],
) -> Callable[_P, contextlib.AbstractContextManager[APIResponse[_T]]]:
    @functools.wraps(func)
    @contextlib.contextmanager
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> Iterator[APIResponse[_T]]:
        token = _response_mode.set("stream")
        try:
            response = cast("APIResponse[_T]", func(*args, **kwargs))
        finally:
            _response_mode.reset(token)
        try:
            yield response
        finally:
            response.close()

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[_P, Awaitable[_T]],
) -> Callable[_P, contextlib.AbstractAsyncContextManager[AsyncAPIResponse[_T]]]:
    @functools.wraps(func)
    @contextlib.asynccontextmanager
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> AsyncIterator[AsyncAPIResponse[_T]]:
        token = _response_mode.set("stream")
        try:
            response = cast("AsyncAPIResponse[_T]", await func(*args, **kwargs))
        finally:
            _response_mode.reset(token)
        try:
            yield response
        finally:
            await response.close()

    return wrapped
