# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Every model, enum and type alias of the Clear Street Trading API.

`types.Name` imports the module that defines it on first use, so the package imports at once
whatever the number of models; type checkers and IDEs see every name through the imports below.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

# The module of each name.
_MODULES = {
    "ApiError": "api_error",
    "CancelPositionInstructionResponse": "cancel_position_instruction_response",
    "PositionInstruction": "position_instruction",
    "PositionInstructionStatus": "position_instruction_status",
    "PositionInstructionType": "position_instruction_type",
    "ResponseMetadata": "response_metadata",
}

if not TYPE_CHECKING:
    # Hidden from type checkers, which then still flag a name that is not defined.

    def __getattr__(name: str) -> object:
        if name not in _MODULES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{_MODULES[name]}", __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
