"""Property-based tests: random valid OpenAPI 3.1 schemas -> generated models that compile,
import, pass `mypy --strict`, and round-trip random valid instances unchanged.

For every drawn spec (openapi_strategies.py) the generator pipeline runs in memory: load and
validate, build the IR, render (formatting is skipped). Every rendered Python file must
compile, the `types` package is imported, and for every component schema
hypothesis-jsonschema draws a valid instance from the same schema, and

    Model.model_validate(instance).model_dump(mode="json", by_alias=True, exclude_unset=True)

must equal the instance: with Model the component's own class (enums and unions: the same
through a TypeAdapter), and with Model a holder whose property refers to the component and
the instance wrapped in it, the way users meet components (nulls and inlined schemas
included). Equal means JSON equality: types count (true is not 1, "1" is not 1), while an
integer and a float of the same value are one JSON number. Strings with a format are drawn
in the spelling pydantic writes back (date-times: 'Z', six-digit fractions), so they are
compared exactly too.

mypy is slow to start, so it runs once, after the round trips, over the packages they
generated (or, when that test did not run first, over packages generated for it).

Known generator bugs have a minimal xfail(strict=True) test at the end of this file; the
random specs steer around them (the AVOID_* flags of openapi_strategies.py).
"""

from __future__ import annotations

import json
import re
import warnings
from typing import Any

import openapi_strategies as strategies
import pytest
from hypothesis import HealthCheck, Phase, event, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning
from hypothesis_jsonschema import from_schema
from openapi_strategies import HOLDER, Plan, Spec, holder_field, instance_schema
from sdk_harness import (
    PROFILE,
    ROOT_PACKAGE,
    RoundTripFailed,
    Workspace,
    check_round_trip,
    json_equal,
)
from sdkwright.ir.nodes import Alias, Enum, Model

MYPY_PACKAGES = 500  # at most this many generated packages in the one mypy run

_INSTANCE_STRATEGIES: dict[str, st.SearchStrategy[Any]] = {}


def instances(spec: Spec, component: str) -> st.SearchStrategy[Any]:
    """Valid instances of a component, from its own schema, formats in canonical form.

    Cached by schema: Hypothesis replays a spec many times, and hypothesis-jsonschema's
    canonicalisation of a schema costs more than drawing from it.
    """
    schema = instance_schema(spec, component)
    key = json.dumps(schema, sort_keys=True)
    if key not in _INSTANCE_STRATEGIES:
        if len(_INSTANCE_STRATEGIES) > 5000:
            _INSTANCE_STRATEGIES.clear()
        with warnings.catch_warnings():
            # CANONICAL_FORMATS replaces the library's date-time and date on purpose.
            warnings.filterwarnings("ignore", "Overriding standard format", HypothesisWarning)
            _INSTANCE_STRATEGIES[key] = from_schema(
                schema, custom_formats=strategies.CANONICAL_FORMATS
            )
    return _INSTANCE_STRATEGIES[key]


# The round trips fill the worker's workspace that the mypy test then checks: under xdist
# both run on one worker, in this order.
SHARES_THE_WORKSPACE = pytest.mark.xdist_group("property-workspace")


@SHARES_THE_WORKSPACE
@PROFILE
@given(spec=strategies.specs(), data=st.data())
def test_random_schemas_generate_models_that_round_trip_valid_instances(
    workspace: Workspace, spec: Spec, data: st.DataObject
) -> None:
    for plan in spec.plans:
        event(f"component: {plan.kind}{' (nullable)' if plan.nullable else ''}")
    # Instances first: hypothesis-jsonschema gives up on some draws (objects with a few
    # optional properties), and a test case it abandons should not cost a generation.
    drawn = {
        plan.name: data.draw(instances(spec, plan.name), label=f"instance of {plan.name!r}")
        for plan in spec.plans
    }
    generated = workspace.generate(spec.document)
    for index, plan in enumerate(spec.plans):
        instance = drawn[plan.name]
        # As users meet it: a property that refers to the component (nulls included).
        check_round_trip(generated, HOLDER, {holder_field(index): instance})
        definition = generated.definition_for(plan.name)
        if definition is None:
            # Only schemas that need no class of their own (arrays, maps, scalars) are inlined.
            assert plan.kind == "plain", f"{plan.kind} component {plan.name!r} became no class"
            continue
        event(f"class: {type(definition).__name__}")
        if instance is not None:  # a nullable component's class does not take null itself
            check_round_trip(generated, plan.name, instance)


