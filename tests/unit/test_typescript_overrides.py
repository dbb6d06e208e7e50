"""Name overrides in the TypeScript target (targets/typescript/overrides.py): the target's
`names:` and the spec's `x-sdkwright-name`, in TypeScript's case, claimed before derived
names; collisions are errors, overrides naming nothing warnings."""

from __future__ import annotations

from pathlib import Path

from sdkwright.config_names import NameOverrides
from sdkwright.diagnostics import Level
from sdkwright.ir.build import build_api
from sdkwright.targets.typescript import naming
from spec_helpers import json_response, load, openapi, ref

SPEC = openapi(
    schemas={
        "PositionInstruction": {
            "type": "object",
            "x-sdkwright-name": "Instruction",
            "properties": {"id": {"type": "string"}},
        },
        "Instruction": {"type": "object", "properties": {"n": {"type": "integer"}}},
        "Account": {"type": "object", "properties": {"id": {"type": "integer"}}},
    },
    paths={
        "/instructions/{id}": {
            "delete": {
                "operationId": "cancelPositionInstruction",
                "x-sdkwright-name": "cancel",
                "tags": ["Positions"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": json_response(ref("PositionInstruction"))},
            },
            "get": {
                "operationId": "cancel",  # the derived name the override takes
                "tags": ["Positions"],
                "responses": {"200": json_response(ref("Instruction"))},
            },
        },
        "/accounts": {
            "get": {
                "operationId": "list_accounts",
                "tags": ["Accounts"],
                "responses": {"200": json_response(ref("Account"))},
            }
        },
    },
)


def _named(tmp_path: Path, names: NameOverrides | None = None) -> tuple[object, list[str]]:
    neutral, _ = build_api(load(tmp_path, SPEC))
    api, diagnostics = naming.name_api(neutral, "pets", "Pets", names)
    return api, [f"{d.level.name} {d.code}: {d.message}" for d in diagnostics]


def test_the_spec_extension_names_types_and_methods_first(tmp_path: Path) -> None:
    api, found = _named(tmp_path)
    types = {d.key.rsplit("/", 1)[-1]: d.name for d in api.definitions}  # type: ignore[attr-defined]
    # Imposed first: the schema called Instruction steps aside for it.
    assert types["PositionInstruction"] == "Instruction"
    assert types["Instruction"] == "InstructionSchema"
    methods = {op.operation_id: op.method_name for op in api.operations}  # type: ignore[attr-defined]
    assert methods["cancelPositionInstruction"] == "cancel" and methods["cancel"] != "cancel"
    assert not [f for f in found if f.startswith("ERROR")]


def test_the_config_wins_and_is_put_in_typescript_case(tmp_path: Path) -> None:
    names = NameOverrides(
        operations=(("cancelPositionInstruction", "cancel_instruction"),),
        schemas=(("PositionInstruction", "PositionOrder"),),
        tags=(("Positions", "holdings"), ("Accounts", "holdings")),
    )
    api, found = _named(tmp_path, names)
    types = {d.key.rsplit("/", 1)[-1]: d.name for d in api.definitions}  # type: ignore[attr-defined]
    assert types["PositionInstruction"] == "PositionOrder" and types["Instruction"] == "Instruction"
    (group,) = api.groups  # type: ignore[attr-defined]
    assert group.attribute == "holdings" and group.class_name == "HoldingsResource"
    assert {op.operation_id: op.method_name for op in group.operations} == {
        "cancelPositionInstruction": "cancelInstruction",
        "cancel": "cancel",
        "list_accounts": "listAccounts",
    }
    assert not [f for f in found if not f.startswith("INFO")]


def test_an_override_that_cannot_be_had_is_an_error_and_one_naming_nothing_a_warning(
    tmp_path: Path,
) -> None:
    names = NameOverrides(
        operations=(("list_accounts", "delete"), ("noSuchOperation", "x")),
        schemas=(("Account", "Promise"),),  # a global the generated code uses
    )
    _, found = _named(tmp_path, names)
    errors = sorted(f for f in found if f.startswith("ERROR"))
    assert errors == [
        "ERROR naming.override-collision: operation 'list_accounts' cannot be named delete: "
        "a reserved word, a name the SDK uses or another imposed name has it",
        "ERROR naming.override-collision: schema 'Account' cannot be "
        "named Promise: a reserved word, a name the SDK uses or another imposed name has it",
    ]
    assert (
        "WARNING naming.override-unknown: names.operations names 'noSuchOperation', "
        "which the spec does not have"
    ) in found


def test_an_extension_that_is_no_name_is_ignored_with_a_warning(tmp_path: Path) -> None:
    schema = {"type": "object", "properties": {"n": {"type": "integer"}}}
    spec = openapi(schemas={"A": {**schema, "x-sdkwright-name": "not a name"}})
    neutral, _ = build_api(load(tmp_path, spec))
    api, diagnostics = naming.name_api(neutral, "pets", "Pets")
    assert [d.code for d in diagnostics if d.level is Level.WARNING] == ["naming.override-invalid"]
    assert [d.name for d in api.definitions] == ["A"]
