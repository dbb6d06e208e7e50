"""Benchmark sdkwright's cold SDK generation against openapi-python-client (opc).

Run it from the repository root with the repository's own interpreter:

    .venv/bin/python bench/bench_generate.py                  # all specs, 3 runs each
    .venv/bin/python bench/bench_generate.py --specs clearstreet --runs 5
    .venv/bin/python bench/bench_generate.py --skip-opc --out /tmp/generate.md

What it measures, for each spec (read from ``../shared/specs/`` beside the repository; the
script exits 2 when that folder is absent) and each tool:

* ``--runs`` cold runs (a new process each time), each writing into a fresh, empty output
  directory inside a fresh temporary working directory; the table shows the median wall time.
* The peak RSS from ``os.wait4`` (``ru_maxrss``). On Linux the kernel reports there the largest
  peak of the generator process *and* of every descendant it waited for (e.g. a ``ruff``
  formatter subprocess): the largest single process of the tree, not the sum of processes
  that ran at the same time. The table shows the maximum over the runs. Linux also starts a
  child's ``ru_maxrss`` at its parent's high-water mark, so the bench runs every tool before it
  parses any spec itself, and reports its own peak at that point as the floor of the column.
* The exit code: a failed run shows as ``failed (exit N)`` with the last error line of its
  stderr (else its last line), and the remaining runs of that tool on that spec are skipped.
* In-process, after the tool runs, the "parse floor": reading and parsing the spec
  (``json.loads`` for JSON, PyYAML's libyaml ``CSafeLoader`` for YAML), median of ``--runs``:
  the least time any generator needs just to load it.

The tools:

* sdkwright: ``<this interpreter> -m generator generate SPEC -o OUT --package NAME``, with this
  interpreter's bin directory first on PATH (so formatters come from the repository's venv) and
  the repository root first on PYTHONPATH (so the checkout's ``generator`` is the one measured,
  installed into the venv or not).
* opc: ``openapi-python-client generate --path SPEC --output-path OUT --overwrite`` (its default
  ruff post-hooks), installed at first use into ``bench/.venv-peers`` (a local cache, not part of
  the repository), with that venv's bin directory first on PATH so its own ruff is used.

The Markdown report goes to stdout and to ``bench/results/generate.md`` (``--out``); progress
goes to stderr. Stdlib only, apart from PyYAML for parsing the YAML spec's parse floor.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib
import json
import os
import platform
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SPECS_DIR = REPO_ROOT.parent / "shared" / "specs"
PEERS_VENV = REPO_ROOT / "bench" / ".venv-peers"
DEFAULT_OUT = REPO_ROOT / "bench" / "results" / "generate.md"

OPC_DIST = "openapi-python-client"
OPC_PREFERRED = "0.29.1"
# Tried in order: the exact version, else the newest 0.29.x, else the newest release.
OPC_REQUIREMENTS = (f"{OPC_DIST}=={OPC_PREFERRED}", f"{OPC_DIST}>=0.29,<0.30", OPC_DIST)

HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
TARGET_SPEC = "clearstreet"
TARGET_WALL_RATIO = 0.5
TARGET_RSS_RATIO = 1.0
RSS_NOTE = (
    "peak RSS = os.wait4 ru_maxrss: the largest peak of a single process in the tool's tree "
    "(the generator process and the subprocesses it waited for, e.g. ruff), not a sum; "
    "measured the same way for both tools"
)
MAX_CELL_TEXT = 160
ERROR_LINE_RE = re.compile(r"^(?:[\w.]*(?:Error|Exception)|error|fatal)\s*:")
BOILERPLATE_RE = re.compile(r"please open an issue", re.IGNORECASE)
ERROR_CONTINUATION_LINES = 2
TAIL_BYTES = 64 * 1024


@dataclass(frozen=True)
class Spec:
    """One benchmark input."""

    key: str
    filename: str
    package: str
    label: str
    # opc aborts on Stripe's duplicate enum keys with its defaults; PEERS.md measured it with
    # `literal_enums: true`, which lets it finish, so the bench does the same.
    opc_literal_enums: bool = False


SPECS: tuple[Spec, ...] = (
    Spec("clearstreet", "clearstreet-trading-3.1.json", "clearstreet", "Clear Street"),
    Spec("stripe", "stripe-spec3.yaml", "stripe", "Stripe", opc_literal_enums=True),
    Spec("github", "github-api.github.com-2020.json", "github", "GitHub"),
)
SPEC_KEYS = tuple(spec.key for spec in SPECS)


@dataclass(frozen=True)
class RunResult:
    """One run of one tool: exit_code is None when the run was killed at the timeout."""

    wall_s: float
    maxrss_kib: int
    exit_code: int | None
    last_line: str

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


@dataclass(frozen=True)
class ToolResult:
    """All runs of one tool on one spec, or why the tool was not run."""

    runs: tuple[RunResult, ...] = ()
    skipped: str | None = None

    @property
    def failure(self) -> RunResult | None:
        return next((run for run in self.runs if not run.ok), None)

    @property
    def measured(self) -> bool:
        return self.skipped is None and bool(self.runs) and self.failure is None

    @property
    def median_wall_s(self) -> float:
        return statistics.median(run.wall_s for run in self.runs)

    @property
    def max_rss_kib(self) -> int:
        return max(run.maxrss_kib for run in self.runs)


@dataclass(frozen=True)
class SpecResult:
    spec: Spec
    ops: int | None
    parse_s: float | None
    sdkwright: ToolResult
    opc: ToolResult


@dataclass(frozen=True)
class Header:
    date_utc: str
    nproc: int
    python: str
    system: str
    sdkwright_version: str
    opc_version: str
    runs: int
    timeout_s: float
    bench_floor_kib: int


# --------------------------------------------------------------------------- pure helpers


def count_operations(doc: object) -> int:
    """Number of operations: HTTP-method keys under each path item of ``paths``."""
    if not isinstance(doc, dict):
        return 0
    paths = doc.get("paths")
    if not isinstance(paths, dict):
        return 0
    return sum(
        1
        for item in paths.values()
        if isinstance(item, dict)
        for key in item
        if key in HTTP_METHODS
    )


def kib_to_mib(maxrss: int, sys_platform: str = sys.platform) -> float:
    """``ru_maxrss`` is KiB on Linux and bytes on macOS."""
    divisor = 1024 * 1024 if sys_platform == "darwin" else 1024
    return maxrss / divisor


def fmt_seconds(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 1 else f"{seconds:.2f} s"


def fmt_mib(maxrss: int) -> str:
    return f"{kib_to_mib(maxrss):.1f} MiB"


def fmt_ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.2f}x" if denominator > 0 else "n/a"


def md_cell(text: str) -> str:
    """Make text safe for one Markdown table cell."""
    flat = " ".join(text.split()).replace("|", "\\|")
    return flat if len(flat) <= MAX_CELL_TEXT else flat[: MAX_CELL_TEXT - 1] + "…"


def describe_exit(run: RunResult, timeout_s: float) -> str:
    if run.exit_code is None:
        status = f"failed (timeout after {timeout_s:g} s)"
    elif run.exit_code < 0:
        status = f"failed (killed by signal {-run.exit_code})"
    else:
        status = f"failed (exit {run.exit_code})"
    return f"{status}: {run.last_line}" if run.last_line else status


def tool_cells(tool: ToolResult, timeout_s: float) -> tuple[str, str]:
    """The (wall, peak RSS) cells for one tool."""
    if tool.skipped is not None:
        return tool.skipped, tool.skipped
    failure = tool.failure
    if failure is not None:
        return md_cell(describe_exit(failure, timeout_s)), "n/a"
    if not tool.runs:
        return "n/a", "n/a"
    return fmt_seconds(tool.median_wall_s), fmt_mib(tool.max_rss_kib)


def ratio_cells(sdk: ToolResult, opc: ToolResult) -> tuple[str, str]:
    failure = opc.failure
    if sdk.measured and failure is not None and failure.exit_code is not None:
        # opc gave up: what it spent before failing bounds what a success would have cost.
        wall = fmt_ratio(sdk.median_wall_s, failure.wall_s)
        rss = fmt_ratio(sdk.max_rss_kib, failure.maxrss_kib)
        return f"< {wall} (of opc's time to fail)", f"< {rss} (of opc's peak before failing)"
    if not (sdk.measured and opc.measured):
        return "n/a", "n/a"
    return (
        fmt_ratio(sdk.median_wall_s, opc.median_wall_s),
        fmt_ratio(sdk.max_rss_kib, opc.max_rss_kib),
    )


def table_row(result: SpecResult, timeout_s: float) -> str:
    ops = str(result.ops) if result.ops is not None else "n/a"
    parse = fmt_seconds(result.parse_s) if result.parse_s is not None else "n/a"
    cells = [
        result.spec.filename,
        ops,
        parse,
        *tool_cells(result.sdkwright, timeout_s),
        *tool_cells(result.opc, timeout_s),
        *ratio_cells(result.sdkwright, result.opc),
    ]
    return "| " + " | ".join(cells) + " |"


def target_verdict(sdk: ToolResult, opc: ToolResult) -> str:
    """PASS when sdkwright wall <= 0.5 x opc wall and sdkwright peak RSS <= opc peak RSS."""
    if not sdk.measured:
        return "FAIL (sdkwright did not complete)" if sdk.skipped is None else "n/a"
    if not opc.measured:
        return "n/a (no opc measurement)"
    wall_ratio = sdk.median_wall_s / opc.median_wall_s
    rss_ratio = sdk.max_rss_kib / opc.max_rss_kib
    ok = wall_ratio <= TARGET_WALL_RATIO and rss_ratio <= TARGET_RSS_RATIO
    return (
        f"{'PASS' if ok else 'FAIL'} (wall {wall_ratio:.2f}x, needs <= {TARGET_WALL_RATIO:g}x; "
        f"peak RSS {rss_ratio:.2f}x, needs <= {TARGET_RSS_RATIO:g}x)"
    )


def target_line(result: SpecResult) -> str:
    verdict = target_verdict(result.sdkwright, result.opc)
    if result.spec.key == TARGET_SPEC:
        return f"- {result.spec.label}: {verdict}"
    return f"- {result.spec.label}: no target set (informational, same check: {verdict})"


def runs_detail(result: SpecResult) -> list[str]:
    lines = []
    for name, tool in (("sdkwright", result.sdkwright), ("opc", result.opc)):
        if tool.skipped is not None or not tool.runs:
            continue
        runs = ", ".join(
            f"{fmt_seconds(run.wall_s)} / {fmt_mib(run.maxrss_kib)} / exit {run.exit_code}"
            for run in tool.runs
        )
        lines.append(f"- {result.spec.key} {name}: {runs}")
    return lines


def render_markdown(header: Header, results: Sequence[SpecResult]) -> str:
    lines = [
        "# sdkwright vs openapi-python-client: cold generation",
        "",
        f"- date (UTC): {header.date_utc}",
        f"- machine: nproc {header.nproc}, Python {header.python}, {header.system}",
        f"- sdkwright: {header.sdkwright_version}",
        f"- openapi-python-client: {header.opc_version}",
        "- opc on Stripe runs with `literal_enums: true` (with its defaults it aborts on duplicate"
        " enum keys, as PEERS.md reports)",
        f"- runs per tool and spec: {header.runs} (median wall, max peak RSS); "
        f"timeout {header.timeout_s:g} s per run",
        f"- {RSS_NOTE}",
        f"- RSS floor: on Linux a child's ru_maxrss starts at its parent's high-water mark, so "
        f"every peak RSS is at least the bench's own peak when it spawned the tools "
        f"({fmt_mib(header.bench_floor_kib)}); the bench parses no spec before the tool runs",
        "- parse floor: in-process read + json.loads / yaml CSafeLoader, median of the runs",
        "",
        "| spec | ops | parse floor | sdkwright wall | sdkwright peak RSS | opc wall "
        "| opc peak RSS | wall ratio sdkwright/opc | RSS ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(table_row(result, header.timeout_s) for result in results),
        "",
        "Targets:",
        "",
        *(target_line(result) for result in results),
        "",
        "Runs (wall / peak RSS / exit):",
        "",
        *(line for result in results for line in runs_detail(result)),
    ]
    return "\n".join(lines).rstrip() + "\n"


def with_first(env: Mapping[str, str], name: str, entry: Path) -> dict[str, str]:
    """A copy of env whose path-list variable name starts with entry."""
    rest = env.get(name, "")
    return {**env, name: f"{entry}{os.pathsep}{rest}" if rest else str(entry)}


def sdkwright_env(env: Mapping[str, str]) -> dict[str, str]:
    """This interpreter's bin dir first on PATH; the checkout first on PYTHONPATH."""
    return with_first(with_first(env, "PATH", Path(sys.executable).parent), "PYTHONPATH", REPO_ROOT)


