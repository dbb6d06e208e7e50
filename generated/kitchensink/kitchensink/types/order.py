# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

import datetime
from typing import Literal

from .._models import BaseModel
from .order_reference import OrderReference
from .order_status import OrderStatus
from .priority import Priority

__all__ = ["Order"]


class Order(BaseModel):
    """An order for a pet."""

    id: str
    """Server-assigned order id.

    Read-only: set by the server; requests leave it out.
    """

    pet_id: int
    """The ordered pet."""

    quantity: int
    """How many were ordered."""

    priority: Literal[1, 2, 3] | Priority | None = None
    """Order priority."""

    status: Literal["placed", "in-progress", "2nd-attempt", "delivered"] | OrderStatus
    """Progress of the order."""

    reference: OrderReference | None = None
    """Reference of the order."""

    placed_at: datetime.datetime | None = None
    """When the order was placed."""

    ship_date: datetime.date | None = None
    """Planned shipping date; null while unknown."""

    note: str | None = None
    """Free-text note for the store."""
