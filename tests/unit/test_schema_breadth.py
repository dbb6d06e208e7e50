"""Schema constructs end to end: small inline specs -> generated models, imported, with data
validated through them (issue #3, the schema half).

Each test builds the IR from a spec, renders the SDK in memory, writes it to a temporary
folder, imports its `types` and checks what users meet: the Python types, what they accept
and reject, what they dump back, and the diagnostics for what could not be kept precise.
One test type-checks a generated package with `mypy --strict`.
"""

from __future__ import annotations

import datetime
import importlib
import json
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
import pytest
from sdkwright.api import load_and_validate
from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir.nodes import Alias, Api, Enum, LiteralOf, Model, UnionOf
from sdkwright.targets.python import pytypes
from sdkwright.targets.python.naming.step import NamingOptions, build_named_api
from sdkwright.targets.python.render import render_sdk
from shared_run import warm_mypy_cache
from spec_helpers import openapi, ref, write_spec

GITHUB = (
    Path(__file__).resolve().parents[3] / "shared" / "specs" / "github-api.github.com-2020.json"
)


@dataclass
class Sdk:
    api: Api
    diagnostics: list[Diagnostic]
    types: ModuleType
    folder: Path

    @property
    def package(self) -> str:
        return self.types.__name__.removesuffix(".types")

    def definition(self, name: str) -> Any:
        return next(d for d in self.api.definitions if d.name == name)

    def warnings(self, code: str) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.code == code and d.level is Level.WARNING]


_packages: list[str] = []


@pytest.fixture
def generate(tmp_path: Path) -> Iterator[Any]:
    """generate(spec) -> Sdk: the spec's SDK, rendered, written and imported (then forgotten)."""
    folders: list[Path] = []

    def run(spec: dict[str, Any], files: dict[str, Any] | None = None) -> Sdk:
        package = f"breadth{len(_packages)}"
        _packages.append(package)
        work = tmp_path / package
        for name, content in (files or {}).items():
            write_spec(work, content, name)
        specs, diagnostics = load_and_validate(write_spec(work, spec))
        assert specs is not None, [d.render() for d in diagnostics]
        api, built = build_named_api(specs, NamingOptions(package=package, client_name="Breadth"))
        diagnostics += built
        assert not [d for d in diagnostics if d.level is Level.ERROR], diagnostics
        for path, text in render_sdk(api).items():
            target = work / "sdk" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        folders.append(work / "sdk")
        sys.path.insert(0, str(work / "sdk"))
        importlib.invalidate_caches()
        return Sdk(api, diagnostics, importlib.import_module(f"{package}.types"), work / "sdk")

    yield run
    for folder in folders:
        sys.path.remove(str(folder))
    for name in [m for m in sys.modules if m.split(".")[0] in _packages]:
        del sys.modules[name]


def obj(properties: dict[str, Any], *required: str, **extra: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties, **extra}
    if required:
        schema["required"] = list(required)
    return schema


def dump(value: pydantic.BaseModel) -> Any:
    return value.model_dump(mode="json", by_alias=True, exclude_unset=True)


