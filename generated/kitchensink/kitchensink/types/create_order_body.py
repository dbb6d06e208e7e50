# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from typing import Literal

from .._models import BaseModel
from .priority import Priority

__all__ = ["CreateOrderBody"]


class CreateOrderBody(BaseModel):
    """An order request."""

    pet_id: int
    """The pet to order."""

    quantity: int | None = 1
    """How many to order."""

    priority: Literal[1, 2, 3] | Priority | None = None
    """Order priority."""

    note: str | None = None
    """Free-text note for the store."""
