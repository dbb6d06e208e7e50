"""The public-surface lock through the command line (issue 16): `generate` writes it, `check`
fails on a breaking change the target's version does not allow, `generate` refuses to write
one unless told, and features pass."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import REPO, SPECS, describe, sdkwright
from sdkwright.config import SURFACE_LOCK_NAME
from sdkwright.surface.lock import parse

POSTAL_CODE = "field:kitchensink.types.Address.postal_code"
POSTAL_CODE_SPEC = """        postal_code:
          type: string
          description: Postal code (kept as text).
"""
NEW_OPERATION = """  /stores/{store_code}/staff:
    get:
      tags: [Stores]
      operationId: list_store_staff
      summary: List the store's staff
      parameters:
        - $ref: "#/components/parameters/StoreCode"
      responses:
        "200":
          description: The staff's names.
          content:
            application/json:
              schema:
                type: array
                items: {type: string}
"""


def write_config(root: Path, version: str) -> None:
    (root / "sdkwright.yaml").write_text(
        "targets:\n  - {name: kitchensink, spec: specs/kitchensink.yaml,"
        " output: generated/kitchensink, package: kitchensink, client_name: KitchenSink,"
        f" version: '{version}'}}\n"
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The kitchensink target generated once at 0.1.0, its surface locked."""
    root = tmp_path / "repo"
    shutil.copytree(SPECS, root / "specs")
    write_config(root, "0.1.0")
    result = sdkwright("generate", cwd=root)
    assert result.returncode == 0, describe(result)
    return root