def adapter(type_: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(type_)


# -- null --------------------------------------------------------------------------------------


def test_nullable_in_every_spelling_is_optional_none_not_a_union_class(generate: Any) -> None:
    thing = obj(
        {
            "by_type_list": {"type": ["string", "null"]},
            "by_null_member": {"oneOf": [{"type": "integer"}, {"type": "null"}]},
            "by_nested_null": {
                "anyOf": [{"type": "string"}, {"anyOf": [ref("Pet"), {"type": "null"}]}]
            },
            "by_ref": {"anyOf": [ref("Pet"), {"type": "null"}]},
        },
        "by_type_list",
        "by_null_member",
        "by_nested_null",
        "by_ref",
    )
    sdk = generate(openapi({"Thing": thing, "Pet": obj({"name": {"type": "string"}})}))
    assert {d.name for d in sdk.api.definitions} == {"Thing", "Pet"}
    value = sdk.types.Thing.model_validate(
        {"by_type_list": None, "by_null_member": None, "by_nested_null": None, "by_ref": None}
    )
    assert value.by_type_list is None and value.by_nested_null is None
    assert sdk.types.Thing.model_validate(
        {"by_type_list": "x", "by_null_member": 3, "by_nested_null": {"name": "a"}, "by_ref": {}}
    ).by_nested_null == sdk.types.Pet(name="a")
    with pytest.raises(pydantic.ValidationError):
        sdk.types.Thing.model_validate({"by_type_list": None, "by_null_member": None})


def test_a_union_that_lists_itself_means_the_same_without_itself(generate: Any) -> None:
    """`E = int | E | str` is E = int | str; mypy rejects the alias as written."""
    either = {"anyOf": [{"type": "integer"}, {"oneOf": [ref("Either"), {"type": "string"}]}]}
    sdk = generate(openapi({"Either": either}))
    (definition,) = sdk.api.definitions
    assert [pytypes.annotation(m) for m in definition.type.members] == ["int", "str"]
    assert adapter(sdk.types.Either).validate_python("a") == "a"


def test_openapi_3_0_nullable_and_a_nullable_component(generate: Any) -> None:
    spec = openapi(
        {
            "Pet": obj({"name": {"type": "string"}}, nullable=True),
            "Owner": obj(
                {"pet": ref("Pet"), "age": {"type": "integer", "nullable": True}}, "pet", "age"
            ),
        },
        version="3.0.3",
    )
    sdk = generate(spec)
    owner = sdk.types.Owner.model_validate({"pet": None, "age": None})
    assert owner.pet is None and owner.age is None
    assert dump(owner) == {"pet": None, "age": None}


def test_a_nullable_model_component_in_one_of_form_is_its_own_class(generate: Any) -> None:
    pet = {"oneOf": [obj({"name": {"type": "string"}}, "name"), {"type": "null"}]}
    sdk = generate(openapi({"Pet": pet, "Home": obj({"pet": ref("Pet")}, "pet")}))
    assert isinstance(sdk.definition("Pet"), Model)
    assert sdk.types.Home.model_validate({"pet": None}).pet is None
    assert sdk.types.Home.model_validate({"pet": {"name": "Rex"}}).pet == sdk.types.Pet(name="Rex")


# -- allOf, unions, discriminators ---------------------------------------------------------------


def test_all_of_merges_its_parts_into_one_model(generate: Any) -> None:
    dog = {"allOf": [ref("Animal"), obj({"barks": {"type": "boolean"}}, "barks")]}
    sdk = generate(openapi({"Animal": obj({"name": {"type": "string"}}, "name"), "Dog": dog}))
    dog_class = sdk.types.Dog
    assert set(dog_class.model_fields) == {"name", "barks"}
    assert dump(dog_class.model_validate({"name": "Rex", "barks": True})) == {
        "name": "Rex",
        "barks": True,
    }
    with pytest.raises(pydantic.ValidationError):
        dog_class.model_validate({"barks": True})


def test_all_of_reads_fields_through_a_one_member_one_of(generate: Any) -> None:
    account = obj({"id": {"type": "integer"}}, "id")
    enriched = {"allOf": [{"oneOf": [account]}, obj({"phone": {"type": "string"}})]}
    sdk = generate(openapi({"Enriched": enriched}))
    assert set(sdk.types.Enriched.model_fields) == {"id", "phone"}
    assert sdk.types.Enriched.model_validate({"id": 3, "phone": "1"}).id == 3
    with pytest.raises(pydantic.ValidationError):
        sdk.types.Enriched.model_validate({"phone": "1"})
    assert not sdk.warnings("schema.unsupported")


def test_all_of_with_a_union_part_warns_that_its_variants_stay_untyped(generate: Any) -> None:
    variants = {
        "oneOf": [obj({"a": {"type": "string"}}, "a"), obj({"b": {"type": "integer"}}, "b")]
    }
    sdk = generate(openapi({"Mixed": {"allOf": [variants, obj({"c": {"type": "string"}})]}}))
    [warning] = sdk.warnings("schema.unsupported")
    assert warning.location.pointer == "/components/schemas/Mixed/allOf/0"
    assert dump(sdk.types.Mixed.model_validate({"a": "x", "c": "y"})) == {"a": "x", "c": "y"}


def _shapes(tag: str, discriminator: bool) -> dict[str, Any]:
    shape: dict[str, Any] = {"oneOf": [ref("Circle"), ref("Square")]}
    if discriminator:
        shape["discriminator"] = {"propertyName": tag}
    return {
        "Shape": shape,
        "Circle": obj({tag: {"const": "circle"}, "radius": {"type": "number"}}, tag),
        "Square": obj(
            {tag: {"type": "string", "enum": ["square"]}, "side": {"type": "number"}}, tag
        ),
    }


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "found by its const tags"])
def test_discriminated_unions_dispatch_on_the_tag_by_its_python_name(
    generate: Any, declared: bool
) -> None:
    sdk = generate(openapi(_shapes("shape-type", declared)))
    shape = sdk.definition("Shape")
    assert isinstance(shape, Alias) and isinstance(shape.type, UnionOf)
    assert (shape.type.discriminator, shape.type.dispatch) == ("shape_type", None)
    shapes = adapter(sdk.types.Shape)
    square = shapes.validate_python({"shape-type": "square", "side": 2})
    assert isinstance(square, sdk.types.Square)
    assert shapes.dump_python(square, mode="json", by_alias=True, exclude_unset=True) == {
        "shape-type": "square",
        "side": 2,
    }
    with pytest.raises(pydantic.ValidationError, match="union_tag_invalid"):
        shapes.validate_python({"shape-type": "hexagon"})


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "found by its const tags"])
def test_a_variant_referring_back_to_its_union_keeps_its_constant_tag(
    generate: Any, declared: bool
) -> None:
    """Circle is still being built when its field `parent` meets Shape (which is defined
    from there): its constant tag, "" here, is known only once Circle is complete."""
    schemas = _shapes("kind", declared)
    schemas["Circle"]["properties"]["kind"] = {"const": ""}
    schemas["Circle"]["properties"]["parent"] = ref("Shape")
    # Circle comes first, so it is converted before the union that names it.
    sdk = generate(openapi({"Circle": schemas.pop("Circle"), **schemas}))
    shape = sdk.definition("Shape")
    assert (shape.type.discriminator, shape.type.dispatch) == ("kind", None)
    circle = adapter(sdk.types.Shape).validate_python({"kind": "", "radius": 1})
    assert isinstance(circle, sdk.types.Circle)


