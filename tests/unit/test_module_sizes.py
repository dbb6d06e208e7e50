"""Every module of the generator (its runtime included) stays readable in one sitting: at most
500 lines (issue 12). A module that grows past it is split along a seam, not trimmed."""

from __future__ import annotations

from pathlib import Path

from helpers import REPO

LIMIT = 500
SOURCE = REPO / "generator" / "sdkwright"


def modules() -> list[Path]:
    return sorted(path for path in SOURCE.rglob("*.py") if "_compiled_templates" not in path.parts)


def test_no_module_is_longer_than_500_lines() -> None:
    found = modules()
    assert len(found) > 100  # the walk found the package
    too_long = {
        str(path.relative_to(SOURCE)): count
        for path in found
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert too_long == {}
