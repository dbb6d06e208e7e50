"""`sdkwright check`: is every generated SDK what its spec gives, hand edits aside, and do the
overlays still do what their lock recorded? Writes nothing; exit 1 on drift, with why each
file differs (`sdkwright.output.drift`), hand edits listed (they are not drift), and the
overlay actions that changed, located in their overlay."""

from __future__ import annotations

import os
import sys

from sdkwright.cli.arguments import (
    flags_up_to_date,
    target_up_to_date,
    targets,
)
from sdkwright.cli.console import EXIT_FAILED, EXIT_OK, EXIT_USAGE, print_diagnostics

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    import argparse

    from sdkwright.config import Target
    from sdkwright.output.drift import CheckReport


def run(arguments: argparse.Namespace) -> int:
    name, fast_path = flags_up_to_date(arguments)
    if name is not None and arguments.format == "text":
        if not arguments.quiet:
            from sdkwright.output import freshness

            output = os.path.normpath(arguments.output)
            print(f"{name}: {output} is up to date (nothing changed since generation)")
            print(freshness.customisations_text(freshness.recorded_customisations(output)), end="")
        return EXIT_OK
    reports = [
        _check_one(arguments, t, known=name is not None, fast_path=fast_path)
        for t in targets(arguments)
    ]
    if arguments.format == "json":
        from sdkwright.output.drift import reports_json

        print(reports_json(reports))
    statuses = {report.status for report in reports}
    if "error" in statuses:
        return EXIT_USAGE
    return EXIT_FAILED if "drift" in statuses else EXIT_OK


def _check_one(
    arguments: argparse.Namespace, target: Target, known: bool, fast_path: bool
) -> CheckReport:
    """`known`: already known to be up to date (JSON output still needs a report);
    `fast_path`: ask the target's fast path."""
    from sdkwright.output.drift import CheckReport

    if known or (fast_path and target_up_to_date(target)):
        from sdkwright.output.freshness import recorded_customisations

        customised = tuple(recorded_customisations(str(target.output)))
        report = CheckReport(
            target.name,
            str(target.spec),
            str(target.output),
            "up-to-date",
            fast=True,
            customisations=customised,
        )
    else:
        from sdkwright import api

        report = api.check(
            target,
            full_validation=arguments.full_validation,
            strict=arguments.strict,
            fast_path=False,
        )
    if arguments.format == "text":
        _print_check(report, arguments)
    return report


def _print_check(report: CheckReport, arguments: argparse.Namespace) -> None:
    from sdkwright.config import OVERLAY_LOCK_NAME, SURFACE_LOCK_NAME
    from sdkwright.diagnostics import summary
    from sdkwright.output.drift import lock_failed, render_customisations, render_text

    if report.status == "error":
        print_diagnostics(report.diagnostics, arguments)
        print(f"{report.name}: cannot check ({summary(report.diagnostics)})", file=sys.stderr)
        return
    print_diagnostics(report.overlay_findings + report.surface_findings, arguments)
    if report.drifts or report.causes:
        _print_differing_flags(report, arguments)
        print(render_text(report), end="")
    elif report.status == "drift" and lock_failed(report.surface_findings):
        print(f"{report.name}: the public surface breaks what {SURFACE_LOCK_NAME} recorded")
    elif report.status == "drift":  # the overlay lock alone
        print(f"{report.name}: the overlays no longer do what {OVERLAY_LOCK_NAME} recorded")
    elif not arguments.quiet:
        how = " (nothing changed since generation)" if report.fast else ""
        print(f"{report.name}: {report.output} is up to date{how}")
        print(render_customisations(report), end="")


def _print_differing_flags(report: CheckReport, arguments: argparse.Namespace) -> None:
    """Flags given that differ from what SPEC -o OUTPUT was generated with: the drift they
    cause is the flags' doing, and a plain `check` compares with the kept options."""
    if arguments.spec is None:
        return
    from sdkwright.cli.arguments import given_flags
    from sdkwright.defaults import differing_flags, kept_options

    for flag in differing_flags(given_flags(arguments), kept_options(report.output)):
        print(
            f"{report.name}: the flag {flag} is not what {report.output} was generated with; "
            "without it, check compares with the options the folder keeps"
        )
