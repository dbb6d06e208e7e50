"""Why a generated SDK differs from what its spec gives, and which hand edits it holds.

`check` plans the regeneration without writing it (`output/regenerate.py`: the 3-way merge
of the last generation, the folder and a fresh generation) and explains each file from the
merge and the manifest the last generation wrote:

* hand edits the next generation keeps are *customisations*, listed but not drift: files
  edited by hand (`customised`), deleted by hand (`kept-deleted`), or left out by the ignore
  file (`ignored`);
* a file that still holds the bytes sdkwright wrote, where the spec, templates or generator
  changed since: "stale" (or "reformatted" when only the formatter changed and its render is
  the same); "merged" when it holds hand edits the regeneration will keep;
* "redundant": hand edits the new generation already holds (safe to drop: regenerating does);
* "conflict": a hand edit overlapping a change of the generation (with file:line);
* "untracked": a file sdkwright did not write, at a path it now generates.

Pure functions over values, plus the text and JSON renderings `sdkwright check` prints.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.output import MANIFEST_NAME, TXN_DIR_NAME
from sdkwright.output.freshness import customisations_text
from sdkwright.output.manifest import Manifest
from sdkwright.output.merge import CUSTOMISED, FileMerge
from sdkwright.output.write import Change, ChangeKind, unified_diff

if TYPE_CHECKING:
    from sdkwright.config import Target
    from sdkwright.output.regenerate import Plan

Reason = Literal["conflict", "untracked", "redundant", "merged", "stale", "reformatted"]
CauseKind = Literal[
    "spec", "templates", "generator", "formatter", "options", "code", "no-manifest", "interrupted"
]
Status = Literal["up-to-date", "drift", "error"]

MAX_DIFF_FILES = 20
MAX_DIFF_LINES = 200
MAX_LISTED_FILES = 100
MAX_OPTION_TEXT = 60  # an option's values in a drift cause, up to this long
REASON_TITLES: dict[Reason, str] = {
    "conflict": "conflicts: edited by hand where the generation changes too",
    "untracked": "not written by sdkwright, at a path it generates",
    "redundant": "hand edits the new generation already holds (safe to drop: regenerating does)",
    "merged": "stale, with hand edits that regenerating keeps",
    "stale": "stale: not regenerated since the change",
    "reformatted": "formatting only: the formatter changed",
}
REASON_ORDER: tuple[Reason, ...] = (
    "conflict",
    "untracked",
    "redundant",
    "merged",
    "stale",
    "reformatted",
)
LISTED: frozenset[str] = CUSTOMISED | {"ignored"}


@dataclass(frozen=True)
class Drift:
    change: Change
    reason: Reason
    conflicts: tuple[str, ...] = ()  # `path:lines: what`, for conflicts


@dataclass(frozen=True)
class Cause:
    kind: CauseKind
    detail: str


@dataclass(frozen=True)
class CheckReport:
    name: str
    spec: str
    output: str
    status: Status
    drifts: tuple[Drift, ...] = ()
    causes: tuple[Cause, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    fast: bool = False
    customisations: tuple[tuple[str, str], ...] = ()  # (path, status): kept, not drift
    overlay_findings: tuple[Diagnostic, ...] = ()  # the overlay lock's (spec/overlays/lock.py)
    surface_findings: tuple[Diagnostic, ...] = ()  # the surface lock's (surface/lock.py)


def classify(path: str, previous: Manifest | None, current: Manifest) -> Reason:
    """Why a file the merge regenerates as generated differs: stale, or reformatted only."""
    entry = previous.files.get(path) if previous is not None else None
    fresh = current.files.get(path)
    if (
        entry is not None
        and fresh is not None
        and previous is not None
        and previous.formatter != current.formatter
        and fresh.render == entry.render
    ):
        return "reformatted"
    return "stale"


def plan_drifts(
    plan: Plan, files: Mapping[str, bytes], previous: Manifest | None, current: Manifest
) -> tuple[tuple[Drift, ...], tuple[tuple[str, str], ...]]:
    """The drifts and the customisations of a planned regeneration (`files`: the new
    generation; `previous`: the manifest on disk; `current`: the new generation's)."""
    changes = {c.path: c for c in plan.changes}
    drifts = [d for m in plan.merges if (d := _drift(m, changes, files, plan, previous, current))]
    manifest = changes.get(MANIFEST_NAME)
    if manifest is not None and not _same_but_written(previous, plan.manifest):
        drifts.append(Drift(manifest, "stale"))
    listed = tuple((m.path, m.status) for m in plan.merges if m.status in LISTED)
    return tuple(drifts), listed


def _drift(
    merge: FileMerge,
    changes: Mapping[str, Change],
    files: Mapping[str, bytes],
    plan: Plan,
    previous: Manifest | None,
    current: Manifest,
) -> Drift | None:
    change = changes.get(merge.path)
    if merge.status == "conflict":
        reason: Reason = "untracked" if merge.path in plan.untracked else "conflict"
        theirs = files.get(merge.path)
        kind: ChangeKind = (
            "removed" if theirs is None else "added" if merge.result is None else "changed"
        )
        return Drift(
            Change(merge.path, kind, merge.result, theirs), reason, tuple(merge.describe())
        )
    if merge.status == "redundant":
        return Drift(
            change or Change(merge.path, "changed", merge.result, merge.result), "redundant"
        )
    if change is None:
        return None
    if merge.status == "customised":
        return Drift(change, "merged")
    return Drift(change, classify(merge.path, previous, current))


def _same_but_written(previous: Manifest | None, planned: Manifest) -> bool:
    """Whether the manifests differ only in what they record of hand edits (`written`, the
    ignore file and what it kept out): customisations, which are not drift."""
    if previous is None:
        return False

    def plain(manifest: Manifest) -> Manifest:
        files = {p: replace(e, written=None) for p, e in manifest.files.items()}
        return replace(manifest, files=files, ignore=None, ignored=())

    return plain(previous) == plain(planned)


def drift_causes(
    previous: Manifest | None, current: Manifest, drifts: Sequence[Drift]
) -> tuple[Cause, ...]:
    """What changed between the generation on disk and now, from the two manifests."""
    if not drifts:
        return ()
    if previous is None:
        return (
            Cause("no-manifest", f"no {MANIFEST_NAME}: the folder was not generated by sdkwright"),
        )
    causes = list(_manifest_causes(previous, current))
    regenerated = {"stale", "reformatted"}
    if not causes and any(
        d.reason in regenerated and d.change.path != MANIFEST_NAME for d in drifts
    ):
        causes.append(Cause("code", "the generator's code changed without a new version number"))
    return tuple(causes)


def _manifest_causes(previous: Manifest, current: Manifest) -> Iterable[Cause]:
    inputs = _changed_keys(previous.inputs, current.inputs)
    if inputs:
        yield Cause("spec", f"the spec changed ({', '.join(inputs)})")
    if previous.templates != current.templates:
        yield Cause("templates", "the templates changed")
    if previous.generator != current.generator:
        yield Cause(
            "generator", f"the generator changed ({previous.generator} -> {current.generator})"
        )
    if previous.formatter != current.formatter:
        yield Cause(
            "formatter", f"the formatter changed ({previous.formatter} -> {current.formatter})"
        )
    if previous.options != current.options:
        changed = _changed_keys(previous.options, current.options)
        said = ", ".join(_option_change(k, previous.options, current.options) for k in changed)
        yield Cause("options", f"the target's options changed ({said})")


def _option_change(key: str, old: dict[str, str], new: dict[str, str]) -> str:
    """`package: 'acme' -> 'acme_sdk'`; the key alone for long values (names, overlays)."""
    before, after = old.get(key), new.get(key)
    if max(len(before or ""), len(after or "")) > MAX_OPTION_TEXT:
        return key
    return f"{key}: {before!r} -> {after!r}"


def _changed_keys(old: dict[str, str], new: dict[str, str]) -> list[str]:
    return sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))


