# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""The generated asynchronous client's base class (over an HTTP library that has one):
sending, retrying and closing, as ``_sync_client`` does with ``await``."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from types import TracebackType
from typing import TypeVar

from . import _http
from ._client_core import BaseClient, Call
from ._encoding import JSON
from ._exceptions import APIConnectionError, APIStatusError, status_error_for, transport_errors
from ._oauth import ClientCredentials, bearer, token_request
from ._response import AsyncAPIResponse
from ._retries import Attempts, log_request, log_response
from ._streaming import AsyncEventStream
from ._types import NOT_GIVEN, Query, RequestOptions, Security, Timeout

_T = TypeVar("_T")
# A stand-in for typing.Self (Python 3.11+): `async with Client()` keeps the subclass's type.
_AsyncClientT = TypeVar("_AsyncClientT", bound="AsyncAPIClient")


class AsyncAPIClient(BaseClient[_http.AsyncClient]):
    """Base class of the generated asynchronous client (over an HTTP library that has one)."""

    _new_http_client = staticmethod(_http.new_async_client)
    _event_stream = AsyncEventStream
    _raw_response = AsyncAPIResponse

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
        response, retries_taken = await self._send(call)
        return self._result(call, response, retries_taken, cast_to)

    async def get(
        self,
        path: str,
        *,
        cast_to: type[_T],
        options: RequestOptions | None = None,
    ) -> _T:
        """GET ``path`` and parse the reply, as :meth:`SyncAPIClient.get`."""
        return await self.request("GET", path, cast_to=cast_to, options=options)

    async def post(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object = NOT_GIVEN,
        options: RequestOptions | None = None,
    ) -> _T:
        """POST ``path``, its JSON ``body`` if any: as :meth:`get`."""
        return await self.request("POST", path, cast_to=cast_to, json_body=body, options=options)

    async def put(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object = NOT_GIVEN,
        options: RequestOptions | None = None,
    ) -> _T:
        """PUT ``path``, its JSON ``body`` if any: as :meth:`get`."""
        return await self.request("PUT", path, cast_to=cast_to, json_body=body, options=options)

    async def patch(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object = NOT_GIVEN,
        options: RequestOptions | None = None,
    ) -> _T:
        """PATCH ``path``, its JSON ``body`` if any: as :meth:`get`."""
        return await self.request("PATCH", path, cast_to=cast_to, json_body=body, options=options)

    async def delete(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object = NOT_GIVEN,
        options: RequestOptions | None = None,
    ) -> _T:
        """DELETE ``path``, its JSON ``body`` if any: as :meth:`get`."""
        return await self.request("DELETE", path, cast_to=cast_to, json_body=body, options=options)

    async def _send(self, call: Call) -> tuple[_http.Response, int]:
        """Send the call's request until it succeeds or may not be retried, as
        :meth:`SyncAPIClient._send`."""
        oauth = call.oauth
        attempts = Attempts(self._retry_policy, call.max_retries, call.idempotency_header, oauth)
        while True:
            try:
                attempts.token = (
                    await self._authorize(call.request, oauth, call.timeout) if oauth else None
                )
                response = await self._send_once(
                    call.request, stream=call.stream, timeout=call.timeout
                )
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
            raise status_error_for(response, self._request_ids)
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