def sdkwright_command(spec_path: Path, out_dir: Path, package: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "generator",
        "generate",
        str(spec_path),
        "-o",
        str(out_dir),
        "--package",
        package,
    ]


def opc_command(
    opc_exe: Path, spec_path: Path, out_dir: Path, literal_enums: bool = False
) -> list[str]:
    command = [
        str(opc_exe),
        "generate",
        "--path",
        str(spec_path),
        "--output-path",
        str(out_dir),
        "--overwrite",
    ]
    if literal_enums:
        config = out_dir.parent / "opc-config.json"
        config.write_text('{"literal_enums": true}\n')
        command += ["--config", str(config)]
    return command


def last_nonempty_line(*texts: str) -> str:
    """The last non-empty line of the first text that has one."""
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines:
            return lines[-1]
    return ""


def failure_line(*texts: str) -> str:
    """The last error line of the first text that has a line (else its last line).

    An error line looks like ``SomeError: ...`` (continued over the next few lines, as rich
    tracebacks wrap it) or ``error: ...``; boilerplate "please open an issue" lines are skipped.
    """
    for text in texts:
        lines = [
            line.strip()
            for line in text.splitlines()
            if line.strip() and not BOILERPLATE_RE.search(line)
        ]
        for index in range(len(lines) - 1, -1, -1):
            if ERROR_LINE_RE.match(lines[index]):
                return " ".join(lines[index : index + 1 + ERROR_CONTINUATION_LINES])
        if lines:
            return lines[-1]
    return ""


