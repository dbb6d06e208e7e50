"""The Orders SDK (`tests/specs/orders.yaml`), generated into a temporary folder and imported.

Tests of the generated runtime use it for what the checked-in SDKs do not have: idempotency
keys (declared, and named by `x-sdkwright-idempotency-header`), `x-sdkwright-retries` limits,
a POST without a key, and a server-sent-events endpoint.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from helpers import REPO, describe, sdkwright

SPEC = REPO / "tests" / "specs" / "orders.yaml"
PACKAGE = "orders"
CLIENT = "OrderDesk"


def generate(folder: Path) -> Path:
    result = sdkwright(
        "generate",
        SPEC,
        "-o",
        folder,
        "--package",
        PACKAGE,
        "--client-name",
        CLIENT,
    )
    assert result.returncode == 0, describe(result)
    return folder


@contextmanager
def imported(sdk: Path, package: str) -> Iterator[ModuleType]:
    """`package` imported from `sdk`, and forgotten afterwards."""
    sys.path.insert(0, str(sdk))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(sdk))
        for name in [m for m in sys.modules if m.split(".")[0] == package]:
            del sys.modules[name]
