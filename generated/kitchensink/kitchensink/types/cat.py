# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

import datetime
from typing import Literal

from .._models import BaseModel
from .pet_status import PetStatus

__all__ = ["Cat"]


class Cat(BaseModel):
    """A cat."""

    pet_type: Literal["cat"]
    """Discriminator, always `cat`."""

    id: int | None = None
    """Server-assigned pet id.

    Read-only: set by the server; requests leave it out.
    """

    name: str
    """The cat's name."""

    nickname: str | None = None
    """Optional nickname; null when it has none."""

    lives_left: int | None = 9
    """Number of lives the cat has left."""

    indoor: bool | None = True
    """Whether the cat lives indoors."""

    status: Literal["available", "pending", "sold"] | PetStatus | None = None
    """Availability in the shop."""

    created_at: datetime.datetime | None = None
    """When the pet was added.

    Read-only: set by the server; requests leave it out.
    """
