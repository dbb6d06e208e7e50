"""The diff's result: classified changes, and how they are written (Markdown or JSON)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

Kind = Literal["added", "removed", "changed"]
Bump = Literal["major", "minor", "patch"]
BUMP_ORDER: tuple[str, ...] = ("none", "patch", "minor", "major")


@dataclass(frozen=True)
class ApiChange:
    kind: Kind
    element: str  # operation, parameter, field, enum value, model, enum, alias, return type, client
    name: str  # as SDK users write it
    detail: str
    bump: Bump

    @property
    def breaking(self) -> bool:
        return self.bump == "major"


@dataclass(frozen=True)
class DiffReport:
    changes: tuple[ApiChange, ...]

    @property
    def bump(self) -> str:
        """The semver bump the change implies: major, minor, patch or none."""
        return max((c.bump for c in self.changes), key=BUMP_ORDER.index, default="none")

    @property
    def breaking(self) -> tuple[ApiChange, ...]:
        return tuple(c for c in self.changes if c.breaking)


SECTIONS: tuple[tuple[Bump, str], ...] = (
    ("major", "Breaking changes"),
    ("minor", "Non-breaking changes"),
    ("patch", "Other changes"),
)


def render_markdown(report: DiffReport, old_name: str, new_name: str) -> str:
    """A changelog entry / PR comment."""
    counts = {bump: sum(1 for c in report.changes if c.bump == bump) for bump, _ in SECTIONS}
    lines = [
        f"## SDK changes: {code(old_name)} -> {code(new_name)}",
        "",
        f"**Semver bump: {report.bump}** ({counts['major']} breaking, "
        f"{counts['minor']} non-breaking, {counts['patch']} other)",
    ]
    for bump, title in SECTIONS:
        section = [c for c in report.changes if c.bump == bump]
        if section:
            lines += ["", f"### {title}", ""]
            lines += [change_line(c) for c in section]
    if not report.changes:
        lines += ["", "No change that SDK users can see."]
    return "\n".join(lines) + "\n"


def change_line(change: ApiChange) -> str:
    """One change as a Markdown list item."""
    return f"- {change.kind.capitalize()} {change.element} {code(change.name)}: {change.detail}"


def code(text: str) -> str:
    """Inline code that survives backticks in spec-derived text."""
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render_json(report: DiffReport) -> str:
    return json.dumps(
        {
            "bump": report.bump,
            "breaking": len(report.breaking),
            "changes": [
                {
                    "kind": c.kind,
                    "element": c.element,
                    "name": c.name,
                    "detail": c.detail,
                    "impact": "breaking" if c.breaking else "non-breaking",
                    "bump": c.bump,
                }
                for c in report.changes
            ],
        },
        indent=2,
    )
