# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

import datetime
from typing import Literal

from .._models import BaseModel
from .position_instruction_status import PositionInstructionStatus
from .position_instruction_type import PositionInstructionType

__all__ = ["PositionInstruction"]


class PositionInstruction(BaseModel):
    """A position instruction and its current lifecycle state."""

    id: str
    """Server-assigned id. Used as the path parameter on cancel."""

    account_id: int
    """Account the instruction belongs to."""

    instruction_id: str
    """Caller-supplied idempotency key echoed from the submit request; the server-assigned fallback
    when none was supplied.
    """

    instruction_type: (
        Literal["EXERCISE", "DO_NOT_EXERCISE", "CONTRARY_EXERCISE"] | PositionInstructionType
    )
    """The action this instruction requests."""

    instrument_id: str
    """Identifier of the options contract this instruction acts on."""

    quantity: str
    """Number of contracts included in the instruction."""

    status: (
        Literal[
            "SENT",
            "ACCEPTED",
            "REJECTED",
            "ENGINE_REJECTED",
            "CANCEL_REQUESTED",
            "CANCELLED",
            "CANCEL_FAILED",
            "UNKNOWN",
        ]
        | PositionInstructionStatus
    )
    """Current lifecycle status."""

    symbol: str
    """Options symbol (OSI) for display."""

    accepted_quantity: str | None = None
    """Number of contracts accepted by the clearing venue. Populated once the instruction reaches
    ACCEPTED.
    """

    created_at: datetime.datetime | None = None
    """When the instruction was first accepted by the service."""

    rejection_reason: str | None = None
    """Human-readable explanation populated on any non-success terminal status — REJECTED,
    ENGINE_REJECTED, or CANCEL_FAILED. On a 207 Multi-Status batch submit the top-level error
    field summarizes the batch; per-row detail continues to live here.
    """

    updated_at: datetime.datetime | None = None
    """When the instruction’s lifecycle state last changed."""