def test_no_discriminator_when_two_variants_share_a_tag_value(generate: Any) -> None:
    schemas = _shapes("kind", False)
    schemas["Square"]["properties"]["kind"] = {"const": "circle"}
    sdk = generate(openapi(schemas))
    assert sdk.definition("Shape").type.discriminator == ""


# A declared discriminator whose tags are plain strings: pydantic is told each member's tags.


def _action(**properties: Any) -> dict[str, Any]:
    """A variant whose tag `type` is a plain string: as far as its fields go, every such
    variant accepts every other's data (so only the tag tells them apart)."""
    return obj({"type": {"type": "string"}, **properties}, "type")


def _tagged(variants: list[str], mapping: dict[str, str] | None = None) -> dict[str, Any]:
    discriminator: dict[str, Any] = {"propertyName": "type"}
    if mapping is not None:
        discriminator["mapping"] = mapping
    return {"oneOf": [ref(v) for v in variants], "discriminator": discriminator}


def test_a_declared_discriminator_over_plain_string_tags_dispatches_by_tag(generate: Any) -> None:
    """Tags from a mapping whose values are a file relative to the document that holds the
    discriminator, a pointer into another file, a pointer into its own file and a bare
    component name; a variant the mapping leaves out is tagged with its component name; two
    tags may pick one variant."""
    files = {
        "schemas/actions.json": {
            "Actions": {
                "oneOf": [
                    {"$ref": "attach.json"},
                    {"$ref": "../openapi.json#/components/schemas/Detach"},
                    {"$ref": "more.json#/resize"},
                    {"$ref": "../openapi.json#/components/schemas/Rename"},
                    {"$ref": "#/snapshot"},
                ],
                "discriminator": {
                    "propertyName": "type",
                    "mapping": {
                        "attach": "attach.json",
                        "reattach": "attach.json",
                        "detach": "Detach",
                        "resize": "more.json#/resize",
                        "snapshot": "#/snapshot",
                    },
                },
            },
            "snapshot": _action(label={"type": "string"}),
        },
        "schemas/attach.json": _action(droplet_id={"type": "integer"}),
        "schemas/more.json": {"resize": _action(size={"type": "integer"})},
    }
    schemas = {
        "Volume": obj({"last_action": {"$ref": "schemas/actions.json#/Actions"}}),
        "Detach": _action(),
        "Rename": _action(name={"type": "string"}),
    }
    sdk = generate(openapi(schemas), files)
    actions = sdk.definition("Actions").type
    assert isinstance(actions, UnionOf) and actions.discriminator == ""
    assert actions.dispatch is not None
    tags = [
        ("attach", "Attach"),
        ("reattach", "Attach"),
        ("detach", "Detach"),
        ("resize", "Resize"),
        ("Rename", "Rename"),
        ("snapshot", "Snapshot"),
    ]
    assert [(tag, pytypes.annotation(m)) for tag, m in actions.dispatch.tags] == tags
    assert (actions.dispatch.key, actions.dispatch.attribute) == ("type", "type_")
    assert not sdk.warnings("schema.discriminator")
    union = adapter(sdk.types.Actions)
    for tag, class_name in tags:
        data = {"type": tag}
        value = union.validate_python(data)  # a plain union would take the first variant
        assert type(value) is getattr(sdk.types, class_name), tag
        assert union.dump_python(value, mode="json", by_alias=True, exclude_unset=True) == data
    volume = sdk.types.Volume.model_validate({"last_action": {"type": "detach"}})
    assert isinstance(volume.last_action, sdk.types.Detach)
    built = union.validate_python(sdk.types.Resize(type_="resize", size=3))  # by its attribute
    assert type(built) is sdk.types.Resize
    with pytest.raises(pydantic.ValidationError, match="union_tag_invalid"):
        union.validate_python({"type": "hexagon"})
    with pytest.raises(pydantic.ValidationError, match="union_tag_not_found"):
        union.validate_python({"size": 3})


