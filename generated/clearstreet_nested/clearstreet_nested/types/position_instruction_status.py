# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import OpenStrEnum

__all__ = ["PositionInstructionStatus"]


class PositionInstructionStatus(OpenStrEnum):
    """Lifecycle status of a position instruction.

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
