# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

import datetime

from pydantic import Field

from .._models import BaseModel

__all__ = ["AuditInfo"]


class AuditInfo(BaseModel):
    """Who created a record and when it changed."""

    created_by: str = Field(validation_alias="created-by", serialization_alias="created-by")
    """User or system that created the record."""

    created_at: datetime.datetime
    """When the record was created."""

    updated_at: datetime.datetime | None = None
    """When the record last changed; null if never."""
