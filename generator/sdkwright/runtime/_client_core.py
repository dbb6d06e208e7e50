"""What the sync and async clients share: configuration, request building, the plan of a
call's sending and the reading of its reply (``_base_client`` describes a call's steps).

Written once here, so the two clients cannot drift apart; they differ only in sending and
sleeping between attempts (``_sync_client``, ``_async_client``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from . import _http
from ._encoding import JSON, encode_request
from ._exceptions import RequestIds
from ._http import DEFAULT_TIMEOUT
from ._oauth import ClientCredentials
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
    RetryPolicy,
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
    first_satisfied,
)

_T = TypeVar("_T")
_HttpClientT = TypeVar("_HttpClientT", bound="_http.Client | _http.AsyncClient")

NO_OPTIONS = RequestOptions()


@dataclass(frozen=True)
class Call:
    """One call's request and how to send it: what both clients' ``_send`` take."""

    request: _http.Request
    stream: bool
    timeout: Timeout
    max_retries: int
    idempotency_header: str | None
    oauth: ClientCredentials | None
    mode: str  # "parse", "raw" or "stream" (``_response.response_mode``)


class BaseClient(Generic[_HttpClientT]):
    """Configuration, request building and retry decisions common to both clients."""

    _client: _HttpClientT
    # What each client hands back for an event stream and for a raw response.
    _event_stream: type[EventStream | AsyncEventStream]
    _raw_response: Callable[..., APIResponse[Any] | AsyncAPIResponse[Any]]

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
        default_query: Mapping[str, object] | None = None,
        request_ids: RequestIds | None = None,
    ) -> None:
        self._base_url = _http.parse_base_url(base_url)
        self._urls = Servers(base_url, default_base_url)  # the base URL's, operations' servers'
        self._timeout: Timeout = DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout
        # A client of the caller's own is theirs to close.
        self._client = self._new_http_client() if http_client is None else http_client
        self._owns_client = http_client is None
        self._default_headers: dict[str, str] = dict(default_headers or {})
        self._default_query: dict[str, object] = dict(default_query or {})
        self._request_ids = request_ids or RequestIds()
        self._retry_policy = RetryPolicy(max_retries, initial_retry_delay, max_retry_delay)
        self._credentials: Mapping[str, Credential] = credentials or {}
        self._default_security = default_security
        self._strict_response_validation = strict_response_validation
        # Operations share a handful of requirement lists: work each out once.
        self._auth_cache: dict[Security, Credential] = {}
        # A subclass may still supply its own ``auth_headers``; asked once, not per call.
        self._overrides_auth_headers = type(self).auth_headers is not BaseClient.auth_headers

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
        if self._default_query:
            params = with_defaults(self._default_query, params)
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

    def _prepare(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[object],
        params: Query | None,
        headers: Mapping[str, object] | None,
        json_body: object,
        body: object,
        content_type: str,
        security: Security | None,
        cookies: Mapping[str, object] | None,
        options: RequestOptions | None,
        idempotency_header: str | None,
        operation_max_retries: int | None,
        server: str,
    ) -> Call:
        """The request of one call and how to send it: streamed when the caller reads the
        body as it comes (``with_streaming_response``, or an event stream)."""
        options = options or NO_OPTIONS
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
        return Call(
            request,
            stream=mode == "stream" or cast_to is self._event_stream,
            timeout=self._timeout_for(options),
            max_retries=self._retry_policy.max_retries_for(
                options.max_retries, operation_max_retries
            ),
            idempotency_header=idempotency_header,
            oauth=self._credential_for(
                self._default_security if security is None else security
            ).oauth,
            mode=mode,
        )

    def _result(
        self, call: Call, response: _http.Response, retries_taken: int, cast_to: type[_T]
    ) -> _T:
        """What a call returns: the parsed body, its event stream or the response itself."""
        if call.mode == "parse":
            record_response(response, retries_taken)
            if call.stream:  # the events are read as the caller iterates
                return cast(_T, self._event_stream(response))
            return parse_response(response, cast_to, strict=self._strict_response_validation)
        raw = self._raw_response(
            response,
            cast_to,
            retries_taken=retries_taken,
            strict=self._strict_response_validation,
            # A streamed body is the caller's to read: its request id only from the headers.
            request_ids=None if call.stream else self._request_ids,
        )
        return cast(_T, raw)


def with_defaults(defaults: Mapping[str, object], params: Query | None) -> Query:
    """The client's ``default_query`` below a call's query parameters: those the call sets
    (not ``None``, not ``NOT_GIVEN``) win."""
    given = {
        name: value
        for name, value in (params or {}).items()
        if value is not None and not isinstance(value, NotGiven)
    }
    return {**defaults, **given}
