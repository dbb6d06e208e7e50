"""Makes the property tests' helper modules importable, and gives the session one folder for
all the packages the tests generate."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from sdk_harness import Workspace  # noqa: E402


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """Where every generated types package of the session goes (mypy checks them at once)."""
    space = Workspace(tmp_path_factory.mktemp("property-sdks"))
    yield space
    space.close()
