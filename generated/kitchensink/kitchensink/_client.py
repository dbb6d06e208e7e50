# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""`KitchenSink` and `AsyncKitchenSink`: the entry points of the SDK."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._types import NOT_GIVEN, NotGiven, Timeout

if TYPE_CHECKING:
    from .resources.misc import AsyncMisc, Misc
    from .resources.pets import AsyncPets, Pets
    from .resources.stores import AsyncStores, Stores

__all__ = ["DEFAULT_BASE_URL", "AsyncKitchenSink", "KitchenSink"]

DEFAULT_BASE_URL = "https://api.kitchensink.example"


def _resolve_api_key(api_key: str | None) -> str:
    api_key = api_key if api_key is not None else os.environ.get("KITCHEN_SINK_API_KEY")
    if api_key is None:
        raise ValueError(
            "No API key: pass api_key= to the client or set the KITCHEN_SINK_API_KEY environment variable."
        )
    return api_key


def _resolve_base_url(base_url: str | None) -> str:
    return base_url or os.environ.get("KITCHEN_SINK_BASE_URL") or DEFAULT_BASE_URL


def _auth_headers(api_key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"} if api_key else {}


class KitchenSink(SyncAPIClient):
    """Synchronous client for the Kitchen Sink API.

    Args:
        api_key: Defaults to the `KITCHEN_SINK_API_KEY` environment variable.
        base_url: Defaults to `KITCHEN_SINK_BASE_URL`, then to https://api.kitchensink.example.
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
    def misc(self) -> Misc:
        """Categories, user profiles and the organisation chart."""
        from .resources.misc import Misc

        return Misc(self)

    @cached_property
    def pets(self) -> Pets:
        """Manage the pets offered by the shop."""
        from .resources.pets import Pets

        return Pets(self)

    @cached_property
    def stores(self) -> Stores:
        """Stores, their inventory and orders."""
        from .resources.stores import Stores

        return Stores(self)


class AsyncKitchenSink(AsyncAPIClient):
    """Asynchronous client for the Kitchen Sink API.

    Args:
        api_key: Defaults to the `KITCHEN_SINK_API_KEY` environment variable.
        base_url: Defaults to `KITCHEN_SINK_BASE_URL`, then to https://api.kitchensink.example.
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
    def misc(self) -> AsyncMisc:
        """Categories, user profiles and the organisation chart."""
        from .resources.misc import AsyncMisc

        return AsyncMisc(self)

    @cached_property
    def pets(self) -> AsyncPets:
        """Manage the pets offered by the shop."""
        from .resources.pets import AsyncPets

        return AsyncPets(self)

    @cached_property
    def stores(self) -> AsyncStores:
        """Stores, their inventory and orders."""
        from .resources.stores import AsyncStores

        return AsyncStores(self)
