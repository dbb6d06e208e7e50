"""Import time of a generated SDK: `import pkg`, `pkg.Client(...)`, first use of one resource.

Run it from the repository root with the repository's own interpreter (one command):

    .venv/bin/python bench/bench_import.py                     # GitHub's spec, 15 rounds
    .venv/bin/python bench/bench_import.py --specs github stripe --rounds 25 --out /tmp/import.md

For each spec (read from ``../shared/specs/`` beside the repository; the script exits 2 when
that folder is absent) the bench generates the SDK once into a temporary folder and byte-compiles
it (as installing it would), then runs rounds of two fresh processes, interleaved so that load
from other processes weighs on both alike:

* the floor: ``import httpx, pydantic`` (what any SDK on them pays);
* the SDK: ``import pkg``, then ``pkg.Client(...)`` (made-up credentials), then the first access of one
  resource attribute (by default the group with the largest module, the worst case), which
  imports that group's module and the models it uses.

Times are measured inside each process with ``time.perf_counter`` from just before the first
import, so the interpreter's own start (the same for every Python program) is left out; the
table shows medians over the rounds. Target (issue 3): on GitHub's spec the SDK's total (import
+ client + first resource) is under 0.5 s.

The Markdown report goes to stdout and to ``bench/results/import.md`` (``--out``); progress goes
to stderr. Stdlib only.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SPECS_DIR = REPO_ROOT.parent / "shared" / "specs"
DEFAULT_OUT = REPO_ROOT / "bench" / "results" / "import.md"
TARGET_SPEC = "github"
TARGET_S = 0.5

SPECS = {
    "clearstreet": "clearstreet-trading-3.1.json",
    "spotify": "spotify-fixed-open-api.yml",
    "github": "github-api.github.com-2020.json",
    "stripe": "stripe-spec3.yaml",
    "digitalocean": "digitalocean/specification/DigitalOcean-public.v2.yaml",
}

FLOOR_PROBE = """\
import json, time
started = time.perf_counter()
import httpx, pydantic
print(json.dumps({"floor": time.perf_counter() - started}))
"""

# Run with the package, the client class and the resource attribute as arguments.
SDK_PROBE = """\
import inspect, json, sys, time
package, client_name, attribute = sys.argv[1:4]
started = time.perf_counter()
module = __import__(package)
imported = time.perf_counter()
client_class = getattr(module, client_name)
# A made-up value for each credential the client takes (api_key=, token=, password=, ...).
client = client_class(**{
    name: "bench" for name, parameter in inspect.signature(client_class).parameters.items()
    if parameter.annotation == "str | None" and name != "base_url"
})
constructed = time.perf_counter()
getattr(client, attribute)
used = time.perf_counter()
print(json.dumps({
    "import": imported - started,
    "client": constructed - imported,
    "resource": used - constructed,
    "total": used - started,
    "modules": len(sys.modules),
}))
"""

# Lists the client's resource attributes with the size of each one's module (not timed).
RESOURCES_PROBE = """\
import functools, json, sys
from pathlib import Path
package, client_name = sys.argv[1:3]
module = __import__(package)
resources = __import__(package + ".resources", fromlist=["_MODULES"])
folder = Path(resources.__file__).parent
found = {}
for name, value in vars(getattr(module, client_name)).items():
    if isinstance(value, functools.cached_property) and not name.startswith("with_"):
        group = value.func.__annotations__["return"]
        found[name] = (folder / (resources._MODULES[group] + ".py")).stat().st_size
print(json.dumps(found))
"""


@dataclass(frozen=True)
class Sample:
    floor: float
    sdk: dict[str, float]


@dataclass(frozen=True)
class SpecResult:
    key: str
    client_name: str
    attribute: str
    module_kib: float
    resources: int
    samples: tuple[Sample, ...]
    error: str = ""

    def median(self, part: str) -> float:
        return statistics.median(sample.sdk[part] for sample in self.samples)

    @property
    def floor(self) -> float:
        return statistics.median(sample.floor for sample in self.samples)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def error_line(stderr: str) -> str:
    """The exception line of a traceback (pydantic adds a help link after it), else the last."""
    lines = [line for line in stderr.splitlines() if line.strip()] or ["no output"]
    errors = [line for line in lines if re.match(r"[\w.]+(Error|Exception|Annotation)\b", line)]
    return (errors or lines)[-1][:200]


def run_json(command: Sequence[str], cwd: Path) -> dict[str, float]:
    done = subprocess.run(
        list(command), cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"exit {done.returncode}: {error_line(done.stderr)}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def generate(key: str, folder: Path) -> Path:
    sdk = folder / key
    command = [sys.executable, "-m", "sdkwright", "generate", str(SPECS_DIR / SPECS[key])]
    command += ["-o", str(sdk), "--package", key]
    done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"sdkwright generate {key}: exit {done.returncode}: {done.stderr[-600:]}"
        )
    # Installing a package byte-compiles it; a first import without .pyc files would measure
    # the compiler instead.
    compileall.compile_dir(sdk / key, quiet=1)
    return sdk


def client_name(sdk: Path, key: str) -> str:
    """The sync client's class: the name `_client.__all__` lists after its async twin."""
    source = (sdk / key / "_client.py").read_text()
    line = next(line for line in source.splitlines() if line.startswith("__all__ = "))
    names: list[str] = json.loads(line.removeprefix("__all__ = "))
    return next(name for name in names if f"Async{name}" in names)


