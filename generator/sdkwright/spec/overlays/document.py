"""Overlay documents (OpenAPI Overlay Specification 1.0 and 1.1), read and checked.

An overlay is an ordered list of actions, each an RFC 9535 JSONPath `target` plus what to do
to the nodes it selects: `update` (merge a value in), `remove`, or, from 1.1 on, `copy` (merge
in the value another JSONPath selects in the document being changed). Every problem is a
diagnostic located in the overlay file (file:line:col and a JSON pointer into it), and all
of them are reported at once, before any action is applied.

The structural rules are the specification's (its schemas: the fields allowed, `x-` extensions
anywhere, unique actions; 1.0 forbids `update` beside `remove: true`, 1.1 wants exactly one of
`update`, `copy` and `remove`). JSONPath is python-jsonpath in its strict mode, which accepts
RFC 9535 and nothing more, as the specification requires of compliant tools.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import jsonpath

from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level
from sdkwright.spec.load import (
    DEFAULT_LIMITS,
    Document,
    Limits,
    load_document,
)
from sdkwright.spec.locate import locate
from sdkwright.spec.pointers import join_pointer

ActionKind = Literal["update", "remove", "copy", "none"]
Version = Literal["1.0", "1.1"]

_VERSIONS: dict[Version, re.Pattern[str]] = {
    "1.0": re.compile(r"1\.0\.\d+(-.+)?"),
    "1.1": re.compile(r"1\.1\.\d+"),
}
_TOP_FIELDS = {"overlay", "info", "extends", "actions"}
_INFO_FIELDS: dict[Version, set[str]] = {
    "1.0": {"title", "version"},
    "1.1": {"title", "version", "description"},
}
# `copy` is refused in 1.0 with its own message, not as an unknown field.
_ACTION_FIELDS = {"target", "description", "update", "remove", "copy"}


@cache
def jsonpath_environment() -> jsonpath.JSONPathEnvironment:
    """RFC 9535 exactly: no extensions (python-jsonpath's strict mode passes the compliance
    suite's 703 cases)."""
    return jsonpath.JSONPathEnvironment(strict=True)


@dataclass(frozen=True)
class Action:
    """One action, with where it is in its overlay file."""

    index: int
    pointer: str  # of the action object in the overlay, e.g. /actions/3
    target: str
    kind: ActionKind
    query: Any  # the compiled target (a python-jsonpath query)
    update: Any = None  # the value to merge in (kind "update")
    copy: Any = None  # the compiled source query (kind "copy")
    copy_text: str = ""
    description: str = ""

    @property
    def label(self) -> str:
        """How messages name the action: its number and target."""
        return f"action {self.index + 1} ({self.target})"


@dataclass(frozen=True)
class Overlay:
    document: Document
    version: Version
    title: str
    extends: str
    actions: tuple[Action, ...]


def load_overlay(path: Path, display_name: str = "", limits: Limits = DEFAULT_LIMITS) -> Overlay:
    """Read and check one overlay file; problems raise GenerationFailed, located."""
    document = load_document(path, display_name, limits)
    return parse_overlay(document)


def parse_overlay(document: Document) -> Overlay:
    checker = _Checker(document)
    overlay = checker.overlay(document.data)
    if checker.problems or overlay is None:
        raise GenerationFailed(locate(checker.problems, [document]))
    return overlay


class _Checker:
    """Collects every problem of one overlay document."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[Diagnostic] = []

    def error(
        self, pointer: str, message: str, hint: str = "", code: str = "overlay.invalid"
    ) -> None:
        where = self.document.location(pointer)
        self.problems.append(Diagnostic(Level.ERROR, code, message, where, hint))

    def overlay(self, data: Any) -> Overlay | None:
        if not isinstance(data, dict):
            self.error("", "an overlay must be a mapping", "start it with `overlay: 1.1.0`")
            return None
        version = self.version(data.get("overlay"))
        if version is None:
            return None
        self.unknown_fields(data, "", _TOP_FIELDS, "the overlay")
        title = self.info(data.get("info"), version)
        extends = data.get("extends", "")
        if not isinstance(extends, str):
            self.error("/extends", "'extends' must be a string (a URI reference to the spec)")
            extends = ""
        actions = self.actions(data.get("actions"), version)
        return Overlay(self.document, version, title, extends, actions)

    def version(self, value: Any) -> Version | None:
        if value is None:
            self.error("", "the overlay has no 'overlay' version", "start it with `overlay: 1.1.0`")
            return None
        text = value if isinstance(value, str) else json.dumps(value)
        for version, pattern in _VERSIONS.items():
            if isinstance(value, str) and pattern.fullmatch(value):
                return version
        self.error(
            "/overlay",
            f"overlay version {text} is not supported",
            "sdkwright applies Overlay Specification 1.0.x and 1.1.x: write `overlay: 1.1.0` (a string)",
            code="overlay.version",
        )
        return None

    def unknown_fields(
        self, data: dict[str, Any], pointer: str, allowed: set[str], what: str
    ) -> None:
        for key in data:
            if key not in allowed and not key.startswith("x-"):
                self.error(
                    join_pointer(pointer, key),
                    f"unknown field '{key}' in {what}",
                    f"allowed: {', '.join(sorted(allowed))}, and extensions named x-...",
                )

    def info(self, info: Any, version: Version) -> str:
        if not isinstance(info, dict):
            self.error(
                "/info" if info is not None else "",
                "the overlay needs an 'info' object with 'title' and 'version'",
            )
            return ""
        for key in ("title", "version"):
            if not isinstance(info.get(key), str):
                self.error(
                    f"/info/{key}" if key in info else "/info", f"info.{key} must be a string"
                )
        self.unknown_fields(info, "/info", _INFO_FIELDS[version], "info")
        title = info.get("title")
        return title if isinstance(title, str) else ""

    def actions(self, actions: Any, version: Version) -> tuple[Action, ...]:
        if not isinstance(actions, list) or not actions:
            pointer = "/actions" if actions is not None else ""
            self.error(pointer, "the overlay needs a non-empty 'actions' list")
            return ()
        found = []
        seen: dict[str, int] = {}
        for index, entry in enumerate(actions):
            pointer = f"/actions/{index}"
            key = json.dumps(entry, sort_keys=True, default=str)
            if key in seen:
                self.error(
                    pointer,
                    f"action {index + 1} repeats action {seen[key] + 1}",
                    "actions must be unique",
                )
            seen.setdefault(key, index)
            action = self.action(entry, index, pointer, version)
            if action is not None:
                found.append(action)
        return tuple(found)

    def action(self, entry: Any, index: int, pointer: str, version: Version) -> Action | None:
        if not isinstance(entry, dict):
            self.error(pointer, f"action {index + 1} must be a mapping with a 'target'")
            return None
        self.unknown_fields(entry, pointer, _ACTION_FIELDS, f"action {index + 1}")
        if "copy" in entry and version == "1.0":
            self.error(f"{pointer}/copy", "'copy' needs Overlay 1.1", "write `overlay: 1.1.0`")
        description = entry.get("description", "")
        if not isinstance(description, str):
            self.error(f"{pointer}/description", "an action's description must be a string")
        remove = entry.get("remove", False)
        if not isinstance(remove, bool):
            self.error(f"{pointer}/remove", "'remove' must be true or false")
        kind = self.kind(entry, pointer, version)
        target = entry.get("target")
        if not isinstance(target, str):
            self.error(
                pointer if target is None else f"{pointer}/target",
                f"action {index + 1} needs a 'target' JSONPath string",
            )
            return None
        query = self.query(target, f"{pointer}/target")
        copy_text = entry.get("copy", "") if kind == "copy" else ""
        copy = self.query(copy_text, f"{pointer}/copy") if kind == "copy" else None
        if query is None or (kind == "copy" and copy is None):
            return None
        return Action(
            index,
            pointer,
            target,
            kind,
            query,
            entry.get("update"),
            copy,
            copy_text,
            description if isinstance(description, str) else "",
        )

    def kind(self, entry: dict[str, Any], pointer: str, version: Version) -> ActionKind:
        verbs = [k for k in ("update", "copy", "remove") if k in entry]
        if version == "1.0":  # 1.0: `remove: false` beside `update` is allowed
            verbs = [v for v in verbs if v != "remove" or entry["remove"] is True]
        if len(verbs) > 1:
            self.error(
                pointer,
                f"an action takes one of update, copy and remove, not {' and '.join(verbs)}",
                "split it into two actions",
            )
        elif not verbs and version == "1.1":
            self.error(pointer, "the action has no update, copy or remove", "say what it does")
        if entry.get("remove") is True:
            return "remove"
        if "copy" in entry:
            return "copy"
        return "update" if "update" in entry else "none"

    def query(self, text: Any, pointer: str) -> Any:
        if not isinstance(text, str) or not text.startswith("$"):
            self.error(
                pointer,
                f"{json.dumps(text)} is not a JSONPath query",
                "a query starts with `$`, e.g. $.paths['/pets'].get",
                "overlay.jsonpath",
            )
            return None
        try:
            return jsonpath_environment().compile(text)
        except jsonpath.JSONPathError as error:
            self.error(
                pointer,
                f"invalid JSONPath {text!r}: {_first_line(error)}",
                _jsonpath_hint(error),
                "overlay.jsonpath",
            )
        except RecursionError:
            self.error(pointer, "the JSONPath query is nested too deeply", "", "overlay.jsonpath")
        return None


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _jsonpath_hint(error: jsonpath.JSONPathError) -> str:
    token = getattr(error, "token", None)
    index = getattr(token, "index", None)
    at = f"at character {index + 1}: " if isinstance(index, int) else ""
    return f"{at}write an RFC 9535 query, e.g. $.paths['/pets'].get or $.paths.*[?@.operationId == 'x']"
