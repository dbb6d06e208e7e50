"""Benchmark sdkwright's TypeScript generation against OpenAPI Generator's `typescript-fetch`,
side by side in one run, and type-check both outputs with `tsc --strict --noEmit` (issue 17).

Run it from the repository root with the repository's own interpreter (OpenAPI Generator
installs itself into ``bench/.venv-peers`` on first use, TypeScript into ``.cache/typescript``):

    .venv/bin/python bench/bench_typescript.py                   # GitHub and Stripe, 3 rounds
    .venv/bin/python bench/bench_typescript.py --specs github --runs 5 --workdir /dev/shm/bench

The specs are those of ``bench/bench_generate.py`` (GitHub and Stripe by default), read from
``../shared/specs/`` beside the repository (the script exits 2 when it is absent). The tools:

* sdkwright: ``<this interpreter> -m sdkwright generate`` in a working folder holding a
  ``sdkwright.yaml`` with one ``language: typescript`` target (the TypeScript target is chosen
  through the config only), with an empty private cache per run: the same environment,
  byte-compiled modules and cold cache as bench_generate.py's sdkwright runs.
* typescript-fetch: ``openapi-generator-cli generate -i SPEC -g typescript-fetch -o OUT
  --additional-properties=npmName=NAME``, the PyPI package bench_generate.py installs (the jar
  run on the machine's Java). ``npmName`` makes its output a package with a ``package.json``,
  a ``tsconfig.json`` and a README whose build is ``tsc``: without it, it writes no tsconfig.

The measuring is bench_generate.py's own loop (``measure_spec``): ``--runs`` rounds, each
running both tools in turn as new processes writing into fresh, empty output folders under
``--workdir``; median wall time and the largest peak RSS (``os.wait4``) of each. The output of
each tool's last round is kept until every timed run is over, then type-checked with the
project's own tsconfig.json: ``tsc -p OUT --strict --noEmit`` (TypeScript pinned as the tests
pin it, tests/typescript_tools.py). The report counts tsc's errors and shows the first ones;
where ``--strict`` fails, it compiles again with the output's own settings and counts those.

Target (issue 17), per spec: sdkwright's wall time at most 0.5x typescript-fetch's, and its
output compiles (whether typescript-fetch's does or not). The Markdown report goes to stdout
and to ``bench/results/typescript.md`` (``--out``); progress goes to stderr.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_generate.py, beside this file

import bench_generate as bg

DEFAULT_OUT = bg.REPO_ROOT / "bench" / "results" / "typescript.md"
DEFAULT_SPECS = ("github", "stripe")
TOOLS = ("sdkwright", "typescript-fetch")
OPENAPI_GENERATOR = next(peer for peer in bg.PEERS if peer.key == "openapi-generator")
# The compiler of the tests (tests/typescript_tools.py), in the folder they install it into.
TYPESCRIPT_PACKAGE = "typescript@5.6.3"
TYPESCRIPT_CACHE = bg.REPO_ROOT / ".cache" / "typescript"
TSC_ERROR = re.compile(r"\berror TS\d+:")
FIRST_ERRORS = 5
COMPILE_TIMEOUT_S = 900.0


@dataclass(frozen=True)
class Compiled:
    """What `tsc --strict --noEmit` said of one output; exit_code None when it did not run."""

    exit_code: int | None
    errors: int = 0
    first: tuple[str, ...] = ()
    wall_s: float = 0.0
    why_not: str = ""

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


@dataclass(frozen=True)
class Output:
    """A tool's output of the last round: its size, and what tsc said of it."""

    files: int
    size_bytes: int
    compiled: Compiled
    # Where `--strict` fails: the output's own settings, to tell strictness from breakage.
    own_settings: Compiled | None = None


@dataclass(frozen=True)
class SpecRun:
    spec: bg.Spec
    ops: int | None
    tools: dict[str, bg.ToolResult]
    outputs: dict[str, Output]


# --------------------------------------------------------------------------- commands


def typescript_config(spec: bg.Spec, out_dir: Path) -> str:
    """A sdkwright.yaml with one TypeScript target of spec writing into out_dir (as JSON,
    which is YAML: no quoting of the paths to get wrong)."""
    target: dict[str, str] = {
        "name": spec.key,
        "spec": str(bg.SPECS_DIR / spec.filename),
        "output": str(out_dir),
        "package": spec.package,
        "language": "typescript",
    }
    if spec.spec_root:
        target["spec_root"] = str(bg.SPECS_DIR / spec.spec_root)
    return json.dumps({"targets": [target]}, indent=2) + "\n"


