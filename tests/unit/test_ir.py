"""sdkwright.ir.build and the Python naming step: every spec version -> one IR, then every name."""

from __future__ import annotations

import keyword
from pathlib import Path
from typing import Any

import pytest
from sdkwright.diagnostics import Level
from sdkwright.ir import examples
from sdkwright.ir.nodes import (
    ANY,
    MISSING,
    Alias,
    Enum,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Primitive,
    UnionOf,
)
from spec_helpers import (
    build,
    codes,
    definitions,
    field_types,
    json_response,
    model,
    openapi,
    ref,
)

OBJ = {"type": "object", "properties": {"a": {"type": "string"}}}


def get(path_item_op: dict[str, Any], path: str = "/things", method: str = "get") -> dict[str, Any]:
    return {path: {method: path_item_op}}


# -- names -----------------------------------------------------------------------------------


def test_inline_success_response_is_named_after_the_operation(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "required": ["data"],
        "properties": {"data": {"type": "string"}, "error": {"type": ["string", "null"]}},
    }
    operation = {
        "operationId": "cancel_position_instruction",
        "responses": {"200": json_response(schema)},
    }
    api, _ = build(tmp_path, openapi(paths=get(operation, "/positions", "delete")))
    [op] = api.operations
    assert op.success.type == Named("CancelPositionInstructionResponse", "model")
    response = model(api, "CancelPositionInstructionResponse")
    assert [(f.wire_name, f.required) for f in response.fields] == [
        ("data", True),
        ("error", False),
    ]
    assert response.module == "cancel_position_instruction_response"


def test_inline_request_body_is_named_after_the_operation(tmp_path: Path) -> None:
    operation = {
        "operationId": "createOrder",
        "requestBody": {"content": {"application/json": {"schema": OBJ}}},
        "responses": {"204": {"description": "done"}},
    }
    api, _ = build(tmp_path, openapi(paths=get(operation, method="post")))
    assert api.operations[0].body is not None
    assert api.operations[0].body.type == Named("CreateOrderBody", "model")


def test_collisions_never_add_numbers(tmp_path: Path) -> None:
    names = [
        "Pet",
        "pet",
        "PET",
        "pet-info",
        "PetInfo",
        "pet_info",
        "Pet Info",
        "a.b",
        "a-b",
        "a_b",
    ]
    names += [
        "ListPetsResponse",
        "ListPetsBody",
        "X",
        "AsyncX",
        "OwnerStatus",
        "OwnerPet",
        "Model2",
        "v1",
    ]
    schemas: dict[str, Any] = {name: OBJ for name in names}
    schemas["Owner"] = {
        "type": "object",
        "properties": {"status": {"type": "string", "enum": ["a", "b"]}, "pet": OBJ},
    }
    create = {"requestBody": {"content": {"application/json": {"schema": OBJ}}}}
    paths = {
        "/pets": {
            "get": {"operationId": "listPets", "responses": {"200": json_response(OBJ)}},
            "post": {
                "operationId": "list_pets",
                **create,
                "responses": {"201": json_response(OBJ)},
            },
        },
        "/other": {"get": {"operationId": "ListPets", "responses": {"200": json_response(OBJ)}}},
    }
    api, diagnostics = build(tmp_path, openapi(schemas, paths))
    class_names = [d.name for d in api.definitions]
    assert len({n.lower() for n in class_names}) == len(class_names), class_names
    assert not {"X", "AsyncX"} & set(class_names)  # the client's own names
    for definition in api.definitions:
        source_name = definition.source.rsplit("/", 1)[-1]
        if definition.name[-1].isdigit():
            assert source_name[-1].isdigit(), (definition.name, definition.source)
        assert definition.name.isidentifier() and not keyword.iskeyword(definition.name)
    assert {"Model2", "V1", "Pet", "PetInfo", "Owner"} <= set(class_names)
    assert "naming.collision" in codes(diagnostics, Level.WARNING)
    # Every component keeps a class of its own, and the response types stay distinct.
    assert (
        len([d for d in api.definitions if d.source.startswith("/components/")]) == len(names) + 3
    )
    assert len({op.success.type for op in api.operations}) == 3


