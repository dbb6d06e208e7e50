"""A compatibility report: every difference between an old and a new surface, classified.

Each `Change` has a stable `id` (`method:ClearStreet.v1.positions.cancel`,
`field:clearstreet.types.v1.Account.status`, ...), a `status` (missing: the old SDK had it, the
new lacks it; changed; new) and a `severity`:

- breaking: code written against the old SDK may fail (a removed method, field or type, a
  parameter that became required, a narrower parameter type, a renamed keyword, a positional
  parameter that became keyword-only, ...);
- compatible: old code keeps working (a new optional parameter, a wider parameter type, a
  Literal value added to a parameter, a new type);
- note: worth reading, breaks nothing by itself (a Literal value added to a response, a changed
  default).

`--accept` is a list of ids (a text file, one per line, `#` comments; or a JSON list): an
accepted change is still reported, marked accepted, and no longer counts as incompatible. What
exit code a report means is the caller's decision: `has_incompatible` answers the question.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from sdkwright.surface.codec import to_data

STATUSES = ("missing", "changed", "new")
SEVERITIES = ("breaking", "compatible", "note")


@dataclass(frozen=True)
class Change:
    id: str
    kind: str  # client, option, resource, method, param, return, endpoint, type, field, value, ...
    status: str  # missing | changed | new
    severity: str  # breaking | compatible | note
    detail: str
    old: str | None = None
    new: str | None = None


@dataclass(frozen=True)
class Report:
    old: str
    new: str
    changes: tuple[Change, ...]

    def counts(self) -> dict[tuple[str, str], int]:
        """(kind, status) -> number of changes."""
        return dict(Counter((c.kind, c.status) for c in self.changes))


class Recorder:
    """Collects changes; each helper gives its status's usual severity unless told otherwise."""

    def __init__(self) -> None:
        self.changes: list[Change] = []

    def missing(self, id: str, kind: str, detail: str, severity: str = "breaking") -> None:
        self.changes.append(Change(id, kind, "missing", severity, detail))

    def new(self, id: str, kind: str, detail: str, severity: str = "compatible") -> None:
        self.changes.append(Change(id, kind, "new", severity, detail))

    def changed(
        self, id: str, kind: str, severity: str, detail: str, old: object = None, new: object = None
    ) -> None:
        before = None if old is None else str(old)
        after = None if new is None else str(new)
        self.changes.append(Change(id, kind, "changed", severity, detail, before, after))


def has_incompatible(report: Report, accepted: Collection[str] = ()) -> bool:
    """Whether a change could break old code (missing, or changed incompatibly) and is not
    accepted. New entries never count: they break nothing."""
    return any(c.severity == "breaking" and c.id not in accepted for c in report.changes)


def load_accepted(path: Path) -> frozenset[str]:
    """The ids an accept file lists: a JSON list of strings, or one id per line (# comments)."""
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        data = json.loads(text)
        if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
            raise ValueError(f"{path}: expected a JSON list of change ids")
        return frozenset(data)
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(line for line in lines if line)


def report_to_json(report: Report, accepted: Collection[str] = ()) -> str:
    data = to_data(report)
    for change in data["changes"]:
        change["accepted"] = change["id"] in accepted
    data["summary"] = _summary(report, accepted)
    return json.dumps(data, indent=2) + "\n"


def report_to_markdown(report: Report, accepted: Collection[str] = (), limit: int = 0) -> str:
    """The report for people: a summary table by kind, then the entries by status.
    `limit` > 0 lists at most that many entries per status (the counts stay complete)."""
    summary = _summary(report, accepted)
    lines = [
        f"# Public-surface compatibility: {report.old} -> {report.new}",
        "",
        f"- missing: {summary['missing']}, changed: {summary['changed']}, new: {summary['new']}",
        f"- breaking: {summary['breaking']} ({summary['accepted']} accepted), "
        f"compatible: {summary['compatible']}, notes: {summary['note']}",
        f"- incompatible: {'yes' if has_incompatible(report, accepted) else 'no'}",
        "",
        "| kind | missing | changed | new | breaking |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    kinds = sorted({c.kind for c in report.changes})
    for kind in kinds:
        of_kind = [c for c in report.changes if c.kind == kind]
        by_status = Counter(c.status for c in of_kind)
        breaking = sum(c.severity == "breaking" for c in of_kind)
        lines.append(
            f"| {kind} | {by_status['missing']} | {by_status['changed']} | {by_status['new']} | {breaking} |"
        )
    for status in STATUSES:
        entries = [c for c in report.changes if c.status == status]
        if not entries:
            continue
        lines += ["", f"## {status.capitalize()} ({len(entries)})", ""]
        shown = entries[:limit] if limit > 0 else entries
        lines += [_entry(c, c.id in accepted) for c in shown]
        if len(shown) < len(entries):
            lines.append(f"- ... and {len(entries) - len(shown)} more (see the JSON report)")
    return "\n".join(lines) + "\n"


def _entry(change: Change, accepted: bool) -> str:
    mark = " (accepted)" if accepted else ""
    values = ""
    if change.old is not None or change.new is not None:
        values = f": `{change.old}` -> `{change.new}`" if change.status == "changed" else ""
    return f"- **{change.severity}**{mark} `{change.id}`: {change.detail}{values}"


def _summary(report: Report, accepted: Collection[str]) -> dict[str, int]:
    status = Counter(c.status for c in report.changes)
    severity = Counter(c.severity for c in report.changes)
    taken = sum(c.severity == "breaking" and c.id in accepted for c in report.changes)
    return {
        "missing": status["missing"],
        "changed": status["changed"],
        "new": status["new"],
        "breaking": severity["breaking"],
        "compatible": severity["compatible"],
        "note": severity["note"],
        "accepted": taken,
    }


def sorted_changes(changes: Iterable[Change]) -> tuple[Change, ...]:
    order = {status: index for index, status in enumerate(STATUSES)}
    return tuple(sorted(changes, key=lambda c: (order[c.status], c.kind, c.id)))
