"""Benchmark sdkwright's cold SDK generation against its peers, side by side in one run.

Run it from the repository root with the repository's own interpreter (one command; the peers
install themselves into ``bench/.venv-peers`` on first use):

    .venv/bin/python bench/bench_generate.py                         # every spec, 3 rounds
    .venv/bin/python bench/bench_generate.py --specs clearstreet github --runs 5
    .venv/bin/python bench/bench_generate.py --tools sdkwright,opc --out /tmp/generate.md

The specs are every spec in ``../shared/specs/`` beside the repository (multi-file ones
included; the script exits 2 when that folder is absent). The tools, each with its default
command unless a note in the report says otherwise:

* sdkwright: ``<this interpreter> -m sdkwright generate SPEC -o OUT --package NAME``: the full
  pipeline, validation and formatting included, with an empty private cache folder
  (``SDKWRIGHT_CACHE_DIR``) per run so that nothing is reused; this interpreter's bin directory
  first on PATH (formatters from the repository's venv), the checkout first on PYTHONPATH, its
  modules byte-compiled first as ``pip install`` compiles an installed package's (and the
  peers').
* opc: ``openapi-python-client generate --path SPEC --output-path OUT --overwrite`` (its ruff
  post-hooks).
* openapi-generator: ``openapi-generator-cli generate -i SPEC -g python -o OUT`` (the PyPI
  package that bundles the jar, run on the machine's Java).
* datamodel-codegen: ``datamodel-codegen --input SPEC --input-file-type openapi --output OUT``,
  models only, its default formatters (black and isort); OUT is a file, or a folder for the
  specs it can only write as a package of modules.

Peers install at first use into ``bench/.venv-peers`` (a local cache, not part of the
repository), pinned to the versions PEERS.md measured, and run with that venv's bin directory
first on PATH.

What it measures, for each spec: ``--runs`` rounds; each round runs every tool once, in turn
(so that load from other processes weighs on every tool alike), as a new process writing into
a fresh, empty output directory inside a fresh temporary working directory. The table shows the
median wall time and the largest peak RSS over the rounds, from ``os.wait4`` (``ru_maxrss``):
on Linux the largest peak of one process of the tool's tree (the tool and the subprocesses it
waited for: ruff, black, the JVM), not a sum. Linux starts a child's ``ru_maxrss`` at its
parent's high-water mark, so the bench runs every tool before it parses any spec itself and
reports its own peak then as the floor of the column. A failed run shows as ``failed (exit
N)`` with the last error line of its stderr (else of its stdout), and that tool is not run again
on that spec. After the tools, in-process, the "parse floor": reading and parsing the root
spec file (``json.loads``, or PyYAML's libyaml ``CSafeLoader``), median of ``--runs``.

Target (issue 3), per spec: sdkwright's wall time at most 0.5x the fastest peer that completes
the spec, and its peak RSS at most the lightest such peer's. The report gives a PASS or FAIL
line per spec, and the load average of the machine at the start and the end of the run.

The Markdown report goes to stdout and to ``bench/results/generate.md`` (``--out``); progress
goes to stderr. Stdlib only, apart from PyYAML for the parse floor of YAML specs.
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
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SPECS_DIR = REPO_ROOT.parent / "shared" / "specs"
PEERS_VENV = REPO_ROOT / "bench" / ".venv-peers"
DEFAULT_OUT = REPO_ROOT / "bench" / "results" / "generate.md"

HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
TARGET_WALL_RATIO = 0.5
TARGET_RSS_RATIO = 1.0
MAX_CELL_TEXT = 160
ERROR_LINE_RE = re.compile(
    r"^(?:[\w.]*(?:Error|Exception)\s*:|fatal\s*:|Exception in thread|\[\w+\] ERROR\b)",
    re.IGNORECASE,
)
BOILERPLATE_RE = re.compile(r"please open an issue|for further information visit", re.IGNORECASE)
LOOSE_ERROR_RE = re.compile(r"error|failed|exception|not found", re.IGNORECASE)
ERROR_CONTINUATION_LINES = 2
TAIL_BYTES = 64 * 1024
# Stripe's YAML is past the YAML parser's default size limit in OpenAPI Generator; PEERS.md
# raised it the same way.
BIG_YAML_JAVA_OPTS = "-DmaxYamlCodePoints=99999999"


@dataclass(frozen=True)
class Spec:
    """One benchmark input, and the per-spec settings a peer needs to complete it."""

    key: str
    filename: str
    label: str
    spec_root: str = ""  # sdkwright's --spec-root, where file references leave the spec's folder
    # opc aborts on Stripe's duplicate enum keys with its defaults; PEERS.md measured it with
    # `literal_enums: true`, which lets it finish, so the bench does the same.
    opc_literal_enums: bool = False
    og_java_opts: str = ""
    dmcg_output_folder: bool = False  # datamodel-codegen writes modular output only to a folder

    @property
    def package(self) -> str:
        return self.key


SPECS: tuple[Spec, ...] = (
    Spec("clearstreet", "clearstreet-trading-3.1.json", "Clear Street"),
    Spec("petstore", "oai-petstore-3.0.yaml", "OAI petstore"),
    Spec("swagger_petstore", "swagger-petstore-3.0.yaml", "Swagger petstore"),
    Spec("webhooks", "oai-webhook-example-3.1.yaml", "OAI webhook example"),
    Spec("callbacks", "oai-callback-example-3.0.yaml", "OAI callback example"),
    Spec("uber", "oai-uber-2.0.json", "Uber (Swagger 2.0)"),
    Spec(
        "petstore_split",
        "oai-petstore-separate-2.0/spec/swagger.yaml",
        "Petstore in separate files (Swagger 2.0)",
        spec_root="oai-petstore-separate-2.0",
    ),
    Spec("spotify", "spotify-fixed-open-api.yml", "Spotify"),
    Spec(
        "stripe",
        "stripe-spec3.yaml",
        "Stripe",
        opc_literal_enums=True,
        og_java_opts=BIG_YAML_JAVA_OPTS,
        dmcg_output_folder=True,
    ),
    Spec("github", "github-api.github.com-2020.json", "GitHub"),
    Spec(
        "digitalocean",
        "digitalocean/specification/DigitalOcean-public.v2.yaml",
        "DigitalOcean (2,907 files)",
        dmcg_output_folder=True,
    ),
)
SPEC_KEYS = tuple(spec.key for spec in SPECS)


@dataclass(frozen=True)
class Peer:
    """A peer tool: the distribution that brings it, pinned, and its console script."""

    key: str
    label: str
    distribution: str
    version: str
    script: str


PEERS: tuple[Peer, ...] = (
    Peer(
        "opc", "openapi-python-client", "openapi-python-client", "0.29.1", "openapi-python-client"
    ),
    Peer(
        "openapi-generator",
        "OpenAPI Generator (python)",
        "openapi-generator-cli",
        "7.26.0",
        "openapi-generator-cli",
    ),
    Peer(
        "datamodel-codegen",
        "datamodel-code-generator (models only)",
        "datamodel-code-generator",
        "0.89.0",
        "datamodel-codegen",
    ),
)
TOOL_KEYS = ("sdkwright", *(peer.key for peer in PEERS))

# How a bench runs one tool on one spec (bench_typescript.py measures other commands with the
# same loop): (tool, spec, out_dir, bin_dir) -> argv; (tool, spec, base env, cache_dir) -> env;
# and what to do with a tool's output folder of the last round.
CommandFor = Callable[[str, Spec, Path, Path], list[str]]
EnvFor = Callable[[str, Spec, Mapping[str, str], Path], dict[str, str]]
Keep = Callable[[str, Path], None]


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
    tools: dict[str, ToolResult] = field(default_factory=dict)

    @property
    def sdkwright(self) -> ToolResult:
        return self.tools["sdkwright"]

    def peers(self) -> list[tuple[str, ToolResult]]:
        return [(key, tool) for key, tool in self.tools.items() if key != "sdkwright"]


@dataclass(frozen=True)
class Header:
    date_utc: str
    nproc: int
    python: str
    system: str
    versions: dict[str, str]
    runs: int
    timeout_s: float
    bench_floor_kib: int
    load: tuple[str, str]
    workdir: str


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
    return f"{kib_to_mib(maxrss):.0f} MiB"


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


def tool_cell(tool: ToolResult, timeout_s: float) -> str:
    """'wall / peak RSS', or why there is none."""
    if tool.skipped is not None:
        return tool.skipped
    failure = tool.failure
    if failure is not None:
        return md_cell(f"{describe_exit(failure, timeout_s)} (after {fmt_seconds(failure.wall_s)})")
    if not tool.runs:
        return "n/a"
    return f"{fmt_seconds(tool.median_wall_s)} / {fmt_mib(tool.max_rss_kib)}"


def completing_peers(result: SpecResult) -> list[tuple[str, ToolResult]]:
    return [(key, tool) for key, tool in result.peers() if tool.measured]


def target_verdict(result: SpecResult) -> str:
    """PASS when sdkwright's wall <= 0.5x the fastest completing peer's, and its peak RSS
    <= the lightest completing peer's."""
    sdk = result.sdkwright
    if not sdk.measured:
        return "FAIL (sdkwright did not complete)" if sdk.skipped is None else "n/a"
    peers = completing_peers(result)
    if not peers:
        return "no peer completes it (no target to meet)"
    fastest_key, fastest = min(peers, key=lambda peer: peer[1].median_wall_s)
    lightest_key, lightest = min(peers, key=lambda peer: peer[1].max_rss_kib)
    wall_ratio = sdk.median_wall_s / fastest.median_wall_s
    rss_ratio = sdk.max_rss_kib / lightest.max_rss_kib
    ok = wall_ratio <= TARGET_WALL_RATIO and rss_ratio <= TARGET_RSS_RATIO
    return (
        f"{'PASS' if ok else 'FAIL'} (wall {wall_ratio:.2f}x the fastest peer, {fastest_key}, "
        f"needs <= {TARGET_WALL_RATIO:g}x; peak RSS {rss_ratio:.2f}x the lightest, "
        f"{lightest_key}, needs <= {TARGET_RSS_RATIO:g}x)"
    )


