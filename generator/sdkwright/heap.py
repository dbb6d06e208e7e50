"""The cyclic garbage collector during a run: off, and what a stage leaves behind is kept to
the end.

The spec's documents, the IR and the rendered files live until a generation ends. Every
collection walks the objects that survived since the last one: during a run almost all of
them stay alive to the end, so the collector spends its time finding nothing to free (0.5 to
0.8 s of one core on Stripe's spec with the default thresholds, still 0.1 s with rare full
collections), and what a run does free is freed by reference counting (the IR and the
renders hold no cycles worth collecting: peak memory is the same with the collector off, on
every spec of the corpus). So within `stages()` the collector does not run, and `settle()`
at the end of a stage moves what is alive out of its reach for the forked children, whose
first collection would otherwise walk, and so copy, the memory they share with this process
(nothing is freed that would have been: references still count). On leaving, every object
is collectable again and the collector is on as before, so that a long-lived process
(`generate --watch`, a library user) keeps no garbage cycle of a past run.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def stages() -> Iterator[None]:
    """Within: the collector is off and `settle()` may freeze what is alive; after: nothing
    stays frozen, and the collector is on or off as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def settle() -> None:
    """Leave what is alive now out of later collections (call it between stages)."""
    gc.freeze()


def staged(function: Callable[P, R]) -> Callable[P, R]:
    """`function` run within `stages()`."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with stages():
            return function(*args, **kwargs)

    return run
