# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""HTTP mechanics shared by the generated sync and async clients.

A call goes through three steps:

1. build an ``httpx.Request`` from the endpoint's arguments (URL, headers,
   query string, JSON body, timeout);
2. send it, turning transport failures and error statuses into the
   exceptions from ``_exceptions``;
3. validate the response body into the declared return type.

Steps 1 and 3 are written once and shared by both clients, so the two cannot
drift apart; only step 2 differs between sync and async. Step 2 is the single
``_send`` method, the place where a retry loop will wrap each attempt.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import logging
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Generic, TypeVar, cast
from urllib.parse import quote

import httpx
import pydantic
import pydantic_core

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    _decode_body,
    status_error_for,
)
from ._types import NOT_GIVEN, NotGiven, Query, RequestOptions, Timeout

__all__ = ["DEFAULT_TIMEOUT", "AsyncAPIClient", "SyncAPIClient", "path_param"]

_T = TypeVar("_T")
_HttpClientT = TypeVar("_HttpClientT", httpx.Client, httpx.AsyncClient)
# Stand-ins for typing.Self, which needs Python 3.11, so that `with Client()`
# keeps the generated subclass's type.
_SyncClientT = TypeVar("_SyncClientT", bound="SyncAPIClient")
_AsyncClientT = TypeVar("_AsyncClientT", bound="AsyncAPIClient")

# Generous overall, but fail fast when the host is unreachable.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)

# This module is copied into each generated package, so the package name is
# only known at import time.
_PACKAGE = __name__.rpartition(".")[0] or __name__
_USER_AGENT = f"{_PACKAGE}/python"

_log = logging.getLogger(_PACKAGE)


def path_param(value: object) -> str:
    """Format a value for use as one path segment.

    Everything is percent-encoded, "/" included, so a value such as ``"../x"``
    stays inside its segment instead of changing which endpoint is called.
    """
    text = _to_str(value)
    if not text:
        # "/users/{id}" with an empty id would silently hit "/users/".
        raise ValueError("path parameters must not be empty")
    if text in (".", ".."):
        # quote() leaves dots alone, and URL normalisation would remove a
        # bare "." or ".." segment.
        return "%2E" * len(text)
    return quote(text, safe="")


class _BaseClient(Generic[_HttpClientT]):
    """Configuration and request building common to both clients."""

    _client: _HttpClientT

    def __init__(
        self,
        *,
        base_url: str,
        timeout: Timeout | NotGiven,
        http_client: _HttpClientT,
        owns_client: bool,
        default_headers: Mapping[str, str] | None,
    ) -> None:
        self._base_url = httpx.URL(base_url)
        self._timeout: Timeout = DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout
        self._client = http_client
        self._owns_client = owns_client
        self._default_headers: dict[str, str] = dict(default_headers or {})

    @property
    def auth_headers(self) -> dict[str, str]:
        """Headers that authenticate each request; generated clients override this."""
        return {}

    @property
    def base_url(self) -> httpx.URL:
        return self._base_url

    def _build_request(
        self,
        method: str,
        path: str,
        *,
        params: Query | None,
        headers: Mapping[str, object] | None,
        json_body: object,
        options: RequestOptions | None,
    ) -> httpx.Request:
        options = options or RequestOptions()
        body = _encode_body(json_body, options.extra_body)
        request_headers = _merge_headers(
            self._default_headers, self.auth_headers, headers, options.extra_headers
        )
        if body is not None:
            request_headers["Content-Type"] = "application/json"
        timeout = self._timeout if isinstance(options.timeout, NotGiven) else options.timeout
        # build_request (rather than httpx.Request) also applies whatever an
        # injected client was configured with, such as its own headers.
        return self._client.build_request(
            method,
            _join_url(self._base_url, path),
            params=_encode_query(params, options.extra_query),
            headers=request_headers,
            content=body,
            timeout=timeout,
        )