def table_row(result: SpecResult, tools: Sequence[str], timeout_s: float) -> str:
    ops = str(result.ops) if result.ops is not None else "n/a"
    parse = fmt_seconds(result.parse_s) if result.parse_s is not None else "n/a"
    cells = [result.spec.key, ops, parse]
    cells += [tool_cell(result.tools[key], timeout_s) for key in tools]
    return "| " + " | ".join(cells) + " |"


def runs_detail(result: SpecResult) -> list[str]:
    lines = []
    for name, tool in result.tools.items():
        if tool.skipped is not None or not tool.runs:
            continue
        runs = ", ".join(
            f"{fmt_seconds(run.wall_s)} / {fmt_mib(run.maxrss_kib)} / exit {run.exit_code}"
            for run in tool.runs
        )
        lines.append(f"- {result.spec.key} {name}: {runs}")
    return lines


def settings_notes(specs: Sequence[Spec]) -> list[str]:
    notes = []
    for spec in specs:
        if spec.opc_literal_enums:
            notes.append(
                f"opc on {spec.key}: `literal_enums: true` (its defaults abort on duplicate enum keys)"
            )
        if spec.og_java_opts:
            notes.append(
                f"openapi-generator on {spec.key}: `JAVA_OPTS={spec.og_java_opts}` (past the default YAML size limit)"
            )
        if spec.dmcg_output_folder:
            notes.append(f"datamodel-codegen on {spec.key}: output to a folder (modular output)")
    return notes


