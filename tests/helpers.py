"""Shared helpers for the project's tests: paths, running generated SDKs, type-checking them."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from shared_run import warm_mypy_cache

REPO = Path(__file__).resolve().parents[1]
SPECS = REPO / "specs"
GENERATED = REPO / "generated"
SHARED_SPECS = REPO.parent / "shared" / "specs"
FIXTURES = REPO / "tests" / "fixtures"

needs_shared_specs = pytest.mark.skipif(
    not SHARED_SPECS.is_dir(),
    reason=f"the real-world specs are not here ({SHARED_SPECS}); clone with ../shared beside the repo",
)


def run(
    command: list[str], cwd: Path, timeout: float = 600, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False, env=env
    )


def sdkwright(*arguments: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "sdkwright", *map(str, arguments)], cwd)


def copy_sdk(source: Path, destination: Path) -> Path:
    """A throwaway copy, so running an SDK's tests leaves no caches in the checked-in tree."""
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns("__pycache__", ".*_cache"))
    return destination


def run_generated_tests(sdk: Path, *selection: str) -> subprocess.CompletedProcess[str]:
    """The SDK's tests (`selection`: pytest arguments choosing some; all of `tests/` when
    none, or when the selection only leaves some out)."""
    chosen = (
        list(selection) if selection and not selection[0].startswith("-") else ["tests", *selection]
    )
    return run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *chosen], sdk)


# Every SDK's tests of its client itself, beside those of its operations; and the pytest
# arguments that leave them out.
CLIENT_TESTS = ("tests/test_client.py", "tests/test_client_options.py")
WITHOUT_CLIENT_TESTS = tuple(arg for path in CLIENT_TESTS for arg in ("--ignore", path))


def mypy_strict(sdk: Path, package: str) -> subprocess.CompletedProcess[str]:
    cache = warm_mypy_cache(sdk / ".mypy_cache")
    return run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), package, "tests"], sdk
    )


def ruff_check(sdk: Path) -> subprocess.CompletedProcess[str]:
    from sdkwright.targets.python.format import ruff_binary

    return run([ruff_binary(), "check", "--no-cache", "."], sdk)


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def describe(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n--- stdout ---\n{result.stdout[-6000:]}\n--- stderr ---\n{result.stderr[-4000:]}"
