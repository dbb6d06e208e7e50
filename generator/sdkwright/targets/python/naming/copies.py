"""Copies of IR nodes with some fields changed, for the naming step's tens of thousands."""

from __future__ import annotations

from typing import Any, TypeVar

N = TypeVar("N")


def with_fields(node: N, **changes: Any) -> N:
    """What `dataclasses.replace(node, **changes)` gives, without running `__init__` again:
    the naming step copies every field, parameter and definition of the IR, and `replace`
    takes three times as long (it gathers every field's value and sets each in turn on the
    frozen copy). `changes` must name fields of the node."""
    fields = node.__dict__.copy()
    count = len(fields)
    fields.update(changes)
    if len(fields) != count:  # a name that is no field added a key
        raise TypeError(f"not fields of {type(node).__name__}: {sorted(changes)}")
    copy = object.__new__(type(node))
    object.__setattr__(copy, "__dict__", fields)
    return copy
