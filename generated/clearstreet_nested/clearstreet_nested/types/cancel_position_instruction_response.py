# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import BaseModel
from .api_error import ApiError
from .position_instruction import PositionInstruction
from .response_metadata import ResponseMetadata

__all__ = ["CancelPositionInstructionResponse"]


class CancelPositionInstructionResponse(BaseModel):
    """Response envelope carrying the updated position instruction."""

    metadata: ResponseMetadata
    """Response metadata, including the request ID and optional pagination info."""

    error: ApiError | None = None
    """Structured error details when the request is unsuccessful; `null` otherwise."""

    data: PositionInstruction
    """A position instruction and its current lifecycle state."""