# --------------------------------------------------------------------------- measuring


def read_tail(path: Path) -> str:
    with path.open("rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        handle.seek(max(0, size - TAIL_BYTES))
        return handle.read().decode("utf-8", errors="replace")


def kill_group(pid: int, fired: threading.Event | None = None) -> None:
    """SIGKILL the process group led by pid (a run is started in its own session)."""
    if fired is not None:
        fired.set()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def run_once(
    cmd: Sequence[str], cwd: Path, env: Mapping[str, str], timeout_s: float, log_dir: Path
) -> RunResult:
    """Run cmd to completion; wall time, wait4 peak RSS, exit code and last stderr line."""
    out_log, err_log = log_dir / "stdout.log", log_dir / "stderr.log"
    timed_out = threading.Event()
    with out_log.open("wb") as out_f, err_log.open("wb") as err_f:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=out_f,
            stderr=err_f,
            start_new_session=True,
        )
        timer = threading.Timer(timeout_s, kill_group, args=(proc.pid, timed_out))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            kill_group(proc.pid)
            proc.wait()
            raise
        finally:
            timer.cancel()
        wall_s = time.perf_counter() - start
    exit_code = os.waitstatus_to_exitcode(status)
    proc.returncode = exit_code  # already reaped by wait4: keep Popen from waiting again
    last = "" if exit_code == 0 else failure_line(read_tail(err_log), read_tail(out_log))
    return RunResult(
        wall_s=wall_s,
        maxrss_kib=usage.ru_maxrss,
        exit_code=None if timed_out.is_set() else exit_code,
        last_line=last,
    )


