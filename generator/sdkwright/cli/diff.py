"""`sdkwright diff OLD_SPEC NEW_SPEC`: what the change does to SDK users, and the semver bump
(`sdkwright.diff`); exit 1 with --fail-on-breaking when the change is breaking."""

from __future__ import annotations

import argparse
import sys

from sdkwright.cli.console import EXIT_FAILED, EXIT_OK, EXIT_USAGE, print_diagnostics


def run(arguments: argparse.Namespace) -> int:
    from pathlib import Path

    from sdkwright import defaults, diff
    from sdkwright.config import target_from_flags
    from sdkwright.diagnostics import summary

    # Both specs get the same names: a renamed file must not look like a renamed package.
    target = target_from_flags(
        arguments.new_spec, Path("."), arguments.package, arguments.client_name, defaults.FORMATTER
    )
    apis = []
    for spec in (arguments.old_spec, arguments.new_spec):
        api_ir, diagnostics = diff.build_ir(spec, target.package, target.client_name)
        if api_ir is None:
            print_diagnostics(diagnostics, argparse.Namespace(format="text", quiet=True))
            print(f"{spec}: cannot compare ({summary(diagnostics)})", file=sys.stderr)
            return EXIT_USAGE
        apis.append(api_ir)
    report = diff.compare(apis[0], apis[1])
    if arguments.format == "json":
        print(diff.render_json(report))
    else:
        print(
            diff.render_markdown(report, str(arguments.old_spec), str(arguments.new_spec)), end=""
        )
    return EXIT_FAILED if arguments.fail_on_breaking and report.breaking else EXIT_OK
