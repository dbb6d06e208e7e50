"""Golden files: `generated/` must be exactly what the specs in `specs/` give today.

Every target of sdkwright.yaml is regenerated into a temporary folder and compared byte for
byte, file list included. Refresh the goldens with `sdkwright generate` (never a test).
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import GENERATED, REPO
from sdkwright import api
from sdkwright.config import load_targets
from sdkwright.output import merge
from sdkwright.spec.overlays import lock

TARGETS = load_targets(REPO / "sdkwright.yaml")
IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}


def tree(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; for the pristine store's copies, the bytes they hold (compressed
    bytes may differ between zlib builds, e.g. zlib-ng's)."""
    files = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and not IGNORED_PARTS & set(path.relative_to(folder).parts):
            data = path.read_bytes()
            digest = "".join(path.relative_to(folder).parts[-2:])
            if merge.is_store_path(relative) and len(digest) == 64:
                data = merge.decode_blob(data, digest) or b"damaged"
            files[relative] = data
    return files


def readable_diff(expected: dict[str, bytes], actual: dict[str, bytes], limit: int = 150) -> str:
    lines: list[str] = []
    for path in sorted(expected.keys() | actual.keys()):
        old = expected.get(path, b"").decode(errors="replace").splitlines(keepends=True)
        new = actual.get(path, b"").decode(errors="replace").splitlines(keepends=True)
        if old != new or (path in expected) != (path in actual):
            lines += difflib.unified_diff(old, new, f"golden/{path}", f"regenerated/{path}")
    shown = "".join(lines[:limit])
    more = f"\n... {len(lines) - limit} more lines" if len(lines) > limit else ""
    return (
        shown
        + more
        + "\n\nIf the change is intended, refresh the goldens with `sdkwright generate`."
    )


def test_every_target_has_goldens() -> None:
    assert {t.name for t in TARGETS} >= {"clearstreet", "kitchensink"}
    for target in TARGETS:
        assert target.output.is_relative_to(GENERATED), target


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_generated_tree_matches_goldens(target: object, tmp_path: Path) -> None:
    from sdkwright.config import Target

    assert isinstance(target, Target)
    # Flavour, options, names and overlays kept; the lock written aside, not over the repo's.
    fresh = replace(target, output=tmp_path / target.name, lock=tmp_path / "overlays.lock.json")
    result = api.generate(fresh)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, fresh.output)
    expected, actual = tree(target.output), tree(fresh.output)
    assert expected == actual, readable_diff(expected, actual)
    if target.overlays:  # the committed lock records what this generation's overlays matched
        assert target.lock is not None and fresh.lock is not None
        locked, now = (
            [{k: v for k, v in e.items() if k != "overlay"} for e in lock.read(path)[target.name]]
            for path in (target.lock, fresh.lock)
        )
        assert locked == now
