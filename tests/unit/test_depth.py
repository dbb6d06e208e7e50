"""Generation's room on the call stack (sdkwright/depth.py): raised while inside, bounded,
and put back after, also when the call raises or runs in several threads at once."""

from __future__ import annotations

import sys
import threading

import pytest
from sdkwright.depth import FRAMES_PER_LEVEL, with_room_for_deep_specs
from sdkwright.spec.load import Limits


def _recurse(levels: int) -> int:
    return 0 if levels == 0 else 1 + _recurse(levels - 1)


def test_a_run_may_recurse_past_the_default_limit_and_the_limit_is_put_back() -> None:
    before = sys.getrecursionlimit()
    deep = before + 500
    with pytest.raises(RecursionError):
        _recurse(deep)
    assert with_room_for_deep_specs(_recurse)(deep) == deep
    assert sys.getrecursionlimit() == before


def test_the_room_is_bounded_so_a_runaway_still_stops() -> None:
    bound = Limits.max_depth * FRAMES_PER_LEVEL
    with pytest.raises(RecursionError):
        with_room_for_deep_specs(_recurse)(bound + 200)


def test_the_limit_is_put_back_when_the_run_raises() -> None:
    before = sys.getrecursionlimit()

    def fails() -> None:
        raise ValueError("bad spec")

    with pytest.raises(ValueError, match="bad spec"):
        with_room_for_deep_specs(fails)()
    assert sys.getrecursionlimit() == before


def test_the_limit_stays_raised_until_the_last_thread_inside_leaves() -> None:
    before = sys.getrecursionlimit()
    entered, release = threading.Event(), threading.Event()
    seen: list[int] = []

    def waits() -> None:
        entered.set()
        release.wait(timeout=30)

    def quick() -> None:
        seen.append(sys.getrecursionlimit())

    waiting = threading.Thread(target=with_room_for_deep_specs(waits))
    waiting.start()
    assert entered.wait(timeout=30)
    with_room_for_deep_specs(quick)()
    assert sys.getrecursionlimit() > before  # the first thread is still inside
    release.set()
    waiting.join(timeout=30)
    assert seen and seen[0] > before
    assert sys.getrecursionlimit() == before
