# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""One class per resource group (a spec tag), sync and async.

A name imports its group's module on first use (the client's attributes do the same), so
using one resource loads neither the other groups nor their models.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .v1 import V1, AsyncV1
    from .v1_positions import AsyncV1Positions, V1Positions

__all__ = [
    "V1",
    "AsyncV1",
    "AsyncV1Positions",
    "V1Positions",
]

# The module of each name.
_MODULES = {
    "AsyncV1": "v1",
    "V1": "v1",
    "AsyncV1Positions": "v1_positions",
    "V1Positions": "v1_positions",
}

if not TYPE_CHECKING:
    # Hidden from type checkers, which then still flag a name that is not defined.

    def __getattr__(name: str) -> object:
        if name not in _MODULES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{_MODULES[name]}", __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
