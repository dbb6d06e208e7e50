"""Makes `tests.helpers` importable as `helpers` from every test folder, and gives the whole
session its own sdkwright cache folder."""

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True, scope="session")
def private_sdkwright_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """sdkwright's local caches (fast-path stamps, parsed YAML, compiled templates) go to a
    folder of this session: tests neither depend on a developer's cache nor fill it."""
    previous = os.environ.get("SDKWRIGHT_CACHE_DIR")
    os.environ["SDKWRIGHT_CACHE_DIR"] = str(tmp_path_factory.mktemp("sdkwright-cache"))
    yield
    if previous is None:
        os.environ.pop("SDKWRIGHT_CACHE_DIR", None)
    else:
        os.environ["SDKWRIGHT_CACHE_DIR"] = previous