def interrupted_report(target: Target) -> CheckReport:
    detail = (
        f"an interrupted generation left {TXN_DIR_NAME}/ in the output folder; "
        "`sdkwright generate` finishes it"
    )
    return CheckReport(
        target.name,
        str(target.spec),
        str(target.output),
        "drift",
        causes=(Cause("interrupted", detail),),
    )


def ordered(drifts: Iterable[Drift]) -> list[Drift]:
    """Hand edits first (they are what a reader must not lose), then by path."""
    return sorted(drifts, key=lambda d: (REASON_ORDER.index(d.reason), d.change.path))


# -- rendering ---------------------------------------------------------------------------


def render_text(report: CheckReport) -> str:
    """What `sdkwright check` prints for one target that is not up to date."""
    count = len(report.drifts)
    lines = [
        f"{report.name}: {report.output} differs from what {report.spec} gives "
        f"({count} file{'s' * (count != 1)}):"
    ]
    lines += [f"  because {cause.detail}" for cause in report.causes]
    drifts = ordered(report.drifts)
    listed = 0
    for reason in REASON_ORDER:
        group = [d for d in drifts if d.reason == reason]
        if not group:
            continue
        lines.append(f"  {REASON_TITLES[reason]} ({len(group)}):")
        for drift in group[: max(0, MAX_LISTED_FILES - listed)]:
            lines.append(f"    {drift.change.kind}: {drift.change.path}")
            lines += [f"      {where}" for where in drift.conflicts]
        listed += len(group)
    if listed > MAX_LISTED_FILES:
        lines.append(f"  ... and {listed - MAX_LISTED_FILES} more files")
    text = "\n".join(lines) + "\n"
    # A conflict's diff (the edited file against the new generation) would mostly show the
    # hand edits: its lines are listed instead.
    diffed = [d for d in drifts if d.reason != "conflict"]
    text += "".join(unified_diff(d.change, MAX_DIFF_LINES) for d in diffed[:MAX_DIFF_FILES])
    if len(diffed) > MAX_DIFF_FILES:
        text += f"... diffs of {len(diffed) - MAX_DIFF_FILES} more files not shown\n"
    return text + render_customisations(report) + _advice(report) + "\n"


