"""CHANGELOG.md: written once with the SDK's first version, then carried from generation to
generation (the last generation's copy, from the pristine store), each `generate --bump`
putting its entry first: the new version, the day, and the changes `sdkwright diff` found,
as breaking changes, features and fixes. Nothing here reads a clock: the caller dates a bump."""

from __future__ import annotations

import re

from sdkwright.targets.python.pytext import markdown_text

TYPE_CHECKING = False
if TYPE_CHECKING:  # a generation without --bump writes no entry from a diff: its import waits
    from sdkwright.diff.report import ApiChange, Bump, DiffReport
    from sdkwright.ir.nodes import Api

CHANGELOG = "CHANGELOG.md"
TITLE = "# Changelog"
HEADER = (
    f"{TITLE}\n\n"
    "The SDK's releases, newest first. Versions follow Semantic Versioning; "
    "`sdkwright generate --bump` adds each entry from what changed in the spec.\n"
)
SECTIONS: tuple[tuple[Bump, str], ...] = (
    ("major", "Breaking changes"),
    ("minor", "Features"),
    ("patch", "Fixes"),
)


def changelog_text(
    previous: str | None, version: str, source: str, entry: str | None = None, banner: str = ""
) -> str:
    """The changelog to write, under `banner`: the last generation's (`previous`), with
    `entry` first when a bump wrote one, or a plain entry when the version is new to it (set
    by hand); the first generation's has one entry for `version`, generated from `source`
    (the spec's title and version)."""
    top = banner + "\n\n" if banner else ""
    found = previous.find(TITLE) if previous is not None else -1
    if previous is None or found < 0:
        return top + HEADER + "\n" + (entry or first_entry(version, source))
    text = previous[found:]
    if entry is None:
        if has_entry(text, version):
            return top + text
        entry = f"## {version}\n\nGenerated from {source}; the version was set by hand.\n"
    head, heading, rest = text.partition("\n## ")
    return top + head.rstrip("\n") + "\n\n" + entry + ("\n## " + rest if heading else "")


def changelog_source(api: Api) -> str:
    """What an entry says the SDK was generated from: the spec's title and version."""
    title = markdown_text(api.title.strip() or api.package)
    return f"{title} (API version {markdown_text(api.version)})"


def first_entry(version: str, source: str) -> str:
    return f"## {version}\n\nFirst release, generated from {source}.\n"


def has_entry(text: str, version: str) -> bool:
    return re.search(rf"^## {re.escape(version)}(?:\s|$)", text, re.MULTILINE) is not None


def bump_entry(version: str, day: str, source: str, report: DiffReport) -> str:
    """A bump's entry: `## 1.2.0 (2025-11-02)`, then the changes by section."""
    from sdkwright.diff.report import change_line

    lines = [f"## {version} ({day})", "", f"Generated from {source}."]
    for bump, title in SECTIONS:
        changes: list[ApiChange] = [c for c in report.changes if c.bump == bump]
        if changes:
            lines += ["", f"### {title}", ""]
            lines += [change_line(c) for c in changes]
    return "\n".join(lines) + "\n"