def command_for(tool: str, spec: bg.Spec, out_dir: Path, bin_dir: Path) -> list[str]:
    """The command line of one tool on one spec; sdkwright's config is written beside out_dir,
    in the run's working folder."""
    if tool == "sdkwright":
        config = out_dir.parent / "sdkwright.yaml"
        config.write_text(typescript_config(spec, out_dir), encoding="utf-8")
        return [sys.executable, "-m", "sdkwright", "generate"]
    command = [str(bin_dir / OPENAPI_GENERATOR.script), "generate"]
    command += ["-i", str(bg.SPECS_DIR / spec.filename), "-g", "typescript-fetch"]
    return [*command, "-o", str(out_dir), f"--additional-properties=npmName={spec.package}"]


def env_for(tool: str, spec: bg.Spec, base: Mapping[str, str], cache_dir: Path) -> dict[str, str]:
    """bench_generate's environments: sdkwright's empty cache, OpenAPI Generator's JAVA_OPTS."""
    peer = "sdkwright" if tool == "sdkwright" else OPENAPI_GENERATOR.key
    return bg.env_for(peer, spec, base, cache_dir)


def keeper(kept: Path) -> bg.Keep:
    """Moves a tool's last output to kept/TOOL, out of the run's folder deleted after it."""

    def keep(tool: str, out_dir: Path) -> None:
        shutil.move(out_dir, kept / tool)

    return keep


# --------------------------------------------------------------------------- compiling


def ensure_typescript() -> tuple[Path | None, str]:
    """(tsc, its version), installing the pinned TypeScript first if needed; (None, why not)."""
    binary = TYPESCRIPT_CACHE / "node_modules" / ".bin" / "tsc"
    if not binary.exists():
        npm = shutil.which("npm")
        if npm is None:
            return None, "npm is not installed: the outputs are not compiled"
        bg.log(f"installing {TYPESCRIPT_PACKAGE} into {TYPESCRIPT_CACHE} ...")
        TYPESCRIPT_CACHE.mkdir(parents=True, exist_ok=True)
        install = [npm, "install", "--prefix", str(TYPESCRIPT_CACHE), "--no-audit", "--no-fund"]
        code, output = bg.run_capture([*install, "--loglevel=error", TYPESCRIPT_PACKAGE])
        if code != 0 or not binary.exists():
            why = f"could not install {TYPESCRIPT_PACKAGE}: {bg.last_nonempty_line(output)}"
            return None, why
    code, output = bg.run_capture([str(binary), "--version"])
    version = bg.last_nonempty_line(output) if code == 0 else f"unknown (exit {code})"
    return binary, f"TypeScript {version.removeprefix('Version ')}"


def tsc_verdict(exit_code: int, output: str, wall_s: float) -> Compiled:
    """tsc's errors (`file(line,col): error TSnnnn: ...`), counted, the first few kept; a
    failure without such lines keeps its last line (a crash, a bad tsconfig)."""
    errors = [line.strip() for line in output.splitlines() if TSC_ERROR.search(line)]
    first = errors[:FIRST_ERRORS]
    if exit_code != 0 and not first:
        first = [bg.last_nonempty_line(output) or f"exit {exit_code}, no output"]
    return Compiled(exit_code, len(errors), tuple(first), wall_s)


def compile_output(tsc: Path, out: Path, *, strict: bool = True) -> Compiled:
    """`tsc -p OUT --strict --noEmit` over the output's own tsconfig.json (without `--strict`:
    its own settings), run in OUT so that the errors name files relative to it."""
    if not (out / "tsconfig.json").is_file():
        return Compiled(None, why_not="not compiled: the output has no tsconfig.json")
    command = [str(tsc), "-p", str(out), "--noEmit", "--pretty", "false"]
    command += ["--strict"] if strict else []
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            cwd=out,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=COMPILE_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Compiled(None, why_not=f"not compiled: tsc timed out after {COMPILE_TIMEOUT_S:g} s")
    wall_s = time.perf_counter() - start
    return tsc_verdict(done.returncode, done.stdout + "\n" + done.stderr, wall_s)


def folder_size(folder: Path) -> tuple[int, int]:
    """(files, bytes) under folder."""
    sizes = [path.stat().st_size for path in folder.rglob("*") if path.is_file()]
    return len(sizes), sum(sizes)


def check_output(tsc: Path | None, why_not: str, out: Path) -> Output:
    files, size = folder_size(out)
    if tsc is None:
        return Output(files, size, Compiled(None, why_not=why_not))
    compiled = compile_output(tsc, out)
    if compiled.ok or compiled.exit_code is None:
        return Output(files, size, compiled)
    return Output(files, size, compiled, compile_output(tsc, out, strict=False))


# --------------------------------------------------------------------------- report


def wall_ratio(run: SpecRun) -> float | None:
    sdk, peer = run.tools["sdkwright"], run.tools["typescript-fetch"]
    if not (sdk.measured and peer.measured):
        return None
    return sdk.median_wall_s / peer.median_wall_s


