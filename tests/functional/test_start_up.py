"""A cold generation imports what it runs: start-up is most of a small spec's time, so the
parts only some runs need (the lenient passes, the diff behind `--bump`, the TypeScript
target, the Stainless migration and the public-surface comparator) wait for them."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from helpers import SPECS, describe, run

ONLY_WHEN_NEEDED = (
    "sdkwright.spec.lenient",
    "sdkwright.diff",
    "sdkwright.targets.typescript",
    "sdkwright.migrate",
    "sdkwright.surface.compare",
)


def imported_by(arguments: list[str], cwd: Path) -> set[str]:
    env = {**os.environ, "SDKWRIGHT_CACHE_DIR": str(cwd / "cache")}
    result = run([sys.executable, "-X", "importtime", "-m", "sdkwright", *arguments], cwd, env=env)
    assert result.returncode == 0, describe(result)
    return {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}


def test_a_cold_python_generation_imports_only_what_it_runs(
    tmp_path: Path,
) -> None:
    spec = shutil.copy(SPECS / "clearstreet.yaml", tmp_path / "clearstreet.yaml")
    imported = imported_by(["generate", str(spec), "-o", str(tmp_path / "sdk"), "-q"], tmp_path)
    assert "sdkwright.targets.python.render" in imported  # the whole pipeline ran
    waiting = {m for m in imported for p in ONLY_WHEN_NEEDED if m == p or m.startswith(p + ".")}
    assert not waiting, sorted(waiting)


def test_the_lenient_passes_are_imported_where_they_run(tmp_path: Path) -> None:
    spec = shutil.copy(SPECS / "clearstreet.yaml", tmp_path / "clearstreet.yaml")
    arguments = ["generate", str(spec), "-o", str(tmp_path / "sdk"), "-q", "--lenient"]
    assert "sdkwright.spec.lenient" in imported_by(arguments, tmp_path)