def test_collision_warning_names_the_owner_of_a_case_folded_name(tmp_path: Path) -> None:
    _, diagnostics = build(tmp_path, openapi({"Pet": OBJ, "PET": OBJ}))
    [warning] = [d for d in diagnostics if d.code == "naming.collision"]
    assert "/components/schemas/Pet" in warning.message


def test_wire_names_are_kept_with_python_safe_field_names(tmp_path: Path) -> None:
    properties = {
        w: {"type": "integer"} for w in ["+1", "-1", "created-by", "class", "json", "2fa", "id"]
    }
    properties["Id"] = {"type": "string"}
    api, _ = build(tmp_path, openapi({"Reactions": {"type": "object", "properties": properties}}))
    fields = {f.wire_name: f.name for f in model(api, "Reactions").fields}
    assert fields["+1"] == "plus_1"
    assert fields["-1"] == "minus_1"
    assert fields["created-by"] == "created_by"
    assert fields["class"] == "class_"
    assert fields["json"] == "json_"
    assert fields["2fa"] == "two_fa"
    assert fields["id"] == "id"
    assert fields["Id"] != "id" and fields["Id"].isidentifier()
    assert len(set(fields.values())) == len(fields)


# -- types -----------------------------------------------------------------------------------


def test_nullable_in_3_1_and_3_0(tmp_path: Path) -> None:
    v31 = {
        "type": "object",
        "properties": {"n": {"type": ["string", "null"]}, "i": {"type": ["integer", "null"]}},
    }
    api, _ = build(tmp_path / "a", openapi({"M": v31}))
    assert field_types(api, "M") == {
        "n": Nullable(Primitive("str")),
        "i": Nullable(Primitive("int")),
    }
    v30 = {"type": "object", "properties": {"n": {"type": "string", "nullable": True}}}
    api, _ = build(tmp_path / "b", openapi({"M": v30}, version="3.0.3"))
    assert field_types(api, "M") == {"n": Nullable(Primitive("str"))}


def test_one_of_null_and_a_ref_is_a_nullable_reference(tmp_path: Path) -> None:
    schemas = {
        "Thing": OBJ,
        "Holder": {
            "type": "object",
            "properties": {
                "a": {"oneOf": [{"type": "null"}, ref("Thing")]},
                "b": {"anyOf": [ref("Thing"), {"type": "null"}]},
                "c": {"allOf": [ref("Thing")], "nullable": True},
            },
        },
    }
    api, _ = build(tmp_path, openapi(schemas))
    assert set(field_types(api, "Holder").values()) == {Nullable(Named("Thing", "model"))}


def test_nested_one_of_with_null_like_clear_street_error(tmp_path: Path) -> None:
    api_error = {
        "type": "object",
        "required": ["code", "message"],
        "properties": {"code": {"type": "integer"}, "message": {"type": "string"}},
    }
    schemas = {
        "ApiError": api_error,
        "MaybeError": {"oneOf": [ref("ApiError"), {"type": "null"}]},
        "BaseResponse": {
            "type": "object",
            "properties": {
                "error": {"oneOf": [ref("ApiError"), {"type": "null"}]},
                "nested": {
                    "oneOf": [{"type": "null"}, {"oneOf": [{"type": "null"}, ref("ApiError")]}]
                },
                "via_ref": ref("MaybeError"),
                "ref_or_null": {"oneOf": [ref("MaybeError"), {"type": "null"}]},
            },
        },
    }
    api, _ = build(tmp_path, openapi(schemas))
    types = field_types(api, "BaseResponse")
    assert set(types) == {"error", "nested", "via_ref", "ref_or_null"}
    assert set(types.values()) == {Nullable(Named("ApiError", "model"))}
    assert "MaybeError" not in definitions(api)  # a nullable reference is not a class


