"""What every command prints besides its own report: diagnostics; and the exit codes."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from sdkwright.diagnostics import Diagnostic

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CONFLICTS = 0, 1, 2, 3


def print_diagnostics(diagnostics: Sequence[Diagnostic], arguments: argparse.Namespace) -> None:
    """As JSON on stdout with `--format json`, else as text on stderr (errors only with -q)."""
    from sdkwright.diagnostics import render_json, render_text

    if getattr(arguments, "format", "text") == "json":
        print(render_json(diagnostics))
        return
    shown = [
        d for d in diagnostics if not getattr(arguments, "quiet", False) or d.level.name == "ERROR"
    ]
    if shown:
        print(render_text(shown), file=sys.stderr)


def talks(arguments: argparse.Namespace) -> bool:
    """Whether progress and success lines are printed (text output, not --quiet)."""
    return bool(not arguments.quiet and arguments.format == "text")
