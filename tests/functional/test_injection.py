"""A spec full of code-injection attempts generates an SDK that compiles, passes its tests,
and executes none of the payloads (a canary file that injected code would create stays absent)."""

from __future__ import annotations

import compileall
import json
import sys
from pathlib import Path

import yaml
from helpers import REPO, describe, mypy_strict, run, run_generated_tests, sdkwright

SPEC = REPO / "tests" / "specs" / "injection.yaml"
CANARY = Path("/tmp/sdkwright-canary")


def test_injection_spec_carries_the_canary_payload() -> None:
    text = SPEC.read_text()
    assert "__import__('os').system('touch /tmp/sdkwright-canary')" in text
    for payload in ('"""', "'''", "{{", "\\\\"):
        assert payload in text


def test_hostile_spec_generates_a_safe_working_sdk(tmp_path: Path) -> None:
    CANARY.unlink(missing_ok=True)
    out = tmp_path / "evil"
    result = sdkwright("generate", SPEC, "-o", out, "--package", "evil")
    assert result.returncode == 0, describe(result)
    assert compileall.compile_dir(out, quiet=1, force=True)
    tests = run_generated_tests(out)
    assert tests.returncode == 0, describe(tests)
    typed = mypy_strict(out, "evil")
    assert typed.returncode == 0, describe(typed)
    # Import every module and use the models: payloads must stay data.
    probe = (
        "import json, pkgutil, importlib, evil, evil.types as t\n"
        "for m in pkgutil.walk_packages(evil.__path__, 'evil.'): importlib.import_module(m.name)\n"
        "enums = [v for n in t.__all__ for v in getattr(getattr(t, n), '__members__', {}).values()]\n"
        "print(json.dumps(sorted(str(e.value) for e in enums)))\n"
    )
    imported = run([sys.executable, "-c", probe], out)
    assert imported.returncode == 0, describe(imported)
    spec = yaml.safe_load(SPEC.read_text())
    spec_values = sorted(
        str(v)
        for schema in spec["components"]["schemas"].values()
        for v in schema.get("enum", [])
        if v is not None
    )
    assert json.loads(imported.stdout) == spec_values
    assert not CANARY.exists(), "injected code ran"
