"""The models module, written by datamodel-code-generator through its Python API.

It is given the schemas as the IR normalised and named them (an OpenAPI document whose
components are the IR's definitions, keyed by their final class names, with every field's
Python name as a scoped alias of its wire name), so every class it writes has the name the
clients import, and every field the attribute name the clients read.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import replace
from typing import Any

from sdkwright.flavours.datamodel_code_generator.output import Output
from sdkwright.ir.nodes import (
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
    Primitive,
    TypeRef,
    UnionOf,
)

_PRIMITIVES: dict[str, dict[str, Any]] = {
    "str": {"type": "string"},
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "datetime": {"type": "string", "format": "date-time"},
    "date": {"type": "string", "format": "date"},
    "bytes": {"type": "string", "format": "binary"},
    "any": {},
    "object": {},
    "null": {"type": "null"},
}


def with_models_module(api: Api, module: str) -> Api:
    """The Api with every definition in `module`: import lines then name the one module."""
    return replace(api, definitions=tuple(replace(d, module=module) for d in api.definitions))


def render_models(api: Api, output: Output, banner: str) -> str:
    """The models module's source, unformatted (the format stage formats it like the rest)."""
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import DatetimeClassType, PythonVersion

    arguments: dict[str, Any] = {
        "allow_population_by_field_name": False,
        "extra_template_data": None,
        "special_field_name_prefix": None,
        **output.arguments(),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its notices about future defaults, not about the input
        text = generate(
            openapi_document(api, defaults=output.defaults),
            input_file_type=InputFileType.OpenAPI,
            output_model_type=DataModelType(output.data_model_type),
            target_python_version=PythonVersion.PY_310,  # the SDK's requires-python
            aliases=field_aliases(api) if output.aliases else None,
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
            **arguments,
        )
    assert isinstance(text, str), "one input document gives one module"
    return text


def openapi_document(api: Api, *, defaults: bool = True) -> dict[str, Any]:
    """The components of `api` as datamodel-code-generator reads them. Without `defaults`,
    a field's default is told in its description instead."""
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


def _is_date(type_: TypeRef) -> bool:
    core = type_.inner if isinstance(type_, Nullable) else type_
    return isinstance(core, Primitive) and core.name in ("date", "datetime")


def definition_schema(definition: Definition, *, defaults: bool = True) -> dict[str, Any]:
    described = {"description": definition.description} if definition.description else {}
    if isinstance(definition, Model):
        properties = {}
        for f in definition.fields:
            schema = type_schema(f.type)
            description = f.description
            # datamodel-code-generator writes a date's default as the string it came as.
            written = defaults and not _is_date(f.type)
            if f.default is not MISSING and not written:
                told = f"Default: {json.dumps(f.default, ensure_ascii=False)}."
                description = f"{description} {told}" if description else told
            if description:
                schema = {**schema, "description": description}
            if f.default is not MISSING and written:
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
