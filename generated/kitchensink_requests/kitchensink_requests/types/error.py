# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import BaseModel

__all__ = ["Error"]


class Error(BaseModel):
    """An error returned by the API."""

    code: int
    """HTTP status code of the error."""

    message: str
    """Human-readable error message."""

    details: str | None = None
    """Extra detail about the error, if any."""