def test_a_variant_left_out_of_the_mapping_is_tagged_with_its_constant_tag(generate: Any) -> None:
    """Spotify's tracks and episodes: no mapping, tag properties that are constants but not
    all required (so pydantic cannot read them as `Literal` fields). Data holds the constant,
    never the component name."""
    schemas = {
        "Item": _tagged(["TrackObject", "EpisodeObject", "Chapter"], {"chapter": "Chapter"}),
        "TrackObject": obj({"type": {"type": "string", "enum": ["track"]}}),
        "EpisodeObject": obj({"type": {"const": "episode"}, "show": {"type": "string"}}, "type"),
        "Chapter": obj({"type": {"const": "chapter"}}, "type"),
    }
    sdk = generate(openapi(schemas))
    dispatch = sdk.definition("Item").type.dispatch
    assert [(tag, pytypes.annotation(m)) for tag, m in dispatch.tags] == [
        ("track", "TrackObject"),
        ("episode", "EpisodeObject"),
        ("chapter", "Chapter"),
    ]
    union = adapter(sdk.types.Item)
    assert type(union.validate_python({"type": "track"})) is sdk.types.TrackObject
    assert type(union.validate_python({"type": "episode", "show": "s"})) is sdk.types.EpisodeObject
    with pytest.raises(pydantic.ValidationError, match="union_tag_invalid"):
        union.validate_python({"type": "TrackObject"})


def test_a_tag_mapped_to_a_schema_that_one_variant_extends_picks_that_variant(
    generate: Any,
) -> None:
    """DigitalOcean's image actions: `convert` maps to the base schema (here not a variant)
    that the Convert variant extends with allOf; the tag field is an enum class there."""
    base = obj({"type": {"type": "string", "enum": ["convert", "transfer"]}}, "type")
    schemas = {
        "ImageAction": _tagged(
            ["Convert", "Transfer"],
            {"convert": "#/components/schemas/Base", "transfer": "#/components/schemas/Transfer"},
        ),
        "Base": base,
        "Convert": {"allOf": [ref("Base"), obj({"keep": {"type": "boolean"}})]},
        "Transfer": _action(region={"type": "string"}),
    }
    sdk = generate(openapi(schemas))
    dispatch = sdk.definition("ImageAction").type.dispatch
    assert [(tag, pytypes.annotation(m)) for tag, m in dispatch.tags] == [
        ("convert", "Convert"),
        ("transfer", "Transfer"),
    ]
    assert not sdk.warnings("schema.discriminator")
    union = adapter(sdk.types.ImageAction)
    assert type(union.validate_python({"type": "convert"})) is sdk.types.Convert
    assert type(union.validate_python({"type": "transfer"})) is sdk.types.Transfer
    tag_enum = type(sdk.types.Convert.model_validate({"type": "convert"}).type_)
    built = sdk.types.Convert(type_=tag_enum("convert"), keep=True)  # an enum member as the tag
    assert union.validate_python(built) is built


@pytest.mark.parametrize(
    ("extended_by", "target", "reason"),
    [
        (["A", "B"], "#/components/schemas/Base", "several extend it (A, B)"),
        ([], "#/components/schemas/Base", "no variant extends it"),
        ([], "#/components/schemas/Missing", "cannot be found"),
        ([], "missing.json", "cannot be found"),
    ],
    ids=["two variants extend it", "none extends it", "no such schema", "no such file"],
)
def test_a_tag_whose_schema_picks_no_single_variant_warns_and_keeps_the_plain_union(
    generate: Any, extended_by: list[str], target: str, reason: str
) -> None:
    schemas = {
        "Action": _tagged(["A", "B"], {"a": "#/components/schemas/A", "base": target}),
        "Base": _action(),
        **{
            name: {"allOf": [ref("Base"), obj({name.lower(): {"type": "string"}})]}
            if name in extended_by
            else _action(**{name.lower(): {"type": "string"}})
            for name in ("A", "B")
        },
    }
    sdk = generate(openapi(schemas))
    union = sdk.definition("Action").type
    assert (union.discriminator, union.dispatch) == ("", None)
    [warning] = sdk.warnings("schema.discriminator")
    assert warning.location is not None
    assert warning.location.pointer == "/components/schemas/Action/discriminator/mapping/base"
    assert reason in warning.message and "discriminator 'type' is not used" in warning.message
    assert warning.next_step
    value = adapter(sdk.types.Action).validate_python({"type": "a", "b": "x"})
    assert isinstance(value, sdk.types.A | sdk.types.B)  # the plain union still reads data


def test_a_variant_no_tag_picks_warns_and_keeps_the_plain_union(generate: Any) -> None:
    """An inline variant has no component name to be its implicit tag."""
    action = _tagged(["Attach"])
    action["oneOf"].append(_action(volume={"type": "string"}))
    sdk = generate(openapi({"Action": action, "Attach": _action()}))
    assert sdk.definition("Action").type.dispatch is None
    [warning] = sdk.warnings("schema.discriminator")
    assert warning.location is not None
    assert warning.location.pointer == "/components/schemas/Action/discriminator"
    # The IR, which warns, holds no class names: the variant is named by where it is.
    assert "variant /components/schemas/Action/oneOf/1 has no tag" in warning.message


