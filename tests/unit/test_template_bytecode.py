"""Compiled templates (sdkwright/cache/template_bytecode.py): the shipped ones are what the renderer
would compile, they are used as they are, and an edited template never runs stale code."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest
from sdkwright.cache import template_bytecode
from sdkwright.cache.template_bytecode import (
    TemplateBytecode,
    built_in_templates,
    not_shipped,
    precompile,
)
from sdkwright.targets.python import engine

TEMPLATES = engine.templates_root()


def test_every_filter_of_the_renderer_is_known_to_the_compiler() -> None:
    assert set(engine.TEMPLATE_FILTERS) == set(template_bytecode.FILTERS)


def test_the_build_compiles_each_template_as_the_renderer_does() -> None:
    compiling = template_bytecode.compiling_environment()
    rendering = engine.environment("httpx")  # every flavour's has the same options and filters
    for name, filename in built_in_templates(str(TEMPLATES)):
        source = Path(filename).read_text(encoding="utf-8")
        built = compiling.compile(source, name, filename, raw=True)
        assert built == rendering.compile(source, name, filename, raw=True), filename


def _httpx_templates(root: Path) -> list[tuple[str, str]]:
    folder = str(root / "httpx")
    return [(n, f) for n, f in built_in_templates(str(root)) if f.startswith(folder)]


def _environment(root: Path, shipped: Path, user: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(root / "httpx")),
        bytecode_cache=TemplateBytecode(str(user), str(root), shipped=str(shipped)),
        undefined=jinja2.StrictUndefined,
        **template_bytecode.OPTIONS,
    )


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    """A copy of the built-in templates, precompiled into tmp_path/shipped."""
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES, root)
    assert precompile(str(root), str(tmp_path / "shipped")) == len(list(root.rglob("*.jinja")))
    return root


def test_shipped_templates_are_used_without_compiling(
    templates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    environment = _environment(templates, tmp_path / "shipped", tmp_path / "user")

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled a shipped template")

    monkeypatch.setattr(environment, "compile", no_compiling)
    names = [name for name, _ in _httpx_templates(templates)]
    assert "resources/group.py.jinja" in names
    for name in names:
        environment.get_template(name)
    assert not (tmp_path / "user").exists()


def test_an_edited_template_is_compiled_again_and_cached_locally(
    templates: Path, tmp_path: Path
) -> None:
    edited = templates / "httpx" / "api.md.jinja"
    edited.write_text("edited {{ 1 + 1 }}\n", encoding="utf-8")
    environment = _environment(templates, tmp_path / "shipped", tmp_path / "user")
    assert environment.get_template("api.md.jinja").render() == "edited 2\n"
    assert len(list((tmp_path / "user").iterdir())) == 1
    environment.get_template("_client.py.jinja")  # unedited: from the shipped folder
    assert len(list((tmp_path / "user").iterdir())) == 1


def test_a_template_outside_the_built_in_folder_never_matches_a_shipped_one(
    templates: Path, tmp_path: Path
) -> None:
    own = tmp_path / "own"
    shutil.copytree(templates / "httpx", own)  # the same names and sources, elsewhere
    cache = TemplateBytecode(
        str(tmp_path / "user"), str(templates), shipped=str(tmp_path / "shipped")
    )
    for name, filename in _httpx_templates(templates):
        mine = str(own / Path(filename).relative_to(templates / "httpx"))
        assert cache.get_cache_key(name, mine) != cache.get_cache_key(name, filename)


def test_templates_edited_since_the_build_are_told(templates: Path, tmp_path: Path) -> None:
    assert not_shipped(str(templates), str(tmp_path / "shipped")) == []
    (templates / "requests" / "_types.py.jinja").write_text("edited\n", encoding="utf-8")
    assert not_shipped(str(templates), str(tmp_path / "shipped")) == ["requests/_types.py.jinja"]
