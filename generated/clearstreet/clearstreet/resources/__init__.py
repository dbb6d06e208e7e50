# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""One class per resource group (a spec tag), sync and async."""

from .positions import AsyncPositions, Positions

__all__ = [
    "AsyncPositions",
    "Positions",
]