def measure_tool(
    name: str,
    build_cmd: Callable[[Path], list[str]],
    env: Mapping[str, str],
    runs: int,
    timeout_s: float,
) -> ToolResult:
    """runs cold runs, each into a fresh empty output dir; stops at the first failure."""
    results: list[RunResult] = []
    for index in range(runs):
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
            work = Path(tmp) / "work"
            out_dir = work / "out"
            out_dir.mkdir(parents=True)
            run = run_once(build_cmd(out_dir), work, env, timeout_s, Path(tmp))
        results.append(run)
        state = "ok" if run.ok else describe_exit(run, timeout_s)
        log(
            f"  {name} run {index + 1}/{runs}: {fmt_seconds(run.wall_s)}, "
            f"{fmt_mib(run.maxrss_kib)}, {state}"
        )
        if not run.ok:
            break
    return ToolResult(runs=tuple(results))


def load_yaml(text: str) -> object:
    yaml = importlib.import_module("yaml")
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        raise RuntimeError("PyYAML is built without libyaml: no CSafeLoader")
    doc: object = yaml.load(text, Loader=loader)
    return doc


def parse_spec(path: Path) -> object:
    if path.suffix == ".json":
        doc: object = json.loads(path.read_bytes())
        return doc
    return load_yaml(path.read_text(encoding="utf-8"))


