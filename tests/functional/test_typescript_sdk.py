"""The TypeScript target's SDKs compile with `tsc --strict` (TypeScript installed from npm by
the tests, tests/typescript_tools.py): the goldens of the seed spec and the kitchen-sink spec."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

from helpers import GENERATED, REPO, SPECS, describe
from sdkwright import api
from sdkwright.config import Target, load_targets
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


def test_the_kitchen_sink_golden_compiles_strict_and_passes_its_tests(tmp_path: Path) -> None:
    """generated/kitchensink_ts (the kitchensink-ts target, guarded by tests/golden and
    `sdkwright check`): tsc --strict builds it and its generated tests pass, one per operation
    of the spec."""
    golden = GENERATED / "kitchensink_ts"
    sdk = built_sdk(golden, tmp_path / "built")  # tsc --strict, emitting dist/
    passed = node_tests(sdk)
    targets = {t.name: t for t in load_targets(REPO / "sdkwright.yaml")}
    assert targets["kitchensink-ts"].output == golden
    result = api.generate(replace(targets["kitchensink-ts"], output=tmp_path / "fresh"))
    assert result.api is not None
    count = len(result.api.operations)
    assert count == 10 and f"# pass {count}\n" in passed.stdout, describe(passed)
    assert passed.returncode == 0, describe(passed)


def test_the_targets_are_in_the_repository_config() -> None:
    targets = {t.name: t for t in load_targets(REPO / "sdkwright.yaml")}
    for name, spec in (
        ("clearstreet-ts", "clearstreet.yaml"),
        ("kitchensink-ts", "kitchensink.yaml"),
    ):
        assert targets[name].language == "typescript" and targets[name].spec == SPECS / spec
    # The kitchen sink's overlay, as the Python kitchen sink has it.
    assert targets["kitchensink-ts"].overlays == targets["kitchensink"].overlays


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
