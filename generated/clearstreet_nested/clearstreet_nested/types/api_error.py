# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from typing import Any

from .._models import BaseModel

__all__ = ["ApiError"]


class ApiError(BaseModel):
    """A structured API error (a direct mapping of tonic::Status, for use in HTTP responses)."""

    code: int
    """The error code is used to identify the nature of the error. It corresponds to an HTTP status
    code.
    """

    message: str
    """A human-readable message providing more details about the error."""

    details: list[dict[str, Any]] | None = None
    """Additional error details, if any. This can include structured information such as field
    violations or error metadata.
    """
