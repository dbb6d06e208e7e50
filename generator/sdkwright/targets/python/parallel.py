"""Render units on both cores: a forked child renders a share of them (`sdkwright.forked`).

Rendering is most of a cold generation's Python time, and its units (a definition's module,
a resource group's module and tests) are independent: each reads the IR and the templates,
which the child has as its parent had them when it forked. The child renders its share
through its copy of the render cache and sends back the files, the values the units leave
(pickled, as the cache keeps them) and what its copy of the cache learnt, which this process
adopts: the cache ends as a serial render would leave it. Meanwhile this process renders the
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
from sdkwright.cache.render_cache import RenderCache, Rendered
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
    render: Callable[[Unit], Rendered],
    meanwhile: Callable[[], T],
    cache: RenderCache,
) -> tuple[list[Rendered], T]:
    """Every unit rendered (`render`), in order, and what `meanwhile()` gives, computed
    while a child renders a share of the units when that pays."""
    mine, theirs = shares(units) if len(units) >= MIN_PARALLEL_UNITS else (range(len(units)), [])
    child = forked.fork(lambda: _render_share(units, theirs, render, cache)) if theirs else None
    if child is None:
        mine, theirs = range(len(units)), []
    try:
        other = meanwhile()
        done = {index: render(units[index]) for index in mine}
        data = child.result() if child is not None else None
    finally:
        if child is not None:
            child.close()
    if data is None:  # no child, or it failed: its share is rendered here
        done |= {index: render(units[index]) for index in theirs}
    else:
        results, learnt = pickle.loads(data)
        cache.adopt(learnt)
        for index, (files, value) in zip(theirs, results, strict=True):
            done[index] = Rendered(files, pickled=value)
    return [done[index] for index in range(len(units))], other


def _render_share(
    units: Sequence[Unit],
    share: Sequence[int],
    render: Callable[[Unit], Rendered],
    cache: RenderCache,
) -> bytes:  # pragma: no cover - runs in the forked child
    results = []
    for index in share:
        rendered = render(units[index])
        results.append((rendered.files, rendered.pickled()))
    return pickle.dumps((results, cache.export()), pickle.HIGHEST_PROTOCOL)


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
