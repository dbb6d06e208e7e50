"""Where each value of an overlaid spec came from, so diagnostics point at the right file.

Applying overlays changes the spec's data but not its text, so a JSON pointer into the result
may name a value the spec file never had (inserted by an overlay), or a list item whose index
moved (an item before it was removed). The applier records, as it changes the data, the origin
of every value it writes: a (document, pointer) pair in the overlay file, or in the spec for a
copied value. Values it did not touch keep the spec's own pointer. `origin(pointer)` walks the
result along the pointer and answers where the value there was written: an origin recorded on
the way wins, else the path continues under the last one.

Containers are recognised by identity, so the applier keeps every container it recorded alive
(an id is only unique while its object lives).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sdkwright.spec.load import Document
from sdkwright.spec.pointers import join_pointer, split_pointer

Token = str | int


@dataclass(frozen=True)
class Origin:
    document: Document
    pointer: str

    def child(self, token: Token) -> Origin:
        return Origin(self.document, join_pointer(self.pointer, token))


class Provenance:
    """Origins of the values overlays wrote into one document's data."""

    def __init__(self, spec: Document) -> None:
        self.spec = spec
        self._keys: dict[tuple[int, str], Origin] = {}  # (id of a mapping, key) -> origin
        self._items: dict[int, list[Origin]] = {}  # id of a list -> origin of each item
        self._alive: list[Any] = []

    def origin(self, pointer: str) -> tuple[Document, str]:
        """The file and pointer where the value at `pointer` of the result was written."""
        found = self.origin_of(self.spec.data, split_pointer(pointer))
        return found.document, found.pointer

    def origin_of(self, root: Any, tokens: Sequence[Token]) -> Origin:
        origin = Origin(self.spec, "")
        value = root
        for depth, token in enumerate(tokens):
            if isinstance(value, dict) and str(token) in value:
                key = str(token)
                origin = self._keys.get((id(value), key)) or origin.child(key)
                value = value[key]
            elif isinstance(value, list) and _index(token, len(value)) is not None:
                index = _index(token, len(value))
                assert index is not None
                items = self._items.get(id(value))
                origin = items[index] if items is not None else origin.child(index)
                value = value[index]
            else:  # past the data: the rest of the path under the last origin
                for rest in tokens[depth:]:
                    origin = origin.child(rest)
                break
        return origin

    def wrote_key(self, mapping: dict[str, Any], key: str, origin: Origin) -> None:
        self._alive.append(mapping)
        self._keys[(id(mapping), key)] = origin

    def item_origins(self, items: list[Any], origin: Origin) -> list[Origin]:
        """The per-item origins of `items` (whose own origin is `origin`), recorded from now
        on: the caller changes this list exactly as it changes `items`."""
        found = self._items.get(id(items))
        if found is None:
            self._alive.append(items)
            found = self._items[id(items)] = [origin.child(i) for i in range(len(items))]
        return found


def _index(token: Token, length: int) -> int | None:
    if isinstance(token, int):
        return token if 0 <= token < length else None
    return int(token) if token.isdigit() and int(token) < length else None
