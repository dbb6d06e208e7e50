# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""How the SDK's models, TypedDicts written by datamodel-code-generator, meet the wire.

A result is the JSON object itself, validated by pydantic and returned as a plain dict keyed
by wire names. Servers change before SDKs are regenerated: the keys a TypedDict does not
declare are kept, not dropped (`keep_unknown_keys`, as `types/__init__.py` applies it). A
tagged union finds a value's tag with `tag_reader`.
"""

from __future__ import annotations

import pydantic

from ._pydantic import DecodeError, decode_json, tag_reader

__all__ = ["DecodeError", "decode_json", "dump_model", "keep_unknown_keys", "tag_reader"]


def keep_unknown_keys(*classes: type) -> None:
    """Have pydantic keep the keys each TypedDict of `classes` does not declare."""
    config = pydantic.ConfigDict(extra="allow")
    for cls in classes:
        pydantic.with_config(config)(cls)


def dump_model(value: object) -> object | None:
    """Nothing: a TypedDict's value is a plain dict, sent as it is."""
    return None
