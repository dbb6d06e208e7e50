# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from typing_extensions import TypedDict

from .category import Category

__all__ = ["CategoryParam"]


class CategoryParam(TypedDict):
    """`Category` as a dict of its fields by Python name, taken in its place.

    A pet category; categories form a tree.
    """

    id: int
    """Category id."""

    name: str
    """Category name."""

    children: list[Category | CategoryParam]
    """Sub-categories of this category."""
