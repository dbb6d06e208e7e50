# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""The generated synchronous client's base class: sending, retrying and closing
(``_base_client`` describes a call's steps, ``_client_core`` has what both clients share)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from types import TracebackType
from typing import TypeVar

from . import _http
from ._client_core import BaseClient, Call
from ._encoding import JSON
from ._exceptions import APIConnectionError, APIStatusError, status_error_for, transport_errors
from ._oauth import ClientCredentials, bearer, token_request
from ._response import APIResponse
from ._retries import Attempts, log_request, log_response
from ._streaming import EventStream
from ._types import NOT_GIVEN, Query, RequestOptions, Security, Timeout

_T = TypeVar("_T")
# A stand-in for typing.Self (Python 3.11+): `with Client()` keeps the generated subclass's type.
_SyncClientT = TypeVar("_SyncClientT", bound="SyncAPIClient")


class SyncAPIClient(BaseClient[_http.Client]):
    """Base class of the generated synchronous client."""

    _new_http_client = staticmethod(_http.new_client)
    _event_stream = EventStream
    _raw_response = APIResponse

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
        call = self._prepare(
            method,
            path,
            cast_to=cast_to,
            params=params,
            headers=headers,
            json_body=json_body,
            body=body,
            content_type=content_type,
            security=security,
            cookies=cookies,
            options=options,
            idempotency_header=idempotency_header,
            operation_max_retries=operation_max_retries,
            server=server,
        )
        response, retries_taken = self._send(call)
        return self._result(call, response, retries_taken, cast_to)

    def get(
        self,
        path: str,
        *,
        cast_to: type[_T],
        options: RequestOptions | None = None,
    ) -> _T:
        """GET ``path`` (relative to ``base_url``) for an endpoint the SDK has no method for,
        with the client's retries, credentials, headers and errors, and parse the body into
        ``cast_to``: a model class, ``dict[str, object]``, ``object`` (any JSON) or the HTTP
        library's response itself. ``options`` adds headers, a query, a timeout..."""
        return self.request("GET", path, cast_to=cast_to, options=options)

    def post(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object = NOT_GIVEN,
        options: RequestOptions | None = None,
    ) -> _T:
        """POST ``path``, its JSON ``body`` if any: as :meth:`get`."""
        return self.request("POST", path, cast_to=cast_to, json_body=body, options=options)

    def put(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object = NOT_GIVEN,
        options: RequestOptions | None = None,
    ) -> _T:
        """PUT ``path``, its JSON ``body`` if any: as :meth:`get`."""
        return self.request("PUT", path, cast_to=cast_to, json_body=body, options=options)

    def patch(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object = NOT_GIVEN,
        options: RequestOptions | None = None,
    ) -> _T:
        """PATCH ``path``, its JSON ``body`` if any: as :meth:`get`."""
        return self.request("PATCH", path, cast_to=cast_to, json_body=body, options=options)

    def delete(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object = NOT_GIVEN,
        options: RequestOptions | None = None,
    ) -> _T:
        """DELETE ``path``, its JSON ``body`` if any: as :meth:`get`."""
        return self.request("DELETE", path, cast_to=cast_to, json_body=body, options=options)

    def _send(self, call: Call) -> tuple[_http.Response, int]:
        """Send the call's request until it succeeds or may not be retried; also return the
        retry count. With OAuth, each attempt carries its current token, renewed once on 401."""
        oauth = call.oauth
        attempts = Attempts(self._retry_policy, call.max_retries, call.idempotency_header, oauth)
        while True:
            try:
                attempts.token = (
                    self._authorize(call.request, oauth, call.timeout) if oauth else None
                )
                response = self._send_once(call.request, stream=call.stream, timeout=call.timeout)
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
            raise status_error_for(response, self._request_ids)
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