# What a run of the defaults does not show, checked by hand on this machine.
PEER_NOTES = (
    "openapi-generator on digitalocean with `--skip-validate-spec` exits 0 (6.5 s, 192 MiB), "
    "but ignores the operation-level `$ref`s: 12 files, no model, every operation empty; it is "
    "not counted as completing the spec",
)


def render_markdown(header: Header, results: Sequence[SpecResult], tools: Sequence[str]) -> str:
    specs = [result.spec for result in results]
    lines = [
        "# sdkwright vs its peers: cold generation, side by side",
        "",
        f"- date (UTC): {header.date_utc}",
        f"- machine: nproc {header.nproc}, Python {header.python}, {header.system}; load average "
        f"(1 min) {header.load[0]} at the start, {header.load[1]} at the end (the machine is "
        "shared with other work: tools take turns in each round so that load weighs on all alike)",
        f"- output folders: new, empty, under {header.workdir} (the same place for every tool)",
        *(f"- {key}: {header.versions[key]}" for key in tools),
        *(f"- {note}" for note in settings_notes(specs)),
        *(f"- {note}" for note in PEER_NOTES),
        f"- {header.runs} rounds (median wall, max peak RSS); timeout {header.timeout_s:g} s per run",
        "- peak RSS = os.wait4 ru_maxrss: the largest peak of one process of the tool's tree (the "
        "tool and the subprocesses it waited for: ruff, black, the JVM), not a sum; the same for "
        f"every tool, and at least the bench's own peak when it spawned them ({fmt_mib(header.bench_floor_kib)})",
        "- parse floor: in-process read + json.loads / yaml CSafeLoader of the root file, median",
        "",
        "| spec | ops | parse floor | "
        + " | ".join(f"{key} wall / peak RSS" for key in tools)
        + " |",
        "|---|---:|---:|" + "---:|" * len(tools),
        *(table_row(result, tools, header.timeout_s) for result in results),
        "",
        "Targets (sdkwright wall <= 0.5x the fastest peer that completes the spec, peak RSS <= the "
        "lightest such peer's):",
        "",
        *(f"- {result.spec.key}: {target_verdict(result)}" for result in results),
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


def command_for(tool: str, spec: Spec, out_dir: Path, bin_dir: Path) -> list[str]:
    """The command line of one tool on one spec, writing under out_dir."""
    path = SPECS_DIR / spec.filename
    if tool == "sdkwright":
        command = [sys.executable, "-m", "sdkwright", "generate", str(path), "-o", str(out_dir)]
        command += ["--package", spec.package]
        if spec.spec_root:
            command += ["--spec-root", str(SPECS_DIR / spec.spec_root)]
        return command
    if tool == "opc":
        command = [str(bin_dir / "openapi-python-client"), "generate", "--path", str(path)]
        command += ["--output-path", str(out_dir), "--overwrite"]
        if spec.opc_literal_enums:
            config = out_dir.parent / "opc-config.json"
            config.write_text('{"literal_enums": true}\n')
            command += ["--config", str(config)]
        return command
    if tool == "openapi-generator":
        command = [str(bin_dir / "openapi-generator-cli"), "generate", "-i", str(path)]
        return [*command, "-g", "python", "-o", str(out_dir)]
    output = out_dir if spec.dmcg_output_folder else out_dir / "models.py"
    command = [str(bin_dir / "datamodel-codegen"), "--input", str(path)]
    return [*command, "--input-file-type", "openapi", "--output", str(output)]


def env_for(tool: str, spec: Spec, base: Mapping[str, str], cache_dir: Path) -> dict[str, str]:
    """The environment of one run: sdkwright's with an empty private cache."""
    if tool == "sdkwright":
        return {**base, "SDKWRIGHT_CACHE_DIR": str(cache_dir)}
    if tool == "openapi-generator" and spec.og_java_opts:
        return {**base, "JAVA_OPTS": spec.og_java_opts}
    return dict(base)


def last_nonempty_line(*texts: str) -> str:
    """The last non-empty line of the first text that has one."""
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines:
            return lines[-1]
    return ""


def failure_line(*texts: str) -> str:
    """What went wrong, from the first text that has a line.

    Its first error line (``SomeError: ...``, ``error: ...``, a Java exception or ERROR log
    line, with the next few lines, as rich tracebacks wrap it); else its first line that says
    error or failed, with the next few lines (a validation report under a summary); else its
    last line. Boilerplate ("please open an issue", help links) is skipped.
    """
    for text in texts:
        lines = [
            line.strip()
            for line in text.splitlines()
            if line.strip() and not BOILERPLATE_RE.search(line)
        ]
        for index, line in enumerate(lines):
            if ERROR_LINE_RE.match(line):
                return " ".join(lines[index : index + 1 + ERROR_CONTINUATION_LINES])
        for index, line in enumerate(lines):
            if LOOSE_ERROR_RE.search(line):
                return " ".join(lines[index : index + 1 + 2 * ERROR_CONTINUATION_LINES])
        if lines:
            return lines[-1]
    return ""


# --------------------------------------------------------------------------- measuring


def read_ends(path: Path) -> str:
    """The first and the last TAIL_BYTES of a log: a tool may state its error at the start
    and then list thousands of details."""
    with path.open("rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        handle.seek(0)
        if size <= 2 * TAIL_BYTES:
            return handle.read().decode("utf-8", errors="replace")
        head = handle.read(TAIL_BYTES)
        handle.seek(size - TAIL_BYTES)
        return (head + b"\n" + handle.read()).decode("utf-8", errors="replace")


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
    last = "" if exit_code == 0 else failure_line(read_ends(err_log), read_ends(out_log))
    return RunResult(
        wall_s=wall_s,
        maxrss_kib=usage.ru_maxrss,
        exit_code=None if timed_out.is_set() else exit_code,
        last_line=last,
    )


def measure_spec(
    spec: Spec,
    tools: Sequence[str],
    envs: Mapping[str, Mapping[str, str]],
    bins: Mapping[str, Path],
    runs: int,
    timeout_s: float,
    workdir: Path | None = None,
    commands: CommandFor | None = None,
    environments: EnvFor | None = None,
    keep: Keep | None = None,
) -> dict[str, ToolResult]:
    """runs rounds of every tool in turn, each run cold into a fresh empty output directory;
    a tool that fails is not run again on this spec. commands and environments default to
    this bench's (`command_for`, `env_for`); keep, when given, gets each tool's output folder
    of the last round, if that run succeeded, before the folder is deleted."""
    commands = commands or command_for
    environments = environments or env_for
    results: dict[str, list[RunResult]] = {tool: [] for tool in tools}
    for index in range(runs):
        for tool in tools:
            done = results[tool]
            if done and not done[-1].ok:
                continue
            with tempfile.TemporaryDirectory(prefix=f"bench-{tool}-", dir=workdir) as tmp:
                work = Path(tmp) / "work"
                out_dir = work / "out"
                out_dir.mkdir(parents=True)
                (Path(tmp) / "cache").mkdir()
                command = commands(tool, spec, out_dir, bins.get(tool, Path()))
                env = environments(tool, spec, envs[tool], Path(tmp) / "cache")
                run = run_once(command, work, env, timeout_s, Path(tmp))
                if keep is not None and run.ok and index == runs - 1:
                    keep(tool, out_dir)
            done.append(run)
            state = "ok" if run.ok else describe_exit(run, timeout_s)
            log(
                f"  {tool} run {index + 1}/{runs}: {fmt_seconds(run.wall_s)}, "
                f"{fmt_mib(run.maxrss_kib)}, {state}"
            )
    return {tool: ToolResult(runs=tuple(done)) for tool, done in results.items()}


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


def bench_parse_floors(specs: Sequence[Spec], runs: int) -> list[tuple[float | None, int | None]]:
    log("parse floors:")
    floors = [measure_parse_floor(SPECS_DIR / spec.filename, runs) for spec in specs]
    for spec, (parse_s, ops) in zip(specs, floors, strict=True):
        shown = fmt_seconds(parse_s) if parse_s is not None else "n/a"
        log(f"  {spec.filename}: {shown}, {ops} operations")
    return floors


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
    code, output = run_capture([sys.executable, "-m", "sdkwright", "--version"], env)
    if code == 0 and output:
        return f"{output.splitlines()[0]} ({templates_shipped()}; {modules_compiled()})"
    return f"unknown (`python -m sdkwright --version` exit {code}: {last_nonempty_line(output)})"


def templates_shipped() -> str:
    """Whether the built-in templates ship compiled, as an installed package's do: in a
    checkout they are compiled by `pip install -e .`, and go stale when edited afterwards."""
    from sdkwright.cache import template_bytecode
    from sdkwright.targets.python import engine

    missing = template_bytecode.not_shipped(str(engine.templates_root()))
    if not missing:
        return "built-in templates compiled at install"
    return f"{len(missing)} built-in templates not compiled at install: {', '.join(missing[:3])}"


def modules_compiled() -> str:
    """Byte-compile sdkwright's modules, as `pip install` does for an installed package (and
    for the peers in their venv): a checkout run with PYTHONDONTWRITEBYTECODE set, as some
    machines and CI images do, would otherwise compile every module from source in every run."""
    import compileall

    package = REPO_ROOT / "generator" / "sdkwright"
    compiled = compileall.compile_dir(str(package), quiet=1, workers=1)
    return "modules byte-compiled before the runs" if compiled else "byte-compiling failed"


def venv_bin(venv: Path) -> Path:
    return venv / "bin"


def installed_version(venv: Path, distribution: str) -> str | None:
    probe = f"import importlib.metadata as m; print(m.version({distribution!r}))"
    code, output = run_capture([str(venv_bin(venv) / "python"), "-c", probe])
    return output.splitlines()[-1].strip() if code == 0 and output else None


def ensure_venv(venv: Path) -> str | None:
    """None when the peers' venv is ready, else why it is not."""
    if (venv_bin(venv) / "python").exists():
        return None
    log(f"creating virtualenv {venv} ...")
    code, output = run_capture([sys.executable, "-m", "venv", str(venv)])
    return None if code == 0 else f"could not create {venv}: {last_nonempty_line(output)}"


def ensure_peer(venv: Path, peer: Peer) -> str:
    """The installed version of the peer (installing the pinned one first if needed), or
    raises RuntimeError saying why it is not usable."""
    version = installed_version(venv, peer.distribution)
    if version is None or not (venv_bin(venv) / peer.script).exists():
        requirement = f"{peer.distribution}=={peer.version}"
        log(f"installing {requirement} into {venv} ...")
        python = str(venv_bin(venv) / "python")
        code, output = run_capture([python, "-m", "pip", "install", "--quiet", requirement])
        if code != 0:
            raise RuntimeError(f"could not install {requirement}: {last_nonempty_line(output)}")
        version = installed_version(venv, peer.distribution)
    if version is None or not (venv_bin(venv) / peer.script).exists():
        raise RuntimeError(f"{peer.distribution} is not usable in {venv}")
    return version if version == peer.version else f"{version} (wanted {peer.version})"


# --------------------------------------------------------------------------- main


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def nproc() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def names(value: str, known: Sequence[str]) -> list[str]:
    """argparse type: comma-separated names out of known."""
    keys = [key.strip() for key in value.split(",") if key.strip()]
    unknown = [key for key in keys if key not in known]
    if unknown or not keys:
        raise argparse.ArgumentTypeError(
            f"unknown name {', '.join(unknown) or value!r}; choose from {', '.join(known)}"
        )
    return keys


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be >= 1")
    return number


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Compare sdkwright's cold generation with its peers, side by side."
    )
    parser.add_argument(
        "--specs",
        type=lambda value: names(value, SPEC_KEYS),
        nargs="+",
        default=[list(SPEC_KEYS)],
        metavar="NAME",
        help=f"specs to run (space- or comma-separated): {', '.join(SPEC_KEYS)}",
    )
    parser.add_argument(
        "--tools",
        type=lambda value: names(value, TOOL_KEYS),
        nargs="+",
        default=[list(TOOL_KEYS)],
        metavar="NAME",
        help=f"tools to run: {', '.join(TOOL_KEYS)} (sdkwright always runs)",
    )
    parser.add_argument("--runs", type=positive_int, default=3, help="rounds per spec")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown report path")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where the runs' output folders go (default: the system's temp folder); on a "
        "machine whose temp folder is slow to create files in, a folder on the disk SDKs are "
        "written to in practice, such as the project's",
    )
    return parser.parse_args(argv)


