"""Formatting generated Python: ruff by default, black on request. Markdown files' Python
code blocks are formatted by ruff whichever formatter lays out the code, so that a README
passes `ruff format --check` in the SDK.

All files of a run are formatted by one formatter process over a temporary folder (one
process per file would cost more than the rendering itself on a large spec). Imports and
`__all__` are sorted by ruff's fixes first, whichever formatter lays out the code.
"""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from sdkwright import forked
from sdkwright.cache.store import write_file
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level

FORMATTERS = ("ruff", "black")
MIN_PARALLEL_FILES = 1000  # fewer files format faster in one process than forked in two
LINE_LENGTH = "100"
TARGET = "py310"


def is_formatted(path: str) -> bool:
    """Whether the formatter formats `path`: Python, and Markdown's Python code blocks."""
    return path.endswith((".py", ".md"))


@cache
def ruff_binary() -> str:
    # The first place ruff's own finder looks, the environment's scripts folder, looked at
    # alone: the finder works out all five of its places first (7 ms of every run).
    beside = os.path.join(sysconfig.get_path("scripts"), "ruff" + sysconfig.get_config_var("EXE"))
    if os.path.isfile(beside):
        return beside
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

        return str(find_ruff_bin())
    except (ImportError, FileNotFoundError):
        found = shutil.which("ruff")
        if found is None:
            raise GenerationFailed(
                [
                    Diagnostic(
                        Level.ERROR,
                        "format.missing",
                        "ruff is not installed",
                        hint="pip install ruff",
                    )
                ]
            ) from None
        return found


def format_python(
    files: Mapping[str, str],
    formatter: str = "ruff",
    first_party: str = "",
    early: Early | None = None,
) -> dict[str, str]:
    """Formatted text for every file `is_formatted` in `files` (others are not touched).

    `first_party` names the SDK's package: import sorting must not depend on which of its
    files happen to be formatted in this run. From `MIN_PARALLEL_FILES` files, a forked
    child formats half of them (`sdkwright.forked`): what the formatters do per file is the
    same in either half, and writing and reading the files is this stage's Python time.
    With `early`, a child started before the last files were rendered has formatted a share
    of them: this process formats the others.
    """
    python = {path: text for path, text in files.items() if is_formatted(path)}
    if not python:
        return {}
    if early is not None and early.child is not None:
        taken = {p: t for p, t in early.sent.items() if python.get(p) == t}
        mine = [(p, t) for p, t in python.items() if p not in taken]
        return _with_child(python, mine, list(taken.items()), early.child, formatter, first_party)
    if len(python) < MIN_PARALLEL_FILES:
        return _format_in_folder(python, formatter, first_party)
    mine, theirs = forked.halves(list(python.items()), lambda item: len(item[1]))
    child = forked.fork(
        lambda: marshal.dumps(_format_in_folder(dict(theirs), formatter, first_party))
    )
    if child is None:
        return _format_in_folder(python, formatter, first_party)
    return _with_child(python, mine, theirs, child, formatter, first_party)


Files = list[tuple[str, str]]


def _with_child(
    python: dict[str, str],
    mine: Files,
    theirs: Files,
    child: forked.Child,
    formatter: str,
    first_party: str,
) -> dict[str, str]:
    """`mine` formatted here while `child` formats `theirs` (which it was given), in order."""
    try:
        formatted = _format_in_folder(dict(mine), formatter, first_party) if mine else {}
        data = child.result()
    finally:
        child.close()
    # A child that failed (a formatter error too) leaves its share to this process, which
    # then reports what went wrong.
    done = marshal.loads(data) if data is not None else None
    if done is None or not all(path in done for path, _ in theirs):
        done = _format_in_folder(dict(theirs), formatter, first_party)
    formatted |= {path: done[path] for path, _ in theirs}
    return {path: formatted[path] for path in python}


# The share of the files rendered first that the early child formats: this process then
# renders the README and the other pages that sum up the API, and formats them with the rest.
EARLY_SHARE = 0.6


