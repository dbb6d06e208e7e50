# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""`ClearStreet` and `AsyncClearStreet`: the entry points of the SDK."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._types import NOT_GIVEN, NotGiven, Timeout

if TYPE_CHECKING:
    from .resources.positions import AsyncPositions, Positions

__all__ = ["DEFAULT_BASE_URL", "AsyncClearStreet", "ClearStreet"]

DEFAULT_BASE_URL = "https://api.clearstreet.com"


def _resolve_api_key(api_key: str | None) -> str:
    api_key = api_key if api_key is not None else os.environ.get("CLEAR_STREET_API_KEY")
    if api_key is None:
        raise ValueError(
            "No API key: pass api_key= to the client or set the CLEAR_STREET_API_KEY environment variable."
        )
    return api_key


def _resolve_base_url(base_url: str | None) -> str:
    return base_url or os.environ.get("CLEAR_STREET_BASE_URL") or DEFAULT_BASE_URL


def _auth_headers(api_key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"} if api_key else {}


class ClearStreet(SyncAPIClient):
    """Synchronous client for the Clear Street Trading API.

    Args:
        api_key: Defaults to the `CLEAR_STREET_API_KEY` environment variable.
        base_url: Defaults to `CLEAR_STREET_BASE_URL`, then to https://api.clearstreet.com.
        timeout: Seconds or an `httpx.Timeout`; the default is 60 s (5 s to connect).
        http_client: An `httpx.Client` of your own (proxies, transports, tests).
        default_headers: Headers sent with every request.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        self.api_key = _resolve_api_key(api_key)
        super().__init__(
            base_url=_resolve_base_url(base_url),
            timeout=timeout,
            http_client=http_client,
            default_headers=default_headers,
        )

    @property
    def auth_headers(self) -> dict[str, str]:
        return _auth_headers(self.api_key)

    @cached_property
    def positions(self) -> Positions:
        """View positions and manage position instructions."""
        from .resources.positions import Positions

        return Positions(self)


class AsyncClearStreet(AsyncAPIClient):
    """Asynchronous client for the Clear Street Trading API.

    Args:
        api_key: Defaults to the `CLEAR_STREET_API_KEY` environment variable.
        base_url: Defaults to `CLEAR_STREET_BASE_URL`, then to https://api.clearstreet.com.
        timeout: Seconds or an `httpx.Timeout`; the default is 60 s (5 s to connect).
        http_client: An `httpx.AsyncClient` of your own (proxies, transports, tests).
        default_headers: Headers sent with every request.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        self.api_key = _resolve_api_key(api_key)
        super().__init__(
            base_url=_resolve_base_url(base_url),
            timeout=timeout,
            http_client=http_client,
            default_headers=default_headers,
        )

    @property
    def auth_headers(self) -> dict[str, str]:
        return _auth_headers(self.api_key)

    @cached_property
    def positions(self) -> AsyncPositions:
        """View positions and manage position instructions."""
        from .resources.positions import AsyncPositions

        return AsyncPositions(self)
