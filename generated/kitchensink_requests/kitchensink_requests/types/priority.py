# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import OpenIntEnum

__all__ = ["Priority"]


class Priority(OpenIntEnum):
    """Order priority, 1 (low), 2 (normal) or 3 (high)."""

    VALUE_1 = 1
    VALUE_2 = 2
    VALUE_3 = 3
