"""How the SDK's models, msgspec structs written by datamodel-code-generator, meet the wire.

msgspec decodes responses straight from their bytes, without pydantic, and writes request
bodies from structs: by wire names, leaving out the fields left ``UNSET`` (a field set to
None is sent as null). A tagged union of the operations' own inline types finds a value's
tag with `tag_reader`.
"""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

from ._pydantic import tag_reader

__all__ = ["DecodeError", "decode_json", "dump_model", "tag_reader"]

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


def dump_model(value: object) -> object | None:
    """A struct as JSON data (by wire names, without its UNSET fields); None for anything else."""
    if not isinstance(value, msgspec.Struct):
        return None
    data: object = msgspec.to_builtins(value)
    return data
