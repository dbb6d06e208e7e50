"""Customising without forking: a user's template folder overrides a built-in template, or one
block of it with the built-in still reachable as `builtin:NAME`; and a flavour registered from
outside the pipeline renders through it unchanged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sdkwright import api, flavours
from sdkwright.config import Target
from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.flavours.model_types import PYDANTIC
from sdkwright.ir.nodes import Api

SPEC = """
openapi: 3.0.3
info: {title: Tiny, version: "1.0"}
paths:
  /notes/{note_id}:
    get:
      operationId: getNote
      tags: [Notes]
      parameters: [{name: note_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: A note.
          content: {application/json: {schema: {$ref: "#/components/schemas/Note"}}}
components:
  schemas:
    Note:
      type: object
      description: A short note.
      required: [id]
      properties:
        id: {type: string}
        body: {type: string, description: The text.}
"""

DOCSTRING_BLOCK = '''{% extends "builtin:types/definition.py.jinja" %}
{% block model_docstring %}
    """{{ d.name }}: reviewed by the data team."""
{% endblock %}
'''
API_MD = "{{ banner }}\n# {{ api.title }}: see the README.\n"
# A block that reads facts of the whole Api, not of its own model.
COUNTING_BLOCK = '''{% extends "builtin:types/definition.py.jinja" %}
{% block model_docstring %}
    """{{ d.name }}: one of {{ api.definitions | length }} models; {{ api.operations | length }} operations."""
{% endblock %}
'''
SEED_SPEC = Path(__file__).resolve().parents[2] / "specs" / "clearstreet.yaml"


def generate(target: Target) -> dict[str, str]:
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    return {path: data.decode() for path, data in result.files.items()}


@pytest.fixture
def target(tmp_path: Path) -> Target:
    (tmp_path / "tiny.yaml").write_text(SPEC)
    return Target("tiny", tmp_path / "tiny.yaml", tmp_path / "plain", "tiny", "Tiny")


@pytest.fixture
def user_templates(tmp_path: Path) -> Path:
    folder = tmp_path / "sdk-templates"
    (folder / "types").mkdir(parents=True)
    (folder / "types" / "definition.py.jinja").write_text(DOCSTRING_BLOCK)
    (folder / "api.md.jinja").write_text(API_MD)
    return folder


def test_a_block_and_a_whole_file_are_overridden(target: Target, user_templates: Path) -> None:
    plain = generate(target)
    custom = generate(
        replace(target, output=target.output.parent / "custom", templates=user_templates)
    )
    note = custom["tiny/types/note.py"]
    assert '    """Note: reviewed by the data team."""\n' in note
    assert "A short note." not in note
    # The rest of the file is the built-in template's, reached through `builtin:`.
    assert (
        note.replace('"""Note: reviewed by the data team."""', '"""A short note."""')
        == plain["tiny/types/note.py"]
    )
    assert custom["api.md"].endswith("# Tiny: see the README.\n")
    assert custom["api.md"] != plain["api.md"]
    unchanged = set(plain) - {"tiny/types/note.py", "api.md", ".sdkwright-manifest.json"}
    assert all(custom[path] == plain[path] for path in unchanged)


def test_editing_a_user_template_makes_the_output_stale(
    target: Target, user_templates: Path
) -> None:
    custom = replace(target, templates=user_templates)
    generate(custom)
    assert api.up_to_date(custom) is None
    (user_templates / "api.md.jinja").write_text(API_MD + "\nMore.\n")
    assert api.up_to_date(custom) == "the templates changed"


def test_a_registered_flavour_renders_without_changes_to_the_pipeline(
    target: Target, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A flavour from outside: its own folder first, the httpx templates for the rest."""
    folder = tmp_path / "lean"
    folder.mkdir()
    (folder / "README.md.jinja").write_text("{{ banner }}\n# {{ api.title }} ({{ plan.http }})\n")
    lean = flavours.Flavour(
        "lean",
        "httpx with a one-line README",
        lambda options: flavours.Plan((str(folder), "httpx"), flavours.RUNTIME_MODULES, True),
    )
    monkeypatch.setitem(flavours._REGISTRY, "lean", lean)
    files = generate(replace(target, flavour="lean"))
    assert files["README.md"].endswith("# Tiny (httpx)\n")
    assert "class AsyncTiny(AsyncAPIClient):" in files["tiny/_client.py"]


def counting_templates(tmp_path: Path) -> Path:
    folder = tmp_path / "counting-templates"
    (folder / "types").mkdir(parents=True)
    (folder / "types" / "definition.py.jinja").write_text(COUNTING_BLOCK)
    return folder


def test_a_model_template_sees_the_whole_api(tmp_path: Path) -> None:
    """The model_docstring bug: a model's template saw an Api without its definitions and
    operations ("one of 0 models; 0 operations" for the seed spec, which has 6 and 1)."""
    target = Target(
        "clearstreet",
        SEED_SPEC,
        tmp_path / "sdk",
        "clearstreet",
        "ClearStreet",
        templates=counting_templates(tmp_path),
    )
    files = generate(target)
    docstring = '"""PositionInstruction: one of 6 models; 1 operations."""'
    assert docstring in files["clearstreet/types/position_instruction.py"]


def test_a_cached_model_file_follows_the_api_facts_its_template_read(
    target: Target, tmp_path: Path
) -> None:
    """A new schema changes no other model, yet every model's docstring counts it: the
    render cache must not reuse a file whose template read the number of models."""
    counting = replace(target, templates=counting_templates(tmp_path))
    assert "one of 1 models; 1 operations." in generate(counting)["tiny/types/note.py"]
    # Appended to the schemas: every other part of the spec stays as it was.
    counting.spec.write_text(
        SPEC + "    Tag:\n      type: object\n      properties: {label: {type: string}}\n"
    )
    files = generate(counting)
    assert '"""Note: one of 2 models; 1 operations."""' in files["tiny/types/note.py"]
    assert '"""Tag: one of 2 models; 1 operations."""' in files["tiny/types/tag.py"]


def flag_models(ir: Api) -> tuple[Api, list[Diagnostic]]:
    """A model type's `prepare`: one warning per call (module-level: plans are pickled)."""
    return ir, [Diagnostic(Level.WARNING, "test.prepared", f"{len(ir.definitions)} models")]


def test_a_model_type_from_outside_shapes_tests_and_prepares_the_api_once(
    target: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model type is a value in a plan: no core module names it."""
    round_trip = replace(
        PYDANTIC,
        name="pydantic-round-trip",
        dump_result="adapter({type}).dump_python({value}, mode='json', round_trip=True)",
        prepare=flag_models,
    )
    flavour = flavours.Flavour(
        "round-trip",
        "httpx, results dumped for a round trip",
        lambda options: flavours.Plan(("httpx",), flavours.RUNTIME_MODULES, True, round_trip),
    )
    monkeypatch.setitem(flavours._REGISTRY, "round-trip", flavour)
    result = api.generate(replace(target, flavour="round-trip"))
    assert [d.message for d in result.diagnostics if d.code == "test.prepared"] == ["1 models"]
    tests = result.files["tests/test_notes.py"].decode()
    assert 'adapter(Note).dump_python(result, mode="json", round_trip=True)' in tests
