# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""`client.stores`: Stores, their inventory and orders."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Literal

from .._base_client import AsyncAPIClient, SyncAPIClient, path_param
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, RequestOptions, Timeout
from ..types._datamodel import Order, Priority, Store

__all__ = [
    "AsyncStores",
    "AsyncStoresWithRawResponse",
    "AsyncStoresWithStreamingResponse",
    "Stores",
    "StoresWithRawResponse",
    "StoresWithStreamingResponse",
]


class Stores:
    """Stores, their inventory and orders."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> StoresWithRawResponse:
        """The same methods, returning an `APIResponse` (status, headers, `.parse()`)."""
        return StoresWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> StoresWithStreamingResponse:
        """The same methods as context managers, reading the body as it arrives."""
        return StoresWithStreamingResponse(self)

    def get_store(
        self,
        store_code: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Store:
        """Get a store

        `GET /stores/{store_code}`

        Returns a store with its address, opening hours and audit data.

        Args:
            store_code: Short code of the store, e.g. north-1.
        """
        return self._client.request(
            "GET",
            f"/stores/{path_param(store_code)}",
            cast_to=Store,
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def get_store_inventory(
        self,
        store_code: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> dict[str, int]:
        """Get store inventory

        `GET /stores/{store_code}/inventory`

        Returns how many pets of each species the store has, as a map from species name to
        count. (No example on purpose.)

        Args:
            store_code: Short code of the store, e.g. north-1.
        """
        return self._client.request(
            "GET",
            f"/stores/{path_param(store_code, argument='store_code')}/inventory",
            cast_to=dict[str, int],
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def create_order(
        self,
        store_code: str,
        *,
        pet_id: int,
        x_request_tag: str | None = None,
        quantity: int | NotGiven = NOT_GIVEN,
        priority: Literal[1, 2, 3] | Priority | NotGiven = NOT_GIVEN,
        note: str | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Order:
        """Place an order

        `POST /stores/{store_code}/orders`

        Places an order for a pet at the store.

        Args:
            store_code: Short code of the store, e.g. north-1.
            pet_id: The pet to order.
            x_request_tag: Free-form tag echoed in the server logs for tracing.
            quantity: How many to order.
            priority: Order priority.
            note: Free-text note for the store.
        """
        return self._client.request(
            "POST",
            f"/stores/{path_param(store_code, argument='store_code')}/orders",
            cast_to=Order,
            headers={
                "X-Request-Tag": x_request_tag,
            },
            json_body={
                "pet_id": pet_id,
                "quantity": quantity,
                "priority": priority,
                "note": note,
            },
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncStores:
    """Stores, their inventory and orders."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncStoresWithRawResponse:
        """The same methods, returning an `AsyncAPIResponse` (status, headers, `.parse()`)."""
        return AsyncStoresWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncStoresWithStreamingResponse:
        """The same methods as context managers, reading the body as it arrives."""
        return AsyncStoresWithStreamingResponse(self)

    async def get_store(
        self,
        store_code: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Store:
        """Get a store

        `GET /stores/{store_code}`

        Returns a store with its address, opening hours and audit data.

        Args:
            store_code: Short code of the store, e.g. north-1.
        """
        return await self._client.request(
            "GET",
            f"/stores/{path_param(store_code)}",
            cast_to=Store,
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def get_store_inventory(
        self,
        store_code: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> dict[str, int]:
        """Get store inventory

        `GET /stores/{store_code}/inventory`

        Returns how many pets of each species the store has, as a map from species name to
        count. (No example on purpose.)

        Args:
            store_code: Short code of the store, e.g. north-1.
        """
        return await self._client.request(
            "GET",
            f"/stores/{path_param(store_code, argument='store_code')}/inventory",
            cast_to=dict[str, int],
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def create_order(
        self,
        store_code: str,
        *,
        pet_id: int,
        x_request_tag: str | None = None,
        quantity: int | NotGiven = NOT_GIVEN,
        priority: Literal[1, 2, 3] | Priority | NotGiven = NOT_GIVEN,
        note: str | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Order:
        """Place an order

        `POST /stores/{store_code}/orders`

        Places an order for a pet at the store.

        Args:
            store_code: Short code of the store, e.g. north-1.
            pet_id: The pet to order.
            x_request_tag: Free-form tag echoed in the server logs for tracing.
            quantity: How many to order.
            priority: Order priority.
            note: Free-text note for the store.
        """
        return await self._client.request(
            "POST",
            f"/stores/{path_param(store_code, argument='store_code')}/orders",
            cast_to=Order,
            headers={
                "X-Request-Tag": x_request_tag,
            },
            json_body={
                "pet_id": pet_id,
                "quantity": quantity,
                "priority": priority,
                "note": note,
            },
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class StoresWithRawResponse:
    """The methods of `client.stores.with_raw_response`.

    They return an `APIResponse` (status, headers, `.parse()`) instead of the parsed result.
    """

    def __init__(self, resource: Stores) -> None:
        self._resource = resource
        self.get_store = to_raw_response_wrapper(resource.get_store)
        self.get_store_inventory = to_raw_response_wrapper(resource.get_store_inventory)
        self.create_order = to_raw_response_wrapper(resource.create_order)


class StoresWithStreamingResponse:
    """The methods of `client.stores.with_streaming_response`.

    They are context managers yielding an `APIResponse` whose body is read as it arrives.
    """

    def __init__(self, resource: Stores) -> None:
        self._resource = resource
        self.get_store = to_streamed_response_wrapper(resource.get_store)
        self.get_store_inventory = to_streamed_response_wrapper(resource.get_store_inventory)
        self.create_order = to_streamed_response_wrapper(resource.create_order)


class AsyncStoresWithRawResponse:
    """The methods of `client.stores.with_raw_response`.

    They return an `AsyncAPIResponse` (status, headers, `.parse()`) instead of the parsed result.
    """

    def __init__(self, resource: AsyncStores) -> None:
        self._resource = resource
        self.get_store = async_to_raw_response_wrapper(resource.get_store)
        self.get_store_inventory = async_to_raw_response_wrapper(resource.get_store_inventory)
        self.create_order = async_to_raw_response_wrapper(resource.create_order)


class AsyncStoresWithStreamingResponse:
    """The methods of `client.stores.with_streaming_response`.

    They are context managers yielding an `AsyncAPIResponse` whose body is read as it arrives.
    """

    def __init__(self, resource: AsyncStores) -> None:
        self._resource = resource
        self.get_store = async_to_streamed_response_wrapper(resource.get_store)
        self.get_store_inventory = async_to_streamed_response_wrapper(resource.get_store_inventory)
        self.create_order = async_to_streamed_response_wrapper(resource.create_order)
