"""Comparing a generated tree with the disk, and writing only what changed.

Each file is written to a temporary sibling and moved into place (`os.replace` is atomic),
so a reader never sees half a file. Files the manifest does not list are never touched.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from generator.diagnostics import Diagnostic, GenerationFailed, Level, Location
from generator.manifest import MANIFEST_NAME, Manifest

ChangeKind = Literal["added", "changed", "removed"]


@dataclass(frozen=True)
class Change:
    path: str
    kind: ChangeKind
    old: bytes | None
    new: bytes | None


def checked_relative_path(relative: str) -> PurePosixPath:
    """A generated path must stay inside the output folder, whatever the spec names."""
    path = PurePosixPath(relative)
    if (
        path.is_absolute()
        or not path.parts
        or any(part in ("..", "", ".") for part in path.parts)
        or "\\" in relative
    ):
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR,
                    "write.unsafe-path",
                    f"refusing to write outside the output folder: {relative!r}",
                )
            ]
        )
    return path


def plan_changes(
    files: Mapping[str, bytes], folder: Path, previous: Manifest | None
) -> list[Change]:
    changes = []
    for relative in sorted(files):
        checked_relative_path(relative)
        target = folder / relative
        old = target.read_bytes() if target.is_file() else None
        if old is None:
            changes.append(Change(relative, "added", None, files[relative]))
        elif old != files[relative]:
            changes.append(Change(relative, "changed", old, files[relative]))
    for relative in sorted(previous.files if previous else ()):
        if relative not in files and relative != MANIFEST_NAME and (folder / relative).is_file():
            checked_relative_path(relative)
            changes.append(Change(relative, "removed", (folder / relative).read_bytes(), None))
    return changes


def refuse_foreign_folder(folder: Path, previous: Manifest | None, force: bool) -> None:
    """Writing into a non-empty folder that sdkwright did not make could clobber work."""
    if previous is not None or force or not folder.exists():
        return
    if any(folder.iterdir()):
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR,
                    "write.foreign-folder",
                    f"{folder} is not empty and has no {MANIFEST_NAME}",
                    Location(str(folder)),
                    "choose an empty folder, or pass --force to write into it",
                )
            ]
        )


def apply_changes(changes: list[Change], folder: Path) -> None:
    for change in changes:
        target = folder / change.path
        if change.new is None:
            target.unlink()
            _remove_empty_parents(target.parent, folder)
        else:
            _atomic_write(target, change.new)


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def unified_diff(change: Change, max_lines: int = 200) -> str:
    old = (change.old or b"").decode("utf-8", "replace").splitlines(keepends=True)
    new = (change.new or b"").decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(old, new, f"a/{change.path}", f"b/{change.path}"))
    if len(lines) > max_lines:
        lines = [*lines[:max_lines], f"... {len(lines) - max_lines} more diff lines\n"]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
