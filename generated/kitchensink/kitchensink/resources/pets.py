# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""`client.pets`: Manage the pets offered by the shop."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Literal, cast

from .._base_client import AsyncAPIClient, SyncAPIClient, path_param
from .._models import models_of
from .._pagination import AsyncPage, SyncPage
from .._response import (
    async_to_raw_page_wrapper,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_page_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, RequestOptions, Timeout
from ..types.pet import Pet
from ..types.pet_param import PetParam
from ..types.pet_status import PetStatus

__all__ = [
    "AsyncPets",
    "AsyncPetsWithRawResponse",
    "AsyncPetsWithStreamingResponse",
    "Pets",
    "PetsWithRawResponse",
    "PetsWithStreamingResponse",
]


class Pets:
    """Manage the pets offered by the shop."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> PetsWithRawResponse:
        """The same methods, returning an `APIResponse` (status, headers, `.parse()`)."""
        return PetsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> PetsWithStreamingResponse:
        """The same methods as context managers, reading the body as it arrives."""
        return PetsWithStreamingResponse(self)

    def list_pets(
        self,
        *,
        name: str | None = None,
        status: Literal["available", "pending", "sold"] | PetStatus | None = None,
        tags: list[str] | None = None,
        page_size: int | None = None,
        offset: int | None = None,
        include_archived: bool | None = None,
        from_: datetime.datetime | None = None,
        x_request_tag: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPage[Pet, list[Pet]]:
        """List pets

        `GET /pets`

        Returns the pets matching the filters, dogs and cats mixed, as a JSON array.

        Args:
            name: Only pets whose name contains this text.
            status: Only pets with this availability status.
            tags: Only pets carrying all of these tags (repeat the parameter).
            page_size: Maximum number of pets to return.
            offset: Number of pets to skip.
            include_archived: Also return archived pets.
            from_: Only pets added at or after this instant.
            x_request_tag: Free-form tag echoed in the server logs for tracing.
        """

        def fetch(cursor: int | None) -> list[Pet]:
            return self._client.request(
                "GET",
                "/pets",
                cast_to=list[Pet],
                params={
                    "name": name,
                    "status": status,
                    "tags": tags,
                    "page-size": page_size,
                    "offset": cursor,
                    "include_archived": include_archived,
                    "from": from_,
                },
                headers={
                    "X-Request-Tag": x_request_tag,
                },
                options=RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    timeout=timeout,
                    max_retries=max_retries,
                ),
            )

        return SyncPage.first(
            fetch,
            cursor=offset,
            items=_list_pets_items,
            next_cursor=_list_pets_next_cursor,
            limit=page_size,
        )

    def get_pet(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Get a pet

        `GET /pets/{pet_id}`

        Returns a single pet by id.

        Args:
            pet_id: Numeric id of the pet.
        """
        return self._client.request(
            "GET",
            f"/pets/{path_param(pet_id)}",
            cast_to=cast(type[Pet], Pet),
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def put_pet(
        self,
        pet_id: int,
        *,
        body: Pet | PetParam,
        x_request_tag: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Create or replace a pet

        `PUT /pets/{pet_id}`

        Stores the pet under the given id: replaces it when it exists (200), creates it
        otherwise (201).

        Args:
            pet_id: Numeric id of the pet.
            body: The full pet to store.
            x_request_tag: Free-form tag echoed in the server logs for tracing.

        Returns:
            The 200 response's body; other success statuses are parsed as it.
        """
        return self._client.request(
            "PUT",
            f"/pets/{path_param(pet_id)}",
            cast_to=cast(type[Pet], Pet),
            headers={
                "X-Request-Tag": x_request_tag,
            },
            json_body=models_of(body, Pet),
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def delete_pet(
        self,
        pet_id: int,
        *,
        x_request_tag: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a pet

        `DELETE /pets/{pet_id}`

        Removes the pet. Returns no content.

        Args:
            pet_id: Numeric id of the pet.
            x_request_tag: Free-form tag echoed in the server logs for tracing.
        """
        return self._client.request(
            "DELETE",
            f"/pets/{path_param(pet_id)}",
            cast_to=type(None),
            headers={
                "X-Request-Tag": x_request_tag,
            },
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncPets:
    """Manage the pets offered by the shop."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncPetsWithRawResponse:
        """The same methods, returning an `AsyncAPIResponse` (status, headers, `.parse()`)."""
        return AsyncPetsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncPetsWithStreamingResponse:
        """The same methods as context managers, reading the body as it arrives."""
        return AsyncPetsWithStreamingResponse(self)

    async def list_pets(
        self,
        *,
        name: str | None = None,
        status: Literal["available", "pending", "sold"] | PetStatus | None = None,
        tags: list[str] | None = None,
        page_size: int | None = None,
        offset: int | None = None,
        include_archived: bool | None = None,
        from_: datetime.datetime | None = None,
        x_request_tag: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPage[Pet, list[Pet]]:
        """List pets

        `GET /pets`

        Returns the pets matching the filters, dogs and cats mixed, as a JSON array.

        Args:
            name: Only pets whose name contains this text.
            status: Only pets with this availability status.
            tags: Only pets carrying all of these tags (repeat the parameter).
            page_size: Maximum number of pets to return.
            offset: Number of pets to skip.
            include_archived: Also return archived pets.
            from_: Only pets added at or after this instant.
            x_request_tag: Free-form tag echoed in the server logs for tracing.
        """

        async def fetch(cursor: int | None) -> list[Pet]:
            return await self._client.request(
                "GET",
                "/pets",
                cast_to=list[Pet],
                params={
                    "name": name,
                    "status": status,
                    "tags": tags,
                    "page-size": page_size,
                    "offset": cursor,
                    "include_archived": include_archived,
                    "from": from_,
                },
                headers={
                    "X-Request-Tag": x_request_tag,
                },
                options=RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    timeout=timeout,
                    max_retries=max_retries,
                ),
            )

        return await AsyncPage.first(
            fetch,
            cursor=offset,
            items=_list_pets_items,
            next_cursor=_list_pets_next_cursor,
            limit=page_size,
        )

    async def get_pet(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Get a pet

        `GET /pets/{pet_id}`

        Returns a single pet by id.

        Args:
            pet_id: Numeric id of the pet.
        """
        return await self._client.request(
            "GET",
            f"/pets/{path_param(pet_id)}",
            cast_to=cast(type[Pet], Pet),
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def put_pet(
        self,
        pet_id: int,
        *,
        body: Pet | PetParam,
        x_request_tag: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Create or replace a pet

        `PUT /pets/{pet_id}`

        Stores the pet under the given id: replaces it when it exists (200), creates it
        otherwise (201).

        Args:
            pet_id: Numeric id of the pet.
            body: The full pet to store.
            x_request_tag: Free-form tag echoed in the server logs for tracing.

        Returns:
            The 200 response's body; other success statuses are parsed as it.
        """
        return await self._client.request(
            "PUT",
            f"/pets/{path_param(pet_id)}",
            cast_to=cast(type[Pet], Pet),
            headers={
                "X-Request-Tag": x_request_tag,
            },
            json_body=models_of(body, Pet),
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def delete_pet(
        self,
        pet_id: int,
        *,
        x_request_tag: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a pet

        `DELETE /pets/{pet_id}`

        Removes the pet. Returns no content.

        Args:
            pet_id: Numeric id of the pet.
            x_request_tag: Free-form tag echoed in the server logs for tracing.
        """
        return await self._client.request(
            "DELETE",
            f"/pets/{path_param(pet_id)}",
            cast_to=type(None),
            headers={
                "X-Request-Tag": x_request_tag,
            },
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class PetsWithRawResponse:
    """The methods of `client.pets.with_raw_response`.

    They return an `APIResponse` (status, headers, `.parse()`) instead of the parsed result.
    """

    def __init__(self, resource: Pets) -> None:
        self._resource = resource
        self.list_pets = to_raw_page_wrapper(resource.list_pets)
        self.get_pet = to_raw_response_wrapper(resource.get_pet)
        self.put_pet = to_raw_response_wrapper(resource.put_pet)
        self.delete_pet = to_raw_response_wrapper(resource.delete_pet)


class PetsWithStreamingResponse:
    """The methods of `client.pets.with_streaming_response`.

    They are context managers yielding an `APIResponse` whose body is read as it arrives.
    """

    def __init__(self, resource: Pets) -> None:
        self._resource = resource
        self.get_pet = to_streamed_response_wrapper(resource.get_pet)
        self.put_pet = to_streamed_response_wrapper(resource.put_pet)
        self.delete_pet = to_streamed_response_wrapper(resource.delete_pet)


class AsyncPetsWithRawResponse:
    """The methods of `client.pets.with_raw_response`.

    They return an `AsyncAPIResponse` (status, headers, `.parse()`) instead of the parsed result.
    """

    def __init__(self, resource: AsyncPets) -> None:
        self._resource = resource
        self.list_pets = async_to_raw_page_wrapper(resource.list_pets)
        self.get_pet = async_to_raw_response_wrapper(resource.get_pet)
        self.put_pet = async_to_raw_response_wrapper(resource.put_pet)
        self.delete_pet = async_to_raw_response_wrapper(resource.delete_pet)


class AsyncPetsWithStreamingResponse:
    """The methods of `client.pets.with_streaming_response`.

    They are context managers yielding an `AsyncAPIResponse` whose body is read as it arrives.
    """

    def __init__(self, resource: AsyncPets) -> None:
        self._resource = resource
        self.get_pet = async_to_streamed_response_wrapper(resource.get_pet)
        self.put_pet = async_to_streamed_response_wrapper(resource.put_pet)
        self.delete_pet = async_to_streamed_response_wrapper(resource.delete_pet)


def _list_pets_items(response: list[Pet]) -> Sequence[Pet]:
    return response


def _list_pets_next_cursor(
    response: list[Pet], cursor: int | None, items: Sequence[Pet]
) -> int | None:
    """The cursor of the page after this one (None: this is the last page)."""
    return (cursor or 0) + len(items)
