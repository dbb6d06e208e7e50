"""Makes `tests.helpers` importable as `helpers` from every test folder, gives the whole
session its own sdkwright cache folder, and names the folder that the run's xdist workers
share (`shared_run.py`)."""

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shared_run import RUN_DIR_VARIABLE


def _set_for_the_session(name: str, value: str) -> Iterator[None]:
    previous = os.environ.get(name)
    os.environ[name] = value
    yield
    if previous is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = previous


@pytest.fixture(autouse=True, scope="session")
def private_sdkwright_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """sdkwright's local caches (fast-path stamps, parsed YAML, compiled templates) go to a
    folder of this session: tests neither depend on a developer's cache nor fill it."""
    yield from _set_for_the_session(
        "SDKWRIGHT_CACHE_DIR", str(tmp_path_factory.mktemp("sdkwright-cache"))
    )


@pytest.fixture(autouse=True, scope="session")
def shared_run_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Under xdist each worker's temporary folder is `popen-gw<N>` in the run's own folder,
    which the workers then share; without it the session's folder serves."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    yield from _set_for_the_session(RUN_DIR_VARIABLE, str(shared / "shared"))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Under `--dist loadgroup`, xdist tags a grouped test's node id with its group: where it
    did not (pytest-xdist #1386), tests that share a worker's fixture would silently run apart."""
    grouped = item.get_closest_marker("xdist_group") is not None
    if grouped and getattr(item.config.option, "loadgroup", False) and "@" not in item.nodeid:
        pytest.fail("pytest-xdist did not keep this test's xdist_group (see pyproject's pin)")
