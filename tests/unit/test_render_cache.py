"""The render cache (sdkwright/cache/render_cache.py): a regeneration after a spec change reuses the
files of units that read nothing changed, and gives exactly what a cold render gives.

The equivalence tests edit the repository's own specs in many small ways (what a team does
between two regenerations) and compare, for each edit, a render that starts from the cache of
the previous version with a render from no cache at all.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from sdkwright import flavours
from sdkwright.api import load_and_validate
from sdkwright.cache.render_cache import RenderCache, TrackedDefinitions
from sdkwright.diagnostics import has_errors
from sdkwright.ir.nodes import Api, Definition
from sdkwright.targets.python import render
from sdkwright.targets.python.naming.step import NamingOptions, build_named_api

ROOT = Path(__file__).resolve().parents[2]
SPECS = {
    "kitchensink": ROOT / "specs" / "kitchensink.yaml",
    "clearstreet": ROOT / "specs" / "clearstreet.yaml",
}

Spec = dict[str, Any]
Edit = Callable[[Spec], None]


def build(spec: Spec, folder: Path) -> Api:
    """The IR of `spec`, always from the same file name (the banner names the file)."""
    path = folder / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    specs, diagnostics = load_and_validate(path)
    assert specs is not None and not has_errors(diagnostics), [d.render() for d in diagnostics]
    api, built = build_named_api(specs, NamingOptions(package="sdk", client_name="Sdk"))
    assert not has_errors(built), [d.render() for d in built]
    return api


def original(name: str) -> Spec:
    loaded: Spec = yaml.safe_load(SPECS[name].read_text(encoding="utf-8"))
    return loaded


def schemas(spec: Spec) -> dict[str, Any]:
    found: dict[str, Any] = spec.get("components", {}).get("schemas", {})
    return found


def object_schemas(spec: Spec) -> list[str]:
    return [n for n, s in schemas(spec).items() if isinstance(s.get("properties"), dict)]


def add_property(name: str) -> Edit:
    def edit(spec: Spec) -> None:
        schemas(spec)[name]["properties"]["added_by_test"] = {
            "type": "string",
            "description": "A new optional field.",
        }

    return edit


def retype_first_property(name: str) -> Edit:
    def edit(spec: Spec) -> None:
        properties = schemas(spec)[name]["properties"]
        first = next(iter(properties))
        properties[first] = {"type": "integer", "description": "Now an integer."}

    return edit


def make_first_property_required(name: str) -> Edit:
    def edit(spec: Spec) -> None:
        schema = schemas(spec)[name]
        first = next(iter(schema["properties"]))
        schema["required"] = sorted({*schema.get("required", []), first})

    return edit


def describe_schema(name: str) -> Edit:
    def edit(spec: Spec) -> None:
        schemas(spec)[name]["description"] = "Described again by the test."

    return edit


def make_a_string(name: str) -> Edit:
    def edit(spec: Spec) -> None:
        schemas(spec)[name] = {"type": "string", "description": "No longer an object."}

    return edit


def make_a_union(name: str) -> Edit:
    """A model becomes a union of the same name: users of it cast instead of validating."""

    def edit(spec: Spec) -> None:
        schemas(spec)[name] = {"oneOf": [{"type": "string"}, {"type": "integer"}]}

    return edit


def operations(spec: Spec) -> Iterator[dict[str, Any]]:
    for item in spec["paths"].values():
        for method in ("get", "put", "post", "delete", "patch"):
            if method in item:
                yield item[method]


def resummarise_first_operation(spec: Spec) -> None:
    next(operations(spec))["summary"] = "Summarised again by the test"


def add_operation(spec: Spec) -> None:
    spec["paths"]["/added-by-test"] = {
        "get": {
            "operationId": "addedByTest",
            "summary": "Added by the test",
            "responses": {"204": {"description": "Nothing"}},
        }
    }


def retitle(spec: Spec) -> None:
    spec["info"]["title"] = "Retitled by the test"


def add_schema(spec: Spec) -> None:
    """A schema nothing references: no other definition or operation changes."""
    schemas(spec)["AddedByTest"] = {"type": "object", "properties": {"note": {"type": "string"}}}


def edits(name: str) -> list[tuple[str, Edit]]:
    chosen: list[tuple[str, Edit]] = [
        ("summary of an operation", resummarise_first_operation),
        ("new operation", add_operation),
        ("new title", retitle),
        ("new schema", add_schema),
    ]
    for schema in object_schemas(original(name))[:12]:
        chosen += [
            (f"{schema}: new optional field", add_property(schema)),
            (f"{schema}: field retyped", retype_first_property(schema)),
            (f"{schema}: field required", make_first_property_required(schema)),
            (f"{schema}: new description", describe_schema(schema)),
            (f"{schema}: now a string", make_a_string(schema)),
            (f"{schema}: now a union", make_a_union(schema)),
        ]
    return chosen


def assert_warm_renders_are_cold_ones(
    name: str, folder: Path, chosen: list[tuple[str, Edit]], user_templates: str | None = None
) -> None:
    """For each edit: a render from the cache of the original spec's equals a cold render."""
    before_spec = original(name)
    before = build(before_spec, folder)
    cache_file = str(folder / "render.marshal")
    reused_somewhere = False
    for label, edit in chosen:
        after_spec = copy.deepcopy(before_spec)
        edit(after_spec)
        after = build(after_spec, folder)
        render.render_sdk(
            before, cache=RenderCache(cache_file, "identity"), user_templates=user_templates
        )
        cache = RenderCache(cache_file, "identity")
        warm = render.render_sdk(after, cache=cache, user_templates=user_templates)
        cold = render.render_sdk(after, user_templates=user_templates)
        assert warm == cold, f"{label}: the cached render differs from a cold one"
        reused_somewhere |= cache.reused > 0
        if label.endswith("new optional field"):
            assert cache.rendered > 0, f"{label}: the model's own file was not rendered again"
    assert reused_somewhere


