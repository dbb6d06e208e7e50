"""Diagnostics are values: a level, a stable code, a message and a location.

Stages return them instead of raising, so that one run reports every problem it can find,
and the CLI decides how to print them and which exit code they mean.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sdkwright.spec.invisible import escape_invisible


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


# What to do, for diagnostics whose stage did not say: every diagnostic offers a next step.
DEFAULT_HINTS = {
    "load.json-syntax": "JSON allows no trailing commas, comments or unquoted keys: fix the text here",
    "load.yaml-syntax": "check indentation and brackets here; YAML indents with spaces, never tabs",
    "schema.allof-cycle": "remove the allOf entry that leads back to this schema",
    "spec.schema": "make the value at this pointer match the OpenAPI specification's schema for it",
    "spec.openapi": "make the value at this pointer match the OpenAPI specification",
    "spec.validator-crashed": "run `sdkwright validate --quick` and report the spec with this message",
    "naming.collision": "rename one of the schemas, or keep the generated name (it will not change)",
    "schema.enum-values": "give the enum values of one type only",
    "schema.default": "make the default match the property's type",
    "schema.discriminator": "map every tag to one of the union's variants (discriminator.mapping), or name the variants' components after their tags",
    "schema.cycle": "break the cycle with an object schema (a class can refer to itself)",
    "schema.invalid": "a schema must be an object (or true)",
    "schema.literal": "use string, integer or boolean values for const and enum",
    "schema.unknown-type": "use one of: string, number, integer, boolean, array, object, null",
    "example.mismatch": "fix the example so that it matches the response schema",
    "body.not-an-object": "give the form an object schema, one property per field",
    "body.field-style": "use form, deepObject, spaceDelimited or pipeDelimited in `encoding`",
    "parameter.style": "use a style the runtime sends: form, simple, deepObject, spaceDelimited, pipeDelimited",
    "security.unsupported": "pass the credentials in default_headers= or extra_headers=",
    "parameter.no-schema": "give the parameter a schema",
    "parameter.ignored-header": "declare the credential as a security scheme; other values go in extra_headers=",
    "server.relative-url": "give servers[0] an absolute URL, or pass base_url= to the client",
    "pagination.declared": "check x-sdkwright-pagination's style, parameter, items and next paths",
    "rule.unused-path-parameter": "remove the parameter, or add {name} to the path",
}


@dataclass(frozen=True)
class Diagnostic:
    level: Level
    code: str
    message: str
    location: Location | None = None
    hint: str = ""

    @property
    def next_step(self) -> str:
        return self.hint or DEFAULT_HINTS.get(self.code, "")

    def render(self) -> str:
        """One compiler-style line, plus the pointer and a hint when there is one; invisible
        format characters from the spec are shown as escapes (spec/invisible.py)."""
        where = f"{self.location}: " if self.location else ""
        lines = [f"{where}{self.level.label}[{self.code}]: {self.message}"]
        if self.location and self.location.pointer:
            lines.append(f"  at {self.location.pointer}")
        if self.next_step:
            lines.append(f"  hint: {self.next_step}")
        return escape_invisible("\n".join(lines))

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
            "hint": self.next_step or None,
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
