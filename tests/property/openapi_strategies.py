"""Hypothesis strategies for random, valid OpenAPI 3.1 component schemas, and the JSON Schemas
of their instances (for hypothesis-jsonschema).

A spec is drawn in two steps. First a skeleton: the component names and, per component, its
kind (model, enum, union, discriminated union with its variants, allOf extension with its
base) and what other schemas must know before its body exists (nullable? which enum type?).
Then the bodies, last component first, so that an allOf extension can look at its base.

Recursion is always escapable, so that finite instances exist: a reference to a component at
the same or an earlier index (a back reference: every reference cycle has one) is only drawn
where an instance can avoid it: an optional property, an array item, a map value, a nullable
schema, or anywhere below one of those. `instance_schema` unrolls references for
hypothesis-jsonschema (which does not support recursive ones): forward references are
expanded, back references BACK_REF_BUDGET times along a path and then replaced by `false`,
which leaves the instance one of its escapes (absent, empty or null). The instances drawn are
a subset of the schema's instances; each of them is valid against the spec.

`oneOf` is only drawn with members that accept disjoint JSON types (or carry distinct tags),
so that "exactly one" holds by construction; `anyOf` mixes anything.
"""

from __future__ import annotations

import copy
import datetime
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

import pydantic
from hypothesis import strategies as st
from sdkwright.targets.python import naming

Schema = dict[str, Any]
Draw = st.DrawFn
Kind = Literal["model", "enum", "union", "tagged", "variant", "allof", "plain"]
T = TypeVar("T")

SCHEMA_PREFIX = "#/components/schemas/"
MAX_DEPTH = 3  # nesting of inline schemas below a component
BACK_REF_BUDGET = 2
MAX_INSTANCE_SCHEMA_NODES = 400
INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)

# -- generator bugs ----------------------------------------------------------------------------
#
# With a flag True, the random specs steer around a known generator bug, which then has a
# minimal xfail(strict=True) test in test_models_roundtrip.py. All the bugs below are fixed
# (their flags are False and their minimal tests pass); each comment tells how the bug showed,
# should it come back.

# A discriminator whose wire name is not its Python name ('shape-type' -> shape_type): the
# union does not import (pydantic: "needs a discriminator field for key 'shape-type'"). Tags
# are drawn among names that are their own Python names.
AVOID_ALIASED_DISCRIMINATOR = False
# Models read their fields by Python name too (validate_by_name), so a key spelled like the
# Python name of an aliased field is read into that field: another property's wire name
# ('A' -> field `a`, 'a' -> field `a_`: `{"a": "x"}` is read by both), or an unknown key
# (`{"a": "x"}` for a model with only 'A'). A valid instance is rejected or changed. Such
# property names are not drawn together, and instances have no such unknown keys.
AVOID_WIRE_NAME_EQUAL_TO_OTHER_FIELD_NAME = False
# A union (a type alias) in a reference cycle, a self-reference included: the module runs
# `Tree: TypeAlias = Leaf | Branch` before its deferred imports (NameError). The back
# references of such cycles are cut (replaced by a free-form object).
AVOID_UNION_IN_CYCLE = False
# Three or more classes in one reference cycle (A -> B -> C -> A): importing the types runs
# C.model_rebuild() while module `a` is still importing `b`, and pydantic cannot resolve 'B'
# (NameError). Their back references are cut too.
AVOID_CYCLES_OF_THREE_CLASSES = False
# A union with a date-time (or date) member: when no member matches strictly, pydantic's
# smart union takes the first that validates laxly, and datetime takes integers (Unix time)
# and dates: 1 of an integer enum comes back as "1970-01-01T00:00:01Z", "2020-01-02" as
# "2020-01-02T00:00:00". No date formats below union members.
AVOID_DATES_IN_UNIONS = False
# The same with enum members: an enum never matches a JSON value strictly, so a bool, int or
# float member placed before it takes its values laxly: `oneOf: [boolean, {enum: ["a", "1"]}]`
# turns "1" into true, `[integer, {enum: ["x", "5"]}]` "5" into 5, `[boolean, {enum: [0, 2]}]`
# 0 into false. Below union members, enums lose the values such members would take.
AVOID_LAX_ENUM_VALUES_IN_UNIONS = False
# A union component with a member that accepts null (`anyOf: [A, {anyOf: [B, null]}]`, or a
# member referring to a nullable schema): the alias drops the null and references to it only
# look for top-level null members, so a valid null is rejected. Such unions get a top-level
# null member (and become anyOf: the instances stay the same).
AVOID_NESTED_NULL_IN_UNION_COMPONENT = False
# A component `enum: [false]` becomes a string enum of 'False' (with a warning about mixed
# types) that rejects false. Boolean literal components are drawn as `const` instead.
AVOID_BOOLEAN_ENUM_CLASSES = False

# A model component made nullable the 3.1 way, `Pet: {oneOf: [{type: object, properties:
# ...}, {type: null}]}`, gets no class of its own: each reference inlines it as a model named
# after the variant ('PetWithName'). Nullable component models use `type: [object, null]`.
AVOID_NULLABLE_MODEL_COMPONENT_IN_ONE_OF = False

