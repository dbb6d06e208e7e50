"""TypeScript for the tests of the TypeScript target: the compiler, installed from npm by the
tests themselves into `.cache/typescript` (once: one xdist worker installs, the others wait on
the lock, as for Prism in tests/e2e/test_prism.py), and Node to run what it compiles."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from filelock import FileLock
from helpers import REPO, describe, run

TYPESCRIPT_PACKAGE = "typescript@5.6.3"
CACHE = REPO / ".cache" / "typescript"


def tsc() -> Path:
    """The TypeScript compiler; the test is skipped when npm (so Node.js) is absent."""
    binary = CACHE / "node_modules" / ".bin" / "tsc"
    CACHE.mkdir(parents=True, exist_ok=True)
    with FileLock(CACHE / "install.lock"):
        if not binary.exists():
            _install(binary)
    return binary


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.skip("node is not installed: the TypeScript SDK tests need Node.js 18+")
    return found


def _install(binary: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: the TypeScript SDK tests need Node.js and npm")
    command = [npm, "install", "--prefix", str(CACHE), "--no-audit", "--no-fund"]
    installed = run([*command, "--loglevel=error", TYPESCRIPT_PACKAGE], CACHE, timeout=600)
    assert installed.returncode == 0 and binary.exists(), describe(installed)


def compile_sdk(sdk: Path, *, emit: bool = False) -> subprocess.CompletedProcess[str]:
    """`tsc --strict` over the SDK's own tsconfig.json: type-checks it (`--noEmit`), or
    builds `dist/` when `emit`."""
    flags = ["--strict"] + ([] if emit else ["--noEmit"])
    return run([str(tsc()), "-p", str(sdk), *flags], sdk, timeout=600)
