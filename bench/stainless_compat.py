"""Does a Stainless SDK's own test suite pass against its sdkwright migration? (issue 19)

Run it from the repository root with the repository's own interpreter:

    .venv/bin/python bench/stainless_compat.py --upstream-git PATH     # or STAINLESS_COMPAT_UPSTREAM_GIT

PATH is a git directory of clear-street/clear-street-python (your tool's `fetch` gives one).
The bench needs `../shared/stainless-compat/` beside the repository (the harness: `run.sh`, its
shim and the spec in `../shared/specs/`); it exits 2 with a message when that or the upstream
is absent. It:

1. checks out upstream @ b7a5227 into a temporary folder and runs this checkout's
   `sdkwright migrate stainless UPSTREAM --spec SPEC -o OUT --report-json R` (the migrate report);
2. runs `run.sh . --out DIR` (Prism, the suite's pinned test dependencies, the upstream
   `tests/api_resources` against the migrated package). run.sh generates with `sdkwright migrate`
   itself; while migrate exits 1 (something missing or incompatible, which run.sh takes for a
   failed generation), the bench hands run.sh the migrated target instead
   (`STAINLESS_COMPAT_TARGET`: the same target and spec, generated with `sdkwright generate`),
   and says so;
3. writes `bench/results/stainless-compat.md` (`--out`): the public-surface score, the counts by
   test file, the top failure reasons, the migrate report's counts, the date and the commit.

run.sh binds 127.0.0.1:4010 and takes minutes on a first run (later ones ~30 s). Stdlib only.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
UPSTREAM_COMMIT = "b7a5227d34f3c51814d000040c6ed9355844d7ca"
SPEC_NAME = "clearstreet-trading-3.1.json"
SCORED = "api_resources@public"
SHOWN = 25  # blocking changes of the migrate report listed in the results
_SCORE = re.compile(r"\*\*public-surface score\*\*[^:]*:\s*(\d+)/(\d+)")
_ROW = re.compile(
    r"^\|\s*(tests/\S+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|"
)
_REASON = re.compile(r"^-\s+(\d+)\s+(.+)$")
_META = re.compile(r"^- ([^:]+): (.*)$")


@dataclass
class Suite:
    name: str
    summary: str = ""  # "collected N (control: M), passed ..."
    files: list[tuple[str, int, int, int, int, int]] = field(default_factory=list)
    reasons: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class RunSummary:
    """What run.sh's summary (RESULTS/sdkwright.md) says."""

    passed: int | None = None
    total: int | None = None
    meta: dict[str, str] = field(default_factory=dict)
    suites: dict[str, Suite] = field(default_factory=dict)


def parse_summary(text: str) -> RunSummary:
    """run.sh's Markdown summary (lib/summarize.py's `render`) as data."""
    found = RunSummary()
    suite: Suite | None = None
    for line in text.splitlines():
        if line.startswith("## "):
            name = line[3:].strip()
            suite = None if name.startswith("Scores") else Suite(name)
            if suite is not None:
                found.suites[name] = suite
            continue
        score = _SCORE.search(line)
        if score:
            found.passed, found.total = int(score[1]), int(score[2])
        elif suite is None and not found.suites and (meta := _META.match(line)):
            found.meta[meta[1]] = meta[2]
        elif suite is not None:
            if line.startswith("collected "):
                suite.summary = line
            elif row := _ROW.match(line):
                passed, failed, errors, skipped, missing = map(int, row.groups()[1:])
                suite.files.append((row[1], passed, failed, errors, skipped, missing))
            elif reason := _REASON.match(line):
                suite.reasons.append((int(reason[1]), reason[2].strip()))
    return found


def render(
    run: RunSummary,
    migrate: dict[str, object] | None,
    migrate_code: int,
    mode: str,
    commit: str,
    when: str,
) -> str:
    score = f"{run.passed}/{run.total}" if run.total else "n/a (run.sh gave no score)"
    lines = [
        "# Stainless compatibility: Clear Street's own tests against its sdkwright migration",
        "",
        f"- date (UTC): {when}",
        f"- sdkwright commit: {commit}",
        f"- upstream: clear-street/clear-street-python @ {UPSTREAM_COMMIT[:7]} (0.7.0)",
        f"- generation: {mode}",
        *[f"- run.sh {k}: {v}" for k, v in run.meta.items() if k in ("generation", "mock")],
        "",
        f"**Public-surface score: {score}** (items of upstream `tests/api_resources` that pass, "
        "test modules unchanged, conftest/utils replaced by the harness's public-surface shim; "
        "the issue asks at least 1,200 of 1,230)",
        "",
    ]
    scored = run.suites.get(SCORED)
    if scored is not None:
        lines += [f"## {SCORED}", "", scored.summary, ""]
        lines += [
            "| test file | passed | failed | errors | skipped | not collected |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *[f"| {f} | {p} | {x} | {e} | {s} | {n} |" for f, p, x, e, s, n in scored.files],
            "",
        ]
        if scored.reasons:
            lines += ["Top failure reasons (items per reason):", ""]
            lines += [f"- {count}: {reason}" for count, reason in scored.reasons]
            lines.append("")
    lines += _migrate_section(migrate, migrate_code)
    return "\n".join(lines) + "\n"


