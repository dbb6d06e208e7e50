# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Every model, enum and type alias of the Clear Street Trading API."""

from .api_error import ApiError as ApiError
from .cancel_position_instruction_response import (
    CancelPositionInstructionResponse as CancelPositionInstructionResponse,
)
from .position_instruction import PositionInstruction as PositionInstruction
from .position_instruction_status import PositionInstructionStatus as PositionInstructionStatus
from .position_instruction_type import PositionInstructionType as PositionInstructionType
from .response_metadata import ResponseMetadata as ResponseMetadata

__all__ = [
    "ApiError",
    "CancelPositionInstructionResponse",
    "PositionInstruction",
    "PositionInstructionStatus",
    "PositionInstructionType",
    "ResponseMetadata",
]
