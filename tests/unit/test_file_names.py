"""File names of generated SDKs (issue 14): within 255 bytes, portable to Windows, macOS and
Linux; module names past the bound end with a stable hash, reserved and colliding names are
renamed with a warning; and every golden tree passes the portability check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import GENERATED, REPO
from sdkwright.config_flags import target_from_flags
from sdkwright.defaults import names_from_flags, names_from_title
from sdkwright.diagnostics import GenerationFailed, Level
from sdkwright.output import portable
from sdkwright.output.write import refuse_unportable
from sdkwright.targets.python.naming.files import (
    HASH_LENGTH,
    MAX_MODULE_LENGTH,
    FolderNames,
    bounded,
    is_windows_reserved,
)
from spec_helpers import build, codes, json_response, openapi, ref

LONG = "a" + "VeryLongName" * 24  # 289 characters
OBJECT = {"type": "object", "properties": {"x": {"type": "string"}}}


def test_a_long_module_name_keeps_its_start_and_ends_with_a_stable_hash() -> None:
    name = "x" * 300
    short = bounded(name)
    assert len(short) == MAX_MODULE_LENGTH
    assert short.startswith("x" * 150) and short[-HASH_LENGTH - 1] == "_"
    assert bounded(name) == short  # the same name gives the same file name, run after run
    assert bounded(name + "y") != short  # names that differ past the bound stay apart
    assert bounded("x" * MAX_MODULE_LENGTH) == "x" * MAX_MODULE_LENGTH


@pytest.mark.parametrize(
    "name", ["con", "CON", "Aux", "nul", "prn", "com1", "COM9", "lpt1", "lpt9", "nul.py", "con .x"]
)
def test_windows_device_names_are_reserved_in_any_case_and_with_any_extension(name: str) -> None:
    assert is_windows_reserved(name)


@pytest.mark.parametrize("name", ["console", "com", "com10", "lpt", "auxiliary", "null", "con_"])
def test_other_names_are_not_device_names(name: str) -> None:
    assert not is_windows_reserved(name)


def test_a_folder_hands_out_each_file_name_once_ignoring_case() -> None:
    folder = FolderNames()
    assert folder.claim("pets") == ("pets", "")
    assert folder.claim("aux")[0] == "aux_"
    assert "device name on Windows" in folder.claim("con")[1]
    renamed, why = folder.claim("Pets")
    assert renamed.lower() != "pets" and "share its file" in why
    assert folder.claim("__init__")[0] == "__init___"
    first, second = folder.claim("y" * 300)[0], folder.claim("y" * 300)[0]
    assert first != second and len(first) <= MAX_MODULE_LENGTH >= len(second)


def test_the_portability_check_finds_every_kind_of_problem() -> None:
    found = portable.problems(
        [
            "ok/fine.py",
            "a/CON.txt",
            "a/b.",
            "a/c ",
            "q/a?b",
            "x/Foo.py",
            "x/foo.py",
            "X/z",
            "é" * 128,
        ]
    )
    text = "\n".join(found)
    for expected in (
        "'CON.txt' is a device name on Windows",
        "'b.' ends with a dot or a space",
        "'c ' ends with a dot or a space",
        "'a?b' holds '?'",
        "x/foo.py: differs from x/Foo.py only by case",
        "x: differs from X only by case",
        "is longer than 255 bytes",  # 128 two-byte characters
    ):
        assert expected in text
    assert not any(line.startswith("ok/") for line in found)


def test_the_writer_refuses_a_tree_that_is_not_portable() -> None:
    with pytest.raises(GenerationFailed) as failure:
        refuse_unportable(["pkg/types/aux.py"])
    assert failure.value.diagnostics[0].code == "write.unportable-path"
    refuse_unportable(["pkg/types/aux_.py", "README.md"])


@pytest.mark.parametrize("target", sorted(p.name for p in GENERATED.iterdir() if p.is_dir()))
def test_every_golden_tree_is_portable(target: str) -> None:
    root = GENERATED / target
    paths = [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()]
    assert len(paths) > 10
    assert portable.problems(paths) == []


def test_a_package_name_must_be_a_portable_folder_name(tmp_path: Path) -> None:
    for package, problem in (("aux", "device name"), ("p" * 201, "longer than")):
        with pytest.raises(GenerationFailed) as failure:
            target_from_flags(tmp_path / "s.yaml", tmp_path / "out", package, None, "ruff")
        assert problem in failure.value.diagnostics[0].message
    assert names_from_flags("specs/con.yaml", None, None)[0] == "con_"
    assert names_from_flags("specs/nul.json", "api", None)[0] == "api"
    assert names_from_title("Aux API", "s.yaml")[0] == "aux_"  # a title gives names too
    assert len(names_from_title("Very Long " * 40, "s.yaml")[0]) == MAX_MODULE_LENGTH


def _operation(operation_id: str, tag: str, schema: str) -> dict[str, Any]:
    return {
        "operationId": operation_id,
        "tags": [tag],
        "responses": {"200": json_response(ref(schema))},
    }


def test_long_and_reserved_names_give_bounded_portable_modules_with_a_warning(
    tmp_path: Path,
) -> None:
    inline = {"type": "object", "properties": {LONG + "Prop": {"type": "object"}}}
    spec = openapi(
        {LONG: {"type": "object", "properties": {"x": inline}}, "aux": inline},
        {
            "/a": {"get": _operation(LONG, LONG + "Tag", LONG)},
            "/b": {"get": _operation("getAux", "con", "aux")},
        },
    )
    api, diagnostics = build(tmp_path, spec)
    modules = [d.module for d in api.definitions] + [g.module for g in api.groups]
    assert all(len(m) <= MAX_MODULE_LENGTH and not is_windows_reserved(m) for m in modules)
    assert {"aux_", "con_"} <= set(modules)
    # Identifiers may stay long: only file names are bounded.
    assert any(len(d.name) > MAX_MODULE_LENGTH for d in api.definitions)
    assert any(len(g.attribute) > MAX_MODULE_LENGTH for g in api.groups)
    warnings = [d for d in diagnostics if d.code == "naming.file-name"]
    assert len(warnings) == len([m for m in modules if len(m) == MAX_MODULE_LENGTH]) + 2
    assert all(d.level is Level.WARNING and d.location for d in warnings)
    again, _ = build(tmp_path, spec)
    assert [d.module for d in again.definitions] == [d.module for d in api.definitions]
    assert "naming.file-name" not in codes(build(tmp_path, openapi({"Pet": inline}))[1])


OBJECTS = {"FooBar": OBJECT}


def test_imposed_names_that_share_a_module_get_two_files(tmp_path: Path) -> None:
    spec = openapi(
        {"FooBar": OBJECT, "Other": {**OBJECT, "x-sdkwright-name": "Foo_Bar"}},
        {
            "/a": {"get": _operation("get", "a", "FooBar")},
            "/b": {"get": _operation("b", "a", "Other")},
        },
    )
    api, diagnostics = build(tmp_path, spec)
    modules = sorted(d.module for d in api.definitions)
    assert len(set(modules)) == len(modules) == 2, modules
    assert "naming.file-name" in codes(diagnostics)


def test_the_readme_states_the_bounds_the_code_applies() -> None:
    limits = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"| {MAX_MODULE_LENGTH} characters before `.py`" in limits
    assert f"first {MAX_MODULE_LENGTH - HASH_LENGTH - 1} characters" in limits
    assert f"`_` and {HASH_LENGTH} hex digits of its SHA-256" in limits
    assert f"{portable.MAX_NAME_BYTES} bytes" in limits


def test_a_group_never_shares_its_test_file_with_the_client_s_tests(tmp_path: Path) -> None:
    spec = openapi(OBJECTS, {"/a": {"get": _operation("getA", "Client", "FooBar")}})
    api, diagnostics = build(tmp_path, spec)
    (group,) = api.groups
    assert group.attribute == "client" and group.module == "client_"
    assert "naming.file-name" in codes(diagnostics)