class Early:
    """Formatting that starts while the last pages render: `start` gives a forked child a
    share of the files rendered so far (`EARLY_SHARE` of their text), and `format_python`
    takes its result. Only for a folder where nothing is reused (a first generation): there
    every rendered file is formatted. `close` stops a child whose result was not taken."""

    def __init__(self, formatter: str, first_party: str) -> None:
        self.formatter = formatter
        self.first_party = first_party
        self.child: forked.Child | None = None
        self.sent: dict[str, str] = {}

    def start(self, files: Mapping[str, str]) -> None:
        python = [(path, text) for path, text in files.items() if is_formatted(path)]
        if len(python) < MIN_PARALLEL_FILES or self.child is not None:
            return
        theirs = dict(_share(python, EARLY_SHARE))
        self.child = forked.fork(
            lambda: marshal.dumps(_format_in_folder(theirs, self.formatter, self.first_party))
        )
        self.sent = theirs if self.child is not None else {}

    def close(self) -> None:
        if self.child is not None:
            self.child.close()
            self.child = None


def _share(items: Files, fraction: float) -> Files:
    """The first `items` that hold about `fraction` of the text."""
    wanted, running = fraction * sum(len(text) for _, text in items), 0
    for index, (_, text) in enumerate(items):
        running += len(text)
        if running >= wanted:
            return items[: index + 1]
    return items


def _format_in_folder(
    python: Mapping[str, str], formatter: str, first_party: str
) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="sdkwright-format-", dir=_scratch_folder()) as folder:
        # Plain strings and system calls: pathlib's objects, a folder check per file and
        # buffered file objects cost more than the writes and reads themselves (3,800 files).
        for parent in sorted({os.path.dirname(path) for path in python} - {""}):
            os.makedirs(os.path.join(folder, parent), exist_ok=True)
        for path, text in python.items():
            write_file(os.path.join(folder, path), text.encode())
        markdown = [path for path in python if path.endswith(".md")]
        for command in _commands(formatter, first_party, markdown):
            _run(command, Path(folder))
        return {path: _read(os.path.join(folder, path)) for path in python}


def _read(path: str) -> str:
    """The file's text, line breaks read as `read_text` reads them (each "\\r\\n" or "\\r" a
    "\\n"), should a formatter have written any."""
    with open(path, "rb") as stream:
        text = stream.read().decode()
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _commands(formatter: str, first_party: str, markdown: Sequence[str] = ()) -> list[list[str]]:
    """Sort imports and `__all__` with ruff's fixes, then lay the code out (`markdown`: the
    Markdown files, which ruff lays out whichever formatter lays out the Python files)."""
    ruff, layout = ruff_binary(), ["--target-version", TARGET, "--line-length", LINE_LENGTH, "."]
    known = f"lint.isort.known-first-party = [{first_party!r}]"
    # --no-cache: the folder is new each run, so a cache written into it is never read.
    fixes = [
        "check",
        "--no-cache",
        "--isolated",
        "--config",
        known,
        "--select",
        "I,RUF022",
        "--fix",
        "--exit-zero",
    ]
    sort = [ruff, *fixes, "--quiet", *layout]
    if formatter == "black":
        black = [sys.executable, "-m", "black", "--quiet", *layout]
        if not markdown:
            return [sort, black]
        blocks = [ruff, "format", "--no-cache", "--isolated", "--quiet", *layout[:-1], *markdown]
        return [sort, black, blocks]
    return [sort, [ruff, "format", "--no-cache", "--isolated", "--quiet", *layout]]


def _scratch_folder() -> str | None:
    """Memory-backed scratch space where there is one: creating hundreds of small files
    there costs a tenth of what it costs on some disks."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def _run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        message = (
            f"the formatter failed on generated code: {detail[-1] if detail else result.returncode}"
        )
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR,
                    "format.failed",
                    message,
                    hint="this is a bug in sdkwright: please report it with the spec",
                )
            ]
        )
