"""A progress bar on stderr for long generations, drawn only where someone is watching.

It appears when stderr is a terminal and the run has already taken PROGRESS_DELAY_S (a large
spec): small specs finish before it would flicker, and CI logs (not a terminal) stay plain.
Stdlib only: one line redrawn with a carriage return, at most every REDRAW_S.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TextIO

STAGES = ("loading", "building", "rendering", "formatting", "writing")
PROGRESS_DELAY_S = 0.5
REDRAW_S = 0.05
WIDTH = 24


class Progress:
    """Stage-by-stage progress; the base class draws nothing (quiet, or not a terminal)."""

    def stage(self, name: str, detail: str = "") -> None:
        """Start stage `name` (one of STAGES)."""

    def advance(self, done: int, total: int) -> None:
        """Progress within the current stage."""

    def close(self) -> None:
        """Leave the terminal line clean."""


class Bar(Progress):
    def __init__(
        self,
        stream: TextIO,
        label: str,
        delay_s: float = PROGRESS_DELAY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream, self.label, self.clock = stream, label, clock
        self.started = clock()
        self.delay_s = delay_s
        self.index, self.fraction, self.detail = 0, 0.0, ""
        self.drawn_at: float | None = None

    def stage(self, name: str, detail: str = "") -> None:
        self.index = STAGES.index(name) if name in STAGES else self.index
        self.fraction, self.detail = 0.0, detail or name
        self._draw(force=True)

    def advance(self, done: int, total: int) -> None:
        self.fraction = min(1.0, done / total) if total else 1.0
        self._draw(force=False)

    def close(self) -> None:
        if self.drawn_at is not None:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.drawn_at = None

    def line(self) -> str:
        """The text of the bar, e.g. `github [#########-------------] rendering  1.9 s`."""
        done = (self.index + self.fraction) / len(STAGES)
        filled = round(done * WIDTH)
        elapsed = self.clock() - self.started
        bar = "#" * filled + "-" * (WIDTH - filled)
        return f"{self.label} [{bar}] {self.detail} {elapsed:5.1f} s"

    def _draw(self, force: bool) -> None:
        now = self.clock()
        if now - self.started < self.delay_s:
            return
        if not force and self.drawn_at is not None and now - self.drawn_at < REDRAW_S:
            return
        self.stream.write("\r\033[K" + self.line())
        self.stream.flush()
        self.drawn_at = now


def progress_for(stream: TextIO, label: str, quiet: bool) -> Progress:
    """A bar when `stream` is an interactive terminal, else the silent base class."""
    interactive = stream.isatty() and os.environ.get("TERM", "") != "dumb"
    if quiet or not interactive:
        return Progress()
    delay = os.environ.get("SDKWRIGHT_PROGRESS_DELAY", "")
    return Bar(stream, label, float(delay) if _is_number(delay) else PROGRESS_DELAY_S)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
