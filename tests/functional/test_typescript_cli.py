"""`sdkwright generate SPEC -o OUT --language typescript`: a TypeScript SDK without a config
(issue 17). The folder remembers its language (a later run without the flag regenerates it as
TypeScript, `check` agrees); an unknown language, or a Python-only flag with TypeScript, is a
located usage error (exit 2) with no traceback, and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import SPECS, describe, sdkwright
from typescript_tools import compile_sdk

SPEC = SPECS / "clearstreet.yaml"


def test_the_flag_generates_a_typescript_sdk_the_folder_remembers(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    generated = sdkwright("generate", SPEC, "-o", out, "--language", "typescript")
    assert generated.returncode == 0, describe(generated)
    package = json.loads((out / "package.json").read_text())
    assert package["name"] == "clear_street_trading"  # from the spec's title, as for Python
    assert (out / "src" / "client.ts").is_file() and not (out / "pyproject.toml").exists()
    compiled = compile_sdk(out)
    assert compiled.returncode == 0, describe(compiled)
    manifest = json.loads((out / ".sdkwright-manifest.json").read_text())
    assert manifest["options"]["language"] == "typescript"
    again = sdkwright("generate", SPEC, "-o", out)  # the language is kept, as other flags are
    assert again.returncode == 0 and "(0 files changed" in again.stdout, describe(again)
    for flags in ((), ("--language", "typescript")):
        checked = sdkwright("check", SPEC, "-o", out, *flags)
        assert checked.returncode == 0 and "is up to date" in checked.stdout, describe(checked)
    python = sdkwright("check", SPEC, "-o", out, "--language", "python")
    said = "the flag --language 'python' (generated with 'typescript') is not what"
    assert python.returncode == 1 and said in python.stdout.splitlines()[0], describe(python)


def test_an_unknown_language_or_a_python_flag_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    unknown = sdkwright("generate", SPEC, "-o", out, "--language", "rust")
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
    assert "--language: error[cli.usage]: unknown language 'rust'" in unknown.stderr
    assert "one of ['python', 'typescript']" in unknown.stderr
    flavour = sdkwright(
        "generate", SPEC, "-o", out, "--language", "typescript", "--flavour", "requests"
    )
    assert flavour.returncode == 2 and "--flavour is a Python SDK's setting" in flavour.stderr
    configured = sdkwright("generate", "--language", "typescript", cwd=tmp_path)
    assert configured.returncode == 2 and "--language needs SPEC -o OUTPUT" in configured.stderr
    assert not out.exists()
