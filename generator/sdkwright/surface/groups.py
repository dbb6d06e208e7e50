"""A compatibility report grouped for a migration: what users of the old SDK lose, what changes
under them (incompatibly or not), what they gain; by category of the surface.

Groups (each change is in exactly one):

- missing: the old SDK had it, the new one lacks it (a method, parameter, type, field, enum
  value or member, error class, page class, client option or export);
- incompatible: changed so that old code may fail (a breaking change that is not a removal,
  such as another return class, a narrower parameter type or a new required parameter);
- compatible: changed, and old code keeps working (a wider type, a new optional default...);
- new: only the new SDK has it.

A migration is compatible when nothing is missing or incompatible, except what `--accept`
lists by id: accepted changes are still listed, marked so.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection

from sdkwright.surface.codec import to_data
from sdkwright.surface.report import Change, Report

GROUPS = ("missing", "incompatible", "compatible", "new")
GROUP_TITLES = {
    "missing": "Missing",
    "incompatible": "Changed, incompatible",
    "compatible": "Changed, compatible",
    "new": "New",
}
CATEGORIES = {
    "methods": ("method", "param", "return", "endpoint", "resource"),
    "types": ("type", "field"),
    "enums": ("value", "member"),
    "errors": ("error",),
    "pagination": ("page",),
    "client": ("client", "option"),
    "exports": ("export",),
}
_CATEGORY_OF = {kind: category for category, kinds in CATEGORIES.items() for kind in kinds}


def group_of(change: Change) -> str:
    if change.status == "missing":
        return "missing"
    if change.severity == "breaking":
        return "incompatible"
    return "compatible" if change.status == "changed" else "new"


def category_of(change: Change) -> str:
    return _CATEGORY_OF.get(change.kind, "other")


def blocking(report: Report, accepted: Collection[str] = ()) -> tuple[Change, ...]:
    """The missing and incompatible changes that `accepted` does not list."""
    return tuple(
        c
        for c in report.changes
        if group_of(c) in ("missing", "incompatible") and c.id not in accepted
    )


def group_counts(report: Report) -> dict[str, dict[str, int]]:
    """group -> category -> number of changes (every group and category, zeros included)."""
    counted = Counter((group_of(c), category_of(c)) for c in report.changes)
    categories = [*CATEGORIES, *(["other"] if counted.keys() - _known() else [])]
    return {g: {c: counted[(g, c)] for c in categories} for g in GROUPS}


def _known() -> set[tuple[str, str]]:
    return {(g, c) for g in GROUPS for c in CATEGORIES}


def groups_to_json(report: Report, accepted: Collection[str] = ()) -> str:
    changes = []
    for change in report.changes:
        data = to_data(change)
        data.update(
            group=group_of(change), category=category_of(change), accepted=change.id in accepted
        )
        changes.append(data)
    counts = group_counts(report)
    summary = {g: sum(counts[g].values()) for g in GROUPS}
    data = {
        "old": report.old,
        "new": report.new,
        "compatible": not blocking(report, accepted),
        "summary": {**summary, "accepted": sum(c.id in accepted for c in report.changes)},
        "counts": counts,
        "changes": changes,
    }
    return json.dumps(data, indent=2) + "\n"


def groups_table(report: Report) -> list[str]:
    """The counts as a Markdown table: a row per group, a column per category."""
    counts = group_counts(report)
    categories = list(counts["missing"])
    lines = [
        "| | " + " | ".join(categories) + " | total |",
        "| --- |" + " ---: |" * (len(categories) + 1),
    ]
    for group in GROUPS:
        row = [str(counts[group][c]) for c in categories]
        total = sum(counts[group].values())
        lines.append(f"| {GROUP_TITLES[group].lower()} | " + " | ".join(row) + f" | {total} |")
    return lines


def group_entries(
    report: Report, group: str, accepted: Collection[str] = (), limit: int = 0
) -> list[str]:
    """The Markdown list of one group (at most `limit` entries when > 0, with a count of the
    rest)."""
    entries = [c for c in report.changes if group_of(c) == group]
    shown = entries[:limit] if limit > 0 else entries
    lines = [_entry(c, c.id in accepted) for c in shown]
    if len(shown) < len(entries):
        lines.append(f"- ... and {len(entries) - len(shown)} more")
    return lines


def _entry(change: Change, accepted: bool) -> str:
    mark = " (accepted)" if accepted else ""
    values = ""
    if change.status == "changed" and (change.old is not None or change.new is not None):
        values = f": `{change.old}` -> `{change.new}`"
    return f"- `{change.id}`{mark} ({category_of(change)}): {change.detail}{values}"
