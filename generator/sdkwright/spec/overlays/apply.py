"""Applying overlay actions to a spec's data, in order, recording what each one did.

The merge is the Overlay Specification's (1.1 states it explicitly; 1.0's "recursively
merged" means the same): a property only in the target stays; one only in the update is
inserted; where both have it, a primitive replaces a primitive, an array is concatenated to
an array, an object is merged into an object, and any other pairing is an error. Targets:
an object takes an object; an array takes an array to concatenate (1.1) or any other value
to append (in 1.0 every value is appended as one entry); a primitive (1.1 only) is replaced
by a primitive. A target that selects nothing changes nothing: the action still succeeds,
and a warning names it (the lock turns it into a failure of `check`).

Each action reports the normalised paths it matched, whether it changed anything and a hash
of what it left at its targets: what the lock records and compares.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.spec.load import Limits
from sdkwright.spec.overlays.document import Action, Overlay
from sdkwright.spec.overlays.provenance import Origin, Provenance, Token
from sdkwright.spec.pointers import join_pointer

PRIMITIVES = (str, int, float, bool, type(None))


@dataclass(frozen=True)
class ActionReport:
    """What one action did: what the lock records."""

    overlay: str  # the overlay file's display name
    index: int
    target: str
    matched: tuple[str, ...]  # RFC 9535 normalised paths, before the action
    changed: bool
    result: str  # sha256 of the values left at the targets (canonical JSON)
    pointer: str = ""  # of the action in the overlay file
    where: Location | None = None  # of its target in the overlay file, for the lock's findings
    description: str = ""  # the action's own, for messages (not locked)


class OverlayError(Exception):
    """An action that cannot be applied; carries its located diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass
class _Match:
    parent: Any  # the dict or list holding the node; None for the root
    token: Token
    path: tuple[Token, ...]
    normalized: str

    def value(self, root: Any) -> Any:
        return root if self.parent is None else self.parent[self.token]


