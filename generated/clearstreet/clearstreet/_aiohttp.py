# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""`DefaultAioHttpClient`: an `httpx.AsyncClient` that sends through aiohttp, for async
clients that make many concurrent requests (aiohttp's connection handling scales better).

    async_client = AsyncAcme(http_client=DefaultAioHttpClient())

It needs the SDK's `aiohttp` extra (aiohttp and httpx-aiohttp); without it, making one says
so. Copied into SDKs over httpx that have an async client; nothing imports it but a user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _http  # httpx's transport: its AsyncClient is httpx.AsyncClient

__all__ = ["DefaultAioHttpClient"]

_DEFAULTS: dict[str, Any] = {"timeout": _http.DEFAULT_TIMEOUT, "follow_redirects": True}

if TYPE_CHECKING:
    DefaultAioHttpClient = _http.AsyncClient
else:
    try:
        import httpx_aiohttp
    except ImportError:

        class DefaultAioHttpClient(_http.AsyncClient):
            def __init__(self, **_kwargs: Any) -> None:
                raise RuntimeError(
                    "DefaultAioHttpClient needs the SDK's `aiohttp` extra "
                    "(pip install '<this package>[aiohttp]': aiohttp and httpx-aiohttp)"
                )

    else:

        class DefaultAioHttpClient(httpx_aiohttp.HttpxAiohttpClient):
            def __init__(self, **kwargs: Any) -> None:
                super().__init__(**{**_DEFAULTS, **kwargs})
