# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""HTTP mechanics shared by the generated sync and async clients.

A call goes through four steps:

1. build an ``httpx.Request`` from the endpoint's arguments (URL, headers,
   query string, body in its media type, credentials for the operation's
   security, timeout, idempotency key);
2. send it, turning transport failures and error statuses into the
   exceptions from ``_exceptions``;
3. retry step 2 while the failure is transient and repeating is safe
   (``_retries`` has the policy), re-sending the very same request, so an
   idempotency key stays the same across the retries of one call;
4. validate the response body into the declared return type (``_response``),
   or hand back the response itself for ``with_raw_response`` and
   ``with_streaming_response``.

Steps 1, 4 and the retry decisions are written once and shared by both
clients, so the two cannot drift apart; only the sending and the sleeping
between attempts differ between sync and async.

Everything is logged to the ``logging`` logger named after the package: each
attempt's request line, status and duration at DEBUG, retries at INFO. Headers
are never logged: they carry credentials.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import dataclasses
import datetime as dt
import enum
import json
import logging
import time
import uuid
from collections.abc import Iterator, Mapping
from types import TracebackType
from typing import Any, Generic, TypeVar, cast
from urllib.parse import quote, urlencode

import httpx
import pydantic
import pydantic_core

from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    status_error_for,
)
from ._models import dump_dataclass
from ._response import (
    APIResponse,
    AsyncAPIResponse,
    parse_response,
    record_response,
    response_mode,
)
from ._retries import (
    DEFAULT_INITIAL_RETRY_DELAY,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_DELAY,
    IDEMPOTENCY_HEADER,
    MAX_RETRY_AFTER,
    RetryPolicy,
    is_idempotent,
    is_retryable_status,
)
from ._streaming import AsyncEventStream, EventStream
from ._types import (
    NOT_GIVEN,
    Credential,
    NotGiven,
    Query,
    RequestOptions,
    Security,
    Timeout,
)

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AsyncAPIClient",
    "StyledValue",
    "SyncAPIClient",
    "basic_credential",
    "deep_object",
    "delimited",
    "exploded",
    "path_param",
]

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

_NO_OPTIONS = RequestOptions()
_NO_CREDENTIAL = Credential()
_JSON = "application/json"
_FORM = "application/x-www-form-urlencoded"
_MULTIPART = "multipart/form-data"


def path_param(
    value: object, style: str = "simple", *, explode: bool = False, name: str = ""
) -> str:
    """Format a value as a path parameter in its OpenAPI style.

    Everything is percent-encoded, "/" included, so a value such as ``"../x"``
    stays inside its segment instead of changing which endpoint is called.
    Arrays and objects: ``simple`` gives ``a,b`` and ``k,v`` (``k=v`` exploded),
    ``label`` the same after a "." (exploded, "." between items), ``matrix``
    ``;name=a,b`` (exploded, ``;name=a;name=b`` and ``;k=v``).
    """
    value = _to_jsonable(value)  # a model is an object of its fields
    if isinstance(value, Mapping):
        joiner = "=" if explode else ","
        parts = [f"{_segment(k)}{joiner}{_segment(v)}" for k, v in value.items()]
    elif isinstance(value, (list, tuple)):
        parts = [_segment(item) for item in value]
    else:
        parts = [_segment(value)]
    if style == "label":
        return "." + ("." if explode else ",").join(parts)
    if style == "matrix":
        key = quote(name, safe="")
        if not explode or not isinstance(value, (Mapping, list, tuple)):
            return f";{key}=" + ",".join(parts)
        prefix = ";" if isinstance(value, Mapping) else f";{key}="
        return "".join(prefix + part for part in parts)
    return ",".join(parts)


