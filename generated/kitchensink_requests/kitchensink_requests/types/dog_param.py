# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

import datetime
from typing import Literal

from typing_extensions import NotRequired, TypedDict

from .category import Category
from .category_param import CategoryParam
from .pet_status import PetStatus

__all__ = ["DogParam"]


class DogParam(TypedDict):
    """`Dog` as a dict of its fields by Python name, taken in its place.

    A dog.
    """

    pet_type: Literal["dog"]
    """Discriminator, always `dog`."""

    name: str
    """The dog's name."""

    breed: NotRequired[str]
    """The dog's breed."""

    birth_date: NotRequired[datetime.date]
    """Date of birth."""

    nickname: NotRequired[str | None]
    """Optional nickname; null when it has none."""

    status: NotRequired[Literal["available", "pending", "sold"] | PetStatus]
    """Availability in the shop."""

    tags: NotRequired[list[str]]
    """Free-form tags."""

    category: NotRequired[Category | CategoryParam]
    """The category the dog belongs to."""

    weight_kg: NotRequired[float]
    """Weight in kilograms."""

    legacy_code: NotRequired[str]
    """Code from the old system; use `id` instead.

    Deprecated.
    """
