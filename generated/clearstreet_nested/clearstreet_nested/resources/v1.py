# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""`client.v1`: V1"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import AsyncAPIClient, SyncAPIClient

if TYPE_CHECKING:
    from .v1_positions import (
        AsyncV1Positions,
        AsyncV1PositionsWithRawResponse,
        AsyncV1PositionsWithStreamingResponse,
        V1Positions,
        V1PositionsWithRawResponse,
        V1PositionsWithStreamingResponse,
    )

__all__ = [
    "V1",
    "AsyncV1",
    "AsyncV1WithRawResponse",
    "AsyncV1WithStreamingResponse",
    "V1WithRawResponse",
    "V1WithStreamingResponse",
]


class V1:
    """V1"""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> V1WithRawResponse:
        """The same methods, returning an `APIResponse` (status, headers, `.parse()`)."""
        return V1WithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V1WithStreamingResponse:
        """The same methods as context managers, reading the body as it arrives."""
        return V1WithStreamingResponse(self)

    @cached_property
    def positions(self) -> V1Positions:
        from .v1_positions import V1Positions

        return V1Positions(self._client)


class AsyncV1:
    """V1"""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncV1WithRawResponse:
        """The same methods, returning an `AsyncAPIResponse` (status, headers, `.parse()`)."""
        return AsyncV1WithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV1WithStreamingResponse:
        """The same methods as context managers, reading the body as it arrives."""
        return AsyncV1WithStreamingResponse(self)

    @cached_property
    def positions(self) -> AsyncV1Positions:
        from .v1_positions import AsyncV1Positions

        return AsyncV1Positions(self._client)


class V1WithRawResponse:
    """The methods of `client.v1.with_raw_response`.

    They return an `APIResponse` (status, headers, `.parse()`) instead of the parsed result.
    """

    def __init__(self, resource: V1) -> None:
        self._resource = resource

    @cached_property
    def positions(self) -> V1PositionsWithRawResponse:
        from .v1_positions import V1PositionsWithRawResponse

        return V1PositionsWithRawResponse(self._resource.positions)


class V1WithStreamingResponse:
    """The methods of `client.v1.with_streaming_response`.

    They are context managers yielding an `APIResponse` whose body is read as it arrives.
    """

    def __init__(self, resource: V1) -> None:
        self._resource = resource

    @cached_property
    def positions(self) -> V1PositionsWithStreamingResponse:
        from .v1_positions import V1PositionsWithStreamingResponse

        return V1PositionsWithStreamingResponse(self._resource.positions)


class AsyncV1WithRawResponse:
    """The methods of `client.v1.with_raw_response`.

    They return an `AsyncAPIResponse` (status, headers, `.parse()`) instead of the parsed result.
    """

    def __init__(self, resource: AsyncV1) -> None:
        self._resource = resource

    @cached_property
    def positions(self) -> AsyncV1PositionsWithRawResponse:
        from .v1_positions import AsyncV1PositionsWithRawResponse

        return AsyncV1PositionsWithRawResponse(self._resource.positions)


class AsyncV1WithStreamingResponse:
    """The methods of `client.v1.with_streaming_response`.

    They are context managers yielding an `AsyncAPIResponse` whose body is read as it arrives.
    """

    def __init__(self, resource: AsyncV1) -> None:
        self._resource = resource

    @cached_property
    def positions(self) -> AsyncV1PositionsWithStreamingResponse:
        from .v1_positions import AsyncV1PositionsWithStreamingResponse

        return AsyncV1PositionsWithStreamingResponse(self._resource.positions)
