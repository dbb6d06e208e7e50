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
    ("change", "now", "reason"),
    [
        (Change("pkg/m.py", "changed", WRITTEN, b"x = 2\n"), current(), "stale"),
        (Change("pkg/m.py", "changed", b"x = 9\n", b"x = 2\n"), current(), "edited"),
        (Change("pkg/m.py", "added", None, b"x = 2\n"), current(), "deleted"),
        (Change("pkg/m.py", "removed", WRITTEN, None), current(), "stale"),
        (Change("pkg/m.py", "removed", b"mine\n", None), current(), "edited"),
        (Change("pkg/new.py", "added", None, b""), current(), "stale"),
        (Change("pkg/new.py", "changed", b"mine\n", b""), current(), "untracked"),
        (Change(MANIFEST_NAME, "changed", b"{}", b"{}"), current(), "stale"),
        # Same render, another formatter: only the layout changed.
        (
            Change("pkg/m.py", "changed", WRITTEN, b"x=1\n"),
            current("render-1", "ruff 2.0"),
            "reformatted",
        ),
        # Same render, same formatter, other bytes: the generator's code changed.
        (Change("pkg/m.py", "changed", WRITTEN, b"x=1\n"), current("render-1"), "stale"),
    ],
)
def test_classify(change: Change, now: Manifest, reason: str) -> None:
    assert classify(change, PREVIOUS, now) == reason


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
