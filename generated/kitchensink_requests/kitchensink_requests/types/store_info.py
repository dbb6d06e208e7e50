# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import BaseModel
from .address import Address
from .store_info_opening_hours import StoreInfoOpeningHours

__all__ = ["StoreInfo"]


class StoreInfo(BaseModel):
    """The descriptive part of a store."""

    code: str
    """Short code of the store."""

    name: str
    """Display name of the store."""

    address: Address
    """Where the store is."""

    opening_hours: StoreInfoOpeningHours | None = None
    """Daily opening hours (nested inline object)."""

    labels: dict[str, str] | None = None
    """Free-form string labels."""
