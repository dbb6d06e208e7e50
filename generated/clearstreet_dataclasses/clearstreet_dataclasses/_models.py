# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""How the SDK's models, dataclasses written by datamodel-code-generator, meet the wire.

Dataclasses know neither wire names nor unset fields. pydantic, which parses responses into
them and dumps request bodies from them, is told each class's wire names (`wire_names`, as
`types/__init__.py` applies it); a field left at None is not sent. A tagged union finds a
value's tag with `tag_reader`. A response that does not fit is built field by field
(`_validation`, with `model_fields` and `construct`): the dataclass's own `__init__` does not
check types, so it keeps the server's values.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import pydantic

from ._pydantic import DecodeError, adapter_for, decode_json, tag_reader, validate_data
from ._validation import ModelField

__all__ = [
    "DecodeError",
    "construct",
    "decode_json",
    "dump_dataclass",
    "dump_model",
    "model_fields",
    "tag_reader",
    "validate_data",
    "wire_names",
]

_ClassT = TypeVar("_ClassT", bound=type)


def wire_names(names: Mapping[str, str]) -> Callable[[_ClassT], _ClassT]:
    """A class decorator: the field named `name` is `names[name]` on the wire."""
    config = pydantic.ConfigDict(
        alias_generator=lambda name: names.get(name, name),
        validate_by_name=True,
        validate_by_alias=True,
    )
    return pydantic.with_config(config)


def dump_dataclass(value: object) -> object:
    """A model instance as JSON data, by wire names, without the fields left at None."""
    return adapter_for(type(value)).dump_python(
        value, mode="json", by_alias=True, exclude_none=True
    )


def dump_model(value: object) -> object | None:
    """A dataclass instance as JSON data (`dump_dataclass`); None for anything else."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dump_dataclass(value)
    return None


def model_fields(tp: object) -> Sequence[ModelField] | None:
    """The fields a dataclass takes in `__init__`, by their wire names; None for anything else."""
    if not isinstance(tp, type) or not dataclasses.is_dataclass(tp):
        return None
    config = getattr(tp, "__pydantic_config__", {})
    wire_name: Callable[[str], str] = config.get("alias_generator") or (lambda name: name)
    hints = typing.get_type_hints(tp, include_extras=True)  # annotations may be strings
    return [
        (
            field.name,
            wire_name(field.name),
            hints.get(field.name, Any),
            field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING,
        )
        for field in dataclasses.fields(tp)
        if field.init
    ]


def construct(tp: Any, values: dict[str, object], extra: dict[str, object]) -> object:
    """A dataclass of `values` as they are, its required fields that did not come None (a
    dataclass has no place for `extra` keys)."""
    missing = {name: None for name, _, _, required in model_fields(tp) or () if required}
    return tp(**{**missing, **values})
