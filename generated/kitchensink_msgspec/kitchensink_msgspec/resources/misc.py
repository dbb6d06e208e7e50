# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""`client.misc`: Categories, user profiles and the organisation chart."""

from __future__ import annotations

from functools import cached_property

from .._base_client import AsyncAPIClient, SyncAPIClient, path_param
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, RequestOptions, Timeout
from ..types._datamodel import Category, Department, UserProfile

__all__ = [
    "AsyncMisc",
    "AsyncMiscWithRawResponse",
    "AsyncMiscWithStreamingResponse",
    "Misc",
    "MiscWithRawResponse",
    "MiscWithStreamingResponse",
]


class Misc:
    """Categories, user profiles and the organisation chart."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> MiscWithRawResponse:
        """The same methods, returning an `APIResponse` (status, headers, `.parse()`)."""
        return MiscWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> MiscWithStreamingResponse:
        """The same methods as context managers, reading the body as it arrives."""
        return MiscWithStreamingResponse(self)

    def list_categories(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[Category]:
        """List categories

        `GET /categories`

        Returns the category tree. Does not require authentication.
        """
        return self._client.request(
            "GET",
            "/categories",
            cast_to=list[Category],
            security=(),
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def get_user_profile(
        self,
        username: str,
        *,
        locale: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> UserProfile:
        """Get a user profile

        `GET /profiles/{username}`

        Returns a user's profile, whose fields have awkward wire names.

        Args:
            username: The user's login name.
            locale: Locale used for display fields, e.g. en-US.
        """
        return self._client.request(
            "GET",
            f"/profiles/{path_param(username)}",
            cast_to=UserProfile,
            params={
                "locale": locale,
            },
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def get_department(
        self,
        department_id: int,
        *,
        depth: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Department:
        """Get a department

        `GET /departments/{department_id}`

        Returns a department with its members; each member may point back to a department. (No
        example on purpose.)

        Args:
            department_id: Numeric id of the department.
            depth: How many levels of nesting to expand.
        """
        return self._client.request(
            "GET",
            f"/departments/{path_param(department_id)}",
            cast_to=Department,
            params={
                "depth": depth,
            },
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncMisc:
    """Categories, user profiles and the organisation chart."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncMiscWithRawResponse:
        """The same methods, returning an `AsyncAPIResponse` (status, headers, `.parse()`)."""
        return AsyncMiscWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncMiscWithStreamingResponse:
        """The same methods as context managers, reading the body as it arrives."""
        return AsyncMiscWithStreamingResponse(self)

    async def list_categories(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[Category]:
        """List categories

        `GET /categories`

        Returns the category tree. Does not require authentication.
        """
        return await self._client.request(
            "GET",
            "/categories",
            cast_to=list[Category],
            security=(),
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def get_user_profile(
        self,
        username: str,
        *,
        locale: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> UserProfile:
        """Get a user profile

        `GET /profiles/{username}`

        Returns a user's profile, whose fields have awkward wire names.

        Args:
            username: The user's login name.
            locale: Locale used for display fields, e.g. en-US.
        """
        return await self._client.request(
            "GET",
            f"/profiles/{path_param(username)}",
            cast_to=UserProfile,
            params={
                "locale": locale,
            },
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def get_department(
        self,
        department_id: int,
        *,
        depth: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Department:
        """Get a department

        `GET /departments/{department_id}`

        Returns a department with its members; each member may point back to a department. (No
        example on purpose.)

        Args:
            department_id: Numeric id of the department.
            depth: How many levels of nesting to expand.
        """
        return await self._client.request(
            "GET",
            f"/departments/{path_param(department_id)}",
            cast_to=Department,
            params={
                "depth": depth,
            },
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class MiscWithRawResponse:
    """The methods of `client.misc.with_raw_response`.

    They return an `APIResponse` (status, headers, `.parse()`) instead of the parsed result.
    """

    def __init__(self, resource: Misc) -> None:
        self._resource = resource
        self.list_categories = to_raw_response_wrapper(resource.list_categories)
        self.get_user_profile = to_raw_response_wrapper(resource.get_user_profile)
        self.get_department = to_raw_response_wrapper(resource.get_department)


class MiscWithStreamingResponse:
    """The methods of `client.misc.with_streaming_response`.

    They are context managers yielding an `APIResponse` whose body is read as it arrives.
    """

    def __init__(self, resource: Misc) -> None:
        self._resource = resource
        self.list_categories = to_streamed_response_wrapper(resource.list_categories)
        self.get_user_profile = to_streamed_response_wrapper(resource.get_user_profile)
        self.get_department = to_streamed_response_wrapper(resource.get_department)


class AsyncMiscWithRawResponse:
    """The methods of `client.misc.with_raw_response`.

    They return an `AsyncAPIResponse` (status, headers, `.parse()`) instead of the parsed result.
    """

    def __init__(self, resource: AsyncMisc) -> None:
        self._resource = resource
        self.list_categories = async_to_raw_response_wrapper(resource.list_categories)
        self.get_user_profile = async_to_raw_response_wrapper(resource.get_user_profile)
        self.get_department = async_to_raw_response_wrapper(resource.get_department)


class AsyncMiscWithStreamingResponse:
    """The methods of `client.misc.with_streaming_response`.

    They are context managers yielding an `AsyncAPIResponse` whose body is read as it arrives.
    """

    def __init__(self, resource: AsyncMisc) -> None:
        self._resource = resource
        self.list_categories = async_to_streamed_response_wrapper(resource.list_categories)
        self.get_user_profile = async_to_streamed_response_wrapper(resource.get_user_profile)
        self.get_department = async_to_streamed_response_wrapper(resource.get_department)
