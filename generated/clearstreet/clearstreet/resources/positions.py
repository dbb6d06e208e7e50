# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""`client.positions`: View positions and manage position instructions."""

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
from ..types.cancel_position_instruction_response import CancelPositionInstructionResponse

__all__ = [
    "AsyncPositions",
    "AsyncPositionsWithRawResponse",
    "AsyncPositionsWithStreamingResponse",
    "Positions",
    "PositionsWithRawResponse",
    "PositionsWithStreamingResponse",
]


class Positions:
    """View positions and manage position instructions."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> PositionsWithRawResponse:
        """The same methods, returning an `APIResponse` (status, headers, `.parse()`)."""
        return PositionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> PositionsWithStreamingResponse:
        """The same methods as context managers, reading the body as it arrives."""
        return PositionsWithStreamingResponse(self)

    def cancel_position_instruction(
        self,
        *,
        account_id: int,
        instruction_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> CancelPositionInstructionResponse:
        """Cancel Position Instruction

        `DELETE /v1/accounts/{account_id}/positions/instructions/{instruction_id}`

        Cancel an outstanding position instruction by its server-assigned id. Returns the
        updated instruction with status CANCEL_REQUESTED. The terminal CANCELLED or
        CANCEL_FAILED state arrives asynchronously and is observable via subsequent GETs.

        Args:
            account_id: Account identifier
            instruction_id: Server-assigned instruction id
        """
        return self._client.request(
            "DELETE",
            f"/v1/accounts/{path_param(account_id, argument='account_id')}/positions/instructions/{path_param(instruction_id)}",
            cast_to=CancelPositionInstructionResponse,
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncPositions:
    """View positions and manage position instructions."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncPositionsWithRawResponse:
        """The same methods, returning an `AsyncAPIResponse` (status, headers, `.parse()`)."""
        return AsyncPositionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncPositionsWithStreamingResponse:
        """The same methods as context managers, reading the body as it arrives."""
        return AsyncPositionsWithStreamingResponse(self)

    async def cancel_position_instruction(
        self,
        *,
        account_id: int,
        instruction_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> CancelPositionInstructionResponse:
        """Cancel Position Instruction

        `DELETE /v1/accounts/{account_id}/positions/instructions/{instruction_id}`

        Cancel an outstanding position instruction by its server-assigned id. Returns the
        updated instruction with status CANCEL_REQUESTED. The terminal CANCELLED or
        CANCEL_FAILED state arrives asynchronously and is observable via subsequent GETs.

        Args:
            account_id: Account identifier
            instruction_id: Server-assigned instruction id
        """
        return await self._client.request(
            "DELETE",
            f"/v1/accounts/{path_param(account_id, argument='account_id')}/positions/instructions/{path_param(instruction_id)}",
            cast_to=CancelPositionInstructionResponse,
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class PositionsWithRawResponse:
    """The methods of `client.positions.with_raw_response`.

    They return an `APIResponse` (status, headers, `.parse()`) instead of the parsed result.
    """

    def __init__(self, resource: Positions) -> None:
        self._resource = resource
        self.cancel_position_instruction = to_raw_response_wrapper(
            resource.cancel_position_instruction
        )


class PositionsWithStreamingResponse:
    """The methods of `client.positions.with_streaming_response`.

    They are context managers yielding an `APIResponse` whose body is read as it arrives.
    """

    def __init__(self, resource: Positions) -> None:
        self._resource = resource
        self.cancel_position_instruction = to_streamed_response_wrapper(
            resource.cancel_position_instruction
        )


class AsyncPositionsWithRawResponse:
    """The methods of `client.positions.with_raw_response`.

    They return an `AsyncAPIResponse` (status, headers, `.parse()`) instead of the parsed result.
    """

    def __init__(self, resource: AsyncPositions) -> None:
        self._resource = resource
        self.cancel_position_instruction = async_to_raw_response_wrapper(
            resource.cancel_position_instruction
        )


class AsyncPositionsWithStreamingResponse:
    """The methods of `client.positions.with_streaming_response`.

    They are context managers yielding an `AsyncAPIResponse` whose body is read as it arrives.
    """

    def __init__(self, resource: AsyncPositions) -> None:
        self._resource = resource
        self.cancel_position_instruction = async_to_streamed_response_wrapper(
            resource.cancel_position_instruction
        )