def flatten(groups: Sequence[Sequence[str]]) -> set[str]:
    return {key for group in groups for key in group}


def missing_inputs(specs: Sequence[Spec]) -> str | None:
    if not SPECS_DIR.is_dir():
        return f"spec folder {SPECS_DIR} is absent: nothing measured"
    missing = [spec.filename for spec in specs if not (SPECS_DIR / spec.filename).is_file()]
    if missing:
        return f"missing in {SPECS_DIR}: {', '.join(missing)}: nothing measured"
    return None


def prepare_peers(
    wanted: set[str],
) -> tuple[dict[str, str], dict[str, Mapping[str, str]], dict[str, Path], dict[str, str]]:
    """(versions, environments, bin dirs, unavailable tools with the reason) of the peers."""
    versions: dict[str, str] = {}
    envs: dict[str, Mapping[str, str]] = {}
    bins: dict[str, Path] = {}
    unavailable: dict[str, str] = {}
    peers = [peer for peer in PEERS if peer.key in wanted]
    if not peers:
        return versions, envs, bins, unavailable
    log(
        f"note: {PEERS_VENV.relative_to(REPO_ROOT)}/ is a local cache of peer tools; do not commit it"
    )
    problem = ensure_venv(PEERS_VENV)
    for peer in peers:
        try:
            if problem is not None:
                raise RuntimeError(problem)
            versions[peer.key] = f"{peer.label} {ensure_peer(PEERS_VENV, peer)}"
        except RuntimeError as error:
            log(f"{peer.key} unavailable: {error}")
            unavailable[peer.key] = "unavailable"
            versions[peer.key] = f"{peer.label}: unavailable: {error}"
            continue
        bins[peer.key] = venv_bin(PEERS_VENV)
        envs[peer.key] = with_first(os.environ, "PATH", venv_bin(PEERS_VENV))
    return versions, envs, bins, unavailable


