"""The transport over requests, synchronous only: all that the rest of the runtime asks of it.

The other runtime modules are the same whichever HTTP library an SDK uses; they reach
requests only through the names here, which are the transport interface (`_http.pyi`) and
no more.

requests has no async API. The core's async client, responses and streams are in every SDK,
while an SDK over requests defines no async client of its own (its `_client.py`): here there
is no async HTTP client to give them (`AsyncClient` has no values), and the functions that
would read an async response refuse.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from typing import IO, Any, NoReturn, TypeAlias
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.structures import CaseInsensitiveDict

URL: TypeAlias = str
Headers: TypeAlias = CaseInsensitiveDict[str]
Request: TypeAlias = requests.PreparedRequest
Response: TypeAlias = requests.Response
Client: TypeAlias = requests.Session
AsyncClient: TypeAlias = NoReturn

# ``None`` disables timeouts; a float applies to connecting and to each read, a pair
# ``(connect, read)`` to each separately.
Timeout: TypeAlias = float | tuple[float, float] | None
# Generous overall, but fail fast when the host is unreachable: (connect, read).
DEFAULT_TIMEOUT: Timeout = (5.0, 60.0)

# A raw request body: bytes, a binary file, or chunks.
BinaryContent: TypeAlias = bytes | IO[bytes] | Iterable[bytes]

TIMEOUT_ERRORS = (requests.Timeout,)
# Transport failures, and bodies that cannot be decoded (cut short in transit).
TRANSPORT_ERRORS = (requests.RequestException,)

_NO_ASYNC = "requests has no async API: generate the SDK with the httpx flavour for one"


def new_client() -> requests.Session:
    return requests.Session()


def new_async_client() -> NoReturn:
    raise TypeError(_NO_ASYNC)


def parse_base_url(base_url: str) -> str:
    return base_url.rstrip("/")


def url_joiner(base_url: str) -> Callable[[str], str]:
    # The path goes after the base URL's own path ("/api"), before its query, if any.
    parts = urlsplit(base_url)
    return lambda path: urlunsplit(parts._replace(path=parts.path.rstrip("/") + path))


def make_headers(items: Iterable[tuple[str, str]]) -> CaseInsensitiveDict[str]:
    return CaseInsensitiveDict(dict(items))


def build_request(
    client: requests.Session,
    method: str,
    url: str,
    *,
    params: tuple[tuple[str, str], ...],
    headers: CaseInsensitiveDict[str],
    content: Any,
    files: list[tuple[str, Any]] | None,
    timeout: Timeout,
) -> requests.PreparedRequest:
    # prepare_request (rather than Request.prepare) also applies whatever an
    # injected session was configured with, such as its own headers. The timeout
    # goes with the sending.
    return client.prepare_request(
        requests.Request(
            method, url, params=list(params), headers=dict(headers), data=content, files=files
        )
    )


def send(
    client: requests.Session, request: requests.PreparedRequest, *, stream: bool, timeout: Timeout
) -> requests.Response:
    return client.send(request, stream=stream, timeout=timeout)


async def async_send(
    client: NoReturn, request: requests.PreparedRequest, *, stream: bool, timeout: Timeout
) -> requests.Response:
    raise TypeError(_NO_ASYNC)


async def async_close_client(client: NoReturn) -> None:
    raise TypeError(_NO_ASYNC)


def is_error(response: requests.Response) -> bool:
    return response.status_code >= 400


def reason(response: requests.Response) -> str:
    return response.reason


def read(response: requests.Response) -> bytes:
    return response.content


async def async_read(response: requests.Response) -> bytes:
    raise TypeError(_NO_ASYNC)


def iter_bytes(response: requests.Response, chunk_size: int | None) -> Iterator[bytes]:
    # chunk_size=None: each chunk as it arrives (requests' default is one byte at a time).
    return response.iter_content(chunk_size)


def async_iter_bytes(response: requests.Response, chunk_size: int | None) -> AsyncIterator[bytes]:
    raise TypeError(_NO_ASYNC)


async def async_close(response: requests.Response) -> None:
    raise TypeError(_NO_ASYNC)


def is_closed(response: requests.Response) -> bool:
    # urllib3's response is closed once read whole (a response without a stream has none).
    return bool(getattr(response.raw, "closed", True))
