"""Every README snippet of every golden SDK runs, type-checks and is formatted (issue 15,
"True docs").

- Each SDK's generated `tests/test_readme.py` runs its README's Python snippets against the
  spec's examples (over the SDK's mock transport).
- The snippets, extracted to files, pass `mypy --strict` (one mypy run per SDK).
- The README passes `ruff format --check` with the SDK's own settings.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from helpers import GENERATED, REPO, copy_sdk, describe, run, run_generated_tests
from sdkwright.config import load_targets
from sdkwright.targets.python.format import ruff_binary
from shared_run import warm_mypy_cache

TARGETS = load_targets(REPO / "sdkwright.yaml")
FENCE = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def snippets(readme: Path) -> list[str]:
    return FENCE.findall(readme.read_text(encoding="utf-8"))


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_every_readme_snippet_runs(target: object, tmp_path: Path) -> None:
    from sdkwright.config import Target

    assert isinstance(target, Target)
    sdk = copy_sdk(target.output, tmp_path / "sdk")
    result = run_generated_tests(sdk, "tests/test_readme.py", "-p", "no:randomly")
    assert result.returncode == 0, describe(result)
    ran = re.search(r"(\d+) passed", result.stdout)
    # The test of each snippet, and the one checking that there are snippets at all.
    assert ran is not None and int(ran.group(1)) == len(snippets(sdk / "README.md")) + 1, describe(
        result
    )


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_every_readme_snippet_type_checks(target: object, tmp_path: Path) -> None:
    from sdkwright.config import Target

    assert isinstance(target, Target)
    sdk = copy_sdk(target.output, tmp_path / "sdk")
    found = snippets(sdk / "README.md")
    assert found
    folder = sdk / "readme_snippets"
    folder.mkdir()
    for index, code in enumerate(found):
        (folder / f"snippet_{index:02}.py").write_text(code, encoding="utf-8")
    cache = warm_mypy_cache(sdk / ".mypy_cache")
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--cache-dir",
        str(cache),
        "readme_snippets",
    ]
    result = run(command, sdk)
    assert result.returncode == 0, describe(result)


def test_every_readme_is_formatted() -> None:
    readmes = [str(t.output / "README.md") for t in TARGETS]
    assert all(Path(r).is_file() for r in readmes)
    # Each SDK's own settings (its pyproject's [tool.ruff]), as a user running ruff there.
    for readme in readmes:
        result = run(
            [ruff_binary(), "format", "--check", "--no-cache", readme], Path(readme).parent
        )
        assert result.returncode == 0, describe(result)


def test_readmes_show_this_apis_operations_only() -> None:
    """No placeholder call: every `client....method(` of a README is a method of the SDK."""
    for target in TARGETS:
        text = (target.output / "README.md").read_text(encoding="utf-8")
        api_md = (target.output / "api.md").read_text(encoding="utf-8")
        methods = set(re.findall(r"^- `(\w+)\(", api_md, re.MULTILINE))
        called = set(
            re.findall(r"client(?:\.with_\w+|\.with_options\([^)]*\))?(?:\.\w+)*?\.(\w+)\(", text)
        )
        options = {"with_options", "unwrap", "unsafe_unwrap"}
        assert methods and called - options <= methods, (target.name, called - options - methods)
        assert "list_things" not in text and "follow_events" not in text
        assert GENERATED in target.output.parents
