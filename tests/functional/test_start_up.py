"""A cold generation imports what it runs: start-up is most of a small spec's time, so the
parts only some runs need (the lenient passes, the diff behind `--bump`, the TypeScript
target, the Stainless migration and the public-surface comparator) wait for them."""

from __future__ import annotations

import os
import shutil
import subprocess
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


def private_cache(folder: Path) -> dict[str, str]:
    """The environment of a run whose cache is new, in `folder`."""
    return {**os.environ, "SDKWRIGHT_CACHE_DIR": str(folder / "cache")}


def imported_by(arguments: list[str], cwd: Path) -> set[str]:
    env = private_cache(cwd)
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


# The command exits without tearing the interpreter down (`sdkwright.cli.entry`): what it
# printed must still reach a pipe, and its exit code must be main's.


def test_the_command_s_output_reaches_a_pipe_and_its_code_is_main_s(tmp_path: Path) -> None:
    spec = shutil.copy(SPECS / "clearstreet.yaml", tmp_path / "clearstreet.yaml")
    out = tmp_path / "sdk"
    env = private_cache(tmp_path)
    command = [sys.executable, "-m", "sdkwright"]
    generated = run([*command, "generate", str(spec), "-o", str(out)], tmp_path, env=env)
    assert generated.returncode == 0, describe(generated)
    assert f"operations -> {out}" in generated.stdout
    # `check` prints without flushing (block-buffered into a pipe): flushed at exit.
    checked = run([*command, "check", str(spec), "-o", str(out)], tmp_path, env=env)
    assert checked.returncode == 0 and "is up to date" in checked.stdout, describe(checked)
    spec.write_text(spec.read_text().replace("title: ", "title: Renamed ", 1))
    drifted = run([*command, "check", str(spec), "-o", str(out)], tmp_path, env=env)
    assert drifted.returncode == 1 and "differs from what" in drifted.stdout, describe(drifted)


def test_the_console_script_exits_with_main_s_code_and_says_why(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: t}\npaths: {}\n")
    script = Path(sys.executable).parent / "sdkwright"
    result = run([str(script), "generate", str(spec), "-o", str(tmp_path / "sdk")], tmp_path)
    assert result.returncode == 1, describe(result)
    assert "broken.yaml" in result.stderr and "not generated" in result.stderr
    assert not (tmp_path / "sdk").exists()


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path: Path) -> None:
    """`sdkwright generate ... | head -0`: the pipe is closed before the command prints."""
    spec = shutil.copy(SPECS / "clearstreet.yaml", tmp_path / "clearstreet.yaml")
    out = tmp_path / "sdk"
    env = private_cache(tmp_path)
    command = [sys.executable, "-m", "sdkwright", "generate", str(spec), "-o", str(out)]
    process = subprocess.Popen(
        command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # long before the command has anything to print
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=600) == 141, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    assert list(out.glob("*/_client.py"))  # the SDK was written all the same
