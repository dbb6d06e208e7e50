"""Mapping keys as text: JSON and OpenAPI have no other kind, YAML does (`200:` is an
integer, `true:` a boolean, `~:` null)."""

from __future__ import annotations

from typing import Any

from sdkwright.spec.pointers import join_pointer


def stringify_keys(data: Any) -> list[tuple[str, object]]:
    """Make every mapping key a string, as JSON and OpenAPI require: YAML reads `200:` as an
    integer and `true:` as a boolean. Returns (pointer, original key) for each key changed."""
    if _keys_all_text(data):  # nearly every spec: a walk that keeps no way back is enough
        return []
    changed: list[tuple[str, object]] = []
    seen: set[int] = set()
    # Each container's way from the root as (its parent's way, token): a pointer is made only
    # for a mapping with a key to change, a handful in a spec of 100,000 containers.
    stack: list[tuple[Any, _Way]] = [(data, None)]
    while stack:
        value, way = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, dict) and not all(type(key) is str for key in value):
            pointer = _pointer(way)
            items = list(value.items())
            value.clear()
            for key, item in items:
                text = key if type(key) is str else key_text(key)
                if text is not key:
                    changed.append((join_pointer(pointer, text), key))
                value[text] = item
        if isinstance(value, dict):
            stack.extend((v, (way, k)) for k, v in value.items() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, (way, i)) for i, v in enumerate(value) if isinstance(v, (dict, list)))
    return changed


def _keys_all_text(data: Any) -> bool:
    """Whether every mapping key in `data` is a `str`, by a walk that keeps no way back (less
    than half the one above on Stripe's spec). A container shared by YAML aliases is walked
    each time it is met: `load.check_shape` has refused cycles and bounded that count before."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key in value:
                if type(key) is not str:
                    return False
            stack.extend([v for v in value.values() if isinstance(v, (dict, list))])
        elif isinstance(value, list):
            stack.extend([v for v in value if isinstance(v, (dict, list))])
    return True


_Way = tuple[Any, str | int] | None  # (the parent's _Way, the key from it); None: the root


def _pointer(way: _Way) -> str:
    """The pointer of a way, joined a token at a time from the root as it was walked."""
    tokens: list[str | int] = []
    while way is not None:
        way, token = way
        tokens.append(token)
    pointer = ""
    for token in reversed(tokens):
        pointer = join_pointer(pointer, token)
    return pointer


def key_text(key: object) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    return "null" if key is None else str(key)