def _segment(value: object) -> str:
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
    """Configuration, request building and retry decisions common to both clients."""

    _client: _HttpClientT

    def __init__(
        self,
        *,
        base_url: str,
        timeout: Timeout | NotGiven,
        http_client: _HttpClientT,
        owns_client: bool,
        default_headers: Mapping[str, str] | None,
        max_retries: int,
        initial_retry_delay: float,
        max_retry_delay: float,
        credentials: Mapping[str, Credential] | None = None,
        default_security: Security = (),
    ) -> None:
        self._base_url = httpx.URL(base_url)
        # Request URLs are usually this text plus a path, parsed once by httpx.
        self._url_prefix = (
            None
            if self._base_url.query or self._base_url.fragment
            else str(self._base_url).rstrip("/")
        )
        self._timeout: Timeout = DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout
        self._client = http_client
        self._owns_client = owns_client
        self._default_headers: dict[str, str] = dict(default_headers or {})
        self._retry_policy = RetryPolicy(max_retries, initial_retry_delay, max_retry_delay)
        self._credentials: Mapping[str, Credential] = credentials or {}
        self._default_security = default_security
        # Operations share a handful of requirement lists: work each out once.
        self._auth_cache: dict[Security, Credential] = {}
        # A subclass may still supply its own ``auth_headers``; asked once, not per call.
        self._overrides_auth_headers = type(self).auth_headers is not _BaseClient.auth_headers

    @property
    def auth_headers(self) -> dict[str, str]:
        """Headers that authenticate requests under the API's default security."""
        return dict(self._credential_for(self._default_security).headers)

    def _credential_for(self, security: Security) -> Credential:
        """What the first satisfiable alternative of ``security`` adds to a request.

        An alternative is satisfiable when the client has credentials for each of its
        schemes. With none satisfiable the request goes without credentials, and the
        server's 401 says what is missing.
        """
        credential = self._auth_cache.get(security)
        if credential is None:
            credential = self._auth_cache[security] = _first_satisfied(security, self._credentials)
        return credential

    @property
    def base_url(self) -> httpx.URL:
        return self._base_url

    @property
    def timeout(self) -> Timeout:
        return self._timeout

    @property
    def max_retries(self) -> int:
        return self._retry_policy.max_retries

    def _build_request(
        self,
        method: str,
        path: str,
        *,
        params: Query | None,
        headers: Mapping[str, object] | None,
        json_body: object,
        options: RequestOptions,
        idempotency_header: str | None = None,
        body: object = NOT_GIVEN,
        content_type: str = _JSON,
        security: Security | None = None,
        cookies: Mapping[str, object] | None = None,
    ) -> httpx.Request:
        credential = self._credential_for(self._default_security if security is None else security)
        auth_headers: Mapping[str, str] = credential.headers
        if security is None and self._overrides_auth_headers:
            auth_headers = self.auth_headers
        if credential.cookies or cookies:
            auth_headers = {
                **auth_headers,
                "Cookie": _cookie_header(credential.cookies, cookies),
            }
        request_headers = _merge_headers(
            self._default_headers, auth_headers, headers, options.extra_headers
        )
        files: list[tuple[str, Any]] | None = None
        if isinstance(body, NotGiven):
            content = _encode_body(json_body, options.extra_body)
            if content is not None:
                request_headers["Content-Type"] = _JSON
        else:
            content, files = _encode_content(body, content_type, options.extra_body)
            # httpx writes the multipart type itself, with its boundary.
            if content is not None:
                request_headers["Content-Type"] = content_type
        if idempotency_header and not request_headers.get(idempotency_header):
            # One key per call: retries re-send this request, key included.
            request_headers[idempotency_header] = str(uuid.uuid4())
        timeout = self._timeout if isinstance(options.timeout, NotGiven) else options.timeout
        # build_request (rather than httpx.Request) also applies whatever an
        # injected client was configured with, such as its own headers.
        query = _encode_query(params, options.extra_query)
        if credential.query:
            query += tuple(credential.query.items())
        return self._client.build_request(
            method,
            self._url(path),
            # None rather than (): httpx would re-parse the URL to merge no parameters.
            params=query or None,
            headers=request_headers,
            content=content,
            files=files,
            timeout=timeout,
        )

    def _url(self, path: str) -> httpx.URL | str:
        if not path.startswith("/"):
            path = "/" + path
        if self._url_prefix is None or "?" in path or "#" in path:
            return _join_url(self._base_url, path)
        return self._url_prefix + path

    def _max_retries_for(self, options: RequestOptions, operation_max_retries: int | None) -> int:
        """The call's own limit, else the operation's (from the API description), else the client's."""
        if not isinstance(options.max_retries, NotGiven):
            if options.max_retries < 0:
                raise ValueError(f"max_retries must be >= 0, not {options.max_retries}")
            return options.max_retries
        if operation_max_retries is not None:
            return operation_max_retries
        return self._retry_policy.max_retries

    def _retry_delay(
        self,
        error: APIConnectionError | APIStatusError,
        *,
        retries_taken: int,
        max_retries: int,
        idempotency_header: str | None,
    ) -> float | None:
        """How long to wait before retrying after ``error``, or None to raise it."""
        request = error.request
        if isinstance(error, APIStatusError) and not is_retryable_status(error.status_code):
            return None
        failure = _describe(error)
        if retries_taken >= max_retries:
            if max_retries:
                _log.info(
                    "Giving up on %s %s after %d attempts: %s",
                    request.method,
                    request.url,
                    retries_taken + 1,
                    failure,
                )
            return None
        key_header = idempotency_header or IDEMPOTENCY_HEADER
        if not is_idempotent(request.method, request.headers, key_header):
            _log.info(
                "Not retrying %s %s (%s): without an %s header it could take effect twice",
                request.method,
                request.url,
                failure,
                key_header,
            )
            return None
        headers = error.response.headers if isinstance(error, APIStatusError) else None
        delay = self._retry_policy.delay(retries_taken, headers)
        if delay is None:
            _log.info(
                "Not retrying %s %s (%s): the server asks to wait more than %g s",
                request.method,
                request.url,
                failure,
                MAX_RETRY_AFTER,
            )
            return None
        _log.info(
            "Retrying %s %s in %.3f s (retry %d of %d) after %s",
            request.method,
            request.url,
            delay,
            retries_taken + 1,
            max_retries,
            failure,
        )
        return delay


