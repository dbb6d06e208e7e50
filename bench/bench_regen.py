"""Benchmark the regeneration workflow: cold generation, no-op regeneration, check, and
regeneration after a one-field spec change, on the GitHub and Stripe specs.

Run it from the repository root with the repository's own interpreter:

    .venv/bin/python bench/bench_regen.py                    # both specs
    .venv/bin/python bench/bench_regen.py --specs github --runs 9 --out /tmp/regen.md

For each spec (read from ``../shared/specs/`` beside the repository, copied into a temporary
folder so the bench can edit it; the script exits 2 when that folder is absent), every time is
the median wall time of a new ``sdkwright`` process (the venv's console script, else
``python -m sdkwright``), measured in the same run as its denominators and interleaved with
them (one of each per round), so that load from other processes weighs on both alike:

* interpreter start: ``python -c pass``;
* plain parse: in-process read + ``json.loads`` (JSON) or PyYAML's libyaml ``CSafeLoader``;
* cold generation: into an empty folder with an empty sdkwright cache (``--cold-runs``);
* no-op regeneration and check, twice each: in the steady state (the stats of output files
  more than 2 s old are in the local cache, so unchanged files are not read), and with every
  output file's mtime just touched, which forces every file to be read and hashed;
* one-field change: the spec alternates between two versions that differ in one property of
  one schema; each run regenerates after one edit (the caches the cold run filled are warm).

Targets (from issue 5): a no-op regeneration or check within 1.5x (plain parse + interpreter
start); a regeneration after a one-field change within 0.5x a cold generation.

The Markdown report goes to stdout and to ``bench/results/regen.md`` (``--out``); progress
goes to stderr. Subprocesses cache their bytecode under a temporary PYTHONPYCACHEPREFIX (as an
installed tool would have it), also when the caller sets PYTHONDONTWRITEBYTECODE.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SPECS_DIR = REPO_ROOT.parent / "shared" / "specs"
DEFAULT_OUT = REPO_ROOT / "bench" / "results" / "regen.md"
NOOP_TARGET = 1.5  # x (plain parse + interpreter start)
CHANGE_TARGET = 0.5  # x cold generation
RACY_WAIT_S = 2.2  # sdkwright trusts a file's stat only when it is older than 2 s
FIELD = "bench_added_field"


@dataclass(frozen=True)
class Spec:
    key: str
    filename: str
    package: str
    schema: str  # the schema that gains a property in the one-field change


SPECS: tuple[Spec, ...] = (
    Spec("github", "github-api.github.com-2020.json", "github", "simple-user"),
    Spec("stripe", "stripe-spec3.yaml", "stripe", "account"),
)


@dataclass(frozen=True)
class Measure:
    name: str
    times: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.times)


@dataclass(frozen=True)
class SpecResult:
    spec: Spec
    start: Measure
    parse: Measure
    cold: Measure
    noop: Measure
    noop_hashed: Measure
    check: Measure
    check_hashed: Measure
    change: Measure
    files_changed: tuple[int, ...]


# -- pure helpers ------------------------------------------------------------------------


def with_field(text: str, schema: str, is_json: bool) -> str:
    """`text` with one more property in `schema`'s `properties`, inserted as a one-line edit
    (the rest of the file stays byte for byte the same, as in a real edit)."""
    if is_json:
        at = text.index(f'"{schema}": {{')
        end = text.index('"properties": {', at) + len('"properties": {')
        field = f'\n"{FIELD}": {{"type": "string", "description": "Added by the benchmark."}},'
        return text[:end] + field + text[end:]
    match = re.search(rf"^(\s*){re.escape(schema)}:\n", text, re.MULTILINE)
    if match is None:
        raise ValueError(f"no schema {schema!r}")
    found = re.compile(r"^(\s*)properties:\n", re.MULTILINE).search(text, match.end())
    if found is None:
        raise ValueError(f"schema {schema!r} has no properties")
    indent = found.group(1) + "  "
    field = f"{indent}{FIELD}:\n{indent}  type: string\n{indent}  description: Added.\n"
    return text[: found.end()] + field + text[found.end() :]


def files_changed(stdout: str) -> int | None:
    match = re.search(r"\((\d+) files changed", stdout)
    return int(match.group(1)) if match else None


def fmt_time(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def verdict(ratio: float, target: float) -> str:
    return f"{'PASS' if ratio <= target else 'FAIL'} ({ratio:.2f}x, needs <= {target:g}x)"


# -- measuring ---------------------------------------------------------------------------


def child_env(scratch: Path, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    env["SDKWRIGHT_CACHE_DIR"] = str(cache)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep
    )
    return env


def sdkwright_command() -> list[str]:
    script = Path(sys.executable).parent / "sdkwright"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "sdkwright"]


def timed(command: Sequence[str], env: dict[str, str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise SystemExit(
            f"failed (exit {result.returncode}): {' '.join(command)}\n" + "\n".join(tail)
        )
    return elapsed, result.stdout


def parse_once(path: Path) -> float:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    started = time.perf_counter()
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        json.loads(text)
    else:
        yaml.load(text, Loader=loader)
    return time.perf_counter() - started


def touch_outputs(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path)


def interleaved(runs: int, steps: dict[str, Callable[[], float]]) -> dict[str, Measure]:
    """Run every step once per round, `runs` rounds: a numerator and its denominators are
    measured side by side, so that load from other processes weighs on both alike."""
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(runs):
        for name, step in steps.items():
            times[name].append(step())
    measures = {name: Measure(name, tuple(found)) for name, found in times.items()}
    for measure in measures.values():
        print(f"  {measure.name}: {fmt_time(measure.median)}", file=sys.stderr)
    return measures


class Bench:
    """One spec's working folder: the spec copy, three output folders and their caches."""

    def __init__(self, spec: Spec, scratch: Path) -> None:
        self.spec = spec
        self.work = scratch / spec.key
        self.work.mkdir()
        source = (SPECS_DIR / spec.filename).read_text(encoding="utf-8")
        self.variants = (source, with_field(source, spec.schema, spec.filename.endswith(".json")))
        self.spec_path = self.work / spec.filename
        self.spec_path.write_text(source, encoding="utf-8")
        self.env = child_env(scratch, self.work / "cache")
        self.cold_env = child_env(scratch, self.work / "cold-cache")
        self.changed: list[int] = []

    def command(self, verb: str, out: str) -> list[str]:
        target = [str(self.spec_path), "-o", str(self.work / out), "--package", self.spec.package]
        return [*sdkwright_command(), verb, *target]

    def run(self, command: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
        return timed(command, env or self.env, self.work)

    def start(self) -> float:
        return self.run([sys.executable, "-c", "pass"])[0]

    def parse(self) -> float:
        return parse_once(SPECS_DIR / self.spec.filename)

    def no_op(self, verb: str, out: str) -> Callable[[], float]:
        """`out` = "steady": stats cached; "hashed": every output touched, so read and hashed."""

        def once() -> float:
            if out == "hashed":
                touch_outputs(self.work / out)
            elapsed, stdout = self.run(self.command(verb, out))
            if "nothing changed" not in stdout:
                raise SystemExit(f"expected a no-op, got: {stdout.strip()}")
            return elapsed

        return once

    def cold(self) -> float:
        shutil.rmtree(self.work / "cold", ignore_errors=True)
        shutil.rmtree(self.work / "cold-cache", ignore_errors=True)
        return self.run(self.command("generate", "cold"), self.cold_env)[0]

    def change(self) -> float:
        """Regenerate `steady` after flipping the spec to its other variant (one field)."""
        self.spec_path.write_text(self.variants[(len(self.changed) + 1) % 2], encoding="utf-8")
        elapsed, stdout = self.run(self.command("generate", "steady"))
        count = files_changed(stdout)
        if count is None or not 1 <= count <= 10:
            raise SystemExit(f"expected a small regeneration, got: {stdout.strip()}")
        self.changed.append(count)
        return elapsed


def bench_spec(spec: Spec, runs: int, cold_runs: int, scratch: Path) -> SpecResult:
    print(f"{spec.key}:", file=sys.stderr)
    bench = Bench(spec, scratch)
    bench.run([*sdkwright_command(), "--version"])  # compiles the bytecode, outside the timings
    for out in ("steady", "hashed"):
        bench.run(bench.command("generate", out))
    time.sleep(RACY_WAIT_S)
    bench.run(bench.command("generate", "steady"))  # records the outputs' stats
    no_ops = interleaved(
        runs,
        {
            "interpreter start": bench.start,
            "plain parse": bench.parse,
            "no-op regeneration": bench.no_op("generate", "steady"),
            "check": bench.no_op("check", "steady"),
            "no-op regeneration, every output hashed": bench.no_op("generate", "hashed"),
            "check, every output hashed": bench.no_op("check", "hashed"),
        },
    )
    changes = interleaved(
        cold_runs,
        {"cold generation": bench.cold, "one-field change regeneration": bench.change},
    )
    more = interleaved(max(0, runs - cold_runs), {"one-field change regeneration": bench.change})
    change = changes["one-field change regeneration"]
    if more:
        extra = more["one-field change regeneration"].times
        change = Measure(change.name, change.times + extra)
    return SpecResult(
        spec,
        no_ops["interpreter start"],
        no_ops["plain parse"],
        changes["cold generation"],
        no_ops["no-op regeneration"],
        no_ops["no-op regeneration, every output hashed"],
        no_ops["check"],
        no_ops["check, every output hashed"],
        change,
        tuple(bench.changed),
    )


# -- report ------------------------------------------------------------------------------


def spec_rows(result: SpecResult) -> list[str]:
    floor = result.parse.median + result.start.median
    rows = [
        ("plain parse (in-process)", result.parse, "", ""),
        ("cold generation", result.cold, "", ""),
    ]
    for name, measure in (
        ("no-op regeneration", result.noop),
        ("no-op regeneration, every output hashed", result.noop_hashed),
        ("check", result.check),
        ("check, every output hashed", result.check_hashed),
    ):
        ratio = measure.median / floor
        rows.append((name, measure, f"{ratio:.2f}x (parse + start)", verdict(ratio, NOOP_TARGET)))
    ratio = result.change.median / result.cold.median
    rows.append(
        (
            "one-field change regeneration",
            result.change,
            f"{ratio:.2f}x cold",
            verdict(ratio, CHANGE_TARGET),
        )
    )
    return [
        f"| {result.spec.filename} | {name} | {fmt_time(m.median)} | {ratio or '-'} | {target or '-'} |"
        for name, m, ratio, target in rows
    ]


def render_markdown(results: Sequence[SpecResult], runs: int, cold_runs: int, command: str) -> str:
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    version = subprocess.run(
        [sys.executable, "-c", "import sdkwright; print(sdkwright.__version__)"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
    ).stdout.strip()
    lines = [
        "# sdkwright regeneration: cold, no-op, check and one-field change",
        "",
        f"- date (UTC): {now}",
        f"- machine: nproc {os.cpu_count()}, Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.system()} {platform.machine()}",
        f"- sdkwright {version}, run as `{command}`; bytecode cached (PYTHONPYCACHEPREFIX)",
        f"- medians of {runs} runs ({cold_runs} for cold generation); every run a new process; "
        "measurements interleaved round by round (start, parse, no-ops, checks; then cold "
        "generation and one-field change in turn)",
        "- interpreter start: `python -c pass`; plain parse: in-process read + json.loads / "
        "yaml CSafeLoader",
        "- a one-field change loads the spec and builds the IR again, renders again only the "
        "definitions and resource groups whose inputs changed (sdkwright/cache/render_cache.py), "
        "and formats and writes only the files whose render changed",
        "- the changed schema is one that many others and many operations refer to "
        "(GitHub's simple-user, Stripe's account): a worst case for the render cache",
        "- cold: empty output folder and empty sdkwright cache; no-op and check: steady state "
        "(stats of outputs older than 2 s cached), and with every output's mtime touched so "
        "that every file is read and hashed; one-field change: the spec alternates between "
        "two versions that differ in one added property of one schema",
        "",
        *(
            f"- {r.spec.key}: interpreter start {fmt_time(r.start.median)}, plain parse "
            f"{fmt_time(r.parse.median)}; files rewritten per one-field change: "
            f"{', '.join(map(str, r.files_changed))}"
            for r in results
        ),
        "",
        "| spec | measurement | median wall | ratio | target |",
        "|---|---|---:|---:|---|",
        *(row for result in results for row in spec_rows(result)),
        "",
        "Runs (wall):",
        "",
    ]
    for result in results:
        for measure in (
            result.cold,
            result.noop,
            result.noop_hashed,
            result.check,
            result.check_hashed,
            result.change,
        ):
            lines.append(
                f"- {result.spec.key} {measure.name}: {', '.join(fmt_time(t) for t in measure.times)}"
            )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--specs", nargs="+", choices=[s.key for s in SPECS], default=[s.key for s in SPECS]
    )
    parser.add_argument("--runs", type=int, default=7)
    # Cold runs write thousands of files; their wall time follows the kernel's writeback
    # (GitHub's ranged 1.6-2.2 s on one quiet machine in one morning), so a median of five.
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    arguments = parser.parse_args(argv)
    if not SPECS_DIR.is_dir():
        print(f"the real-world specs are not here: {SPECS_DIR}", file=sys.stderr)
        return 2
    chosen = [s for s in SPECS if s.key in arguments.specs]
    with tempfile.TemporaryDirectory(prefix="sdkwright-bench-regen-") as folder:
        results = [bench_spec(s, arguments.runs, arguments.cold_runs, Path(folder)) for s in chosen]
    program = sdkwright_command()
    command = Path(program[0]).name if len(program) == 1 else "python -m sdkwright"
    usage = f"{command} generate|check SPEC -o OUT --package NAME"
    report = render_markdown(results, arguments.runs, arguments.cold_runs, usage)
    print(report, end="")
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
