# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any


@dataclass
class ApiError:
    """
    A structured API error (a direct mapping of tonic::Status, for use in HTTP responses).
    """

    code: int
    """
    The error code is used to identify the nature of the error. It corresponds to an HTTP status code.
    """
    message: str
    """
    A human-readable message providing more details about the error.
    """
    details: list[dict[str, Any]] | None = None
    """
    Additional error details, if any. This can include structured information such as field violations or error metadata.
    """


class PositionInstructionStatus(Enum):
    """
    Lifecycle status of a position instruction.

    - `SENT`: accepted and submitted to the clearing venue.
    - `ACCEPTED`: terminal — accepted by the clearing venue.
    - `REJECTED`: terminal rejection; `rejection_reason` carries the detail.
    - `ENGINE_REJECTED`: terminal non-success status; `rejection_reason`
      carries the detail.
    - `CANCEL_REQUESTED`: cancel accepted; final cancel state pending.
    - `CANCELLED`: terminal — cancel completed.
    - `CANCEL_FAILED`: cancel could not be completed; operator attention
      required. `rejection_reason` carries the detail.
    - `UNKNOWN`: status could not be determined.
    """

    SENT = "SENT"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    ENGINE_REJECTED = "ENGINE_REJECTED"
    CANCEL_REQUESTED = "CANCEL_REQUESTED"
    CANCELLED = "CANCELLED"
    CANCEL_FAILED = "CANCEL_FAILED"
    UNKNOWN = "UNKNOWN"


class PositionInstructionType(Enum):
    """
    The action to take against an options position.

    - `EXERCISE`: exercise the contracts.
    - `DO_NOT_EXERCISE`: do not exercise the contracts.
    - `CONTRARY_EXERCISE`: contrary exercise advice.
    """

    EXERCISE = "EXERCISE"
    DO_NOT_EXERCISE = "DO_NOT_EXERCISE"
    CONTRARY_EXERCISE = "CONTRARY_EXERCISE"


@dataclass
class ResponseMetadata:
    """
    Metadata for the response. This will always contain a request ID which can be used to identify the request to Clear Street for tracing, and optionally may include pagination data.
    """

    request_id: str
    """
    A unique ID for this request, generated upon ingestion of the request.
    """
    next_page_token: str | None = None
    """
    A token that can be used to retrieve the next page of results, if any. The token contains opaque pagination state (Base64URL-encoded). Filtering and sorting parameters must be provided with each request.
    """
    page_number: int | None = None
    """
    Pagination. Included if this was a GET (list) response.
    """
    previous_page_token: str | None = None
    """
    A token that can be used to retrieve the previous page of results, if any. The token contains opaque pagination state (Base64URL-encoded). Filtering and sorting parameters must be provided with each request.
    """
    total_items: int | None = None
    """
    Total number of items available (not just in this page).
    """
    total_pages: int | None = None
    """
    Total number of pages available.
    """


@dataclass
class PositionInstruction:
    """
    A position instruction and its current lifecycle state.
    """

    id: str
    """
    Server-assigned id. Used as the path parameter on cancel.
    """
    account_id: int
    """
    Account the instruction belongs to.
    """
    instruction_id: str
    """
    Caller-supplied idempotency key echoed from the submit request; the server-assigned fallback when none was supplied.
    """
    instruction_type: PositionInstructionType
    """
    The action this instruction requests.
    """
    instrument_id: str
    """
    Identifier of the options contract this instruction acts on.
    """
    quantity: str
    """
    Number of contracts included in the instruction.
    """
    status: PositionInstructionStatus
    """
    Current lifecycle status.
    """
    symbol: str
    """
    Options symbol (OSI) for display.
    """
    accepted_quantity: str | None = None
    """
    Number of contracts accepted by the clearing venue. Populated once the instruction reaches ACCEPTED.
    """
    created_at: datetime | None = None
    """
    When the instruction was first accepted by the service.
    """
    rejection_reason: str | None = None
    """
    Human-readable explanation populated on any non-success terminal status — REJECTED, ENGINE_REJECTED, or CANCEL_FAILED. On a 207 Multi-Status batch submit the top-level error field summarizes the batch; per-row detail continues to live here.
    """
    updated_at: datetime | None = None
    """
    When the instruction’s lifecycle state last changed.
    """


@dataclass
class CancelPositionInstructionResponse:
    """
    Response envelope carrying the updated position instruction.
    """

    metadata: ResponseMetadata
    """
    Response metadata, including the request ID and optional pagination info.
    """
    data: PositionInstruction
    """
    A position instruction and its current lifecycle state.
    """
    error: ApiError | None = None
    """
    Structured error details when the request is unsuccessful; `null` otherwise.
    """
