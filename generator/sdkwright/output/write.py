"""Writing what changed in an output folder, all or nothing (what changes, hand edits merged
in, is `output/regenerate.py`'s plan; the pristine copies are written with the files).

A write is a small transaction inside the output folder, so that killing sdkwright at any
moment leaves the old tree or the new one, never a mix:

1. stage: every new file is written under `.sdkwright-txn/` (same filesystem, so a rename
   moves it into place atomically); the output folder is not touched yet;
2. commit point: `.sdkwright-txn/journal.json` appears, atomically (written aside, renamed);
   it lists every step: "move staged file N to PATH" or "remove PATH";
3. apply: the steps run in order (removals first, the manifest last); each is idempotent;
4. done: the journal is removed, then the staging folder.

The next run (or `recover`) finishes what a killed one left: with a journal it rolls forward
(replays the steps: a staged file that is gone was already moved), without one it discards
the staging folder. Files the manifest does not list are never touched or moved.

The guarantee covers the process dying (SIGKILL, a crash, Ctrl-C), not a power cut: surviving
that needs an fsync per file, which would cost more than the whole generation on a large spec.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal, Protocol

from sdkwright.cache.store import write_file
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location
from sdkwright.output import MANIFEST_NAME, TXN_DIR_NAME, portable
from sdkwright.output.manifest import Manifest

ChangeKind = Literal["added", "changed", "removed"]
JOURNAL_NAME = "journal.json"
# Test hook: pause (sleep) before this write step so a test can kill the process there.
PAUSE_ENV = "SDKWRIGHT_TEST_PAUSE_AT_WRITE_STEP"


@dataclass(frozen=True)
class Change:
    path: str
    kind: ChangeKind
    old: bytes | None
    new: bytes | None


@functools.lru_cache(maxsize=16384)  # each path is checked when planned, staged and moved
def checked_relative_path(relative: str) -> PurePosixPath:
    """A generated path must stay inside the output folder, whatever the spec names."""
    path = PurePosixPath(relative)
    if (
        path.is_absolute()
        or not path.parts
        or any(part in ("..", "", ".") for part in path.parts)
        or "\\" in relative
        or path.parts[0] == TXN_DIR_NAME
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


def refuse_unportable(paths: Collection[str]) -> None:
    """A file Windows, macOS or Linux could not hold is a naming bug: refuse to write it."""
    found = portable.problems(paths)
    if found:
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR,
                    "write.unportable-path",
                    f"a generated file name is not portable: {problem}",
                    hint="this is a bug in sdkwright's naming: please report it with the spec",
                )
                for problem in found
            ]
        )


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


def refuse_untracked_overwrites(paths: Collection[str], folder: Path) -> None:
    """Generated paths that hold a file sdkwright did not write (e.g. a new model whose
    module name matches a hand-written helper): overwriting it would lose work."""
    if paths:
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR,
                    "write.untracked-file",
                    f"{folder / path} was not written by sdkwright and would be overwritten",
                    Location(str(folder / path)),
                    "move it out of the output folder, or pass --force to overwrite it",
                )
                for path in paths
            ]
        )


class SideStaging(Protocol):
    """More files for the transaction, staged by other means (a forked child) meanwhile."""

    def start(self, txn: Path) -> None:
        """Begin staging into the staging folder `txn`, under names not made of digits."""

    def finish(self) -> list[tuple[str, str]]:
        """(path, staged name) of every file, once each is whole in the staging folder."""


def apply_changes(
    changes: list[Change],
    folder: Path,
    progress: Callable[[int, int], None] | None = None,
    side: SideStaging | None = None,
) -> None:
    """Write `changes`, and what `side` stages, as one transaction (see the module
    docstring): their moves go before the manifest's."""
    if not changes and side is None:
        return
    recover(folder)
    txn = folder / TXN_DIR_NAME
    txn.mkdir(parents=True)
    pause = _Pause()
    ordered = sorted(changes, key=_step_order)
    try:
        if side is not None:
            side.start(txn)
        steps = _stage(ordered, txn, pause, progress)
        if side is not None:
            steps = _before_the_manifest(steps, side.finish())
        pause.step()
        _write_journal(txn, steps)
    except BaseException:
        shutil.rmtree(txn, ignore_errors=True)  # before the journal: as if never started
        raise
    _roll_forward(folder, steps, pause, progress)
    pause.step()
    _finish(txn)


