"""`sdkwright generate`: every target, or SPEC -o OUTPUT; targets whose output is already what
generating would give are only reported (the no-op fast path)."""

from __future__ import annotations

import os
import sys
import time

from sdkwright.cli.arguments import (
    flags_up_to_date,
    target_up_to_date,
    targets,
)
from sdkwright.cli.console import EXIT_CONFLICTS, EXIT_FAILED, EXIT_OK, print_diagnostics, talks

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    import argparse

    from sdkwright.config import Target
    from sdkwright.diagnostics import Diagnostic
    from sdkwright.output.regenerate import Plan


def run(arguments: argparse.Namespace) -> int:
    if arguments.watch:
        from sdkwright.cli import watch

        return watch.run(arguments)
    started = time.perf_counter()
    name, fast_path = flags_up_to_date(arguments)
    if name is not None:
        _say_unchanged(arguments, name, os.path.normpath(arguments.output), started)
        return EXIT_OK
    return generate_all(arguments, targets(arguments), fast_path)


def _say_unchanged(arguments: argparse.Namespace, name: str, output: str, started: float) -> None:
    if talks(arguments):
        elapsed = time.perf_counter() - started
        print(f"{name}: nothing changed, {output} is up to date ({elapsed:.3f} s)", flush=True)


def generate_all(arguments: argparse.Namespace, targets: list[Target], fast_path: bool) -> int:
    """Generate each target (`fast_path`: unless its output is up to date); the worst exit code."""
    code = EXIT_OK
    for target in targets:
        started = time.perf_counter()
        if fast_path and target_up_to_date(target):
            _say_unchanged(arguments, target.name, str(target.output), started)
        else:
            code = max(code, _generate_one(arguments, target, started))
    return code


def _generate_one(arguments: argparse.Namespace, target: Target, started: float) -> int:
    from sdkwright import api
    from sdkwright.diagnostics import has_errors, summary
    from sdkwright.progress import progress_for

    progress = progress_for(sys.stderr, target.name, quiet=not talks(arguments))
    plan = None
    lock_notes: list[Diagnostic] = []
    surface_notes: list[Diagnostic] = []
    try:
        result = api.generate(
            target,
            full_validation=arguments.full_validation,
            strict=arguments.strict,
            progress=progress,
        )
        if result.files:
            lock_notes = api.overlay_lock_findings(result)  # before the lock is recorded
            surface_notes = api.surface_lock_findings(
                result, getattr(arguments, "accept_breaking", False)
            )
        if result.files and not has_errors(surface_notes):
            plan = api.write_result(
                result,
                target.output,
                force=arguments.force,
                markers=arguments.conflicts == "markers",
                progress=progress,
            )
    finally:
        progress.close()
    if plan is None:  # nothing written: a broken spec, or a breaking change not allowed
        result.diagnostics.extend(surface_notes)
        print_diagnostics(result.diagnostics, arguments)
        print(f"{target.name}: not generated ({summary(result.diagnostics)})", file=sys.stderr)
        return EXIT_FAILED
    result.diagnostics.extend(_as_warnings(lock_notes) + surface_notes)
    print_diagnostics(
        result.diagnostics + _conflict_diagnostics(plan, target, arguments.conflicts == "markers"),
        arguments,
    )
    if talks(arguments):
        elapsed = time.perf_counter() - started
        operations = len(result.api.operations) if result.api else 0
        kept = sum(m.status in ("customised", "kept-deleted") for m in plan.merges)
        edits = f"; {kept} hand-edited files kept" if kept else ""
        print(
            f"{target.name}: {operations} operations -> {target.output} ({len(plan.changes)} files changed{edits}, {elapsed:.2f} s; {summary(result.diagnostics)})",
            flush=True,
        )
    return EXIT_CONFLICTS if plan.conflicts else EXIT_OK


def _conflict_diagnostics(plan: Plan, target: Target, markers: bool) -> list[Diagnostic]:
    """One error per conflicting region, located in the file on disk."""
    from sdkwright.diagnostics import Diagnostic, Level, Location

    hint = (
        "conflict markers were written into the file (a text file): resolve them, then run `sdkwright generate` again"
        if markers
        else "the file was left as it is: merge the change by hand, or run `sdkwright generate --conflicts=markers`"
    )
    return [
        Diagnostic(
            Level.ERROR,
            "generate.conflict",
            conflict.detail,
            Location(str(target.output / merge.path), conflict.start, 1),
            hint,
        )
        for merge in plan.conflicts
        for conflict in merge.conflicts
    ]


def _as_warnings(findings: list[Diagnostic]) -> list[Diagnostic]:
    """What the overlay lock said before this generation recorded the new outcome: worth a
    look, as a lockfile's diff is (a lock written for the first time needs no warning)."""
    from dataclasses import replace

    from sdkwright.diagnostics import Level

    return [
        replace(d, level=Level.WARNING)
        for d in findings
        if d.level is Level.ERROR and d.code != "overlay.lock-missing"
    ]
