"""The TypeScript target's SDKs compile with `tsc --strict` (TypeScript installed from npm by
the tests, tests/typescript_tools.py): the seed spec's golden and the kitchen-sink spec."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import GENERATED, REPO, SPECS, describe
from sdkwright import api
from sdkwright.config import Target
from typescript_tools import compile_sdk

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


def test_the_kitchen_sink_compiles_strict(tmp_path: Path) -> None:
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
    assert (target.output / "src" / "models.ts").is_file()
    compiled = compile_sdk(target.output)
    assert compiled.returncode == 0, describe(compiled)


def test_the_target_is_in_the_repository_config() -> None:
    text = (REPO / "sdkwright.yaml").read_text()
    assert "output: generated/clearstreet_ts" in text and "language: typescript" in text
