"""`sdkwright.output.drift.classify`: why one generated file differs, from the manifests alone."""

from __future__ import annotations

import pytest
from sdkwright.output import MANIFEST_NAME
from sdkwright.output.drift import Drift, classify, drift_causes
from sdkwright.output.manifest import FileEntry, Manifest, sha256
from sdkwright.output.write import Change

WRITTEN = b"x = 1\n"
PREVIOUS = Manifest(
    "sdkwright 0.1.0",
    "ruff 1.0",
    {"api.yaml": "a"},
    {"pkg/m.py": FileEntry("render-1", sha256(WRITTEN))},
)


def current(render: str = "render-2", formatter: str = "ruff 1.0") -> Manifest:
    return Manifest(
        "sdkwright 0.1.0", formatter, {"api.yaml": "b"}, {"pkg/m.py": FileEntry(render, "o")}
    )


@pytest.mark.parametrize(
    ("path", "now", "reason"),
    [
        ("pkg/m.py", current(), "stale"),
        ("pkg/new.py", current(), "stale"),
        (MANIFEST_NAME, current(), "stale"),
        # Same render, another formatter: only the layout changed.
        ("pkg/m.py", current("render-1", "ruff 2.0"), "reformatted"),
        # Another render and another formatter: the change is not only the layout.
        ("pkg/m.py", current("render-2", "ruff 2.0"), "stale"),
        # Same render, same formatter, other bytes: the generator's code changed.
        ("pkg/m.py", current("render-1"), "stale"),
    ],
)
def test_classify(path: str, now: Manifest, reason: str) -> None:
    """Files the merge regenerates as generated (hand edits are the merge's business)."""
    assert classify(path, PREVIOUS, now) == reason


def test_causes() -> None:
    stale = (Drift(Change("pkg/m.py", "changed", WRITTEN, b""), "stale"),)
    assert [c.kind for c in drift_causes(PREVIOUS, current(formatter="ruff 2.0"), stale)] == [
        "spec",
        "formatter",
    ]
    same_inputs = Manifest("sdkwright 0.1.0", "ruff 1.0", {"api.yaml": "a"}, {})
    assert [c.kind for c in drift_causes(PREVIOUS, same_inputs, stale)] == ["code"]
    assert [c.kind for c in drift_causes(None, same_inputs, stale)] == ["no-manifest"]
    assert drift_causes(PREVIOUS, current(), ()) == ()
