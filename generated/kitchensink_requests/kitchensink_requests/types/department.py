# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import BaseModel

__all__ = ["Department"]


class Department(BaseModel):
    """A department; members point back to departments (mutual recursion)."""

    id: int
    """Department id."""

    name: str
    """Department name."""

    members: list[Employee]
    """Employees in the department."""


# Imported last: these definitions refer to each other. pydantic resolves the names on first
# use, when every module of the cycle has finished importing.
from .employee import Employee
