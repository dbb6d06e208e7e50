"""Work for the second core: a function run in a forked child, its bytes read back by a pipe.

Generation is CPU-bound Python, so one process uses one core. Where a stage splits into
independent parts (entries of a large YAML file, render units, locating diagnostics), a
forked child does a share while this process does the rest: the child starts with this
process's memory as it is (the IR, compiled templates), so only its result is serialised.

Forking is used only where it is safe and can pay: on Linux, with more than one core
available to this process, and with no other thread running (a child forked from a process
with threads can deadlock on a lock another thread held). Everywhere else `fork` returns
None and the caller does the work itself; a child that fails gives None too, so every caller
has its serial path, which gives the same result.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
_OK = b"\x01"  # first byte of a finished child's output: an empty or cut-off read is a failure


def cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether a child may be forked here and now (see the module docstring)."""
    import threading  # forking a process with threads can deadlock the child

    return sys.platform.startswith("linux") and threading.active_count() == 1


def fork(work: Callable[[], bytes], *, needs_a_core: bool = True) -> Child | None:
    """`work()` running in a forked child, or None where that is not possible. With
    `needs_a_core`, only when a second core can run it alongside this process (work that
    this process would otherwise wait for, such as locating diagnostics, passes False)."""
    if not can_fork() or (needs_a_core and cores() < 2):
        return None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        _run_child(work, read_end, write_end)
    os.close(write_end)
    return Child(pid, read_end)


def _run_child(
    work: Callable[[], bytes], read_end: int, write_end: int
) -> None:  # pragma: no cover
    code = 1
    try:
        # Collections leave the objects inherited from the parent alone: walking them would
        # touch, and so copy, the memory the two processes share.
        gc.freeze()
        os.close(read_end)
        data = work()
        with os.fdopen(write_end, "wb") as stream:
            stream.write(_OK + data)
        code = 0
    finally:
        os._exit(code)  # no clean-up of the parent's state (buffers, temporary files, atexit)


def halves(items: Sequence[T], size: Callable[[T], int]) -> tuple[list[T], list[T]]:
    """`items` cut in two runs of about the same total `size`, in order: the first for this
    process, the second for a child."""
    total, running = sum(size(item) for item in items), 0
    for index, item in enumerate(items):
        running += size(item)
        if 2 * running >= total:
            return list(items[: index + 1]), list(items[index + 1 :])
    return list(items), []


class Child:
    """A forked child's result, read once: `result()`, or `close()` to give it up."""

    def __init__(self, pid: int, read_end: int) -> None:
        self._pid = pid
        self._read_end: int | None = read_end

    def result(self) -> bytes | None:
        """What `work()` returned; None when the child failed (the caller then does it)."""
        if self._read_end is None:
            return None
        with os.fdopen(self._read_end, "rb") as stream:
            self._read_end = None
            data = stream.read()
        _, status = os.waitpid(self._pid, 0)
        if status != 0 or not data.startswith(_OK):
            return None
        return data[len(_OK) :]

    def close(self) -> None:
        """Stop the child if its result was not read (the caller failed meanwhile): as an
        interrupt, so that it removes what it made (temporary folders) before it exits."""
        if self._read_end is None:
            return
        os.close(self._read_end)
        self._read_end = None
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGINT)
        os.waitpid(self._pid, 0)
