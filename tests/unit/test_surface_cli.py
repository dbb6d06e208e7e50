"""`python -m sdkwright.surface`: extract, diff, --accept, and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES
from sdkwright.surface.__main__ import main

SEED = FIXTURES / "stainless_seed"


def test_extract_writes_the_surface_as_json(tmp_path: Path) -> None:
    output = tmp_path / "surface.json"
    assert main(["extract", str(SEED), "-o", str(output)]) == 0
    data = json.loads(output.read_text())
    assert data["package"] == "clearstreet" and {c["name"] for c in data["clients"]} == {
        "ClearStreet",
        "AsyncClearStreet",
    }


def test_diff_exit_codes_and_accept(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    assert main(["extract", str(SEED), "-o", str(old)]) == 0
    assert main(["diff", str(old), str(SEED)]) == 0  # a JSON surface against its folder: the same
    changed = shutil.copytree(
        SEED / "src", tmp_path / "new", ignore=shutil.ignore_patterns("__pycache__")
    )
    orders = changed / "clearstreet" / "resources" / "v1" / "orders.py"
    orders.write_text(
        orders.read_text().replace("def cancel_all_open_orders(", "def cancel_open_orders(")
    )
    report = tmp_path / "report.json"
    assert main(["diff", str(old), str(changed), "--format", "json", "-o", str(report)]) == 1
    missing = [
        c["id"] for c in json.loads(report.read_text())["changes"] if c["severity"] == "breaking"
    ]
    assert missing == [
        "method:AsyncClearStreet.v1.orders.cancel_all_open_orders",
        "method:ClearStreet.v1.orders.cancel_all_open_orders",
    ]
    accept = tmp_path / "accept.txt"
    accept.write_text("\n".join(missing))
    assert (
        main(
            ["diff", str(old), str(changed), "--accept", str(accept), "-o", str(tmp_path / "r.md")]
        )
        == 0
    )


def test_unreadable_inputs_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(tmp_path / "nothing"), str(SEED)]) == 2
    (tmp_path / "bad.json").write_text('{"package": 3}')
    assert main(["diff", str(tmp_path / "bad.json"), str(SEED)]) == 2
    assert "Surface.package: expected str" in capsys.readouterr().err