def test_discriminated_union_with_enum_and_const_tags(tmp_path: Path) -> None:
    schemas = {
        "Cat": {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"type": "string", "enum": ["cat"]}},
        },
        "Dog": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "dog"}}},
        "Pet": {"oneOf": [ref("Cat"), ref("Dog")], "discriminator": {"propertyName": "kind"}},
    }
    api, _ = build(tmp_path, openapi(schemas))
    pet = definitions(api)["Pet"]
    assert isinstance(pet, Alias)
    assert pet.type == UnionOf((Named("Cat", "model"), Named("Dog", "model")), "kind")
    assert field_types(api, "Cat")["kind"] == LiteralOf(("cat",))
    assert field_types(api, "Dog")["kind"] == LiteralOf(("dog",))


@pytest.mark.parametrize(
    "cow_kind",
    [{"type": "string"}, {"type": "string", "enum": ["cow", "calf"]}],
)
def test_no_discriminator_without_literal_tags(tmp_path: Path, cow_kind: dict[str, Any]) -> None:
    schemas = {
        "Cat": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "cat"}}},
        "Cow": {"type": "object", "required": ["kind"], "properties": {"kind": cow_kind}},
        "Pet": {"oneOf": [ref("Cat"), ref("Cow")], "discriminator": {"propertyName": "kind"}},
        "Plain": {"oneOf": [ref("Cat"), ref("Cat"), {"type": "string"}]},
    }
    api, _ = build(tmp_path, openapi(schemas))
    pet = definitions(api)["Pet"]
    assert isinstance(pet, Alias) and isinstance(pet.type, UnionOf)
    assert pet.type.discriminator == ""
    plain = definitions(api)["Plain"]
    assert isinstance(plain, Alias)
    assert plain.type == UnionOf((Named("Cat", "model"), Primitive("str")))


def test_all_of_two_named_schemas_is_one_model(tmp_path: Path) -> None:
    schemas = {
        "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
        "Extra": {
            "type": "object",
            "required": ["note"],
            "properties": {"note": {"type": "string"}, "x": {"type": "integer"}},
        },
        "Both": {
            "allOf": [
                ref("Base"),
                ref("Extra"),
                {"type": "object", "required": ["x"], "properties": {"own": {"type": "boolean"}}},
            ]
        },
    }
    api, _ = build(tmp_path, openapi(schemas))
    both = model(api, "Both")
    assert {f.wire_name: f.required for f in both.fields} == {
        "id": True,
        "note": True,
        "x": True,
        "own": False,
    }
    assert {f.wire_name: f.type for f in both.fields}["own"] == Primitive("bool")


def test_recursive_and_mutually_recursive_models(tmp_path: Path) -> None:
    schemas = {
        "Node": {
            "type": "object",
            "properties": {
                "children": {"type": "array", "items": ref("Node")},
                "parent": ref("Node"),
            },
        },
        "A": {"type": "object", "properties": {"b": ref("B")}},
        "B": {
            "type": "object",
            "properties": {"a": ref("A"), "many": {"type": "array", "items": ref("A")}},
        },
    }
    paths = get({"operationId": "tree", "responses": {"200": json_response(ref("Node"))}})
    api, diagnostics = build(tmp_path, openapi(schemas, paths))
    assert field_types(api, "Node") == {
        "children": ListOf(Named("Node", "model")),
        "parent": Named("Node", "model"),
    }
    assert field_types(api, "A") == {"b": Named("B", "model")}
    assert field_types(api, "B") == {"a": Named("A", "model"), "many": ListOf(Named("A", "model"))}
    assert not [d for d in diagnostics if d.level is Level.ERROR]
    success = api.operations[0].success
    assert examples.problem(success.example, Named("Node", "model"), definitions(api)) is None