@SHARES_THE_WORKSPACE
def test_generated_models_pass_mypy_strict(workspace: Workspace) -> None:
    """One `mypy --strict` run over the packages generated in this session."""
    if not workspace.packages:
        _generate_for_mypy(workspace, 100)
    step = -(-len(workspace.packages) // MYPY_PACKAGES)  # ceiling division
    packages = workspace.packages[::step]
    result = workspace.mypy(packages)
    if result.returncode != 0:
        failing = sorted(set(re.findall(rf"{ROOT_PACKAGE}/(t\d+)/", result.stdout)))
        specs = "\n".join(f"--- {name} ---\n{workspace.spec_text(name)}" for name in failing[:3])
        pytest.fail(
            f"mypy --strict failed on {len(failing)} of {len(packages)} generated packages:\n"
            f"{result.stdout[-8000:]}{result.stderr[-2000:]}\n{specs}"
        )
    assert "no issues found" in result.stdout, result.stdout


def _generate_for_mypy(workspace: Workspace, count: int) -> None:
    """When the round-trip test did not run first (e.g. `-k mypy`), generate `count` specs."""

    @settings(
        max_examples=count,
        phases=[Phase.generate],
        derandomize=True,
        database=None,
        deadline=None,  # as in every profile: generating and importing takes what it takes
    )
    @given(spec=strategies.specs())
    def generate(spec: Spec) -> None:
        workspace.generate(spec.document)

    generate()


# -- the harness and the strategies can fail ----------------------------------------------------


def test_json_equality_is_strict_about_types_not_about_number_spelling() -> None:
    assert json_equal({"a": [1, 2.0, None, "x"]}, {"a": [1.0, 2, None, "x"]})
    assert not json_equal(True, 1)
    assert not json_equal(0, False)
    assert not json_equal("1", 1)
    assert not json_equal({"a": 1}, {"a": 1, "b": None})
    assert not json_equal([1, 2], [2, 1])
    assert not json_equal(None, {})


def test_the_round_trip_check_reports_changed_and_rejected_instances(
    workspace: Workspace,
) -> None:
    spec = _document({"Event": _object({"at": {"type": "string", "format": "date-time"}})})
    generated = workspace.generate(spec, for_mypy=False)
    check_round_trip(generated, "Event", {"at": "2026-01-02T03:04:05.000006+05:30", "x": [1]})
    with pytest.raises(RoundTripFailed, match=r"/at: '2026-01-02T03:04:05\+00:00' became"):
        check_round_trip(generated, "Event", {"at": "2026-01-02T03:04:05+00:00"})
    with pytest.raises(RoundTripFailed, match="ValidationError"):
        check_round_trip(generated, "Event", {"at": "not a date"})


def test_every_kind_of_class_round_trips(workspace: Workspace) -> None:
    spec = _document(
        {
            "Color": {"type": "string", "enum": ["red", "dark-red"]},
            "Size": {"type": ["integer", "null"], "enum": [1, 2, None]},
            "Value": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
            "Box": {"type": ["object", "null"], "properties": {"color": _ref("Color")}},
            "Holder": _object({"size": _ref("Size"), "box": _ref("Box"), "value": _ref("Value")}),
        }
    )
    generated = workspace.generate(spec, for_mypy=False)
    kinds = {
        name: type(generated.definition_for(name)) for name in ("Color", "Size", "Value", "Box")
    }
    assert kinds == {"Color": Enum, "Size": Enum, "Value": Alias, "Box": Model}
    for name, instance in [
        ("Color", "dark-red"),
        ("Size", 2),
        ("Value", 3),
        ("Value", "3"),
        ("Box", {"color": "red", "extra": [1, {"y": None}]}),
        ("Holder", {"size": None, "box": None}),
        ("Holder", {"size": 1, "box": {}, "value": "x"}),
    ]:
        check_round_trip(generated, name, instance)


def test_instance_schemas_unroll_recursion_a_bounded_number_of_times() -> None:
    children = {"type": "array", "items": _ref("Tree")}
    spec = Spec([Plan("Tree", "model")], {"Tree": _object({"children": children})})
    unrolled = instance_schema(spec, "Tree")
    assert "$ref" not in json.dumps(unrolled)
    for _ in range(strategies.BACK_REF_BUDGET):
        assert isinstance(unrolled, dict)
        unrolled = unrolled["properties"]["children"]["items"]
    assert isinstance(unrolled, dict)
    assert unrolled["properties"]["children"]["items"] is False  # only [] is left


def _schemas_text(spec: Spec) -> str:
    return json.dumps(spec.schemas, ensure_ascii=False)


def _walk(value: Any) -> Any:
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from _walk(child)
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child)


