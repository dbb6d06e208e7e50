"""The whole Clear Street Trading API (61 operations, OAS 3.1) through the same generator."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from helpers import (
    CLIENT_TESTS,
    SHARED_SPECS,
    WITHOUT_CLIENT_TESTS,
    describe,
    mypy_strict,
    needs_shared_specs,
    run,
    run_generated_tests,
    sdkwright,
)

SPEC = SHARED_SPECS / "clearstreet-trading-3.1.json"

pytestmark = needs_shared_specs


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("full") / "clearstreet"
    result = sdkwright(
        "generate", SPEC, "-o", out, "--package", "clearstreet", "--client-name", "ClearStreet"
    )
    assert result.returncode == 0, describe(result)
    return out


def spec_operations() -> set[str]:
    spec = json.loads(SPEC.read_text())
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    return {
        op["operationId"]
        for item in spec["paths"].values()
        for m, op in item.items()
        if m in methods
    }


def test_every_operation_becomes_a_method(sdk: Path) -> None:
    operations = spec_operations()
    assert len(operations) == 61
    probe = (
        "import inspect, json, clearstreet\n"
        "client = clearstreet.ClearStreet(api_key='k')\n"
        "groups = [n for n, v in inspect.getmembers(type(client)) if isinstance(v, __import__('functools').cached_property) and not n.startswith('with_')]\n"
        "print(json.dumps(sorted(m for g in groups for m in dir(getattr(client, g)) if not m.startswith(('_', 'with_')))))\n"
    )
    result = run([sys.executable, "-c", probe], sdk)
    assert result.returncode == 0, describe(result)
    assert set(json.loads(result.stdout)) == operations


def test_every_module_imports(sdk: Path) -> None:
    probe = "import pkgutil, importlib, clearstreet\nfor m in pkgutil.walk_packages(clearstreet.__path__, 'clearstreet.'): importlib.import_module(m.name)\n"
    result = run([sys.executable, "-c", probe], sdk)
    assert result.returncode == 0, describe(result)


def test_generated_tests_pass(sdk: Path) -> None:
    result = run_generated_tests(sdk, *WITHOUT_CLIENT_TESTS, "--ignore", "tests/test_readme.py")
    assert result.returncode == 0, describe(result)
    assert "122 passed" in result.stdout  # sync + async for each of the 61 operations
    client = run_generated_tests(sdk, *CLIENT_TESTS)  # the client's own tests
    assert client.returncode == 0 and " passed" in client.stdout, describe(client)
    readme = run_generated_tests(sdk, "tests/test_readme.py")  # the README's snippets
    assert readme.returncode == 0 and " passed" in readme.stdout, describe(readme)


@pytest.mark.slow
def test_mypy_strict_is_clean(sdk: Path) -> None:
    result = mypy_strict(sdk, "clearstreet")
    assert result.returncode == 0, describe(result)


def test_nullable_unions_become_optional_types_not_union_classes(sdk: Path) -> None:
    base = (sdk / "clearstreet" / "types" / "response_metadata.py").read_text()
    assert "next_page_token: str | None = None" in base
    names = [p.stem for p in (sdk / "clearstreet" / "types").glob("*.py")]
    assert not [n for n in names if n[-1].isdigit() and n not in ("i64",)], "numbered class names"
