# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from pydantic import Field

from .._models import BaseModel

__all__ = ["Reactions"]


class Reactions(BaseModel):
    """Reaction counts, GitHub style."""

    total_count: int
    """Total number of reactions."""

    plus_1: int | None = Field(default=None, validation_alias="+1", serialization_alias="+1")
    """Thumbs-up count."""

    minus_1: int | None = Field(default=None, validation_alias="-1", serialization_alias="-1")
    """Thumbs-down count."""

    laugh: int | None = None
    """Laugh count."""
