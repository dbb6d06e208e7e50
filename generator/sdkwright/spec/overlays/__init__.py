"""OpenAPI Overlays (Overlay Specification 1.0 and 1.1) applied to a spec before validation.

    applied = apply_overlays(spec_document, [Path("overlays/sdk.yaml")])
    applied.document      # the spec, overlaid; diagnostics about it point into the right file
    applied.reports       # per action: what it matched and whether it changed anything (lock.py)

Overlays apply to the root document of a spec, in the order given, each action to the result
of the previous one; $refs an overlay adds are followed like the spec's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level
from sdkwright.spec.load import DEFAULT_LIMITS, Document, Limits, check_shape
from sdkwright.spec.locate import locate
from sdkwright.spec.overlays.apply import ActionReport, Applier, OverlayError
from sdkwright.spec.overlays.document import Overlay, load_overlay
from sdkwright.spec.overlays.provenance import Provenance

__all__ = ["ActionReport", "Applied", "apply_overlays"]


@dataclass(frozen=True)
class Applied:
    document: Document  # the overlaid spec (its `origin` locates what overlays wrote)
    overlays: tuple[Document, ...]  # the overlay files, in order: inputs like the spec's files
    reports: tuple[ActionReport, ...]
    notes: tuple[Diagnostic, ...]  # warnings: actions that match nothing, a foreign `extends`


def apply_overlays(
    spec: Document, paths: Sequence[tuple[Path, str]], limits: Limits = DEFAULT_LIMITS
) -> Applied:
    """Apply the overlay files (path, display name) to `spec`'s data, in place and in order.

    Every overlay is read and checked before any is applied; a problem raises
    GenerationFailed with diagnostics located in the overlay."""
    overlays: list[Overlay] = []
    problems: list[Diagnostic] = []
    for path, name in paths:
        try:
            overlays.append(load_overlay(path, name, limits))
        except GenerationFailed as failure:
            problems.extend(failure.diagnostics)
    if problems:
        raise GenerationFailed(problems)
    provenance = Provenance(spec)
    applier = Applier(spec.data, provenance, limits)
    notes = [note for overlay in overlays for note in _extends_notes(overlay, spec)]
    for overlay in overlays:
        try:
            applier.apply(overlay)
        except OverlayError as error:
            raise GenerationFailed(locate([error.diagnostic], [overlay.document])) from None
    documents = [o.document for o in overlays]
    problem = check_shape(spec.data, limits, may_share=False)
    if problem is not None:
        code, message, _ = problem
        where = documents[-1].location("")
        raise GenerationFailed(
            locate(
                [Diagnostic(Level.ERROR, code, f"with the overlays applied, {message}", where)],
                documents,
            )
        )
    return Applied(
        replace(spec, origin=provenance.origin),
        tuple(documents),
        _located_reports(applier.reports, documents),
        tuple(locate([*notes, *applier.notes], documents)),
    )


def _extends_notes(overlay: Overlay, spec: Document) -> list[Diagnostic]:
    """A warning when `extends` names another local file than the spec it is applied to (a
    URL cannot be compared with a local file, and is taken on trust)."""
    extends = overlay.extends
    if not extends or urlsplit(extends).scheme:
        return []
    named = (overlay.document.path.parent / unquote(extends)).resolve()
    if named == spec.path.resolve():
        return []
    return [
        Diagnostic(
            Level.WARNING,
            "overlay.extends",
            f"the overlay extends '{extends}', but is applied to {spec.name}",
            overlay.document.location("/extends"),
            "point `extends` at the target's spec (relative to the overlay), or apply the overlay to the spec it was written for",
        )
    ]


def _located_reports(
    reports: Sequence[ActionReport], documents: Sequence[Document]
) -> tuple[ActionReport, ...]:
    """Each report with the line and column of its action's target in the overlay."""
    by_name = {d.name: d for d in documents}
    marks = [
        Diagnostic(Level.INFO, "", "", by_name[r.overlay].location(f"{r.pointer}/target"))
        for r in reports
    ]
    located = locate(marks, documents)
    return tuple(replace(r, where=m.location) for r, m in zip(reports, located, strict=True))
