"""`sdkwright migrate stainless PATH [--spec SPEC] -o OUT [--accept ID ...]`: an SDK made by
Stainless becomes an sdkwright project with the same public surface
(migrate/stainless/migration.py), and the compatibility report is printed and written into
OUT. Exit 0: migrated and compatible (or every blocking change accepted); 1: migrated, with
missing or incompatible changes not accepted; 2: nothing written (bad input, a spec that does
not generate)."""

from __future__ import annotations

import sys

from sdkwright.cli.console import EXIT_FAILED, EXIT_OK, EXIT_USAGE, print_diagnostics

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    import argparse


def run(arguments: argparse.Namespace) -> int:
    from sdkwright.diagnostics import GenerationFailed
    from sdkwright.migrate.stainless.migration import REPORT_NAME, migrate
    from sdkwright.migrate.stainless.migration_report import report_console
    from sdkwright.surface.groups import blocking, groups_to_json
    from sdkwright.surface.report import load_accepted

    accepted = set(arguments.accept)
    try:
        if arguments.accept_file is not None:
            accepted |= load_accepted(arguments.accept_file)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"sdkwright migrate: --accept-file: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        migrated = migrate(arguments.source, arguments.output, arguments.spec, accepted)
    except GenerationFailed as failure:
        print_diagnostics(failure.diagnostics, arguments)
        print("sdkwright migrate: nothing written", file=sys.stderr)
        return EXIT_USAGE
    print_diagnostics(migrated.diagnostics, arguments)
    report = migrated.report
    if arguments.report_json is not None:
        try:
            arguments.report_json.write_text(groups_to_json(report, accepted), encoding="utf-8")
        except OSError as error:
            print(f"sdkwright migrate: --report-json: {error}", file=sys.stderr)
    unknown = sorted(accepted - {c.id for c in report.changes})
    for change_id in unknown:  # a typo, or a change that is gone: say so rather than ignore it
        print(f"sdkwright migrate: warning: --accept {change_id}: no such change", file=sys.stderr)
    failed = bool(blocking(report, accepted))
    if failed or not arguments.quiet:
        print(report_console(report, str(migrated.output / REPORT_NAME), accepted), end="")
    if not arguments.quiet:
        where = "copied from scripts/mock" if arguments.spec is None else "not copied"
        print(f"{migrated.output}: migrated (spec: {migrated.spec}, {where})")
    return EXIT_FAILED if failed else EXIT_OK
