"""The end-to-end promise of issue 19 on the fixture repository (tests/fixtures/stainless_seed,
written by us): `sdkwright migrate stainless` reproduces its public surface exactly: nothing
missing, nothing changed (incompatibly, or at all for methods and types), exit 0. It depends
on the Python target's `surface: stainless` doing all that the fixture's api.md declares."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FIXTURES
from sdkwright.cli import main

SEED = FIXTURES / "stainless_seed"


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
    differing = [
        f"{c['group']}: {c['id']}: {c['detail']}"
        for c in report["changes"]
        if c["group"] in ("missing", "incompatible")
        or (c["group"] == "compatible" and c["category"] in ("methods", "types"))
    ]
    assert differing == [], "\n".join(differing)
    assert report["compatible"] is True
    assert code == 0, printed.out + printed.err