def test_required_nullable_self_reference_builds(tmp_path: Path) -> None:
    node = {
        "type": "object",
        "required": ["parent"],
        "properties": {"parent": {"oneOf": [ref("Node"), {"type": "null"}]}},
    }
    paths = get({"operationId": "getNode", "responses": {"200": json_response(ref("Node"))}})
    api, _ = build(tmp_path, openapi({"Node": node}, paths))
    assert (
        examples.problem(
            api.operations[0].success.example, Named("Node", "model"), definitions(api)
        )
        is None
    )


def test_maps_enums_and_formats(tmp_path: Path) -> None:
    properties = {
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
        "anything": {"type": "object"},
        "status": {"type": "string", "enum": ["in-progress", "done", None]},
        "priority": {"type": "integer", "enum": [1, 2, 3]},
        "single": {"type": "string", "enum": ["only"]},
        "at": {"type": "string", "format": "date-time"},
        "on": {"type": "string", "format": "date"},
        "uid": {"type": "string", "format": "uuid"},
        "big": {"type": "integer", "format": "int64"},
        "ratio": {"type": "number", "format": "double"},
        "blob": {"type": "string", "format": "binary"},
        "flag": {"type": "boolean"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "free": {},
        "either": {"type": ["string", "integer"]},
    }
    api, _ = build(tmp_path, openapi({"Thing": {"type": "object", "properties": properties}}))
    types = field_types(api, "Thing")
    assert types["counts"] == MapOf(Primitive("int"))
    assert types["anything"] == MapOf(ANY)
    assert types["at"] == Primitive("datetime", "date-time")
    assert types["on"] == Primitive("date", "date")
    assert types["uid"] == Primitive("str", "uuid")
    assert types["big"] == Primitive("int", "int64")
    assert types["ratio"] == Primitive("float", "double")
    assert types["blob"] == Primitive("bytes", "binary")
    assert types["flag"] == Primitive("bool")
    assert types["tags"] == ListOf(Primitive("str"))
    assert types["free"] == ANY
    assert types["single"] == LiteralOf(("only",))
    assert types["either"] == UnionOf((Primitive("str"), Primitive("int")))
    status, priority = types["status"], types["priority"]
    assert isinstance(status, Nullable) and isinstance(status.inner, Named)
    assert isinstance(priority, Named)
    status_enum = definitions(api)[status.inner.name]
    priority_enum = definitions(api)[priority.name]
    assert isinstance(status_enum, Enum) and isinstance(priority_enum, Enum)
    assert status_enum.value_type == "str"
    assert [(m.name, m.value) for m in status_enum.members] == [
        ("IN_PROGRESS", "in-progress"),
        ("DONE", "done"),
    ]
    assert priority_enum.value_type == "int"
    assert [m.value for m in priority_enum.members] == [1, 2, 3]
    assert len({m.name for m in priority_enum.members}) == 3


def test_enum_component_with_colliding_values(tmp_path: Path) -> None:
    api, _ = build(
        tmp_path, openapi({"Sep": {"type": "string", "enum": ["a-b", "a_b", "a.b", ""]}})
    )
    sep = definitions(api)["Sep"]
    assert isinstance(sep, Enum)
    names = [m.name for m in sep.members]
    assert len(set(names)) == 4
    assert all(n.isidentifier() and not n[-1].isdigit() for n in names)
    assert [m.value for m in sep.members] == ["a-b", "a_b", "a.b", ""]


def test_inline_objects_in_arrays_and_maps_get_contextual_names(tmp_path: Path) -> None:
    properties = {
        "lines": {"type": "array", "items": OBJ},
        "byKey": {"type": "object", "additionalProperties": OBJ},
    }
    api, _ = build(tmp_path, openapi({"Order": {"type": "object", "properties": properties}}))
    types = field_types(api, "Order")
    assert types["lines"] == ListOf(Named("OrderLinesItem", "model"))
    assert types["byKey"] == MapOf(Named("OrderByKeyValue", "model"))


# -- operations ------------------------------------------------------------------------------


def test_parameters_include_path_level_ones_and_sort_required_first(tmp_path: Path) -> None:
    item = {
        "parameters": [
            {"name": "account_id", "in": "path", "required": True, "schema": {"type": "integer"}},
            {"name": "verbose", "in": "query", "schema": {"type": "string"}},
        ],
        "delete": {
            "operationId": "cancel",
            "parameters": [
                {"name": "page", "in": "query", "schema": {"type": "integer"}},
                {"name": "X-Trace", "in": "header", "required": True, "schema": {"type": "string"}},
                {
                    "name": "instruction_id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string"},
                },
                {"name": "verbose", "in": "query", "schema": {"type": "boolean"}},  # overrides
                {"name": "limit", "in": "query", "required": True, "schema": {"type": "integer"}},
            ],
            "responses": {"204": {"description": "ok"}},
        },
    }
    api, _ = build(tmp_path, openapi(paths={"/a/{account_id}/i/{instruction_id}": item}))
    [op] = api.operations
    summary = [(p.name, p.wire_name, p.location, p.required) for p in op.parameters]
    assert summary[:4] == [
        ("account_id", "account_id", "path", True),
        ("instruction_id", "instruction_id", "path", True),
        ("limit", "limit", "query", True),
        ("x_trace", "X-Trace", "header", True),
    ]
    assert sorted(summary[4:]) == [
        ("page", "page", "query", False),
        ("verbose", "verbose", "query", False),
    ]
    assert {p.wire_name: p.type for p in op.parameters}["verbose"] == Primitive("bool")
    assert [p.wire_name for p in op.path_parameters] == ["account_id", "instruction_id"]


