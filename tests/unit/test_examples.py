"""sdkwright.ir.examples: checking documented examples and synthesising missing ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sdkwright.ir import examples
from sdkwright.ir.nodes import (
    ANY,
    Alias,
    Definition,
    Enum,
    EnumMember,
    Field,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Primitive,
    TagDispatch,
    TypeRef,
    UnionOf,
)
from sdkwright.targets.python import pytypes
from spec_helpers import build, definitions, json_response, openapi, ref


def model(name: str, *fields: Field) -> Model:
    return Model(name, name.lower(), "", fields, f"/components/schemas/{name}")


def field(wire_name: str, type_: TypeRef, required: bool = False) -> Field:
    return Field(wire_name.replace("-", "_"), wire_name, type_, required)


CAT = model("Cat", field("kind", LiteralOf(("cat",)), True), field("lives", Primitive("int")))
DOG = model("Dog", field("kind", LiteralOf(("dog",)), True), field("good", Primitive("bool"), True))
STATUS = Enum(
    "Status", "status", "", (EnumMember("OPEN", "open"), EnumMember("DONE", "done")), "str", ""
)
LEVEL = Enum("Level", "level", "", (EnumMember("VALUE_1", 1), EnumMember("VALUE_2", 2)), "int", "")
PET = Alias("Pet", "pet", "", UnionOf((Named("Cat", "model"), Named("Dog", "model")), "kind"), "")
NODE = model(
    "Node",
    field("name", Primitive("str"), True),
    field("children", ListOf(Named("Node", "model")), True),
    field("parent", Named("Node", "model")),
    field("next", Nullable(Named("Node", "model"))),
)
ODD = model("Odd", field("even", Named("Even", "model")))
EVEN = model(
    "Even", field("odd", Named("Odd", "model")), field("odds", ListOf(Named("Odd", "model")), True)
)
ORDER = model(
    "Order",
    field("id", Primitive("str", "uuid"), True),
    field("at", Primitive("datetime", "date-time"), True),
    field("on", Primitive("date", "date")),
    field("qty", Primitive("int"), True),
    field("price", Primitive("float")),
    field("status", Named("Status", "enum"), True),
    field("level", Nullable(Named("Level", "enum"))),
    field("pet", Named("Pet", "alias")),
    field("tags", ListOf(Primitive("str"))),
    field("extra", MapOf(ANY)),
    field("note", Nullable(Primitive("str")), True),
    field("created-by", Primitive("str", "email")),
)
DEFINITIONS: dict[str, Definition] = {
    d.name: d for d in (CAT, DOG, STATUS, LEVEL, PET, NODE, ODD, EVEN, ORDER)
}


# -- problem ---------------------------------------------------------------------------------

VALID_ORDER = {
    "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "at": "2026-01-02T03:04:05Z",
    "qty": 3,
    "status": "open",
    "note": None,
    "pet": {"kind": "dog", "good": True},
    "undeclared": "extra properties are allowed",
}


def test_problem_accepts_a_valid_instance() -> None:
    assert examples.problem(VALID_ORDER, Named("Order", "model"), DEFINITIONS) is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"qty": None}, "must be an integer"),
        ({"qty": "3"}, "must be an integer"),
        ({"qty": True}, "must be an integer"),
        ({"status": 1}, "must be a str"),
        ({"level": "high"}, "must be a int"),
        ({"pet": {"kind": "cow"}}, "matches no variant"),
        ({"tags": "a,b"}, "must be an array"),
        ({"tags": ["a", 2]}, "tags[1] must be a string"),
        ({"extra": []}, "must be an object"),
        ({"at": "2026-01-02T03:04:05.000Z"}, "canonical"),
        ({"at": "yesterday"}, "canonical"),
        ({"on": "2026-1-2"}, "not a date"),
        ({"price": "1.5"}, "must be a number"),
    ],
)
def test_problem_explains_an_invalid_instance(change: dict[str, Any], expected: str) -> None:
    found = examples.problem({**VALID_ORDER, **change}, Named("Order", "model"), DEFINITIONS)
    assert found is not None and expected in found, found


def test_problem_names_a_missing_required_property() -> None:
    value = {k: v for k, v in VALID_ORDER.items() if k != "qty"}
    found = examples.problem(value, Named("Order", "model"), DEFINITIONS)
    assert found is not None and "'qty'" in found and "required" in found


def test_problem_names_the_path_of_a_nested_problem() -> None:
    value = {**VALID_ORDER, "pet": {"kind": "cat", "lives": "nine"}}
    found = examples.problem(value, Named("Order", "model"), DEFINITIONS)
    assert found is not None and "lives" in found


def test_problem_with_non_object_for_a_model() -> None:
    found = examples.problem([1], Named("Order", "model"), DEFINITIONS)
    assert found is not None and "Order" in found


@pytest.mark.parametrize(
    ("value", "type_"),
    [
        (None, Nullable(Primitive("int"))),
        (1, Primitive("float")),
        ("anything", ANY),
        ({"a": [1, None]}, ANY),
        ("dog", LiteralOf(("cat", "dog"))),
        (2, UnionOf((Primitive("str"), Primitive("int")))),
        ({"a": 1}, MapOf(Primitive("int"))),
        ("2026-01-02", Primitive("date")),
        ("2026-01-02T03:04:05+02:00", Primitive("datetime")),
        ("2026-01-02T03:04:05.123000Z", Primitive("datetime")),
    ],
)
def test_problem_accepts(value: Any, type_: TypeRef) -> None:
    assert examples.problem(value, type_, DEFINITIONS) is None


@pytest.mark.parametrize(
    ("value", "type_"),
    [
        (None, Primitive("int")),
        (1.5, Primitive("int")),
        (1, Primitive("bool")),
        ("x", LiteralOf(("cat",))),
        ({"a": "1"}, MapOf(Primitive("int"))),
        ("2026-01-02T03:04:05+00:00", Primitive("datetime")),
        ("2026-01-02T03:04:05.123Z", Primitive("datetime")),
        ("2026-01-02", Primitive("datetime")),
        ("20260102", Primitive("date")),
    ],
)
def test_problem_rejects(value: Any, type_: TypeRef) -> None:
    assert examples.problem(value, type_, DEFINITIONS) is not None


@pytest.mark.parametrize(("value", "literal"), [(1, True), (True, 1), (0, False)])
def test_problem_does_not_confuse_booleans_and_integers_in_literals(
    value: Any, literal: str | int | bool
) -> None:
    assert examples.problem(value, LiteralOf((literal,)), DEFINITIONS) is not None


@pytest.mark.parametrize(
    "text",
    [
        "2026-01-02T03:04:05Z",
        "2026-01-02T03:04:05.000Z",
        "2026-01-02T03:04:05+00:00",
        "2026-01-02T03:04:05-00:00",
        "2026-01-02T03:04:05.5Z",
        "2026-01-02T03:04:05.123000Z",
        "2026-01-02T03:04:05",
        "2026-01-02T03:04:05+02:00",
        "2026-01-02T03:04Z",
        "2026-01-02T03:04:05.000000000Z",  # RFC 3339 allows any fractional precision
        "2026-01-02T03:04:05.123456789+05:30",
        "2026-01-02t03:04:05.5z",  # and a lower-case t and z
    ],
)
def test_date_time_canonical_form_matches_pydantic(text: str) -> None:
    pydantic = pytest.importorskip("pydantic")
    import datetime

    adapter = pydantic.TypeAdapter(datetime.datetime)
    dumped = adapter.dump_python(adapter.validate_python(text), mode="json")
    assert examples.canonical_datetime(text) == dumped
    assert (examples.problem(text, Primitive("datetime"), {}) is None) == (dumped == text)


# -- synthesise ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "type_",
    [
        Primitive("str"),
        Primitive("str", "uuid"),
        Primitive("str", "date-time"),
        Primitive("int"),
        Primitive("float"),
        Primitive("bool"),
        Primitive("datetime", "date-time"),
        Primitive("date", "date"),
        Primitive("bytes", "binary"),
        ANY,
        LiteralOf(("b", "a")),
        LiteralOf((3,)),
        Nullable(Primitive("int")),
        ListOf(Primitive("str")),
        ListOf(ListOf(Named("Cat", "model"))),
        MapOf(Primitive("int")),
        MapOf(Named("Dog", "model")),
        UnionOf((Primitive("int"), Primitive("str"))),
        Named("Pet", "alias"),
        Named("Status", "enum"),
        Named("Level", "enum"),
        Named("Order", "model"),
        Named("Node", "model"),
        Named("Odd", "model"),
        Named("Even", "model"),
        ListOf(Named("Node", "model")),
        Nullable(Named("Order", "model")),
    ],
    ids=repr,
)
def test_synthesised_instances_pass_problem(type_: TypeRef) -> None:
    sample = examples.synthesise(type_, DEFINITIONS)
    assert examples.problem(sample, type_, DEFINITIONS) is None, sample


def test_synthesised_model_fills_every_field_and_picks_the_first_literal() -> None:
    sample = examples.synthesise(Named("Order", "model"), DEFINITIONS)
    assert set(sample) == {f.wire_name for f in ORDER.fields}
    assert sample["status"] == "open"
    assert sample["pet"]["kind"] == "cat"
    assert examples.synthesise(LiteralOf(("b", "a")), {}) == "b"


def test_synthesised_recursive_model_is_finite() -> None:
    sample = examples.synthesise(Named("Node", "model"), DEFINITIONS)
    depth = 0
    while isinstance(sample, dict) and "parent" in sample:
        sample = sample["parent"]
        depth += 1
    assert 0 < depth <= examples.MAX_DEPTH + 1


def test_synthesise_required_nullable_self_reference() -> None:
    node = model("Chain", field("prev", Nullable(Named("Chain", "model")), True))
    definitions_ = {"Chain": node}
    sample = examples.synthesise(Named("Chain", "model"), definitions_)
    assert examples.problem(sample, Named("Chain", "model"), definitions_) is None


def test_every_definition_of_a_built_spec_synthesises_a_valid_instance(tmp_path: Path) -> None:
    schemas = {
        "Cat": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "cat"}}},
        "Dog": {
            "type": "object",
            "required": ["kind", "born"],
            "properties": {
                "kind": {"type": "string", "enum": ["dog"]},
                "born": {"type": "string", "format": "date"},
            },
        },
        "Pet": {"oneOf": [ref("Cat"), ref("Dog")], "discriminator": {"propertyName": "kind"}},
        "Owner": {
            "type": "object",
            "required": ["pets", "since"],
            "properties": {
                "pets": {"type": "array", "items": ref("Pet")},
                "since": {"type": "string", "format": "date-time"},
                "status": {"type": ["string", "null"], "enum": ["active", "gone", None]},
                "best": {"oneOf": [ref("Pet"), {"type": "null"}]},
                "scores": {"type": "object", "additionalProperties": {"type": "number"}},
                "friend": ref("Owner"),
                "address": {"type": "object", "properties": {"line-1": {"type": "string"}}},
            },
        },
    }
    api, _ = build(tmp_path, openapi(schemas))
    defs = definitions(api)
    assert {"Cat", "Dog", "Pet", "Owner"} <= set(defs)
    for name, definition in defs.items():
        kind = (
            "model"
            if isinstance(definition, Model)
            else "enum"
            if isinstance(definition, Enum)
            else "alias"
        )
        type_ = Named(name, kind)
        sample = examples.synthesise(type_, defs)
        assert examples.problem(sample, type_, defs) is None, (name, sample)


def test_a_tagged_union_value_is_its_tag_s_member() -> None:
    """Where tags are plain strings, a value is checked against (and built as) the member its
    tag picks, not the first member that accepts it; a sample carries its member's tag."""
    attach, detach = Named("Attach", "model"), Named("Detach", "model")
    tag = field("type", Primitive("str"), True)
    defs: dict[str, Definition] = {
        "Attach": model("Attach", tag, field("droplet", Primitive("int"))),
        "Detach": model("Detach", tag, field("volume", Primitive("str"))),
    }
    tags = (("attach", attach), ("reattach", attach), ("detach", detach))
    union = UnionOf((attach, detach), dispatch=TagDispatch("type", "type", tags))
    assert examples.synthesise(union, defs) == {"type": "attach", "droplet": 1}
    assert examples.problem({"type": "reattach", "droplet": 2}, union, defs) is None
    mismatch = examples.problem({"type": "attach", "droplet": "x", "volume": "v"}, union, defs)
    assert mismatch == "the example.droplet must be an integer"
    unknown = examples.problem({"type": "resize"}, union, defs)
    assert unknown == "the example must have 'type' set to one of ['attach', 'reattach', 'detach']"
    assert examples.problem("attach", union, defs) is not None
    built = pytypes.python_value({"type": "detach"}, union, defs)
    assert built == 'Detach.model_validate({"type": "detach"})'


