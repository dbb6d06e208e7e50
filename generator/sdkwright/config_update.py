"""Writing one target into `sdkwright.yaml` and keeping the rest of the file as it is.

The target replaces the lines of the target of the same name (or is added after the last
target): other targets, comments and keys keep their text, and the comments right before the
next target stay with it. The result is checked as a config (`load_targets`) before it
replaces the file, so a config that would not load is never written.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from sdkwright.config_files import Marks, read_yaml
from sdkwright.diagnostics import Diagnostic, GenerationFailed

HEADER = "# Targets: which spec becomes which SDK (README 'Targets').\n"


def write_target(config: Path, target: dict[str, Any]) -> bool:
    """`target` in the config file `config` (created when missing); True when it replaced
    a target of the same name. Raises GenerationFailed when the result would not load."""
    from sdkwright.config import load_targets

    existed = config.is_file() and config.stat().st_size > 0
    text, replaced = _with_target(config, target) if existed else (_fresh(target), False)
    handle, temporary = tempfile.mkstemp(prefix=".sdkwright-", suffix=".yaml", dir=config.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        try:
            load_targets(Path(temporary))
        except GenerationFailed as failure:
            raise GenerationFailed(_renamed(failure, temporary, config)) from None
        os.replace(temporary, config)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return replaced


def existing_target(config: Path, name: str) -> dict[str, Any] | None:
    """The target called `name` in `config`, as plain data (None: none, or no file)."""
    if not config.is_file():
        return None
    data, _ = read_yaml(config)
    targets = data.get("targets") if isinstance(data, dict) else None
    found = [t for t in targets or [] if isinstance(t, dict) and t.get("name") == name]
    return found[0] if found else None


def _fresh(target: dict[str, Any]) -> str:
    return HEADER + "targets:\n" + _block(target, 2)


def _with_target(config: Path, target: dict[str, Any]) -> tuple[str, bool]:
    data, marks = read_yaml(config)
    text = config.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    targets = data.get("targets") if isinstance(data, dict) else None
    if not isinstance(targets, list) or not targets:
        return "".join(lines) + "targets:\n" + _block(target, 2), False
    starts = [marks[f"/targets/{i}"] for i in range(len(targets))]
    indent = max(starts[0][1] - 3, 0)  # the mapping starts after "- "
    index = next(
        (
            i
            for i, t in enumerate(targets)
            if isinstance(t, dict) and t.get("name") == target["name"]
        ),
        None,
    )
    if index is None:
        end = _end(lines, starts[-1][0] - 1, len(targets) - 1, marks, len(lines))
        return "".join(lines[:end]) + _block(target, indent) + "".join(lines[end:]), False
    begin = starts[index][0] - 1
    end = _end(lines, begin, index, marks, len(lines))
    return "".join(lines[:begin]) + _block(target, indent) + "".join(lines[end:]), True


def _end(lines: list[str], begin: int, index: int, marks: Marks, total: int) -> int:
    """Where target `index`'s lines end: before the next target or the next top-level key,
    without the blank and comment lines just before it."""
    following = marks.get(f"/targets/{index + 1}")
    end = following[0] - 1 if following else total
    if following is None:
        top = [
            n for n in range(begin + 1, total) if lines[n][:1] not in (" ", "\t", "#", "\n", "-")
        ]
        end = top[0] if top else total
    while end > begin + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip()[:1] == "#"):
        end -= 1
    return end


def _block(target: dict[str, Any], indent: int) -> str:
    import yaml

    text = yaml.safe_dump([target], sort_keys=False, allow_unicode=True, width=100)
    return "".join(" " * indent + line for line in text.splitlines(keepends=True))


def _renamed(failure: GenerationFailed, temporary: str, config: Path) -> list[Diagnostic]:
    """The diagnostics of the checked text, pointing at the config's own name."""
    found = []
    for diagnostic in failure.diagnostics:
        where = diagnostic.location
        if where is not None and where.file == temporary:
            where = replace(where, file=str(config))
        found.append(replace(diagnostic, location=where))
    return found
