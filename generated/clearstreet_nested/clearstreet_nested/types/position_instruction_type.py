# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import OpenStrEnum

__all__ = ["PositionInstructionType"]


class PositionInstructionType(OpenStrEnum):
    """The action to take against an options position.

    - `EXERCISE`: exercise the contracts.
    - `DO_NOT_EXERCISE`: do not exercise the contracts.
    - `CONTRARY_EXERCISE`: contrary exercise advice.
    """

    EXERCISE = "EXERCISE"
    DO_NOT_EXERCISE = "DO_NOT_EXERCISE"
    CONTRARY_EXERCISE = "CONTRARY_EXERCISE"
