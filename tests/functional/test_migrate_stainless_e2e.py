"""The end-to-end promise of issue 19 on the fixture repository (tests/fixtures/stainless_seed,
written by us), and on the real Clear Street SDK where a checkout of it is given:
`sdkwright migrate stainless` reproduces its public surface exactly: nothing missing, nothing
changed (incompatibly, or at all for methods and types), exit 0. It depends on the Python
target's `surface: stainless` doing all that the repository's api.md declares."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES, SHARED_SPECS, mypy_strict, run_generated_tests, sdkwright
from sdkwright.cli import main

SEED = FIXTURES / "stainless_seed"
CHECKOUT = Path(os.environ.get("SDKWRIGHT_STAINLESS_CHECKOUT", "/nonexistent"))
TRADING_SPEC = SHARED_SPECS / "clearstreet-trading-3.1.json"


def differences(report: dict[str, Any], *, every_category: bool = False) -> list[str]:
    """The report's entries that break the promise: missing, incompatible, and compatible
    changes of methods and types (of any category with `every_category`)."""
    return [
        f"{c['group']}: {c['id']}: {c['detail']}"
        for c in report["changes"]
        if c["group"] in ("missing", "incompatible")
        or (
            c["group"] == "compatible" and (every_category or c["category"] in ("methods", "types"))
        )
    ]


def test_the_fixture_migrates_with_nothing_missing_or_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_file = tmp_path / "report.json"
    out = tmp_path / "out"
    code = main(
        ["migrate", "stainless", str(SEED), "-o", str(out), "--report-json", str(report_file)]
    )
    printed = capsys.readouterr()
    report = json.loads(report_file.read_text())
    differing = differences(report)
    assert differing == [], "\n".join(differing)
    assert report["compatible"] is True
    assert code == 0, printed.out + printed.err


@pytest.mark.slow
@pytest.mark.skipif(
    not (CHECKOUT / "api.md").is_file() or not TRADING_SPEC.is_file(),
    reason="set SDKWRIGHT_STAINLESS_CHECKOUT to a checkout of clear-street/clear-street-python "
    "@ b7a5227, with ../shared/specs beside the repo, to migrate the real Stainless SDK",
)
def test_the_real_checkout_migrates_with_nothing_missing_or_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_file = tmp_path / "report.json"
    out = tmp_path / "out"
    arguments = ["migrate", "stainless", str(CHECKOUT), "--spec", str(TRADING_SPEC)]
    code = main([*arguments, "-o", str(out), "--report-json", str(report_file)])
    printed = capsys.readouterr()
    report = json.loads(report_file.read_text())
    differing = differences(report, every_category=True)
    assert differing == [], "\n".join(differing)
    assert code == 0, printed.out + printed.err
    # The migrated SDK: strict types, its own generated tests, and up to date.
    typed = mypy_strict(out, "clearstreet")
    assert typed.returncode == 0, typed.stdout[-3000:]
    tested = run_generated_tests(out)
    assert tested.returncode == 0, tested.stdout[-3000:]
    assert sdkwright("check", cwd=out).returncode == 0
