"""Models written by datamodel-code-generator, for the `datamodel-code-generator` flavour.

It is given the schemas as the IR normalised and named them (an OpenAPI document whose
components are the IR's definitions, keyed by their final class names, with every field's
Python name as a scoped alias of its wire name), so every class it writes has the name the
clients import, and every field the attribute name the clients read.
"""

from __future__ import annotations

import json
import warnings
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.flavours import Plan
from sdkwright.ir.nodes import (
    ANY,
    MISSING,
    Alias,
    Api,
    Definition,
    Enum,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Operation,
    Primitive,
    Response,
    TypeRef,
    UnionOf,
)

# The module under types/ that holds every model: one file, as datamodel-code-generator writes it.
MODULE = "_datamodel"
MODEL_TYPES = {
    "dataclasses": "dataclasses.dataclass",
    "msgspec": "msgspec.Struct",
    "pydantic_v2": "pydantic_v2.BaseModel",
    "typeddict": "typing.TypedDict",
}
_PRIMITIVES: dict[str, dict[str, Any]] = {
    "str": {"type": "string"},
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "datetime": {"type": "string", "format": "date-time"},
    "date": {"type": "string", "format": "date"},
    "bytes": {"type": "string", "format": "binary"},
    "any": {},
}


def with_models_module(api: Api) -> Api:
    """The Api with every definition in MODULE: import lines then name the one module."""
    return replace(api, definitions=tuple(replace(d, module=MODULE) for d in api.definitions))


def render_models(api: Api, model_type: str, banner: str) -> str:
    """The models module's source, unformatted (the format stage formats it like the rest)."""
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import DatetimeClassType, PythonVersion

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its notices about future defaults, not about the input
        text = generate(
            openapi_document(api, defaults=model_type != "msgspec"),
            input_file_type=InputFileType.OpenAPI,
            output_model_type=DataModelType(MODEL_TYPES[model_type]),
            target_python_version=PythonVersion.PY_310,  # the SDK's requires-python
            # A TypedDict's keys are the wire names: it has no other names to give them.
            aliases=None if model_type == "typeddict" else field_aliases(api),
            custom_file_header=f"{banner}\n",
            disable_timestamp=True,
            use_schema_description=True,
            use_field_description=True,
            use_standard_collections=True,
            use_union_operator=True,
            capitalise_enum_members=True,
            set_default_enum_member=True,
            use_type_alias=True,  # a named union is a type alias, as in the IR, not a RootModel
            use_title_as_name=False,
            formatters=[],
            output_datetime_class=DatetimeClassType.Datetime,  # the IR's datetime
            strict_nullable=True,
            # Clients and tests build models by their Python names, responses by wire names.
            allow_population_by_field_name=model_type == "pydantic_v2",
            # pydantic reads only typing_extensions' TypedDict before Python 3.12.
            extra_template_data=_typed_dict_backport() if model_type == "typeddict" else None,
            # A TypedDict key starting with "_" stays as it is (`_links`, not `field_links`).
            special_field_name_prefix="" if model_type == "typeddict" else None,
        )
    assert isinstance(text, str), "one input document gives one module"
    return text


def _typed_dict_backport() -> defaultdict[str, dict[str, Any]]:
    # A new one each time: datamodel-code-generator adds its own entries to it.
    return defaultdict(dict, {"#all#": {"use_total_false_typeddict_backport": True}})


def openapi_document(api: Api, *, defaults: bool = True) -> dict[str, Any]:
    """The components of `api` as datamodel-code-generator reads them. Without `defaults`,
    a field's default is told in its description instead: a msgspec struct would fill it in
    and send it, where the SDK sends only what the caller set (the server applies it)."""
    schemas = {d.name: definition_schema(d, defaults=defaults) for d in api.definitions}
    return {
        "openapi": "3.1.0",
        "info": {"title": api.title, "version": api.version or "0"},
        "paths": {},
        "components": {"schemas": schemas},
    }


def field_aliases(api: Api) -> dict[str, str]:
    """`Class.wire_name` -> Python name, for every field whose two names differ."""
    return {
        f"{d.name}.{f.wire_name}": f.name
        for d in api.definitions
        if isinstance(d, Model)
        for f in d.fields
        if f.name != f.wire_name
    }


def definition_schema(definition: Definition, *, defaults: bool = True) -> dict[str, Any]:
    described = {"description": definition.description} if definition.description else {}
    if isinstance(definition, Model):
        properties = {}
        for f in definition.fields:
            schema = type_schema(f.type)
            description = f.description
            if f.default is not MISSING and not defaults:
                told = f"Default: {json.dumps(f.default, ensure_ascii=False)}."
                description = f"{description} {told}" if description else told
            if description:
                schema = {**schema, "description": description}
            if f.default is not MISSING and defaults:
                schema = {**schema, "default": f.default}
            properties[f.wire_name] = schema
        required = [f.wire_name for f in definition.fields if f.required]
        return {
            "type": "object",
            **described,
            "properties": properties,
            **({"required": required} if required else {}),
        }
    if isinstance(definition, Enum):
        return {
            "type": "string" if definition.value_type == "str" else "integer",
            **described,
            "enum": [m.value for m in definition.members],
            "x-enum-varnames": [m.name for m in definition.members],
        }
    assert isinstance(definition, Alias)
    return {**type_schema(definition.type), **described}


