"""The TypeScript target's naming step, types and escaping filters (targets/typescript/)."""

from __future__ import annotations

from pathlib import Path

from sdkwright.ir.build import build_api
from sdkwright.ir.nodes import Enum, EnumMember, Model
from sdkwright.targets.typescript import identifiers, naming, runtime, tstext
from sdkwright.targets.typescript.render import render_sdk
from sdkwright.targets.typescript.tstypes import enum_type
from spec_helpers import json_response, load, openapi, ref


def test_members_are_camel_case_and_types_pascal_case() -> None:
    assert identifiers.camel("account_id") == "accountId"
    assert identifiers.camel("instruction_ID") == "instructionId"
    assert identifiers.camel("X-Request-ID") == "xRequestId"
    assert identifiers.pascal("position-instruction") == "PositionInstruction"
    assert identifiers.camel("2fa code") == "_2faCode"  # never a leading digit
    assert identifiers.pascal("") == "Model"
    assert identifiers.is_identifier("accountId") and not identifiers.is_identifier("delete")


def test_reserved_words_and_taken_names_move_to_the_next_candidate() -> None:
    registry = identifiers.Registry({"Taken"})
    assert registry.claim(["class", "klass"]) == ("klass", True)
    assert registry.claim(["Taken", "TakenSchema"]) == ("TakenSchema", True)
    assert registry.claim(["Taken", "TakenSchema"]) == ("TakenSchema_", True)


def test_runtime_exports_and_client_members_are_read_from_the_runtime() -> None:
    assert {
        "APIError",
        "BaseClient",
        "RequestOptions",
        "ClientOptions",
    } <= runtime.runtime_exports()
    assert {"request", "buildPath", "baseURL", "authHeaders"} <= runtime.client_members()
    assert "retryAfterMs" not in runtime.runtime_exports()  # not exported


SPEC = openapi(
    schemas={
        # A global name the generated code uses, and one of the runtime's exports.
        "Error": {"type": "object", "properties": {"message": {"type": "string"}}},
        "APIError": {"type": "object", "properties": {"code": {"type": "integer"}}},
        "Pet": {
            "type": "object",
            "required": ["pet-name", "owner"],
            "properties": {
                "pet-name": {"type": "string"},
                "owner": {"type": ["string", "null"]},  # required, may be null
                "nickname": {"type": "string"},  # optional, never null
                "status": ref("PetStatus"),
                "error": ref("Error"),
            },
        },
        "PetStatus": {"type": "string", "enum": ["available", "sold"]},
    },
    paths={
        "/pets/{id}": {
            "get": {
                "operationId": "get-pet",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "id", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": {"200": json_response(ref("Pet"))},
            }
        }
    },
)


def test_naming_step(tmp_path: Path) -> None:
    neutral, _ = build_api(load(tmp_path, SPEC))
    api, _ = naming.name_api(neutral, "pets", "Pets")
    names = {d.name for d in api.definitions}
    assert {"ErrorSchema", "APIErrorSchema", "Pet", "PetStatus"} <= names
    assert not names & (identifiers.GLOBALS | runtime.runtime_exports())
    pet = next(d for d in api.definitions if d.name == "Pet")
    assert isinstance(pet, Model)
    assert [f.name for f in pet.fields] == [f.wire_name for f in pet.fields]  # wire names kept
    op = api.operations[0]
    assert op.method_name == "getPet"
    assert [(p.location, p.name) for p in op.parameters] == [("path", "id"), ("query", "queryId")]
    assert api.groups[0].attribute == "pets" and api.groups[0].class_name == "PetsResource"


def test_null_and_optional_are_kept_apart(tmp_path: Path) -> None:
    neutral, _ = build_api(load(tmp_path, SPEC))
    _, files, _ = render_sdk(neutral, "pets", "Pets")
    models = files["src/models.ts"]
    assert '  "pet-name": string;' in models
    assert "  owner: string | null;" in models
    assert "  nickname?: string;" in models
    assert "  error?: ErrorSchema;" in models
    assert 'export type PetStatus = "available" | "sold" | (string & {});' in models


def test_enums_accept_values_added_later() -> None:
    members = (EnumMember("", 1), EnumMember("", 2))
    assert enum_type(Enum("E", "", "", members, "int", "")) == "1 | 2 | (number & {})"


def test_spec_text_cannot_escape_comments_or_strings() -> None:
    doc = tstext.ts_doc("ends here */ alert(1) /*\u2028next")
    assert doc.count("*/") == 1 and doc.endswith(" */\n") and "\u2028" not in doc
    assert tstext.ts_string('a"b\u2028`${x}`') == '"a\\"b\\u2028`${x}`"'
    assert tstext.ts_key("pet-name") == '"pet-name"' and tstext.ts_key("name") == "name"
    assert tstext.ts_comment("a\nb\r\u2028c") == "a b c"
