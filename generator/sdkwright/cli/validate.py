"""`sdkwright validate SPEC`: the spec's diagnostics; exit 1 on errors (or warnings, --strict)."""

from __future__ import annotations

import argparse
import sys

from sdkwright.cli.arguments import path
from sdkwright.cli.console import EXIT_FAILED, EXIT_OK, print_diagnostics


def run(arguments: argparse.Namespace) -> int:
    from sdkwright import api
    from sdkwright.diagnostics import has_errors, summary

    _, diagnostics = api.load_and_validate(
        arguments.spec,
        full=not arguments.quick,
        allow_remote=arguments.allow_remote_refs,
        spec_root=path(arguments.spec_root) if arguments.spec_root else None,
        lenient=arguments.lenient,
    )
    print_diagnostics(diagnostics, arguments)
    failed = has_errors(diagnostics) or (
        arguments.strict and any(d.level.name == "WARNING" for d in diagnostics)
    )
    if arguments.format == "text":
        print(
            f"{arguments.spec}: {summary(diagnostics)}", file=sys.stderr if failed else sys.stdout
        )
    return EXIT_FAILED if failed else EXIT_OK
