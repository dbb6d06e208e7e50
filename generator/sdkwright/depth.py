"""Room on Python's call stack for specs nested as deep as the loader lets them.

The loader refuses documents nested deeper than `Limits.max_depth` (200 levels); anything
shallower must generate. Building the IR, naming it and rendering it recurse along a schema,
a few frames per level (five in the IR's converter for a map of maps), so the deepest
accepted spec needs about as many frames as Python's default limit of 1,000 allows, with no
margin for one more frame per level. Generation runs with a bounded room above where it
starts, so that a runaway still ends in a RecursionError, and the limit is put back after.
(The SDKs' runtime does the same for deep responses, `_validation.recursion_room`; it is
not imported here because the generator's start-up would pay for the whole module.)
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sdkwright.spec.load import Limits

P = ParamSpec("P")
R = TypeVar("R")

FRAMES_PER_LEVEL = 25
_lock = threading.Lock()
_inside = 0  # runs inside now, in any thread: the limit is the process's
_limit_before = 0


def with_room_for_deep_specs(function: Callable[P, R]) -> Callable[P, R]:
    """`function` run with room for the deepest spec the loader accepts."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        _enter(Limits.max_depth * FRAMES_PER_LEVEL)
        try:
            return function(*args, **kwargs)
        finally:
            _leave()

    return run


def _enter(frames: int) -> None:
    global _inside, _limit_before
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back  # type: ignore[assignment]
    with _lock:
        if _inside == 0:
            _limit_before = sys.getrecursionlimit()
        _inside += 1
        sys.setrecursionlimit(max(sys.getrecursionlimit(), depth + frames))


def _leave() -> None:
    global _inside
    with _lock:
        _inside -= 1
        if _inside == 0:
            sys.setrecursionlimit(_limit_before)
