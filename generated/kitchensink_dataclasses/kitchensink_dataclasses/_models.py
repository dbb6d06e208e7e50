# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""How the SDK's models, dataclasses written by datamodel-code-generator, meet the wire.

Dataclasses know neither wire names nor unset fields. pydantic, which parses responses into
them and dumps request bodies from them, is told each class's wire names (`wire_names`, as
`types/__init__.py` applies it); a field left at None is not sent. A tagged union finds a
value's tag with `tag_reader`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import pydantic

__all__ = ["dump_dataclass", "tag_reader", "wire_names"]

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


def tag_reader(key: str, attribute: str = "") -> Callable[[Any], str | None]:
    """What a tagged union's `pydantic.Discriminator` calls to find a value's tag.

    A union whose variants the API tells apart by a tag property that they do not type as a
    constant (a plain string) is written

        Annotated[
            Annotated[Attach, pydantic.Tag("attach")] | Annotated[Detach, pydantic.Tag("detach")],
            pydantic.Discriminator(tag_reader("type")),
        ]

    The function returned reads the tag from wire data (a mapping) by its wire name `key`,
    and from a model built in Python by its attribute (`attribute`, when the Python name
    differs). A missing tag, or one that is not a string, reads as None and pydantic raises
    `union_tag_not_found`; a tag that no variant has raises `union_tag_invalid`.
    """
    name = attribute or key

    def read_tag(value: Any) -> str | None:
        tag = value.get(key) if isinstance(value, Mapping) else getattr(value, name, None)
        return tag if isinstance(tag, str) else None  # a string enum's member is a string

    return read_tag
