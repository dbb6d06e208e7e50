"""The `sdkwright` command: arguments -> api calls -> diagnostics printed -> exit code.

    arguments.py  the parser, and the targets the arguments name
    console.py    what every command prints (diagnostics) and its exit codes
    generate.py   `generate` (watch.py: `generate --watch`)
    check.py      `check`
    validate.py   `validate`
    diff.py       `diff`
    customisations.py  `customisations`: the hand edits, as a patch
    overlay.py    `overlay --from OLD --to NEW`
    import_config.py  `import-config PATH`: a target from a Stainless config
    migrate.py    `migrate stainless PATH -o OUT`: a Stainless SDK as an sdkwright project

Exit codes: 0 success; 1 the spec has errors (generate, validate), the SDK drifted or an
overlay action no longer does what the lock recorded (check), the change is breaking and
--fail-on-breaking was given (diff), the specs are equal (overlay), or nothing could be
imported (import-config), the migrated SDK lacks or changes some of the old one's surface
(migrate); 2 a usage error, an unreadable config, a spec `check` or `diff` cannot read, bad
input to `migrate` (nothing written), or an internal error; 3 `generate`
wrote the SDK but hand edits conflict with it in some files (left as they are, or with
conflict markers); 141 whoever read the output stopped reading (`| head`), as a shell reports
for a command stopped by SIGPIPE.

Modules beyond argparse are imported where they are needed, and only the command's own module:
a no-op `generate` or `check` (`sdkwright.output.freshness`) must cost little more than hashing
the spec, and importing the pipeline (Jinja, the IR, the validators) alone would cost several
times that.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys

from sdkwright import __version__
from sdkwright.cli.arguments import parser
from sdkwright.cli.console import EXIT_USAGE, print_diagnostics

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import NoReturn, TextIO

__all__ = ["entry", "main"]

EXIT_FLUSH_FAILED = 120  # what the interpreter exits with when it cannot flush stdout
EXIT_PIPE_CLOSED = 141  # what a shell reports for a command whose output pipe was closed
# Allocations between two young collections in the command's process (Python's default is
# 700): importing the generator makes some 45,000 objects that all live to the end, which
# the default has the collector walk again and again (5 ms of every run).
YOUNG_COLLECTION_EVERY = 50_000


def entry() -> NoReturn:
    """The `sdkwright` command and `python -m sdkwright`: `main`, then an exit that skips
    tearing the interpreter down. A generation leaves megabytes of objects behind (the spec,
    the IR, the compiled templates) that a last collection would walk and free one by one: a
    tenth of a small spec's whole run, for nothing, since every file is closed and every
    child process waited for by then. The standard streams are flushed first, as at exit."""
    gc.set_threshold(YOUNG_COLLECTION_EVERY, *gc.get_threshold()[1:])
    code = main()
    if not (_flushed(sys.stdout) and _flushed(sys.stderr)):
        code = code or EXIT_FLUSH_FAILED
    os._exit(code)


def _flushed(stream: TextIO | None) -> bool:
    try:
        if stream is not None:
            stream.flush()
        return True
    except (OSError, ValueError):  # a closed pipe (`| head`), a closed stream
        return False


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    command = importlib.import_module(f"{__name__}.{arguments.command.replace('-', '_')}")
    try:
        code: int = command.run(arguments)
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Whoever read the output stopped reading (`| head`): what the command wrote to disk
        # stays written, and there is nothing to report, nor anywhere to report it.
        _discard_stdout()
        return EXIT_PIPE_CLOSED
    except Exception as error:
        return _failed(error, arguments)


def _discard_stdout() -> None:
    """What stdout still buffers goes nowhere (flushing it into the closed pipe would fail)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _failed(error: Exception, arguments: argparse.Namespace) -> int:
    from sdkwright.diagnostics import GenerationFailed

    if isinstance(error, GenerationFailed):
        print_diagnostics(error.diagnostics, arguments)
        return EXIT_USAGE
    import traceback

    print(traceback.format_exc(), file=sys.stderr)
    print(
        f"internal error in sdkwright {__version__}: this is a bug, not a problem with your spec.\nPlease report it with the traceback above and, if you can, the spec.",
        file=sys.stderr,
    )
    return EXIT_USAGE
