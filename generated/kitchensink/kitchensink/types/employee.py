# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import BaseModel

__all__ = ["Employee"]


class Employee(BaseModel):
    """An employee, optionally with the department they manage."""

    id: int
    """Employee id."""

    name: str
    """Full name."""

    manages: Department | None = None
    """The department this employee manages, or null."""


# Imported last: these definitions refer to each other. pydantic resolves the names on first
# use, when every module of the cycle has finished importing.
from .department import Department
