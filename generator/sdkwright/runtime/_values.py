"""Values as the wire writes them: scalars as text (paths, queries, headers) and bodies as
plain JSON data, the way pydantic writes them inside models, so both paths agree."""

from __future__ import annotations

import base64
import datetime as dt
import enum
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TypeVar, cast, overload

import pydantic
import pydantic_core

from ._models import dump_model
from ._types import Base64FileInput, NotGiven

__all__ = [
    "array_items",
    "base64_file",
    "composite",
    "item_text",
    "to_jsonable",
    "to_str",
    "whole_numbers",
]


_T = TypeVar("_T")


@overload
def base64_file(value: str | Base64FileInput) -> str: ...
@overload
def base64_file(value: _T) -> _T | str: ...
def base64_file(value: object) -> object:
    """A `format: byte` value as it is sent: a file, or the path of one (`Base64FileInput`),
    as its content in base64; text (already encoded) and unset values as they are."""
    if hasattr(value, "read"):
        content = value.read()
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
    elif isinstance(value, os.PathLike):
        data = Path(os.fspath(value)).read_bytes()
    else:
        return value
    return base64.b64encode(data).decode("ascii")


def array_items(value: object) -> list[object] | None:
    """The items of an array, given as any iterable (a list, a tuple, a generator, a set, read
    once): what an `Iterable[X]` or `SequenceNotStr[str]` argument takes. None for what is no
    array: text, bytes, a mapping, a model, a file."""
    if isinstance(value, list):
        return value
    no_array = (str, bytes, bytearray, memoryview, Mapping, pydantic.BaseModel)
    if isinstance(value, no_array) or hasattr(value, "read") or not isinstance(value, Iterable):
        return None
    return list(value)


def to_str(value: object) -> str:
    """Render a scalar the way APIs expect it in paths, queries and headers."""
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        # str(True) is "True", which most servers reject.
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.time)):  # dt.datetime is a dt.date
        # The same text pydantic writes in bodies (UTC as "Z"), so both agree.
        return cast(str, pydantic_core.to_jsonable_python(value))
    return str(value)


def item_text(item: object) -> str:
    """An array item (or an object's value) as one parameter value.

    Scalars as ``to_str`` writes them. Objects and arrays, where OpenAPI defines no text, as
    compact JSON (keys sorted, whole numbers without ".0"): what a server can read back, where
    Python's repr of a model or a dict is not. ``deep_object`` spells objects out as keys instead.
    """
    data = composite(item)
    if data is None:
        return to_str(item)
    return json.dumps(
        whole_numbers(data),
        ensure_ascii=True,  # header values are ASCII; a query percent-encodes it the same
        separators=(",", ":"),
        sort_keys=True,
        allow_nan=False,
    )


def composite(item: object) -> dict[str, object] | list[object] | None:
    """The JSON data of an object or array (a model, a mapping, a sequence); None for scalars."""
    if isinstance(item, (str, int, float)):
        return None
    data = to_jsonable(item)
    return data if isinstance(data, (dict, list)) else None


def whole_numbers(data: object) -> object:
    """JSON knows one number type: 10.0 is written 10, whatever the model's field type."""
    if isinstance(data, dict):
        return {key: whole_numbers(value) for key, value in data.items()}
    if isinstance(data, list):
        return [whole_numbers(value) for value in data]
    if isinstance(data, float) and data.is_integer() and abs(data) < 2**53:
        return int(data)
    return data


def to_jsonable(value: object) -> object:
    """Convert a body into plain JSON data (dicts, lists, str, numbers, ...)."""
    if isinstance(value, pydantic.BaseModel):
        # exclude_unset: fields the caller never set are left out rather than
        # sent as defaults or nulls, which the server could read as a change.
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    data = dump_model(value)  # an instance of the model type's own classes (`_models`)
    if data is not None:
        return data
    if isinstance(value, Mapping):
        return {
            to_str(key): to_jsonable(item)
            for key, item in value.items()
            if not isinstance(item, NotGiven)
        }
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value)
    if value is None or isinstance(value, (str, int, float)):
        return value
    items = array_items(value)
    if items is not None:
        return [to_jsonable(item) for item in items]
    # Anything else (dates, UUID, Decimal, ...) is serialized the way pydantic
    # serializes it inside models, so both paths agree.
    return pydantic_core.to_jsonable_python(value)
