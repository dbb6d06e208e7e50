"""Changes to a loaded document, applied without touching the values it was loaded with.

Parsed documents may be shared (cache/parsed_yaml.py keeps the values it parsed), so a
change copies each mapping and list on the way to the value it changes, and nothing else.
A repair (spec/lenient) or a rewrite (spec/map_refs.py) says what to change as `Change`s,
and `apply` makes the new document value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sdkwright.spec.pointers import split_pointer


class _Delete:
    def __repr__(self) -> str:
        return "DELETE"


DELETE: Any = _Delete()  # as a Change's value: remove the key or the list item


@dataclass(frozen=True)
class Change:
    """Set the value at `pointer` (its parent must exist), or remove it (`DELETE`); a last
    token `-` appends to a list (as in JSON Patch)."""

    pointer: str
    value: Any = DELETE


def apply(data: Any, changes: Iterable[Change]) -> Any:
    """`data` with `changes` made in order; list items are removed last, from the end, so
    that the indexes of the other changes stay right."""
    ordered = list(changes)
    sets = [c for c in ordered if c.value is not DELETE]
    deletes = sorted((c for c in ordered if c.value is DELETE), key=lambda c: _sort_key(c.pointer))
    for change in sets + deletes[::-1]:
        data = _changed(data, split_pointer(change.pointer), change.value)
    return data


def _sort_key(pointer: str) -> list[tuple[int, int, str]]:
    return [(0, int(t), "") if t.isdigit() else (1, 0, t) for t in split_pointer(pointer)]


def _changed(value: Any, tokens: list[str], new: Any) -> Any:
    if not tokens:
        return new
    token, rest = tokens[0], tokens[1:]
    if isinstance(value, dict):
        copy = dict(value)
        if rest:
            copy[token] = _changed(value[token], rest, new)
        elif new is DELETE:
            copy.pop(token, None)
        else:
            copy[token] = new
        return copy
    if isinstance(value, list) and (token.isdigit() or (token == "-" and not rest)):
        index = len(value) if token == "-" else int(token)
        items = list(value)
        if rest:
            items[index] = _changed(value[index], rest, new)
        elif new is DELETE:
            del items[index]
        elif index == len(items):
            items.append(new)
        else:
            items[index] = new
        return items
    raise KeyError(f"no container at '{token}'")
