"""`sdkwright generate`: every target, or SPEC -o OUTPUT; targets whose output is already what
generating would give are only reported (the no-op fast path)."""

from __future__ import annotations

import os
import sys
import time

from sdkwright.cli.arguments import (
    fast_path_allowed,
    flags_up_to_date,
    target_up_to_date,
    targets,
)
from sdkwright.cli.console import EXIT_FAILED, EXIT_OK, print_diagnostics, talks

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    import argparse

    from sdkwright.config import Target


def run(arguments: argparse.Namespace) -> int:
    if arguments.watch:
        from sdkwright.cli import watch

        return watch.run(arguments)
    started = time.perf_counter()
    name = flags_up_to_date(arguments)
    if name is not None:
        _say_unchanged(arguments, name, os.path.normpath(arguments.output), started)
        return EXIT_OK
    # With SPEC, the fast path was just tried: no need to hash everything again.
    fast_path = fast_path_allowed(arguments) and arguments.spec is None
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
    from sdkwright.diagnostics import summary
    from sdkwright.progress import progress_for

    progress = progress_for(sys.stderr, target.name, quiet=not talks(arguments))
    changes = None
    try:
        result = api.generate(
            target,
            full_validation=arguments.full_validation,
            strict=arguments.strict,
            progress=progress,
        )
        if result.files:
            changes = api.write_result(
                result, target.output, force=arguments.force, progress=progress
            )
    finally:
        progress.close()
    print_diagnostics(result.diagnostics, arguments)
    if changes is None:
        print(f"{target.name}: not generated ({summary(result.diagnostics)})", file=sys.stderr)
        return EXIT_FAILED
    if talks(arguments):
        elapsed = time.perf_counter() - started
        operations = len(result.api.operations) if result.api else 0
        print(
            f"{target.name}: {operations} operations -> {target.output} ({len(changes)} files changed, {elapsed:.2f} s; {summary(result.diagnostics)})",
            flush=True,
        )
    return EXIT_OK
