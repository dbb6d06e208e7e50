"""Read spec files (YAML or JSON) into Python values, keeping the text for locations.

YAML goes through libyaml's CSafeLoader (pure-Python SafeLoader where libyaml is missing):
the C loader parses Stripe's 4 MB spec about five times faster. Line and column numbers are
only needed when something is reported, so they are computed lazily, by composing the text
once more (see `Document.position`), instead of slowing every load down.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, GenerationFailed, Level, Location

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml is part of PyYAML's wheels
    from yaml import SafeLoader  # type: ignore[assignment]

JSON_SUFFIXES = frozenset({".json"})


@dataclass(frozen=True, eq=False)
class Document:
    """One parsed spec file."""

    path: Path
    text: str
    data: Any
    display_name: str = field(default="")

    @property
    def name(self) -> str:
        return self.display_name or str(self.path)

    @cached_property
    def _tree(self) -> yaml.Node | None:
        try:
            return yaml.compose(self.text, Loader=SafeLoader)
        except yaml.YAMLError:
            return None

    def position(self, pointer: str) -> tuple[int, int]:
        """Line and column (1-based) of the value at `pointer`, or of its nearest parent."""
        node = self._tree
        if node is None:
            return (1, 1)
        for token in split_pointer(pointer):
            child = _child(node, token)
            if child is None:
                break
            node = child
        mark = node.start_mark
        return (mark.line + 1, mark.column + 1)

    def location(self, pointer: str) -> Location:
        line, column = self.position(pointer)
        return Location(self.name, line, column, pointer or "/")


def _child(node: yaml.Node, token: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == token:
                found: yaml.Node = value
                return found
        return None
    if isinstance(node, yaml.SequenceNode) and token.isdigit():
        index = int(token)
        item: yaml.Node | None = node.value[index] if index < len(node.value) else None
        return item
    return None


def escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def split_pointer(pointer: str) -> list[str]:
    if pointer in ("", "/"):
        return []
    return [unescape_token(t) for t in pointer.lstrip("/").split("/")]


def join_pointer(pointer: str, *tokens: str | int) -> str:
    base = "" if pointer == "/" else pointer
    return base + "".join("/" + escape_token(str(t)) for t in tokens)


def load_document(path: Path, display_name: str = "") -> Document:
    """Parse one file; a problem becomes a GenerationFailed carrying a located diagnostic."""
    name = display_name or str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise GenerationFailed(
            [_error("load.unreadable", f"cannot read spec: {error.strerror}", Location(name))]
        ) from None
    text = _decode(raw, name)
    data = (
        _parse_json(text, name) if path.suffix.lower() in JSON_SUFFIXES else _parse_yaml(text, name)
    )
    return Document(path=path, text=text, data=data, display_name=name)


def _error(code: str, message: str, location: Location, hint: str = "") -> Diagnostic:
    return Diagnostic(Level.ERROR, code, message, location, hint)


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        location = Location(name, line, column)
        raise GenerationFailed(
            [
                _error(
                    "load.encoding",
                    f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
                    location,
                    "save the spec as UTF-8",
                )
            ]
        ) from None


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        location = Location(name, error.lineno, error.colno)
        raise GenerationFailed(
            [_error("load.json-syntax", f"invalid JSON: {error.msg}", location)]
        ) from None


def _parse_yaml(text: str, name: str) -> Any:
    try:
        return yaml.load(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        location = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name)
        problem = error.problem or error.context or "syntax error"
        raise GenerationFailed(
            [_error("load.yaml-syntax", f"invalid YAML: {problem}", location)]
        ) from None
    except yaml.YAMLError as error:
        raise GenerationFailed(
            [_error("load.yaml-syntax", f"invalid YAML: {error}", Location(name))]
        ) from None
