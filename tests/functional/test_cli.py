"""The `sdkwright` command end to end: exit codes, messages, what it writes and what it never touches."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import GENERATED, REPO, SPECS, describe, sdkwright
from sdkwright.config import OVERLAY_LOCK_NAME
from sdkwright.output import PRISTINE_DIR
from sdkwright.output.manifest import MANIFEST_NAME, sha256
from sdkwright.output.merge import blob_path
from sdkwright.output.provenance import input_digest

BROKEN_REF_SPEC = """\
openapi: 3.1.0
info: {title: Broken, version: "1"}
paths:
  /things:
    get:
      operationId: list_things
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Missing"
"""


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The repo's targets in a scratch folder: specs, generated SDKs and sdkwright.yaml."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(REPO / "sdkwright.yaml", root)
    shutil.copy(REPO / OVERLAY_LOCK_NAME, root)
    shutil.copytree(SPECS, root / "specs")
    shutil.copytree(
        GENERATED, root / "generated", ignore=shutil.ignore_patterns("__pycache__", ".*_cache")
    )
    return root


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_version_and_help() -> None:
    assert sdkwright("--version").stdout.startswith("sdkwright ")
    assert sdkwright("--help").returncode == 0


def test_a_bad_argument_is_a_usage_error_without_traceback() -> None:
    result = sdkwright("generate", "--formatter", "yapf")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "invalid choice" in result.stderr


def test_generate_with_a_spec_needs_an_output_folder() -> None:
    result = sdkwright("generate", SPECS / "clearstreet.yaml")
    assert result.returncode == 2
    assert "-o/--output is required" in result.stderr


def test_validate_prints_the_location_of_a_broken_ref(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text(BROKEN_REF_SPEC)
    result = sdkwright("validate", spec, cwd=tmp_path)
    assert result.returncode == 1
    assert re.search(
        r"broken\.yaml:13:23: error\[ref\.unresolved\]: \$ref target '#/components/schemas/Missing' does not exist",
        result.stderr,
    ), result.stderr
    assert (
        "/paths/~1things/get/responses/200/content/application~1json/schema/$ref" in result.stderr
    )


def test_validate_json_format_and_a_clean_spec() -> None:
    clean = sdkwright("validate", SPECS / "clearstreet.yaml")
    assert clean.returncode == 0, describe(clean)
    assert "0 errors, 0 warnings" in clean.stdout


def test_generate_refuses_a_broken_spec_and_leaves_the_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    assert (
        sdkwright(
            "generate", SPECS / "clearstreet.yaml", "-o", out, "--package", "clearstreet"
        ).returncode
        == 0
    )
    before = snapshot(out)
    broken = tmp_path / "clearstreet.yaml"
    broken.write_text(
        (SPECS / "clearstreet.yaml")
        .read_text()
        .replace("#/components/schemas/ApiError", "#/components/schemas/Nope")
    )
    result = sdkwright("generate", broken, "-o", out, "--package", "clearstreet")
    assert result.returncode == 1
    assert "ref.unresolved" in result.stderr and "not generated" in result.stderr
    assert snapshot(out) == before


def test_check_passes_on_the_committed_tree() -> None:
    result = sdkwright("check")
    assert result.returncode == 0, describe(result)
    assert "is up to date" in result.stdout


def test_check_lists_a_hand_edit_writes_nothing_and_customisations_print_it(
    repo_copy: Path,
) -> None:
    relative = "clearstreet/types/position_instruction.py"
    edited = repo_copy / "generated" / "clearstreet" / relative
    edited.write_text(edited.read_text().replace("symbol: str", "symbol: int"))
    before = snapshot(repo_copy)
    result = sdkwright("check", cwd=repo_copy)
    assert result.returncode == 0, describe(result)  # kept on regeneration: not drift
    assert f"customised: {relative}" in result.stdout
    assert snapshot(repo_copy) == before
    patch = sdkwright("customisations", "clearstreet", cwd=repo_copy)
    assert patch.returncode == 0, describe(patch)
    assert f"--- a/{relative}\n+++ b/{relative}\n" in patch.stdout
    assert "-    symbol: str" in patch.stdout and "+    symbol: int" in patch.stdout
    every = sdkwright("customisations", cwd=repo_copy)  # paths from the project's root
    assert f"+++ b/generated/clearstreet/{relative}\n" in every.stdout


def test_check_reports_any_spec_edit(repo_copy: Path) -> None:
    spec = repo_copy / "specs" / "clearstreet.yaml"
    spec.write_text(
        spec.read_text() + "\n# a comment changes nothing in the SDK but the recorded spec hash\n"
    )
    result = sdkwright("check", cwd=repo_copy)
    assert result.returncode == 1, describe(result)
    assert MANIFEST_NAME in result.stdout


def test_check_exits_2_when_the_spec_is_broken(repo_copy: Path) -> None:
    (repo_copy / "specs" / "clearstreet.yaml").write_text("openapi: [unclosed\n")
    result = sdkwright("check", "--target", "clearstreet", cwd=repo_copy)
    assert result.returncode == 2
    assert "load.yaml-syntax" in result.stderr


def test_unknown_target_is_a_usage_error(repo_copy: Path) -> None:
    result = sdkwright("check", "--target", "nope", cwd=repo_copy)
    assert result.returncode == 2 and "unknown target" in result.stderr


def test_regeneration_rewrites_only_changed_files(tmp_path: Path) -> None:
    spec = tmp_path / "clearstreet.yaml"
    shutil.copy(SPECS / "clearstreet.yaml", spec)
    out = tmp_path / "sdk"
    assert sdkwright("generate", spec, "-o", out, "--package", "clearstreet").returncode == 0
    first = snapshot(out)
    again = sdkwright("generate", spec, "-o", out, "--package", "clearstreet")
    assert "nothing changed" in again.stdout  # the fast path
    full = sdkwright("generate", spec, "-o", out, "--package", "clearstreet", "--no-fast-path")
    assert "(0 files changed" in full.stdout  # the full pipeline agrees, and writes nothing
    assert snapshot(out) == first
    before = spec.read_bytes()
    spec.write_text(
        spec.read_text().replace("Options symbol (OSI) for display.", "The OSI symbol.")
    )
    changed = sdkwright("generate", spec, "-o", out, "--package", "clearstreet")
    assert changed.returncode == 0
    after = snapshot(out)
    rewritten = {p for p in first.keys() | after.keys() if first.get(p) != after.get(p)}
    model = "clearstreet/types/position_instruction.py"
    # The model, the manifest, and the pristine copies of the model and of the spec (kept
    # for `generate --bump`): the new ones in, the old ones out.
    store = {p for p in rewritten if p.startswith(f"{PRISTINE_DIR}/")}
    assert rewritten - store == {model, MANIFEST_NAME}
    specs = {blob_path(input_digest(text)) for text in (before, spec.read_bytes())}
    models = {blob_path(sha256(first[model][1])), blob_path(sha256(after[model][1]))}
    assert store == models | specs


def test_files_not_in_the_manifest_are_never_touched(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    assert (
        sdkwright(
            "generate", SPECS / "clearstreet.yaml", "-o", out, "--package", "clearstreet"
        ).returncode
        == 0
    )
    mine = out / "clearstreet" / "my_helpers.py"
    mine.write_text("# hand-written\n")
    assert (
        sdkwright(
            "generate", SPECS / "kitchensink.yaml", "-o", out, "--package", "clearstreet"
        ).returncode
        == 0
    )
    assert mine.read_text() == "# hand-written\n"
    assert not (
        out / "clearstreet" / "resources" / "positions.py"
    ).exists()  # ours, and gone from the spec


def test_a_foreign_non_empty_folder_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    refused = sdkwright("generate", SPECS / "clearstreet.yaml", "-o", out)
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    forced = sdkwright("generate", SPECS / "clearstreet.yaml", "-o", out, "--force")
    assert forced.returncode == 0 and (out / "notes.txt").read_text() == "keep me"


def test_generation_is_deterministic_and_black_is_available(tmp_path: Path) -> None:
    outputs = []
    for name, formatter in (("a", "ruff"), ("b", "ruff"), ("c", "black")):
        out = tmp_path / name
        result = sdkwright(
            "generate", SPECS / "kitchensink.yaml", "-o", out, "--formatter", formatter
        )
        assert result.returncode == 0, describe(result)
        outputs.append(
            {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        )
    assert outputs[0] == outputs[1]
    black_manifest = outputs[2][MANIFEST_NAME].decode()
    assert '"formatter": "black ' in black_manifest
    assert outputs[2].keys() == outputs[0].keys()


def test_partial_reformatting_gives_the_same_bytes_as_a_cold_run(tmp_path: Path) -> None:
    """Only changed renders are re-formatted; the result must not depend on that."""
    spec = tmp_path / "kitchensink.yaml"
    original = (SPECS / "kitchensink.yaml").read_text()
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    assert sdkwright("generate", spec.with_name("missing.yaml"), "-o", cold).returncode == 1
    spec.write_text(original)
    assert sdkwright("generate", spec, "-o", cold).returncode == 0
    spec.write_text(
        original.replace("operationId: get_department", "operationId: fetch_department")
    )
    assert sdkwright("generate", spec, "-o", warm).returncode == 0
    spec.write_text(original)
    assert sdkwright("generate", spec, "-o", warm).returncode == 0
    assert snapshot_bytes(warm) == snapshot_bytes(cold)


def snapshot_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_hand_written_file_at_a_new_generated_path_is_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    first = sdkwright("generate", SPECS / "clearstreet.yaml", "-o", out, "--package", "clearstreet")
    assert first.returncode == 0, describe(first)
    mine = out / "clearstreet" / "types" / "pet.py"  # Kitchen Sink generates this module
    mine.write_text("# hand-written\n")
    before = snapshot(out)
    refused = sdkwright(
        "generate", SPECS / "kitchensink.yaml", "-o", out, "--package", "clearstreet"
    )
    assert refused.returncode == 2 and "write.untracked-file" in refused.stderr, describe(refused)
    assert snapshot(out) == before
    forced = sdkwright(
        "generate", SPECS / "kitchensink.yaml", "-o", out, "--package", "clearstreet", "--force"
    )
    assert forced.returncode == 0 and "Pet: TypeAlias" in mine.read_text()


def test_the_pre_commit_hooks_run_sdkwright(repo_copy: Path) -> None:
    """`.pre-commit-hooks.yaml` declares hooks whose commands work in a project."""
    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert {hook["id"] for hook in hooks} == {"sdkwright-check", "sdkwright-generate"}
    for hook in hooks:
        assert hook["language"] == "python" and hook["pass_filenames"] is False
        program, *arguments = hook["entry"].split()
        assert program == "sdkwright"
        result = sdkwright(*arguments, cwd=repo_copy)
        assert result.returncode == 0, describe(result)
    spec = repo_copy / "specs" / "clearstreet.yaml"
    spec.write_text(spec.read_text().replace("Options symbol (OSI)", "The OSI symbol"))
    assert sdkwright("check", cwd=repo_copy).returncode == 1  # what the check hook sees
