# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Base classes for the SDK's models and enums.

Servers change before SDKs are regenerated, so models and enums are forward compatible:
a model keeps fields it does not declare, and an enum accepts values it does not list
(they become members created on the fly, equal to their plain value).
"""

from __future__ import annotations

import enum
from typing import Any

import pydantic

__all__ = ["BaseModel", "OpenIntEnum", "OpenStrEnum"]


class BaseModel(pydantic.BaseModel):
    """A response or request model.

    Fields are set by their Python names or by their wire names. Whether a field was sent
    at all (as opposed to sent as null) is in `model_fields_set`;
    `model_dump(by_alias=True, exclude_unset=True)` gives back what the server sent.
    """

    model_config = pydantic.ConfigDict(
        extra="allow",
        validate_by_name=True,
        validate_by_alias=True,
        protected_namespaces=(),
    )


class OpenStrEnum(str, enum.Enum):
    """A string enum that also accepts values added to the API after generation."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)


class OpenIntEnum(int, enum.Enum):
    """An integer enum that also accepts values added to the API after generation."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"VALUE_{value}"
        member._value_ = value
        return member