def rss_ratio(run: SpecRun) -> float | None:
    sdk, peer = run.tools["sdkwright"], run.tools["typescript-fetch"]
    if not (sdk.measured and peer.measured):
        return None
    return sdk.max_rss_kib / peer.max_rss_kib


def compile_cell(output: Output | None) -> str:
    if output is None:
        return "no output"
    found = output.compiled
    if found.exit_code is None:
        return bg.md_cell(found.why_not)
    time_taken = bg.fmt_seconds(found.wall_s)
    if found.ok:
        return f"compiles (0 errors, {time_taken})"
    failed = f"FAILS: {found.errors} errors (exit {found.exit_code}, {time_taken})"
    own = output.own_settings
    if own is None or own.exit_code is None:
        return failed
    return f"{failed}; without --strict (its own settings): {own.errors} errors"


def size_cell(output: Output | None) -> str:
    if output is None:
        return "n/a"
    return f"{output.files} files, {output.size_bytes / 1e6:.1f} MB"


def verdict(run: SpecRun) -> str:
    """PASS when sdkwright's wall is at most 0.5x typescript-fetch's and its output compiles."""
    ratio = wall_ratio(run)
    if ratio is None:
        return "n/a (a tool did not complete the spec)"
    sdk_output = run.outputs.get("sdkwright")
    compiles = sdk_output is not None and sdk_output.compiled.ok
    peer_output = run.outputs.get("typescript-fetch")
    peer = "compiles" if peer_output is not None and peer_output.compiled.ok else "does not"
    ok = ratio <= bg.TARGET_WALL_RATIO and compiles
    return (
        f"{'PASS' if ok else 'FAIL'} (wall {ratio:.2f}x typescript-fetch's, needs <= "
        f"{bg.TARGET_WALL_RATIO:g}x; sdkwright's output {'compiles' if compiles else 'does not compile'}"
        f", typescript-fetch's {peer})"
    )


def ratio_text(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


def first_errors(runs: Sequence[SpecRun]) -> list[str]:
    lines: list[str] = []
    for run in runs:
        for tool, output in run.outputs.items():
            found = output.compiled
            if found.exit_code in (0, None):
                continue
            what = f"first {len(found.first)} of {found.errors} errors" if found.errors else "tsc"
            lines += ["", f"{run.spec.key}, {tool}: {what}", ""]
            lines += ["```text", *found.first, "```"]
    return lines


def render_markdown(
    header: Mapping[str, str], runs: Sequence[SpecRun], rounds: int, timeout_s: float
) -> str:
    lines = [
        "# sdkwright vs OpenAPI Generator's typescript-fetch: TypeScript SDKs, side by side",
        "",
        *(f"- {key}: {value}" for key, value in header.items()),
        f"- rounds: {rounds} (median wall, max peak RSS from os.wait4, as in bench_generate.py)",
        "- typescript-fetch runs with `--additional-properties=npmName=NAME`: its output is then "
        "a package with its own tsconfig.json and `npm run build` (tsc), as its README says",
        *(f"- {note}" for note in peer_notes([run.spec for run in runs])),
        "- compiled: `tsc -p OUT --strict --noEmit` over each output's own tsconfig.json, after "
        "every timed run; where it fails, again without `--strict` (the output's own settings), "
        "to tell strictness from broken code",
        "",
        "| spec | ops | sdkwright wall / peak RSS | typescript-fetch wall / peak RSS | wall ratio "
        "| RSS ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        cells = [run.spec.key, str(run.ops) if run.ops is not None else "n/a"]
        cells += [bg.tool_cell(run.tools[tool], timeout_s) for tool in TOOLS]
        cells += [ratio_text(wall_ratio(run)), ratio_text(rss_ratio(run))]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "| spec | tool | output | tsc --strict --noEmit |", "|---|---|---:|---|"]
    for run in runs:
        for tool in TOOLS:
            output = run.outputs.get(tool)
            lines.append(
                f"| {run.spec.key} | {tool} | {size_cell(output)} | {compile_cell(output)} |"
            )
    lines += [
        "",
        "Targets (issue 17: sdkwright wall <= 0.5x typescript-fetch's, output compiles):",
        "",
    ]
    lines += [f"- {run.spec.key}: {verdict(run)}" for run in runs]
    lines += first_errors(runs)
    lines += ["", "Runs (wall / peak RSS / exit):", ""]
    lines += [line for run in runs for line in bg.runs_detail(_as_spec_result(run))]
    return "\n".join(lines).rstrip() + "\n"


def peer_notes(specs: Sequence[bg.Spec]) -> list[str]:
    """bench_generate's settings notes that concern OpenAPI Generator (JAVA_OPTS)."""
    return [note for note in bg.settings_notes(specs) if note.startswith("openapi-generator")]


def _as_spec_result(run: SpecRun) -> bg.SpecResult:
    return bg.SpecResult(spec=run.spec, ops=run.ops, parse_s=None, tools=run.tools)


# --------------------------------------------------------------------------- main


def prepare_peer() -> tuple[str, dict[str, str] | None, Path]:
    """(version text, environment or None when unavailable, bin dir) of OpenAPI Generator."""
    bin_dir = bg.venv_bin(bg.PEERS_VENV)
    try:
        problem = bg.ensure_venv(bg.PEERS_VENV)
        if problem is not None:
            raise RuntimeError(problem)
        version = bg.ensure_peer(bg.PEERS_VENV, OPENAPI_GENERATOR)
    except RuntimeError as error:
        bg.log(f"typescript-fetch unavailable: {error}")
        return f"unavailable: {error}", None, bin_dir
    env = bg.with_first(os.environ, "PATH", bin_dir)
    return f"OpenAPI Generator {version}, generator typescript-fetch", env, bin_dir


def node_version() -> str:
    node = shutil.which("node")
    if node is None:
        return "not installed"
    code, output = bg.run_capture([node, "--version"])
    return bg.last_nonempty_line(output) if code == 0 else f"unknown (exit {code})"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Compare sdkwright's TypeScript generation with typescript-fetch's."
    )
    parser.add_argument(
        "--specs",
        type=lambda value: bg.names(value, bg.SPEC_KEYS),
        nargs="+",
        default=[list(DEFAULT_SPECS)],
        metavar="NAME",
        help=f"specs to run (default: {', '.join(DEFAULT_SPECS)}): {', '.join(bg.SPEC_KEYS)}",
    )
    parser.add_argument("--runs", type=bg.positive_int, default=3, help="rounds per spec")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown report path")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where the runs' output folders go (default: the system's temp folder)",
    )
    return parser.parse_args(argv)


