"""`sdkwright check` reports: exit codes, text and JSON, and why a tree drifted.

A stale SDK (the spec, templates, generator or formatter changed and nobody regenerated) is
told apart from hand edits (listed, not drift: a regeneration keeps them), from hand edits
that conflict with the new generation, and from those it already holds (redundant). Most tests call the CLI in-process
(fast); one runs it as a subprocess to show that JSON output is the whole of stdout.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import SPECS, describe, sdkwright
from sdkwright import cli
from sdkwright.output import MANIFEST_NAME, TXN_DIR_NAME
from sdkwright.output.manifest import sha256

MODEL = "clearstreet/types/position_instruction.py"
CLIENT = "clearstreet/_client.py"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A Clear Street spec copy and its SDK in `sdk/`, freshly generated."""
    shutil.copy(SPECS / "clearstreet.yaml", tmp_path / "clearstreet.yaml")
    assert cli.main(_target(tmp_path, "generate", "-q")) == 0
    return tmp_path


def _target(project: Path, command: str, *extra: str) -> list[str]:
    spec, out = project / "clearstreet.yaml", project / "sdk"
    return [command, str(spec), "-o", str(out), "--package", "clearstreet", *extra]


def check(project: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code = cli.main(_target(project, "check", *extra))
    out, err = capsys.readouterr()
    return code, out, err


def check_json(
    project: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, dict[str, Any]]:
    code, out, _ = check(project, capsys, "--format", "json", *extra)
    report = json.loads(out)
    assert len(report["targets"]) == 1
    return code, report


def reasons(report: dict[str, Any]) -> dict[str, str]:
    return {f["path"]: f["reason"] for f in report["targets"][0]["files"]}


def causes(report: dict[str, Any]) -> list[str]:
    return [c["kind"] for c in report["targets"][0]["causes"]]


def edit_spec(project: Path, old: str, new: str) -> None:
    spec = project / "clearstreet.yaml"
    text = spec.read_text()
    assert old in text
    spec.write_text(text.replace(old, new))


def edit_file(project: Path, relative: str, old: str, new: str) -> None:
    path = project / "sdk" / relative
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def rewrite_manifest(project: Path, **changes: Any) -> None:
    path = project / "sdk" / MANIFEST_NAME
    data = json.loads(path.read_text())
    data.update(changes)
    path.write_text(json.dumps(data, indent=2) + "\n")


def test_in_sync_exits_0_in_text_and_json_by_either_path(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = check(project, capsys)
    assert code == 0 and "is up to date (nothing changed since generation)" in out
    code, report = check_json(project, capsys)
    assert code == 0 and report["status"] == "up-to-date"
    assert report["targets"][0]["fast_path"] is True and report["targets"][0]["files"] == []
    code, report = check_json(project, capsys, "--no-fast-path")
    assert code == 0 and report["targets"][0]["fast_path"] is False


def test_a_stale_spec_is_told_apart_from_a_hand_edit(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_spec(project, "Options symbol (OSI) for display.", "The OSI symbol.")
    edit_file(project, CLIENT, '"""', '"""Hand-written note. ')
    code, out, _ = check(project, capsys)
    assert code == 1
    assert "because the spec changed (clearstreet.yaml)" in out
    stale = out.index("stale: not regenerated")
    assert stale < out.index(f"changed: {MODEL}") < out.index("kept hand edits (1")
    assert out.index(f"customised: {CLIENT}") > stale
    assert '+    """The OSI symbol."""' in out  # the diff shows what regenerating would do
    assert "Run `sdkwright generate`" in out
    code, report = check_json(project, capsys)
    assert code == 1 and report["status"] == "drift"
    assert reasons(report) == {MODEL: "stale", MANIFEST_NAME: "stale"}
    assert report["targets"][0]["customisations"] == [{"path": CLIENT, "status": "customised"}]
    assert causes(report) == ["spec"]
    diffs = {f["path"]: f["diff"] for f in report["targets"][0]["files"]}
    assert '+    """The OSI symbol."""' in diffs[MODEL]


def test_hand_edits_alone_are_listed_not_drift(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_file(project, MODEL, "symbol: str", "symbol: int")
    (project / "sdk" / "clearstreet" / "py.typed").unlink()
    code, report = check_json(project, capsys)
    assert code == 0 and report["status"] == "up-to-date"
    assert reasons(report) == {} and causes(report) == []
    assert report["targets"][0]["customisations"] == [
        {"path": "clearstreet/py.typed", "status": "kept-deleted"},
        {"path": MODEL, "status": "customised"},
    ]
    code, out, _ = check(project, capsys)
    assert code == 0 and "is up to date" in out
    assert "kept hand edits (2; `sdkwright customisations` prints them):\n" in out
    assert f"    customised: {MODEL}\n" in out


def test_a_hand_edit_the_generation_changes_too_is_a_conflict_with_its_lines(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_spec(project, "Options symbol (OSI) for display.", "The OSI symbol.")
    edit_file(project, MODEL, '"""Options symbol (OSI) for display."""', '"""Ours."""')
    line = 1 + (project / "sdk" / MODEL).read_text().split('"""Ours."""')[0].count("\n")
    code, out, _ = check(project, capsys)
    assert code == 1
    assert "conflicts: edited by hand where the generation changes too (1):" in out
    assert f"      {MODEL}:{line}: edited by hand, and changed by the generator" in out
    code, report = check_json(project, capsys)
    conflict = next(f for f in report["targets"][0]["files"] if f["path"] == MODEL)
    assert conflict["reason"] == "conflict" and conflict["conflicts"] == [
        f"{MODEL}:{line}: edited by hand, and changed by the generator"
    ]


def test_an_edit_the_new_generation_already_holds_is_redundant(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_spec(project, "Options symbol (OSI) for display.", "The OSI symbol.")
    edit_file(project, MODEL, "Options symbol (OSI) for display.", "The OSI symbol.")
    code, report = check_json(project, capsys)
    assert code == 1  # the manifest records the new spec: regenerating drops the edit
    assert reasons(report) == {MODEL: "redundant", MANIFEST_NAME: "stale"}
    code, out, _ = check(project, capsys)
    assert "hand edits the new generation already holds (safe to drop" in out


def test_a_formatter_upgrade_is_reported_as_such(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Simulate a tree formatted by an older ruff: a file laid out differently, whose bytes the
    manifest records (so it is not a hand edit), and the old version in the manifest."""
    path = project / "sdk" / MODEL
    old_layout = path.read_bytes().replace(b"\n\n\nclass ", b"\n\n\n\nclass ", 1)
    path.write_bytes(old_layout)
    files = json.loads((project / "sdk" / MANIFEST_NAME).read_text())["files"]
    files[MODEL]["output"] = sha256(old_layout)
    rewrite_manifest(project, formatter="ruff 0.0.1", files=files)
    code, report = check_json(project, capsys)
    assert code == 1
    assert reasons(report) == {MODEL: "reformatted", MANIFEST_NAME: "stale"}
    target = report["targets"][0]
    assert [c["kind"] for c in target["causes"]] == ["formatter"]
    assert target["causes"][0]["detail"].startswith("the formatter changed (ruff 0.0.1 -> ruff ")
    code, out, _ = check(project, capsys)
    assert "formatting only: the formatter changed (1):" in out


@pytest.mark.parametrize(
    ("field", "value", "cause"),
    [
        ("templates", "0" * 64, "templates"),
        ("generator", "sdkwright 0.0.9", "generator"),
    ],
)
def test_template_and_generator_changes_are_named(
    project: Path, capsys: pytest.CaptureFixture[str], field: str, value: str, cause: str
) -> None:
    rewrite_manifest(project, **{field: value})
    code, report = check_json(project, capsys)
    assert code == 1 and causes(report) == [cause]
    assert reasons(report) == {MANIFEST_NAME: "stale"}


def test_diffs_are_bounded_and_the_rest_counted(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another spec file name changes every file's banner: more files than diffs shown."""
    renamed = project / "renamed.yaml"
    shutil.move(project / "clearstreet.yaml", renamed)
    argv = ["check", str(renamed), "-o", str(project / "sdk"), "--package", "clearstreet"]
    code = cli.main([*argv, "--format", "json"])
    report = json.loads(capsys.readouterr().out)["targets"][0]
    files = report["files"]
    assert code == 1 and len(files) > 20
    assert all(f["diff"] for f in files[:20]) and all(f["diff"] is None for f in files[20:])
    assert report["diffs_omitted"] == len(files) - 20
    assert cli.main(argv) == 1
    out = capsys.readouterr().out
    assert f"... diffs of {len(files) - 20} more files not shown" in out
    assert out.count("\n--- a/") == 20


def test_a_broken_spec_exits_2_with_diagnostics_in_json(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "clearstreet.yaml").write_text("openapi: [unclosed\n")
    code, report = check_json(project, capsys)
    assert code == 2 and report["status"] == "error"
    assert [d["code"] for d in report["targets"][0]["diagnostics"]] == ["load.yaml-syntax"]


def test_an_interrupted_write_is_drift(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "sdk" / TXN_DIR_NAME).mkdir()
    code, report = check_json(project, capsys)
    assert code == 1 and causes(report) == ["interrupted"]
    code, out, _ = check(project, capsys)
    assert code == 1 and "`sdkwright generate` finishes it" in out


def test_json_report_is_all_of_stdout(project: Path) -> None:
    edit_file(project, MODEL, "symbol: str", "symbol: int")
    result = sdkwright(*_target(project, "check", "--format", "json"))
    assert result.returncode == 0, describe(result)
    assert json.loads(result.stdout)["targets"][0]["customisations"][0]["path"] == MODEL
