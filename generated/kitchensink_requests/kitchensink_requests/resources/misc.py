# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""`client.misc`: Categories, user profiles and the organisation chart."""

from __future__ import annotations

from functools import cached_property

from .._base_client import SyncAPIClient, path_param
from .._response import (
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, RequestOptions, Timeout
from ..types.category import Category
from ..types.department import Department
from ..types.user_profile import UserProfile

__all__ = [
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