def test_operation_without_operation_id_gets_a_method(tmp_path: Path) -> None:
    paths = {
        "/pets/{id}": {
            "get": {
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": json_response(OBJ)},
            },
            "delete": {
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"204": {"description": "gone"}},
            },
        }
    }
    api, _ = build(tmp_path, openapi(paths=paths))
    names = sorted(op.method_name for op in api.operations)
    assert names == ["delete_pets_id", "get_pets_id"]
    assert all(n.isidentifier() for n in names)
    get_op = next(op for op in api.operations if op.http_method == "get")
    assert isinstance(get_op.success.type, Named)


def test_same_method_name_in_one_group_is_made_unique(tmp_path: Path) -> None:
    ok = {"204": {"description": "ok"}}
    paths = {
        "/pets": {
            "get": {"operationId": "listPets", "responses": ok},
            "post": {"operationId": "list_pets", "responses": ok},
        }
    }
    api, _ = build(tmp_path, openapi(paths=paths))
    names = [op.method_name for op in api.operations]
    assert len(set(names)) == 2 and "list_pets" in names


def test_object_request_body_is_flattened_into_fields(tmp_path: Path) -> None:
    body = {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "description": "The name."},
            "timeout": {"type": "integer"},
            "id": {"type": "string", "readOnly": True},
            "created-by": {"type": "string"},
        },
    }
    operation = {
        "operationId": "createPet",
        "parameters": [{"name": "name", "in": "query", "schema": {"type": "string"}}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
        "responses": {"201": json_response(OBJ)},
    }
    api, _ = build(tmp_path, openapi(paths=get(operation, method="post")))
    [op] = api.operations
    assert op.body is not None and op.body.required and op.body.fields is not None
    fields = {f.wire_name: f for f in op.body.fields}
    assert set(fields) == {"name", "timeout", "created-by"}  # read-only fields are not sent
    assert fields["name"].required and fields["name"].description == "The name."
    assert fields["timeout"].name == "timeout_"  # a call option keeps its name
    assert fields["created-by"].name == "created_by"
    [query] = op.parameters
    assert query.wire_name == "name" and query.name not in {f.name for f in op.body.fields}


def test_flattened_body_field_names_are_unique(tmp_path: Path) -> None:
    body = {
        "type": "object",
        "properties": {"timeout": {"type": "integer"}, "Timeout": {"type": "integer"}},
    }
    operation = {
        "operationId": "wait",
        "requestBody": {"content": {"application/json": {"schema": body}}},
        "responses": {"204": {"description": "ok"}},
    }
    api, _ = build(tmp_path, openapi(paths=get(operation, method="post")))
    body_fields = api.operations[0].body.fields  # type: ignore[union-attr]
    assert body_fields is not None
    names = [f.name for f in body_fields]
    assert len(set(names)) == len(names), names


def test_mismatching_response_example_is_replaced(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "integer"}, "at": {"type": "string", "format": "date-time"}},
    }
    operation = {
        "operationId": "getThing",
        "responses": {"200": json_response(schema, example={"id": "not a number"})},
    }
    api, diagnostics = build(tmp_path, openapi(paths=get(operation)))
    [warning] = [d for d in diagnostics if d.code == "example.mismatch"]
    assert warning.level is Level.WARNING
    assert warning.location is not None and warning.location.pointer == "/paths/~1things/get"
    [op] = api.operations
    assert op.example_is_synthesised
    assert op.success.example is not MISSING
    assert examples.problem(op.success.example, op.success.type, definitions(api)) is None  # type: ignore[arg-type]


