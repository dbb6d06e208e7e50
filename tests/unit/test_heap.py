"""The collector during a run (`sdkwright.heap`): it is off, what a stage leaves alive is
frozen until the run ends, and nothing of that outlives the run."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from sdkwright import api, heap
from sdkwright.config_flags import target_from_flags
from spec_helpers import json_response, openapi, write_spec


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


@pytest.fixture(autouse=True)
def _unfrozen() -> None:
    gc.unfreeze()


def test_settle_freezes_until_the_stages_end() -> None:
    before = gc.get_threshold()
    with heap.stages():
        assert not gc.isenabled()
        node = _Node()
        alive = weakref.ref(node)
        heap.settle()
        assert gc.get_freeze_count() > 0
        del node
        gc.collect()
        assert alive() is not None  # frozen: a cycle left in a stage waits for the end
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before and gc.isenabled()
    gc.collect()
    assert alive() is None  # collectable again once the stages are over


def test_a_cycle_made_within_the_stages_is_collected_after_them() -> None:
    with heap.stages():
        alive = weakref.ref(_Node())
        # Ten times the allocations that start a collection when the collector is on.
        made = [[] for _ in range(10 * gc.get_threshold()[0])]
        assert made and alive() is not None  # no collection ran
    assert gc.isenabled()
    gc.collect()
    assert alive() is None


def test_stages_restore_the_collector_when_a_stage_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), heap.stages():
        heap.settle()
        raise RuntimeError("a stage failed")
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before and gc.isenabled()


def test_stages_leave_a_collector_switched_off_off() -> None:
    gc.disable()
    try:
        with heap.stages():
            assert not gc.isenabled()
        assert not gc.isenabled()  # as the caller had it
    finally:
        gc.enable()


def test_generate_and_write_leave_nothing_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen_counts: list[int] = []

    def settle() -> None:
        gc.freeze()
        frozen_counts.append(gc.get_freeze_count())

    monkeypatch.setattr(heap, "settle", settle)
    spec = write_spec(
        tmp_path,
        openapi(
            paths={
                "/pets": {
                    "get": {
                        "operationId": "list_pets",
                        "responses": {"200": json_response({"type": "string"})},
                    }
                }
            }
        ),
    )
    before = gc.get_threshold()
    target = target_from_flags(spec, tmp_path / "sdk", "pets", None, "ruff")
    result = api.generate(target)
    assert result.files and gc.get_freeze_count() == 0
    assert len(frozen_counts) == 3 and all(count > 0 for count in frozen_counts)
    api.write_result(result, target.output)
    assert (tmp_path / "sdk" / "pets" / "__init__.py").is_file()
    assert len(frozen_counts) == 4  # and once before writing
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before and gc.isenabled()
