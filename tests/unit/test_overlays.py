"""OpenAPI Overlays 1.0 and 1.1: update, remove and copy applied in order through RFC 9535
JSONPath, every mistake located in the overlay file, and diagnostics about the overlaid spec
pointing at the file (spec or overlay) that wrote the value."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from sdkwright.api import load_and_validate
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level
from sdkwright.spec.load import DEFAULT_LIMITS, Limits, load_document
from sdkwright.spec.overlays import Applied, apply_overlays

SPEC = """\
openapi: 3.1.0
info:
  title: Pets
  version: 1.0.0
tags:
  - name: a
  - name: b
  - name: c
paths:
  /pets:
    get:
      operationId: listPets
      tags: [a, b]
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: dummy, in: query, schema: {type: string}}
      responses:
        '200':
          description: OK
  /items:
    get:
      operationId: listItems
      responses:
        '200':
          description: OK
"""


def overlay_text(actions: list[dict[str, Any]], version: str = "1.1.0") -> str:
    return json.dumps(
        {"overlay": version, "info": {"title": "t", "version": "1"}, "actions": actions}, indent=2
    )


def apply(
    tmp_path: Path,
    *overlays: str,
    spec: str = SPEC,
    name: str = "o{}.overlay.yaml",
    limits: Limits = DEFAULT_LIMITS,
) -> Applied:
    spec_path = tmp_path / "spec.yaml"
    spec_path.write_text(spec)
    paths = []
    for number, text in enumerate(overlays):
        path = tmp_path / name.format(number)
        path.write_text(text)
        paths.append((path, str(path)))
    return apply_overlays(load_document(spec_path, str(spec_path)), paths, limits)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line of `text` containing `needle`."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def failure(tmp_path: Path, *overlays: str) -> list[Diagnostic]:
    with pytest.raises(GenerationFailed) as raised:
        apply(tmp_path, *overlays)
    return raised.value.diagnostics


def get(applied: Applied) -> dict[str, Any]:
    data: dict[str, Any] = applied.document.data["paths"]["/pets"]["get"]
    return data


# -- semantics -----------------------------------------------------------------------------


def test_update_merges_objects_recursively_concatenates_arrays_and_replaces_primitives(
    tmp_path: Path,
) -> None:
    update = {
        "summary": "List pets",
        "tags": ["c"],
        "responses": {"200": {"description": "Pets", "x-new": 1}},
    }
    applied = apply(tmp_path, overlay_text([{"target": "$.paths['/pets'].get", "update": update}]))
    operation = get(applied)
    assert operation["summary"] == "List pets"
    assert operation["tags"] == ["a", "b", "c"]
    assert operation["responses"] == {"200": {"description": "Pets", "x-new": 1}}
    assert operation["operationId"] == "listPets"  # only in the target: left alone
    (report,) = applied.reports
    assert report.matched == ("$['paths']['/pets']['get']",) and report.changed


def test_actions_apply_in_order_each_to_the_previous_result(tmp_path: Path) -> None:
    actions = [
        {"target": "$.paths['/items']", "remove": True},
        {"target": "$.paths", "update": {"/items": {"x-recreated": True}}},
    ]
    applied = apply(tmp_path, overlay_text(actions))
    assert applied.document.data["paths"]["/items"] == {"x-recreated": True}


def test_remove_takes_array_items_by_filter_and_keeps_the_others_in_order(tmp_path: Path) -> None:
    actions = [
        {"target": "$.paths.*.get.parameters[?@.name == 'dummy']", "remove": True},
        {"target": "$.tags[?@.name != 'b']", "remove": True},
    ]
    applied = apply(tmp_path, overlay_text(actions))
    assert [p["name"] for p in get(applied)["parameters"]] == ["limit"]
    assert applied.document.data["tags"] == [{"name": "b"}]
    assert applied.reports[1].matched == ("$['tags'][0]", "$['tags'][2]")


def test_an_array_target_takes_an_entry_to_append_and_in_1_1_an_array_to_concatenate(
    tmp_path: Path,
) -> None:
    entry = {"name": "extra", "in": "query"}
    target = "$.paths['/pets'].get.parameters"
    v10 = apply(tmp_path, overlay_text([{"target": target, "update": [entry]}], "1.0.0"))
    assert get(v10)["parameters"][-1] == [entry]  # 1.0: the value is one entry
    v11 = apply(tmp_path, overlay_text([{"target": target, "update": [entry]}]))
    assert get(v11)["parameters"][-1] == entry


def test_1_1_replaces_primitive_targets_and_removes_primitive_array_items(tmp_path: Path) -> None:
    actions = [
        {"target": "$.paths.*.get.operationId", "update": "renamed"},
        {"target": "$.paths['/pets'].get.tags[?@ == 'a']", "remove": True},
    ]
    applied = apply(tmp_path, overlay_text(actions))
    assert get(applied)["operationId"] == "renamed"
    assert applied.document.data["paths"]["/items"]["get"]["operationId"] == "renamed"
    assert get(applied)["tags"] == ["b"]


def test_copy_merges_the_one_selected_node_into_each_target(tmp_path: Path) -> None:
    actions = [
        {"target": "$.paths", "update": {"/new-items": {}}},
        {"target": "$.paths['/new-items']", "copy": "$.paths['/items']"},
        {"target": "$.paths['/items']", "remove": True},
    ]
    applied = apply(tmp_path, overlay_text(actions))
    paths = applied.document.data["paths"]
    assert "/items" not in paths
    assert paths["/new-items"]["get"]["operationId"] == "listItems"
    # A copy, not a shared value: changing one leaves the other alone.
    paths["/new-items"]["get"]["operationId"] = "x"
    assert get(applied)["operationId"] == "listPets"


def test_a_target_matching_nothing_succeeds_with_a_warning_located_at_the_action(
    tmp_path: Path,
) -> None:
    text = overlay_text([{"target": "$.paths['/gone']", "update": {"a": 1}}])
    applied = apply(tmp_path, text)
    (note,) = applied.notes
    assert (note.level, note.code) == (Level.WARNING, "overlay.no-match")
    assert note.location is not None and note.location.pointer == "/actions/0/target"
    assert note.location.line == line_of(text, "/gone")
    (report,) = applied.reports
    assert report.matched == () and not report.changed


def test_an_update_that_writes_what_is_there_changes_nothing(tmp_path: Path) -> None:
    actions = [
        {"target": "$.info", "update": {"title": "Pets"}},
        {"target": "$.info", "update": {"version": 1}},  # 1 is not "1.0.0": a change
        {"target": "$.paths['/pets'].get.tags", "update": []},
    ]
    applied = apply(tmp_path, overlay_text(actions))
    assert [r.changed for r in applied.reports] == [False, True, False]


def test_duplicate_matches_are_applied_once(tmp_path: Path) -> None:
    actions = [{"target": "$.tags[0, 0]", "remove": True}]
    applied = apply(tmp_path, overlay_text(actions))
    assert applied.document.data["tags"] == [{"name": "b"}, {"name": "c"}]


def test_several_overlays_apply_in_the_order_given(tmp_path: Path) -> None:
    first = overlay_text([{"target": "$.info", "update": {"title": "one"}}])
    second = overlay_text([{"target": "$.info", "update": {"title": "two"}}])
    assert apply(tmp_path, first, second).document.data["info"]["title"] == "two"


# -- errors, located in the overlay --------------------------------------------------------


def one(diagnostics: list[Diagnostic]) -> tuple[str, str, int]:
    (diagnostic,) = diagnostics
    assert diagnostic.location is not None and diagnostic.location.line > 0
    return diagnostic.code, diagnostic.location.pointer, diagnostic.location.line


def test_an_invalid_jsonpath_is_located_at_its_target(tmp_path: Path) -> None:
    text = overlay_text(
        [{"target": "$.info", "update": {}}, {"target": "$.a[?@.x = 1]", "remove": True}]
    )
    code, pointer, line = one(failure(tmp_path, text))
    assert (code, pointer, line) == ("overlay.jsonpath", "/actions/1/target", line_of(text, "@.x"))


def test_non_rfc_jsonpath_extensions_are_refused(tmp_path: Path) -> None:
    text = overlay_text([{"target": "$.paths[?(@.get =~ /x/)]", "remove": True}])
    assert one(failure(tmp_path, text))[0] == "overlay.jsonpath"


def test_an_unknown_version_is_refused(tmp_path: Path) -> None:
    text = overlay_text([{"target": "$.info", "update": {}}], version="2.0.0")
    code, pointer, line = one(failure(tmp_path, text))
    assert (code, pointer, line) == ("overlay.version", "/overlay", line_of(text, "2.0.0"))


def test_an_update_that_is_not_an_object_for_object_targets_is_refused(tmp_path: Path) -> None:
    text = overlay_text([{"target": "$.info", "update": "text"}])
    assert one(failure(tmp_path, text))[:2] == ("overlay.update-type", "/actions/0/update")


def test_incompatible_kinds_in_a_merge_are_located_at_the_update_property(tmp_path: Path) -> None:
    text = overlay_text([{"target": "$.paths['/pets']", "update": {"get": {"tags": "a"}}}])
    (diagnostic,) = failure(tmp_path, text)
    assert diagnostic.code == "overlay.incompatible"
    assert diagnostic.location is not None
    assert diagnostic.location.pointer == "/actions/0/update/get/tags"
    assert "$['paths']['/pets']['get']['tags']" in diagnostic.message


def test_1_0_refuses_primitive_targets_and_copy(tmp_path: Path) -> None:
    primitive = overlay_text([{"target": "$.info.title", "update": "x"}], "1.0.0")
    assert one(failure(tmp_path, primitive))[0] == "overlay.target-kinds"
    copy = overlay_text([{"target": "$.info", "copy": "$.info"}], "1.0.0")
    assert one(failure(tmp_path, copy))[1] == "/actions/0/copy"


def test_a_copy_source_must_select_one_node(tmp_path: Path) -> None:
    text = overlay_text([{"target": "$.info", "copy": "$.tags[*]"}])
    code, pointer, _ = one(failure(tmp_path, text))
    assert (code, pointer) == ("overlay.copy-source", "/actions/0/copy")


def test_structural_mistakes_are_all_reported_at_once(tmp_path: Path) -> None:
    text = textwrap.dedent(
        """\
        overlay: 1.1.0
        info: {title: t}
        colour: blue
        actions:
          - target: $.info
            update: {}
            remove: true
          - update: {}
          - target: $.info
            update: {}
          - target: $.info
            update: {}
        """
    )
    diagnostics = failure(tmp_path, text)
    found = sorted((d.location.pointer if d.location else "", d.message) for d in diagnostics)
    pointers = [p for p, _ in found]
    assert pointers == ["/actions/0", "/actions/1", "/actions/3", "/colour", "/info"], found
    assert all(d.location is not None and d.location.line > 0 for d in diagnostics)


def test_removing_the_root_is_refused(tmp_path: Path) -> None:
    assert one(failure(tmp_path, overlay_text([{"target": "$", "remove": True}])))[0] == (
        "overlay.remove-root"
    )


def test_copies_that_multiply_past_the_value_limit_are_refused(tmp_path: Path) -> None:
    # Each action copies the whole document into itself: its size doubles every time.
    doubling = [{"target": "$.info", "copy": "$", "description": str(i)} for i in range(30)]
    with pytest.raises(GenerationFailed) as raised:
        apply(tmp_path, overlay_text(doubling), limits=Limits(max_values=10_000))
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.code == "limit.values"
    assert diagnostic.location is not None and diagnostic.location.pointer.startswith("/actions/")


def test_extends_naming_another_file_is_a_warning(tmp_path: Path) -> None:
    text = json.loads(overlay_text([{"target": "$.info", "update": {"x-a": 1}}]))
    applied = apply(tmp_path, json.dumps({**text, "extends": "./spec.yaml"}))
    assert applied.notes == ()
    other = apply(tmp_path, json.dumps({**text, "extends": "other.yaml"}))
    assert [n.code for n in other.notes] == ["overlay.extends"]


# -- through loading and validation --------------------------------------------------------


def test_validation_errors_point_at_the_overlay_that_wrote_the_value(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(SPEC)
    overlay = tmp_path / "fix.overlay.yaml"
    overlay.write_text(
        textwrap.dedent(
            """\
            overlay: 1.1.0
            info: {title: fixes, version: '1'}
            actions:
              - target: $.tags[?@.name == 'a']
                remove: true
              - target: $.paths['/pets'].get
                update:
                  summary: 12
            """
        )
    )
    specs, diagnostics = load_and_validate(tmp_path / "spec.yaml", overlays=[overlay])
    assert specs is not None
    errors = [d for d in diagnostics if d.level is Level.ERROR]
    (error,) = errors
    assert error.location is not None
    assert (error.location.file, error.location.line, error.location.column) == (
        str(overlay),
        8,
        16,
    )
    assert error.location.pointer == "/actions/1/update/summary"
    # Values the overlays did not write keep the spec's own place, indices as in the file.
    assert specs.root.origin is not None
    document, pointer = specs.root.origin("/tags/1/name")
    assert (document.name, pointer) == (str(tmp_path / "spec.yaml"), "/tags/2/name")


def test_refs_an_overlay_adds_are_followed_and_checked(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(SPEC)
    overlay = tmp_path / "o.json"
    schema = {"schema": {"$ref": "#/components/schemas/Missing"}}
    overlay.write_text(
        overlay_text(
            [
                {
                    "target": "$.paths['/pets'].get.responses['200']",
                    "update": {"content": {"application/json": schema}},
                }
            ]
        )
    )
    _, diagnostics = load_and_validate(tmp_path / "spec.yaml", overlays=[overlay])
    unresolved = [d for d in diagnostics if d.code == "ref.unresolved"]
    assert len(unresolved) == 1 and unresolved[0].location is not None
    assert unresolved[0].location.file == str(overlay)


def test_generate_applies_the_target_overlays_and_the_fast_path_sees_them(tmp_path: Path) -> None:
    from sdkwright import api
    from sdkwright.config import load_targets

    (tmp_path / "spec.yaml").write_text(SPEC)
    overlay = tmp_path / "sdk.overlay.yaml"
    actions = [{"target": "$.paths['/pets'].get", "update": {"summary": "Every pet we have"}}]
    overlay.write_text(overlay_text(actions))
    config = tmp_path / "sdkwright.yaml"
    config.write_text(
        "targets:\n  - {name: pets, spec: spec.yaml, output: out, package: pets,"
        " overlays: [sdk.overlay.yaml]}\n"
    )
    (target,) = load_targets(config)
    result = api.generate(target)
    assert result.manifest is not None, [d.render() for d in result.diagnostics]
    assert any(b"Every pet we have" in data for data in result.files.values())
    assert set(result.manifest.inputs) == {"spec.yaml", "sdk.overlay.yaml"}
    assert [r.matched for r in result.overlay_reports] == [("$['paths']['/pets']['get']",)]
    api.write_result(result, target.output)
    assert api.up_to_date(target) is None
    overlay.write_text(overlay_text([{**actions[0], "update": {"summary": "All pets"}}]))
    assert api.up_to_date(target) == "the spec changed (sdk.overlay.yaml)"