def test_matching_response_example_is_kept(tmp_path: Path) -> None:
    schema = {"type": "object", "properties": {"at": {"type": "string", "format": "date-time"}}}
    example = {"at": "2026-01-02T03:04:05Z"}
    operation = {
        "operationId": "getThing",
        "responses": {"200": json_response(schema, example=example)},
    }
    api, diagnostics = build(tmp_path, openapi(paths=get(operation)))
    assert "example.mismatch" not in codes(diagnostics)
    assert api.operations[0].success.example == example
    assert not api.operations[0].example_is_synthesised


def test_non_canonical_date_time_example_is_used_in_canonical_form(tmp_path: Path) -> None:
    """A valid RFC 3339 date-time is no mismatch (issue 15): the example is used as the SDK
    writes it back, the fraction the SDK drops dropped."""
    schema = {"type": "object", "properties": {"at": {"type": "string", "format": "date-time"}}}
    example = {"at": "2026-01-02T03:04:05.000Z"}
    operation = {
        "operationId": "getThing",
        "responses": {"200": json_response(schema, example=example)},
    }
    api, diagnostics = build(tmp_path, openapi(paths=get(operation)))
    assert "example.mismatch" not in codes(diagnostics, Level.WARNING)
    assert not api.operations[0].example_is_synthesised
    assert api.operations[0].success.example == {"at": "2026-01-02T03:04:05Z"}


def test_swagger_2_minimal_spec_builds(tmp_path: Path) -> None:
    spec = {
        "swagger": "2.0",
        "info": {"title": "Pets", "version": "1"},
        "host": "api.example.com",
        "basePath": "/v1",
        "schemes": ["https"],
        "paths": {
            "/pets": {
                "post": {
                    "operationId": "addPet",
                    "parameters": [
                        {
                            "name": "body",
                            "in": "body",
                            "required": True,
                            "schema": {"$ref": "#/definitions/Pet"},
                        },
                        {"name": "limit", "in": "query", "type": "integer"},
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "schema": {"type": "array", "items": {"$ref": "#/definitions/Pet"}},
                        }
                    },
                }
            }
        },
        "definitions": {
            "Pet": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "born": {"type": "string", "format": "date"},
                },
            }
        },
    }
    api, diagnostics = build(tmp_path, spec)
    assert not [d for d in diagnostics if d.level is Level.ERROR]
    assert api.spec_version == "2.0"
    assert api.base_url == "https://api.example.com/v1"
    assert field_types(api, "Pet") == {"name": Primitive("str"), "born": Primitive("date", "date")}
    [op] = api.operations
    assert op.method_name == "add_pet"
    assert op.body is not None and op.body.type == Named("Pet", "model") and op.body.required
    assert [(p.wire_name, p.location, p.type) for p in op.parameters] == [
        ("limit", "query", Primitive("int"))
    ]
    assert op.success.type == ListOf(Named("Pet", "model"))


