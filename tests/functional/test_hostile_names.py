"""Hostile names end to end (issue 14): specs whose names would make files no file system
holds, or that shadow what generated classes need, generate SDKs that work."""

from __future__ import annotations

import json
import sys
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import describe, mypy_strict, run, run_generated_tests, sdkwright
from sdkwright.output import portable

LONG = "a" + "VeryLongName" * 24  # 289 characters: no file system takes it as a file name


def _files(sdk: Path) -> list[str]:
    return [p.relative_to(sdk).as_posix() for p in sdk.rglob("*") if p.is_file()]


def test_names_past_the_file_name_limit_give_a_working_sdk(tmp_path: Path) -> None:
    long_object = {"type": "object", "properties": {LONG + "Prop": {"type": "string"}}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Long", "version": "1"},
        "paths": {
            "/things": {
                "post": {
                    "operationId": LONG + "Operation",
                    "tags": [LONG + "Tag"],
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": f"#/components/schemas/{LONG}"}}
                        }
                    },
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"type": "object", "properties": {LONG: long_object}}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": {LONG: long_object}},
    }
    source = tmp_path / "long.yaml"
    source.write_text(yaml.safe_dump(spec))
    sdk = tmp_path / "sdk"
    result = sdkwright("generate", source, "-o", sdk, "--package", "long_names")
    assert result.returncode == 0, describe(result)
    assert "Traceback" not in result.stderr
    assert "warning[naming.file-name]" in result.stderr + result.stdout
    files = _files(sdk)
    assert max(len(Path(f).name.encode()) for f in files) <= 255
    assert portable.problems(files) == []
    tests = run_generated_tests(sdk)
    assert tests.returncode == 0, describe(tests)


# Trojan Source: bidirectional controls and other invisible format characters (category Cf).
RLO, ZWSP, LRI, PDI, BOM, LRM, ALM, WJ, ZWJ = (
    "\u202e",
    "\u200b",
    "\u2066",
    "\u2069",
    "\ufeff",
    "\u200e",
    "\u061c",
    "\u2060",
    "\u200d",
)
TROJAN: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": f"Tro{RLO}jan{ZWSP}",
        "version": "1",
        "description": f"Docs {LRI}x{PDI}{BOM}",
    },
    "tags": [{"name": f"pe{ZWSP}ts", "description": f"The pets{RLO} tag"}],
    "paths": {
        f"/pets/{{pet{LRM}Id}}": {
            "get": {
                "operationId": f"get{RLO}Pet{ZWJ}",
                "summary": f"Get a pet {ALM}now",
                "description": f"Returns {WJ}a pet.",
                "tags": [f"pe{ZWSP}ts"],
                "parameters": [
                    {
                        "name": f"pet{LRM}Id",
                        "in": "path",
                        "required": True,
                        "description": f"id{RLO}",
                        "schema": {"type": "string", "example": f"ab{RLO}c"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": f"ok{ZWSP}",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Pet": {
                "type": "object",
                "description": f"A pet{RLO} // evil",
                "required": [f"na{RLO}me"],
                "properties": {
                    f"na{RLO}me": {
                        "type": "string",
                        "description": f"name{LRI}",
                        "example": f"Rex{RLO}{ZWSP}",
                    },
                    "kind": {"$ref": "#/components/schemas/Kind"},
                },
                "example": {f"na{RLO}me": f"Rex{RLO}", "kind": f"c{RLO}at"},
            },
            "Kind": {
                "type": "string",
                "enum": [f"c{RLO}at", f"d{ZWSP}og", "plain"],
                "description": f"kind{BOM}",
            },
        }
    },
}


def _invisible_places(value: Any, pointer: str = "") -> set[str]:
    """Pointers of every key or string holding a Cf character (the test's own walk)."""

    def holds(text: str) -> bool:
        return any(unicodedata.category(c) == "Cf" for c in text)

    found = {pointer} if isinstance(value, str) and holds(value) else set()
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, child in items:
        where = f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}"
        found |= {where} if isinstance(key, str) and holds(key) else set()
        found |= _invisible_places(child, where)
    return found


@pytest.mark.parametrize("escaped", [False, True], ids=["raw", "escaped"])
def test_invisible_characters_never_reach_the_generated_sdk(tmp_path: Path, escaped: bool) -> None:
    source = tmp_path / "trojan.json"
    source.write_text(json.dumps(TROJAN, ensure_ascii=escaped), encoding="utf-8")
    sdk = tmp_path / "sdk"
    result = sdkwright("generate", source, "-o", sdk, "--package", "trojan", "--format", "json")
    assert result.returncode == 0, describe(result)
    reported = json.loads(result.stdout or result.stderr)
    warned = [d["pointer"] for d in reported if d["code"] == "spec.invisible-character"]
    assert sorted(warned) == sorted(_invisible_places(TROJAN))  # one warning per place
    for path in sdk.rglob("*"):
        if path.is_file() and ".sdkwright-pristine" not in path.parts:
            text = path.read_text(encoding="utf-8")
            hidden = {f"U+{ord(c):04X}" for c in text if unicodedata.category(c) == "Cf"}
            assert not hidden, f"{path.relative_to(sdk)} holds {hidden}"
    # String values keep every character: the escaped literals mean the spec's strings.
    probe = (
        "import json\nfrom trojan.types import Kind, Pet\n"
        "print(json.dumps([[k.value for k in Kind], [f.validation_alias for f in Pet.model_fields.values()]]))"
    )
    values = run([sys.executable, "-c", probe], sdk)
    assert values.returncode == 0, describe(values)
    kinds, aliases = json.loads(values.stdout)
    assert kinds == TROJAN["components"]["schemas"]["Kind"]["enum"]
    assert f"na{RLO}me" in aliases
    tests = run_generated_tests(sdk)
    assert tests.returncode == 0, describe(tests)


def _operation(operation_id: str, tag: str, **extra: Any) -> dict[str, Any]:
    ok = {"type": "object", "properties": {"id": {"type": "string"}}}
    return {
        "operationId": operation_id,
        "tags": [tag],
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": ok}}}
        },
        **extra,
    }


def _generate(tmp_path: Path, spec: dict[str, Any], package: str) -> Path:
    source = tmp_path / "spec.json"
    source.write_text(json.dumps(spec))
    sdk = tmp_path / "sdk"
    result = sdkwright("generate", source, "-o", sdk, "--package", package)
    assert result.returncode == 0, describe(result)
    assert "Traceback" not in result.stderr
    return sdk


def test_operation_ids_equal_once_normalised_get_one_test_each(tmp_path: Path) -> None:
    # On one HTTP method the methods are get_pet, get_pet_get, get_pet_get_, ...: their
    # PascalCase forms (GetPetGet) were the same.
    spellings = ["getPet", "get_pet", "GetPet", "get-pet", "GET_PET"]
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Same", "version": "1"},
        "paths": {f"/pets/{i}": {"get": _operation(o, "pets")} for i, o in enumerate(spellings)},
    }
    spec["paths"]["/pets/0"]["delete"] = _operation("get pet", "pets")
    spellings.append("get pet")
    sdk = _generate(tmp_path, spec, "same")
    collected = run(
        # The group's tests (tests/test_client.py tests the client itself).
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_pets.py",
        ],
        sdk,
    )
    assert collected.returncode == 0, describe(collected)
    tests = [line for line in collected.stdout.splitlines() if "::test_" in line]
    classes = {line.split("::")[1] for line in tests}
    assert len(classes) == len(spellings), tests  # one class per operation, none shadowed
    assert len(tests) == 2 * len(spellings)  # sync and async
    ran = run_generated_tests(sdk)
    assert ran.returncode == 0, describe(ran)
    typed = mypy_strict(sdk, "same")
    assert typed.returncode == 0, describe(typed)