def test_a_declared_discriminator_over_variants_that_are_not_objects_warns(
    generate: Any,
) -> None:
    action = _tagged(["Attach"])
    action["oneOf"].append({"type": "string"})
    sdk = generate(openapi({"Action": action, "Attach": _action()}))
    union = sdk.definition("Action").type
    assert (union.discriminator, union.dispatch) == ("", None)
    [warning] = sdk.warnings("schema.discriminator")
    assert "not every variant is an object schema" in warning.message


DATE = {"type": "string", "format": "date"}
DATE_TIME = {"type": "string", "format": "date-time"}


def test_union_members_keep_their_values_from_lax_members(generate: Any) -> None:
    schemas = {
        "Flag": {"oneOf": [{"type": "boolean"}, {"type": "string", "enum": ["on", "1"]}]},
        "Count": {"anyOf": [{"type": "integer"}, {"type": "string", "enum": ["x", "5"]}]},
        "When": {
            "anyOf": [
                {"type": "string", "format": "date-time"},
                {"type": "string", "format": "date"},
            ]
        },
        "Stamp": {
            "anyOf": [
                {"type": "string", "format": "date-time"},
                {"type": "integer", "enum": [1, 2]},
            ]
        },
        # A date-time or a date that comes through another union's name: a reader flattens
        # the unions, so the date-time must still tell itself apart from the date.
        "Later": {"anyOf": [{"$ref": "#/components/schemas/Stamp"}, {"type": "number"}, DATE]},
        "Days": {"anyOf": [{"type": "integer"}, DATE]},
        "Sooner": {"anyOf": [{"$ref": "#/components/schemas/Days"}, DATE_TIME]},
        "Kept": {"anyOf": [{"$ref": "#/components/schemas/Stamp"}, {"type": "boolean"}]},
        # Nullable: referred to as `MaybeDays | None`, and written out all the same.
        "MaybeDays": {"anyOf": [{"type": "integer"}, DATE, {"type": "null"}]},
        "Someday": {"anyOf": [{"$ref": "#/components/schemas/MaybeDays"}, DATE_TIME]},
    }
    sdk = generate(openapi(schemas))
    for name, value in [
        ("Flag", "1"),
        ("Flag", True),
        ("Count", "5"),
        ("Count", 5),
        ("When", "2020-01-02"),
        ("When", "2020-01-02T00:00:00Z"),
        ("Stamp", 1),
        ("Stamp", "2020-01-02T03:04:05Z"),
        *[
            (name, v)
            for name in ("Later", "Sooner", "Someday")
            for v in ("2020-01-02", "2020-01-02T00:00:00Z")
        ],
        ("Later", 1),
        ("Later", 2.5),
        ("Sooner", 7),
    ]:
        union = adapter(getattr(sdk.types, name))
        assert union.dump_python(union.validate_python(value), mode="json") == value, (name, value)
    assert isinstance(adapter(sdk.types.When).validate_python("2020-01-02"), datetime.date)
    for name in ("Later", "Sooner", "Someday"):
        assert (
            type(adapter(getattr(sdk.types, name)).validate_python("2020-01-02")) is datetime.date
        )
        # The other union's members written out: the date-time among them is told apart.
        assert "AwareDatetime" in _alias_source(sdk, name)
    assert "Stamp" in _alias_source(sdk, "Kept")  # no date beside it: the name stays


def _alias_source(sdk: Sdk, name: str) -> str:
    """The annotation of the alias `name`, as generated."""
    module = sdk.definition(name).module
    text = (sdk.folder / sdk.package / "types" / f"{module}.py").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith(f"{name}: TypeAlias"))


# -- recursion -----------------------------------------------------------------------------------


def test_reference_cycles_of_any_length_and_unions_in_them_import_in_any_order(
    generate: Any,
) -> None:
    schemas = {
        "A": obj({"b": ref("B")}),
        "B": obj({"c": ref("C"), "tree": ref("Tree")}),
        "C": obj({"a": ref("A")}),
        "Tree": {"anyOf": [{"type": "string"}, {"type": "array", "items": ref("Tree")}, ref("B")]},
        "Holder": obj({"a": ref("A")}),
    }
    sdk = generate(openapi(schemas))
    for name in ("C", "Tree", "B", "A", "Holder"):  # each module imported on its own first
        importlib.import_module(f"{sdk.package}.types.{sdk.definition(name).module}")
    data = {"a": {"b": {"c": {"a": {}}, "tree": ["x", ["y", {"tree": []}]]}}}
    assert dump(sdk.types.Holder.model_validate(data)) == data
    tree = adapter(sdk.types.Tree)
    assert tree.dump_python(tree.validate_python(["a", ["b"]]), mode="json") == ["a", ["b"]]


# -- maps, const, enums, formats ----------------------------------------------------------------


