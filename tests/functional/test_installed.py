"""An installed sdkwright carries its templates and works from any directory."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from helpers import REPO, SPECS, describe, run


def test_the_wheel_ships_the_templates_and_runs_outside_the_checkout(tmp_path: Path) -> None:
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
        archive.extractall(tmp_path / "site")
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
    imported_from = run([*command, str(tmp_path / "site"), "--version"], elsewhere)
    assert imported_from.stdout.startswith("sdkwright ")
