"""Frozen dataclasses <-> JSON-ready data (and tree walks), for surfaces and migration configs.

One generic codec instead of a `to_json`/`from_json` pair per class: a class's fields (with
their annotations) say how to rebuild it. Tuples travel as lists; nested dataclasses as objects.
Only the shapes these models use are supported: dataclasses, tuples (`tuple[X, ...]` and fixed
pairs), `X | None`, and str/int/bool.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
N = TypeVar("N", bound="_Tree")


class _Tree(Protocol):
    @property
    def children(self: N) -> tuple[N, ...]: ...


def preorder(root: N) -> tuple[N, ...]:
    """A tree's nodes, parents first (resource trees of surfaces and configs)."""
    found: list[N] = [root]
    for child in root.children:
        found.extend(preorder(child))
    return tuple(found)


def to_data(value: object) -> Any:
    """A dataclass tree as dicts, lists and scalars (what `json.dumps` takes)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    return value


def from_data(cls: type[T], data: Any) -> T:
    """Rebuild `cls` from what `to_data` made; a wrong shape raises ValueError naming the path."""
    result: T = _decode(cls, data, cls.__name__)
    return result


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(annotation: Any, data: Any, where: str) -> Any:
    origin = typing.get_origin(annotation)
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        return _decode_dataclass(annotation, data, where)
    if origin is tuple:
        return _decode_tuple(typing.get_args(annotation), data, where)
    if origin in (types.UnionType, typing.Union):
        options = typing.get_args(annotation)
        if data is None and type(None) in options:
            return None
        real = [option for option in options if option is not type(None)]
        return _decode(real[0], data, where)
    if annotation in (str, int, bool):
        if not isinstance(data, annotation) or (annotation is int and isinstance(data, bool)):
            raise ValueError(f"{where}: expected {annotation.__name__}, got {type(data).__name__}")
        return data
    raise ValueError(f"{where}: cannot decode {annotation!r}")  # pragma: no cover - model bug


def _decode_dataclass(cls: type, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected an object, got {type(data).__name__}")
    hints = _hints(cls)
    values: dict[str, Any] = {}
    for item in dataclasses.fields(cls):
        if item.name in data:
            values[item.name] = _decode(hints[item.name], data[item.name], f"{where}.{item.name}")
        elif item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING:
            raise ValueError(f"{where}: missing '{item.name}'")
    return cls(**values)


def _decode_tuple(arguments: tuple[Any, ...], data: Any, where: str) -> tuple[Any, ...]:
    if not isinstance(data, list):
        raise ValueError(f"{where}: expected a list, got {type(data).__name__}")
    if len(arguments) == 2 and arguments[1] is Ellipsis:
        return tuple(_decode(arguments[0], item, f"{where}[{i}]") for i, item in enumerate(data))
    if len(arguments) != len(data):
        raise ValueError(f"{where}: expected {len(arguments)} items, got {len(data)}")
    return tuple(
        _decode(a, item, f"{where}[{i}]")
        for i, (a, item) in enumerate(zip(arguments, data, strict=True))
    )
