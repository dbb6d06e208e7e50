"""sdkwright.spec.resolve: $ref across files, never over the network, cycles kept as references."""

from __future__ import annotations

from pathlib import Path

import pytest
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level
from sdkwright.spec.resolve import Node, RefError, SpecSet, iter_refs, load_spec
from spec_helpers import write_spec

ROOT = """\
openapi: 3.1.0
info: {title: Split, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "./schemas/pet.yaml#/Pet"
components:
  schemas:
    PetAlias:
      $ref: "schemas/pet.yaml#/PetAlias"
"""

PET = """\
Pet:
  type: object
  properties:
    owner:
      $ref: "../common.yaml#/Owner"
    friends:
      type: array
      items:
        $ref: "#/Pet"
PetAlias:
  $ref: "#/Pet"
"""

COMMON = """\
Owner:
  type: object
  properties:
    name: {type: string}
"""


@pytest.fixture
def split_spec(tmp_path: Path) -> Path:
    write_spec(tmp_path, PET, "schemas/pet.yaml")
    write_spec(tmp_path, COMMON, "common.yaml")
    return write_spec(tmp_path, ROOT, "openapi.yaml")


def test_loads_every_referenced_file(split_spec: Path, tmp_path: Path) -> None:
    specs, diagnostics = load_spec(split_spec)
    assert diagnostics == []
    assert set(specs.documents) == {
        split_spec.resolve(),
        (tmp_path / "schemas" / "pet.yaml").resolve(),
        (tmp_path / "common.yaml").resolve(),
    }


def test_deref_follows_chains_across_files(split_spec: Path, tmp_path: Path) -> None:
    specs, _ = load_spec(split_spec)
    alias = specs.root_node.child("components", "schemas", "PetAlias")
    pet = specs.deref(alias)
    assert pet.document.path == (tmp_path / "schemas" / "pet.yaml").resolve()
    assert pet.pointer == "/Pet"
    assert pet.value["type"] == "object"
    # A relative ref inside the sub-folder is relative to that file, not to the root.
    owner = specs.deref(pet.child("properties", "owner"))
    assert owner.document.path == (tmp_path / "common.yaml").resolve()
    assert owner.value["properties"] == {"name": {"type": "string"}}


def test_deref_leaves_plain_values_alone(split_spec: Path) -> None:
    specs, _ = load_spec(split_spec)
    info = specs.root_node.child("info")
    assert specs.deref(info) == info


def test_pointer_escapes_and_percent_encoding_in_refs(tmp_path: Path) -> None:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a/{id}": {"x-target": {"type": "integer"}}},
        "components": {
            "schemas": {
                "My Schema": {"type": "string"},
                "Slash": {"$ref": "#/paths/~1a~1{id}/x-target"},
                "Spaced": {"$ref": "#/components/schemas/My%20Schema"},
            }
        },
    }
    specs, diagnostics = load_spec(write_spec(tmp_path, spec))
    assert diagnostics == []
    schemas = specs.root_node.child("components", "schemas")
    assert specs.deref(schemas.child("Slash")).value == {"type": "integer"}
    assert specs.deref(schemas.child("Spaced")).value == {"type": "string"}


def unresolved(
    tmp_path: Path, target: str, extra: dict[str, str] | None = None
) -> list[Diagnostic]:
    files = {"schemas/pet.yaml": PET, "common.yaml": COMMON, **(extra or {})}
    for name, text in files.items():
        write_spec(tmp_path, text, name)
    root = write_spec(tmp_path, ROOT.replace("./schemas/pet.yaml#/Pet", target), "openapi.yaml")
    _, diagnostics = load_spec(root)
    return diagnostics


def check_unresolved_location(diagnostic: Diagnostic, file: Path) -> None:
    assert diagnostic.level is Level.ERROR
    assert diagnostic.code == "ref.unresolved"
    location = diagnostic.location
    assert location is not None
    assert Path(location.file).resolve() == file.resolve()
    assert location.line > 0 and location.column > 0
    assert location.pointer.endswith("/$ref")


def test_a_missing_file_is_an_unresolved_ref(tmp_path: Path) -> None:
    [diagnostic] = unresolved(tmp_path, "./schemas/missing.yaml#/Pet")
    check_unresolved_location(diagnostic, tmp_path / "openapi.yaml")
    assert diagnostic.location.line == 13
    assert diagnostic.location.pointer == (
        "/paths/~1pets/get/responses/200/content/application~1json/schema/$ref"
    )
    assert "missing.yaml" in diagnostic.message


