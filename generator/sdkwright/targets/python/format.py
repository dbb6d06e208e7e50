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
    files: Mapping[str, str], formatter: str = "ruff", first_party: str = ""
) -> dict[str, str]:
    """Formatted text for every file `is_formatted` in `files` (others are not touched).

    `first_party` names the SDK's package: import sorting must not depend on which of its
    files happen to be formatted in this run. From `MIN_PARALLEL_FILES` files, a forked
    child formats half of them (`sdkwright.forked`): what the formatters do per file is the
    same in either half, and writing and reading the files is this stage's Python time.
    """
    python = {path: text for path, text in files.items() if is_formatted(path)}
    if not python:
        return {}
    if len(python) < MIN_PARALLEL_FILES:
        return _format_in_folder(python, formatter, first_party)
    mine, theirs = forked.halves(list(python.items()), lambda item: len(item[1]))
    child = forked.fork(
        lambda: marshal.dumps(_format_in_folder(dict(theirs), formatter, first_party))
    )
    if child is None:
        return _format_in_folder(python, formatter, first_party)
    try:
        formatted = _format_in_folder(dict(mine), formatter, first_party)
        data = child.result()
    finally:
        child.close()
    # A child that failed (a formatter error too) leaves its half to this process, which
    # then reports what went wrong.
    formatted |= (
        marshal.loads(data)
        if data is not None
        else _format_in_folder(dict(theirs), formatter, first_party)
    )
    return {path: formatted[path] for path in python}


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
