# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""HTTP mechanics of the generated clients, sync and async.

A call goes through four steps:

1. build a request from the endpoint's arguments (URL, headers, query string, body in its
   media type (``_encoding``), credentials for the operation's security, timeout,
   idempotency key);
2. send it, turning transport failures and error statuses into the exceptions from
   ``_exceptions``;
3. retry step 2 while the failure is transient and repeating is safe (``_retries`` has the
   policy), re-sending the very same request, so an idempotency key stays the same across
   the retries of one call;
4. validate the response body into the declared return type (``_response``: leniently, or
   raising with ``strict_response_validation``), or hand back the response itself for
   ``with_raw_response`` and ``with_streaming_response``.

Steps 1, 4 and the retry decisions are written once and shared by both clients, so the two
cannot drift apart; only the sending and the sleeping between attempts differ between sync
and async. The HTTP library is reached only through ``_http``, the SDK's transport.

Everything is logged to the ``logging`` logger named after the package: each attempt's
request line, status and duration at DEBUG, retries at INFO. Headers are never logged: they
carry credentials.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Generic, TypeVar, cast

from . import _http
from ._encoding import (
    JSON,
    StyledValue,
    deep_object,
    delimited,
    encode_request,
    exploded,
    given_or,
    keep_reserved,
    path_param,
)
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    status_error_for,
    transport_errors,
)
from ._http import DEFAULT_TIMEOUT
from ._oauth import ClientCredentials, bearer, token_request
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
    Attempts,
    RetryPolicy,
    log_request,
    log_response,
)
from ._streaming import AsyncEventStream, EventStream
from ._types import (
    NOT_GIVEN,
    Credential,
    NotGiven,
    Query,
    RequestOptions,
    Security,
    Servers,
    Timeout,
    basic_credential,
    first_satisfied,
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
    "given_or",
    "keep_reserved",
    "path_param",
]

_T = TypeVar("_T")
_HttpClientT = TypeVar("_HttpClientT", bound="_http.Client | _http.AsyncClient")
# Stand-ins for typing.Self (Python 3.11+): `with Client()` keeps the generated subclass's type.
_SyncClientT = TypeVar("_SyncClientT", bound="SyncAPIClient")
_AsyncClientT = TypeVar("_AsyncClientT", bound="AsyncAPIClient")

# Copied into each generated package: the package's name is known at import time only.
_log = logging.getLogger(__name__.rpartition(".")[0] or __name__)

_NO_OPTIONS = RequestOptions()


class _BaseClient(Generic[_HttpClientT]):
    """Configuration, request building and retry decisions common to both clients."""

    _client: _HttpClientT

    def __init__(
        self,
        *,
        base_url: str,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: _HttpClientT | None = None,
        default_headers: Mapping[str, str] | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        initial_retry_delay: float = DEFAULT_INITIAL_RETRY_DELAY,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        credentials: Mapping[str, Credential] | None = None,
        default_security: Security = (),
        strict_response_validation: bool = False,
        default_base_url: str = "",
    ) -> None:
        self._base_url = _http.parse_base_url(base_url)
        self._urls = Servers(base_url, default_base_url)  # the base URL's, operations' servers'
        self._timeout: Timeout = DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout
        # A client of the caller's own is theirs to close.
        self._client = self._new_http_client() if http_client is None else http_client
        self._owns_client = http_client is None
        self._default_headers: dict[str, str] = dict(default_headers or {})
        self._retry_policy = RetryPolicy(max_retries, initial_retry_delay, max_retry_delay)
        self._credentials: Mapping[str, Credential] = credentials or {}
        self._default_security = default_security
        self._strict_response_validation = strict_response_validation
        # Operations share a handful of requirement lists: work each out once.
        self._auth_cache: dict[Security, Credential] = {}
        # A subclass may still supply its own ``auth_headers``; asked once, not per call.
        self._overrides_auth_headers = type(self).auth_headers is not _BaseClient.auth_headers

    def _new_http_client(self) -> _HttpClientT:
        raise NotImplementedError  # each client makes its own kind

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
            credential = self._auth_cache[security] = first_satisfied(security, self._credentials)
        return credential

    @property
    def base_url(self) -> _http.URL:
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
        content_type: str = JSON,
        security: Security | None = None,
        cookies: Mapping[str, object] | None = None,
        server: str = "",
    ) -> _http.Request:
        credential = self._credential_for(self._default_security if security is None else security)
        auth_headers: Mapping[str, str] = credential.headers
        if security is None and self._overrides_auth_headers:
            auth_headers = self.auth_headers
        request_headers, content, files, query = encode_request(
            self._default_headers,
            auth_headers,
            credential,
            params=params,
            headers=headers,
            json_body=json_body,
            options=options,
            idempotency_header=idempotency_header,
            body=body,
            content_type=content_type,
            cookies=cookies,
        )
        return _http.build_request(
            self._client,
            method,
            self._url(path, server),
            params=query,
            headers=request_headers,
            content=content,
            files=files,
            timeout=self._timeout_for(options),
        )

    def _url(self, path: str, server: str = "") -> _http.URL | str:
        return self._urls.url(path if path.startswith("/") else "/" + path, server)

    def _timeout_for(self, options: RequestOptions) -> Timeout:
        return self._timeout if isinstance(options.timeout, NotGiven) else options.timeout