class SyncAPIClient(_BaseClient[httpx.Client]):
    """Base class of the generated synchronous client."""

    def __init__(
        self,
        *,
        base_url: str,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        initial_retry_delay: float = DEFAULT_INITIAL_RETRY_DELAY,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        credentials: Mapping[str, Credential] | None = None,
        default_security: Security = (),
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
            max_retries=max_retries,
            initial_retry_delay=initial_retry_delay,
            max_retry_delay=max_retry_delay,
            credentials=credentials,
            default_security=default_security,
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
        body: object = NOT_GIVEN,
        content_type: str = _JSON,
        security: Security | None = None,
        cookies: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
        idempotency_header: str | None = None,
        operation_max_retries: int | None = None,
    ) -> _T:
        """Send a request to ``path`` (relative to ``base_url``) and parse the reply.

        ``idempotency_header`` names the header that carries the operation's
        idempotency key: one is generated when the call brings none.
        ``operation_max_retries`` is the operation's own retry limit, from the
        API description; a ``max_retries`` in ``options`` overrides it.

        A JSON body comes as ``json_body``; any other as ``body`` with its
        ``content_type`` (form fields, multipart fields and files, raw bytes or
        text). ``security`` lists the operation's own security requirements
        (``()``: none); without it the API's default applies. ``cookies`` are
        the operation's cookie parameters, sent in one ``Cookie`` header.
        """
        options = options or _NO_OPTIONS
        request = self._build_request(
            method,
            path,
            params=params,
            headers=headers,
            json_body=json_body,
            options=options,
            idempotency_header=idempotency_header,
            body=body,
            content_type=content_type,
            security=security,
            cookies=cookies,
        )
        mode = response_mode()
        streamed = mode == "stream" or cast_to is EventStream
        response, retries_taken = self._send(
            request,
            stream=streamed,
            max_retries=self._max_retries_for(options, operation_max_retries),
            idempotency_header=idempotency_header,
        )
        if mode == "parse":
            record_response(response, retries_taken)
            if streamed:  # the events are read as the caller iterates
                return cast(_T, EventStream(response))
            return parse_response(response, cast_to)
        return cast(_T, APIResponse(response, cast_to, retries_taken=retries_taken))

    def _send(
        self,
        request: httpx.Request,
        *,
        stream: bool,
        max_retries: int,
        idempotency_header: str | None,
    ) -> tuple[httpx.Response, int]:
        """Send ``request`` until it succeeds or may not be retried; also return the retry count."""
        retries_taken = 0
        while True:
            try:
                return self._send_once(request, stream=stream), retries_taken
            except (APIConnectionError, APIStatusError) as error:
                delay = self._retry_delay(
                    error,
                    retries_taken=retries_taken,
                    max_retries=max_retries,
                    idempotency_header=idempotency_header,
                )
                if delay is None:
                    raise
            self._sleep(delay)
            retries_taken += 1

    def _send_once(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        """Perform one HTTP exchange and raise for any failure."""
        _log_request(request)
        started = time.monotonic()
        with _transport_errors(request):
            response = self._client.send(request, stream=stream)
        _log_response(response, started)
        if response.is_error:
            with _transport_errors(request):
                response.read()  # a streamed error's body goes into the exception
            raise status_error_for(response)
        return response

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

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
        max_retries: int = DEFAULT_MAX_RETRIES,
        initial_retry_delay: float = DEFAULT_INITIAL_RETRY_DELAY,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        credentials: Mapping[str, Credential] | None = None,
        default_security: Security = (),
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
            max_retries=max_retries,
            initial_retry_delay=initial_retry_delay,
            max_retry_delay=max_retry_delay,
            credentials=credentials,
            default_security=default_security,
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
        body: object = NOT_GIVEN,
        content_type: str = _JSON,
        security: Security | None = None,
        cookies: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
        idempotency_header: str | None = None,
        operation_max_retries: int | None = None,
    ) -> _T:
        """Send a request to ``path`` (relative to ``base_url``) and parse the reply.

        ``idempotency_header`` names the header that carries the operation's
        idempotency key: one is generated when the call brings none.
        ``operation_max_retries`` is the operation's own retry limit, from the
        API description; a ``max_retries`` in ``options`` overrides it.

        A JSON body comes as ``json_body``; any other as ``body`` with its
        ``content_type`` (form fields, multipart fields and files, raw bytes or
        text). ``security`` lists the operation's own security requirements
        (``()``: none); without it the API's default applies. ``cookies`` are
        the operation's cookie parameters, sent in one ``Cookie`` header.
        """
        options = options or _NO_OPTIONS
        request = self._build_request(
            method,
            path,
            params=params,
            headers=headers,
            json_body=json_body,
            options=options,
            idempotency_header=idempotency_header,
            body=body,
            content_type=content_type,
            security=security,
            cookies=cookies,
        )
        mode = response_mode()
        streamed = mode == "stream" or cast_to is AsyncEventStream
        response, retries_taken = await self._send(
            request,
            stream=streamed,
            max_retries=self._max_retries_for(options, operation_max_retries),
            idempotency_header=idempotency_header,
        )
        if mode == "parse":
            record_response(response, retries_taken)
            if streamed:  # the events are read as the caller iterates
                return cast(_T, AsyncEventStream(response))
            return parse_response(response, cast_to)
        return cast(_T, AsyncAPIResponse(response, cast_to, retries_taken=retries_taken))

    async def _send(
        self,
        request: httpx.Request,
        *,
        stream: bool,
        max_retries: int,
        idempotency_header: str | None,
    ) -> tuple[httpx.Response, int]:
        """Send ``request`` until it succeeds or may not be retried; also return the retry count."""
        retries_taken = 0
        while True:
            try:
                return await self._send_once(request, stream=stream), retries_taken
            except (APIConnectionError, APIStatusError) as error:
                delay = self._retry_delay(
                    error,
                    retries_taken=retries_taken,
                    max_retries=max_retries,
                    idempotency_header=idempotency_header,
                )
                if delay is None:
                    raise
            await self._sleep(delay)
            retries_taken += 1

    async def _send_once(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        """Perform one HTTP exchange and raise for any failure."""
        _log_request(request)
        started = time.monotonic()
        with _transport_errors(request):
            response = await self._client.send(request, stream=stream)
        _log_response(response, started)
        if response.is_error:
            with _transport_errors(request):
                await response.aread()  # a streamed error's body goes into the exception
            raise status_error_for(response)
        return response

    async def _sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

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


@contextlib.contextmanager
def _transport_errors(request: httpx.Request) -> Iterator[None]:
    """Turn httpx's exceptions into the SDK's, keeping httpx's as ``__cause__``."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise APITimeoutError(request=request) from exc
    except httpx.RequestError as exc:
        # Transport failures, and bodies that cannot be decoded (cut short in transit).
        raise APIConnectionError(request=request) from exc


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
    return base_url.copy_with(path=base_url.path.rstrip("/") + path)


def _merge_headers(
    default_headers: Mapping[str, str],
    auth_headers: Mapping[str, str],
    call_headers: Mapping[str, object] | None,
    extra_headers: Mapping[str, str] | None,
) -> httpx.Headers:
    """Merge header layers; later layers win, names compare case-insensitively."""
    # A dict keyed by lower-case name, turned into headers once: each update of
    # httpx.Headers would build a whole new headers object.
    merged = {
        "accept": ("Accept", "application/json"),
        "user-agent": ("User-Agent", _USER_AGENT),
    }
    call_layer = {
        name: _to_str(value)
        for name, value in (call_headers or {}).items()
        if value is not None and not isinstance(value, NotGiven)
    }
    for layer in (default_headers, auth_headers, call_layer, extra_headers or {}):
        for name, value in layer.items():
            merged[name.lower()] = (name, value)
    return httpx.Headers(list(merged.values()))


def _encode_query(params: Query | None, extra_query: Query | None) -> tuple[tuple[str, str], ...]:
    """Flatten query parameters into (name, value) pairs.

    Unset (``None``/``NOT_GIVEN``) parameters are left out, sequences become
    repeated keys (``?tag=a&tag=b``): the OpenAPI default, "form" style with
    ``explode: true``. Objects need their style said: ``exploded`` (their own
    keys, ``?role=admin&first=Alex``) or ``deep_object``; ``delimited`` shapes
    the delimited styles. ``extra_query`` replaces parameters of the same
    name, and can remove one by mapping it to ``None``.
    """
    if not params and not extra_query:
        return ()
    return tuple(_form_pairs({**(params or {}), **(extra_query or {})}))


def _form_pairs(fields: Mapping[str, object]) -> Iterator[tuple[str, str]]:
    """(name, text) pairs of query parameters or form fields, as ``_encode_query`` says."""
    for name, value in fields.items():
        if value is None or isinstance(value, NotGiven):
            continue
        if isinstance(value, StyledValue):
            yield from _styled_pairs(name, value)
        elif isinstance(value, Mapping):
            raise TypeError(f"{name!r}: objects need a style, exploded() or deep_object()")
        elif isinstance(value, (list, tuple)):
            yield from ((name, _to_str(item)) for item in value if item is not None)
        else:
            yield name, _to_str(value)


class StyledValue:
    """An object (or array) parameter or form field, with the style to send it in."""

    __slots__ = ("deep", "value")

    def __init__(self, value: object, *, deep: bool) -> None:
        self.value = value
        self.deep = deep


def _styled_pairs(name: str, styled: StyledValue) -> Iterator[tuple[str, str]]:
    if styled.deep:
        yield from _bracketed(name, styled.value)
        return
    value = _to_jsonable(styled.value)
    if not isinstance(value, Mapping):
        yield from _form_pairs({name: value})
        return
    for key, item in value.items():
        yield from _bracketed(_to_str(key), item)


def exploded(value: _T) -> _T | StyledValue:
    """An object whose properties are sent as parameters (or fields) of their own.

    The OpenAPI ``form`` style with ``explode: true``: ``{"role": "admin"}`` sends
    ``role=admin``. Unset values stay unset.
    """
    if value is None or isinstance(value, NotGiven):
        return value
    return StyledValue(value, deep=False)


def deep_object(value: _T) -> _T | StyledValue:
    """A parameter or form field in the ``deepObject`` style (unset values stay unset).

    Objects nest as ``name[key]`` and arrays as ``name[0]``, ``name[1]``: what
    Rails, PHP and Stripe-style APIs read, also below the first level, where
    OpenAPI itself says nothing.
    """
    if value is None or isinstance(value, NotGiven):
        return value
    return StyledValue(value, deep=True)


def _bracketed(prefix: str, value: object) -> Iterator[tuple[str, str]]:
    if isinstance(value, pydantic.BaseModel):
        value = _to_jsonable(value)
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _bracketed(f"{prefix}[{_to_str(key)}]", item)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _bracketed(f"{prefix}[{index}]", item)
    elif value is not None and not isinstance(value, NotGiven):
        yield prefix, _to_str(value)


def delimited(value: _T, separator: str = ",", *, key_separator: str = ",") -> _T | str:
    """An array or object as one delimited value (unset values stay unset).

    ``separator`` joins array items: "," for the ``form`` style without
    explode and the ``simple`` style, " " for ``spaceDelimited``, "|" for
    ``pipeDelimited``. Objects give ``key,value`` pairs, or ``key=value`` with
    ``key_separator="="`` (``simple`` style with explode).
    """
    if value is None or isinstance(value, NotGiven):
        return value
    if isinstance(value, Mapping):
        return separator.join(f"{_to_str(k)}{key_separator}{_to_str(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return separator.join(_to_str(item) for item in value)
    return _to_str(value)


def basic_credential(username: str, password: str) -> Credential:
    """HTTP basic authentication with ``username`` and ``password``."""
    token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return Credential(headers={"Authorization": f"Basic {token}"})


def _first_satisfied(security: Security, credentials: Mapping[str, Credential]) -> Credential:
    for alternative in security:
        if all(scheme in credentials for scheme in alternative):
            if len(alternative) == 1:
                return credentials[alternative[0]]
            parts = [credentials[scheme] for scheme in alternative]
            return Credential(
                headers={k: v for part in parts for k, v in part.headers.items()},
                query={k: v for part in parts for k, v in part.query.items()},
                cookies={k: v for part in parts for k, v in part.cookies.items()},
            )
    return _NO_CREDENTIAL


def _cookie_header(credentials: Mapping[str, str], parameters: Mapping[str, object] | None) -> str:
    """One ``Cookie`` header: credentials first, then the operation's cookie parameters."""
    pairs = [f"{name}={value}" for name, value in credentials.items()]
    for name, value in (parameters or {}).items():
        if value is not None and not isinstance(value, NotGiven):
            pairs.append(f"{name}={_to_str(value)}")
    return "; ".join(pairs)


def _encode_content(
    body: object, content_type: str, extra_body: Mapping[str, object] | None
) -> tuple[Any, list[tuple[str, Any]] | None]:
    """A non-JSON body as httpx takes it: (content, multipart parts).

    Form fields are urlencoded by ``_form_pairs``; multipart fields become
    parts (files as they come, arrays one part per item, objects as JSON);
    anything else is sent as it is: bytes, a file, chunks, or text as UTF-8.
    """
    media_type = content_type.partition(";")[0].strip().lower()
    if media_type in (_FORM, _MULTIPART):
        fields = {
            **cast("Mapping[str, object]", _to_fields(body)),
            **(extra_body or {}),
        }
        if media_type == _FORM:
            pairs = list(_form_pairs(fields))
            return (urlencode(pairs).encode("ascii") if pairs else None), None
        return None, _multipart(fields)
    if extra_body:
        raise TypeError("extra_body can only be merged into an object body")
    if isinstance(body, str):
        return body.encode("utf-8"), None
    if hasattr(body, "read"):
        return cast("Any", body).read(), None
    return body, None


def _to_fields(body: object) -> object:
    if isinstance(body, pydantic.BaseModel):
        return body.model_dump(by_alias=True, exclude_unset=True)
    return body


def _multipart(fields: Mapping[str, object]) -> list[tuple[str, Any]]:
    # Every part goes to httpx as a "file", plain fields without a file name, so the
    # parts keep their order and the body is multipart even without any file.
    parts: list[tuple[str, Any]] = []
    for name, value in fields.items():
        if value is None or isinstance(value, NotGiven):
            continue
        for item in value if isinstance(value, list) else [value]:
            if _is_file(item):
                parts.append((name, item))
            elif isinstance(item, (Mapping, pydantic.BaseModel)):
                # OpenAPI's default for an object part: JSON.
                text = json.dumps(_to_jsonable(item), ensure_ascii=False)
                parts.append((name, (None, text.encode("utf-8"), _JSON)))
            else:
                parts.append((name, (None, _to_str(item).encode("utf-8"))))
    return parts


def _is_file(value: object) -> bool:
    return isinstance(value, (bytes, tuple)) or hasattr(value, "read")


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

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dump_dataclass(value)
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


# --- Logging ---------------------------------------------------------------


def _describe(error: APIConnectionError | APIStatusError) -> str:
    if isinstance(error, APIStatusError):
        return f"{error.status_code} {error.response.reason_phrase}".rstrip()
    cause = error.__cause__
    return type(cause).__name__ if cause is not None else type(error).__name__


def _log_request(request: httpx.Request) -> None:
    # Headers are never logged: they carry credentials.
    _log.debug("Request: %s %s", request.method, request.url)


def _log_response(response: httpx.Response, started: float) -> None:
    request = response.request
    _log.debug(
        "Response: %s %s -> %d %s (%.0f ms)",
        request.method,
        request.url,
        response.status_code,
        response.reason_phrase,
        (time.monotonic() - started) * 1000,
    )
