"""An installed sdkwright carries its templates, compiled, and works from any directory."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from helpers import REPO, SPECS, describe, run


def test_the_wheel_ships_the_templates_and_runs_outside_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        tmp_path,
    )
    assert built.returncode == 0, describe(built)
    wheel = next((tmp_path / "dist").glob("sdkwright-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "generator/templates/httpx/_client.py.jinja" in names
        assert "generator/cli.py" in names
        templates = {n for n in names if n.startswith("generator/templates/")}
        compiled = {n for n in names if n.startswith("generator/_compiled_templates/")}
        assert len(compiled) == len(templates) > 30
        archive.extractall(tmp_path / "site")
    cache = tmp_path / "cache"
    monkeypatch.setenv("SDKWRIGHT_CACHE_DIR", str(cache))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    command = [
        sys.executable,
        "-c",
        "import sys; sys.path.insert(0, sys.argv.pop(1)); from generator.cli import main; raise SystemExit(main())",
    ]
    result = run(
        [
            *command,
            str(tmp_path / "site"),
            "generate",
            str(SPECS / "clearstreet.yaml"),
            "-o",
            "out",
            "--package",
            "clearstreet",
        ],
        elsewhere,
    )
    assert result.returncode == 0, describe(result)
    assert (elsewhere / "out" / "clearstreet" / "_client.py").is_file()
    assert not list(cache.glob("templates/*")), "a shipped template was compiled again"
    imported_from = run([*command, str(tmp_path / "site"), "--version"], elsewhere)
    assert imported_from.stdout.startswith("sdkwright ")
