# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""`client.misc`: Categories, user profiles and the organisation chart."""

from __future__ import annotations

from .._base_client import AsyncAPIClient, SyncAPIClient, path_param
from .._types import NOT_GIVEN, Headers, NotGiven, Query, RequestOptions, Timeout
from ..types.category import Category
from ..types.department import Department
from ..types.user_profile import UserProfile

__all__ = ["AsyncMisc", "Misc"]


class Misc:
    """Categories, user profiles and the organisation chart."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list_categories(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> list[Category]:
        """List categories

        `GET /categories`

        Returns the category tree. Does not require authentication.
        """
        return self._client.request(
            "GET",
            "/categories",
            cast_to=list[Category],
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def get_user_profile(
        self,
        *,
        username: str,
        locale: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
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
            ),
        )

    def get_department(
        self,
        *,
        department_id: int,
        depth: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
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
            ),
        )


class AsyncMisc:
    """Categories, user profiles and the organisation chart."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list_categories(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> list[Category]:
        """List categories

        `GET /categories`

        Returns the category tree. Does not require authentication.
        """
        return await self._client.request(
            "GET",
            "/categories",
            cast_to=list[Category],
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def get_user_profile(
        self,
        *,
        username: str,
        locale: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
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
            ),
        )

    async def get_department(
        self,
        *,
        department_id: int,
        depth: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
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
            ),
        )
