# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""What the runtime and every model type share of pydantic.

pydantic parses responses into the SDK's types (but for msgspec structs) through one
``TypeAdapter`` per type, and reads the tags of tagged unions with ``tag_reader``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import pydantic

from ._validation import recursion_room, type_name

__all__ = ["DecodeError", "adapter_for", "decode_json", "tag_reader", "validate_data"]

_T = TypeVar("_T")

# What ``decode_json`` raises for JSON that does not fit the type (or is no JSON).
DecodeError = pydantic.ValidationError

# TypeAdapter construction is costly; the set of types in an SDK is small and
# fixed, so an unbounded cache is fine.
_adapters: dict[object, pydantic.TypeAdapter[Any]] = {}


def adapter_for(tp: type[_T]) -> pydantic.TypeAdapter[_T]:
    try:
        adapter = _adapters.get(tp)
    except TypeError:  # an annotation holding unhashable metadata (a field's FieldInfo)
        return _adapter(tp)
    if adapter is None:
        adapter = _adapters[tp] = _adapter(tp)
    return adapter


def _adapter(tp: type[_T]) -> pydantic.TypeAdapter[_T]:
    """The adapter of `tp`, built now (the models defer their builds to their first use), with
    room for types nested deeper than Python's default recursion limit allows."""
    with recursion_room():
        adapter = pydantic.TypeAdapter(tp)
        adapter.rebuild(raise_errors=False)  # False: a name still undefined; built on use
    return adapter


def decode_json(content: bytes, tp: type[_T]) -> _T:
    """``content``, JSON, validated into ``tp``."""
    try:
        return adapter_for(tp).validate_json(content)
    except pydantic.ValidationError as error:
        raise _titled(error, tp) from None


def validate_data(data: object, tp: Any) -> object:
    """``data``, decoded JSON, validated into ``tp`` (`_validation` asks this of parts of a
    response)."""
    return adapter_for(tp).validate_python(data)


def _titled(error: pydantic.ValidationError, tp: object) -> pydantic.ValidationError:
    """`error` under the name of the type it is about: pydantic titles it after the outermost
    validator, which for the SDK's models is a wrap validator (`function-wrap[...]`)."""
    try:
        return pydantic.ValidationError.from_exception_data(
            type_name(tp),
            error.errors(),  # type: ignore[arg-type]  # ErrorDetails are InitErrorDetails plus text
            input_type="json",
        )
    except (KeyError, TypeError, ValueError):  # an error type of a validator of its own
        return error


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
