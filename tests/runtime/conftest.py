"""The runtime tests' package: the httpx transport with pydantic models, as `rtpkg`
(`runtime_support.assemble`: the source files imported where they stand)."""

import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from runtime_support import PACKAGE, assemble, forget  # noqa: E402


@pytest.fixture(scope="session")
def rt() -> Iterator[SimpleNamespace]:
    yield assemble(PACKAGE)
    forget(PACKAGE)
