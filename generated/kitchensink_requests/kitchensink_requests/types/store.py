# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

import datetime

from pydantic import Field

from .._models import BaseModel
from .address import Address
from .store_info_opening_hours import StoreInfoOpeningHours

__all__ = ["Store"]


class Store(BaseModel):
    """A store, composed of its description and its audit data."""

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

    created_by: str = Field(validation_alias="created-by", serialization_alias="created-by")
    """User or system that created the record."""

    created_at: datetime.datetime
    """When the record was created."""

    updated_at: datetime.datetime | None = None
    """When the record last changed; null if never."""
