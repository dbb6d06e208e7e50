"""The package-level rules: top-level exports, error classes, page classes."""

from __future__ import annotations

from sdkwright.surface.model import Surface
from sdkwright.surface.report import Recorder

HIDDEN_EXPORTS = {"client", "error", "page"}  # each compared by its own rules


def compare_exports(old: Surface, new: Surface, out: Recorder) -> None:
    before = {e.name: e for e in old.exports if e.kind not in HIDDEN_EXPORTS}
    after = {e.name: e for e in new.exports}
    for name in sorted(before.keys() - after.keys()):
        detail = f"`from {old.package} import {name}` fails ({before[name].kind})"
        out.missing(f"export:{old.package}.{name}", "export", detail)
    for name in sorted(after.keys() - before.keys()):
        if after[name].kind not in HIDDEN_EXPORTS:
            out.new(f"export:{new.package}.{name}", "export", f"exported ({after[name].kind})")


def compare_errors(old: Surface, new: Surface, out: Recorder) -> None:
    before = {e.name: e for e in old.errors}
    after = {e.name: e for e in new.errors}
    for name in sorted(before.keys() - after.keys()):
        detail = "error class removed: `except` clauses naming it fail"
        out.missing(f"error:{before[name].module}.{name}", "error", detail)
    for name in sorted(after.keys() - before.keys()):
        out.new(f"error:{after[name].module}.{name}", "error", "new error class")
    for name in sorted(before.keys() & after.keys()):
        lost = [b for b in before[name].bases if b not in after[name].bases]
        if lost:
            detail = (
                f"no longer a subclass of {', '.join(lost)}: `except` clauses naming those miss it"
            )
            bases = ", ".join(before[name].bases), ", ".join(after[name].bases)
            out.changed(f"error:{before[name].module}.{name}", "error", "breaking", detail, *bases)


def compare_pages(old: Surface, new: Surface, out: Recorder) -> None:
    before = {p.name: p for p in old.pages}
    after = {p.name: p for p in new.pages}
    for name in sorted(before.keys() - after.keys()):
        out.missing(f"page:{before[name].module}.{name}", "page", "page class removed")
    for name in sorted(after.keys() - before.keys()):
        out.new(f"page:{after[name].module}.{name}", "page", "new page class")
    for name in sorted(before.keys() & after.keys()):
        page, match = before[name], after[name]
        if page.is_async != match.is_async:
            out.changed(f"page:{page.module}.{name}", "page", "breaking", "sync/async changed")
        if page.type_params != match.type_params:
            detail = "takes another number of type arguments"
            out.changed(
                f"page:{page.module}.{name}",
                "page",
                "breaking",
                detail,
                page.type_params,
                match.type_params,
            )
