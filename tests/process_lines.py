"""Reading a running subprocess's output line by line, with a deadline.

Works on the raw file descriptor: a text wrapper's readline after select() can leave lines
in its buffer that select() then never reports, and the test waits for nothing.
"""

from __future__ import annotations

import os
import selectors
import time
from typing import IO


class LineReader:
    def __init__(self, stream: IO[bytes] | IO[str]) -> None:
        self.fd = stream.fileno()
        self.pending = b""
        self.seen = ""

    def until(self, needle: str, timeout: float) -> str:
        """Lines up to and including the first that contains `needle`; raises after `timeout`."""
        selector = selectors.DefaultSelector()
        selector.register(self.fd, selectors.EVENT_READ)
        deadline = time.monotonic() + timeout
        taken = ""
        while True:
            while b"\n" in self.pending:
                line, self.pending = self.pending.split(b"\n", 1)
                text = line.decode(errors="replace") + "\n"
                self.seen += text
                taken += text
                if needle in text:
                    return taken
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not selector.select(remaining):
                break
            chunk = os.read(self.fd, 65536)
            if not chunk:
                break
            self.pending += chunk
        raise AssertionError(f"no {needle!r} within {timeout} s; output so far:\n{self.seen}")