def locked(root: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((root / SURFACE_LOCK_NAME).read_text())
    return data


def test_generate_writes_a_deterministic_lock_of_the_surface(project: Path) -> None:
    lock_file = project / SURFACE_LOCK_NAME
    first = lock_file.read_bytes()
    entry = parse(first, str(lock_file))["kitchensink"]
    assert entry.sdk_version == "0.1.0"
    pets = {
        method.name
        for client in entry.surface.clients
        if client.name == "KitchenSink"
        for node in client.root.walk()
        if node.path == "pets"
        for method in node.methods
    }
    assert {"list_pets", "get_pet", "put_pet", "delete_pet"} <= pets
    address = next(t for t in entry.surface.types if t.name == "Address")
    assert [f.name for f in address.fields] == ["street", "city", "postal_code", "country"]
    # one record a line: the field is one line of the lock
    assert sum('"name": "postal_code"' in line for line in first.decode().splitlines()) >= 1
    lock_file.unlink()
    assert sdkwright("generate", "--target", "kitchensink", cwd=project).returncode == 0
    assert lock_file.read_bytes() == first
    assert sdkwright("check", cwd=project).returncode == 0


def test_removing_a_field_fails_check_and_generate_unless_the_bump_is_major(
    project: Path,
) -> None:
    before = (project / SURFACE_LOCK_NAME).read_bytes()
    address = project / "generated/kitchensink/kitchensink/types/address.py"
    model = address.read_bytes()
    edit(project / "specs/kitchensink.yaml", POSTAL_CODE_SPEC, "")

    checked = sdkwright("check", cwd=project)
    assert checked.returncode == 1, describe(checked)
    assert f"error[surface.breaking]: breaking: {POSTAL_CODE}" in checked.stderr
    assert "version 0.1.0 is not a major release after 0.1.0" in checked.stderr

    refused = sdkwright("generate", cwd=project)
    assert refused.returncode == 1, describe(refused)
    assert f"error[surface.breaking]: breaking: {POSTAL_CODE}" in refused.stderr
    assert "kitchensink: not generated" in refused.stderr
    assert (project / SURFACE_LOCK_NAME).read_bytes() == before  # nothing written
    assert address.read_bytes() == model

    write_config(project, "0.1.1")  # a patch release is not enough
    assert sdkwright("generate", cwd=project).returncode == 1
    write_config(project, "0.2.0")  # below 1.0.0, the minor is the major
    bumped = sdkwright("generate", cwd=project)
    assert bumped.returncode == 0, describe(bumped)
    assert f"warning[surface.breaking]: breaking: {POSTAL_CODE}" in bumped.stderr
    assert b"postal_code" not in address.read_bytes()
    assert locked(project)["targets"]["kitchensink"]["sdk_version"] == "0.2.0"  # type: ignore[index]
    assert sdkwright("check", cwd=project).returncode == 0


def test_accept_breaking_writes_the_change_at_the_same_version(project: Path) -> None:
    edit(project / "specs/kitchensink.yaml", POSTAL_CODE_SPEC, "")
    accepted = sdkwright("generate", "--accept-breaking", cwd=project)
    assert accepted.returncode == 0, describe(accepted)
    assert f"warning[surface.breaking]: breaking: {POSTAL_CODE}" in accepted.stderr
    assert POSTAL_CODE.rpartition(".")[2] not in (project / SURFACE_LOCK_NAME).read_text()
    assert sdkwright("check", cwd=project).returncode == 0


def test_adding_an_operation_is_a_feature_that_passes(project: Path) -> None:
    edit(
        project / "specs/kitchensink.yaml",
        "  /stores/{store_code}/orders:\n",
        NEW_OPERATION + "  /stores/{store_code}/orders:\n",
    )
    checked = sdkwright("check", cwd=project)
    assert "error[surface" not in checked.stderr, describe(checked)
    assert (
        "info[surface.feature]: feature: method:KitchenSink.stores.list_store_staff"
        in checked.stderr
    )
    generated = sdkwright("generate", cwd=project)
    assert generated.returncode == 0, describe(generated)
    assert (
        "info[surface.feature]: feature: method:KitchenSink.stores.list_store_staff"
        in generated.stderr
    )
    assert "list_store_staff" in (project / SURFACE_LOCK_NAME).read_text()
    assert locked(project)["targets"]["kitchensink"]["sdk_version"] == "0.1.0"  # type: ignore[index]
    assert sdkwright("check", cwd=project).returncode == 0


def test_the_golden_targets_have_their_surface_locked() -> None:
    targets = parse((REPO / SURFACE_LOCK_NAME).read_bytes(), SURFACE_LOCK_NAME)
    assert sorted(targets) == sorted(
        [
            "clearstreet",
            "clearstreet-nested",
            "clearstreet-dataclasses",
            "clearstreet-requests",
            "kitchensink",
            "kitchensink-dataclasses",
            "kitchensink-msgspec",
            "kitchensink-requests",
            "kitchensink-typeddict",
            "clearstreet-ts",  # TypeScript targets lock theirs too (targets/typescript/surface.py)
            "kitchensink-ts",
        ]
    )
    assert all(entry.sdk_version == "0.1.0" for entry in targets.values())


def test_diff_compares_the_new_specs_surface_with_the_lock(project: Path) -> None:
    old = project / "old.yaml"
    shutil.copy(project / "specs/kitchensink.yaml", old)
    edit(project / "specs/kitchensink.yaml", POSTAL_CODE_SPEC, "")
    new = project / "specs/kitchensink.yaml"
    args = ("diff", old, new, "--target", "kitchensink", "--fail-on-breaking")
    result = sdkwright(*args, cwd=project)
    assert result.returncode == 1, describe(result)
    assert "### Public surface against the lock (locked at 0.1.0, now 0.1.0)" in result.stdout
    assert "**not allowed**: 0.1.0 is not a major release after 0.1.0" in result.stdout
    assert f"- breaking: `{POSTAL_CODE}`" in result.stdout
    as_json = sdkwright(*args, "--format", "json", cwd=project)
    lock = json.loads(as_json.stdout)["surface_lock"]
    assert (lock["bump"], lock["allowed"]) == ("major", False)
    assert {"id": POSTAL_CODE, "kind": "breaking"}.items() <= lock["changes"][0].items()
    write_config(project, "1.0.0")
    assert sdkwright(*args[:-1], cwd=project).returncode == 0  # informative without the flag
    unknown = sdkwright("diff", old, new, "--target", "nope", cwd=project)
    assert unknown.returncode == 2 and "unknown target 'nope'" in unknown.stderr


def test_a_target_may_go_without_a_lock(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(SPECS, root / "specs")
    (root / "sdkwright.yaml").write_text(
        "targets:\n  - {name: kitchensink, spec: specs/kitchensink.yaml,"
        " output: generated/kitchensink, package: kitchensink, surface_lock: false}\n"
    )
    assert sdkwright("generate", cwd=root).returncode == 0
    assert not (root / SURFACE_LOCK_NAME).exists()
    edit(root / "specs/kitchensink.yaml", POSTAL_CODE_SPEC, "")
    assert sdkwright("generate", cwd=root).returncode == 0  # nothing to refuse against
    (root / "sdkwright.yaml").write_text(
        (root / "sdkwright.yaml").read_text().replace("surface_lock: false", "surface_lock: 1")
    )
    bad = sdkwright("generate", cwd=root)
    assert bad.returncode == 2 and "'surface_lock' must be true or false" in bad.stderr
