"""How a normalised type changed, and whether that matters for the side it is on.

Inputs (parameters, TypedDict fields, client options) may widen: old calls still type-check.
Outputs (return types, model fields) may narrow: old readers still get what they expect.
A Literal value added is compatible for an input and a note for an output (old code still
runs; an exhaustive `match` may miss the new value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sdkwright.surface.annotations import union_members

INPUT, OUTPUT = "input", "output"

# How much each container accepts: a parameter typed Iterable[X] takes a list[X] too.
_WIDTH = {
    "list": 0,
    "tuple": 0,
    "Sequence": 1,
    "SequenceNotStr": 1,
    "Collection": 2,
    "Iterable": 3,
    "dict": 0,
    "Mapping": 1,
}
_GENERIC = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$")


@dataclass(frozen=True)
class TypeChange:
    severity: str  # breaking | compatible | note
    detail: str


def accepts(wide: str, narrow: str) -> bool:
    """Whether every value of type `narrow` is a value of type `wide`."""
    if wide == narrow or wide in ("Any", "object"):
        return True
    if (wide, narrow) == ("float", "int"):
        return True
    wide_match, narrow_match = _GENERIC.match(wide), _GENERIC.match(narrow)
    if wide_match and narrow_match:
        wide_head, narrow_head = wide_match[1], narrow_match[1]
        same_family = (wide_head in ("dict", "Mapping")) == (narrow_head in ("dict", "Mapping"))
        if wide_head in _WIDTH and narrow_head in _WIDTH and same_family:
            return _WIDTH[wide_head] >= _WIDTH[narrow_head] and _same(
                wide_match[2], narrow_match[2]
            )
    return False


def _same(wide: str, narrow: str) -> bool:
    """Whether two type argument lists are the same, `Any` standing for anything (gradual
    typing: `dict[str, Any]` and `dict[str, object]` serve the same uses)."""
    if wide == narrow:
        return True
    wide_args, narrow_args = _arguments(wide), _arguments(narrow)
    if len(wide_args) != len(narrow_args):
        return False
    for a, b in zip(wide_args, narrow_args, strict=True):
        if a == b or "Any" in (a, b):
            continue
        a_match, b_match = _GENERIC.match(a), _GENERIC.match(b)
        if not (a_match and b_match and a_match[1] == b_match[1] and _same(a_match[2], b_match[2])):
            return False
    return True


def _arguments(text: str) -> list[str]:
    """`str, dict[str, int]` -> ["str", "dict[str, int]"]: split at top-level commas."""
    found, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            found.append(text[start:at].strip())
            start = at + 1
    found.append(text[start:].strip())
    return found


def type_change(old: str, new: str, direction: str) -> TypeChange | None:
    """None when `new` serves every old use; else how bad the change is for `direction`."""
    if old == new:
        return None
    old_members, new_members = union_members(old), union_members(new)
    wider = all(any(accepts(n, o) for n in new_members) for o in old_members)
    narrower = all(any(accepts(o, n) for o in old_members) for n in new_members)
    if wider and narrower:
        return None
    added = [n for n in new_members if not any(accepts(o, n) for o in old_members)]
    removed = [o for o in old_members if not any(accepts(n, o) for n in new_members)]
    only_literals = bool(added) and all(member.startswith("Literal[") for member in added)
    if direction == INPUT:
        if wider:
            return TypeChange("compatible", f"accepts more: {', '.join(added)}")
        return TypeChange("breaking", f"no longer accepts {', '.join(removed) or old}")
    if narrower:
        return TypeChange("compatible", f"returns less: no more {', '.join(removed)}")
    if wider and only_literals:
        return TypeChange("note", f"may now return {', '.join(added)}")
    return TypeChange("breaking", f"returns {', '.join(added) or new} (was {old})")
