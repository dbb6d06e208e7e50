"""`generate --watch` regenerates on a spec change; the progress bar shows on terminals only."""

from __future__ import annotations

import os
import pty
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import REPO, SPECS, describe, sdkwright
from process_lines import LineReader
from sdkwright.cli import watch

DEADLINE_S = 60
GENERATE = [sys.executable, "-m", "sdkwright", "generate"]


def test_watch_regenerates_when_the_spec_changes(tmp_path: Path) -> None:
    spec, out = tmp_path / "clearstreet.yaml", tmp_path / "sdk"
    shutil.copy(SPECS / "clearstreet.yaml", spec)
    command = [sys.executable, "-m", "sdkwright", "generate", str(spec), "-o", str(out)]
    process = subprocess.Popen(
        [*command, "--package", "clearstreet", "--watch", "--interval", "0.1"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},  # SIGABRT then prints its stack
    )
    assert process.stdout is not None
    lines = LineReader(process.stdout)
    try:
        lines.until("watching", DEADLINE_S)
        model = out / "clearstreet" / "types" / "position_instruction.py"
        assert "The OSI symbol." not in model.read_text()
        spec.write_text(
            spec.read_text().replace("Options symbol (OSI) for display.", "The OSI symbol.")
        )
        assert "clearstreet.yaml" in lines.until("changed:", DEADLINE_S)
        assert "(2 files changed" in lines.until("files changed", DEADLINE_S)
        assert "The OSI symbol." in model.read_text()
    finally:
        process.send_signal(signal.SIGINT)
        stdout, stderr = _communicate_or_explain(process)
    assert process.returncode == 0, stderr
    assert "stopped watching" in lines.seen + stdout
    assert "error" not in stderr  # the spec was never read half-written


def _communicate_or_explain(process: subprocess.Popen[str]) -> tuple[str, str]:
    """The process's output once it ends; if it has not ended in time, a failure that says
    where it was (its Python stack, its child processes), then it is killed."""
    try:
        return process.communicate(timeout=DEADLINE_S)
    except subprocess.TimeoutExpired:
        alive, children = process.poll() is None, _children(process.pid)
        process.send_signal(signal.SIGABRT)
        stdout, stderr = process.communicate(timeout=DEADLINE_S)
        pytest.fail(
            f"--watch did not end within {DEADLINE_S} s of SIGINT (alive: {alive}, "
            f"children: {children})\nstdout:\n{stdout}\nstderr:\n{stderr}"
        )


def _children(pid: int) -> list[str]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == str(pid):
            found.append(f"{stat.parent.name} {(stat.parent / 'cmdline').read_bytes()[:200]!r}")
    return found


def test_a_change_is_taken_once_the_files_stop_changing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An editor's truncate-then-write is seen as a file growing: generation waits for the
    last state, read twice alike."""
    states: Iterator[watch.FileState] = iter(
        [{"spec": (1, 10)}, {"spec": (2, 700)}, {"spec": (2, 700)}, {"spec": (3, 9)}]
    )
    monkeypatch.setattr(watch, "watched_state", lambda targets: next(states))
    monkeypatch.setattr(watch.time, "sleep", lambda seconds: None)
    assert watch.settled([], {"spec": (0, 0)}) == {"spec": (2, 700)}
    assert next(states) == {"spec": (3, 9)}  # it stopped reading there


def test_the_progress_bar_is_drawn_on_a_terminal(tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    try:
        process = subprocess.run(
            [*GENERATE, str(SPECS / "kitchensink.yaml"), "-o", str(tmp_path / "sdk")],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=terminal,
            env={**os.environ, "SDKWRIGHT_PROGRESS_DELAY": "0", "TERM": "xterm"},
            timeout=DEADLINE_S,
            check=False,
        )
        os.close(terminal)
        drawn = _drain(controller)
    finally:
        os.close(controller)
    assert process.returncode == 0
    assert "kitchensink [" in drawn and "rendering" in drawn and "writing" in drawn
    assert drawn.rstrip().endswith("\x1b[K")  # the line is cleared before the summary


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    result = sdkwright("generate", SPECS / "kitchensink.yaml", "-o", tmp_path / "sdk")
    assert result.returncode == 0, describe(result)
    assert "\r" not in result.stderr and "[#" not in result.stderr


def _drain(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO once the terminal side is closed and read to the end
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode(errors="replace")
