"""The no-op fast path: when the manifest says nothing changed, nothing is loaded or rendered.

And when anything did change (a spec file, a $ref'd file, an output file, the options, the
generator), the full pipeline runs: the shortcut must never hide a change.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SPECS, describe, run, sdkwright
from sdkwright import cli
from sdkwright.cache import stamps
from sdkwright.output import MANIFEST_NAME, provenance

MODEL = "clearstreet/types/position_instruction.py"

SPLIT_ROOT = """\
openapi: 3.1.0
info: {title: Split, version: "1"}
paths:
  /things:
    get:
      operationId: list_things
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "./schemas.yaml#/Thing"
"""
SPLIT_SCHEMAS = """\
Thing:
  type: object
  properties:
    name: {type: string, description: The name.}
"""


def tree(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(SPECS / "clearstreet.yaml", tmp_path / "clearstreet.yaml")
    assert cli.main(argv(tmp_path, "generate", "-q")) == 0
    return tmp_path


def argv(project: Path, command: str, *extra: str) -> list[str]:
    spec, out = project / "clearstreet.yaml", project / "sdk"
    return [command, str(spec), "-o", str(out), "--package", "clearstreet", *extra]


def generate(project: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert cli.main(argv(project, "generate", *extra)) == 0
    return capsys.readouterr().out


def test_a_no_op_run_imports_no_part_of_the_pipeline(project: Path) -> None:
    """Neither Jinja, YAML nor the IR is imported: the answer comes from hashes alone."""
    # Stamped by a process running the code on disk now (the suite's may be older).
    assert sdkwright(*argv(project, "generate", "--no-fast-path")).returncode == 0
    for command in ("generate", "check"):
        result = run(
            [sys.executable, "-X", "importtime", "-m", "sdkwright", *argv(project, command)],
            project,
        )
        assert result.returncode == 0, describe(result)
        imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
        assert "sdkwright.output.freshness" in imported
        assert not imported & {
            "jinja2",
            "yaml",
            "sdkwright.targets.python.render",
            "sdkwright.ir.build",
        }, imported
        assert "nothing changed" in result.stdout or "is up to date" in result.stdout


def test_a_no_op_generation_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(project / "sdk")
    assert "nothing changed" in generate(project, capsys)
    assert tree(project / "sdk") == before


def test_a_spec_edit_takes_the_full_path(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = project / "clearstreet.yaml"
    spec.write_text(spec.read_text() + "# a comment\n")
    out = generate(project, capsys)
    assert "(1 files changed" in out  # the manifest: the recorded spec hash
    assert "nothing changed" in generate(project, capsys)


def test_a_hand_edit_takes_the_full_path_once_and_is_kept(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = project / "sdk" / MODEL
    edited = model.read_bytes().replace(b"symbol: str", b"symbol: int")
    model.write_bytes(edited)
    assert "(1 files changed; 1 hand-edited files kept" in generate(project, capsys)  # manifest
    assert model.read_bytes() == edited
    assert "nothing changed" in generate(project, capsys)  # the manifest records the edit


def test_changed_options_take_the_full_path(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = generate(project, capsys, "--client-name", "Other")
    assert "files changed" in out and "nothing changed" not in out
    assert "class Other" in (project / "sdk" / "clearstreet" / "_client.py").read_text()


@pytest.mark.parametrize("flag", ["--strict", "--no-fast-path", "--full-validation"])
def test_flags_that_ask_for_a_full_run_get_one(
    project: Path, capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    assert "(0 files changed" in generate(project, capsys, flag)


def test_another_generator_version_takes_the_full_path(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = project / "sdk" / MANIFEST_NAME
    data = json.loads(manifest.read_text())
    data["generator"] = "sdkwright 0.0.1"
    manifest.write_text(json.dumps(data))
    assert "(1 files changed" in generate(project, capsys)
    assert json.loads(manifest.read_text())["generator"] == provenance.GENERATOR


def test_a_checkout_needs_its_stamp(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a source checkout the version does not identify the code: without the local stamp
    that this code wrote or verified the folder, the full pipeline runs (and stamps it)."""
    assert provenance.is_source_checkout()
    monkeypatch.setenv("SDKWRIGHT_CACHE_DIR", str(project / "empty-cache"))
    assert "(0 files changed" in generate(project, capsys)
    assert "nothing changed" in generate(project, capsys)


def test_an_edited_ref_file_takes_the_full_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "api.yaml").write_text(SPLIT_ROOT)
    (tmp_path / "schemas.yaml").write_text(SPLIT_SCHEMAS)
    sdk = str(tmp_path / "sdk")
    args = ["generate", str(tmp_path / "api.yaml"), "-o", sdk, "--package", "api", "-q"]
    assert cli.main(args) == 0
    assert cli.main(args[:-1]) == 0 and "nothing changed" in capsys.readouterr().out
    (tmp_path / "schemas.yaml").write_text(SPLIT_SCHEMAS.replace("The name.", "Its name."))
    assert cli.main(args[:-1]) == 0
    assert "files changed" in capsys.readouterr().out
    model = (tmp_path / "sdk" / "api" / "types" / "thing.py").read_text()
    assert "Its name." in model


def test_the_fast_path_through_sdkwright_yaml(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    shutil.copy(SPECS / "clearstreet.yaml", tmp_path / "specs")
    (tmp_path / "sdkwright.yaml").write_text(
        "targets:\n  - {name: cs, spec: specs/clearstreet.yaml, output: out, package: cs}\n"
    )
    first = sdkwright("generate", cwd=tmp_path)
    assert first.returncode == 0, describe(first)
    again = sdkwright("generate", cwd=tmp_path)
    assert again.returncode == 0 and "cs: nothing changed" in again.stdout, describe(again)
    checked = sdkwright("check", cwd=tmp_path)
    assert checked.returncode == 0 and "(nothing changed since generation)" in checked.stdout


def test_the_stamp_is_only_a_cache(project: Path) -> None:
    """A corrupt stamp is ignored, not trusted: the full comparison runs and rewrites it."""
    Path(stamps.path_for(str(project / "sdk"))).write_text("{not json")
    result = subprocess.run(
        [sys.executable, "-m", "sdkwright", *argv(project, "check")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "is up to date" in result.stdout, describe(result)
    assert "nothing changed since generation" not in result.stdout
    assert stamps.read_stamp(str(project / "sdk")) is not None