def test_api_metadata(tmp_path: Path) -> None:
    spec = openapi()
    spec["servers"] = [
        {"url": "https://{region}.example.com/api/", "variables": {"region": {"default": "eu"}}}
    ]
    spec["info"]["description"] = "All about pets."
    api, _ = build(tmp_path, spec)
    assert api.base_url == "https://eu.example.com/api"
    assert (api.title, api.description, api.version, api.spec_version) == (
        "Test",
        "All about pets.",
        "1",
        "3.1",
    )
    assert (api.package, api.client_name, api.env_prefix) == ("x", "X", "X")


def test_definitions_are_sorted_and_every_named_type_is_defined(tmp_path: Path) -> None:
    schemas = {
        "Zed": {"type": "object", "properties": {"inner": OBJ, "alpha": ref("Alpha")}},
        "Alpha": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["x", "y"]}}},
    }
    api, _ = build(tmp_path, openapi(schemas))
    names = [d.name for d in api.definitions]
    assert names == sorted(names)
    known = set(names)
    for definition in api.definitions:
        if isinstance(definition, Model):
            for field in definition.fields:
                core = field.type.inner if isinstance(field.type, Nullable) else field.type
                if isinstance(core, Named):
                    assert core.name in known


# -- x-sdkwright-retries, idempotency keys ---------------------------------------------------


def op_with(**extra: Any) -> dict[str, Any]:
    return {"responses": {"200": json_response(OBJ)}, **extra}


def operations_by_method(tmp_path: Path, spec: dict[str, Any]) -> dict[str, Any]:
    api, diagnostics = build(tmp_path, spec)
    assert codes(diagnostics) == []
    return {op.http_method: op for op in api.operations}


def test_retries_extension_per_operation_overrides_the_spec_wide_one(tmp_path: Path) -> None:
    spec = openapi(
        paths={
            "/a": {
                "get": op_with(operationId="a_get"),
                "put": op_with(operationId="a_put", **{"x-sdkwright-retries": False}),
                "post": op_with(operationId="a_post", **{"x-sdkwright-retries": True}),
                "patch": op_with(
                    operationId="a_patch", **{"x-sdkwright-retries": {"max_retries": 5}}
                ),
            }
        }
    )
    by_method = operations_by_method(tmp_path / "plain", spec)
    assert by_method["get"].max_retries is None  # no extension: the client decides
    assert by_method["put"].max_retries == 0
    assert by_method["post"].max_retries is None
    assert by_method["patch"].max_retries == 5

    spec["x-sdkwright-retries"] = {"max_retries": 1}
    by_method = operations_by_method(tmp_path / "global", spec)
    assert by_method["get"].max_retries == 1
    assert by_method["put"].max_retries == 0
    assert by_method["post"].max_retries is None  # true: back to the client's policy
    assert by_method["patch"].max_retries == 5


@pytest.mark.parametrize("value", [3, "2", {"max_retries": -1}, {"max_retries": True}, {}])
def test_invalid_retries_extension_is_a_warning_and_ignored(tmp_path: Path, value: Any) -> None:
    spec = openapi(paths=get(op_with(operationId="a", **{"x-sdkwright-retries": value})))
    api, diagnostics = build(tmp_path, spec)
    assert api.operations[0].max_retries is None
    [warning] = [d for d in diagnostics if d.code == "extension.retries"]
    assert warning.level is Level.WARNING
    assert warning.location.pointer.endswith("/x-sdkwright-retries")