def measure_parse_floor(path: Path, runs: int) -> tuple[float | None, int | None]:
    """(median parse seconds, operation count), or (None, None) when it cannot parse."""
    times: list[float] = []
    ops: int | None = None
    for _ in range(runs):
        start = time.perf_counter()
        try:
            doc = parse_spec(path)
        except (ImportError, RuntimeError, ValueError) as exc:
            log(f"  parse floor unavailable for {path.name}: {exc}")
            return None, None
        times.append(time.perf_counter() - start)
        ops = count_operations(doc)
        del doc
    return statistics.median(times), ops


# --------------------------------------------------------------------------- tools


def run_capture(cmd: Sequence[str], env: Mapping[str, str] | None = None) -> tuple[int, str]:
    """Exit code and combined output of a short helper command."""
    with tempfile.TemporaryDirectory(prefix="bench-cmd-") as tmp:
        try:
            done = subprocess.run(
                list(cmd),
                cwd=tmp,
                env=None if env is None else dict(env),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return -1, str(exc)
    return done.returncode, (done.stdout + "\n" + done.stderr).strip()


def sdkwright_version(env: Mapping[str, str]) -> str:
    code, output = run_capture([sys.executable, "-m", "generator", "--version"], env)
    if code == 0 and output:
        return output.splitlines()[0]
    return f"unknown (`python -m generator --version` exit {code}: {last_nonempty_line(output)})"


def venv_bin(venv: Path) -> Path:
    return venv / "bin"


def installed_opc_version(venv: Path) -> str | None:
    code, output = run_capture(
        [
            str(venv_bin(venv) / "python"),
            "-c",
            f"import importlib.metadata as m; print(m.version({OPC_DIST!r}))",
        ]
    )
    return output.splitlines()[-1].strip() if code == 0 and output else None


def install_opc(venv: Path) -> bool:
    """Install opc into venv, trying OPC_REQUIREMENTS in order."""
    python = str(venv_bin(venv) / "python")
    for requirement in OPC_REQUIREMENTS:
        log(f"installing {requirement} into {venv} ...")
        code, output = run_capture([python, "-m", "pip", "install", "--quiet", requirement])
        if code == 0:
            return True
        log(f"  failed (exit {code}): {last_nonempty_line(output)}")
    return False


def ensure_opc(venv: Path) -> tuple[Path, str] | str:
    """(opc executable, version) ready to run, or the reason it is not."""
    log(f"note: {venv.relative_to(REPO_ROOT)}/ is a local cache of peer tools; do not commit it")
    if not (venv_bin(venv) / "python").exists():
        log(f"creating virtualenv {venv} ...")
        code, output = run_capture([sys.executable, "-m", "venv", str(venv)])
        if code != 0:
            return f"could not create {venv}: {last_nonempty_line(output)}"
    exe = venv_bin(venv) / OPC_DIST
    if not exe.exists() and not install_opc(venv):
        return f"could not install {OPC_DIST}"
    version = installed_opc_version(venv)
    if version is None or not exe.exists():
        return f"{OPC_DIST} is not usable in {venv}"
    return exe, version


def opc_version_text(version: str) -> str:
    note = "" if version == OPC_PREFERRED else f" (wanted {OPC_PREFERRED}: not available)"
    return f"{version}{note}, default ruff post-hooks"


# --------------------------------------------------------------------------- main


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def nproc() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def spec_keys(value: str) -> list[str]:
    """argparse type: comma-separated spec names."""
    keys = [key.strip() for key in value.split(",") if key.strip()]
    unknown = [key for key in keys if key not in SPEC_KEYS]
    if unknown or not keys:
        raise argparse.ArgumentTypeError(
            f"unknown spec {', '.join(unknown) or value!r}; choose from {', '.join(SPEC_KEYS)}"
        )
    return keys


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be >= 1")
    return number


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Compare sdkwright's cold generation with openapi-python-client."
    )
    parser.add_argument(
        "--specs",
        type=spec_keys,
        nargs="+",
        default=[list(SPEC_KEYS)],
        metavar="NAME",
        help=f"specs to run (space- or comma-separated): {', '.join(SPEC_KEYS)}",
    )
    parser.add_argument("--runs", type=positive_int, default=3, help="runs per tool and spec")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    parser.add_argument("--skip-opc", action="store_true", help="do not run opc")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown report path")
    return parser.parse_args(argv)


