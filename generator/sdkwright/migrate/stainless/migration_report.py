"""The migration's compatibility report as people read it: `OUT/MIGRATION-REPORT.md` (every
entry) and the console summary (counts, and what blocks the migration)."""

from __future__ import annotations

from collections.abc import Collection

from sdkwright.surface.groups import GROUP_TITLES, GROUPS, blocking, group_entries, groups_table
from sdkwright.surface.report import Report

CONSOLE_LIMIT = 40  # entries listed per blocking group on the console (the file has them all)


def verdict(report: Report, accepted: Collection[str]) -> str:
    found = blocking(report, accepted)
    taken = sum(c.id in accepted for c in report.changes)
    and_accepted = f" ({taken} accepted)" if taken else ""
    if not found:
        return f"**Compatible**: nothing is missing or changed incompatibly{and_accepted}."
    return (
        f"**Not compatible**: {len(found)} changes are missing or incompatible and not "
        f"accepted{and_accepted}; `sdkwright migrate` exits 1. Fix them, or accept each one "
        "you have checked with `--accept ID` (repeatable) or `--accept-file FILE`."
    )


def report_markdown(report: Report, source: str, accepted: Collection[str] = ()) -> str:
    lines = [
        f"# Migration report: {report.old} -> {report.new}",
        "",
        f"Written by `sdkwright migrate stainless`: the public surface of the old SDK (its "
        f"source in `{source}`, read without running it) compared with this folder's. Each "
        "entry starts with its id, the one `--accept` takes.",
        "",
        verdict(report, accepted),
        "",
        *groups_table(report),
    ]
    for group in GROUPS:
        entries = group_entries(report, group, accepted)
        if entries:
            lines += ["", f"## {GROUP_TITLES[group]} ({len(entries)})", "", *entries]
    return "\n".join(lines) + "\n"


def report_console(report: Report, written: str, accepted: Collection[str] = ()) -> str:
    """The counts and the blocking groups (at most CONSOLE_LIMIT entries each)."""
    lines = [f"Compatibility: {report.old} -> {report.new}", "", *groups_table(report)]
    for group in ("missing", "incompatible"):
        entries = group_entries(report, group, accepted, CONSOLE_LIMIT)
        if entries:
            lines += ["", f"{GROUP_TITLES[group]}:", *entries]
    lines += ["", verdict(report, accepted).replace("**", ""), f"Full report: {written}"]
    return "\n".join(lines) + "\n"