def _property_lists(spec: Spec) -> list[list[str]]:
    return [
        list(n["properties"]) for n in _walk(spec.schemas) if isinstance(n.get("properties"), dict)
    ]


def _enum_values(spec: Spec) -> list[Any]:
    return [v for n in _walk(spec.schemas) if isinstance(n.get("enum"), list) for v in n["enum"]]


def _refers(spec: Spec, source: str, target: str) -> bool:
    return f'"{strategies.SCHEMA_PREFIX}{target}"' in json.dumps(spec.schemas[source])


FEATURES = {
    "a model that refers to itself": lambda s: any(
        p.kind in ("model", "variant", "allof") and _refers(s, p.name, p.name) for p in s.plans
    ),
    "two models that refer to each other": lambda s: any(
        _refers(s, a.name, b.name) and _refers(s, b.name, a.name)
        for a in s.plans
        for b in s.plans
        if a.name != b.name and {a.kind, b.kind} <= {"model", "variant", "allof"}
    ),
    "a discriminated union": lambda s: any(p.kind == "tagged" for p in s.plans),
    "a nullable discriminated union": lambda s: any(
        p.kind == "tagged" and p.nullable for p in s.plans
    ),
    "an allOf extension": lambda s: any(p.kind == "allof" for p in s.plans),
    "nullable by a type list": lambda s: '"null"]' in _schemas_text(s),
    "nullable by a null member": lambda s: '{"type": "null"}' in _schemas_text(s),
    "a string enum value that is no identifier": lambda s: any(
        isinstance(v, str) and not v.isidentifier() for v in _enum_values(s)
    ),
    "an integer enum": lambda s: '"type": "integer", "enum"' in _schemas_text(s),
    "a map": lambda s: any(
        isinstance(n.get("additionalProperties"), dict) for n in _walk(s.schemas)
    ),
    "a date-time": lambda s: '"date-time"' in _schemas_text(s),
    "a date": lambda s: '"format": "date"' in _schemas_text(s),
    "a uuid": lambda s: '"uuid"' in _schemas_text(s),
    "an int64": lambda s: '"int64"' in _schemas_text(s),
    "a keyword as a schema name": lambda s: bool({"class", "None", "def"} & set(s.schemas)),
    "a schema name with a leading digit": lambda s: any(n[:1].isdigit() for n in s.schemas),
    "a dunder schema name": lambda s: any(n.startswith("__") for n in s.schemas),
    "schema names differing only by case": lambda s: (
        len({n.lower() for n in s.schemas}) < len(s.schemas)
    ),
    "a keyword as a property name": lambda s: any(
        n in ("class", "None", "await", "def") for ps in _property_lists(s) for n in ps
    ),
    "a dunder property name": lambda s: any(
        n.startswith("__") and n.endswith("__") for ps in _property_lists(s) for n in ps
    ),
    "a non-ASCII property name": lambda s: any(
        not n.isascii() for ps in _property_lists(s) for n in ps
    ),
    "a '+1' property name": lambda s: any("+1" in ps for ps in _property_lists(s)),
    "property names differing only by case": lambda s: any(
        len({n.lower() for n in ps}) < len(ps) for ps in _property_lists(s)
    ),
}