def self_peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def load_average() -> str:
    return f"{os.getloadavg()[0]:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    wanted_specs = flatten(args.specs)
    specs = [spec for spec in SPECS if spec.key in wanted_specs]
    wanted_tools = flatten(args.tools) | {"sdkwright"}
    tools = [tool for tool in TOOL_KEYS if tool in wanted_tools]
    problem = missing_inputs(specs)
    if problem is not None:
        print(f"bench_generate: {problem}", file=sys.stderr)
        return 2

    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
    load_start = load_average()
    versions, envs, bins, unavailable = prepare_peers(wanted_tools)
    envs["sdkwright"] = sdkwright_env(os.environ)
    versions["sdkwright"] = sdkwright_version(envs["sdkwright"])
    started = datetime.datetime.now(datetime.UTC)
    runnable = [tool for tool in tools if tool not in unavailable]
    # Every tool run comes before any in-process parse: a child's ru_maxrss starts at this
    # process's high-water mark (Linux copies it at fork/exec), so the bench stays small.
    measured = []
    for spec in specs:
        log(f"{spec.filename}:")
        found = measure_spec(spec, runnable, envs, bins, args.runs, args.timeout, args.workdir)
        measured.append(
            {**found, **{key: ToolResult(skipped=why) for key, why in unavailable.items()}}
        )
    floor_kib = self_peak_rss()
    floors = bench_parse_floors(specs, args.runs)
    results = [
        SpecResult(spec=spec, ops=ops, parse_s=parse_s, tools={key: found[key] for key in tools})
        for spec, found, (parse_s, ops) in zip(specs, measured, floors, strict=True)
    ]
    header = Header(
        date_utc=started.strftime("%Y-%m-%d %H:%M UTC"),
        nproc=nproc(),
        python=f"{platform.python_version()} ({platform.python_implementation()})",
        system=f"{platform.system()} {platform.machine()}",
        versions=versions,
        runs=args.runs,
        timeout_s=args.timeout,
        bench_floor_kib=floor_kib,
        load=(load_start, load_average()),
        workdir=str(args.workdir or tempfile.gettempdir()),
    )
    report = render_markdown(header, results, tools)
    print(report, end="")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
