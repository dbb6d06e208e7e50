"""Killing sdkwright mid-write leaves the old tree or the new one, never a mix.

The writer has a test hook (`SDKWRIGHT_TEST_PAUSE_AT_WRITE_STEP=N`) that makes it stop before
its N-th write step and say so; the test then SIGKILLs it there, at steps chosen at random
(seeded) and at the boundaries: before anything, while staging, just before and just after
the journal (the commit point), while moving files into place, and before the clean-up.
After recovery (what the next run does first), the tree must be exactly the old one when the
kill came before the journal, exactly the new one after it, hand-written files untouched.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, SPECS, describe, sdkwright
from process_lines import LineReader
from sdkwright import api
from sdkwright.config_flags import target_from_flags
from sdkwright.output import TXN_DIR_NAME, regenerate
from sdkwright.output.manifest import read_manifest
from sdkwright.output.write import PAUSE_ENV, recover

SEED = 20261124
PAUSE_TIMEOUT_S = 60
HAND_WRITTEN = {"sdk/my_helpers.py": b"# mine\n", "NOTES.md": b"keep me\n"}


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def restore(folder: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@pytest.fixture(scope="module")
def trees(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """The old tree (Clear Street's SDK as package `sdk`, plus hand-written files) and the new
    one (Kitchen Sink's into the same folder): files added, changed and removed."""
    root = tmp_path_factory.mktemp("safe-writes")
    old, new = root / "old", root / "new"
    # The new tree is what the whole old -> new write gives (CHANGELOG.md carries over).
    for specs, folder in (
        (["clearstreet.yaml"], old),
        (["clearstreet.yaml", "kitchensink.yaml"], new),
    ):
        for spec in specs:
            result = sdkwright("generate", SPECS / spec, "-o", folder, "--package", "sdk")
            assert result.returncode == 0, describe(result)
        for relative, data in HAND_WRITTEN.items():
            (folder / relative).write_bytes(data)
    return root, tree(old), tree(new)


def write_steps(out: Path) -> tuple[int, int]:
    """How many steps the old -> new write has (a staged file per added or changed file,
    the journal, one step per change and per new pristine copy (staged without a pause,
    moved with one), the clean-up), and which one writes the journal."""
    target = target_from_flags(SPECS / "kitchensink.yaml", out, "sdk", None, "ruff")
    result = api.generate(target)
    assert result.manifest is not None
    plan = regenerate.plan(
        result.files, result.manifest, out, read_manifest(out), sources=result.sources
    )
    changes = [*plan.changes, *plan.store]  # the files, and the pristine copies dropped
    written = sum(1 for c in changes if c.new is not None)
    assert written and len(changes) > written  # some files are removed, too
    assert plan.blobs  # and new pristine copies are written
    return written + 1 + len(changes) + len(plan.blobs) + 1, written + 1


def kill_at(step: int, out: Path) -> None:
    """Run the old -> new generation, SIGKILL it where it pauses before write `step`."""
    command = [sys.executable, "-m", "sdkwright", "generate", str(SPECS / "kitchensink.yaml")]
    command += ["-o", str(out), "--package", "sdk", "--no-fast-path"]
    env = {**os.environ, PAUSE_ENV: str(step)}
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    try:
        LineReader(process.stderr).until(f"paused before write step {step}", PAUSE_TIMEOUT_S)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=PAUSE_TIMEOUT_S)
    assert process.returncode == -signal.SIGKILL


def chosen_steps(total: int, journal: int) -> list[int]:
    boundaries = {1, 2, journal - 1, journal, journal + 1, total - 1, total}
    randomly = random.Random(SEED).sample(range(1, total + 1), 4)
    return sorted(boundaries | set(randomly))


def test_a_kill_at_any_write_step_leaves_the_old_or_the_new_tree(
    trees: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    root, old, new = trees
    out = root / "out"
    restore(out, old)
    total, journal = write_steps(out)
    for step in chosen_steps(total, journal):
        restore(out, old)
        kill_at(step, out)
        outcome = recover(out)
        expected = new if step > journal else old
        assert tree(out) == expected, f"killed before step {step} of {total} ({outcome})"
        assert outcome == ("rolled-forward" if step > journal else "discarded")
        assert not (out / TXN_DIR_NAME).exists()


def test_the_next_run_finishes_an_interrupted_write_first(
    trees: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    root, old, new = trees
    out = root / "next-run"
    restore(out, old)
    total, _ = write_steps(out)
    kill_at(total - 1, out)  # after the journal: committed, not all moved into place
    assert tree(out) != new
    check = sdkwright("check", SPECS / "kitchensink.yaml", "-o", out, "--package", "sdk")
    assert check.returncode == 1 and "interrupted generation" in check.stdout, describe(check)
    again = sdkwright("generate", SPECS / "kitchensink.yaml", "-o", out, "--package", "sdk")
    assert again.returncode == 0, describe(again)
    assert tree(out) == new


def test_a_failure_while_staging_leaves_the_old_tree(
    trees: tuple[Path, dict[str, bytes], dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception (disk full, Ctrl-C) before the journal undoes the staging at once."""
    from sdkwright.output import write

    root, old, new = trees
    out = root / "failing"
    restore(out, old)
    result = api.generate(target_from_flags(SPECS / "kitchensink.yaml", out, "sdk", None, "ruff"))
    steps: list[int] = []

    def full_disk(self: object) -> None:
        steps.append(1)
        if len(steps) == 5:  # four files are staged by now
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(write._Pause, "step", full_disk)
    with pytest.raises(OSError, match="No space left"):
        api.write_result(result, out)
    assert tree(out) == old and not (out / TXN_DIR_NAME).exists()
    monkeypatch.undo()
    api.write_result(result, out)
    assert tree(out) == new


@pytest.mark.parametrize("child", ["forked", "failed", "none"])
def test_pristine_copies_staged_by_a_child_or_here_give_the_same_tree(
    trees: tuple[Path, dict[str, bytes], dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    child: str,
) -> None:
    """However the new pristine copies are staged (a forked child, a child that fails and
    leaves them to this process, or this process alone), the write ends in the same tree,
    and every copy the manifest names is in the store."""
    from sdkwright import forked
    from sdkwright.output import merge

    root, old, new = trees
    out = root / f"blobs-{child}"
    restore(out, old)
    monkeypatch.setattr(regenerate, "MIN_FORKED_BLOBS", 1 if child != "none" else 10**9)
    if child == "failed":  # a real child, whose work fails (a full disk, say) before it ends
        real_fork = forked.fork

        def failing_work() -> bytes:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(forked, "fork", lambda work, **options: real_fork(failing_work))
    children: list[forked.Child | None] = []
    counting_fork = forked.fork
    monkeypatch.setattr(
        forked, "fork", lambda work, **options: children.append(counting_fork(work)) or children[-1]
    )
    result = api.generate(target_from_flags(SPECS / "kitchensink.yaml", out, "sdk", None, "ruff"))
    plan = api.write_result(result, out)
    assert len(plan.blobs) > 1
    if child == "none":
        assert children == []
    else:  # where this machine can fork (Linux, two cores), the child was forked
        assert len(children) == 1
        assert (children[0] is not None) == (forked.can_fork() and forked.cores() > 1)
    assert tree(out) == new and not (out / TXN_DIR_NAME).exists()
    manifest = read_manifest(out)
    assert manifest is not None
    for entry in manifest.files.values():
        assert merge.read_pristine(out, entry.output) is not None, entry
