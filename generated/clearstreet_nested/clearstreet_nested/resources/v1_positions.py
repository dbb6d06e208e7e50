# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""`client.v1.positions`: V1Positions"""

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
    "AsyncV1Positions",
    "AsyncV1PositionsWithRawResponse",
    "AsyncV1PositionsWithStreamingResponse",
    "V1Positions",
    "V1PositionsWithRawResponse",
    "V1PositionsWithStreamingResponse",
]


class V1Positions:
    """V1Positions"""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> V1PositionsWithRawResponse:
        """The same methods, returning an `APIResponse` (status, headers, `.parse()`)."""
        return V1PositionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V1PositionsWithStreamingResponse:
        """The same methods as context managers, reading the body as it arrives."""
        return V1PositionsWithStreamingResponse(self)

    def cancel_position_instruction(
        self,
        instruction_id: str,
        *,
        account_id: int,
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
            instruction_id: Server-assigned instruction id
            account_id: Account identifier
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


class AsyncV1Positions:
    """V1Positions"""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncV1PositionsWithRawResponse:
        """The same methods, returning an `AsyncAPIResponse` (status, headers, `.parse()`)."""
        return AsyncV1PositionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV1PositionsWithStreamingResponse:
        """The same methods as context managers, reading the body as it arrives."""
        return AsyncV1PositionsWithStreamingResponse(self)

    async def cancel_position_instruction(
        self,
        instruction_id: str,
        *,
        account_id: int,
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
            instruction_id: Server-assigned instruction id
            account_id: Account identifier
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


class V1PositionsWithRawResponse:
    """The methods of `client.v1.positions.with_raw_response`.

    They return an `APIResponse` (status, headers, `.parse()`) instead of the parsed result.
    """

    def __init__(self, resource: V1Positions) -> None:
        self._resource = resource
        self.cancel_position_instruction = to_raw_response_wrapper(
            resource.cancel_position_instruction
        )


class V1PositionsWithStreamingResponse:
    """The methods of `client.v1.positions.with_streaming_response`.

    They are context managers yielding an `APIResponse` whose body is read as it arrives.
    """

    def __init__(self, resource: V1Positions) -> None:
        self._resource = resource
        self.cancel_position_instruction = to_streamed_response_wrapper(
            resource.cancel_position_instruction
        )


class AsyncV1PositionsWithRawResponse:
    """The methods of `client.v1.positions.with_raw_response`.

    They return an `AsyncAPIResponse` (status, headers, `.parse()`) instead of the parsed result.
    """

    def __init__(self, resource: AsyncV1Positions) -> None:
        self._resource = resource
        self.cancel_position_instruction = async_to_raw_response_wrapper(
            resource.cancel_position_instruction
        )


class AsyncV1PositionsWithStreamingResponse:
    """The methods of `client.v1.positions.with_streaming_response`.

    They are context managers yielding an `AsyncAPIResponse` whose body is read as it arrives.
    """

    def __init__(self, resource: AsyncV1Positions) -> None:
        self._resource = resource
        self.cancel_position_instruction = async_to_streamed_response_wrapper(
            resource.cancel_position_instruction
        )
