# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""One class per resource group (a spec tag), sync and async."""

from .misc import AsyncMisc, Misc
from .pets import AsyncPets, Pets
from .stores import AsyncStores, Stores

__all__ = [
    "AsyncMisc",
    "AsyncPets",
    "AsyncStores",
    "Misc",
    "Pets",
    "Stores",
]