def type_schema(type_: TypeRef) -> dict[str, Any]:
    if isinstance(type_, Primitive):
        return dict(_PRIMITIVES[type_.name])
    if isinstance(type_, Named):
        return {"$ref": f"#/components/schemas/{type_.name}"}
    if isinstance(type_, ListOf):
        return {"type": "array", "items": type_schema(type_.item)}
    if isinstance(type_, MapOf):
        return {"type": "object", "additionalProperties": type_schema(type_.value)}
    if isinstance(type_, UnionOf):
        return {"anyOf": [type_schema(m) for m in type_.members]}
    if isinstance(type_, Nullable):
        return {"anyOf": [type_schema(type_.inner), {"type": "null"}]}
    assert isinstance(type_, LiteralOf)
    if len(type_.values) == 1:
        return {"const": type_.values[0]}
    return {"anyOf": [{"const": v} for v in type_.values]}


# -- msgspec: unions it cannot decode --------------------------------------------------------
#
# msgspec decodes a union only when the JSON alone picks the member: at most one member of
# each JSON kind (object, array, string, integer), except objects that are structs tagged by
# a discriminator. A union it cannot decode is loosened, with a warning, to the JSON value
# as it comes (`dict[str, Any]` when every member is an object, else `Any`).

LOOSE_OBJECT = MapOf(ANY)


def _kind(type_: TypeRef, definitions: Mapping[str, Definition]) -> str:
    """The JSON kind a value of `type_` is, for msgspec's union rules ("" for any kind)."""
    if isinstance(type_, Named):
        definition = definitions.get(type_.name)
        if isinstance(definition, Model):
            return "object"
        if isinstance(definition, Enum):
            return "string" if definition.value_type == "str" else "integer"
        return _kind(definition.type, definitions) if isinstance(definition, Alias) else ""
    if isinstance(type_, MapOf):
        return "object"
    if isinstance(type_, ListOf):
        return "array"
    if isinstance(type_, Primitive):
        return _PRIMITIVE_KINDS.get(type_.name, "")
    if isinstance(type_, LiteralOf):
        return "string" if all(isinstance(v, str) for v in type_.values) else ""
    return ""  # a nested union or a nullable: msgspec checks what it flattens to


_PRIMITIVE_KINDS = {
    "str": "string",
    "datetime": "string",
    "date": "string",
    "bytes": "string",
    "int": "integer",
}


def _undecodable(
    union: UnionOf, definitions: Mapping[str, Definition], tagged: frozenset[str]
) -> bool:
    kinds = [_kind(m, definitions) for m in union.members]
    objects_tagged = bool(union.discriminator) and all(
        isinstance(m, Named) and m.name in tagged
        for m, kind in zip(union.members, kinds, strict=True)
        if kind == "object"
    )
    return any(
        kinds.count(kind) > 1 and not (kind == "object" and objects_tagged)
        for kind in {"object", "array", "string", "integer"}
    )


UnionMap = Callable[[UnionOf], TypeRef]


def _map_unions(type_: TypeRef, change: UnionMap) -> TypeRef:
    """`type_` with `change` applied to every union in it, the innermost first."""
    if isinstance(type_, ListOf):
        return ListOf(_map_unions(type_.item, change))
    if isinstance(type_, MapOf):
        return MapOf(_map_unions(type_.value, change))
    if isinstance(type_, Nullable):
        return Nullable(_map_unions(type_.inner, change))
    if isinstance(type_, UnionOf):
        members = tuple(_map_unions(m, change) for m in type_.members)
        return change(replace(type_, members=members))
    return type_


def _tagged_structs(definitions: Mapping[str, Definition]) -> frozenset[str]:
    """The models datamodel-code-generator writes as tagged structs: the members of the
    discriminated unions among the definitions (a union only in an operation tags none)."""
    tagged: set[str] = set()

    def collect(union: UnionOf) -> TypeRef:
        if union.discriminator:
            tagged.update(m.name for m in union.members if isinstance(m, Named))
        return union

    for definition in definitions.values():
        _map_definition(definition, collect)
    return frozenset(tagged)


def _loosener(definitions: Mapping[str, Definition]) -> UnionMap:
    """A union msgspec cannot decode becomes a looser type; others stay as they are."""
    tagged = _tagged_structs(definitions)

    def loosen(union: UnionOf) -> TypeRef:
        if not _undecodable(union, definitions, tagged):
            return union
        kinds = {_kind(m, definitions) for m in union.members}
        return LOOSE_OBJECT if kinds == {"object"} else ANY

    return loosen


