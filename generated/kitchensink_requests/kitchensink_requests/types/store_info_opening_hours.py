# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import BaseModel

__all__ = ["StoreInfoOpeningHours"]


class StoreInfoOpeningHours(BaseModel):
    """Daily opening hours (nested inline object)."""

    open: str
    """Opening time, HH:MM."""

    close: str
    """Closing time, HH:MM."""
