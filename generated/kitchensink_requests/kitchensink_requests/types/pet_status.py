# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import OpenStrEnum

__all__ = ["PetStatus"]


class PetStatus(OpenStrEnum):
    """Availability of a pet in the shop."""

    AVAILABLE = "available"
    PENDING = "pending"
    SOLD = "sold"
