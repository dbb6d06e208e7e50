"""Breadth: every real spec in ../shared/specs through sdkwright, one row per spec.

    .venv/bin/python bench/bench_corpus.py [--specs NAME ...] [--skip-mypy] [--out FILE]

For each spec: `sdkwright generate` in a fresh folder (wall time and peak RSS of the process,
via os.wait4), the operations and models the SDK got, the warnings by code, whether every
module imports, the number of `mypy --strict` errors, and the generated tests passed/failed.
The Markdown table goes to stdout and to bench/results/corpus.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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
    operations: int = 0
    models: int = 0
    warnings: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    imports: str = "n/a"
    mypy_errors: str = "n/a"
    tests: str = "n/a"


def run_measured(
    command: list[str], cwd: Path, timeout: float = 1800
) -> tuple[int, float, float, str, str]:
    """Exit code, wall seconds, peak RSS (MiB) of the process, stdout, stderr."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
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
        "generator",
        "generate",
        str(SHARED / spec.path),
        "-o",
        str(sdk),
    ]
    command += ["--package", spec.name, "--format", "json"]
    if spec.spec_root:
        command += ["--spec-root", str(SHARED / spec.spec_root)]
    row.exit_code, row.wall_s, row.peak_mib, out, _ = run_measured(command, folder)
    try:
        diagnostics = json.loads(out) if out.strip().startswith("[") else []
    except json.JSONDecodeError:
        diagnostics = []
    for diagnostic in diagnostics:
        if diagnostic["level"] == "error":
            row.errors[diagnostic["code"]] += 1
        elif diagnostic["level"] == "warning":
            row.warnings[diagnostic["code"]] += 1
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
        checked = subprocess.run(
            [
                sys.executable,
                "-m",
                "mypy",
                "--strict",
                "--cache-dir",
                str(sdk / ".mypy_cache"),
                spec.name,
                "tests",
            ],
            cwd=sdk,
            capture_output=True,
            text=True,
            check=False,
        )
        found = re.search(r"Found (\d+) errors?", checked.stdout)
        row.mypy_errors = (
            "0" if checked.returncode == 0 else (found.group(1) if found else "failed")
        )


def counter_text(counter: Counter[str]) -> str:
    return ", ".join(f"{code} {count}" for code, count in counter.most_common()) or "-"


def render(rows: list[Row]) -> str:
    lines = [
        "# sdkwright on every spec in ../shared/specs",
        "",
        f"- date (UTC): {time.strftime('%Y-%m-%d %H:%M', time.gmtime())}; machine: nproc {os.cpu_count()}, Python {sys.version.split()[0]}",
        "- wall and peak RSS: the `sdkwright generate` process (os.wait4); tests: the SDK's generated tests, offline",
        "",
        "| spec | exit | operations | models | errors | warnings by code | imports | mypy --strict errors | generated tests | wall | peak RSS |",
        "|---|---:|---:|---:|---|---|---|---:|---|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.spec} | {r.exit_code} | {r.operations} | {r.models} | {counter_text(r.errors)} | {counter_text(r.warnings)} "
            f"| {r.imports} | {r.mypy_errors} | {r.tests} | {r.wall_s:.2f} s | {r.peak_mib:.0f} MiB |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--specs", nargs="*", help="names to run (default: all)")
    parser.add_argument("--skip-mypy", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS)
    arguments = parser.parse_args()
    if not SHARED.is_dir():
        print(f"the specs are not here: {SHARED}", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory(prefix="sdkwright-corpus-") as scratch:
        for spec in SPECS:
            if arguments.specs and spec.name not in arguments.specs:
                continue
            print(f"{spec.name} ...", file=sys.stderr)
            row = Row(spec.name)
            sdk = generate(spec, Path(scratch), row)
            if row.exit_code == 0:
                inspect_sdk(spec, sdk, row, not arguments.skip_mypy)
            rows.append(row)
    report = render(rows)
    print(report)
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
