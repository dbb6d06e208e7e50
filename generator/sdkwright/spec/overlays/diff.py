"""An overlay that turns one spec into another (`sdkwright overlay --from OLD --to NEW`).

Teams that edited a copy of an upstream spec can turn their edits into an overlay, and keep
the upstream spec pure. The overlay is small where it can be and deterministic (actions in
the order of NEW's keys, depth first):

* a key NEW no longer has: a `remove` of it;
* keys NEW adds, and primitives NEW changes: one `update` of their object;
* an object that changed inside: the same, one level down;
* an array NEW extends: an `update` concatenating the new items (Overlay 1.1); one NEW
  shortens (items removed, the others in order): a `remove` per item, last first, so the
  indices still to remove stay valid; one of the same length: each changed item in place
  (objects recursively, primitives replaced, which 1.1 allows);
* anything else (a value of another kind, an array reordered): `remove`, then `update` of
  its parent with the new value.

Targets are RFC 9535 normalised paths. Applying the overlay to OLD gives a document equal to
NEW (keys an overlay inserts come last, so the order of keys may differ).
"""

from __future__ import annotations

from typing import Any

from sdkwright.spec.overlays.apply import PRIMITIVES, normalized_path
from sdkwright.spec.overlays.provenance import Token

Path = tuple[Token, ...]
ActionData = dict[str, Any]
OVERLAY_VERSION = "1.1.0"


def overlay_between(old: Any, new: Any, title: str = "", extends: str = "") -> dict[str, Any]:
    """The overlay document (as data) whose application turns `old` into `new`; its actions
    list is empty when they are equal (no valid overlay then: the caller says so)."""
    actions: list[ActionData] = []
    if not _diff(old, new, (), actions):
        raise ValueError("both documents must be objects")
    document: dict[str, Any] = {
        "overlay": OVERLAY_VERSION,
        "info": {"title": title or "Changes to the spec", "version": "1.0.0"},
    }
    if extends:
        document["extends"] = extends
    document["actions"] = actions
    return document


def render_overlay(document: dict[str, Any]) -> str:
    """YAML, keys in the order built, text as it is (no sorting, no ASCII escapes). A string
    that YAML 1.1 or 1.2 would read as another type unquoted (`yes`, `0o17`, `1e5`) is quoted."""
    import yaml

    from sdkwright.spec import yamlcore

    class Dumper(yaml.SafeDumper):
        pass

    for tag, pattern, first in yamlcore.CORE_RESOLVERS:
        Dumper.add_implicit_resolver(tag, pattern, list(first))
    return yaml.dump(document, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)


def _diff(old: Any, new: Any, path: Path, actions: list[ActionData]) -> bool:
    """Append actions turning `old` into `new` at `path`; False when only replacing the whole
    value can (the caller does it)."""
    if isinstance(old, dict) and isinstance(new, dict):
        _diff_objects(old, new, path, actions)
        return True
    if isinstance(old, list) and isinstance(new, list):
        return _diff_arrays(old, new, path, actions)
    return False


def _diff_objects(
    old: dict[str, Any], new: dict[str, Any], path: Path, actions: list[ActionData]
) -> None:
    removed = [key for key in old if key not in new]
    nested: list[ActionData] = []
    written: dict[str, Any] = {}
    for key, value in new.items():
        if key not in old:
            written[key] = value
        elif equal(old[key], value):
            continue
        elif _primitive(old[key]) and _primitive(value):
            written[key] = value
        elif not _diff(old[key], value, (*path, key), nested):
            removed.append(key)
            written[key] = value
    actions.extend({"target": normalized_path((*path, key)), "remove": True} for key in removed)
    actions.extend(nested)
    if written:
        actions.append({"target": normalized_path(path), "update": written})


def _diff_arrays(old: list[Any], new: list[Any], path: Path, actions: list[ActionData]) -> bool:
    shared = min(len(old), len(new))
    if len(new) > len(old) and all(equal(old[i], new[i]) for i in range(shared)):
        actions.append({"target": normalized_path(path), "update": new[len(old) :]})
        return True
    if len(new) < len(old):
        kept = _kept_indices(old, new)
        if kept is None:
            return False
        gone = sorted(set(range(len(old))) - set(kept), reverse=True)
        actions.extend({"target": normalized_path((*path, i)), "remove": True} for i in gone)
        return True
    if len(new) != len(old):
        return False
    changes: list[ActionData] = []
    for index, (before, after) in enumerate(zip(old, new, strict=True)):
        if equal(before, after):
            continue
        if _primitive(before) and _primitive(after):
            changes.append({"target": normalized_path((*path, index)), "update": after})
        elif not _diff(before, after, (*path, index), changes):
            return False
    actions.extend(changes)
    return True


def _kept_indices(old: list[Any], new: list[Any]) -> list[int] | None:
    """The indices of `old` whose items, in order, are `new`; None when `new` is not `old`
    with items removed."""
    kept: list[int] = []
    at = 0
    for item in new:
        while at < len(old) and not equal(old[at], item):
            at += 1
        if at == len(old):
            return None
        kept.append(at)
        at += 1
    return kept


def _primitive(value: Any) -> bool:
    return isinstance(value, PRIMITIVES)


def equal(a: Any, b: Any) -> bool:
    """JSON equality: unlike Python's, true is not 1 and 1.0 is not 1 (their text differs)."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(equal(value, b[key]) for key, value in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(equal(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)