def _migrate_section(migrate: dict[str, object] | None, code: int) -> list[str]:
    lines = ["## The migrate report", ""]
    if migrate is None:
        return [*lines, f"`sdkwright migrate` wrote no report (exit {code}).", ""]
    summary = migrate.get("summary", {})
    counts = summary if isinstance(summary, dict) else {}
    lines += [
        f"`sdkwright migrate stainless UPSTREAM --spec {SPEC_NAME}`: exit {code}, "
        f"{'compatible' if migrate.get('compatible') else 'not compatible'}",
        "",
        "| missing | changed, incompatible | changed, compatible | new |",
        "| ---: | ---: | ---: | ---: |",
        "| " + " | ".join(str(counts.get(k, 0)) for k in GROUPS) + " |",
        "",
    ]
    by_category = migrate.get("counts")
    if isinstance(by_category, dict) and isinstance(by_category.get("missing"), dict):
        categories = list(by_category["missing"])
        lines += [
            "| | " + " | ".join(categories) + " |",
            "| --- |" + " ---: |" * len(categories),
        ]
        for group in GROUPS:
            row = by_category.get(group, {})
            lines.append(
                f"| {group} | " + " | ".join(str(row.get(c, 0)) for c in categories) + " |"
            )
        lines.append("")
    changes = migrate.get("changes")
    blocking = [
        c
        for c in (changes if isinstance(changes, list) else [])
        if c.get("group") in ("missing", "incompatible") and not c.get("accepted")
    ]
    if blocking:
        lines += [f"First {min(len(blocking), SHOWN)} of {len(blocking)} blocking changes:", ""]
        lines += [f"- `{c.get('id')}`: {c.get('detail')}" for c in blocking[:SHOWN]]
        lines.append("")
    return lines


GROUPS = ("missing", "incompatible", "compatible", "new")


def _fail(message: str) -> int:
    print(f"stainless_compat: {message}", file=sys.stderr)
    return 2


def _commit() -> str:
    found = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain"], capture_output=True, text=True
    )
    return (found.stdout.strip() or "unknown") + ("+dirty" if dirty.stdout.strip() else "")


def _checkout(upstream_git: str, folder: Path) -> None:
    subprocess.run(["git", "clone", "-q", "--no-checkout", upstream_git, str(folder)], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(folder),
            "-c",
            "advice.detachedHead=false",
            "checkout",
            "-q",
            UPSTREAM_COMMIT,
        ],
        check=True,
    )


def _migrate(checkout: Path, spec: Path, work: Path) -> tuple[int, dict[str, object] | None, Path]:
    out, report = work / "migrated", work / "migrate-report.json"
    done = subprocess.run(
        [sys.executable, "-m", "sdkwright", "migrate", "stainless", str(checkout), "--spec", str(spec),
         "-o", str(out), "--report-json", str(report), "-q"],
        capture_output=True,
        text=True,
    )  # fmt: skip
    if done.returncode == 2:
        print(done.stderr[-4000:], file=sys.stderr)
    data = json.loads(report.read_text()) if report.is_file() else None
    return done.returncode, data, out


def _target_for_run_sh(migrated: Path, work: Path) -> Path:
    """The migrated target with the spec as run.sh puts it (beside the config, by its name)."""
    text = (migrated / "sdkwright.yaml").read_text(encoding="utf-8")
    target = work / "target" / "sdkwright.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(re.sub(r"(?m)^(\s*-?\s*spec:\s*).*$", rf"\g<1>{SPEC_NAME}", text, count=1))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--upstream-git", default=os.environ.get("STAINLESS_COMPAT_UPSTREAM_GIT"))
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench" / "results" / "stainless-compat.md"
    )
    parser.add_argument("--jobs", default="2", help="run.sh --jobs")
    arguments = parser.parse_args(argv)
    run_sh = arguments.shared / "stainless-compat" / "run.sh"
    spec = arguments.shared / "specs" / SPEC_NAME
    if not run_sh.is_file() or not spec.is_file():
        return _fail(f"no {run_sh} or {spec}: the bench needs ../shared beside the repository")
    if not arguments.upstream_git or not Path(arguments.upstream_git).exists():
        return _fail(
            "no upstream: pass --upstream-git PATH (or STAINLESS_COMPAT_UPSTREAM_GIT), a git "
            "directory of clear-street/clear-street-python (your tool's `fetch` gives one)"
        )
    with tempfile.TemporaryDirectory(prefix="stainless-compat-bench-") as folder:
        work = Path(folder)
        _checkout(arguments.upstream_git, work / "upstream")
        code, report, migrated = _migrate(work / "upstream", spec, work)
        if code not in (0, 1):
            return _fail(f"sdkwright migrate failed (exit {code})")
        environment = {**os.environ}
        mode = "`sdkwright migrate stainless` (run.sh's own migrate path)"
        if code == 1:
            environment["STAINLESS_COMPAT_TARGET"] = str(_target_for_run_sh(migrated, work))
            mode = (
                "the migrated target through STAINLESS_COMPAT_TARGET (`sdkwright migrate` exits 1 "
                "while something is missing or incompatible, and run.sh stops on a non-zero exit)"
            )
        results = work / "results"
        command = ["bash", str(run_sh), str(REPO), "--out", str(results), "--no-client",
                   "--jobs", arguments.jobs, "--upstream-git", arguments.upstream_git]  # fmt: skip
        print("running", " ".join(command), file=sys.stderr)
        finished = subprocess.run(command, cwd=REPO, env=environment)
        summary = results / "sdkwright.md"
        if not summary.is_file():
            return _fail(f"run.sh wrote no summary (exit {finished.returncode})")
        run = parse_summary(summary.read_text(encoding="utf-8"))
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M")
    text = render(run, report, code, mode, _commit(), when)
    arguments.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