@pytest.mark.parametrize(
    "stamp",
    [
        "2025-10-31T13:30:00.000000000Z",
        "2025-10-31T13:30:00.123456789-04:00",
        "2025-10-31t13:30:00.1z",
        "2025-10-31T13:30:00.25-00:00",
    ],
)
def test_a_valid_rfc3339_example_is_used_in_canonical_form(tmp_path: Path, stamp: str) -> None:
    """No example.mismatch for a valid RFC 3339 date-time of any precision: the example is
    used as the SDK writes it back (microseconds at most, UTC as Z)."""
    schema = {
        "type": "object",
        "properties": {
            "at": {"type": "string", "format": "date-time"},
            "history": {
                "type": "array",
                "items": {"type": ["string", "null"], "format": "date-time"},
            },
        },
    }
    example = {"at": stamp, "history": [stamp, None]}
    operation = {
        "operationId": "get_event",
        "responses": {"200": json_response(schema, example=example)},
    }
    api, diagnostics = build(tmp_path, openapi(paths={"/event": {"get": operation}}))
    assert not [d for d in diagnostics if d.code == "example.mismatch"], diagnostics
    (op,) = api.operations
    canonical = examples.canonical_datetime(stamp)
    assert canonical is not None and canonical != stamp
    assert op.success.example == {"at": canonical, "history": [canonical, None]}


@pytest.mark.parametrize("stamp", ["2025-10-31 13:30:00Z", "2025-10-31T25:30:00Z", "yesterday"])
def test_an_invalid_date_time_example_is_still_reported(tmp_path: Path, stamp: str) -> None:
    schema = {"type": "object", "properties": {"at": {"type": "string", "format": "date-time"}}}
    operation = {
        "operationId": "get_event",
        "responses": {"200": json_response(schema, example={"at": stamp})},
    }
    _, diagnostics = build(tmp_path, openapi(paths={"/event": {"get": operation}}))
    assert [d.code for d in diagnostics if d.code == "example.mismatch"] == ["example.mismatch"]
