"""Breadth: every real spec in ../shared/specs through sdkwright, one row per spec.

Run it from the repository root with the repository's own interpreter (one command):

    .venv/bin/python bench/bench_corpus.py [--specs NAME ...] [--skip-mypy] [--cold-mypy] [--out FILE]

For each spec: `sdkwright generate` in a fresh folder with an empty sdkwright cache (wall time
and peak RSS of the process, via os.wait4), the operations in the spec and the methods the SDK
got, its models, the warnings by code, whether every module imports, the `mypy --strict`
errors (and how long mypy took), and the generated tests passed/failed (run offline).

mypy runs on the SDK's package and tests with the SDK's own settings (its pyproject.toml:
strict, the oldest Python the SDK supports). Its cache is kept per spec in
bench/.cache/mypy/ (not part of the repository), so a rerun only re-checks the modules that
changed, whichever temporary folder the SDK is in; `--cold-mypy` empties it first, to measure
a first run. The table says which it was. Error counts are mypy's own, never capped.

The Markdown table goes to stdout and to bench/results/corpus.md; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "specs"
RESULTS = REPO / "bench" / "results" / "corpus.md"
MYPY_CACHE = REPO / "bench" / ".cache" / "mypy"
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


@dataclass(frozen=True)
class Spec:
    name: str
    path: str
    spec_root: str = ""  # a wider folder for file references, where the layout needs one


SPECS = (
    Spec("clearstreet", "clearstreet-trading-3.1.json"),
    Spec("petstore", "oai-petstore-3.0.yaml"),
    Spec("swagger_petstore", "swagger-petstore-3.0.yaml"),
    Spec("webhooks", "oai-webhook-example-3.1.yaml"),
    Spec("callbacks", "oai-callback-example-3.0.yaml"),
    Spec("uber", "oai-uber-2.0.json"),
    Spec(
        "petstore_split", "oai-petstore-separate-2.0/spec/swagger.yaml", "oai-petstore-separate-2.0"
    ),
    Spec("spotify", "spotify-fixed-open-api.yml"),
    Spec("stripe", "stripe-spec3.yaml"),
    Spec("github", "github-api.github.com-2020.json"),
    Spec("digitalocean", "digitalocean/specification/DigitalOcean-public.v2.yaml"),
)


@dataclass
class Row:
    spec: str
    exit_code: int = -1
    wall_s: float = 0.0
    peak_mib: float = 0.0
    spec_operations: int = 0
    operations: int = 0
    models: int = 0
    warnings: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    imports: str = "n/a"
    mypy_errors: str = "n/a"
    mypy_s: float = 0.0
    mypy_cache: str = ""
    tests: str = "n/a"


def count_operations(path: Path) -> int:
    """HTTP-method keys under each path item of the root file's `paths` (a multi-file spec's
    operations may be `$ref`s: their keys are in the root file all the same)."""
    text = path.read_text()
    if path.suffix == ".json":
        document = json.loads(text)
    else:
        import yaml

        document = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    paths = document.get("paths") or {}
    return sum(1 for item in paths.values() for key in item if key in HTTP_METHODS)


def exception_line(stderr: str) -> str:
    """The exception of a traceback (the lines after it ask to report the bug), else the last."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()] or ["no output"]
    raised = [line for line in lines if re.match(r"[\w.]+(Error|Exception)\b", line)]
    return (raised or lines)[-1][:100]


