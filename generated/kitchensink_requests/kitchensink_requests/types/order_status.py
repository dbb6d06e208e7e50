# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import OpenStrEnum

__all__ = ["OrderStatus"]


class OrderStatus(OpenStrEnum):
    """Progress of an order: `placed`, `in-progress` (being prepared), `2nd-attempt` (delivery is
    being retried) or `delivered`.
    """

    PLACED = "placed"
    IN_PROGRESS = "in-progress"
    VALUE_2ND_ATTEMPT = "2nd-attempt"
    DELIVERED = "delivered"
