"""Every README (and api.md) snippet of every golden SDK runs, type-checks and is formatted
(issue 15, "True docs").

- Each SDK's generated `tests/test_readme.py` runs its README's Python snippets against the
  spec's examples (over the SDK's mock transport).
- The snippets, extracted to files, pass `mypy --strict` (one mypy run per SDK).
- README.md and api.md pass `ruff format --check` with the SDK's own settings.
- api.md gives every operation's method with its signature exactly as the code defines it.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest
from helpers import GENERATED, REPO, copy_sdk, describe, run, run_generated_tests
from sdkwright.config import load_targets
from sdkwright.targets.python.format import ruff_binary
from shared_run import warm_mypy_cache
from small_sdk import generate

# The Python SDKs (a TypeScript target has a README of its own, not covered here yet).
TARGETS = [t for t in load_targets(REPO / "sdkwright.yaml") if t.is_python]
FENCE = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def snippets(sdk: Path) -> list[str]:
    """The Python code blocks of the SDK's README.md and api.md."""
    return [
        code
        for doc in ("README.md", "api.md")
        for code in FENCE.findall((sdk / doc).read_text(encoding="utf-8"))
    ]


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_every_readme_snippet_runs(target: object, tmp_path: Path) -> None:
    from sdkwright.config import Target

    assert isinstance(target, Target)
    sdk = copy_sdk(target.output, tmp_path / "sdk")
    result = run_generated_tests(sdk, "tests/test_readme.py", "-p", "no:randomly")
    assert result.returncode == 0, describe(result)
    ran = re.search(r"(\d+) passed", result.stdout)
    # The test of each snippet, and the one checking that there are snippets at all.
    assert ran is not None and int(ran.group(1)) == len(snippets(sdk)) + 1, describe(result)


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_every_readme_snippet_type_checks(target: object, tmp_path: Path) -> None:
    from sdkwright.config import Target

    assert isinstance(target, Target)
    sdk = copy_sdk(target.output, tmp_path / "sdk")
    found = snippets(sdk)
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
    docs = [t.output / name for t in TARGETS for name in ("README.md", "api.md")]
    assert all(doc.is_file() for doc in docs)
    # Each SDK's own settings (its pyproject's [tool.ruff]), as a user running ruff there.
    for doc in docs:
        result = run([ruff_binary(), "format", "--check", "--no-cache", str(doc)], doc.parent)
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
        options = {
            "with_options",
            "unwrap",
            "unsafe_unwrap",
            "get",
            "post",
            "put",
            "patch",
            "delete",
        }
        assert methods and called - options <= methods, (target.name, called - options - methods)
        assert "list_things" not in text and "follow_events" not in text
        assert GENERATED in target.output.parents


OPTIONS = {"self", "extra_headers", "extra_query", "extra_body", "timeout", "max_retries"}
ENTRY = re.compile(r"^- `(\w+)\((.*)\) -> (.*)`: `[A-Z]+ ", re.MULTILINE)


def _canonical(function: ast.FunctionDef) -> str:
    """A method's signature without the options every method takes, as ast writes it."""
    arguments = function.args
    arguments.args = [a for a in arguments.args if a.arg not in OPTIONS]
    kept = [
        (a, d)
        for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
        if a.arg not in OPTIONS
    ]
    arguments.kwonlyargs, arguments.kw_defaults = [a for a, _ in kept], [d for _, d in kept]
    function.body, function.decorator_list = [ast.Expr(ast.Constant(...))], []
    return ast.unparse(function)


def _defined(package: Path) -> list[tuple[str, str]]:
    """(name, signature) of each operation's method (those taking `max_retries=`) of the
    sync resource classes, nested resources' too."""
    found = []
    for module in sorted((package / "resources").rglob("*.py")):
        for node in ast.parse(module.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.ClassDef) or node.name.startswith("Async"):
                continue
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and any(
                    a.arg == "max_retries" for a in item.args.kwonlyargs
                ):
                    found.append((item.name, _canonical(item)))
    return found


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_api_md_gives_each_method_as_defined(target: object) -> None:
    """One entry per method of every resource, its signature exactly as the code defines it:
    keyword-only arguments after `*`, defaults, and a page type for paginated methods."""
    from sdkwright.config import Target

    assert isinstance(target, Target)
    entries = ENTRY.findall((target.output / "api.md").read_text(encoding="utf-8"))
    defined = _defined(target.output / target.package)
    assert entries and sorted(n for n, _, _ in entries) == sorted(n for n, _ in defined)
    for name, parameters, returns in entries:
        written = ast.parse(f"def {name}({parameters}) -> {returns}:\n    ...").body[0]
        assert isinstance(written, ast.FunctionDef)
        assert (name, _canonical(written)) in defined, (name, [d for d in defined if d[0] == name])


FEATURES = """
openapi: 3.1.0
info: {title: Feeds, version: "1"}
servers: [{url: https://feeds.example}]
paths:
  /items:
    get:
      operationId: list_items
      parameters:
        - {name: cursor, in: query, schema: {type: string}}
      responses:
        "200":
          description: a page
          content:
            application/json:
              schema:
                type: object
                required: [data]
                properties:
                  data: {type: array, items: {$ref: "#/components/schemas/Item"}}
                  next_cursor: {type: [string, "null"]}
              example: {data: [{id: it-1}], next_cursor: c-2}
  /items/{item_id}/events:
    get:
      operationId: follow_item
      parameters:
        - {name: item_id, in: path, required: true, schema: {type: string}, example: it-1}
      responses:
        "200":
          description: events
          content: {text/event-stream: {schema: {type: string}}}
  /photos:
    post:
      operationId: upload_photo
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [photo]
              properties:
                photo: {type: string, format: binary}
                caption: {type: string, example: A cat}
      responses:
        "201":
          description: stored
          content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}
components:
  schemas:
    Item:
      type: object
      required: [id]
      properties: {id: {type: string, example: it-1}}
"""
PLAIN = """
openapi: 3.1.0
info: {title: Plain, version: "1"}
paths:
  /things/{thing_id}:
    get:
      operationId: get_thing
      parameters: [{name: thing_id, in: path, required: true, schema: {type: integer}}]
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: string}}}}
"""


@pytest.mark.parametrize("flavour", ["httpx", "requests"])
def test_sections_exist_for_what_the_api_has(tmp_path: Path, flavour: str) -> None:
    """Pagination, server-sent events and uploads get a section, with a snippet calling the
    API's own operation, that the SDK's tests run; an API without them gets none."""
    (tmp_path / "features").mkdir()
    (tmp_path / "plain").mkdir()
    sdk, _ = generate(tmp_path / "features", FEATURES, "feeds", "Feeds", flavour)
    readme = (sdk / "README.md").read_text(encoding="utf-8")
    for section, call in (
        ("## Pagination", "client.items.list_items()"),
        ("## File uploads", "client.photos.upload_photo("),
        ("## Server-sent events", "client.with_streaming_response.items.follow_item("),
    ):
        assert section in readme and call in readme, section
    result = run_generated_tests(sdk, "tests/test_readme.py", "-p", "no:randomly")
    assert result.returncode == 0, describe(result)
    assert f"{len(snippets(sdk)) + 1} passed" in result.stdout, describe(result)
    plain, _ = generate(tmp_path / "plain", PLAIN, "plain", "Plain", flavour)
    text = (plain / "README.md").read_text(encoding="utf-8")
    assert "client.get_thing(thing_id=1)" in text or "client.things.get_thing(" in text
    for absent in ("## Pagination", "## File uploads", "## Server-sent events"):
        assert absent not in text
