"""YAML read with positions: plain data plus where each value (and each key) starts.

Positions are keyed by JSON pointer, so a check that finds a bad value at `/resources/v1/methods`
can say `stainless.yml:12:7`. Anchors and aliases are expanded by the composer; a document too
deep or too large for it is an error with the parser's position, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sdkwright.diagnostics import Diagnostic, Level, Location

MAX_YAML_BYTES = 8_000_000


def escape(name: str) -> str:
    """A key as one JSON pointer segment."""
    return name.replace("~", "~0").replace("/", "~1")


@dataclass
class Positioned:
    """A YAML document's data and the (line, column) of each JSON pointer, 1-based."""

    path: Path
    data: Any
    starts: dict[str, tuple[int, int]] = field(default_factory=dict)
    key_starts: dict[str, tuple[int, int]] = field(default_factory=dict)

    def where(self, pointer: str, key: bool = False) -> Location:
        """The position of `pointer` (its key's, with key=True), else of the nearest ancestor."""
        probe = pointer
        while True:
            found = (self.key_starts.get(probe) if key else None) or self.starts.get(probe)
            if found or not probe:
                line, column = found or (0, 0)
                return Location(str(self.path), line, column, pointer)
            probe = probe.rpartition("/")[0]

    def diagnostic(
        self, level: Level, code: str, message: str, pointer: str, hint: str = "", key: bool = False
    ) -> Diagnostic:
        return Diagnostic(level, code, message, self.where(pointer, key), hint)


def read_yaml(path: Path) -> Positioned | Diagnostic:
    """The document at `path`, or an error diagnostic saying why it cannot be read."""
    try:
        if path.stat().st_size > MAX_YAML_BYTES:
            return Diagnostic(
                Level.ERROR,
                "yaml.too-large",
                f"{path.name} is larger than {MAX_YAML_BYTES} bytes",
                Location(str(path)),
            )
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as error:
        return Diagnostic(
            Level.ERROR, "yaml.unreadable", f"cannot read {path.name}: {error}", Location(str(path))
        )
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = Location(str(path), mark.line + 1, mark.column + 1) if mark else Location(str(path))
        problem = getattr(error, "problem", None) or str(error)
        return Diagnostic(
            Level.ERROR, "yaml.syntax", f"{path.name} is not valid YAML: {problem}", where
        )
    except RecursionError:
        return Diagnostic(
            Level.ERROR, "yaml.too-deep", f"{path.name} is nested too deeply", Location(str(path))
        )
    document = Positioned(path, None)
    if node is not None:
        document.data = _walk(node, "", document)
    return document


def _walk(node: yaml.Node, pointer: str, document: Positioned) -> Any:
    document.starts[pointer] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key, value in node.value:
            name = str(_scalar(key)) if isinstance(key, yaml.ScalarNode) else ""
            child = f"{pointer}/{escape(name)}"
            document.key_starts[child] = (key.start_mark.line + 1, key.start_mark.column + 1)
            result[name] = _walk(value, child, document)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, f"{pointer}/{i}", document) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    constructor = yaml.SafeLoader("")
    try:
        return constructor.construct_object(node, deep=True)
    finally:
        constructor.dispose()