def test_maps_const_and_open_enums(generate: Any) -> None:
    thing = obj(
        {
            "scores": {"type": "object", "additionalProperties": {"type": "integer"}},
            "pets": {"type": "object", "additionalProperties": ref("Pet")},
            "by_pattern": {"type": "object", "patternProperties": {"^x-": {"type": "string"}}},
            "version": {"const": 2},
            "color": {"type": "string", "enum": ["red", "dark-red"]},
            "size": {"type": "integer", "enum": [1, 2]},
            "flag": {"enum": [True]},
        }
    )
    sdk = generate(openapi({"Thing": thing, "Pet": obj({"name": {"type": "string"}})}))
    hints = {name: str(f.annotation) for name, f in sdk.types.Thing.model_fields.items()}
    assert "dict[str, int]" in hints["scores"] and "dict[str, str]" in hints["by_pattern"]
    data = {
        "scores": {"a": 1},
        "pets": {"rex": {"name": "Rex"}},
        "version": 2,
        "color": "dark-red",
        "size": 2,
        "flag": True,
    }
    thing_value = sdk.types.Thing.model_validate(data)
    # Enum fields hold plain values (their Literal's), equal to the enum's members.
    assert type(thing_value.color) is str and type(thing_value.size) is int
    assert thing_value.color == sdk.types.ThingColor.DARK_RED
    assert isinstance(thing_value.pets["rex"], sdk.types.Pet)
    assert dump(thing_value) == data
    # A member, even one made for a value the spec does not list, is taken and sent as its value.
    made = sdk.types.Thing(color=sdk.types.ThingColor("blue"), size=sdk.types.ThingSize(7))
    assert dump(made) == {"color": "blue", "size": 7}
    # A value the spec does not list fails validation (a client's response is then built
    # leniently, with a warning: test_clearstreet_sdk), like any value that breaks the schema.
    for wrong in ({"version": 3}, {"flag": False}, {"size": "big"}, {"color": "blue"}, {"size": 7}):
        with pytest.raises(pydantic.ValidationError):
            sdk.types.Thing.model_validate(wrong)


def test_boolean_and_mixed_enums_are_literals(generate: Any) -> None:
    sdk = generate(openapi({"Off": {"enum": [False]}, "Mixed": {"enum": [1, "one", True]}}))
    assert sdk.definition("Off").type == LiteralOf((False,))
    mixed = adapter(sdk.types.Mixed)
    for value in (1, "one", True):
        assert mixed.dump_python(mixed.validate_python(value), mode="json") == value
    with pytest.raises(pydantic.ValidationError):
        adapter(sdk.types.Off).validate_python(True)


def test_formats(generate: Any) -> None:
    thing = obj(
        {
            "at": {"type": "string", "format": "date-time"},
            "day": {"type": "string", "format": "date"},
            "id": {"type": "string", "format": "uuid"},
            "blob": {"type": "string", "format": "byte"},
            "raw": {"type": "string", "format": "binary"},
            "big": {"type": "integer", "format": "int64"},
            "price": {"type": "string", "format": "decimal"},
        }
    )
    sdk = generate(openapi({"Thing": thing}))
    fields = sdk.types.Thing.model_fields
    expected = {
        "at": datetime.datetime,
        "day": datetime.date,
        "id": str,
        "blob": str,
        "raw": bytes,
        "big": int,
        "price": str,
    }
    for name, type_ in expected.items():
        assert fields[name].annotation == type_ | None, name
    data = {
        "at": "2026-01-02T03:04:05Z",
        "day": "2026-01-02",
        "id": "8a2e0f4c-3d39-4f7a-9a57-9e7c6c0f2b10",
        "blob": "aGk=",
        "big": 2**62,
        "price": "12.50",  # decimal strings stay strings: no float rounding
    }
    assert dump(sdk.types.Thing.model_validate(data)) == data


# -- readOnly, writeOnly, defaults, deprecation ---------------------------------------------------


def test_read_only_write_only_and_defaults(generate: Any) -> None:
    user = obj(
        {
            "id": {"type": "integer", "readOnly": True},
            "password": {"type": "string", "writeOnly": True},
            "role": {"type": "string", "enum": ["admin", "member"], "default": "member"},
            "limit": {"type": "integer", "default": 10},
        },
        "id",
        "password",
    )
    sdk = generate(openapi({"User": user}))
    returned = sdk.types.User.model_validate({"id": 1})  # responses leave password out
    assert returned.password is None and returned.limit == 10
    assert returned.role == sdk.types.UserRole.MEMBER and type(returned.role) is str
    text = (sdk.folder / sdk.package / "types" / "user.py").read_text()
    assert "Write-only" in text and "Read-only" in text


def test_deprecated_schemas_and_fields(generate: Any) -> None:
    legacy = obj(
        {"old": {"type": "string", "deprecated": True}, "new": {"type": "string"}},
        deprecated=True,
        description="A legacy thing.",
    )
    sdk = generate(openapi({"Legacy": legacy}))
    assert "deprecated" in (sdk.types.Legacy.__doc__ or "").lower()
    with pytest.warns(DeprecationWarning, match=r"Legacy\.old is deprecated"):
        sdk.types.Legacy(old="x")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sdk.types.Legacy(new="y")  # other fields do not warn
        assert sdk.types.Legacy.model_validate({"old": "x"}).old == "x"  # nor reading data