def _map_definition(definition: Definition, change: UnionMap) -> Definition:
    if isinstance(definition, Model):
        fields = tuple(replace(f, type=_map_unions(f.type, change)) for f in definition.fields)
        return replace(definition, fields=fields)
    if isinstance(definition, Alias):
        return replace(definition, type=_map_unions(definition.type, change))
    return definition


def _map_responses(op: Operation, change: UnionMap) -> Operation:
    """The operation with `change` applied to the unions of its responses' types."""

    def response(r: Response) -> Response:
        return r if r.type is None else replace(r, type=_map_unions(r.type, change))

    return replace(op, success=response(op.success), responses=tuple(map(response, op.responses)))


def for_typed_dicts(api: Api) -> Api:
    """The Api with each union's discriminator named by its wire name: a TypedDict's key.
    (The models module's unions carry none; the clients' return types name it for pydantic.)"""
    definitions = {d.name: d for d in api.definitions}

    def by_wire_name(union: UnionOf) -> TypeRef:
        wire = _wire_name(union, definitions)
        return replace(union, discriminator=wire) if wire else union

    groups = tuple(
        replace(g, operations=tuple(_map_responses(op, by_wire_name) for op in g.operations))
        for g in api.groups
    )
    return replace(api, groups=groups)


def _wire_name(union: UnionOf, definitions: Mapping[str, Definition]) -> str:
    """The wire name of `union`'s discriminator field ("" without one)."""
    for member in union.members:
        model = definitions.get(member.name) if isinstance(member, Named) else None
        if isinstance(model, Model):
            for f in model.fields:
                if f.name == union.discriminator:
                    return f.wire_name
    return ""


def for_msgspec(api: Api) -> tuple[Api, list[Diagnostic]]:
    """The Api with the unions msgspec cannot decode loosened, and a warning for each."""
    loosen = _loosener({d.name: d for d in api.definitions})
    loosened = tuple(_map_definition(d, loosen) for d in api.definitions)
    groups = tuple(
        replace(g, operations=tuple(_map_responses(op, loosen) for op in g.operations))
        for g in api.groups
    )
    diagnostics = [
        _loosened_warning(api, new.name, new.source)
        for old, new in zip(api.definitions, loosened, strict=True)
        if old != new
    ]
    diagnostics += [
        _loosened_warning(api, f"operation {old.operation_id}", old.source)
        for before, after in zip(api.groups, groups, strict=True)
        for old, new in zip(before.operations, after.operations, strict=True)
        if old != new
    ]
    return replace(api, definitions=loosened, groups=groups), diagnostics


def _loosened_warning(api: Api, what: str, pointer: str) -> Diagnostic:
    message = (
        f"{what}: a union msgspec cannot tell apart by its JSON alone (several objects without"
        " a discriminator, or several arrays, strings or integers) is read as plain JSON data"
        " with output_model_type msgspec"
    )
    return Diagnostic(
        Level.WARNING,
        "datamodel.msgspec-union",
        message,
        Location(api.source_name, pointer=pointer),
        hint="add a discriminator to the union, or use another output_model_type",
    )


def diagnostics(api: Api, plan: Plan) -> list[Diagnostic]:
    """What the flavour's model type cannot represent precisely in `api` (none for most)."""
    if plan.models != "datamodel-code-generator":
        return []
    return for_msgspec(api)[1] if plan.model_type == "msgspec" else _untagged(api)


def _untagged(api: Api) -> list[Diagnostic]:
    """The definitions holding a union told apart by tags that its variants type as plain
    strings: datamodel-code-generator is given plain unions (see type_schema), so pydantic
    picks their variant by fit there; the clients' own unions keep their tags."""
    found: list[Diagnostic] = []
    for definition in api.definitions:
        if isinstance(definition, Model):
            types = [f.type for f in definition.fields]
        else:
            types = [definition.type] if isinstance(definition, Alias) else []
        if any(_tag_dispatched(t) for t in types):
            message = (
                f"{definition.name}: a union whose variants are told apart by a tag they type as"
                " a plain string is a plain union in datamodel-code-generator's models (pydantic"
                " picks the variant that fits best)"
            )
            location = Location(api.source_name, pointer=definition.source)
            hint = "give each variant its tag as a const, or use the httpx or requests flavour"
            found.append(
                Diagnostic(Level.WARNING, "datamodel.tagged-union", message, location, hint)
            )
    return found


def _tag_dispatched(type_: TypeRef) -> bool:
    if isinstance(type_, UnionOf):
        return type_.dispatch is not None or any(_tag_dispatched(m) for m in type_.members)
    if isinstance(type_, ListOf):
        return _tag_dispatched(type_.item)
    if isinstance(type_, MapOf):
        return _tag_dispatched(type_.value)
    return isinstance(type_, Nullable) and _tag_dispatched(type_.inner)