# `const: -9223372036854775808` (int64's minimum) becomes `Literal[-9223372036854775808]`,
# which mypy rejects ("Literal[...] cannot contain arbitrary expressions": it only takes
# literals within int64, and the minus is applied to 9223372036854775808). Not drawn.
AVOID_INT64_MIN_LITERAL = False

# Classes named like what their modules import: a union `TypeAlias` (`TypeAlias: TypeAlias
# = ...`), a string enum `OpenStrEnum` (`class OpenStrEnum(OpenStrEnum)`), an integer enum
# `OpenIntEnum`, a model `TypeAlias` used in a union. They run, but mypy --strict reports
# "Name ... already defined (possibly by an import)". Such component names are not drawn.
AVOID_RUNTIME_IMPORT_NAMES = False

# Models in one union that differ only in a field's type: pydantic's smart mode takes the
# first model that validates, lax conversions included, so `{pet: 0}` of a model whose `pet`
# is an integer comes back from a model whose `pet` is a boolean as `{pet: false}`. Below
# union members, booleans become strings (which take no numbers).
AVOID_LAX_FIELDS_IN_MODEL_UNIONS = True

# -- names and values ------------------------------------------------------------------------

# Component keys must match ^[a-zA-Z0-9._-]+$ (OpenAPI 3.1, enforced by its meta-schema).
SCHEMA_NAMES = (
    *("Pet", "pet", "PET", "a", "A", "x-y", "X_Y", "my-schema", "my_schema", "my.schema"),
    *("class", "None", "True", "def", "import", "match", "type", "self", "list", "str"),
    *("1Thing", "2", "007", "-", "_", ".", "__init__", "__class__", "__dunder__"),
    *("BaseModel", "Enum", "Field", "Any", "Literal", "Annotated", "TypeAlias"),
    *("OpenStrEnum", "OpenIntEnum", "PropClient", "Model", "datetime", "date"),
    *("typing", "pydantic", "types", "_models"),
)
PROPERTY_NAMES = (
    *SCHEMA_NAMES,
    *("", " ", "+1", "-1", "1", "2fa", "café", "cafe\u0301", "名前", "Ñandú", "π"),
    *("a b", "a/b", "$ref", "@type", 'a"b', "a'b", "a\\b", '"""', "\n"),
    *("model_config", "model_fields", "model_dump", "model_fields_set", "schema", "json"),
    *("copy", "fields", "validate", "cls", "__fields__", "__dict__", "__pydantic_extra__"),
    *("_x", "x", "X", "id", "ID", "Id", "fooBar", "foo_bar", "FooBar", "foo-bar"),
    *("False", "await"),
)
ENUM_STRINGS = (
    *("", " ", "a", "A", "a-b", "A-B", "a_b", "a b", "class", "None", "none", "null", "true"),
    *("1", "01", "+1", "-1", "1.5", "café", "cafe\u0301", "日本", "__init__", "_missing_"),
    *("name", "value", "mro", "EMPTY", "VALUE", "VALUE_1", '"', "'", "\\", "\n", "'''"),
    *("{x}", "{{x}}", "0", "yes", "off", "2020-01-02"),
)
ENUM_INTS = (0, 1, -1, 2, 10, -5, 2**31 - 1, -(2**31), 2**53 + 1, 2**63 - 1, -(2**63))
DESCRIPTIONS = ('say "hi"', "'''", '"""', "back\\slash", "{{ x }}", "line\nbreak", "\\")

RUNTIME_IMPORTS = frozenset({"TypeAlias", "OpenStrEnum", "OpenIntEnum"})
component_names = st.one_of(
    st.sampled_from(SCHEMA_NAMES), st.from_regex(r"\A[A-Za-z0-9._-]{1,10}\Z")
).filter(lambda n: naming.class_name(n) not in RUNTIME_IMPORTS or not AVOID_RUNTIME_IMPORT_NAMES)
property_names = st.one_of(st.sampled_from(PROPERTY_NAMES), st.text(max_size=6))
# Tags are sampled from the pool: with AVOID_ALIASED_DISCRIMINATOR, only names that are
# their own Python names.
tag_names = st.sampled_from(
    [n for n in PROPERTY_NAMES if naming.field_name(n) == n or not AVOID_ALIASED_DISCRIMINATOR]
)
enum_strings = st.one_of(st.sampled_from(ENUM_STRINGS), st.text(max_size=6))
enum_ints = st.one_of(st.sampled_from(ENUM_INTS), st.integers(-1000, 1000))
descriptions = st.one_of(st.sampled_from(DESCRIPTIONS), st.text(max_size=12))
literal_ints = enum_ints.filter(lambda v: v > INT64[0] or not AVOID_INT64_MIN_LITERAL)
literals = st.one_of(enum_strings, literal_ints, st.booleans())

# -- instances in canonical form ------------------------------------------------------------
#
# A date-time has many spellings ('t', 'z', '+00:00', '.5', '.500'); pydantic writes one back.
# Instances use that one: seconds always, microseconds (six digits) only when not zero, 'Z'
# for UTC, '+hh:mm' otherwise; whole-minute offsets (RFC 3339 has no seconds in offsets).

_offsets = st.one_of(
    st.just(datetime.UTC),
    st.sampled_from([-1, 1])
    .flatmap(lambda sign: st.integers(1, 23 * 60 + 59).map(lambda minutes: sign * minutes))
    .map(lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes))),
)