@pytest.mark.parametrize("feature", list(FEATURES))
def test_the_strategies_draw(feature: str) -> None:
    """Each feature the round trips are about turns up among the random specs."""
    find(
        strategies.specs(),
        FEATURES[feature],
        settings=settings(
            max_examples=1000,
            derandomize=True,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        ),
    )


# -- once generator bugs: minimal specs ----------------------------------------------------------
#
# Each of these failed once (the random specs steered around it with an AVOID_* flag of
# openapi_strategies.py, now False). A new known bug gets a minimal test here marked
# xfail(strict=True) naming the bug and its AVOID_* flag, until it is fixed.


def _document(schemas: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Minimal", "version": "1.0.0"},
        "paths": {},
        "components": {"schemas": schemas},
    }


def _object(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(required)
    return schema


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"{strategies.SCHEMA_PREFIX}{name}"}


def _round_trip(
    schemas: dict[str, Any], component: str, instance: Any, workspace: Workspace
) -> None:
    generated = workspace.generate(_document(schemas), for_mypy=False)
    check_round_trip(generated, component, instance)


@pytest.mark.parametrize(
    "properties",
    [
        {"A": {"type": "integer"}, "a": {"type": "string"}},  # fields a ('A') and a_ ('a')
        {"A": {"type": "integer"}},  # 'a' is an unknown key
    ],
    ids=["another property", "an unknown key"],
)
def test_a_key_spelled_like_an_aliased_fields_python_name(
    workspace: Workspace, properties: dict[str, Any]
) -> None:
    _round_trip({"Thing": _object(properties)}, "Thing", {"a": "x"}, workspace)


def test_a_discriminator_whose_wire_name_is_not_its_python_name(
    workspace: Workspace,
) -> None:
    tag = "shape-type"
    schemas = {
        "Shape": {
            "oneOf": [_ref("Circle"), _ref("Square")],
            "discriminator": {"propertyName": tag},
        },
        "Circle": _object({tag: {"const": "circle"}}, required=(tag,)),
        "Square": _object({tag: {"const": "square"}}, required=(tag,)),
    }
    _round_trip(schemas, "Shape", {tag: "square"}, workspace)


def test_a_recursive_union(workspace: Workspace) -> None:
    schemas = {
        "Tree": {"anyOf": [{"type": "string"}, _ref("Branch")]},
        "Branch": _object({"children": {"type": "array", "items": _ref("Tree")}}),
    }
    _round_trip(schemas, "Tree", {"children": ["leaf", {"children": []}]}, workspace)


def test_a_self_referencing_union(workspace: Workspace) -> None:
    schemas = {"Json": {"anyOf": [{"type": "string"}, {"type": "array", "items": _ref("Json")}]}}
    _round_trip(schemas, "Json", ["a", ["b", []]], workspace)


def test_three_models_in_a_reference_cycle(workspace: Workspace) -> None:
    schemas = {
        "A": _object({"b": _ref("B")}),
        "B": _object({"c": _ref("C")}),
        "C": _object({"a": _ref("A")}),
    }
    _round_trip(schemas, "A", {"b": {"c": {"a": {}}}}, workspace)


