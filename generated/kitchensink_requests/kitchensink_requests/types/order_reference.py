# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from typing import TypeAlias

__all__ = ["OrderReference"]

# An order reference, either a text code or a legacy numeric id.
OrderReference: TypeAlias = str | int