def render_customisations(report: CheckReport) -> str:
    """The hand edits a regeneration keeps: listed, not drift."""
    return customisations_text(report.customisations, MAX_LISTED_FILES)


def _advice(report: CheckReport) -> str:
    reasons = {d.reason for d in report.drifts}
    advice = []
    if "conflict" in reasons:
        advice.append(
            "Hand edits conflict with the new generation: `sdkwright generate` leaves those "
            "files as they are (`--conflicts=markers` writes conflict markers into them to "
            "resolve), and regenerates the rest."
        )
    if "untracked" in reasons:
        advice.append(
            "Files sdkwright did not write sit where it generates: move them out of the output "
            "folder (or pass --force to overwrite them)."
        )
    if reasons - {"conflict", "untracked"}:
        advice.append("Run `sdkwright generate` to update the generated files.")
    return " ".join(advice)


def report_json(report: CheckReport) -> dict[str, object]:
    """The same content as `render_text`, for bots: every file, diffs for the first ones."""
    drifts = ordered(report.drifts)
    return {
        "name": report.name,
        "spec": report.spec,
        "output": report.output,
        "status": report.status,
        "fast_path": report.fast,
        "causes": [{"kind": c.kind, "detail": c.detail} for c in report.causes],
        "files": [
            {
                "path": d.change.path,
                "change": d.change.kind,
                "reason": d.reason,
                "conflicts": list(d.conflicts),
                "diff": unified_diff(d.change, MAX_DIFF_LINES) if index < MAX_DIFF_FILES else None,
            }
            for index, d in enumerate(drifts)
        ],
        "diffs_omitted": max(0, len(drifts) - MAX_DIFF_FILES),
        "customisations": [{"path": p, "status": s} for p, s in report.customisations],
        "overlays": [d.as_json() for d in report.overlay_findings],
        "surface": [d.as_json() for d in report.surface_findings],
        "diagnostics": [d.as_json() for d in report.diagnostics],
    }


def reports_json(reports: Sequence[CheckReport]) -> str:
    statuses = {r.status for r in reports}
    overall = "error" if "error" in statuses else "drift" if "drift" in statuses else "up-to-date"
    return json.dumps({"status": overall, "targets": [report_json(r) for r in reports]}, indent=2)


def lock_failed(findings: Iterable[Diagnostic]) -> bool:
    return any(d.level is Level.ERROR for d in findings)