def run_measured(
    command: list[str], cwd: Path, timeout: float = 1800, env: dict[str, str] | None = None
) -> tuple[int, float, float, str, str]:
    """Exit code, wall seconds, peak RSS (MiB) of the process, stdout, stderr."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, env=env)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
            time.sleep(0.02)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        code = os.waitstatus_to_exitcode(status)
        return (
            code,
            wall,
            usage.ru_maxrss / 1024,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
        )


def generate(spec: Spec, folder: Path, row: Row) -> Path:
    sdk = folder / spec.name
    command = [
        sys.executable,
        "-m",
        "sdkwright",
        "generate",
        str(SHARED / spec.path),
        "-o",
        str(sdk),
    ]
    command += ["--package", spec.name, "--format", "json"]
    if spec.spec_root:
        command += ["--spec-root", str(SHARED / spec.spec_root)]
    # A cold run: an empty sdkwright cache (parsed YAML, fast-path stamps, templates).
    cache = folder / f".sdkwright-cache-{spec.name}"
    env = {**os.environ, "SDKWRIGHT_CACHE_DIR": str(cache)}
    row.exit_code, row.wall_s, row.peak_mib, out, err = run_measured(command, folder, env=env)
    try:
        diagnostics = json.loads(out) if out.strip().startswith("[") else []
    except json.JSONDecodeError:
        diagnostics = []
    for diagnostic in diagnostics:
        if diagnostic["level"] == "error":
            row.errors[diagnostic["code"]] += 1
        elif diagnostic["level"] == "warning":
            row.warnings[diagnostic["code"]] += 1
    if row.exit_code != 0 and not row.errors:  # a crash, not a diagnostic: say what it was
        row.errors["crash: " + exception_line(err)] += 1
    return sdk


def inspect_sdk(spec: Spec, sdk: Path, row: Row, mypy: bool) -> None:
    package = sdk / spec.name
    row.models = len([p for p in (package / "types").glob("*.py") if p.name != "__init__.py"])
    # Public methods of the resource classes: the sync and the async class each have them all.
    methods = r"^    (?:async )?def (?!_)\w+\("
    resources = (package / "resources").glob("*.py")
    row.operations = (
        sum(len(re.findall(methods, p.read_text(), re.MULTILINE)) for p in resources) // 2
    )
    probe = f"import pkgutil, importlib, {spec.name}\nfor m in pkgutil.walk_packages({spec.name}.__path__, '{spec.name}.'): importlib.import_module(m.name)\n"
    imported = subprocess.run(
        [sys.executable, "-c", probe], cwd=sdk, capture_output=True, text=True, check=False
    )
    row.imports = (
        "ok"
        if imported.returncode == 0
        else "FAILED: " + (imported.stderr.strip().splitlines() or ["?"])[-1][:80]
    )
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=sdk,
        capture_output=True,
        text=True,
        check=False,
    )
    summary = tests.stdout.strip().splitlines()[-1] if tests.stdout.strip() else "no output"
    passed = re.search(r"(\d+) passed", summary)
    failed = re.search(r"(\d+) failed", summary)
    errors = re.search(r"(\d+) error", summary)
    row.tests = (
        f"{passed.group(1) if passed else 0} passed / {int(failed.group(1)) if failed else 0} failed"
        + (f" / {errors.group(1)} errors" if errors else "")
    )
    if mypy:
        run_mypy(spec, sdk, row)


def run_mypy(spec: Spec, sdk: Path, row: Row) -> None:
    """mypy --strict on the package and its tests, with the spec's persistent cache."""
    cache = MYPY_CACHE / spec.name
    row.mypy_cache = "warm" if (cache / "CACHEDIR.TAG").exists() else "cold"
    started = time.perf_counter()
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), spec.name, "tests"],
        cwd=sdk,
        capture_output=True,
        text=True,
        check=False,
    )
    row.mypy_s = time.perf_counter() - started
    found = re.search(r"Found (\d+) errors?", checked.stdout)
    if checked.returncode == 0 and "Success" in checked.stdout:
        row.mypy_errors = "0"
    elif found:
        row.mypy_errors = found.group(1)
    else:  # mypy itself failed (a crash, a bad option): say so rather than a count
        row.mypy_errors = "FAILED: " + (checked.stderr.strip().splitlines() or ["?"])[-1][:80]


def counter_text(counter: Counter[str]) -> str:
    return ", ".join(f"{code} {count}" for code, count in counter.most_common()) or "-"


def mypy_cell(row: Row) -> str:
    if row.mypy_errors == "n/a":
        return "n/a"
    return f"{row.mypy_errors} ({row.mypy_s:.0f} s, {row.mypy_cache} cache)"


def render(rows: list[Row], load: tuple[str, str]) -> str:
    lines = [
        "# sdkwright on every spec in ../shared/specs",
        "",
        f"- date (UTC): {time.strftime('%Y-%m-%d %H:%M', time.gmtime())}; machine: nproc "
        f"{os.cpu_count()}, Python {sys.version.split()[0]}; load average (1 min) {load[0]} at the "
        f"start, {load[1]} at the end (the machine is shared with other work)",
        "- wall and peak RSS: the `sdkwright generate` process (os.wait4), cold (empty sdkwright "
        "cache); operations: in the spec / methods in the SDK; tests: the SDK's generated tests, "
        "offline; mypy: `mypy --strict` on the package and its tests (errors, wall time, whether "
        "its cache in bench/.cache/mypy was cold or warm)",
        "",
        "| spec | exit | operations | models | errors | warnings by code | imports "
        "| mypy --strict errors | generated tests | wall | peak RSS |",
        "|---|---:|---:|---:|---|---|---|---:|---|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.spec} | {r.exit_code} | {r.spec_operations} / {r.operations} | {r.models} "
            f"| {counter_text(r.errors)} | {counter_text(r.warnings)} | {r.imports} "
            f"| {mypy_cell(r)} | {r.tests} | {r.wall_s:.2f} s | {r.peak_mib:.0f} MiB |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--specs", nargs="*", help="names to run (default: all)")
    parser.add_argument("--skip-mypy", action="store_true")
    parser.add_argument("--cold-mypy", action="store_true", help="empty mypy's cache first")
    parser.add_argument("--out", type=Path, default=RESULTS)
    arguments = parser.parse_args()
    if not SHARED.is_dir():
        print(f"the specs are not here: {SHARED}", file=sys.stderr)
        return 2
    if arguments.cold_mypy:
        shutil.rmtree(MYPY_CACHE, ignore_errors=True)
    load_start = f"{os.getloadavg()[0]:.2f}"
    ran: list[tuple[Spec, Row]] = []
    with tempfile.TemporaryDirectory(prefix="sdkwright-corpus-") as scratch:
        for spec in SPECS:
            if arguments.specs and spec.name not in arguments.specs:
                continue
            print(f"{spec.name} ...", file=sys.stderr)
            row = Row(spec.name)
            sdk = generate(spec, Path(scratch), row)
            if row.exit_code == 0:
                inspect_sdk(spec, sdk, row, not arguments.skip_mypy)
            ran.append((spec, row))
    # Only now: parsing a large spec here would raise the peak RSS the children inherit.
    for spec, row in ran:
        row.spec_operations = count_operations(SHARED / spec.path)
    report = render([row for _, row in ran], (load_start, f"{os.getloadavg()[0]:.2f}"))
    print(report)
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