def test_spec_wide_invalid_extension_warns_once(tmp_path: Path) -> None:
    spec = openapi(
        paths={"/a": {"get": op_with(operationId="a"), "post": op_with(operationId="b")}}
    )
    spec["x-sdkwright-retries"] = "never"
    spec["x-sdkwright-idempotency-header"] = "Bad Header"
    _, diagnostics = build(tmp_path, spec)
    assert sorted(codes(diagnostics)) == ["extension.idempotency-header", "extension.retries"]


def test_declared_idempotency_key_header_is_used_and_made_optional(tmp_path: Path) -> None:
    key = {
        "name": "idempotency-key",
        "in": "header",
        "required": True,
        "schema": {"type": "string"},
    }
    spec = openapi(paths=get(op_with(operationId="create", parameters=[key]), method="post"))
    [op] = operations_by_method(tmp_path, spec).values()
    assert op.idempotency_header == "idempotency-key"  # the spec's spelling is kept
    [parameter] = op.parameters
    assert parameter.name == "idempotency_key" and not parameter.required


def test_idempotency_extension_adds_a_parameter_for_an_undeclared_header(tmp_path: Path) -> None:
    body = {"type": "object", "properties": {"idempotency_key": {"type": "string"}}}
    operation = op_with(
        operationId="create",
        requestBody={"content": {"application/json": {"schema": body}}},
        **{"x-sdkwright-idempotency-header": "X-Request-Key"},
    )
    [op] = operations_by_method(tmp_path, openapi(paths=get(operation, method="post"))).values()
    assert op.idempotency_header == "X-Request-Key"
    [parameter] = op.parameters
    assert (parameter.wire_name, parameter.location, parameter.required) == (
        "X-Request-Key",
        "header",
        False,
    )
    assert parameter.type == Primitive("str")
    assert parameter.name == "idempotency_key_"  # a body field already has the name


def test_spec_wide_idempotency_header_skips_safe_methods_and_can_be_turned_off(
    tmp_path: Path,
) -> None:
    spec = openapi(
        paths={
            "/a": {
                "get": op_with(operationId="read"),
                "post": op_with(operationId="create"),
                "delete": op_with(operationId="remove"),
                "put": op_with(operationId="replace", **{"x-sdkwright-idempotency-header": False}),
            }
        }
    )
    spec["x-sdkwright-idempotency-header"] = "Idempotency-Key"
    by_method = operations_by_method(tmp_path, spec)
    assert by_method["get"].idempotency_header == ""
    assert by_method["get"].parameters == ()
    assert by_method["post"].idempotency_header == "Idempotency-Key"
    assert by_method["delete"].idempotency_header == "Idempotency-Key"
    assert by_method["put"].idempotency_header == ""
    assert by_method["put"].parameters == ()


def test_no_idempotency_header_without_declaration(tmp_path: Path) -> None:
    other = {"name": "X-Trace", "in": "header", "schema": {"type": "string"}}
    spec = openapi(paths=get(op_with(operationId="create", parameters=[other]), method="post"))
    [op] = operations_by_method(tmp_path, spec).values()
    assert op.idempotency_header == ""
    assert [p.wire_name for p in op.parameters] == ["X-Trace"]


def test_call_option_names_are_reserved(tmp_path: Path) -> None:
    parameter = {"name": "max_retries", "in": "query", "schema": {"type": "integer"}}
    spec = openapi(paths=get(op_with(operationId="a", parameters=[parameter]), method="get"))
    spec["paths"]["/x"] = {"get": {**op_with(operationId="b"), "tags": ["with_raw_response"]}}
    api, _ = build(tmp_path, spec)
    [renamed] = [p for op in api.operations for p in op.parameters]
    assert renamed.name != "max_retries" and renamed.wire_name == "max_retries"
    assert "with_raw_response" not in {g.attribute for g in api.groups}
