"""An installed sdkwright carries its templates, compiled, and works from any directory."""

from __future__ import annotations

import os
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
        assert "sdkwright/templates/python/httpx/_client.py.jinja" in names
        assert "sdkwright/cli/__init__.py" in names and "sdkwright/__main__.py" in names
        assert not any(n.startswith("generator/") for n in names)  # only `sdkwright` installs
        templates = {n for n in names if n.startswith("sdkwright/templates/")}
        compiled = {n for n in names if n.startswith("sdkwright/_compiled_templates/")}
        in_checkout = {
            f"sdkwright/templates/{path.relative_to(REPO / 'templates').as_posix()}"
            for path in (REPO / "templates").rglob("*.jinja")
        }
        # The Python target's templates ship compiled too (the TypeScript target's are few
        # and read as they are).
        python_templates = {n for n in templates if n.startswith("sdkwright/templates/python/")}
        assert templates == in_checkout and len(compiled) == len(python_templates)
        assert "sdkwright/templates/typescript/client.ts.jinja" in names
        assert "sdkwright/runtime_ts/core.ts" in names  # the TypeScript SDKs' runtime
        # The runtime ships as the Python source the SDKs get copies of.
        assert {"sdkwright/runtime/_base_client.py", "sdkwright/runtime/http_requests.py"} <= names
        archive.extractall(tmp_path / "site")
    cache = tmp_path / "cache"
    monkeypatch.setenv("SDKWRIGHT_CACHE_DIR", str(cache))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    command = [
        sys.executable,
        "-c",
        "import sys; sys.path.insert(0, sys.argv.pop(1)); from sdkwright.cli import main; raise SystemExit(main())",
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
    assert (elsewhere / "out" / "clearstreet" / "_http.py").is_file()
    assert not list(cache.glob("templates/*")), "a shipped template was compiled again"
    imported_from = run([*command, str(tmp_path / "site"), "--version"], elsewhere)
    assert imported_from.stdout.startswith("sdkwright ")
    _user_generator_folder_shadows_nothing(tmp_path / "site", elsewhere)


def _user_generator_folder_shadows_nothing(site: Path, project: Path) -> None:
    """The installed import name is `sdkwright`: a project's own `generator/` package (a common
    name) neither shadows it nor is shadowed by it, and no `generator` module is installed."""
    mine = project / "generator"
    mine.mkdir()
    (mine / "__init__.py").write_text("OWNER = 'the user'\n")
    (mine / "cli.py").write_text("raise SystemExit('the user s own generator.cli ran')\n")
    env_path = f"{site}{os.pathsep}{project}"
    with_site = {**os.environ, "PYTHONPATH": env_path}
    help_run = run([sys.executable, "-m", "sdkwright", "--help"], project, env=with_site)
    assert help_run.returncode == 0, describe(help_run)
    assert "generate" in help_run.stdout
    users = run(
        [sys.executable, "-c", "import generator; print(generator.OWNER)"], project, env=with_site
    )
    assert users.stdout.strip() == "the user", describe(users)
    only_site = {**os.environ, "PYTHONPATH": str(site)}
    absent = run([sys.executable, "-c", "import generator"], project.parent, env=only_site)
    assert absent.returncode != 0 and "No module named 'generator'" in absent.stderr, describe(
        absent
    )