class SyncAPIClient(_BaseClient[_http.Client]):
    """Base class of the generated synchronous client."""

    _new_http_client = staticmethod(_http.new_client)

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
        content_type: str = JSON,
        security: Security | None = None,
        cookies: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
        idempotency_header: str | None = None,
        operation_max_retries: int | None = None,
        server: str = "",
    ) -> _T:
        """Send a request to ``path`` (relative to ``base_url``) and parse the reply.

        ``idempotency_header`` names the header of the operation's idempotency key
        (generated when the call brings none). ``operation_max_retries`` is the
        operation's retry limit (a ``max_retries`` in ``options`` overrides it).

        A JSON body comes as ``json_body``; any other as ``body`` with its
        ``content_type`` (form fields, multipart fields and files, raw bytes or
        text). ``security`` (``()``: none; default: the API's), ``cookies`` (sent in
        one ``Cookie`` header) and ``server`` (`Servers`) are the operation's own.
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
            server=server,
        )
        mode = response_mode()
        streamed = mode == "stream" or cast_to is EventStream
        response, retries_taken = self._send(
            request,
            stream=streamed,
            timeout=self._timeout_for(options),
            max_retries=self._retry_policy.max_retries_for(
                options.max_retries, operation_max_retries
            ),
            idempotency_header=idempotency_header,
            oauth=self._credential_for(
                self._default_security if security is None else security
            ).oauth,
        )
        if mode == "parse":
            record_response(response, retries_taken)
            if streamed:  # the events are read as the caller iterates
                return cast(_T, EventStream(response))
            return parse_response(response, cast_to, strict=self._strict_response_validation)
        raw = APIResponse(
            response, cast_to, retries_taken=retries_taken, strict=self._strict_response_validation
        )
        return cast(_T, raw)

    def _send(
        self,
        request: _http.Request,
        *,
        stream: bool,
        timeout: Timeout,
        max_retries: int,
        idempotency_header: str | None,
        oauth: ClientCredentials | None = None,
    ) -> tuple[_http.Response, int]:
        """Send ``request`` until it succeeds or may not be retried; also return the retry
        count. With ``oauth``, each attempt carries its current token, renewed once on 401."""
        attempts = Attempts(self._retry_policy, max_retries, idempotency_header, oauth)
        while True:
            try:
                attempts.token = self._authorize(request, oauth, timeout) if oauth else None
                response = self._send_once(request, stream=stream, timeout=timeout)
                return response, attempts.retries_taken
            except (APIConnectionError, APIStatusError) as error:
                delay = attempts.next_delay(error)
                if delay is None:
                    raise
            self._sleep(delay)

    def _send_once(
        self, request: _http.Request, *, stream: bool, timeout: Timeout
    ) -> _http.Response:
        """Perform one HTTP exchange and raise for any failure."""
        log_request(request)
        started = time.monotonic()
        with transport_errors(request):
            response = _http.send(self._client, request, stream=stream, timeout=timeout)
        log_response(response, started)
        if _http.is_error(response):
            with transport_errors(request):
                _http.read(response)  # a streamed error's body goes into the exception
            raise status_error_for(response)
        return response

    def _authorize(self, request: _http.Request, oauth: ClientCredentials, timeout: Timeout) -> str:
        with oauth.lock:  # one fetch at a time: other threads wait for its token
            token = oauth.current() or oauth.accept(
                self._send_once(token_request(self, oauth, timeout), stream=False, timeout=timeout)
            )
        return bearer(request, token)

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


class AsyncAPIClient(_BaseClient[_http.AsyncClient]):
    """Base class of the generated asynchronous client (over an HTTP library that has one)."""

    _new_http_client = staticmethod(_http.new_async_client)

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
        content_type: str = JSON,
        security: Security | None = None,
        cookies: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
        idempotency_header: str | None = None,
        operation_max_retries: int | None = None,
        server: str = "",
    ) -> _T:
        """Send a request to ``path`` and parse the reply, as :meth:`SyncAPIClient.request`."""
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
            server=server,
        )
        mode = response_mode()
        streamed = mode == "stream" or cast_to is AsyncEventStream
        response, retries_taken = await self._send(
            request,
            stream=streamed,
            timeout=self._timeout_for(options),
            max_retries=self._retry_policy.max_retries_for(
                options.max_retries, operation_max_retries
            ),
            idempotency_header=idempotency_header,
            oauth=self._credential_for(
                self._default_security if security is None else security
            ).oauth,
        )
        if mode == "parse":
            record_response(response, retries_taken)
            if streamed:  # the events are read as the caller iterates
                return cast(_T, AsyncEventStream(response))
            return parse_response(response, cast_to, strict=self._strict_response_validation)
        raw = AsyncAPIResponse(
            response, cast_to, retries_taken=retries_taken, strict=self._strict_response_validation
        )
        return cast(_T, raw)

    async def _send(
        self,
        request: _http.Request,
        *,
        stream: bool,
        timeout: Timeout,
        max_retries: int,
        idempotency_header: str | None,
        oauth: ClientCredentials | None = None,
    ) -> tuple[_http.Response, int]:
        """Send ``request`` until it succeeds or may not be retried; also return the retry
        count. With ``oauth``, each attempt carries its current token, renewed once on 401."""
        attempts = Attempts(self._retry_policy, max_retries, idempotency_header, oauth)
        while True:
            try:
                attempts.token = await self._authorize(request, oauth, timeout) if oauth else None
                response = await self._send_once(request, stream=stream, timeout=timeout)
                return response, attempts.retries_taken
            except (APIConnectionError, APIStatusError) as error:
                delay = attempts.next_delay(error)
                if delay is None:
                    raise
            await self._sleep(delay)

    async def _send_once(
        self, request: _http.Request, *, stream: bool, timeout: Timeout
    ) -> _http.Response:
        """Perform one HTTP exchange and raise for any failure."""
        log_request(request)
        started = time.monotonic()
        with transport_errors(request):
            response = await _http.async_send(self._client, request, stream=stream, timeout=timeout)
        log_response(response, started)
        if _http.is_error(response):
            with transport_errors(request):
                await _http.async_read(response)  # a streamed error's body goes into the exception
            raise status_error_for(response)
        return response

    async def _authorize(
        self, request: _http.Request, oauth: ClientCredentials, timeout: Timeout
    ) -> str:
        async with oauth.async_lock:  # one fetch at a time: other tasks wait for its token
            token = oauth.current() or oauth.accept(
                await self._send_once(
                    token_request(self, oauth, timeout), stream=False, timeout=timeout
                )
            )
        return bearer(request, token)

    async def _sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

    async def close(self) -> None:
        """Release connections, unless the HTTP client was supplied by the caller."""
        if self._owns_client:
            await _http.async_close_client(self._client)

    async def __aenter__(self: _AsyncClientT) -> _AsyncClientT:  # noqa: PYI019
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
