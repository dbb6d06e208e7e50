"""The overlay lock: `generate` records what each action matched; after an upstream spec
change, `check` names the actions that now match nothing, match other nodes, or change
nothing, located at the action in the overlay file."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from sdkwright.config import OVERLAY_LOCK_NAME, load_targets, target_options
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level
from sdkwright.spec.load import load_document
from sdkwright.spec.overlays import ActionReport, apply_overlays, lock

SPEC = """\
openapi: 3.1.0
info: {title: Pets, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: OK}}
    post:
      operationId: createPet
      responses: {'201': {description: Created}}
"""
OVERLAY = """\
overlay: 1.1.0
info: {title: sdk, version: '1'}
actions:
  - target: $.paths['/pets'].get
    update: {summary: List the pets}
  - target: $.paths.*[?@.operationId == 'createPet']
    update: {x-sdk-name: create}
"""


def reports(folder: Path, spec: str = SPEC) -> tuple[ActionReport, ...]:
    (folder / "spec.yaml").write_text(spec)
    overlay = folder / "sdk.overlay.yaml"
    if not overlay.exists():
        overlay.write_text(OVERLAY)
    document = load_document(folder / "spec.yaml", "spec.yaml")
    return apply_overlays(document, [(overlay, str(overlay))]).reports


def findings(tmp_path: Path, new_spec: str) -> list[Diagnostic]:
    path = tmp_path / OVERLAY_LOCK_NAME
    assert lock.record(path, "pets", reports(tmp_path))
    return lock.check(path, "pets", reports(tmp_path, new_spec))


def test_the_lock_records_matched_paths_change_and_result_relative_to_its_folder(
    tmp_path: Path,
) -> None:
    path = tmp_path / OVERLAY_LOCK_NAME
    assert lock.record(path, "pets", reports(tmp_path))
    data = json.loads(path.read_text())
    first, second = data["targets"]["pets"]
    assert first["overlay"] == "sdk.overlay.yaml" and first["action"] == 1
    assert first["matched"] == ["$['paths']['/pets']['get']"] and first["changed"] is True
    assert second["matched"] == ["$['paths']['/pets']['post']"]
    assert len(first["result"]) == 64
    # Recording the same again writes nothing; an unchanged spec checks clean.
    assert not lock.record(path, "pets", reports(tmp_path))
    assert lock.check(path, "pets", reports(tmp_path)) == []


def test_an_action_that_matches_nothing_after_a_spec_change_fails_named_and_located(
    tmp_path: Path,
) -> None:
    renamed = SPEC.replace("/pets:", "/animals:")
    problems = findings(tmp_path, renamed)
    assert [d.code for d in problems] == ["overlay.lock-no-match", "overlay.lock-moved"]
    first = problems[0]
    assert first.level is Level.ERROR and "action 1 ($.paths['/pets'].get)" in first.message
    assert "$['paths']['/pets']['get']" in first.message  # what it matched when locked
    assert first.location is not None
    assert (first.location.file, first.location.line, first.location.pointer) == (
        str(tmp_path / "sdk.overlay.yaml"),
        4,
        "/actions/0/target",
    )


def test_an_action_that_matches_other_nodes_fails(tmp_path: Path) -> None:
    more = SPEC.replace("operationId: listPets", "operationId: createPet")
    # Action 1's target changed inside too: a note beside the failure.
    note, problem = findings(tmp_path, more)
    assert note.level is Level.INFO
    assert problem.code == "overlay.lock-moved"
    assert "now also $['paths']['/pets']['get']" in problem.message


def test_an_action_the_upstream_spec_made_redundant_fails(tmp_path: Path) -> None:
    fixed = SPEC.replace(
        "operationId: listPets", "operationId: listPets\n      summary: List the pets"
    )
    (problem,) = findings(tmp_path, fixed)
    assert problem.code == "overlay.lock-no-change"


def test_a_change_inside_a_target_is_only_a_note(tmp_path: Path) -> None:
    described = SPEC.replace(
        "operationId: listPets", "operationId: listPets\n      description: All"
    )
    (note,) = findings(tmp_path, described)
    assert (note.code, note.level) == ("overlay.lock-result", Level.INFO)


def test_actions_missing_from_the_lock_or_only_in_it_fail(tmp_path: Path) -> None:
    path = tmp_path / OVERLAY_LOCK_NAME
    lock.record(path, "pets", reports(tmp_path))
    overlay = tmp_path / "sdk.overlay.yaml"
    overlay.write_text(OVERLAY.replace("$.paths['/pets'].get", "$.paths['/pets']['get']"))
    codes = sorted(d.code for d in lock.check(path, "pets", reports(tmp_path)))
    assert codes == ["overlay.lock-stale", "overlay.lock-stale"]
    assert [d.code for d in lock.check(path, "other", reports(tmp_path))] == [
        "overlay.lock-missing"
    ]


def test_other_targets_entries_are_kept_and_a_broken_lock_is_a_located_error(
    tmp_path: Path,
) -> None:
    path = tmp_path / OVERLAY_LOCK_NAME
    lock.record(path, "a", reports(tmp_path))
    lock.record(path, "b", reports(tmp_path))
    assert sorted(json.loads(path.read_text())["targets"]) == ["a", "b"]
    path.write_text('{"version": 7}')
    with pytest.raises(GenerationFailed) as raised:
        lock.check(path, "a", reports(tmp_path))
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.code == "overlay.lock-invalid" and diagnostic.location is not None
    assert diagnostic.location.file == str(path)


# -- the target's `overlays:` --------------------------------------------------------------


def write_config(folder: Path, overlays: str) -> Path:
    path = folder / "sdkwright.yaml"
    text = f"""\
        targets:
          - name: pets
            spec: specs/spec.yaml
            output: out
            package: pets
            overlays: {overlays}
        """
    path.write_text(textwrap.dedent(text))
    return path


def test_a_target_lists_overlay_files_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    (tmp_path / "overlays").mkdir()
    (tmp_path / "overlays" / "a.yaml").write_text(OVERLAY)
    (tmp_path / "overlays" / "b.yaml").write_text(OVERLAY)
    (target,) = load_targets(write_config(tmp_path, "[overlays/b.yaml, overlays/a.yaml]"))
    assert target.overlays == (tmp_path / "overlays" / "b.yaml", tmp_path / "overlays" / "a.yaml")
    assert target.lock == tmp_path / OVERLAY_LOCK_NAME
    # Which overlays, in which order, shapes the output: the manifest records it.
    assert json.loads(target_options(target)["overlays"]) == [
        "../overlays/b.yaml",
        "../overlays/a.yaml",
    ]


@pytest.mark.parametrize(
    ("overlays", "pointer", "message"),
    [
        ("overlays/missing.yaml", "/targets/0/overlays", "must be a list"),
        ("[overlays/missing.yaml]", "/targets/0/overlays/0", "does not exist"),
        ("[3]", "/targets/0/overlays/0", "must be a file path"),
    ],
)
def test_overlay_config_mistakes_are_located(
    tmp_path: Path, overlays: str, pointer: str, message: str
) -> None:
    with pytest.raises(GenerationFailed) as raised:
        load_targets(write_config(tmp_path, overlays))
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.location is not None
    assert (diagnostic.location.pointer, diagnostic.location.line) == (pointer, 6)
    assert message in diagnostic.message


def test_a_target_without_overlays_records_no_overlay_option(tmp_path: Path) -> None:
    (target,) = load_targets(write_config(tmp_path, "[]"))
    assert target.overlays == () and target.lock is None
    assert "overlays" not in target_options(target)