@pytest.mark.parametrize("name", sorted(SPECS))
def test_renders_after_each_edit_equal_a_cold_render(name: str, tmp_path: Path) -> None:
    assert_warm_renders_are_cold_ones(name, tmp_path, edits(name))


# Templates of a user's folder that read facts of the whole Api in cached units: a model's
# (the README's model_docstring example, counting) and a group's tests (naming every group
# and definition).
API_WIDE_TEMPLATES = {
    "types/definition.py.jinja": """{% extends "builtin:types/definition.py.jinja" %}
{% block model_docstring %}
    \"\"\"{{ d.name }} of {{ api.title }}: one of {{ api.definitions | length }} models; {{ api.operations | length }} operations.\"\"\"
{% endblock %}
""",
    "tests/test_group.py.jinja": """# {{ api.groups | map(attribute="class_name") | join(", ") }}: {{ api.definitions | map(attribute="name") | join(", ") }}
{% include "builtin:tests/test_group.py.jinja" %}
""",
}


@pytest.mark.parametrize("name", sorted(SPECS))
def test_templates_reading_api_wide_facts_render_as_cold_ones(name: str, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    for relative, text in API_WIDE_TEMPLATES.items():
        (templates / relative).parent.mkdir(parents=True, exist_ok=True)
        (templates / relative).write_text(text)
    schema = object_schemas(original(name))[0]
    chosen = [
        *edits(name)[:4],
        (f"{schema}: new optional field", add_property(schema)),
        (f"{schema}: now a string", make_a_string(schema)),
    ]
    assert_warm_renders_are_cold_ones(name, tmp_path, chosen, str(templates))
    api = build(original(name), tmp_path)
    cold = render.render_sdk(api, user_templates=str(templates))
    rendered = flavours.get("httpx").resolve({}).prepare(api).api  # as the templates see it
    count = f"one of {len(rendered.definitions)} models; {len(api.operations)} operations."
    assert any(count in text for text in cold.values()), "the templates read no api-wide fact"


def test_a_small_change_renders_only_the_units_it_touches(tmp_path: Path) -> None:
    spec = original("kitchensink")
    api = build(spec, tmp_path)
    cache_file = str(tmp_path / "render.marshal")
    first = RenderCache(cache_file, "identity")
    render.render_sdk(api, cache=first)
    again = RenderCache(cache_file, "identity")
    render.render_sdk(api, cache=again)
    assert again.rendered == 0 and again.reused == first.rendered
    edited = copy.deepcopy(spec)
    describe_schema(object_schemas(spec)[0])(edited)
    changed = RenderCache(cache_file, "identity")
    render.render_sdk(build(edited, tmp_path), cache=changed)
    assert 0 < changed.rendered <= first.rendered // 4, (changed.rendered, first.rendered)


def test_other_code_or_templates_render_everything_again(tmp_path: Path) -> None:
    api = build(original("kitchensink"), tmp_path)
    cache_file = str(tmp_path / "render.marshal")
    first = RenderCache(cache_file, "templates A")
    render.render_sdk(api, cache=first)
    other = RenderCache(cache_file, "templates B")
    render.render_sdk(api, cache=other)
    assert other.reused == 0 and other.rendered == first.rendered


@pytest.mark.parametrize("damage", [b"", b"garbage", b"sdkwright render cache 4\n\x00\x01"])
def test_an_unreadable_cache_is_an_empty_one(tmp_path: Path, damage: bytes) -> None:
    api = build(original("kitchensink"), tmp_path)
    cache_file = tmp_path / "render.marshal"
    cache_file.write_bytes(damage)
    cache = RenderCache(str(cache_file), "identity")
    assert render.render_sdk(api, cache=cache) == render.render_sdk(api)
    assert cache.reused == 0


def test_fingerprints_agree_across_processes_with_other_hash_seeds(tmp_path: Path) -> None:
    """Set iteration order follows the hash seed: a set in a render context would make every
    run's keys differ, and the cache useless (never wrong). Two processes, two seeds."""
    spec_path = tmp_path / "spec.json"
    spec_path.write_text(json.dumps(original("clearstreet")), encoding="utf-8")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from sdkwright.targets.python import render\n"
        "from sdkwright.api import load_and_validate\n"
        "from sdkwright.targets.python.naming.step import NamingOptions, build_named_api\n"
        "from sdkwright.cache.render_cache import RenderCache\n"
        "specs, _ = load_and_validate(Path(sys.argv[1]))\n"
        "api, _ = build_named_api(specs, NamingOptions(package='sdk', client_name='Sdk'))\n"
        "cache = RenderCache(sys.argv[2], 'identity')\n"
        "render.render_sdk(api, cache=cache)\n"
        "print(cache.reused, cache.rendered)\n"
    )
    counts = []
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", script, str(spec_path), str(tmp_path / "render.marshal")],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        counts.append(tuple(int(n) for n in done.stdout.split()))
    (reused_first, rendered_first), (reused_second, rendered_second) = counts
    assert reused_first == 0 and rendered_first > 0
    assert (reused_second, rendered_second) == (rendered_first, 0)


def test_a_unit_reading_every_definition_is_not_kept(tmp_path: Path) -> None:
    api = build(original("kitchensink"), tmp_path)
    definitions = {d.name: d for d in api.definitions}

    def every_name(seen: Mapping[str, Definition]) -> tuple[dict[str, str], None]:
        return {"names.txt": ",".join(seen)}, None

    for _ in range(2):
        cache = RenderCache(str(tmp_path / "render.marshal"), "identity")
        cache.begin(definitions, scope="scope")
        assert cache.unit("context", every_name).files["names.txt"].count(",") > 0
        cache.save()
        assert (cache.reused, cache.rendered) == (0, 1)


def test_tracking_records_reads_deep_and_shallow() -> None:
    tracked = TrackedDefinitions({})
    assert "Missing" not in tracked
    shallow = tracked.shallow()
    with pytest.raises(KeyError):
        shallow["Other"]
    assert tracked.names == {"Missing"} and tracked.shallow_names == {"Other"}
    assert not tracked.read_all
    list(tracked)
    assert tracked.read_all
