"""bench/stainless_compat.py's reading of run.sh's summary and its results page, on saved
run.sh output (the harness's committed baseline when ../shared is there, and a summary in the
same format written here), never by running run.sh."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from helpers import REPO, SHARED_SPECS

BASELINE = SHARED_SPECS.parent / "stainless-compat" / "results" / "baseline-sdkwright-af35c16.md"
SAMPLE = """\
# stainless-compat: sdkwright

- sdk: clear-street-python (clear-street/clear-street-python @ b7a5227)
- generation: clearstreet: 61 operations -> OUT (310 files changed, 0.52 s; 0 errors, 2 warnings)
- mock: prism 5.16.0

## Scores (passed / items the control passed)

- **public-surface score** (tests/api_resources, public conftest/utils): 1187/1230 = 96.5%

## api_resources@public

collected 1230 (control: 1230), passed 1187, failed 43, errors 0, skipped 0, not collected 0; score (passed / control passed) 1187/1230 = 96.5%

| test file | passed | failed | errors | skipped | not collected |
| --- | ---: | ---: | ---: | ---: | ---: |
| tests/api_resources/v1/test_orders.py | 120 | 20 | 0 | 0 | 0 |
| tests/api_resources/v1/test_positions.py | 97 | 23 | 0 | 0 | 0 |

Top failure reasons (2 distinct; items per reason):

-    30  AssertionError: assert False
-    13  TypeError: unexpected keyword argument 'type'
"""


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    path = REPO / "bench" / "stainless_compat.py"
    spec = importlib.util.spec_from_file_location("stainless_compat", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_a_summary_reads_as_score_files_and_reasons(bench: ModuleType) -> None:
    run = bench.parse_summary(SAMPLE)
    assert (run.passed, run.total) == (1187, 1230)
    assert run.meta["mock"] == "prism 5.16.0"
    scored = run.suites["api_resources@public"]
    assert scored.summary.startswith("collected 1230 (control: 1230), passed 1187")
    assert scored.files == [
        ("tests/api_resources/v1/test_orders.py", 120, 20, 0, 0, 0),
        ("tests/api_resources/v1/test_positions.py", 97, 23, 0, 0, 0),
    ]
    assert scored.reasons == [
        (30, "AssertionError: assert False"),
        (13, "TypeError: unexpected keyword argument 'type'"),
    ]


@pytest.mark.skipif(
    not BASELINE.is_file(), reason="needs ../shared/stainless-compat beside the repo"
)
def test_the_harness_baseline_reads_as_0_of_1230(bench: ModuleType) -> None:
    run = bench.parse_summary(BASELINE.read_text())
    assert (run.passed, run.total) == (0, 1230)
    assert set(run.suites) == {"api_resources", "api_resources@public", "client"}
    scored = run.suites["api_resources@public"]
    assert len(scored.files) == 15
    assert sum(row[5] for row in scored.files) == 1230  # every item not collected
    assert scored.reasons == [(1230, "ModuleNotFoundError: No module named 'clearstreet.types.v1'")]


def test_the_results_page_has_the_score_table_reasons_and_migrate_counts(
    bench: ModuleType,
) -> None:
    report = {
        "compatible": False,
        "summary": {"missing": 3, "incompatible": 2, "compatible": 5, "new": 7},
        "counts": {g: {"methods": 1, "types": 2} for g in bench.GROUPS},
        "changes": [
            {"id": "method:C.v1.a", "group": "missing", "accepted": False, "detail": "gone"},
            {"id": "method:C.v1.b", "group": "missing", "accepted": True, "detail": "gone"},
            {"id": "method:C.v1.c", "group": "new", "accepted": False, "detail": "new"},
        ],
    }
    text = bench.render(bench.parse_summary(SAMPLE), report, 1, "migrate", "abc1234", "2026-12-04")
    assert "**Public-surface score: 1187/1230**" in text
    assert "| tests/api_resources/v1/test_positions.py | 97 | 23 | 0 | 0 | 0 |" in text
    assert "- 13: TypeError: unexpected keyword argument 'type'" in text
    assert "exit 1, not compatible" in text and "| 3 | 2 | 5 | 7 |" in text
    assert "| missing | 1 | 2 |" in text
    assert "First 1 of 1 blocking changes" in text and "- `method:C.v1.a`: gone" in text
    assert "- date (UTC): 2026-12-04" in text and "- sdkwright commit: abc1234" in text
    assert "no report (exit 2)" in bench.render(bench.parse_summary(""), None, 2, "m", "c", "d")
    json.dumps(report)  # the shape --report-json writes


def test_it_exits_2_with_a_message_without_shared_or_upstream(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "result.md"
    assert bench.main(["--shared", str(tmp_path), "--out", str(out)]) == 2
    assert "the bench needs ../shared" in capsys.readouterr().err
    shared = tmp_path / "shared"
    (shared / "stainless-compat").mkdir(parents=True)
    (shared / "stainless-compat" / "run.sh").write_text("exit 1\n")
    (shared / "specs").mkdir()
    (shared / "specs" / bench.SPEC_NAME).write_text("{}")
    code = bench.main(["--shared", str(shared), "--out", str(out), "--upstream-git", ""])
    assert code == 2 and "no upstream" in capsys.readouterr().err
    assert not out.exists()
