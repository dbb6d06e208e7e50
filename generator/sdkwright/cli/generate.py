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
    from sdkwright.release.bump import Bump


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

    bump = None
    if arguments.bump:
        from sdkwright.release.bump import plan_bump

        bump = plan_bump(target)
    progress = progress_for(sys.stderr, target.name, quiet=not talks(arguments))
    plan = None
    lock_notes: list[Diagnostic] = []
    surface_notes: list[Diagnostic] = []
    try:
        result = api.generate(
            bump.target if bump is not None else target,
            full_validation=arguments.full_validation,
            strict=arguments.strict,
            progress=progress,
            changelog_entry=bump.entry if bump is not None else None,
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
    if bump is not None:
        _record_bump(arguments, target, bump)
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


def _record_bump(arguments: argparse.Namespace, target: Target, bump: Bump) -> None:
    """A configured target's new version goes into its config (`release/config_version.py`);
    a flags-only one's is in the manifest just written."""
    new = bump.target.version
    if bump.entry is not None and arguments.spec is None:
        from pathlib import Path

        from sdkwright.config import load_targets
        from sdkwright.config_files import find_config
        from sdkwright.release.config_version import set_version

        config = find_config(Path.cwd())
        assert config is not None  # the targets came from it
        index = [t.name for t in load_targets(config)].index(target.name)
        set_version(config, index, new)
    if talks(arguments):
        if bump.entry is None:
            print(
                f"{target.name}: no change for SDK users since the last generation: "
                f"version stays {new}"
            )
        else:
            where = "in CHANGELOG.md" + (", and in the config" if arguments.spec is None else "")
            print(
                f"{target.name}: version {target.version} -> {new} ({bump.kind} changes; {where})"
            )


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
