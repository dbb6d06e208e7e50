"""Reading a config file with positions: `sdkwright.yaml` (YAML composed, so that every value
keeps its line and column) or the `[tool.sdkwright]` table of pyproject.toml (tomllib keeps no
positions, so the target tables and their keys are found by line)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Protocol

from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location

CONFIG_NAME = "sdkwright.yaml"
PYPROJECT = "pyproject.toml"

Marks = dict[str, tuple[int, int]]  # JSON pointer -> (line, column), 1-based


def find_config(start: Path) -> Path | None:
    """sdkwright.yaml, else a pyproject.toml with a [tool.sdkwright] table, nearest first."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _declares_sdkwright(pyproject):
            return pyproject
    return None


def _declares_sdkwright(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[+\s*tool\.sdkwright\b", text, re.MULTILINE) is not None


def read_yaml(path: Path) -> tuple[Any, Marks]:
    import yaml  # here, not at the top: the no-op fast path with flags never needs it

    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as error:
        raise failure(Location(str(path)), f"cannot read {path.name}: {error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = Location(str(path), mark.line + 1, mark.column + 1) if mark else Location(str(path))
        problem = getattr(error, "problem", None) or str(error)
        raise failure(where, f"{path.name} is not valid YAML: {problem}") from None
    marks: Marks = {}
    return (_plain(node, "", marks) if node is not None else None), marks


def _plain(node: Any, pointer: str, marks: Marks) -> Any:
    """A composed YAML node as plain data, recording where each value starts."""
    import yaml

    marks[pointer] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key, value in node.value:
            name = str(yaml.safe_load(yaml.serialize(key))) if key.value is not None else ""
            child = f"{pointer}/{escape(name)}"
            marks[child + "#key"] = (key.start_mark.line + 1, key.start_mark.column + 1)
            result[name] = _plain(value, child, marks)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, f"{pointer}/{index}", marks) for index, item in enumerate(node.value)]
    return yaml.safe_load(yaml.serialize(node))


def read_pyproject(path: Path) -> tuple[Any, Marks]:
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise failure(Location(str(path)), f"cannot read {path.name}: {error}") from None
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+), column (\d+)", str(error))
        line, column = (int(found[1]), int(found[2])) if found else (0, 0)
        raise failure(
            Location(str(path), line, column), f"{path.name} is not valid TOML: {error}"
        ) from None
    tool = data.get("tool", {}).get("sdkwright")
    return tool, _toml_marks(text)


def _toml_marks(text: str) -> Marks:
    """Where each [[tool.sdkwright.targets]] table and its keys are: tomllib keeps no positions."""
    marks: Marks = {}
    index = -1
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_targets = re.fullmatch(r"\[\[\s*tool\.sdkwright\.targets\s*\]\]", stripped)
            index = index + 1 if in_targets else index
            if in_targets:
                marks[f"/targets/{index}"] = (number, 1)
            elif re.match(r"\[+\s*tool\.sdkwright\b", stripped):
                marks[""] = (number, 1)
            else:
                index = -1 if index >= 0 and not in_targets else index
                continue
        key = re.match(r"\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=", line)
        if key and index >= 0:
            marks[f"/targets/{index}/{key[1]}"] = (number, key.start(1) + 1)
    return marks


def escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def failure(where: Location, message: str, hint: str = "") -> GenerationFailed:
    return GenerationFailed([Diagnostic(Level.ERROR, "config.invalid", message, where, hint)])


class Failure(Protocol):
    """(JSON pointer, message, hint, code) -> the located error to raise (config._Reader.failure)."""

    def __call__(
        self, pointer: str, message: str, hint: str = "", code: str = "config.invalid"
    ) -> GenerationFailed: ...
