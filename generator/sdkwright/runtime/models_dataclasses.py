"""How the SDK's models, dataclasses written by datamodel-code-generator, meet the wire.

Dataclasses know neither wire names nor unset fields. pydantic, which parses responses into
them and dumps request bodies from them, is told each class's wire names (`wire_names`, as
`types/__init__.py` applies it); a field left at None is not sent. A tagged union finds a
value's tag with `tag_reader`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import TypeVar

import pydantic

from ._pydantic import DecodeError, adapter_for, decode_json, tag_reader

__all__ = [
    "DecodeError",
    "decode_json",
    "dump_dataclass",
    "dump_model",
    "tag_reader",
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