def test_names_that_would_replace_what_a_class_needs_are_refused(tmp_path: Path) -> None:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Members", "version": "1"},
        "paths": {
            "/a": {
                "get": _operation("listA", "close", **{"x-sdkwright-name": "__init__"}),
                "post": _operation("makeA", "close", **{"x-sdkwright-name": "_client"}),
            },
            "/b": {"get": _operation("listB", "request", **{"x-sdkwright-name": "_resource"})},
            "/c": {"get": _operation("listC", "with options")},
        },
        "components": {
            "securitySchemes": {
                "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
                "request": {"type": "http", "scheme": "bearer"},
            }
        },
        "security": [{"key": [], "request": []}],
    }
    sdk = _generate(tmp_path, spec, "members")
    ran = run_generated_tests(sdk)
    assert ran.returncode == 0, describe(ran)
    typed = mypy_strict(sdk, "members")
    assert typed.returncode == 0, describe(typed)
    probe = (
        "from members import Members\n"
        "c = Members(api_key='k', request_='t')\n"
        "print(type(c.close_.list_a).__name__, type(c._client).__name__, callable(c.request))"
    )
    used = run([sys.executable, "-c", probe], sdk)
    assert used.returncode == 0, describe(used)
    assert used.stdout.split() == ["method", "Client", "True"]


def test_any_title_gives_a_valid_pyproject_and_readme(tmp_path: Path) -> None:
    title = 'Pets 🐶 "quoted" back\\slash\nsecond line\ttab \u202e end'
    spec = {
        "openapi": "3.1.0",
        "info": {"title": title, "version": "1"},
        "paths": {"/pets": {"get": _operation("listPets", "pets")}},
    }
    sdk = _generate(tmp_path, spec, "titled")
    project = tomllib.loads((sdk / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert (
        project["description"]
        == 'Python SDK for the Pets 🐶 "quoted" back\\slash second line tab end'
    )
    readme = (sdk / "README.md").read_text(encoding="utf-8")
    assert "Pets 🐶" in readme and "\\ud83d" not in readme