@pytest.mark.parametrize(
    ("other", "instance"),
    [
        ({"type": "integer", "enum": [1, 2]}, 1),  # -> "1970-01-01T00:00:01Z"
        ({"type": "string", "format": "date"}, "2020-01-02"),  # -> "2020-01-02T00:00:00"
    ],
)
def test_a_date_time_in_a_union_leaves_other_members_their_values(
    workspace: Workspace, other: dict[str, Any], instance: Any
) -> None:
    schemas = {"When": {"anyOf": [{"type": "string", "format": "date-time"}, other]}}
    _round_trip(schemas, "When", instance, workspace)


@pytest.mark.parametrize(
    ("members", "instance"),
    [
        ([{"type": "boolean"}, {"type": "string", "enum": ["a", "1"]}], "1"),  # -> true
        ([{"type": "integer"}, {"type": "string", "enum": ["x", "5"]}], "5"),  # -> 5
        ([{"type": "boolean"}, {"type": "integer", "enum": [0, 2]}], 0),  # -> false
        ([{"enum": [0]}, {"type": "boolean"}], False),  # Literal[0] took false as 0
    ],
)
def test_an_enum_in_a_union_keeps_its_values_from_a_lax_member(
    workspace: Workspace, members: list[Any], instance: Any
) -> None:
    _round_trip({"Value": {"oneOf": members}}, "Value", instance, workspace)


def test_a_union_whose_member_is_nullable(workspace: Workspace) -> None:
    schemas = {
        "Id": {"anyOf": [{"type": "string"}, {"anyOf": [{"type": "integer"}, {"type": "null"}]}]},
        "Thing": _object({"id": _ref("Id")}, required=("id",)),
    }
    _round_trip(schemas, "Thing", {"id": None}, workspace)


def test_a_boolean_enum(workspace: Workspace) -> None:
    _round_trip({"Off": {"enum": [False]}}, "Off", False, workspace)


def test_a_nullable_component_model_in_one_of_form(workspace: Workspace) -> None:
    pet = {"oneOf": [_object({"name": {"type": "string"}}), {"type": "null"}]}
    generated = workspace.generate(_document({"Pet": pet}), for_mypy=False)
    definition = generated.definition_for("Pet")
    assert isinstance(definition, Model), [d.name for d in generated.api.definitions]
    assert definition.name == "Pet"


@pytest.mark.xfail(
    strict=True,
    raises=RoundTripFailed,
    reason="ir/schemas.py unions of models: pydantic's smart mode takes the first model that "
    "validates laxly, so {pet: 0} comes back as {pet: false} from the model whose pet is a "
    "boolean (openapi_strategies.AVOID_LAX_FIELDS_IN_MODEL_UNIONS)",
)
def test_models_in_a_union_that_differ_in_a_field_type(workspace: Workspace) -> None:
    schemas = {
        "Flag": _object(
            {"pet": {"type": ["boolean", "null"], "enum": [True, False, None]}}, required=("pet",)
        ),
        "Count": _object({"pet": {"type": "integer"}}, required=("pet",)),
        "Either": {"anyOf": [_ref("Flag"), _ref("Count")]},
    }
    _round_trip(schemas, "Either", {"pet": 0}, workspace)


def test_the_int64_minimum_as_a_literal_passes_mypy(workspace: Workspace) -> None:
    schemas = {"Floor": _object({"value": {"const": -(2**63)}})}
    generated = workspace.generate(_document(schemas), for_mypy=False)
    result = workspace.mypy([generated.package])
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    "schemas",
    [
        {"TypeAlias": {"anyOf": [{"type": "integer"}, {"type": "string"}]}},
        {"OpenStrEnum": {"type": "string", "enum": ["a", "b"]}},
        {"OpenIntEnum": {"type": "integer", "enum": [1, 2]}},
    ],
    ids=["TypeAlias", "OpenStrEnum", "OpenIntEnum"],
)
def test_class_names_of_imported_names_pass_mypy(
    workspace: Workspace, schemas: dict[str, Any]
) -> None:
    generated = workspace.generate(_document(schemas), for_mypy=False)
    result = workspace.mypy([generated.package])
    assert result.returncode == 0, result.stdout
