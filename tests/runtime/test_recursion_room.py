"""`_validation.recursion_room`: the room deep types get (issue 14), bounded and given back."""

from __future__ import annotations

import sys
import threading
from types import SimpleNamespace

import pytest


def _depth() -> int:
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back  # type: ignore[assignment]
    return depth


def test_the_limit_rises_above_the_depth_and_comes_back(rt: SimpleNamespace) -> None:
    validation = sys.modules[f"{rt.package}._validation"]
    room = validation.recursion_room
    before = sys.getrecursionlimit()
    with room(5000):
        assert sys.getrecursionlimit() >= _depth() + 5000 - 1
        with room(10):  # a nested room never lowers it
            assert sys.getrecursionlimit() >= _depth() + 5000 - 2
    assert sys.getrecursionlimit() == before


def test_it_is_bounded(rt: SimpleNamespace) -> None:
    """A runaway recursion still ends in RecursionError inside the room."""
    validation = sys.modules[f"{rt.package}._validation"]

    def forever(n: int) -> int:
        return forever(n + 1) + 1

    with validation.recursion_room(2000), pytest.raises(RecursionError):
        forever(0)
    assert validation.FRAMES_FOR_DEEP_TYPES <= 10_000


def test_the_last_thread_out_puts_the_limit_back(rt: SimpleNamespace) -> None:
    validation = sys.modules[f"{rt.package}._validation"]
    before = sys.getrecursionlimit()
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with validation.recursion_room(3000):
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=other)
    thread.start()
    assert inside.wait(10)
    with validation.recursion_room(100):
        pass
    assert sys.getrecursionlimit() > before  # the other thread is still inside
    leave.set()
    thread.join(10)
    assert sys.getrecursionlimit() == before
