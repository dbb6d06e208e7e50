"""The neutral IR decides no Python name; the Python naming step decides every one.

`sdkwright.ir.build.build_api` keeps wire names, keys and where names come from;
`sdkwright.targets.python.naming.step.name_api` turns that Api into the one templates read.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from sdkwright.diagnostics import Level
from sdkwright.ir.build import build_api
from sdkwright.ir.names import ComponentOrigin, DefinitionName, InlineOrigin, Term, words
from sdkwright.ir.nodes import Api, Enum, ListOf, Model, Named, UnionOf
from sdkwright.targets.python.naming.step import NamingOptions, name_api
from spec_helpers import codes, json_response, load, openapi, ref

KEYWORDS = {
    "type": "object",
    "required": ["class"],
    "properties": {
        "class": {"type": "string"},
        "from": {"type": "string", "enum": ["a-b", "a_b"]},
        "lines": {"type": "array", "items": {"type": "object", "properties": {"x": {}}}},
    },
}
PATHS = {
    "/things/{id}": {
        "post": {
            "operationId": "cancelPositionInstruction",
            "tags": ["Position Instructions"],
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "page-token", "in": "query", "schema": {"type": "string"}},
                {"name": "timeout", "in": "header", "schema": {"type": "integer"}},
            ],
            "requestBody": {"content": {"application/json": {"schema": ref("Keywords")}}},
            "responses": {"200": json_response({"type": "object", "properties": {"ok": {}}})},
        }
    }
}
SPEC = openapi({"Keywords": KEYWORDS}, PATHS)
OPTIONS = NamingOptions(package="pkg", client_name="Pkg")


def neutral(tmp_path: Path, spec: dict[str, Any] = SPEC) -> Api:
    api, diagnostics = build_api(load(tmp_path, spec))
    assert codes(diagnostics, Level.ERROR) == []
    return api


def test_words_are_the_neutral_split_of_any_spelling() -> None:
    assert words("cancelPositionInstruction") == ("cancel", "Position", "Instruction")
    assert words("x-rate-limit") == ("x", "rate", "limit")
    assert words("+1") == ("plus", "1")


def test_the_neutral_ir_holds_keys_and_wire_names_and_no_identifier(tmp_path: Path) -> None:
    api = neutral(tmp_path)
    assert (api.package, api.client_name, api.env_prefix) == ("", "", "")
    by_key = {d.key: d for d in api.definitions}
    keywords = by_key["/components/schemas/Keywords"]
    assert isinstance(keywords, Model)
    assert keywords.name == keywords.key and keywords.module == ""
    assert keywords.origin == ComponentOrigin("Keywords")
    assert [(f.name, f.wire_name) for f in keywords.fields] == [
        ("", "class"),
        ("", "from"),
        ("", "lines"),
    ]
    lines = keywords.fields[2].type
    item_key = "/components/schemas/Keywords/properties/lines/items"
    assert lines == ListOf(Named(item_key, "model"))
    # An inline class's name is made from where it sits, its parent by key: not yet spelled.
    assert by_key[item_key].origin == InlineOrigin(
        (DefinitionName("/components/schemas/Keywords"), Term("lines", "Value"), "Item")
    )
    enum = by_key["/components/schemas/Keywords/properties/from"]
    assert isinstance(enum, Enum) and [m.name for m in enum.members] == ["", ""]
    [group] = api.groups
    assert (group.tag, group.attribute, group.class_name) == ("Position Instructions", "", "")
    [op] = group.operations
    assert op.method_name == "" and {p.name for p in op.parameters} == {""}
    assert [p.wire_name for p in op.parameters] == ["id", "page-token", "timeout"]  # as declared
    assert op.body is not None and {f.name for f in op.body.fields or ()} == {""}


def test_the_naming_step_names_everything_the_templates_print(tmp_path: Path) -> None:
    api, diagnostics = name_api(neutral(tmp_path), OPTIONS)
    assert codes(diagnostics) == []
    assert (api.package, api.client_name, api.env_prefix) == ("pkg", "Pkg", "PKG")
    assert api.components is None and api.tags == ()
    assert sorted(d.name for d in api.definitions) == [
        "CancelPositionInstructionResponse",
        "Keywords",
        "KeywordsFrom",
        "KeywordsLinesItem",
    ]
    keywords = next(d for d in api.definitions if d.name == "Keywords")
    assert isinstance(keywords, Model) and keywords.module == "keywords"
    assert [f.name for f in keywords.fields] == ["class_", "from_", "lines"]
    assert keywords.key == "/components/schemas/Keywords"  # the key stays: stable
    enum = next(d for d in api.definitions if isinstance(d, Enum))
    assert [m.name for m in enum.members] == ["A_DASH_B", "A_B"]
    [group] = api.groups
    assert (group.attribute, group.class_name, group.module) == (
        "position_instructions",
        "PositionInstructions",
        "position_instructions",
    )
    [op] = group.operations
    assert op.method_name == "cancel_position_instruction"
    # Body fields first, then parameters clear of them and of the call options (`timeout`).
    assert op.body is not None and [f.name for f in op.body.fields or ()] == [
        "class_",
        "from_",
        "lines",
    ]
    assert [p.name for p in op.parameters] == ["id", "page_token", "header_timeout"]


def test_naming_leaves_the_neutral_api_as_it_was(tmp_path: Path) -> None:
    """A second target names the same neutral Api: the Python step must not change it."""
    api = neutral(tmp_path)
    before = repr(api)
    first, _ = name_api(api, OPTIONS)
    second, _ = name_api(api, NamingOptions(package="other", client_name="Other"))
    assert repr(api) == before
    assert first.definitions == second.definitions
    assert (first.client_name, second.client_name) == ("Pkg", "Other")


def test_nothing_named_is_left_with_a_key(tmp_path: Path) -> None:
    """Every reference the named Api holds is a class name the Api defines."""
    api, _ = name_api(neutral(tmp_path), OPTIONS)
    defined = {d.name for d in api.definitions}
    found: set[str] = set()
    _collect_named(api, found)
    assert found and found <= defined, found - defined


def _collect_named(value: object, found: set[str]) -> None:
    if isinstance(value, Named):
        found.add(value.name)
    elif isinstance(value, tuple | list):
        for item in value:
            _collect_named(item, found)
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            _collect_named(getattr(value, field.name), found)


def _variant(tag: str, extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["objectType"],
        "properties": {"objectType": {"const": tag}, **extra},
    }


def _two_variants(declared: bool) -> dict[str, Any]:
    """B's tag property `objectType` is `object_type_` in Python: B also has `object_type`."""
    union: dict[str, Any] = {"oneOf": [ref("A"), ref("B")]}
    if declared:
        union["discriminator"] = {"propertyName": "objectType"}
    return openapi(
        {
            "A": _variant("a", {}),
            "B": _variant("b", {"object_type": {"type": "string"}}),
            "U": union,
        }
    )