# -- wire names ----------------------------------------------------------------------------------


def test_wire_data_is_read_by_wire_names_and_code_uses_python_names(generate: Any) -> None:
    sdk = generate(
        openapi(
            {
                "Thing": obj(
                    {
                        "A": {"type": "integer"},
                        "a": {"type": "string"},
                        "userId": {"type": "integer"},
                    }
                )
            }
        )
    )
    fields = {f.wire_name: f.name for f in sdk.definition("Thing").fields}
    assert fields == {"A": "a_", "a": "a", "userId": "user_id"}
    thing = sdk.types.Thing
    assert dump(thing.model_validate({"a": "x"})) == {"a": "x"}
    assert dump(thing.model_validate({"user_id": 5})) == {"user_id": 5}  # an unknown key
    assert thing.model_validate({"user_id": 5}).user_id is None
    assert dump(thing(a_=1, user_id=2)) == {"A": 1, "userId": 2}


# -- names ---------------------------------------------------------------------------------------


def test_colliding_names_take_context_not_numbers_and_say_so(generate: Any) -> None:
    schemas = {
        "order_item": obj({"a": {"type": "string"}}),
        "OrderItem": obj({"b": {"type": "string"}}),
        "Order": obj({"item": obj({"c": {"type": "string"}})}),
    }
    sdk = generate(openapi(schemas))
    names = {d.name for d in sdk.api.definitions}
    assert not [n for n in names if re.search(r"\d$", n)], names
    assert len(names) == 4
    collisions = sdk.warnings("naming.collision")
    assert collisions and all(d.location.pointer for d in collisions)
    assert any("OrderItem" in d.message for d in collisions)


def test_runtime_names_are_not_class_names(generate: Any) -> None:
    sdk = generate(openapi({"TypeAlias": {"anyOf": [{"type": "integer"}, {"type": "string"}]}}))
    assert {d.name for d in sdk.api.definitions} == {"TypeAliasSchema"}
    [warning] = sdk.warnings("naming.collision")
    assert "types modules import" in warning.message
    assert warning.location.pointer == "/components/schemas/TypeAlias"


def test_a_variant_title_repeating_its_union_name_is_not_repeated(generate: Any) -> None:
    variant = obj({"serial": {"type": "string"}}, title="reader_p400")
    union = {"anyOf": [variant, {"type": "string"}]}
    sdk = generate(openapi({"Terminal": obj({"reader_p400": union})}))
    assert {d.name for d in sdk.api.definitions} == {"Terminal", "TerminalReaderP400"}


def test_schemas_of_other_files_with_one_name_are_told_apart_by_folder(generate: Any) -> None:
    files = {
        f"models/{folder}/address.json": obj({folder: {"type": "string"}})
        for folder in ("billing", "shipping")
    }
    schemas = {
        "Order": obj(
            {
                "billing": {"$ref": "models/billing/address.json"},
                "shipping": {"$ref": "models/shipping/address.json"},
            }
        )
    }
    sdk = generate(openapi(schemas), files)
    assert {d.name for d in sdk.api.definitions} == {"Order", "Address", "ShippingAddress"}
    [warning] = sdk.warnings("naming.collision")
    assert "ShippingAddress" in warning.message and "address.json" in warning.message
    data = {"billing": {"billing": "a"}, "shipping": {"shipping": "b"}}
    order = sdk.types.Order.model_validate(data)
    assert isinstance(order.shipping, sdk.types.ShippingAddress)


def test_names_stay_when_an_unrelated_schema_or_operation_is_added(generate: Any) -> None:
    schemas = {
        "Order": obj(
            {
                "item": obj({"sku": {"type": "string"}}),
                "lines": {"type": "array", "items": obj({"n": {"type": "integer"}})},
            }
        ),
        "OrderItemObject": obj({"x": {"type": "string"}}),
        "Pet": {"oneOf": [obj({"name": {"type": "string"}}), obj({"id": {"type": "integer"}})]},
    }
    paths = {
        "/orders": {
            "get": {
                "operationId": "list_orders",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": obj({"orders": {"type": "array", "items": ref("Order")}})
                            }
                        },
                    }
                },
            }
        }
    }
    before = generate(openapi(schemas, paths))
    more_paths = {
        "/aardvarks": {
            "post": {
                "operationId": "add_aardvark",
                "requestBody": {
                    "content": {"application/json": {"schema": obj({"name": {"type": "string"}})}}
                },
                "responses": {"204": {"description": "ok"}},
            }
        },
        **paths,
    }
    after = generate(
        openapi({"Aardvark": obj({"age": {"type": "integer"}}), **schemas}, more_paths)
    )
    names_before = {d.source: d.name for d in before.api.definitions}
    names_after = {d.source: d.name for d in after.api.definitions}
    assert names_before.items() <= names_after.items()
    assert set(names_after.values()) - set(names_before.values())  # the new ones got names too


