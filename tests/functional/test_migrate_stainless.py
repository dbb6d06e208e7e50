"""`sdkwright migrate stainless` on the fixture repository (tests/fixtures/stainless_seed,
written by us), without network: OUT is an sdkwright project holding the generated SDK, its
`sdkwright.yaml` (`surface: stainless`), the embedded spec and the compatibility report; a
removed operation is reported missing and blocks until accepted; bad input writes nothing."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES, sdkwright
from sdkwright.cli import main
from sdkwright.config import load_targets
from sdkwright.migrate.stainless import embedded_spec

SEED = FIXTURES / "stainless_seed"
SEED_SPEC = FIXTURES / "stainless_seed.openapi.yaml"
REMOVED = "delete /v1/accounts/{account_id}/orders"  # cancel_all_open_orders


def migrate(
    capsys: pytest.CaptureFixture[str], out: Path, *extra: str | Path, source: Path = SEED
) -> tuple[int, dict[str, Any], str]:
    """(exit code, the JSON report, stderr) of `sdkwright migrate stainless SOURCE -o OUT`."""
    report = out.parent / f"{out.name}.report.json"
    code = main(
        ["migrate", "stainless", str(source), "-o", str(out), "--report-json", str(report)]
        + [str(e) for e in extra]
    )
    printed = capsys.readouterr()
    data = json.loads(report.read_text()) if report.is_file() else {}
    return code, data, printed.out + printed.err


def blocking(report: dict[str, Any]) -> set[str]:
    return {
        c["id"]
        for c in report["changes"]
        if c["group"] in ("missing", "incompatible") and not c["accepted"]
    }


def test_the_help_exits_0() -> None:
    assert sdkwright("migrate", "--help").returncode == 0
    shown = sdkwright("migrate", "stainless", "--help")
    assert shown.returncode == 0 and "--accept" in shown.stdout


def test_the_fixture_migrates_into_an_sdkwright_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, report, printed = migrate(capsys, out)
    assert "Traceback" not in printed
    # The exit code is the report's verdict.
    assert code == (0 if report["compatible"] else 1), printed
    assert report["compatible"] is (not blocking(report))
    assert sum(report["summary"][g] for g in ("missing", "incompatible", "compatible", "new")) == (
        len(report["changes"])
    )
    (target,) = load_targets(out / "sdkwright.yaml")
    assert (target.surface, target.version, target.package) == ("stainless", "0.4.0", "clearstreet")
    assert target.output == out and target.lenient
    embedded, _, _ = embedded_spec(SEED)
    assert target.spec == out / "openapi.yaml" and target.spec.read_bytes() == embedded
    markdown = (out / "MIGRATION-REPORT.md").read_text()
    assert markdown.startswith(
        "# Migration report: clearstreet 0.3.1 -> clearstreet 0.4.0 (sdkwright)"
    )
    for change in report["changes"]:
        assert f"`{change['id']}`" in markdown
    assert (out / "pyproject.toml").is_file()
    imported = subprocess.run(
        [sys.executable, "-c", "import clearstreet; print(clearstreet.ClearStreet.__name__)"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(out)},
        capture_output=True,
        text=True,
    )
    assert imported.stdout.strip() == "ClearStreet", imported.stderr
    check = sdkwright("check", cwd=out)
    assert check.returncode == 0, check.stdout + check.stderr
    # Nothing of the old repository is copied: no file of OUT equals one of it (empty files,
    # such as py.typed, aside; the spec was decoded from scripts/mock).
    old = {_digest(p) for p in SEED.rglob("*") if p.is_file() and p.stat().st_size}
    copied = [p for p in out.rglob("*") if p.is_file() and _digest(p) in old]
    assert copied == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_removed_operation_is_missing_until_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, full, _ = migrate(capsys, tmp_path / "full")
    spec = yaml.safe_load(SEED_SPEC.read_text())
    verb, path = REMOVED.split(" ")
    del spec["paths"][path][verb]
    smaller = tmp_path / "smaller.yaml"
    smaller.write_text(yaml.safe_dump(spec))
    already = tmp_path / "already.txt"
    already.write_text("\n".join(sorted(blocking(full))) + "\n")
    out = tmp_path / "out"
    code, report, printed = migrate(capsys, out, "--spec", smaller, "--accept-file", already)
    assert code == 1, printed
    gone = {
        f"method:{c}.v1.orders.cancel_all_open_orders" for c in ("ClearStreet", "AsyncClearStreet")
    }
    missing = {c["id"] for c in report["changes"] if c["group"] == "missing"}
    assert gone <= missing and gone <= blocking(report)
    assert "`method:ClearStreet.v1.orders.cancel_all_open_orders`" in printed
    # The target names the spec where it is, relative to OUT; it is not copied.
    assert yaml.safe_load((out / "sdkwright.yaml").read_text())["targets"][0]["spec"] == (
        "../smaller.yaml"
    )
    assert not (out / "openapi.yaml").exists()
    accepts = [a for i in sorted(blocking(report)) for a in ("--accept", i)]
    hand_written = out / "NOTES.md"
    hand_written.write_text("ours\n")
    readme = out / "README.md"  # generated: a hand edit of it is merged, not lost
    readme.write_text(readme.read_text() + "\nOur own closing line.\n")
    config = out / "sdkwright.yaml"  # the project's now: its comments and version stay
    text = config.read_text().replace("  version: 0.4.0\n", "  version: 0.4.1  # ours\n")
    config.write_text(text.replace("targets:\n", "# our note\ntargets:\n"))
    code, report, printed = migrate(
        capsys, out, "--spec", smaller, "--accept-file", already, *accepts, "--accept", "typo:x"
    )
    assert code == 0, printed
    assert "--accept typo:x: no such change" in printed
    assert gone <= {c["id"] for c in report["changes"] if c["accepted"]}
    assert "(accepted)" in (out / "MIGRATION-REPORT.md").read_text()
    assert hand_written.read_text() == "ours\n"  # a migration again keeps what OUT holds
    assert readme.read_text().endswith("\nOur own closing line.\n")
    assert "# our note\n" in config.read_text()
    assert load_targets(config)[0].version == "0.4.1"


def _without(tmp_path: Path, *parts: str) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(SEED, copy)
    for part in parts:
        if (copy / part).is_dir():
            shutil.rmtree(copy / part)
        else:
            (copy / part).unlink()
    return copy


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("not-a-folder", "not a folder"),
        ("no-api-md", "no api.md: not a Stainless SDK repository"),
        ("no-spec", "no --spec given and"),
        ("no-source", "the old SDK's source cannot be read"),
        ("missing-spec", "the spec --spec names does not exist"),
        ("foreign-out", "OUT is not empty and holds no previous migration"),
        ("out-is-a-file", "OUT exists and is not a folder"),
        ("broken-spec", "broken.yaml:4:1: error[load.yaml-syntax]"),
        ("invalid-spec", "invalid.yaml"),
    ],
)
def test_bad_input_is_a_located_error_and_writes_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # locations under the working folder are printed relative
    source, out, extra = SEED, tmp_path / "out", []
    if case == "not-a-folder":
        source = SEED / "api.md"
    elif case == "no-api-md":
        source = _without(tmp_path, "api.md")
    elif case == "no-spec":
        source = _without(tmp_path, "scripts/mock")
    elif case == "no-source":
        source = _without(tmp_path, "src")
    elif case == "missing-spec":
        extra = ["--spec", str(tmp_path / "nowhere.yaml")]
    elif case == "foreign-out":
        out.mkdir()
        (out / "mine.txt").write_text("mine\n")
    elif case == "out-is-a-file":
        out.write_text("a file\n")
    elif case == "broken-spec":
        broken = tmp_path / "broken.yaml"
        broken.write_text("openapi: 3.1.0\ninfo: {title: x}\npaths: [\n")
        extra = ["--spec", str(broken)]
    elif case == "invalid-spec":  # YAML, but no spec: generation fails
        invalid = tmp_path / "invalid.yaml"
        invalid.write_text("openapi: 3.1.0\ninfo: {title: x}\npaths: []\n")
        extra = ["--spec", str(invalid)]
    before = sorted(p.name for p in tmp_path.iterdir())
    before_out = sorted(p.name for p in out.iterdir()) if out.is_dir() else None
    code, report, printed = migrate(capsys, out, *extra, source=source)
    assert code == 2, printed
    assert message in printed and "Traceback" not in printed and ".migrating-" not in printed
    assert "nothing written" in printed
    assert report == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no staging folder left
    assert (sorted(p.name for p in out.iterdir()) if out.is_dir() else None) == before_out


CHECKOUT = Path(os.environ.get("SDKWRIGHT_STAINLESS_CHECKOUT", "/nonexistent"))


@pytest.mark.skipif(
    not (CHECKOUT / "api.md").is_file(),
    reason="set SDKWRIGHT_STAINLESS_CHECKOUT to a checkout of clear-street/clear-street-python "
    "@ b7a5227 to migrate the real Stainless SDK",
)
def test_the_real_checkout_migrates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, report, printed = migrate(capsys, out, source=CHECKOUT)
    assert code == (0 if report["compatible"] else 1), printed
    (target,) = load_targets(out / "sdkwright.yaml")
    assert (target.surface, target.version, target.package) == ("stainless", "0.8.0", "clearstreet")
    embedded, _, _ = embedded_spec(CHECKOUT)
    assert target.spec.read_bytes() == embedded
    # Every method of api.md (61, sync and async) is in the new SDK at its place.
    missing = [c for c in report["changes"] if c["group"] == "missing"]
    assert [c["id"] for c in missing if c["kind"] in ("method", "resource")] == []
    assert sdkwright("check", cwd=out).returncode == 0