def test_a_missing_pointer_is_an_unresolved_ref(tmp_path: Path) -> None:
    [diagnostic] = unresolved(tmp_path, "#/components/schemas/Nope")
    check_unresolved_location(diagnostic, tmp_path / "openapi.yaml")
    assert "does not exist" in diagnostic.message


def test_a_missing_pointer_in_a_referenced_file_points_at_that_file(tmp_path: Path) -> None:
    broken = PET.replace("../common.yaml#/Owner", "../common.yaml#/Nobody")
    [diagnostic] = unresolved(tmp_path, "./schemas/pet.yaml#/Pet", {"schemas/pet.yaml": broken})
    check_unresolved_location(diagnostic, tmp_path / "schemas" / "pet.yaml")
    assert diagnostic.location.line == 5
    assert diagnostic.location.pointer == "/Pet/properties/owner/$ref"


def test_a_broken_referenced_file_is_reported_not_raised(tmp_path: Path) -> None:
    diagnostics = unresolved(tmp_path, "./broken.yaml#/Pet", {"broken.yaml": "a: [1,\n"})
    assert "load.yaml-syntax" in [d.code for d in diagnostics]


def test_remote_refs_are_refused(tmp_path: Path) -> None:
    [diagnostic] = unresolved(tmp_path, "http://example.com/pet.yaml#/Pet")
    check_unresolved_location(diagnostic, tmp_path / "openapi.yaml")
    assert "refused" in diagnostic.message
    specs, _ = load_spec(tmp_path / "openapi.yaml")
    with pytest.raises(RefError, match="remote"):
        specs.target("https://example.com/x.yaml#/A", specs.root)


def test_a_fragment_that_is_neither_a_pointer_nor_an_anchor_name_is_refused(
    tmp_path: Path,
) -> None:
    [diagnostic] = unresolved(tmp_path, "#Pet owner")
    assert diagnostic.code == "ref.unresolved"
    assert "unsupported reference fragment" in diagnostic.message


def test_an_anchor_name_nothing_declares_is_refused(tmp_path: Path) -> None:
    [diagnostic] = unresolved(tmp_path, "#Pet")
    assert diagnostic.code == "ref.unresolved"
    assert "no schema declares $anchor 'Pet'" in diagnostic.message


def test_self_referencing_ref_chain_raises_in_deref(tmp_path: Path) -> None:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "A": {"$ref": "#/components/schemas/B"},
                "B": {"$ref": "#/components/schemas/A"},
                "Me": {"$ref": "#/components/schemas/Me"},
            }
        },
    }
    specs, diagnostics = load_spec(write_spec(tmp_path, spec))
    # Every target exists, but following them loops: the loader reports each chain.
    assert sorted((d.code, d.location.pointer if d.location else "") for d in diagnostics) == [
        ("ref.unresolved", f"/components/schemas/{name}/$ref") for name in ("A", "B", "Me")
    ]
    assert all("points back to itself" in d.message for d in diagnostics)
    schemas = specs.root_node.child("components", "schemas")
    for name in ("A", "B", "Me"):
        with pytest.raises(RefError, match="points back to itself"):
            specs.deref(schemas.child(name))


def test_cycles_through_properties_are_fine(split_spec: Path) -> None:
    specs, diagnostics = load_spec(split_spec)
    assert diagnostics == []
    pet = specs.deref(specs.root_node.child("components", "schemas", "PetAlias"))
    friend = specs.deref(pet.child("properties", "friends", "items"))
    assert (friend.document, friend.pointer) == (pet.document, pet.pointer)


def test_iter_refs_lists_every_ref_with_its_holder(split_spec: Path) -> None:
    specs, _ = load_spec(split_spec)
    refs = sorted(iter_refs(specs.root_node))
    assert refs == [
        (
            "./schemas/pet.yaml#/Pet",
            "/paths/~1pets/get/responses/200/content/application~1json/schema",
        ),
        ("schemas/pet.yaml#/PetAlias", "/components/schemas/PetAlias"),
    ]


def test_root_must_be_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(GenerationFailed) as failure:
        load_spec(write_spec(tmp_path, "- just\n- a list\n", "openapi.yaml"))
    assert [d.code for d in failure.value.diagnostics] == ["load.not-a-mapping"]


def test_node_child_and_get(split_spec: Path) -> None:
    specs: SpecSet = load_spec(split_spec)[0]
    root: Node = specs.root_node
    assert root.get("nope") is None
    paths = root.child("paths", "/pets")
    assert paths.pointer == "/paths/~1pets"
    assert paths.location.pointer == "/paths/~1pets"
    assert paths.document.position(paths.pointer)[0] == 5  # a mapping starts at its first key
