# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Every model, enum and type alias of the Clear Street Trading API, as datamodel-code-generator
wrote them (dataclasses, in `_datamodel`)."""

from ._datamodel import (
    ApiError,
    CancelPositionInstructionResponse,
    PositionInstruction,
    PositionInstructionStatus,
    PositionInstructionType,
    ResponseMetadata,
)

__all__ = [
    "ApiError",
    "CancelPositionInstructionResponse",
    "PositionInstruction",
    "PositionInstructionStatus",
    "PositionInstructionType",
    "ResponseMetadata",
]
