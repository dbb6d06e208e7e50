# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""How the SDK's models, TypedDicts written by datamodel-code-generator, meet the wire.

A result is the JSON object itself, validated by pydantic and returned as a plain dict keyed
by wire names. Servers change before SDKs are regenerated: the keys a TypedDict does not
declare are kept, not dropped (`keep_unknown_keys`, as `types/__init__.py` applies it). A
tagged union finds a value's tag with `tag_reader`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pydantic

__all__ = ["keep_unknown_keys", "tag_reader"]


def keep_unknown_keys(*classes: type) -> None:
    """Have pydantic keep the keys each TypedDict of `classes` does not declare."""
    config = pydantic.ConfigDict(extra="allow")
    for cls in classes:
        pydantic.with_config(config)(cls)


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