class Applier:
    """Applies overlays to one document's data in place, recording origins and reports."""

    def __init__(self, data: Any, provenance: Provenance, limits: Limits) -> None:
        self.data = data
        self.provenance = provenance
        self.budget = limits.max_values  # values overlays may add, against copies run wild
        self.reports: list[ActionReport] = []
        self.notes: list[Diagnostic] = []

    def apply(self, overlay: Overlay) -> None:
        for action in overlay.actions:
            self.reports.append(self.action(overlay, action))

    def action(self, overlay: Overlay, action: Action) -> ActionReport:
        # A nodelist may hold a node twice (`$.tags[0, 0]`): each node is changed once.
        found = {m.path: m.parts for m in action.query.finditer(self.data)}
        matches = [self._match(parts, path) for path, parts in found.items()]
        name = overlay.document.name
        if not matches:
            self.notes.append(_no_match(overlay, action))
        changed = self._run(overlay, action, matches)
        after = [] if action.kind == "remove" else [_value_at(self.data, m.path) for m in matches]
        result = hashlib.sha256(canonical_json(after).encode()).hexdigest()
        paths = tuple(m.normalized for m in matches)
        return ActionReport(
            name,
            action.index,
            action.target,
            paths,
            changed,
            result,
            action.pointer,
            description=action.description,
        )

    def _match(self, parts: tuple[Token, ...], normalized: str) -> _Match:
        parent = None
        value = self.data
        for token in parts:
            parent, value = value, value[token]
        return _Match(parent, parts[-1] if parts else "", tuple(parts), normalized)

    def _run(self, overlay: Overlay, action: Action, matches: list[_Match]) -> bool:
        if not matches or action.kind == "none":
            return False
        if action.kind == "remove":
            return self._remove(overlay, action, matches)
        if action.kind == "copy":
            value, origin = self._copy_source(overlay, action)
        else:
            value, origin = action.update, Origin(overlay.document, f"{action.pointer}/update")
        self._check_targets(overlay, action, matches, value)
        self._spend(_count(value) * len(matches), overlay, action)
        changed = False
        for match in matches:
            changed |= self._update(match, value, origin, overlay, action)
        return changed

    def _copy_source(self, overlay: Overlay, action: Action) -> tuple[Any, Origin]:
        sources = list(action.copy.finditer(self.data))
        if len(sources) != 1:
            found = "nothing" if not sources else f"{len(sources)} nodes"
            raise OverlayError(
                _error(
                    overlay,
                    f"{action.pointer}/copy",
                    "overlay.copy-source",
                    f"{action.label}: copy {action.copy_text!r} selects {found}, not one node",
                    "make the copy query select exactly one node",
                )
            )
        source = sources[0]
        origin = self.provenance.origin_of(self.data, tuple(source.parts))
        return copy.deepcopy(source.obj), origin

    def _check_targets(
        self, overlay: Overlay, action: Action, matches: list[_Match], value: Any
    ) -> None:
        kinds = {_kind(m.value(self.data)) for m in matches}
        where = f"{action.pointer}/target"
        if len(kinds) > 1:
            raise OverlayError(
                _error(
                    overlay,
                    where,
                    "overlay.target-kinds",
                    f"{action.label} selects {' and '.join(sorted(kinds))} nodes together",
                    "an update or copy selects only objects, only arrays or only primitives",
                )
            )
        kind = kinds.pop()
        if kind == "primitive" and overlay.version == "1.0":
            raise OverlayError(
                _error(
                    overlay,
                    where,
                    "overlay.target-kinds",
                    f"{action.label} selects primitive values, which Overlay 1.0 cannot update",
                    "select the object holding the value and update it with {key: value}, or use overlay: 1.1.0",
                )
            )
        if (kind == "object" and not isinstance(value, dict)) or (
            kind == "primitive" and not isinstance(value, PRIMITIVES)
        ):
            field = "copy" if action.kind == "copy" else "update"
            expected = "an object" if kind == "object" else "a primitive value"
            raise OverlayError(
                _error(
                    overlay,
                    f"{action.pointer}/{field}",
                    "overlay.update-type",
                    f"{action.label} selects {kind}s, so its {field} must be {expected}, not {_kind(value)}",
                    "match the shape of the nodes the target selects",
                )
            )

    def _update(
        self, match: _Match, value: Any, origin: Origin, overlay: Overlay, action: Action
    ) -> bool:
        node = match.value(self.data)
        if isinstance(node, dict):
            return self._merge(node, value, origin, match.path, overlay, action)
        if isinstance(node, list):
            items = value if isinstance(value, list) and overlay.version == "1.1" else [value]
            origins = [origin.child(i) for i in range(len(items))] if items is value else [origin]
            return self._extend(node, match.path, items, origins)
        if _same(node, value):
            return False
        self._set(match.parent, match.token, copy.deepcopy(value), origin, match.path[:-1])
        return True

    def _merge(
        self,
        node: dict[str, Any],
        value: dict[str, Any],
        origin: Origin,
        path: tuple[Token, ...],
        overlay: Overlay,
        action: Action,
    ) -> bool:
        changed = False
        for key, new in value.items():
            here = origin.child(key)
            if key not in node:
                self._set(node, key, copy.deepcopy(new), here, path)
                changed = True
                continue
            old = node[key]
            if isinstance(old, dict) and isinstance(new, dict):
                changed |= self._merge(old, new, here, (*path, key), overlay, action)
            elif isinstance(old, list) and isinstance(new, list):
                origins = [here.child(i) for i in range(len(new))]
                changed |= self._extend(old, (*path, key), new, origins)
            elif isinstance(old, PRIMITIVES) and isinstance(new, PRIMITIVES):
                if not _same(old, new):
                    self._set(node, key, new, here, path)
                    changed = True
            else:
                raise OverlayError(
                    _error(
                        overlay,
                        here.pointer,
                        "overlay.incompatible",
                        f"{action.label}: '{key}' is {_kind(new)} in the overlay but {_kind(old)} in the spec"
                        f" at {normalized_path((*path, key))}",
                        "an object merges into an object, an array into an array, a primitive replaces a"
                        " primitive: remove the node first to replace it with another kind",
                    )
                )
        return changed

    def _extend(
        self, node: list[Any], path: tuple[Token, ...], items: list[Any], origins: list[Origin]
    ) -> bool:
        if not items:
            return False
        recorded = self.provenance.item_origins(node, self.provenance.origin_of(self.data, path))
        node.extend(copy.deepcopy(items))
        recorded.extend(origins)
        return True

    def _set(
        self, parent: Any, token: Token, value: Any, origin: Origin, parent_path: tuple[Token, ...]
    ) -> None:
        if isinstance(parent, dict):
            parent[str(token)] = value
            self.provenance.wrote_key(parent, str(token), origin)
        else:
            index = int(token)
            self.provenance.item_origins(parent, self.provenance.origin_of(self.data, parent_path))[
                index
            ] = origin
            parent[index] = value

    def _remove(self, overlay: Overlay, action: Action, matches: list[_Match]) -> bool:
        if any(m.parent is None for m in matches):
            raise OverlayError(
                _error(
                    overlay,
                    f"{action.pointer}/target",
                    "overlay.remove-root",
                    f"{action.label} would remove the whole document",
                    "select the nodes to remove inside it",
                )
            )
        # Items of one list go last first, so that the indices still to remove stay valid.
        for match in sorted(matches, key=_removal_order):
            parent = match.parent
            if isinstance(parent, dict):
                parent.pop(str(match.token), None)
            elif int(match.token) < len(parent):
                origins = self.provenance.item_origins(
                    parent, self.provenance.origin_of(self.data, match.path[:-1])
                )
                del parent[int(match.token)], origins[int(match.token)]
        return True

    def _spend(self, values: int, overlay: Overlay, action: Action) -> None:
        self.budget -= values
        if self.budget < 0:
            raise OverlayError(
                _error(
                    overlay,
                    action.pointer,
                    "limit.values",
                    f"{action.label}: the overlays add more values than a spec may hold",
                    "an update or copy applied to many targets multiplies its size; narrow the target",
                )
            )


