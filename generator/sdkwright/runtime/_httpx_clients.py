"""`DefaultHttpxClient` and `DefaultAsyncHttpxClient`: httpx clients with the SDK's defaults
(its timeout, redirects followed), for a client of your own:

    client = Acme(http_client=DefaultHttpxClient(proxy="http://proxy.example:8080"))

Copied into SDKs over httpx with the Stainless surface; nothing imports it but a user.
"""

from __future__ import annotations

from typing import Any

from . import _http  # httpx's transport: its Client is httpx.Client

__all__ = ["DefaultAsyncHttpxClient", "DefaultHttpxClient"]

_DEFAULTS: dict[str, Any] = {"timeout": _http.DEFAULT_TIMEOUT, "follow_redirects": True}


class DefaultHttpxClient(_http.Client):
    """An `httpx.Client` with the SDK's defaults; keyword arguments replace them."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**{**_DEFAULTS, **kwargs})


class DefaultAsyncHttpxClient(_http.AsyncClient):
    """An `httpx.AsyncClient` with the SDK's defaults; keyword arguments replace them."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**{**_DEFAULTS, **kwargs})
