"""The transport over httpx, sync and async: all that the rest of the runtime asks of httpx.

The other runtime modules are the same whichever HTTP library an SDK uses; they reach httpx
only through the names here, which are the transport interface (`_http.pyi`) and no more.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator
from typing import IO, Any, TypeAlias

import httpx

URL: TypeAlias = httpx.URL
Headers: TypeAlias = httpx.Headers
Request: TypeAlias = httpx.Request
Response: TypeAlias = httpx.Response
Client: TypeAlias = httpx.Client
AsyncClient: TypeAlias = httpx.AsyncClient

# ``None`` disables timeouts; a float applies to every phase of the request.
Timeout: TypeAlias = float | httpx.Timeout | None
# Generous overall, but fail fast when the host is unreachable.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)

# A raw request body: bytes, a binary file, or chunks (an async client takes async chunks).
BinaryContent: TypeAlias = bytes | IO[bytes] | Iterable[bytes] | AsyncIterable[bytes]

TIMEOUT_ERRORS = (httpx.TimeoutException,)
# Transport failures, and bodies that cannot be decoded (cut short in transit).
TRANSPORT_ERRORS = (httpx.RequestError,)


def new_client() -> httpx.Client:
    return httpx.Client(follow_redirects=True)


def new_async_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True)


def parse_base_url(base_url: str) -> httpx.URL:
    return httpx.URL(base_url)


def url_joiner(base_url: httpx.URL) -> Callable[[str], httpx.URL | str]:
    # Request URLs are usually this text plus a path, parsed once by httpx.
    prefix = None if base_url.query or base_url.fragment else str(base_url).rstrip("/")

    def url(path: str) -> httpx.URL | str:
        if prefix is None or "?" in path or "#" in path:
            # Not base_url.join(): RFC 3986 resolution of an absolute path such as
            # "/v1/a" would drop the base URL's own prefix ("/api").
            return base_url.copy_with(path=base_url.path.rstrip("/") + path)
        return prefix + path

    return url


def make_headers(items: Iterable[tuple[str, str]]) -> httpx.Headers:
    return httpx.Headers(list(items))


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    method: str,
    url: httpx.URL | str,
    *,
    params: tuple[tuple[str, str], ...],
    headers: httpx.Headers,
    content: Any,
    files: list[tuple[str, Any]] | None,
    timeout: Timeout,
) -> httpx.Request:
    # build_request (rather than httpx.Request) also applies whatever an
    # injected client was configured with, such as its own headers.
    return client.build_request(
        method,
        url,
        # None rather than (): httpx would re-parse the URL to merge no parameters.
        params=params or None,
        headers=headers,
        content=content,
        files=files,
        timeout=timeout,
    )


def send(
    client: httpx.Client, request: httpx.Request, *, stream: bool, timeout: Timeout
) -> httpx.Response:
    return client.send(request, stream=stream)  # the timeout is the request's own


async def async_send(
    client: httpx.AsyncClient, request: httpx.Request, *, stream: bool, timeout: Timeout
) -> httpx.Response:
    return await client.send(request, stream=stream)


async def async_close_client(client: httpx.AsyncClient) -> None:
    await client.aclose()


def is_error(response: httpx.Response) -> bool:
    return response.is_error


def reason(response: httpx.Response) -> str:
    return response.reason_phrase


def read(response: httpx.Response) -> bytes:
    return response.read()


async def async_read(response: httpx.Response) -> bytes:
    return await response.aread()


def iter_bytes(response: httpx.Response, chunk_size: int | None) -> Iterator[bytes]:
    return response.iter_bytes(chunk_size)


def async_iter_bytes(response: httpx.Response, chunk_size: int | None) -> AsyncIterator[bytes]:
    return response.aiter_bytes(chunk_size)


async def async_close(response: httpx.Response) -> None:
    await response.aclose()


def is_closed(response: httpx.Response) -> bool:
    return response.is_closed