def canonical_datetime(value: datetime.datetime) -> str:
    text = value.isoformat()
    return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text


CANONICAL_FORMATS: dict[str, st.SearchStrategy[str]] = {
    "date-time": st.datetimes(timezones=_offsets).map(canonical_datetime),
    "date": st.dates().map(datetime.date.isoformat),
    "uuid": st.uuids().map(str),
}

# -- drawing helpers (strategies are built once: building them is what costs) ----------------


@functools.cache
def _integers(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


def _pick(draw: Draw, items: Sequence[T]) -> T:
    """One of `items`; shrinks towards the first."""
    return items[draw(_integers(0, len(items) - 1))]


def _chance(draw: Draw, one_in: int) -> bool:
    return draw(_integers(0, one_in - 1)) == 0


@functools.cache
def _unique_lists(
    elements: st.SearchStrategy[Any], min_size: int, max_size: int
) -> st.SearchStrategy[list[Any]]:
    return st.lists(elements, min_size=min_size, max_size=max_size, unique=True)


# -- the skeleton ----------------------------------------------------------------------------


@dataclass
class Plan:
    """What is decided about a component before its body is drawn."""

    name: str
    kind: Kind
    nullable: bool = False
    enum_type: Literal["string", "integer"] = "string"
    closed: bool = False  # additionalProperties: false
    variants: list[int] = field(default_factory=list)  # tagged: indices of its variants
    tag: str = ""  # tagged and variant: the discriminating property
    tag_value: str = ""  # variant
    base: int = -1  # allof: index of its base model


@dataclass
class Spec:
    """A drawn spec: its component schemas in order, with their plans."""

    plans: list[Plan]
    schemas: dict[str, Schema]

    @property
    def document(self) -> dict[str, Any]:
        """The OpenAPI document, with HOLDER: a model with an optional property per component
        (`c0`, `c1`, ...) that refers to it, the way the SDK's users meet components."""
        holder = {
            "type": "object",
            "properties": {
                holder_field(i): {"$ref": SCHEMA_PREFIX + p.name} for i, p in enumerate(self.plans)
            },
        }
        return {
            "openapi": "3.1.0",
            "info": {"title": "Property test", "version": "1.0.0"},
            "paths": {},  # no operations: the models are what is tested
            "components": {"schemas": {**self.schemas, HOLDER: holder}},
        }


HOLDER = "PropertyTestHolder"  # longer than any drawn component name


def holder_field(index: int) -> str:
    return f"c{index}"


GROUP_KINDS: tuple[Kind, ...] = ("model", "enum", "union", "tagged", "allof", "model", "plain")


def _group(draw: Draw) -> list[Plan]:
    """One component, or a tagged union with its variants, or an allOf with its base."""
    kind = _pick(draw, GROUP_KINDS)
    if kind == "tagged":
        count = draw(_integers(2, 3))
        tag = draw(tag_names)
        values = draw(_unique_lists(enum_strings, count, count))
        variants = [
            Plan("", "variant", tag=tag, tag_value=value, closed=_chance(draw, 2))
            for value in values
        ]
        return [Plan("", "tagged", tag=tag, nullable=_chance(draw, 3)), *variants]
    if kind == "allof":
        return [Plan("", "allof"), Plan("", "model")]
    nullable = _chance(draw, 4)
    if kind == "enum":
        return [Plan("", "enum", nullable=nullable, enum_type=_pick(draw, ("string", "integer")))]
    return [Plan("", kind, nullable=nullable, closed=kind == "model" and _chance(draw, 4))]


@st.composite
def specs(draw: Draw, max_groups: int = 4) -> Spec:
    plans: list[Plan] = []
    for _ in range(draw(_integers(1, max_groups))):
        group = _group(draw)
        first = len(plans)
        plans.extend(group)
        if group[0].kind == "tagged":
            group[0].variants = list(range(first + 1, first + len(group)))
        elif group[0].kind == "allof":
            group[0].base = first + 1
    names = draw(_unique_lists(component_names, len(plans), len(plans)))
    for plan, name in zip(plans, names, strict=True):
        plan.name = name
    bodies: dict[int, Schema] = {}
    for index in reversed(range(len(plans))):
        bodies[index] = _component(draw, _Context(plans, index, bodies))
    _steer_around_known_bugs(plans, bodies)
    return Spec(plans, {plans[i].name: bodies[i] for i in range(len(plans))})


@dataclass
class _Context:
    plans: list[Plan]
    owner: int  # the index of the component being drawn
    bodies: dict[int, Schema]

    def ref(self, index: int) -> Schema:
        return {"$ref": SCHEMA_PREFIX + self.plans[index].name}

    def targets(
        self, escapable: bool, wanted: Callable[[Plan], bool] = lambda _: True
    ) -> list[int]:
        """Components a reference here may point to: back references only where escapable."""
        return [
            i for i, plan in enumerate(self.plans) if (i > self.owner or escapable) and wanted(plan)
        ]


# -- component bodies -----------------------------------------------------------------------


def _component(draw: Draw, ctx: _Context) -> Schema:
    plan = ctx.plans[ctx.owner]
    schema: Schema
    if plan.kind in ("model", "variant"):
        schema = _object(draw, ctx, escapable=False, depth=0, plan=plan)
    elif plan.kind == "enum":
        schema = _enum(draw, plan.enum_type, plan.nullable)
    elif plan.kind == "union":
        schema = _union(draw, ctx, escapable=False, depth=0)
    elif plan.kind == "tagged":
        schema = _tagged(draw, ctx, plan)
    elif plan.kind == "allof":
        schema = _all_of(draw, ctx, plan)
    else:
        schema = _value(draw, ctx, escapable=False, depth=1)
        if AVOID_BOOLEAN_ENUM_CLASSES and any(isinstance(v, bool) for v in schema.get("enum", [])):
            schema = {"const": schema["enum"][0]}
    if plan.nullable and plan.kind in ("union", "tagged"):
        keyword = "oneOf" if "oneOf" in schema else "anyOf"
        null = [{"type": "null"}]
        schema[keyword] = null + schema[keyword] if _chance(draw, 2) else schema[keyword] + null
    elif plan.nullable and plan.kind == "model" and AVOID_NULLABLE_MODEL_COMPONENT_IN_ONE_OF:
        schema["type"] = ["object", "null"]
    elif plan.nullable and plan.kind in ("model", "plain"):
        schema = _make_nullable(draw, schema)
    if _chance(draw, 4):
        schema["description"] = draw(descriptions)
    return schema


def _object(draw: Draw, ctx: _Context, escapable: bool, depth: int, plan: Plan | None) -> Schema:
    """An object with properties: a component model or variant, or an inline model."""
    fixed = [plan.tag] if plan is not None and plan.kind == "variant" else []
    names = draw(_unique_lists(property_names, 1, 4 if depth == 0 else 2))
    if _chance(draw, 3):  # a name spelled like another one: by case, by separator, as Python
        twin = _pick(draw, TWINS)(names[0])
        names += [twin] if twin not in names else []
    names = [n for n in names if n not in fixed]
    if AVOID_WIRE_NAME_EQUAL_TO_OTHER_FIELD_NAME:
        names = _without_wire_name_clashes(fixed, names)
    properties: Schema = {}
    required: list[str] = []
    if plan is not None and plan.kind == "variant":
        single_enum = {"type": "string", "enum": [plan.tag_value]}
        properties[plan.tag] = {"const": plan.tag_value} if _chance(draw, 2) else single_enum
        required.append(plan.tag)
    for name in names:
        is_required = _chance(draw, 2)
        properties[name] = _property(draw, ctx, escapable or not is_required, depth + 1)
        if is_required:
            required.append(name)
    schema: Schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    closed = plan.closed if plan is not None else _chance(draw, 4)
    if closed:
        schema["additionalProperties"] = False
    elif _chance(draw, 6):
        schema["additionalProperties"] = True
    elif _chance(draw, 8) and depth < MAX_DEPTH:
        schema["additionalProperties"] = _value(draw, ctx, True, depth + 1)
    return schema


TWINS: tuple[Callable[[str], str], ...] = (
    str.upper,
    str.lower,
    str.swapcase,
    naming.field_name,
    lambda n: n.replace("_", "-"),
    lambda n: n + "_",
    lambda n: "_" + n,
)


def python_field_names(wire_names: list[str]) -> list[str]:
    """The Python names sdkwright gives a model's properties, in order. Mirrors the loop in
    generator/ir/schemas.py `_fields`; only used to steer around a known bug."""
    taken: set[str] = set()
    result = []
    for wire_name in wire_names:
        name = naming.field_name(wire_name)
        if name in taken:
            name = naming.field_name(naming.spelled_symbols(wire_name))
        while name in taken:
            name += "_"
        taken.add(name)
        result.append(name)
    return result


def wire_name_clashes(wire_names: list[str]) -> bool:
    """Whether one property's wire name is another property's (aliased) Python name."""
    python = python_field_names(wire_names)
    aliased = {p for p, w in zip(python, wire_names, strict=True) if p != w}
    return bool(aliased & set(wire_names))


def _without_wire_name_clashes(fixed: list[str], names: list[str]) -> list[str]:
    kept: list[str] = []
    for name in names:
        if not wire_name_clashes([*fixed, *kept, name]):
            kept.append(name)
    return kept


def _property(draw: Draw, ctx: _Context, escapable: bool, depth: int) -> Schema:
    schema = _value(draw, ctx, escapable, depth)
    extra = draw(_integers(0, 7))
    if extra == 0 and "$ref" not in schema:
        schema["description"] = draw(descriptions)
    elif extra == 1 and "$ref" not in schema:
        schema["deprecated"] = True
    elif extra == 2:
        default = _default_for(draw, schema)
        if default is not None:
            schema["default"] = default
    return schema


def _default_for(draw: Draw, schema: Schema) -> Any:
    """A valid default for simple schemas (rendered as a Python literal), or None."""
    if "enum" in schema:
        return _pick(draw, [v for v in schema["enum"] if v is not None])
    kind = schema.get("type")
    if kind == "string" and "format" not in schema:
        return draw(enum_strings)
    if kind == "integer":
        return draw(enum_ints)
    if kind == "boolean":
        return draw(st.booleans())
    return None


# A boolean enum class rejects booleans (AVOID_BOOLEAN_ENUM_CLASSES): inline boolean enums
# with two values (classes) are only drawn without that flag.
ENUM_TYPES = ("string", "integer", *(() if AVOID_BOOLEAN_ENUM_CLASSES else ("boolean",)))

LEAF_CHOICES = ("primitive", "primitive", "literal", "ref", "ref", "ref")
ALL_CHOICES = (*LEAF_CHOICES, "array", "map", "nullable", "enum", "object", "union", "free")


def _value(draw: Draw, ctx: _Context, escapable: bool, depth: int) -> Schema:
    """Any schema a property, an item, a map value or a union member may have."""
    choice = _pick(draw, ALL_CHOICES if depth < MAX_DEPTH else LEAF_CHOICES)
    if choice == "ref":
        targets = ctx.targets(escapable)
        if targets:
            return ctx.ref(_pick(draw, targets))
        choice = "primitive"
    if choice == "primitive":
        return _primitive(draw, _pick(draw, ("string", "integer", "number", "boolean")))
    if choice == "literal":
        value = draw(literals)
        return {"const": value} if _chance(draw, 2) else {"enum": [value]}
    if choice == "array":
        return {"type": "array", "items": _value(draw, ctx, True, depth + 1)}
    if choice == "map":
        return {"type": "object", "additionalProperties": _value(draw, ctx, True, depth + 1)}
    if choice == "nullable":
        return _make_nullable(draw, _value(draw, ctx, True, depth + 1))
    if choice == "enum":
        return _enum(draw, _pick(draw, ENUM_TYPES), _chance(draw, 2))
    if choice == "object":
        return _object(draw, ctx, escapable, depth, plan=None)
    if choice == "union":
        return _union(draw, ctx, escapable, depth + 1)
    return {"type": "object"} if _chance(draw, 2) else {}


def _primitive(draw: Draw, kind: str) -> Schema:
    if kind == "string":
        format_ = _pick(draw, ("", "", "date-time", "date", "uuid"))
        return {"type": "string", "format": format_} if format_ else {"type": "string"}
    if kind == "integer":
        format_ = _pick(draw, ("", "int32", "int64"))
        return {"type": "integer", "format": format_} if format_ else {"type": "integer"}
    return {"type": kind}


def _enum(draw: Draw, enum_type: str, nullable: bool) -> Schema:
    if enum_type == "boolean":
        values: list[Any] = [True, False] if _chance(draw, 2) else [False, True]
    else:
        values = draw(_unique_lists(enum_strings if enum_type == "string" else enum_ints, 2, 5))
    if nullable:
        return {"type": [enum_type, "null"], "enum": [*values, None]}
    return {"type": enum_type, "enum": values}


def _make_nullable(draw: Draw, schema: Schema) -> Schema:
    style = _pick(draw, ("type", "oneOf", "anyOf", "null first"))
    if _accepts_null_plainly(schema):
        return {"anyOf": [schema, {"type": "null"}]}  # oneOf would then reject null
    kind = schema.get("type")
    if style == "type" and isinstance(kind, str) and not ({"enum", "const"} & schema.keys()):
        return {**schema, "type": [kind, "null"]}
    if style == "null first":
        return {"oneOf": [{"type": "null"}, schema]}
    return {"anyOf" if style == "anyOf" else "oneOf": [schema, {"type": "null"}]}


def _accepts_null_plainly(schema: Schema) -> bool:
    """Whether a schema accepts null, not looking through references."""
    kind = schema.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    if None in schema.get("enum", [0]) or ("const" in schema and schema["const"] is None):
        return True
    if not ({"type", "enum", "const", "$ref", "oneOf", "anyOf", "allOf"} & schema.keys()):
        return True  # {} accepts anything
    return any(_accepts_null_plainly(m) for m in schema.get("oneOf") or schema.get("anyOf") or [])


JSON_KINDS = ("string", "integer", "number", "boolean", "array", "object")
json_kinds = st.sampled_from(JSON_KINDS)


def _union(draw: Draw, ctx: _Context, escapable: bool, depth: int) -> Schema:
    if _chance(draw, 2):
        count = draw(_integers(2, 3))
        return {"anyOf": [_member(draw, ctx, escapable, depth) for _ in range(count)]}
    # oneOf: members of pairwise disjoint JSON types (integer is a kind of number).
    kinds = draw(_unique_lists(json_kinds, 2, 3))
    if "integer" in kinds and "number" in kinds:
        kinds.remove("number")
        if len(kinds) < 2:
            kinds.append("boolean")
    return {"oneOf": [_typed_member(draw, ctx, kind, escapable, depth) for kind in kinds]}


# Enum values that bool, int and float members take laxly, and a few they do not.
lax_strings = st.sampled_from(("0", "1", "true", "false", "yes", "off", "1.5", "-7", "x", "z"))
lax_integers = st.sampled_from((0, 1, 2, -1, 10))
SCALARS = ("boolean", "integer", "number", "date-time", "date", "string enum", "integer enum")


def _member(draw: Draw, ctx: _Context, escapable: bool, depth: int) -> Schema:
    """An anyOf member: any schema, or (as often) a scalar whose values other scalars could
    take laxly (the cases where pydantic's smart unions go wrong)."""
    if _chance(draw, 2):
        return _value(draw, ctx, escapable, depth)
    scalar = _pick(draw, SCALARS)
    if scalar in ("date-time", "date"):
        return {"type": "string", "format": scalar}
    if scalar == "string enum":
        return {"type": "string", "enum": draw(_unique_lists(lax_strings, 2, 4))}
    if scalar == "integer enum":
        return {"type": "integer", "enum": draw(_unique_lists(lax_integers, 2, 3))}
    return {"type": scalar}


def _typed_member(draw: Draw, ctx: _Context, kind: str, escapable: bool, depth: int) -> Schema:
    """A schema that accepts values of the JSON type `kind` only (never null)."""
    inner = min(depth + 1, MAX_DEPTH)

    def plain_enum(plan: Plan) -> bool:
        return plan.kind == "enum" and plan.enum_type == kind and not plan.nullable

    def plain_object(plan: Plan) -> bool:
        return plan.kind in ("model", "variant", "allof") and not plan.nullable

    if kind in ("string", "integer"):
        enums = ctx.targets(escapable, plain_enum)
        choice = _pick(draw, ("primitive", "enum", "ref") if enums else ("primitive", "enum"))
        if choice == "ref":
            return ctx.ref(_pick(draw, enums))
        return _enum(draw, kind, nullable=False) if choice == "enum" else _primitive(draw, kind)
    if kind == "array":
        return {"type": "array", "items": _value(draw, ctx, True, inner)}
    if kind == "object":
        models = ctx.targets(escapable, plain_object)
        choice = _pick(draw, ("map", "object", "ref") if models else ("map", "object"))
        if choice == "ref":
            return ctx.ref(_pick(draw, models))
        if choice == "map":
            return {"type": "object", "additionalProperties": _value(draw, ctx, True, inner)}
        return _object(draw, ctx, escapable, min(depth, MAX_DEPTH), plan=None)
    return _primitive(draw, kind)


def _tagged(draw: Draw, ctx: _Context, plan: Plan) -> Schema:
    schema: Schema = {
        "oneOf": [ctx.ref(i) for i in plan.variants],
        "discriminator": {"propertyName": plan.tag},
    }
    if _chance(draw, 2):
        schema["discriminator"]["mapping"] = {
            ctx.plans[i].tag_value: SCHEMA_PREFIX + ctx.plans[i].name for i in plan.variants
        }
    return schema


def _all_of(draw: Draw, ctx: _Context, plan: Plan) -> Schema:
    """allOf: [its base (a later model), an extension with other properties]."""
    inherited = list(ctx.bodies[plan.base]["properties"])
    extension = _object(draw, ctx, escapable=False, depth=0, plan=None)
    extension.pop("additionalProperties", None)  # would forbid the base's properties
    names = [n for n in extension["properties"] if n not in inherited]
    if isinstance(ctx.bodies[plan.base].get("additionalProperties"), dict):
        # JSON Schema applies the base's additionalProperties to every property added here:
        # a spec that types both says two things of one key (the generator takes the added one)
        names = []
    if AVOID_WIRE_NAME_EQUAL_TO_OTHER_FIELD_NAME:
        names = _without_wire_name_clashes(inherited, names)
    extension["properties"] = {n: extension["properties"][n] for n in names}
    required = [n for n in extension.pop("required", []) if n in names]
    if required:
        extension["required"] = required
    return {"allOf": [ctx.ref(plan.base), extension]}


# -- steering around known bugs ---------------------------------------------------------------


def _steer_around_known_bugs(plans: list[Plan], bodies: dict[int, Schema]) -> None:
    if AVOID_UNION_IN_CYCLE or AVOID_CYCLES_OF_THREE_CLASSES:
        _cut_cycles(plans, bodies)
    if AVOID_DATES_IN_UNIONS or AVOID_LAX_ENUM_VALUES_IN_UNIONS or AVOID_LAX_FIELDS_IN_MODEL_UNIONS:
        _sanitize_union_members(plans, bodies)
    if AVOID_NESTED_NULL_IN_UNION_COMPONENT:
        _hoist_nested_nulls(plans, bodies)


def _is_ref(schema: Any) -> bool:
    return isinstance(schema, dict) and isinstance(schema.get("$ref"), str)


def _target(schema: Schema) -> str:
    return str(schema["$ref"]).removeprefix(SCHEMA_PREFIX)


def _union_members(schema: Schema) -> list[Any] | None:
    """The non-null members of a oneOf/anyOf with two or more (a union in Python)."""
    members = schema.get("oneOf") or schema.get("anyOf") or []
    non_null = [m for m in members if not (isinstance(m, dict) and m.get("type") == "null")]
    return non_null if len(non_null) >= 2 else None


def _subschemas(schema: Schema) -> list[Any]:
    """The schemas right below `schema` (not the names of its properties)."""
    found = [
        schema[k] for k in ("items", "additionalProperties") if isinstance(schema.get(k), dict)
    ]
    for keyword in ("oneOf", "anyOf", "allOf"):
        found.extend(schema.get(keyword) or [])
    found.extend((schema.get("properties") or {}).values())
    return found


def is_alias(component: Schema) -> bool:
    """Whether sdkwright makes a component a type alias (a union), as ir/schemas.py decides."""
    if [v for v in component.get("enum", []) if v is not None]:
        return False
    return _union_members(component) is not None


ClassNode = tuple[int, str]  # (component index, pointer of an inline model in it; "" itself)


def class_graph(plans: list[Plan], bodies: dict[int, Schema]) -> dict[ClassNode, set[ClassNode]]:
    """Which generated classes refer to which: components, and inline objects with properties
    (which become classes of their own). An approximation that errs towards more edges."""
    index = {plan.name: i for i, plan in enumerate(plans)}
    graph: dict[ClassNode, set[ClassNode]] = {(i, ""): set() for i in bodies}

    def walk(schema: Any, owner: ClassNode, pointer: str, at_root: bool) -> None:
        """`at_root`: properties here are the owner's own, not a new inline class."""
        if not isinstance(schema, dict):
            return
        if _is_ref(schema):
            graph[owner].add((index[_target(schema)], ""))
            return
        if schema.get("properties") and not at_root:
            node = (owner[0], pointer)
            graph.setdefault(node, set())
            graph[owner].add(node)
            owner, at_root = node, True
        for key in ("items", "additionalProperties"):
            walk(schema.get(key), owner, f"{pointer}/{key}", False)
        for name, child in (schema.get("properties") or {}).items():
            walk(child, owner, f"{pointer}/properties/{name}", False)
        for position, child in enumerate(schema.get("allOf") or []):
            walk(child, owner, f"{pointer}/allOf/{position}", at_root)
        wrapper = _union_members(schema) is None  # `X | None` is X's own class
        for keyword in ("oneOf", "anyOf"):
            for position, child in enumerate(schema.get(keyword) or []):
                walk(child, owner, f"{pointer}/{keyword}/{position}", at_root and wrapper)

    for i, body in bodies.items():
        walk(body, (i, ""), "", at_root=True)
    return graph


def cycles(graph: dict[ClassNode, set[ClassNode]]) -> list[set[ClassNode]]:
    """The strongly connected parts of `graph` that hold a cycle (a self-loop counts)."""
    reach = {node: _reachable(graph, node) for node in graph}
    found: list[set[ClassNode]] = []
    for node in graph:
        if node in reach[node] and not any(node in group for group in found):
            found.append({other for other in reach[node] if node in reach[other]})
    return found


def _reachable(graph: dict[ClassNode, set[ClassNode]], start: ClassNode) -> set[ClassNode]:
    seen: set[ClassNode] = set()
    pending = list(graph[start])
    while pending:
        node = pending.pop()
        if node not in seen:
            seen.add(node)
            pending.extend(graph[node])
    return seen


def _cut_cycles(plans: list[Plan], bodies: dict[int, Schema]) -> None:
    """Replace back references by free-form objects until no cycle holds a union or three
    or more classes."""

    def unwanted(group: set[ClassNode]) -> bool:
        has_union = any(not pointer and is_alias(bodies[i]) for i, pointer in group)
        return (AVOID_CYCLES_OF_THREE_CLASSES and len(group) >= 3) or (
            AVOID_UNION_IN_CYCLE and has_union
        )

    while bad := [group for group in cycles(class_graph(plans, bodies)) if unwanted(group)]:
        for group in bad:
            members = {i for i, _ in group}
            for i in members:
                back = {plans[j].name for j in members if j <= i}
                bodies[i] = _replace_references(bodies[i], back)


def _replace_references(schema: Any, names: set[str]) -> Any:
    if isinstance(schema, dict):
        if _is_ref(schema) and _target(schema) in names:
            return {"type": "object"}
        return {key: _replace_references(value, names) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_replace_references(value, names) for value in schema]
    return schema


_LAX_STRING_TARGETS = [pydantic.TypeAdapter(t) for t in (bool, int, float)]
_LAX_INTEGER_TARGETS = [pydantic.TypeAdapter(bool)]


def laxly_taken(value: Any) -> bool:
    """Whether a bool, int or float member of a union would take this enum value laxly."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return False
    for adapter in _LAX_STRING_TARGETS if isinstance(value, str) else _LAX_INTEGER_TARGETS:
        try:
            adapter.validate_python(value)
        except pydantic.ValidationError:
            continue
        return True
    return False


# Enum values no bool, int or float member takes ('y' is not one of them: bool takes "y").
SAFE_STRINGS = ["x", "z"]
SAFE_INTEGERS = [7, 8]
assert not any(laxly_taken(v) for v in [*SAFE_STRINGS, *SAFE_INTEGERS])


def _sanitize_union_members(plans: list[Plan], bodies: dict[int, Schema]) -> None:
    """Below union members (references followed): no date formats, no enum values that
    another member takes laxly (see AVOID_DATES_IN_UNIONS, AVOID_LAX_ENUM_VALUES_IN_UNIONS)."""
    index = {plan.name: i for i, plan in enumerate(plans)}
    done: set[int] = set()

    def sanitize(schema: Any) -> None:
        if not isinstance(schema, dict):
            return
        if _is_ref(schema):
            target = index[_target(schema)]
            if target not in done:
                done.add(target)
                sanitize(bodies[target])
            return
        if AVOID_DATES_IN_UNIONS and schema.get("format") in ("date", "date-time"):
            del schema["format"]
        if AVOID_LAX_FIELDS_IN_MODEL_UNIONS:
            _booleans_to_strings(schema)
        values = [v for v in schema.get("enum", []) if v is not None]
        if AVOID_LAX_ENUM_VALUES_IN_UNIONS and len(values) >= 2:
            kept = [v for v in values if not laxly_taken(v)]
            fillers = SAFE_STRINGS if isinstance(values[0], str) else SAFE_INTEGERS
            safe = kept + [f for f in fillers if f not in kept][: max(0, 2 - len(kept))]
            schema["enum"] = safe + [None] * (None in schema["enum"])
            if "default" in schema and schema["default"] not in safe:
                del schema["default"]
        for child in _subschemas(schema):
            sanitize(child)

    def find_unions(schema: Any) -> None:
        if isinstance(schema, dict):
            for member in _union_members(schema) or []:
                sanitize(member)
            for child in _subschemas(schema):
                find_unions(child)

    for body in bodies.values():
        find_unions(body)


def _booleans_to_strings(schema: Schema) -> None:
    """`type: boolean` (or [boolean, null]) and boolean enum or const values, as strings."""
    kind = schema.get("type")
    if kind == "boolean":
        schema["type"] = "string"
    elif isinstance(kind, list) and "boolean" in kind:
        schema["type"] = ["string" if k == "boolean" else k for k in kind]
    for key in ("enum", "default"):
        value = schema.get(key)
        if isinstance(value, list):
            schema[key] = [str(v).lower() if isinstance(v, bool) else v for v in value]
        elif isinstance(value, bool):
            schema[key] = str(value).lower()
    if isinstance(schema.get("const"), bool):
        schema["const"] = str(schema["const"]).lower()


def _hoist_nested_nulls(plans: list[Plan], bodies: dict[int, Schema]) -> None:
    index = {plan.name: i for i, plan in enumerate(plans)}

    def accepts_null(schema: Any, seen: frozenset[int]) -> bool:
        if _is_ref(schema):
            target = index[_target(schema)]
            return target not in seen and accepts_null(bodies[target], seen | {target})
        if not isinstance(schema, dict):
            return schema is True
        members = schema.get("oneOf") or schema.get("anyOf") or []
        return _accepts_null_plainly(schema) or any(accepts_null(m, seen) for m in members)

    for i, body in bodies.items():
        members = _union_members(body) or []
        if is_alias(body) and any(accepts_null(m, frozenset({i})) for m in members):
            keyword = "oneOf" if "oneOf" in body else "anyOf"
            body["anyOf"] = [*body.pop(keyword), {"type": "null"}]


# -- instance schemas -------------------------------------------------------------------------


def instance_schema(spec: Spec, name: str) -> Schema | bool:
    """A JSON Schema (draft 7, no references) for instances of component `name`.

    Back references are unrolled BACK_REF_BUDGET times, fewer when the result would be
    large (hypothesis-jsonschema's canonicalisation grows with it).
    """
    index = {plan.name: i for i, plan in enumerate(spec.plans)}
    unrolled: Schema | bool = {}
    for budget in range(BACK_REF_BUDGET, -1, -1):
        unrolled = _unroll(spec, index, spec.schemas[name], index[name], budget)
        if _size(unrolled) <= MAX_INSTANCE_SCHEMA_NODES:
            break
    return unrolled


_ANNOTATIONS = frozenset({"description", "deprecated", "discriminator", "default"})


def _unroll(
    spec: Spec, index: dict[str, int], schema: Any, owner: int, budget: int, part: bool = False
) -> Any:
    """`part`: an allOf part, whose unknown keys the allOf restricts (see `_python_keys`)."""
    if not isinstance(schema, dict):
        return schema
    if _is_ref(schema):
        target = _target(schema)
        position = index[target]
        if position <= owner:
            if budget == 0:
                return False
            budget -= 1
        return _unroll(spec, index, spec.schemas[target], position, budget, part)
    result: Schema = {}
    keys = (
        _python_keys(spec, schema) if AVOID_WIRE_NAME_EQUAL_TO_OTHER_FIELD_NAME and not part else []
    )
    if keys:
        result["propertyNames"] = {"not": {"enum": keys}}
    for key, value in schema.items():
        if key in _ANNOTATIONS:
            continue
        if key in ("items", "additionalProperties"):
            result[key] = _unroll(spec, index, value, owner, budget)
        elif key == "allOf":
            result[key] = [_unroll(spec, index, v, owner, budget, part=True) for v in value]
        elif key in ("oneOf", "anyOf"):
            result[key] = [_unroll(spec, index, v, owner, budget) for v in value]
        elif key == "properties":
            result[key] = {k: _unroll(spec, index, v, owner, budget) for k, v in value.items()}
        elif key == "format" and value in ("int32", "int64"):
            result["minimum"], result["maximum"] = INT32 if value == "int32" else INT64
        else:
            result[key] = copy.deepcopy(value)
    return result


def _python_keys(spec: Spec, schema: Schema) -> list[str]:
    """The Python names of a model's aliased fields: keys that instances must not have."""
    wire_names: list[str] = []
    for part in [*(schema.get("allOf") or []), schema]:  # the generator's order: parts first
        target = spec.schemas[_target(part)] if _is_ref(part) else part
        wire_names += list(target.get("properties") or {})
    python = python_field_names(list(dict.fromkeys(wire_names)))
    return sorted(set(python) - set(wire_names))


def _size(schema: Any) -> int:
    if isinstance(schema, dict):
        return 1 + sum(_size(v) for v in schema.values())
    if isinstance(schema, list):
        return 1 + sum(_size(v) for v in schema)
    return 1
