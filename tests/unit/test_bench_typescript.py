"""bench/bench_typescript.py: the commands it times, how it reads tsc, its verdicts, and (with
../shared/specs) its own loop generating a real spec to TypeScript and type-checking it, with
sdkwright only (OpenAPI Generator's jar and Java are the bench's to install, not the tests')."""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from helpers import REPO, needs_shared_specs
from sdkwright.config import load_targets
from typescript_tools import TYPESCRIPT_PACKAGE, tsc


def _load() -> ModuleType:
    path = REPO / "bench" / "bench_typescript.py"
    spec = importlib.util.spec_from_file_location("bench_typescript", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_typescript"] = module
    spec.loader.exec_module(module)
    return module


bench = _load()
bg = bench.bg
GITHUB = next(spec for spec in bg.SPECS if spec.key == "github")
STRIPE = next(spec for spec in bg.SPECS if spec.key == "stripe")
SPLIT = next(spec for spec in bg.SPECS if spec.spec_root)
PETSTORE = next(spec for spec in bg.SPECS if spec.key == "petstore")


def test_the_bench_compiles_with_the_tests_typescript() -> None:
    assert bench.TYPESCRIPT_PACKAGE == TYPESCRIPT_PACKAGE
    assert bench.TYPESCRIPT_CACHE == REPO / ".cache" / "typescript"


def test_sdkwright_runs_from_a_config_of_one_typescript_target(tmp_path: Path) -> None:
    out = tmp_path / "work" / "out"
    out.mkdir(parents=True)
    command = bench.command_for("sdkwright", SPLIT, out, Path())
    assert command == [sys.executable, "-m", "sdkwright", "generate"]
    (target,) = load_targets(tmp_path / "work" / "sdkwright.yaml")
    assert target.language == "typescript" and target.output == out
    assert target.spec == bg.SPECS_DIR / SPLIT.filename
    assert target.spec_root == bg.SPECS_DIR / SPLIT.spec_root
    assert target.package == SPLIT.package


def test_typescript_fetch_is_asked_for_a_package_with_its_tsconfig(tmp_path: Path) -> None:
    command = bench.command_for("typescript-fetch", STRIPE, tmp_path / "out", Path("/peers/bin"))
    assert command[:2] == ["/peers/bin/openapi-generator-cli", "generate"]
    assert command[command.index("-g") + 1] == "typescript-fetch"
    assert command[command.index("-i") + 1] == str(bg.SPECS_DIR / STRIPE.filename)
    assert command[command.index("-o") + 1] == str(tmp_path / "out")
    assert command[-1] == "--additional-properties=npmName=stripe"


def test_the_runs_get_bench_generates_environments(tmp_path: Path) -> None:
    base = {"PATH": "/bin"}
    sdk = bench.env_for("sdkwright", GITHUB, base, tmp_path)
    assert sdk == {"PATH": "/bin", "SDKWRIGHT_CACHE_DIR": str(tmp_path)}
    assert bench.env_for("typescript-fetch", STRIPE, base, tmp_path)["JAVA_OPTS"] == (
        STRIPE.og_java_opts
    )
    assert "JAVA_OPTS" not in bench.env_for("typescript-fetch", GITHUB, base, tmp_path)


TSC_OUTPUT = """\
src/apis/MarkdownApi.ts(67,11): error TS2393: Duplicate function implementation.
src/models/A.ts(33,5): error TS2300: Duplicate identifier '_1'.
  A continuation line of the message above.
src/models/A.ts(37,5): error TS2300: Duplicate identifier '_1'.
src/models/B.ts(1,1): error TS1117: An object literal cannot have multiple properties.
src/models/C.ts(2,2): error TS2308: Module './Invoice' has already exported a member.
src/models/D.ts(3,3): error TS2322: Type 'string' is not assignable to type 'number'.
"""


def test_tsc_errors_are_counted_and_the_first_ones_kept() -> None:
    found = bench.tsc_verdict(2, TSC_OUTPUT, 7.5)
    assert (found.ok, found.exit_code, found.errors, found.wall_s) == (False, 2, 6, 7.5)
    assert len(found.first) == bench.FIRST_ERRORS
    assert found.first[0].startswith("src/apis/MarkdownApi.ts(67,11): error TS2393")
    assert "continuation" not in " ".join(found.first)


def test_a_tsc_failure_without_error_lines_keeps_its_last_line() -> None:
    found = bench.tsc_verdict(1, "error: Cannot find a tsconfig.json file\n\n", 0.1)
    assert found.errors == 0 and found.first == ("error: Cannot find a tsconfig.json file",)
    assert bench.tsc_verdict(0, "", 1.0).ok


def _tool(wall_s: float, exit_code: int = 0) -> object:
    return bg.ToolResult(runs=(bg.RunResult(wall_s, 1000, exit_code, ""),))


def _run(sdk_s: float, peer_s: float, sdk_compiles: bool, peer_compiles: bool) -> object:
    def output(compiles: bool) -> object:
        if compiles:
            return bench.Output(10, 1000, bench.Compiled(0))
        found = bench.Compiled(2, 3, ("x: error TS1: y",))
        return bench.Output(10, 1000, found, bench.Compiled(2, 2, ("x: error TS1: y",)))

    tools = {"sdkwright": _tool(sdk_s), "typescript-fetch": _tool(peer_s)}
    outputs = {"sdkwright": output(sdk_compiles), "typescript-fetch": output(peer_compiles)}
    return bench.SpecRun(GITHUB, 623, tools, outputs)


@pytest.mark.parametrize(
    ("sdk_s", "peer_s", "sdk_compiles", "peer_compiles", "expected"),
    [
        (1.0, 8.0, True, False, "PASS (wall 0.12x"),
        (4.0, 8.0, True, True, "PASS (wall 0.50x"),
        (4.1, 8.0, True, True, "FAIL (wall 0.51x"),
        (1.0, 8.0, False, True, "FAIL (wall 0.12x"),
    ],
)
def test_the_target_is_half_the_wall_time_and_an_output_that_compiles(
    sdk_s: float, peer_s: float, sdk_compiles: bool, peer_compiles: bool, expected: str
) -> None:
    text = bench.verdict(_run(sdk_s, peer_s, sdk_compiles, peer_compiles))
    assert text.startswith(expected)
    assert ("sdkwright's output compiles" in text) == sdk_compiles
    assert ("typescript-fetch's compiles" in text) == peer_compiles


def test_no_verdict_when_a_tool_failed() -> None:
    run = _run(1.0, 8.0, True, True)
    run.tools["typescript-fetch"] = _tool(3.0, exit_code=1)
    assert bench.verdict(run).startswith("n/a")
    assert bench.wall_ratio(run) is None


def test_the_report_shows_ratios_compiles_and_first_errors() -> None:
    report = bench.render_markdown({"date (UTC)": "today"}, [_run(1.0, 8.0, True, False)], 3, 600)
    assert "| github | 623 | 1.00 s / 1 MiB | 8.00 s / 1 MiB | 0.12x | 1.00x |" in report
    assert "| github | sdkwright | 10 files, 0.0 MB | compiles (0 errors, 0.000 s) |" in report
    assert (
        "| github | typescript-fetch | 10 files, 0.0 MB | FAILS: 3 errors (exit 2, 0.000 s); "
        in report
    )
    assert "without --strict (its own settings): 2 errors |" in report
    assert (
        "github, typescript-fetch: first 1 of 3 errors\n\n```text\nx: error TS1: y\n```" in report
    )


@needs_shared_specs
def test_the_bench_loop_generates_typescript_and_compiles_it(tmp_path: Path) -> None:
    args = argparse.Namespace(runs=1, timeout=300.0, workdir=tmp_path)
    envs = {"sdkwright": bg.sdkwright_env(os.environ)}
    compiler = (tsc(), TYPESCRIPT_PACKAGE)
    ((spec, tools, outputs),) = bench.measure([PETSTORE], args, envs, Path(), compiler)
    assert spec is PETSTORE and tools["sdkwright"].measured, tools
    assert list(outputs) == ["sdkwright"]  # typescript-fetch was not run
    output = outputs["sdkwright"]
    assert output.compiled.ok and output.compiled.errors == 0, output.compiled
    assert output.own_settings is None  # compiled strict: no second compile
    assert output.files > 5
    assert not list(tmp_path.iterdir())  # the runs' folders and the kept outputs are gone


def test_an_output_failing_only_strict_checks_compiles_with_its_own_settings(
    tmp_path: Path,
) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {"target": "es2020"}}\n')
    (tmp_path / "src" / "index.ts").write_text("export function echo(x) {\n  return x;\n}\n")
    output = bench.check_output(tsc(), "", tmp_path)
    assert (output.files, output.compiled.exit_code, output.compiled.errors) == (2, 2, 1)
    assert output.compiled.first[0].startswith("src/index.ts(1,22): error TS7006")
    assert output.own_settings is not None and output.own_settings.ok
    assert bench.check_output(None, "npm is absent", tmp_path).compiled.why_not == "npm is absent"
