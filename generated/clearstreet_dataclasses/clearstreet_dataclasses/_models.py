# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""How the SDK's models, dataclasses written by datamodel-code-generator, meet the wire.

Dataclasses know neither wire names nor unset fields. pydantic, which parses responses into
them and dumps request bodies from them, is told each class's wire names (`wire_names`, as
`types/__init__.py` applies it); a field left at None is not sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import pydantic

__all__ = ["dump_dataclass", "wire_names"]

_ClassT = TypeVar("_ClassT", bound=type)


def wire_names(names: Mapping[str, str]) -> Callable[[_ClassT], _ClassT]:
    """A class decorator: the field named `name` is `names[name]` on the wire."""
    config = pydantic.ConfigDict(
        alias_generator=lambda name: names.get(name, name),
        validate_by_name=True,
        validate_by_alias=True,
    )
    return pydantic.with_config(config)


# TypeAdapter construction is costly; an SDK has a small, fixed set of classes.
_adapters: dict[type[Any], pydantic.TypeAdapter[Any]] = {}


def _adapter(cls: type[Any]) -> pydantic.TypeAdapter[Any]:
    adapter = _adapters.get(cls)
    if adapter is None:
        adapter = _adapters[cls] = pydantic.TypeAdapter(cls)
    return adapter


def dump_dataclass(value: object) -> object:
    """A model instance as JSON data, by wire names, without the fields left at None."""
    return _adapter(type(value)).dump_python(value, mode="json", by_alias=True, exclude_none=True)
