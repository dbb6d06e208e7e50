"""What the workers of one test run share (pytest-xdist runs the suite in several processes).

`tests/conftest.py` names the run's shared folder in SDKWRIGHT_TEST_RUN_DIR: the parent of the
workers' own temporary folders under xdist, the session's temporary folder without it. A
folder built there by `built_once` is built by whichever worker asks first, under a file lock;
the others wait for it and reuse it. Nothing there is written after it is built: a test that
changes such a folder works on its own copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock

RUN_DIR_VARIABLE = "SDKWRIGHT_TEST_RUN_DIR"
# The third-party packages that generated SDKs and their tests import: their types (and the
# standard library's) take mypy about 20 s to analyse from a cold cache, 2 s from a warm one.
MYPY_SEED_IMPORTS = "import httpx, msgspec, pydantic, pytest, requests, typing_extensions"
# The generated SDKs' settings (their pyproject's [tool.mypy]): a cache entry made with other
# options is not used, only rebuilt.
MYPY_SEED_OPTIONS = ("--strict", "--python-version", "3.10")


def run_folder() -> Path:
    folder = os.environ.get(RUN_DIR_VARIABLE)
    assert folder, f"{RUN_DIR_VARIABLE} is set by tests/conftest.py for the whole session"
    return Path(folder)


def built_once(name: str, build: Callable[[Path], None]) -> Path:
    """The run's folder `name`, filled by `build` the first time any worker asks for it."""
    root = run_folder()
    root.mkdir(parents=True, exist_ok=True)
    folder = root / name
    done = root / f"{name}.built"
    with FileLock(root / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed build left
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


def warm_mypy_cache(destination: Path) -> Path:
    """`destination` as a mypy cache folder holding the standard library's and the third-party
    packages' analysis (a copy: mypy writes to its cache). mypy still checks that every entry
    matches its source and options, so a warm cache changes how long it takes, not its verdict."""
    if not destination.exists():
        shutil.copytree(built_once("mypy-seed", _seed_mypy_cache), destination)
    return destination


def _seed_mypy_cache(folder: Path) -> None:
    command = [sys.executable, "-m", "mypy", *MYPY_SEED_OPTIONS, "--cache-dir", str(folder)]
    result = subprocess.run(
        [*command, "-c", MYPY_SEED_IMPORTS],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"seeding mypy's cache failed:\n{result.stdout}{result.stderr}"
