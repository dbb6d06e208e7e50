"""Diagnostics are values: a level, a stable code, a message and a location.

Stages return them instead of raising, so that one run reports every problem it can find,
and the CLI decides how to print them and which exit code they mean.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from dataclasses import dataclass


class Level(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Location:
    """Where a diagnostic points: a file, its line and column (1-based), and a JSON pointer."""

    file: str
    line: int = 0
    column: int = 0
    pointer: str = ""

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True)
class Diagnostic:
    level: Level
    code: str
    message: str
    location: Location | None = None
    hint: str = ""

    def render(self) -> str:
        """One compiler-style line, plus the pointer and a hint when there is one."""
        where = f"{self.location}: " if self.location else ""
        lines = [f"{where}{self.level.label}[{self.code}]: {self.message}"]
        if self.location and self.location.pointer:
            lines.append(f"  at {self.location.pointer}")
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(lines)

    def as_json(self) -> dict[str, object]:
        location = self.location
        return {
            "level": self.level.label,
            "code": self.code,
            "message": self.message,
            "file": location.file if location else None,
            "line": location.line if location else None,
            "column": location.column if location else None,
            "pointer": location.pointer if location else None,
            "hint": self.hint or None,
        }


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.level is Level.ERROR for d in diagnostics)


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str, str]:
    location = diagnostic.location or Location("")
    return (location.file, location.line, location.column, diagnostic.code, diagnostic.message)


def render_text(diagnostics: Iterable[Diagnostic]) -> str:
    ordered = sorted(diagnostics, key=sort_key)
    return "\n".join(d.render() for d in ordered)


def render_json(diagnostics: Iterable[Diagnostic]) -> str:
    ordered = sorted(diagnostics, key=sort_key)
    return json.dumps([d.as_json() for d in ordered], indent=2)


def summary(diagnostics: Iterable[Diagnostic]) -> str:
    counts = {level: 0 for level in Level}
    for d in diagnostics:
        counts[d.level] += 1
    errors, warnings = counts[Level.ERROR], counts[Level.WARNING]
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


class GenerationFailed(Exception):
    """Raised inside the pipeline when a stage cannot go on; carries what it found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(summary(diagnostics))
        self.diagnostics = diagnostics
