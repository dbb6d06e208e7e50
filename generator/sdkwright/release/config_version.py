"""Where a bumped version goes: a configured target's `version:` is the user's, so `generate
--bump` rewrites that one value in sdkwright.yaml (or `[tool.sdkwright]` in pyproject.toml) as
text, leaving every comment and layout as it was; a flags-only target keeps its version in its
output folder's manifest, as its other options."""

from __future__ import annotations

import re
from pathlib import Path

from sdkwright.config_files import PYPROJECT, read_pyproject, read_yaml
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location

# A scalar value where a YAML or TOML value starts: quoted, or plain up to a separator.
_VALUE = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'[^']*'|[^\s,}\]#]+")


def set_version(config: Path, index: int, version: str) -> None:
    """Make target `index` of `config` declare `version`, changing nothing else in the file."""
    text = config.read_text(encoding="utf-8")
    toml = config.name == PYPROJECT
    _, marks = read_pyproject(config) if toml else read_yaml(config)
    lines = text.splitlines(keepends=True)
    pointer = f"/targets/{index}"
    if toml:
        where = marks.get(f"{pointer}/version")
        if where is not None:
            line = lines[where[0] - 1]
            equals = line.index("=", where[1] - 1)
            lines[where[0] - 1] = line[: equals + 1] + _replaced(line[equals + 1 :], version)
        else:
            header = marks[pointer][0]
            lines.insert(header, f'version = "{version}"\n')
    else:
        where = marks.get(f"{pointer}/version")
        if where is not None:
            line = lines[where[0] - 1]
            column = where[1] - 1
            lines[where[0] - 1] = line[:column] + _replaced(line[column:], version)
        else:
            _insert_yaml(lines, marks[f"{pointer}/name#key"], version)
    updated = "".join(lines)
    config.write_text(updated, encoding="utf-8")
    _check(config, index, version, text)


def _replaced(rest: str, version: str) -> str:
    """`rest` of a line with its first value (after any spaces) replaced by `version`."""
    value = rest.lstrip(" ")
    return rest[: len(rest) - len(value)] + _VALUE.sub(f'"{version}"', value, count=1)


def _insert_yaml(lines: list[str], name_key: tuple[int, int], version: str) -> None:
    """A `version:` key beside the target's `name:`: its own line in a block mapping, the
    first entry of a flow one (`- {name: x, ...}`)."""
    number, column = name_key
    line = lines[number - 1]
    if "{" in line[: column - 1]:
        lines[number - 1] = f'{line[: column - 1]}version: "{version}", {line[column - 1 :]}'
    else:
        lines.insert(number, f'{" " * (column - 1)}version: "{version}"\n')


def _check(config: Path, index: int, version: str, original: str) -> None:
    """Read the file back: the target must now say `version`, else the file is restored."""
    from sdkwright.config import load_targets

    try:
        found = load_targets(config)[index].version
    except (GenerationFailed, IndexError):
        found = None
    if found != version:
        config.write_text(original, encoding="utf-8")
        message = f"could not write version {version} into target {index} of {config.name}"
        hint = "set the target's 'version:' by hand"
        where = Location(str(config), 0, 0, f"/targets/{index}/version")
        raise GenerationFailed([Diagnostic(Level.ERROR, "bump.config", message, where, hint)])
