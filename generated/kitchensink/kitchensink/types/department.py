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


# Imported last: these definitions refer to each other, and pydantic resolves the names below.
from .employee import Employee

Department.model_rebuild()