class SyncAPIClient(_BaseClient[httpx.Client]):
    """Base class of the generated synchronous client."""

    def __init__(
        self,
        *,
        base_url: str,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        owns_client = http_client is None
        if http_client is None:
            http_client = httpx.Client(follow_redirects=True)
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            owns_client=owns_client,
            default_headers=default_headers,
        )

    def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        params: Query | None = None,
        headers: Mapping[str, object] | None = None,
        json_body: object = NOT_GIVEN,
        options: RequestOptions | None = None,
    ) -> _T:
        """Send a request to ``path`` (relative to ``base_url``) and parse the reply."""
        request = self._build_request(
            method,
            path,
            params=params,
            headers=headers,
            json_body=json_body,
            options=options,
        )
        return _parse_response(self._send(request), cast_to)

    def _send(self, request: httpx.Request) -> httpx.Response:
        """Perform one HTTP exchange and raise for any failure."""
        _log_request(request)
        try:
            response = self._client.send(request)
        except httpx.TimeoutException as exc:
            raise APITimeoutError(request=request) from exc
        except httpx.TransportError as exc:
            raise APIConnectionError(request=request) from exc
        _log_response(response)
        if response.is_error:
            raise status_error_for(response)
        return response

    def close(self) -> None:
        """Release connections, unless the HTTP client was supplied by the caller."""
        if self._owns_client:
            self._client.close()

    def __enter__(self: _SyncClientT) -> _SyncClientT:  # noqa: PYI019
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(_BaseClient[httpx.AsyncClient]):
    """Base class of the generated asynchronous client."""

    def __init__(
        self,
        *,
        base_url: str,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        owns_client = http_client is None
        if http_client is None:
            http_client = httpx.AsyncClient(follow_redirects=True)
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            owns_client=owns_client,
            default_headers=default_headers,
        )

    async def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        params: Query | None = None,
        headers: Mapping[str, object] | None = None,
        json_body: object = NOT_GIVEN,
        options: RequestOptions | None = None,
    ) -> _T:
        """Send a request to ``path`` (relative to ``base_url``) and parse the reply."""
        request = self._build_request(
            method,
            path,
            params=params,
            headers=headers,
            json_body=json_body,
            options=options,
        )
        return _parse_response(await self._send(request), cast_to)

    async def _send(self, request: httpx.Request) -> httpx.Response:
        """Perform one HTTP exchange and raise for any failure."""
        _log_request(request)
        try:
            response = await self._client.send(request)
        except httpx.TimeoutException as exc:
            raise APITimeoutError(request=request) from exc
        except httpx.TransportError as exc:
            raise APIConnectionError(request=request) from exc
        _log_response(response)
        if response.is_error:
            raise status_error_for(response)
        return response

    async def close(self) -> None:
        """Release connections, unless the HTTP client was supplied by the caller."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self: _AsyncClientT) -> _AsyncClientT:  # noqa: PYI019
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


# --- Request building ------------------------------------------------------


def _to_str(value: object) -> str:
    """Render a scalar the way APIs expect it in paths, queries and headers."""
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        # str(True) is "True", which most servers reject.
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.time)):  # dt.datetime is a dt.date
        # The same text pydantic writes in bodies (UTC as "Z"), so both agree.
        return cast(str, pydantic_core.to_jsonable_python(value))
    return str(value)


def _join_url(base_url: httpx.URL, path: str) -> httpx.URL:
    # Not base_url.join(): RFC 3986 resolution of an absolute path such as
    # "/v1/a" would drop the base URL's own prefix ("/api").
    if not path.startswith("/"):
        path = "/" + path
    return base_url.copy_with(path=base_url.path.rstrip("/") + path)


def _merge_headers(
    default_headers: Mapping[str, str],
    auth_headers: Mapping[str, str],
    call_headers: Mapping[str, object] | None,
    extra_headers: Mapping[str, str] | None,
) -> httpx.Headers:
    """Merge header layers; later layers win, names compare case-insensitively."""
    merged = httpx.Headers({"Accept": "application/json", "User-Agent": _USER_AGENT})
    merged.update(default_headers)
    merged.update(auth_headers)
    if call_headers:
        merged.update(
            {
                name: _to_str(value)
                for name, value in call_headers.items()
                if value is not None and not isinstance(value, NotGiven)
            }
        )
    if extra_headers:
        merged.update(extra_headers)
    return merged


def _encode_query(params: Query | None, extra_query: Query | None) -> tuple[tuple[str, str], ...]:
    """Flatten query parameters into (name, value) pairs.

    Unset (``None``/``NOT_GIVEN``) parameters are left out, and sequences
    become repeated keys (``?tag=a&tag=b``), the OpenAPI default ("form" style,
    ``explode: true``). ``extra_query`` replaces parameters of the same name,
    and can remove one by mapping it to ``None``.
    """
    merged = {**(params or {}), **(extra_query or {})}
    pairs: list[tuple[str, str]] = []
    for name, value in merged.items():
        if value is None or isinstance(value, NotGiven):
            continue
        if isinstance(value, Mapping):
            raise TypeError(f"query parameter {name!r}: objects are not supported")
        values = value if isinstance(value, (list, tuple)) else (value,)
        pairs.extend((name, _to_str(item)) for item in values if item is not None)
    return tuple(pairs)


def _encode_body(json_body: object, extra_body: Mapping[str, object] | None) -> bytes | None:
    """Serialize the request body to JSON bytes, or ``None`` for no body."""
    if isinstance(json_body, NotGiven):
        if not extra_body:
            return None
        json_body = {}
    data = _to_jsonable(json_body)
    if extra_body:
        if not isinstance(data, dict):
            raise TypeError("extra_body can only be merged into a JSON object body")
        data.update(cast("dict[str, object]", _to_jsonable(extra_body)))
    # allow_nan=False: NaN and Infinity are not valid JSON, fail before sending.
    return json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _to_jsonable(value: object) -> object:
    """Convert a body into plain JSON data (dicts, lists, str, numbers, ...)."""
    if isinstance(value, pydantic.BaseModel):
        # exclude_unset: fields the caller never set are left out rather than
        # sent as defaults or nulls, which the server could read as a change.
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {
            _to_str(key): _to_jsonable(item)
            for key, item in value.items()
            if not isinstance(item, NotGiven)
        }
    if isinstance(value, (list, tuple)):
        return [_to_jsonable(item) for item in value]
    if isinstance(value, enum.Enum):
        return _to_jsonable(value.value)
    if value is None or isinstance(value, (str, int, float)):
        return value
    # Anything else (dates, UUID, Decimal, set, ...) is serialized the way pydantic
    # serializes it inside models, so both paths agree.
    return pydantic_core.to_jsonable_python(value)


# --- Response handling -----------------------------------------------------

# TypeAdapter construction is costly; the set of return types in an SDK is
# small and fixed, so an unbounded cache is fine.
_adapters: dict[object, pydantic.TypeAdapter[Any]] = {}


def _adapter_for(tp: type[_T]) -> pydantic.TypeAdapter[_T]:
    adapter = _adapters.get(tp)
    if adapter is None:
        adapter = _adapters[tp] = pydantic.TypeAdapter(tp)
    return adapter


def _parse_response(response: httpx.Response, cast_to: type[_T]) -> _T:
    """Convert a successful response into ``cast_to``."""
    # Types that bypass validation. `raw` is typed `object` so that the final
    # cast reads the same to every mypy version, whatever it narrows `_T` to.
    raw: object
    if cast_to is type(None):
        raw = None
    elif cast_to is str:
        raw = response.text
    elif cast_to is bytes:
        raw = response.content
    elif cast_to is httpx.Response:
        raw = response
    else:
        return _validate(response, cast_to)
    return cast(_T, raw)


def _validate(response: httpx.Response, cast_to: type[_T]) -> _T:
    if not response.content:
        raise APIResponseValidationError(
            "Expected a response body but the response was empty.",
            response=response,
            body=None,
        )
    try:
        return _adapter_for(cast_to).validate_json(response.content)
    except pydantic.ValidationError as exc:
        raise APIResponseValidationError(response=response, body=_decode_body(response)) from exc


def _log_request(request: httpx.Request) -> None:
    # Headers are never logged: they carry credentials.
    _log.debug("Request: %s %s", request.method, request.url)


def _log_response(response: httpx.Response) -> None:
    request = response.request
    _log.debug(
        "Response: %s %s -> %d %s",
        request.method,
        request.url,
        response.status_code,
        response.reason_phrase,
    )
