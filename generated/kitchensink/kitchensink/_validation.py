# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Responses that break their declared type: what broke, said field by field, and the data
built anyway.

Real servers drift from their API descriptions: a required string comes as null, a field
declared a string holds a list, a list returns other objects than it says. A body that does
not validate is walked along its declared type: every part that validates is validated (a
nested model that fits is a real model), every part that does not is kept as the server sent
it, and each such part is a `Mismatch`: where (a path of wire names and list indices), what
was expected, what came. `build_leniently` returns both; `describe` words the mismatches for a
log line or an exception (`_response` decides which).

What a model type's classes are made of (fields, wire names, how to build one without
validation) is asked of its support module (`_models`), passed in as `support`: this module
knows only the typing constructs every model type shares (unions, lists, mappings, Annotated).
"""

from __future__ import annotations

import collections.abc
import json
import sys
import threading
import types
import typing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = [
    "MISSING",
    "Mismatch",
    "ModelField",
    "build_leniently",
    "describe",
    "recursion_room",
    "type_name",
]

# (Python name, wire name, annotation, required) of one field of a model class.
ModelField = tuple[str, str, Any, bool]
Path = tuple[str | int, ...]

# What the libraries raise for data that does not fit a type (pydantic's and msgspec's
# ValidationError are ValueErrors), and a class's own __init__ for values it refuses.
_DOES_NOT_FIT = (ValueError, TypeError)
# How many mismatches a message lists before it only counts the rest.
_MAX_LISTED = 20
_MAX_VALUE_CHARS = 60


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()  # what came for a required field the server left out

# pydantic builds a type's validator recursively, about 12 Python frames for each level of
# nested models (more through unions and containers), and this walk recurses along the data:
# types nested as deep as a spec may nest (sdkwright's limit: 200 levels) need more than
# Python's default 1,000 frames. Building and walking get this many frames above where they
# start, and no more: a bound, so that a runaway still ends in a RecursionError.
FRAMES_FOR_DEEP_TYPES = 200 * 25
_room_lock = threading.Lock()
_room_users = 0
_limit_before = 0


@contextmanager
def recursion_room(frames: int = FRAMES_FOR_DEEP_TYPES) -> Iterator[None]:
    """Python's recursion limit raised to `frames` above the current depth while inside, then
    put back when the last thread inside leaves (the limit is the process's)."""
    global _room_users, _limit_before
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back  # type: ignore[assignment]
    with _room_lock:
        if _room_users == 0:
            _limit_before = sys.getrecursionlimit()
        _room_users += 1
        sys.setrecursionlimit(max(sys.getrecursionlimit(), depth + frames))
    try:
        yield
    finally:
        with _room_lock:
            _room_users -= 1
            if _room_users == 0:
                sys.setrecursionlimit(_limit_before)


class ModelSupport(Protocol):
    """What the walk asks of the SDK's model-type module (`_models`)."""

    def validate_data(self, data: object, tp: Any) -> object:
        """`data` (decoded JSON) validated into `tp`; raises a ValueError when it does not fit."""

    def model_fields(self, tp: object) -> Sequence[ModelField] | None:
        """The fields of `tp` when it is one of this model type's classes, else None."""

    def construct(self, tp: Any, values: dict[str, object], extra: dict[str, object]) -> object:
        """An instance of the model class `tp` from `values` (by Python name) as they are, its
        required fields that did not come None, keeping the `extra` keys where the class
        keeps unknown keys."""


@dataclass(frozen=True)
class Mismatch:
    """One part of a response that does not fit its declared type."""

    path: Path
    expected: str
    got: object  # the server's value, or MISSING

    def __str__(self) -> str:
        return (
            f"{format_path(self.path)}: expected {self.expected}, got {_describe_value(self.got)}"
        )


def build_leniently(data: object, tp: Any, support: ModelSupport) -> tuple[object, list[Mismatch]]:
    """`data` built into `tp` where it fits and kept as it is where it does not, with the
    mismatches found (empty only when `data` validates)."""
    mismatches: list[Mismatch] = []
    with recursion_room():
        try:
            return support.validate_data(data, tp), mismatches
        except _DOES_NOT_FIT:  # walk it to find where
            value = _rebuild(data, tp, (), support, mismatches)
    return value, mismatches


def describe(tp: Any, mismatches: Sequence[Mismatch]) -> str:
    """The mismatches of a response declared `tp`, one per line, the first `_MAX_LISTED` of
    them; identical ones across the items of a list are said once."""
    grouped: dict[str, list[Mismatch]] = {}
    for mismatch in mismatches:
        key = f"{format_path(mismatch.path, items='*')}\0{mismatch.expected}\0{mismatch.got!r}"
        grouped.setdefault(key, []).append(mismatch)
    lines = []
    for same in grouped.values():
        more = len(same) - 1
        also = f" (also in {more} more item{'s' if more > 1 else ''})" if more else ""
        lines.append(f"  {same[0]}{also}")
    if len(lines) > _MAX_LISTED:
        lines[_MAX_LISTED:] = [f"  ... and {len(lines) - _MAX_LISTED} more"]
    places = "1 place" if len(grouped) == 1 else f"{len(grouped)} places"
    return f"`{type_name(tp)}` in {places}:\n" + "\n".join(lines)


# --- The walk ------------------------------------------------------------------------------


def _build(data: object, tp: Any, path: Path, support: ModelSupport, out: list[Mismatch]) -> object:
    try:
        return support.validate_data(data, tp)
    except _DOES_NOT_FIT:  # the walk below says where
        return _rebuild(data, tp, path, support, out)


def _rebuild(
    data: object, tp: Any, path: Path, support: ModelSupport, out: list[Mismatch]
) -> object:
    """`data`, which does not validate as `tp`, with the parts that do validated."""
    base = _unwrap(tp)
    if _is_union(base):
        return _rebuild_union(data, tp, path, support, out)
    if not _fits_shape(data, base, support):
        out.append(Mismatch(path, type_name(tp), data))
        return data
    if isinstance(data, list):
        (item,) = typing.get_args(base)[:1] or (Any,)
        return [
            _build(value, item, (*path, index), support, out) for index, value in enumerate(data)
        ]
    assert isinstance(data, dict)
    fields = support.model_fields(base)
    if fields is None:  # a mapping
        value_type = (typing.get_args(base) or (str, Any))[-1]
        return {
            key: _build(value, value_type, (*path, key), support, out)
            for key, value in data.items()
        }
    return _rebuild_model(data, base, fields, path, support, out)


def _rebuild_model(
    data: dict[str, object],
    tp: Any,
    fields: Sequence[ModelField],
    path: Path,
    support: ModelSupport,
    out: list[Mismatch],
) -> object:
    values: dict[str, object] = {}
    extra = dict(data)
    for name, wire, annotation, required in fields:
        if wire in data:
            extra.pop(wire)
            values[name] = _build(data[wire], annotation, (*path, wire), support, out)
        elif required:
            out.append(Mismatch((*path, wire), type_name(annotation), MISSING))
    try:
        return support.construct(tp, values, extra)
    except _DOES_NOT_FIT:  # a class that checks its own values (__post_init__): keep the data
        out.append(Mismatch(path, type_name(tp), data))
        return data


def _rebuild_union(
    data: object, tp: Any, path: Path, support: ModelSupport, out: list[Mismatch]
) -> object:
    """The variant that keeps most of `data` (fewest mismatches; the first of equals)."""
    best: tuple[object, list[Mismatch]] | None = None
    for variant in typing.get_args(_unwrap(tp)):
        if not _fits_shape(data, _unwrap(variant), support):
            continue
        found: list[Mismatch] = []
        value = _rebuild(data, variant, path, support, found)
        if best is None or len(found) < len(best[1]):
            best = (value, found)
    if best is None:
        out.append(Mismatch(path, type_name(tp), data))
        return data
    out.extend(best[1])
    return best[0]


def _fits_shape(data: object, base: Any, support: ModelSupport) -> bool:
    """Whether the walk can go into `data` as `base`: a list as a list, an object as a
    mapping or a model."""
    origin = typing.get_origin(base)
    if isinstance(data, list):
        return origin in (list, collections.abc.Sequence, collections.abc.Iterable)
    if isinstance(data, dict):
        is_mapping = origin in (dict, collections.abc.Mapping)
        return is_mapping or support.model_fields(base) is not None
    return False


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


_QUALIFIERS = ("Required", "NotRequired", "ReadOnly")  # of a TypedDict's keys


def _unwrap(tp: Any) -> Any:
    """`tp` without what only annotates it: Annotated[X, ...], Required[X], NotRequired[X]."""
    while True:
        origin = typing.get_origin(tp)
        if origin is not typing.Annotated and getattr(origin, "_name", None) not in _QUALIFIERS:
            return tp
        tp = typing.get_args(tp)[0]


# --- Words ---------------------------------------------------------------------------------


def type_name(tp: Any) -> str:
    """`tp` as a reader of the SDK writes it: `Pet`, `list[Pet]`, `str | None`, `'a' | 'b'`."""
    tp = _unwrap(tp)
    if tp is None or tp is type(None):
        return "None"
    if tp is Any:
        return "Any"
    origin = typing.get_origin(tp)
    arguments = typing.get_args(tp)
    if _is_union(tp):
        return " | ".join(type_name(variant) for variant in arguments)
    if origin is typing.Literal:
        return " | ".join(repr(value) for value in arguments)
    if origin is not None:
        name = getattr(origin, "__name__", None) or str(origin)
        return f"{name}[{', '.join(type_name(argument) for argument in arguments)}]"
    return str(getattr(tp, "__name__", tp))


def format_path(path: Path, items: str | None = None) -> str:
    """`items[0].owner.name`: wire names and list indices (`items` replaces every index)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part if items is None else items}]"
        else:
            text += f".{part}" if text else part
    return text or "(the body)"


def _describe_value(value: object) -> str:
    if value is MISSING:
        return "nothing (the field is missing)"
    kinds = {type(None): "null", bool: "a boolean", str: "a string", list: "an array"}
    kind = kinds.get(type(value)) or ("an object" if isinstance(value, dict) else "a number")
    if value is None:
        return kind
    try:
        text = json.dumps(value, ensure_ascii=False, default=repr)
    except ValueError:  # a circular structure cannot come from JSON, but say something
        text = repr(value)
    if len(text) > _MAX_VALUE_CHARS:
        text = text[: _MAX_VALUE_CHARS - 3] + "..."
    return f"{kind}: {text}"
