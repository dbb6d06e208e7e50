"""How the SDK's models, msgspec structs written by datamodel-code-generator, meet the wire.

msgspec decodes responses straight from their bytes, without pydantic, and writes request
bodies from structs: by wire names, leaving out the fields left ``UNSET`` (a field set to
None is sent as null). A tagged union of the operations' own inline types finds a value's
tag with `tag_reader`. A response that does not fit is built field by field (`_validation`,
with `model_fields` and `construct`): a struct's `__init__` does not check types, so it keeps
the server's values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import msgspec

from ._pydantic import tag_reader
from ._validation import ModelField

__all__ = [
    "DecodeError",
    "construct",
    "decode_json",
    "dump_model",
    "model_fields",
    "tag_reader",
    "validate_data",
]

_T = TypeVar("_T")

# Malformed JSON, and JSON that does not fit the type (msgspec.ValidationError).
DecodeError = msgspec.DecodeError

# A decoder is built once per type; the set of them in an SDK is small and fixed.
_decoders: dict[object, msgspec.json.Decoder[Any]] = {}


def decode_json(content: bytes, tp: type[_T]) -> _T:
    """``content``, JSON, decoded into ``tp``."""
    decoder = _decoders.get(tp)
    if decoder is None:
        decoder = _decoders[tp] = msgspec.json.Decoder(tp)
    result: _T = decoder.decode(content)
    return result


def validate_data(data: object, tp: Any) -> object:
    """``data``, decoded JSON, converted into ``tp`` (`_validation` asks this of parts of a
    response)."""
    return msgspec.convert(data, tp)


def dump_model(value: object) -> object | None:
    """A struct as JSON data (by wire names, without its UNSET fields); None for anything else."""
    if not isinstance(value, msgspec.Struct):
        return None
    data: object = msgspec.to_builtins(value)
    return data


def model_fields(tp: object) -> Sequence[ModelField] | None:
    """The fields of a struct class, by their wire names; None for anything else."""
    if not isinstance(tp, type) or not issubclass(tp, msgspec.Struct):
        return None
    return [
        (field.name, field.encode_name, field.type, field.required)
        for field in msgspec.structs.fields(tp)
    ]


def construct(tp: Any, values: dict[str, object], extra: dict[str, object]) -> object:
    """A struct of `values` as they are, its required fields that did not come None (a struct
    has no place for `extra` keys)."""
    missing = {name: None for name, _, _, required in model_fields(tp) or () if required}
    return tp(**{**missing, **values})