@pytest.mark.skipif(
    not GITHUB.exists(), reason="../shared/specs (GitHub's spec) is not beside the repository"
)
def test_github_class_names_end_in_no_number_their_schema_names_lack() -> None:
    specs, _ = load_and_validate(GITHUB)
    assert specs is not None
    api, _ = build_named_api(specs, NamingOptions(package="github", client_name="GitHub"))
    assert len(api.definitions) > 500
    for definition in api.definitions:
        digits = re.search(r"\d+$", definition.name)
        if digits:
            tokens = [t for t in definition.source.split("/") if t]
            assert any(re.sub(r"\W", "", t).endswith(digits.group()) for t in tokens), (
                definition.name,
                definition.source,
            )


# -- degradations are warnings --------------------------------------------------------------------


def test_what_degrades_to_any_is_a_warning_naming_the_schema_and_pointer(generate: Any) -> None:
    thing = obj(
        {
            "not_a_string": {"not": {"type": "string"}},
            "pair": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}]},
            "free": {"type": "object"},  # a free-form object is precise: no warning
            "anything": {},  # so is the empty schema
        }
    )
    sdk = generate(openapi({"Thing": thing}))
    warned = sdk.warnings("schema.unsupported")
    pointers = sorted(d.location.pointer for d in warned)
    assert pointers == [
        "/components/schemas/Thing/properties/not_a_string",
        "/components/schemas/Thing/properties/pair",
    ]
    assert all("Thing" in d.message and ("Any" in d.message) for d in warned)
    fields = sdk.types.Thing.model_fields
    assert fields["not_a_string"].annotation == Any | None
    assert fields["pair"].annotation == list[Any] | None
    assert sdk.types.Thing.model_validate({"pair": ["a", 1]}).pair == ["a", 1]


def test_a_literal_mypy_cannot_write_degrades_to_int_with_a_warning(generate: Any) -> None:
    sdk = generate(openapi({"Floor": obj({"value": {"const": -(2**63)}})}))
    [warning] = [d for d in sdk.warnings("schema.literal")]
    assert warning.location.pointer == "/components/schemas/Floor/properties/value"
    assert sdk.types.Floor.model_fields["value"].annotation == int | None


# -- the generated types type-check ---------------------------------------------------------------


def test_generated_models_of_every_construct_pass_mypy_strict(
    generate: Any, tmp_path: Path
) -> None:
    schemas: dict[str, Any] = {
        **_shapes("shape-type", True),
        "A": obj({"b": ref("B")}),
        "B": obj({"c": ref("C")}),
        "C": obj({"a": ref("A"), "tree": ref("Tree")}),
        "Tree": {"anyOf": [{"type": "string"}, {"type": "array", "items": ref("Tree")}]},
        "When": {
            "anyOf": [
                {"type": "string", "format": "date-time"},
                {"type": "string", "format": "date"},
            ]
        },
        "Off": {"enum": [False]},
        "TypeAlias": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
        "OpenStrEnum": {"type": "string", "enum": ["a", "b"]},
        "Legacy": obj(
            {
                "old": {"type": "string", "deprecated": True},
                "secret": {"type": "string", "writeOnly": True},
            },
            "secret",
        ),
        "Floor": obj({"value": {"const": -(2**63)}}),
        # Tagged unions: one named, in a reference cycle, one inline in a model's field.
        "Step": _tagged(["Run", "Group"], {"run": "Run", "group": "Group", "batch": "Group"}),
        "Run": _action(),
        "Group": _action(steps={"type": "array", "items": ref("Step")}),
        "Job": obj({"first": _tagged(["Run", "Group"])}),
    }
    sdk = generate(openapi(schemas))
    assert isinstance(
        sdk.types.Job.model_validate({"first": {"type": "Group"}}).first, sdk.types.Group
    )
    usage = sdk.folder / "usage.py"
    usage.write_text(
        f"from {sdk.package}.types import A, Group, Job, Legacy, Run, Shape, Square, Step\n"
        "legacy: Legacy = Legacy(old='x')\n"
        "shape: Shape = Square(shape_type='square', side=2.0)\n"
        "a: A = A(b=None)\n"
        "step: Step = Group(type_='batch', steps=[Run(type_='run')])\n"
        "job: Job = Job(first=step)\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(warm_mypy_cache(tmp_path / ".mypy")),
            sdk.package,
            usage.name,
        ],
        cwd=sdk.folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert {d.name for d in sdk.api.definitions} >= {"TypeAliasSchema", "OpenStrEnumSchema"}


def test_the_generated_enum_and_alias_kinds(generate: Any) -> None:
    sdk = generate(
        openapi(
            {
                "Color": {"type": "string", "enum": ["red"]},
                "Id": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
            }
        )
    )
    assert isinstance(sdk.definition("Color"), Enum)
    assert isinstance(sdk.definition("Id"), Alias)
    assert (
        json.dumps(adapter(sdk.types.Id).dump_python(adapter(sdk.types.Id).validate_python(3)))
        == "3"
    )
