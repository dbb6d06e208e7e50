"""Render units on both cores: a forked child renders a share of them (`sdkwright.forked`).

Rendering is most of a cold generation's Python time, and its units (a definition's module,
a resource group's module and tests) are independent: each reads the IR and the templates,
which the child has as its parent had them when it forked. The child works out its share's
outcomes through its copy of the render cache (reused, or rendered with what each read) and
sends them back, the values the units leave pickled as the cache keeps them; this process
adopts them into its cache, which ends as a serial render would leave it. Meanwhile this process renders the
pages that read the whole Api and its own share.

The output does not depend on the split: every unit renders the same wherever it runs, and
the files are put together in the units' order. Below `MIN_PARALLEL_UNITS` (small specs, or
any spec with a model writer and few groups) forking and sending cost more than the share
saves; then, and wherever the child cannot be forked or fails, everything renders here.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from typing import TypeVar

from sdkwright import forked
from sdkwright.cache.render_cache import Files, Outcome, Reads, RenderCache, Rendered
from sdkwright.targets.python.units import Unit

MIN_PARALLEL_UNITS = 400
# Relative cost of rendering a unit: a definition's module, and a group's per operation
# (its method context, samples, expected requests, the method in two clients and two tests).
DEFINITION_COST = 2
OPERATION_COST = 3
# What this process renders besides its share (the client, `__init__`, README, api.md...),
# as a fraction of all units' cost: the child takes a little more than half.
PARENT_EXTRA = 0.06

T = TypeVar("T")


def render_units(
    units: Sequence[Unit],
    outcome: Callable[[Unit], Outcome],
    meanwhile: Callable[[], T],
    cache: RenderCache,
) -> tuple[list[Rendered], T]:
    """Every unit's files and value, in order (`outcome` renders one, or finds it in the
    render cache, which adopts it), and what `meanwhile()` gives, computed while a child
    works out the outcomes of a share of the units when that pays."""
    mine, theirs = shares(units) if len(units) >= MIN_PARALLEL_UNITS else (range(len(units)), [])
    child = forked.fork(lambda: _outcomes(units, theirs, outcome)) if theirs else None
    if child is None:
        mine, theirs = range(len(units)), []
    try:
        other = meanwhile()
        done = {index: cache.adopt(*outcome(units[index])) for index in mine}
        data = child.result() if child is not None else None
    finally:
        if child is not None:
            child.close()
    if data is None:  # no child, or it failed: its share is rendered here
        done |= {index: cache.adopt(*outcome(units[index])) for index in theirs}
    else:
        for index, (key, files, reads, value) in zip(theirs, pickle.loads(data), strict=True):
            rendered = None if files is None else Rendered(files, pickled=value)
            done[index] = cache.adopt(key, rendered, reads)
    return [done[index] for index in range(len(units))], other


def _outcomes(
    units: Sequence[Unit], share: Sequence[int], outcome: Callable[[Unit], Outcome]
) -> bytes:  # pragma: no cover - runs in the forked child
    """The share's outcomes as they cross to the parent: a reused unit as its key alone
    (the parent has the previous run's files too), a rendered one with its files, its
    reads and its value pickled."""
    sent: list[tuple[bytes, Files | None, Reads | None, bytes]] = []
    for index in share:
        key, rendered, reads = outcome(units[index])
        if rendered is None:
            sent.append((key, None, None, b""))
        else:
            sent.append((key, rendered.files, reads, rendered.pickled()))
    return pickle.dumps(sent, pickle.HIGHEST_PROTOCOL)


def cost(unit: Unit) -> int:
    if unit.group is None:
        return DEFINITION_COST
    return 1 + OPERATION_COST * len(unit.group.operations)


def shares(units: Sequence[Unit]) -> tuple[list[int], list[int]]:
    """Unit indices for this process and for the child, of about equal cost: the costliest
    first, each to the share that has less so far (this one starting with its other pages)."""
    total = sum(cost(unit) for unit in units)
    loads = [PARENT_EXTRA * total, 0.0]
    picked: tuple[list[int], list[int]] = ([], [])
    for index in sorted(range(len(units)), key=lambda i: -cost(units[i])):
        side = 0 if loads[0] <= loads[1] else 1
        picked[side].append(index)
        loads[side] += cost(units[index])
    return sorted(picked[0]), sorted(picked[1])