def selected_specs(groups: Sequence[Sequence[str]]) -> list[Spec]:
    wanted = {key for group in groups for key in group}
    return [spec for spec in SPECS if spec.key in wanted]


def missing_inputs(specs: Sequence[Spec]) -> str | None:
    if not SPECS_DIR.is_dir():
        return f"spec folder {SPECS_DIR} is absent: nothing measured"
    missing = [spec.filename for spec in specs if not (SPECS_DIR / spec.filename).is_file()]
    if missing:
        return f"missing in {SPECS_DIR}: {', '.join(missing)}: nothing measured"
    return None


def bench_tools(
    spec: Spec,
    args: argparse.Namespace,
    sdk_env: Mapping[str, str],
    opc: tuple[Path, Mapping[str, str]] | str,
) -> tuple[ToolResult, ToolResult]:
    """(sdkwright, opc) results for one spec."""
    path = SPECS_DIR / spec.filename
    log(f"{spec.filename}:")
    sdk = measure_tool(
        "sdkwright",
        lambda out: sdkwright_command(path, out, spec.package),
        sdk_env,
        args.runs,
        args.timeout,
    )
    if isinstance(opc, str):
        opc_result = ToolResult(skipped=opc)
    else:
        opc_exe, opc_env = opc
        opc_result = measure_tool(
            "opc",
            lambda out: opc_command(opc_exe, path, out, spec.opc_literal_enums),
            opc_env,
            args.runs,
            args.timeout,
        )
    return sdk, opc_result


def bench_parse_floors(specs: Sequence[Spec], runs: int) -> list[tuple[float | None, int | None]]:
    log("parse floors:")
    floors = [measure_parse_floor(SPECS_DIR / spec.filename, runs) for spec in specs]
    for spec, (parse_s, ops) in zip(specs, floors, strict=True):
        shown = fmt_seconds(parse_s) if parse_s is not None else "n/a"
        log(f"  {spec.filename}: {shown}, {ops} operations")
    return floors


def self_peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    specs = selected_specs(args.specs)
    problem = missing_inputs(specs)
    if problem is not None:
        print(f"bench_generate: {problem}", file=sys.stderr)
        return 2

    sdk_env = sdkwright_env(os.environ)
    opc: tuple[Path, Mapping[str, str]] | str
    opc_version: str
    if args.skip_opc:
        opc, opc_version = "skipped", "skipped (--skip-opc)"
    else:
        ready = ensure_opc(PEERS_VENV)
        if isinstance(ready, str):
            log(f"opc unavailable: {ready}")
            opc, opc_version = "unavailable", f"unavailable: {ready}"
        else:
            exe, version = ready
            opc = (exe, with_first(os.environ, "PATH", exe.parent))
            opc_version = opc_version_text(version)

    started = datetime.datetime.now(datetime.UTC)
    sdk_version = sdkwright_version(sdk_env)
    # Every tool run comes before any in-process parse: a child's ru_maxrss starts at this
    # process's high-water mark (Linux copies it at fork/exec), so the bench stays small.
    tools = [bench_tools(spec, args, sdk_env, opc) for spec in specs]
    floor_kib = self_peak_rss()
    floors = bench_parse_floors(specs, args.runs)
    results = [
        SpecResult(spec=spec, ops=ops, parse_s=parse_s, sdkwright=sdk, opc=opc_result)
        for spec, (sdk, opc_result), (parse_s, ops) in zip(specs, tools, floors, strict=True)
    ]
    header = Header(
        date_utc=started.strftime("%Y-%m-%d %H:%M UTC"),
        nproc=nproc(),
        python=f"{platform.python_version()} ({platform.python_implementation()})",
        system=f"{platform.system()} {platform.machine()}",
        sdkwright_version=sdk_version,
        opc_version=opc_version,
        runs=args.runs,
        timeout_s=args.timeout,
        bench_floor_kib=floor_kib,
    )
    report = render_markdown(header, results)
    print(report, end="")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