def _removal_order(match: _Match) -> tuple[int, int]:
    index = match.token if isinstance(match.token, int) else 0
    return (-len(match.path), -index)


def _value_at(root: Any, path: tuple[Token, ...]) -> Any:
    value = root
    for token in path:
        try:
            value = value[token]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "object"
    return "array" if isinstance(value, list) else "primitive"


def _same(old: Any, new: Any) -> bool:
    """JSON equality of primitives: True is not 1, 1.0 is written differently from 1."""
    return type(old) is type(new) and bool(old == new)


def _count(value: Any) -> int:
    return sum(1 for _ in _walk(value))


def _walk(value: Any) -> Iterator[Any]:
    stack = [value]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def normalized_path(path: tuple[Token, ...]) -> str:
    """An RFC 9535 normalised path, e.g. $['paths']['/pets'][0]."""
    return "$" + "".join(f"[{t}]" if isinstance(t, int) else f"[{_quoted(t)}]" for t in path)


_ESCAPES = {
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "'": "\\'",
    "\\": "\\\\",
}


def _quoted(name: str) -> str:
    return (
        "'"
        + "".join(_ESCAPES.get(c) or (f"\\u{ord(c):04x}" if ord(c) < 0x20 else c) for c in name)
        + "'"
    )


def _no_match(overlay: Overlay, action: Action) -> Diagnostic:
    return Diagnostic(
        Level.WARNING,
        "overlay.no-match",
        f"{action.label} matches nothing in the spec, so it changes nothing",
        overlay.document.location(f"{action.pointer}/target"),
        "the spec may have changed: fix the target, or remove the action",
    )


def _error(overlay: Overlay, pointer: str, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(
        Level.ERROR, code, message, overlay.document.location(join_pointer(pointer)), hint
    )
