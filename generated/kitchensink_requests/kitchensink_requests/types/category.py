# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import BaseModel

__all__ = ["Category"]


class Category(BaseModel):
    """A pet category; categories form a tree."""

    id: int
    """Category id."""

    name: str
    """Category name."""

    children: list[Category]
    """Sub-categories of this category."""
