# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

import datetime
from typing import ClassVar, Literal

from .._models import BaseModel
from .category import Category
from .pet_status import PetStatus

__all__ = ["Dog"]


class Dog(BaseModel):
    """A dog."""

    _deprecated_fields: ClassVar[frozenset[str]] = frozenset({"legacy_code"})

    pet_type: Literal["dog"]
    """Discriminator, always `dog`."""

    id: int | None = None
    """Server-assigned pet id.

    Read-only: set by the server; requests leave it out.
    """

    name: str
    """The dog's name."""

    breed: str | None = None
    """The dog's breed."""

    birth_date: datetime.date | None = None
    """Date of birth."""

    nickname: str | None = None
    """Optional nickname; null when it has none."""

    status: Literal["available", "pending", "sold"] | PetStatus | None = "available"
    """Availability in the shop."""

    tags: list[str] | None = None
    """Free-form tags."""

    category: Category | None = None
    """The category the dog belongs to."""

    weight_kg: float | None = None
    """Weight in kilograms."""

    legacy_code: str | None = None
    """Code from the old system; use `id` instead.

    Deprecated.
    """

    created_at: datetime.datetime | None = None
    """When the pet was added.

    Read-only: set by the server; requests leave it out.
    """