def bench_spec(key: str, folder: Path, rounds: int, attribute: str | None) -> SpecResult:
    log(f"{key}: generating ...")
    sdk = generate(key, folder)
    client = client_name(sdk, key)
    sizes = run_json([sys.executable, "-c", RESOURCES_PROBE, key, client], sdk)
    chosen = attribute or max(sizes, key=lambda name: sizes[name])
    samples = []
    for index in range(rounds):
        floor = run_json([sys.executable, "-c", FLOOR_PROBE], sdk)["floor"]
        timings = run_json([sys.executable, "-c", SDK_PROBE, key, client, chosen], sdk)
        samples.append(Sample(floor, timings))
        log(f"  round {index + 1}/{rounds}: floor {floor:.3f} s, sdk {timings['total']:.3f} s")
    return SpecResult(
        key=key,
        client_name=client,
        attribute=chosen,
        module_kib=sizes[chosen] / 1024,
        resources=len(sizes),
        samples=tuple(samples),
    )


def bench_or_failure(key: str, folder: Path, rounds: int, attribute: str | None) -> SpecResult:
    """The spec's result, or a row saying where it failed (a broken SDK is a result too)."""
    try:
        return bench_spec(key, folder, rounds, attribute)
    except RuntimeError as error:
        log(f"  failed: {error}")
        return SpecResult(key, "", attribute or "", 0, 0, (), error=str(error))


def verdict(result: SpecResult) -> str:
    if result.error:
        return "FAIL (the SDK does not import)"
    total = result.median("total")
    state = "PASS" if total < TARGET_S else "FAIL"
    return f"{state} ({total:.3f} s, needs < {TARGET_S:g} s)"


def render(results: Sequence[SpecResult], rounds: int, load: tuple[str, str]) -> str:
    lines = [
        "# Import time of generated SDKs",
        "",
        f"- date (UTC): {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M}",
        f"- machine: nproc {os.cpu_count()}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}; load average (1 min) {load[0]} at the start, "
        f"{load[1]} at the end (other work shares the machine: the two probes alternate)",
        f"- {rounds} rounds, medians; in-process times from just before the first import "
        "(interpreter start excluded); .pyc files compiled beforehand",
        "- floor: `import httpx, pydantic`; sdk: `import pkg` + `pkg.Client(...)` + first "
        "access of `client.<resource>` (the group with the largest module unless chosen); "
        "`Client()` includes importing httpx and pydantic, so the SDK's own share is total - floor",
        "",
        "| spec | resource (module size, of N groups) | floor | import pkg | Client() "
        "| first resource | total | total / floor | modules loaded |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if r.error:
            lines.append(f"| {r.key} | failed: {r.error.replace('|', '/')} | | | | | | | |")
            continue
        modules = statistics.median(sample.sdk["modules"] for sample in r.samples)
        lines.append(
            f"| {r.key} | `{r.attribute}` ({r.module_kib:.0f} KiB, of {r.resources}) "
            f"| {r.floor:.3f} s | {r.median('import'):.3f} s | {r.median('client'):.3f} s "
            f"| {r.median('resource'):.3f} s | {r.median('total'):.3f} s "
            f"| {r.median('total') / r.floor:.2f}x | {modules:.0f} |"
        )
    lines += ["", "Target:", ""]
    lines += [f"- {r.key}: {verdict(r)}" for r in results if r.key == TARGET_SPEC]
    lines += [
        f"- {r.key}: no target (informational: {verdict(r)})"
        for r in results
        if r.key != TARGET_SPEC
    ]
    return "\n".join(lines) + "\n"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Import time of generated SDKs.")
    parser.add_argument("--specs", nargs="+", choices=sorted(SPECS), default=[TARGET_SPEC])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--resource", help="the client attribute to use (default: largest)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    return parser.parse_args(argv)


def load_average() -> str:
    return f"{os.getloadavg()[0]:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not SPECS_DIR.is_dir():
        print(f"bench_import: the specs are not here: {SPECS_DIR}", file=sys.stderr)
        return 2
    load_start = load_average()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as scratch:
        results = [
            bench_or_failure(key, Path(scratch), args.rounds, args.resource) for key in args.specs
        ]
    report = render(results, args.rounds, (load_start, load_average()))
    print(report, end="")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report)
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