def _stage(
    ordered: list[Change],
    txn: Path,
    pause: _Pause,
    progress: Callable[[int, int], None] | None,
) -> list[dict[str, str]]:
    """Write every new file into the staging folder; returns the journal's steps."""
    steps: list[dict[str, str]] = []
    staging = os.fspath(txn)
    for index, change in enumerate(ordered):
        checked_relative_path(change.path)
        if change.new is None:
            steps.append({"remove": change.path})
            continue
        pause.step()
        write_file(os.path.join(staging, str(index)), change.new, exclusive=True)
        steps.append({"path": change.path, "staged": str(index)})
        if progress is not None:
            progress(index + 1, 2 * len(ordered))
    return steps


def _before_the_manifest(
    steps: list[dict[str, str]], staged: list[tuple[str, str]]
) -> list[dict[str, str]]:
    for path, _ in staged:
        checked_relative_path(path)
    last = len(steps) - 1 if steps and steps[-1].get("path") == MANIFEST_NAME else len(steps)
    moves = [{"path": path, "staged": name} for path, name in staged]
    return [*steps[:last], *moves, *steps[last:]]


def _step_order(change: Change) -> tuple[int, str]:
    """Removals first (a removed folder may make room for a file), the manifest last."""
    if change.new is None:
        return (0, change.path)
    return (2 if change.path == MANIFEST_NAME else 1, change.path)


def _write_journal(txn: Path, steps: list[dict[str, str]]) -> None:
    journal = txn / JOURNAL_NAME
    aside = txn / f"{JOURNAL_NAME}.tmp"
    aside.write_text(json.dumps({"version": 1, "steps": steps}), encoding="utf-8")
    os.replace(aside, journal)


def _roll_forward(
    folder: Path,
    steps: list[dict[str, Any]],
    pause: _Pause | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    # Paths as strings: a step is a few system calls, and pathlib's objects cost as much
    # (0.2 s of Python for Stripe's 7,600 files and pristine copies).
    root = os.fspath(folder)
    txn = os.path.join(root, TXN_DIR_NAME)
    for number, step in enumerate(steps, start=1):
        if pause is not None:
            pause.step()
        if "remove" in step:
            removed = folder / checked_relative_path(str(step["remove"]))
            removed.unlink(missing_ok=True)
            _remove_empty_parents(removed.parent, folder)
        else:
            target = os.path.join(root, checked_relative_path(str(step["path"])))
            _move(os.path.join(txn, str(step["staged"])), target)
        if progress is not None:
            progress(len(steps) + number, 2 * len(steps))


def _move(staged: str, target: str) -> None:
    """Move a staged file into place, its folder made where missing; a staged file that is
    gone was moved by a run killed since. One system call for most files: the checks that
    tell those cases apart are made only when the move fails."""
    try:
        os.replace(staged, target)
    except FileNotFoundError:
        if not os.path.exists(staged):
            return  # this step already ran before a kill
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(staged, target)


def _finish(txn: Path) -> None:
    (txn / JOURNAL_NAME).unlink(missing_ok=True)
    shutil.rmtree(txn)


RecoveryOutcome = Literal["none", "rolled-forward", "discarded"]


def recover(folder: Path) -> RecoveryOutcome:
    """Finish or undo what a killed write left in `folder` (see the module docstring)."""
    txn = folder / TXN_DIR_NAME
    if not txn.is_dir():
        return "none"
    journal = txn / JOURNAL_NAME
    if not journal.is_file():
        shutil.rmtree(txn)
        return "discarded"
    try:
        steps = json.loads(journal.read_text(encoding="utf-8"))["steps"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR,
                    "write.journal",
                    f"cannot finish an interrupted write: {error}",
                    Location(str(journal)),
                    f"inspect {txn}, then delete it and regenerate",
                )
            ]
        ) from None
    _roll_forward(folder, steps)
    _finish(txn)
    return "rolled-forward"


def pending_transaction(folder: Path) -> bool:
    return (folder / TXN_DIR_NAME).is_dir()


class _Pause:
    """The kill-mid-write tests' hook: before step N (counted from 1), say so and sleep."""

    def __init__(self) -> None:
        value = os.environ.get(PAUSE_ENV, "")
        self.at = int(value) if value.isdigit() else 0
        self.count = 0

    def step(self) -> None:
        self.count += 1
        if self.at and self.count == self.at:
            print(f"sdkwright: paused before write step {self.count}", file=sys.stderr, flush=True)
            time.sleep(3600)


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def unified_diff(change: Change, max_lines: int = 200) -> str:
    import difflib  # only drift reports need it

    old = (change.old or b"").decode("utf-8", "replace").splitlines(keepends=True)
    new = (change.new or b"").decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(old, new, f"a/{change.path}", f"b/{change.path}"))
    if len(lines) > max_lines:
        lines = [*lines[:max_lines], f"... {len(lines) - max_lines} more diff lines\n"]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
