"""The TypeScript target's SDKs compile with `tsc --strict` (TypeScript installed from npm by
the tests, tests/typescript_tools.py): the seed spec's golden and the kitchen-sink spec."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import GENERATED, REPO, SPECS, describe
from sdkwright import api
from sdkwright.config import Target
from typescript_tools import built_sdk, compile_sdk, node_tests, run_node

GOLDEN = GENERATED / "clearstreet_ts"


def test_the_seed_golden_compiles_strict(tmp_path: Path) -> None:
    sdk = shutil.copytree(GOLDEN, tmp_path / "sdk")
    compiled = compile_sdk(sdk)
    assert compiled.returncode == 0, describe(compiled)


def test_the_golden_is_an_esm_package_with_types_and_no_dependencies() -> None:
    package = json.loads((GOLDEN / "package.json").read_text())
    assert package["type"] == "module" and package["types"] == "./dist/index.d.ts"
    assert "dependencies" not in package  # zero runtime dependencies
    tsconfig = json.loads((GOLDEN / "tsconfig.json").read_text())
    assert tsconfig["compilerOptions"]["strict"] is True
    assert tsconfig["compilerOptions"]["declaration"] is True


def test_the_goldens_generated_tests_pass(tmp_path: Path) -> None:
    """Its node:test tests call each method against a local server answering with the
    documented example, and check the request and the parsed result."""
    sdk = built_sdk(GOLDEN, tmp_path / "sdk")
    tests = sorted(p.name for p in (sdk / "test").iterdir())
    assert tests == ["positions.test.mjs"]
    passed = node_tests(sdk)
    assert passed.returncode == 0 and "# pass 1\n" in passed.stdout, describe(passed)


def test_the_kitchen_sink_compiles_strict_and_passes_its_tests(tmp_path: Path) -> None:
    target = Target(
        "kitchensink-ts",
        SPECS / "kitchensink.yaml",
        tmp_path / "sdk",
        "kitchensink",
        "KitchenSink",
        overlays=(SPECS / "overlays" / "kitchensink-sdk.overlay.yaml",),
        language="typescript",
    )
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    assert result.api is not None and (target.output / "src" / "models.ts").is_file()
    sdk = built_sdk(target.output, tmp_path / "built")  # tsc --strict, emitting dist/
    passed = node_tests(sdk)
    count = len(result.api.operations)
    assert passed.returncode == 0 and f"# pass {count}\n" in passed.stdout, describe(passed)


def test_the_target_is_in_the_repository_config() -> None:
    text = (REPO / "sdkwright.yaml").read_text()
    assert "output: generated/clearstreet_ts" in text and "language: typescript" in text


def test_a_spec_full_of_injection_attempts_compiles_and_loads(tmp_path: Path) -> None:
    """Spec text reaches the TypeScript only through tstext's filters: the injection spec's
    quotes, backticks, `${`, comment closers and line separators end up inert (it compiles
    strict, and Node loads the built SDK)."""
    target = Target(
        "evil",
        REPO / "tests" / "specs" / "injection.yaml",
        tmp_path / "out",
        "evil",
        "Evil",
        language="typescript",
    )
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    sdk = built_sdk(target.output, tmp_path / "sdk")
    printed = run_node(sdk, "return Object.keys(sdk).includes('Evil');")
    assert printed == {"ok": True, "value": True}
