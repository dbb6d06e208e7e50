"""The progress bar: drawn on terminals once a run is slow enough, throttled, then cleared."""

from __future__ import annotations

import io

from sdkwright.progress import Bar, Progress, progress_for


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_drawn_before_the_delay_then_stages_advance() -> None:
    stream, clock = Terminal(), Clock()
    bar = Bar(stream, "github", delay_s=0.5, clock=clock)
    bar.stage("loading")
    assert stream.getvalue() == ""  # a fast run never shows a bar
    clock.now = 0.6
    bar.stage("rendering", "rendering 623 operations")
    assert stream.getvalue().endswith(
        "github [##########--------------] rendering 623 operations   0.6 s"
    )
    bar.stage("writing", "writing 10 files")
    for done in range(1, 11):
        clock.now += 0.01  # faster than the redraw interval: only some are drawn
        bar.advance(done, 10)
    clock.now += 1
    bar.advance(10, 10)
    assert stream.getvalue().endswith("[########################] writing 10 files   1.7 s")
    assert stream.getvalue().count("\r") < 12
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_quiet_or_not_a_terminal_gets_no_bar() -> None:
    assert type(progress_for(io.StringIO(), "x", quiet=False)) is Progress
    assert type(progress_for(Terminal(), "x", quiet=True)) is Progress
    assert isinstance(progress_for(Terminal(), "x", quiet=False), Bar)
