"""The transport interface: all that the runtime's core asks of an HTTP library.

Each transport (`http_httpx.py`, `http_requests.py`) defines these names over its library and
is copied into the SDKs that use it as `_http.py`, beside the core modules that import it.
This stub is never copied. It states the interface, and lets mypy check the core against it
where the core stands; each SDK is checked against its real transport (tests/runtime).

Adding a transport: a module defining every name below, and a flavour whose plan names it
(`Plan.http`); the core does not change.
"""

from abc import ABCMeta
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, MutableMapping
from typing import Any

class URL:
    """A base URL as the client keeps it (`client.base_url`)."""

class Headers(MutableMapping[str, str], metaclass=ABCMeta):
    """The library's headers: case-insensitive names."""

class Request:
    """A request ready to send (and to send again, on retries)."""

    method: str | None
    url: object  # logged and shown, never parsed
    headers: Headers

class Response:
    """A response whose status is known; its body may be unread (streamed)."""

    status_code: int
    headers: Headers
    request: Request
    url: URL
    content: bytes  # once read
    text: str  # once read
    def json(self) -> Any: ...
    def close(self) -> None: ...

class Client:
    """The synchronous HTTP client a sync SDK client sends with."""

    def close(self) -> None: ...

class AsyncClient:
    """The asynchronous HTTP client, for libraries that have one."""

class Timeout:
    """What `timeout=` accepts (`None`: no timeout)."""

class BinaryContent:
    """What a raw request body may be."""

# The client's timeout unless the caller gives one.
DEFAULT_TIMEOUT: Timeout
# The library's exceptions for a request that timed out, and for any other transport failure.
TIMEOUT_ERRORS: tuple[type[Exception], ...]
TRANSPORT_ERRORS: tuple[type[Exception], ...]

def new_client() -> Client:
    """The HTTP client of a client not given one (redirects followed)."""

def new_async_client() -> AsyncClient:
    """The same for an async client; raises TypeError where the library has none."""

def parse_base_url(base_url: str) -> URL: ...
def url_joiner(base_url: URL) -> Callable[[str], URL | str]:
    """A function from a path ("/v1/a") to its URL below `base_url` (after its own path)."""

def make_headers(items: Iterable[tuple[str, str]]) -> Headers: ...
def build_request(
    client: Client | AsyncClient,
    method: str,
    url: URL | str,
    *,
    params: tuple[tuple[str, str], ...],
    headers: Headers,
    content: Any,
    files: list[tuple[str, Any]] | None,
    timeout: Timeout,
) -> Request:
    """A request as `client` would build it (with its own configured headers, ...)."""

def send(client: Client, request: Request, *, stream: bool, timeout: Timeout) -> Response: ...
async def async_send(
    client: AsyncClient, request: Request, *, stream: bool, timeout: Timeout
) -> Response: ...
async def async_close_client(client: AsyncClient) -> None: ...
def is_error(response: Response) -> bool:
    """Whether the status is an error (4xx, 5xx)."""

def reason(response: Response) -> str:
    """The status line's reason phrase ("Not Found")."""

def read(response: Response) -> bytes:
    """The whole body, reading what is left of a streamed one."""

async def async_read(response: Response) -> bytes: ...
def iter_bytes(response: Response, chunk_size: int | None) -> Iterator[bytes]:
    """The (decompressed) body as it arrives; `None`: each chunk as it comes."""

def async_iter_bytes(response: Response, chunk_size: int | None) -> AsyncIterator[bytes]: ...
async def async_close(response: Response) -> None: ...
def is_closed(response: Response) -> bool:
    """Whether the response's connection is released (its body read whole, or closed)."""