def measure(
    specs: Sequence[bg.Spec],
    args: argparse.Namespace,
    envs: dict[str, Mapping[str, str]],
    bin_dir: Path,
    compiler: tuple[Path | None, str],
) -> list[tuple[bg.Spec, dict[str, bg.ToolResult], dict[str, Output]]]:
    """Every timed run first, then tsc over the kept outputs (its load weighs on no run)."""
    tsc, ts_version = compiler
    bins = {"typescript-fetch": bin_dir}
    found = []
    with tempfile.TemporaryDirectory(prefix="bench-ts-kept-", dir=args.workdir) as kept_root:
        for spec in specs:
            bg.log(f"{spec.filename}:")
            kept = Path(kept_root) / spec.key
            kept.mkdir()
            tools = bg.measure_spec(
                spec, list(envs), envs, bins, args.runs, args.timeout, args.workdir,
                commands=command_for, environments=env_for, keep=keeper(kept),
            )  # fmt: skip
            found.append((spec, tools, kept))
        results = []
        for spec, tools, kept in found:
            outputs = {}
            for tool in TOOLS:
                if (kept / tool).is_dir():
                    bg.log(f"tsc --strict --noEmit: {spec.key}, {tool} ...")
                    outputs[tool] = check_output(tsc, ts_version, kept / tool)
            results.append((spec, tools, outputs))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    wanted = bg.flatten(args.specs)
    specs = [spec for spec in bg.SPECS if spec.key in wanted]
    problem = bg.missing_inputs(specs)
    if problem is not None:
        print(f"bench_typescript: {problem}", file=sys.stderr)
        return 2
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
    load_start = bg.load_average()
    peer_version, peer_env, bin_dir = prepare_peer()
    envs: dict[str, Mapping[str, str]] = {"sdkwright": bg.sdkwright_env(os.environ)}
    if peer_env is not None:
        envs["typescript-fetch"] = peer_env
    sdk_version = bg.sdkwright_version(envs["sdkwright"])
    started = datetime.datetime.now(datetime.UTC)
    tsc, ts_version = ensure_typescript()
    bg.log(ts_version)
    measured = measure(specs, args, envs, bin_dir, (tsc, ts_version))
    floors = bg.bench_parse_floors(specs, 1)
    runs = []
    for (spec, tools, outputs), (_, ops) in zip(measured, floors, strict=True):
        if "typescript-fetch" not in tools:
            tools["typescript-fetch"] = bg.ToolResult(skipped="unavailable")
        runs.append(SpecRun(spec, ops, tools, outputs))
    header = {
        "date (UTC)": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"nproc {bg.nproc()}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}; load average (1 min) {load_start} at the "
        f"start, {bg.load_average()} at the end (tools take turns in each round)",
        "output folders": f"new, empty, under {args.workdir or tempfile.gettempdir()}",
        "sdkwright": sdk_version,
        "typescript-fetch": peer_version,
        "compiler": f"{ts_version}, Node.js {node_version()}",
    }
    report = render_markdown(header, runs, args.runs, args.timeout)
    print(report, end="")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    bg.log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