def test_a_tag_with_two_python_names_is_no_discriminator(tmp_path: Path) -> None:
    """The IR finds the tag property; pydantic needs one attribute name: the step checks."""
    spec = _two_variants(declared=False)
    raw = next(d for d in neutral(tmp_path, spec).definitions if d.key.endswith("/U"))
    assert isinstance(raw.type, UnionOf) and raw.type.tag_properties == ("objectType",)
    api, diagnostics = name_api(neutral(tmp_path, spec), OPTIONS)
    union = next(d for d in api.definitions if d.name == "U")
    b = next(d for d in api.definitions if d.name == "B")
    assert isinstance(b, Model)
    assert {f.wire_name: f.name for f in b.fields}["objectType"] == "object_type_"
    assert isinstance(union.type, UnionOf) and union.type.discriminator == ""
    assert codes(diagnostics) == []  # nothing was declared: a plain union is no loss


def test_a_declared_tag_with_two_python_names_warns(tmp_path: Path) -> None:
    api, diagnostics = name_api(neutral(tmp_path, _two_variants(declared=True)), OPTIONS)
    union = next(d for d in api.definitions if d.name == "U")
    assert isinstance(union.type, UnionOf)
    assert (union.type.discriminator, union.type.dispatch) == ("", None)
    [warning] = [d for d in diagnostics if d.code == "schema.discriminator"]
    assert "its Python name differs between the variants (object_type, object_type_)" in (
        warning.message
    )
    assert warning.location is not None
    assert warning.location.pointer == "/components/schemas/U/discriminator"


def test_a_tag_with_one_python_name_is_the_discriminator(tmp_path: Path) -> None:
    spec = openapi(
        {"A": _variant("a", {}), "B": _variant("b", {}), "U": {"oneOf": [ref("A"), ref("B")]}}
    )
    api, _ = name_api(neutral(tmp_path, spec), OPTIONS)
    union = next(d for d in api.definitions if d.name == "U")
    assert isinstance(union.type, UnionOf) and union.type.discriminator == "object_type"


def test_an_example_mismatch_names_the_schema_as_the_spec_does(tmp_path: Path) -> None:
    """Examples are checked on the neutral IR, where a definition's name is its key: the
    message names the component ('order_item'), not its JSON pointer."""
    paths = {
        "/items": {
            "get": {
                "operationId": "getItem",
                "responses": {"200": json_response(ref("order_item"), example="not an object")},
            }
        }
    }
    spec = openapi({"order_item": {"type": "object", "properties": {"id": {}}}}, paths)
    _, diagnostics = build_api(load(tmp_path, spec))
    [mismatch] = [d for d in diagnostics if d.code == "example.mismatch"]
    assert "(the example must be an object (order_item))" in mismatch.message
