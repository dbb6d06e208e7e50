# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import BaseModel

__all__ = ["Address"]


class Address(BaseModel):
    """A postal address."""

    street: str
    """Street and number."""

    city: str
    """City."""

    postal_code: str | None = None
    """Postal code (kept as text)."""

    country: str
    """ISO 3166-1 alpha-2 country code."""
