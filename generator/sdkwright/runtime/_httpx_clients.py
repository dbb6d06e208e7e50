"""`DefaultHttpxClient` and `DefaultAsyncHttpxClient`: httpx clients with the SDK's defaults
(its timeout, its connection limits, redirects followed), for a client of your own:

    client = Acme(http_client=DefaultHttpxClient(proxy="http://proxy.example:8080"))

and the httpx types Stainless SDKs export for building one (`Transport`, `ProxiesTypes`,
`DEFAULT_CONNECTION_LIMITS`). Copied into SDKs over httpx with the Stainless surface; nothing
imports it but a user.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import httpx

from . import _http  # httpx's transport: its Client is httpx.Client

__all__ = [
    "DEFAULT_CONNECTION_LIMITS",
    "DefaultAsyncHttpxClient",
    "DefaultHttpxClient",
    "ProxiesTypes",
    "Transport",
]

# What a client keeps open at most (Stainless's numbers: httpx's default of 100 connections
# is low for a client shared by many threads or tasks).
DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)

# A custom transport (`DefaultHttpxClient(transport=...)`), and what `proxy=` takes.
Transport: TypeAlias = httpx.BaseTransport
ProxiesTypes: TypeAlias = (
    str | httpx.URL | httpx.Proxy | dict[str, str | httpx.URL | httpx.Proxy | None]
)

_DEFAULTS: dict[str, Any] = {
    "timeout": _http.DEFAULT_TIMEOUT,
    "follow_redirects": True,
    "limits": DEFAULT_CONNECTION_LIMITS,
}


class DefaultHttpxClient(_http.Client):
    """An `httpx.Client` with the SDK's defaults; keyword arguments replace them."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**{**_DEFAULTS, **kwargs})


class DefaultAsyncHttpxClient(_http.AsyncClient):
    """An `httpx.AsyncClient` with the SDK's defaults; keyword arguments replace them."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**{**_DEFAULTS, **kwargs})
