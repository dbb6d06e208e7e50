# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from typing import Literal

from typing_extensions import NotRequired, TypedDict

from .pet_status import PetStatus

__all__ = ["CatParam"]


class CatParam(TypedDict):
    """`Cat` as a dict of its fields by Python name, taken in its place.

    A cat.
    """

    pet_type: Literal["cat"]
    """Discriminator, always `cat`."""

    name: str
    """The cat's name."""

    nickname: NotRequired[str | None]
    """Optional nickname; null when it has none."""

    lives_left: NotRequired[int]
    """Number of lives the cat has left."""

    indoor: NotRequired[bool]
    """Whether the cat lives indoors."""

    status: NotRequired[Literal["available", "pending", "sold"] | PetStatus]
    """Availability in the shop."""
