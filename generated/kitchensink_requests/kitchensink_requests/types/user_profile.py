# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

import datetime

from pydantic import Field

from .._models import BaseModel
from .reactions import Reactions

__all__ = ["UserProfile"]


class UserProfile(BaseModel):
    """A user's profile; several fields have wire names that are not identifiers."""

    user_id: str
    """Unique id of the user."""

    username: str
    """Login name."""

    class_: str | None = Field(default=None, validation_alias="class", serialization_alias="class")
    """Membership class, e.g. gold."""

    two_fa_enabled: bool | None = Field(
        default=None, validation_alias="2fa_enabled", serialization_alias="2fa_enabled"
    )
    """Whether two-factor authentication is on."""

    created_by: str | None = Field(
        default=None, validation_alias="created-by", serialization_alias="created-by"
    )
    """What created the account."""

    reactions: Reactions | None = None
    """Reactions the user's posts received."""

    avatar: str | None = None
    """Base64-encoded avatar image."""

    score: float | None = None
    """Reputation score."""

    joined_on: datetime.date | None = None
    """Date the user joined."""

    last_seen: datetime.datetime | None = None
    """Last activity; null if never seen."""

    preferences: dict[str, str] | None = None
    """User preferences as string key/value pairs."""
