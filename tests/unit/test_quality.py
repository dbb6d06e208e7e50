"""The generator's own code: `mypy --strict` and ruff clean, as the house style asks."""

from __future__ import annotations

import sys

from helpers import REPO, describe, run
from sdkwright.targets.python.format import ruff_binary


def test_generator_passes_mypy_strict() -> None:
    result = run([sys.executable, "-m", "mypy", "--strict", "generator/sdkwright"], REPO)
    assert result.returncode == 0, describe(result)


def test_project_is_ruff_clean() -> None:
    lint = run([ruff_binary(), "check", "--no-cache", "generator", "tests", "bench"], REPO)
    assert lint.returncode == 0, describe(lint)
    formatted = run(
        [ruff_binary(), "format", "--check", "--no-cache", "generator", "tests", "bench"], REPO
    )
    assert formatted.returncode == 0, describe(formatted)
