# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Query parameters and form fields in their OpenAPI styles: form (exploded or not),
deepObject and the delimited styles, and parameters described by a JSON media type."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import TypeVar

import pydantic

from ._types import NotGiven, Query
from ._values import array_items, composite, item_text, to_jsonable, to_str, whole_numbers

__all__ = [
    "StyledValue",
    "deep_object",
    "delimited",
    "encode_query",
    "exploded",
    "form_pairs",
    "given_or",
    "json_value",
]

_T = TypeVar("_T")


def encode_query(params: Query | None, extra_query: Query | None) -> tuple[tuple[str, str], ...]:
    """Flatten query parameters into (name, value) pairs.

    Unset (``None``/``NOT_GIVEN``) parameters are left out, sequences become
    repeated keys (``?tag=a&tag=b``): the OpenAPI default, "form" style with
    ``explode: true``. Objects need their style said: ``exploded`` (their own
    keys, ``?role=admin&first=Alex``) or ``deep_object``; ``delimited`` shapes
    the delimited styles. ``extra_query`` replaces parameters of the same
    name, and can remove one by mapping it to ``None``.
    """
    if not params and not extra_query:
        return ()
    return tuple(form_pairs({**(params or {}), **(extra_query or {})}))


def form_pairs(fields: Mapping[str, object]) -> Iterator[tuple[str, str]]:
    """(name, text) pairs of query parameters or form fields, as ``encode_query`` says."""
    for name, value in fields.items():
        if value is None or isinstance(value, NotGiven):
            continue
        items = array_items(value)
        if isinstance(value, StyledValue):
            yield from _styled_pairs(name, value)
        elif isinstance(value, Mapping):
            raise TypeError(f"{name!r}: objects need a style, exploded() or deep_object()")
        elif items is not None:  # any iterable: a list, a tuple, a generator
            yield from ((name, item_text(item)) for item in items if item is not None)
        else:
            yield name, to_str(value)


def json_value(value: _T) -> _T | str:
    """A parameter described by a JSON media type (OpenAPI's `content`) as its compact JSON
    text (keys sorted, whole numbers without ".0"); the query, path or cookie encoding then
    percent-encodes it. Unset values stay unset."""
    if value is None or isinstance(value, NotGiven):
        return value
    return json.dumps(
        whole_numbers(to_jsonable(value)),
        ensure_ascii=True,  # header values are ASCII
        separators=(",", ":"),
        sort_keys=True,
        allow_nan=False,
    )


class StyledValue:
    """An object (or array) parameter or form field, with the style to send it in."""

    __slots__ = ("deep", "value")

    def __init__(self, value: object, *, deep: bool) -> None:
        self.value = value
        self.deep = deep


def _styled_pairs(name: str, styled: StyledValue) -> Iterator[tuple[str, str]]:
    if styled.deep:
        yield from _bracketed(name, styled.value)
        return
    value = to_jsonable(styled.value)
    if not isinstance(value, Mapping):
        yield from form_pairs({name: value})
        return
    for key, item in value.items():
        yield from _bracketed(to_str(key), item)


def exploded(value: _T) -> _T | StyledValue:
    """An object whose properties are sent as parameters (or fields) of their own.

    The OpenAPI ``form`` style with ``explode: true``: ``{"role": "admin"}`` sends
    ``role=admin``. Unset values stay unset.
    """
    if value is None or isinstance(value, NotGiven):
        return value
    return StyledValue(value, deep=False)


def deep_object(value: _T) -> _T | StyledValue:
    """A parameter or form field in the ``deepObject`` style (unset values stay unset).

    Objects nest as ``name[key]`` and arrays as ``name[0]``, ``name[1]``: what
    Rails, PHP and Stripe-style APIs read, also below the first level, where
    OpenAPI itself says nothing.
    """
    if value is None or isinstance(value, NotGiven):
        return value
    return StyledValue(value, deep=True)


def _bracketed(prefix: str, value: object) -> Iterator[tuple[str, str]]:
    if isinstance(value, pydantic.BaseModel):
        value = to_jsonable(value)
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _bracketed(f"{prefix}[{to_str(key)}]", item)
    elif (items := array_items(value)) is not None:
        for index, item in enumerate(items):
            yield from _bracketed(f"{prefix}[{index}]", item)
    elif value is not None and not isinstance(value, NotGiven):
        yield prefix, to_str(value)


def given_or(value: object, fixed: object) -> object:
    """The caller's value of a query parameter, or the value its path key fixes when the caller
    gave none (``/responses?beta=true`` with a declared ``beta`` parameter)."""
    return fixed if value is None or isinstance(value, NotGiven) else value


def delimited(value: _T, separator: str = ",", *, key_separator: str = ",") -> _T | str:
    """An array or object as one delimited value (unset values stay unset).

    ``separator`` joins array items: "," for the ``form`` style without
    explode and the ``simple`` style, " " for ``spaceDelimited``, "|" for
    ``pipeDelimited``. Objects give ``key,value`` pairs, or ``key=value`` with
    ``key_separator="="`` (``simple`` style with explode).
    """
    if value is None or isinstance(value, NotGiven):
        return value
    if isinstance(value, Mapping):
        return separator.join(f"{to_str(k)}{key_separator}{item_text(v)}" for k, v in value.items())
    items = array_items(value)
    if items is not None:
        if any(composite(item) is not None for item in items):
            return item_text(items)  # objects in a delimited list: the list as JSON
        return separator.join(to_str(item) for item in items)
    return to_str(value)
