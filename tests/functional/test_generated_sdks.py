"""Each checked-in SDK: its generated tests pass, and it is `mypy --strict` and ruff clean
(the Python ones; tests/functional/test_typescript_sdk.py builds and tests the TypeScript one)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers import REPO, copy_sdk, describe, mypy_strict, ruff_check, run_generated_tests
from sdkwright.config import Target, load_targets

TARGETS = load_targets(REPO / "sdkwright.yaml")
PYTHON_TARGETS = [t for t in TARGETS if t.is_python]


@pytest.fixture(params=TARGETS, ids=lambda t: t.name)
def target(request: pytest.FixtureRequest) -> Target:
    assert isinstance(request.param, Target)
    return request.param


@pytest.fixture(params=PYTHON_TARGETS, ids=lambda t: t.name)
def python_target(request: pytest.FixtureRequest) -> Target:
    assert isinstance(request.param, Target)
    return request.param


def test_generated_tests_pass(python_target: Target, tmp_path: Path) -> None:
    target = python_target
    sdk = copy_sdk(target.output, tmp_path / target.name)
    result = run_generated_tests(sdk)
    assert result.returncode == 0, describe(result)
    assert " passed" in result.stdout and " failed" not in result.stdout


@pytest.mark.slow
def test_mypy_strict_is_clean(python_target: Target, tmp_path: Path) -> None:
    target = python_target
    sdk = copy_sdk(target.output, tmp_path / target.name)
    result = mypy_strict(sdk, target.package)
    assert result.returncode == 0, describe(result)


def test_ruff_lint_is_clean(python_target: Target, tmp_path: Path) -> None:
    target = python_target
    result = ruff_check(copy_sdk(target.output, tmp_path / target.name))
    assert result.returncode == 0, describe(result)


def test_every_operation_has_a_test_and_a_readme_example(python_target: Target) -> None:
    target = python_target
    readme = (target.output / "README.md").read_text()
    tests = "".join(p.read_text() for p in (target.output / "tests").glob("test_*.py"))
    resources = target.output / target.package / "resources"
    methods = [
        node.name
        for path in resources.glob("*.py")
        for cls in ast.parse(path.read_text()).body
        if isinstance(cls, ast.ClassDef)
        for node in cls.body
        # Operations; decorated ones are a resource's sub-resources (`client.v1.positions`).
        if isinstance(node, ast.FunctionDef)
        and not node.name.startswith("_")
        and not node.decorator_list
    ]
    assert methods
    for method in methods:
        assert f".{method}(" in readme, method
        assert f".{method}(" in tests, method


def test_every_file_starts_with_the_banner(target: Target) -> None:
    for path in target.output.rglob("*"):
        if (
            path.is_file()
            and path.suffix in (".py", ".md", ".toml", ".ts", ".mjs")
            and "__pycache__" not in path.parts
        ):
            first = path.read_text().splitlines()[0]
            assert "generated from" in first and "by sdkwright" in first, path


def test_nothing_depends_on_where_the_repository_lives(target: Target) -> None:
    for path in target.output.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            assert str(REPO) not in path.read_text(errors="replace"), path
