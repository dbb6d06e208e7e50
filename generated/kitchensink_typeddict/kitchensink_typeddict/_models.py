# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""How the SDK's models, TypedDicts written by datamodel-code-generator, meet the wire.

A result is the JSON object itself, validated by pydantic and returned as a plain dict keyed
by wire names. Servers change before SDKs are regenerated: the keys a TypedDict does not
declare are kept, not dropped (`keep_unknown_keys`, as `types/__init__.py` applies it). A
tagged union finds a value's tag with `tag_reader`. A response that does not fit stays the
JSON object it is, its nested parts validated where they fit (`_validation`).
"""

from __future__ import annotations

import typing
from collections.abc import Sequence
from typing import Any

import pydantic
import typing_extensions

from ._pydantic import DecodeError, decode_json, tag_reader, validate_data
from ._validation import ModelField

__all__ = [
    "DecodeError",
    "construct",
    "decode_json",
    "dump_model",
    "keep_unknown_keys",
    "model_fields",
    "tag_reader",
    "validate_data",
]


def keep_unknown_keys(*classes: type) -> None:
    """Have pydantic keep the keys each TypedDict of `classes` does not declare."""
    config = pydantic.ConfigDict(extra="allow")
    for cls in classes:
        pydantic.with_config(config)(cls)


def dump_model(value: object) -> object | None:
    """Nothing: a TypedDict's value is a plain dict, sent as it is."""
    return None


def model_fields(tp: object) -> Sequence[ModelField] | None:
    """The keys of a TypedDict (a key is its field's wire name); None for anything else."""
    if not typing_extensions.is_typeddict(tp):
        return None
    hints = typing.get_type_hints(tp)  # without Required[...], NotRequired[...] around them
    required: frozenset[str] = getattr(tp, "__required_keys__", frozenset(hints))
    return [(key, key, hint, key in required) for key, hint in hints.items()]


def construct(tp: Any, values: dict[str, object], extra: dict[str, object]) -> object:
    """The object as it came: `values` and the `extra` keys (a missing key stays missing)."""
    return {**values, **extra}
