"""The `sdkwright` command: arguments -> api calls -> diagnostics printed -> exit code.

Exit codes: 0 success; 1 the spec has errors (generate, validate) or the SDK drifted
(check); 2 a usage error, an unreadable config, or an internal error.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from generator import __version__, api
from generator.config import CONFIG_NAME, Target, find_config, load_targets, target_from_flags
from generator.diagnostics import (
    Diagnostic,
    GenerationFailed,
    has_errors,
    render_json,
    render_text,
    summary,
)
from generator.format import FORMATTERS
from generator.write import Change, unified_diff

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
MAX_DIFF_FILES = 20


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        code: int = arguments.run(arguments)
        return code
    except GenerationFailed as failure:
        _print_diagnostics(failure.diagnostics, arguments)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception:
        print(traceback.format_exc(), file=sys.stderr)
        print(
            f"internal error in sdkwright {__version__}: this is a bug, not a problem with your spec.\nPlease report it with the traceback above and, if you can, the spec.",
            file=sys.stderr,
        )
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sdkwright", description="Generate typed, tested Python SDKs from OpenAPI specs."
    )
    parser.add_argument("--version", action="version", version=f"sdkwright {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    generate = commands.add_parser(
        "generate", help="generate SDKs (no SPEC: every target of sdkwright.yaml)"
    )
    _target_arguments(generate)
    generate.add_argument(
        "--force", action="store_true", help="write into a non-empty folder that has no manifest"
    )
    generate.set_defaults(run=_run_generate)

    check = commands.add_parser(
        "check", help="exit 1 if the generated SDKs differ from what the specs give; writes nothing"
    )
    _target_arguments(check)
    check.set_defaults(run=_run_check)

    validate = commands.add_parser("validate", help="validate a spec and print its diagnostics")
    validate.add_argument("spec", type=Path)
    validate.add_argument(
        "--quick",
        action="store_true",
        help="meta-schema and sdkwright rules only (skip openapi-spec-validator's full walk)",
    )
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.set_defaults(run=_run_validate)
    return parser


def _target_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "spec", type=Path, nargs="?", help="spec file; without it, the targets of sdkwright.yaml"
    )
    parser.add_argument("-o", "--output", type=Path, help="output folder (with SPEC)")
    parser.add_argument("--package", help="Python package name (default: from the spec file name)")
    parser.add_argument("--client-name", help="client class name (default: from the package name)")
    parser.add_argument(
        "--formatter", choices=FORMATTERS, default=None, help="ruff (default) or black"
    )
    parser.add_argument(
        "--target", action="append", help="only this target of sdkwright.yaml (repeatable)"
    )
    parser.add_argument(
        "--full-validation",
        action="store_true",
        help="also run openapi-spec-validator's full (slower) checks",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="diagnostics format"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def _targets(arguments: argparse.Namespace) -> list[Target]:
    if arguments.spec is not None:
        if arguments.output is None:
            raise _usage("-o/--output is required with SPEC")
        return [
            target_from_flags(
                arguments.spec,
                arguments.output,
                arguments.package,
                arguments.client_name,
                arguments.formatter or "ruff",
            )
        ]
    config = find_config(Path.cwd())
    if config is None:
        raise _usage(f"no SPEC given and no {CONFIG_NAME} found in {Path.cwd()} or its parents")
    targets = load_targets(config)
    if arguments.target:
        unknown = sorted(set(arguments.target) - {t.name for t in targets})
        if unknown:
            raise _usage(
                f"unknown target(s) {unknown}; {CONFIG_NAME} declares {[t.name for t in targets]}"
            )
        targets = [t for t in targets if t.name in arguments.target]
    if arguments.formatter:
        targets = [
            Target(t.name, t.spec, t.output, t.package, t.client_name, arguments.formatter)
            for t in targets
        ]
    return targets


def _usage(message: str) -> GenerationFailed:
    from generator.diagnostics import Level

    return GenerationFailed([Diagnostic(Level.ERROR, "cli.usage", message)])


def _print_diagnostics(diagnostics: list[Diagnostic], arguments: argparse.Namespace) -> None:
    if getattr(arguments, "format", "text") == "json":
        print(render_json(diagnostics))
        return
    shown = [
        d for d in diagnostics if not getattr(arguments, "quiet", False) or d.level.name == "ERROR"
    ]
    if shown:
        print(render_text(shown), file=sys.stderr)


def _run_generate(arguments: argparse.Namespace) -> int:
    code = EXIT_OK
    for target in _targets(arguments):
        started = time.perf_counter()
        result = api.generate(
            target, full_validation=arguments.full_validation, strict=arguments.strict
        )
        _print_diagnostics(result.diagnostics, arguments)
        if not result.files:
            print(f"{target.name}: not generated ({summary(result.diagnostics)})", file=sys.stderr)
            code = EXIT_FAILED
            continue
        changes = api.write_result(result, target.output, force=arguments.force)
        if not arguments.quiet and arguments.format == "text":
            elapsed = time.perf_counter() - started
            operations = len(result.api.operations) if result.api else 0
            print(
                f"{target.name}: {operations} operations -> {target.output} ({len(changes)} files changed, {elapsed:.2f} s; {summary(result.diagnostics)})"
            )
    return code


def _run_check(arguments: argparse.Namespace) -> int:
    code = EXIT_OK
    for target in _targets(arguments):
        result = api.generate(
            target, full_validation=arguments.full_validation, strict=arguments.strict
        )
        if not result.files:
            _print_diagnostics(result.diagnostics, arguments)
            print(f"{target.name}: cannot check ({summary(result.diagnostics)})", file=sys.stderr)
            return EXIT_USAGE
        changes = api.check_result(result, target.output)
        if changes:
            code = EXIT_FAILED
            _print_drift(target, changes)
        elif not arguments.quiet:
            print(f"{target.name}: {target.output} is up to date")
    return code


def _print_drift(target: Target, changes: list[Change]) -> None:
    print(
        f"{target.name}: {target.output} differs from what {target.spec} gives ({len(changes)} files):"
    )
    for change in changes[:MAX_DIFF_FILES]:
        print(f"  {change.kind}: {change.path}")
    for change in changes[:MAX_DIFF_FILES]:
        print(unified_diff(change), end="")
    if len(changes) > MAX_DIFF_FILES:
        print(f"... and {len(changes) - MAX_DIFF_FILES} more files")
    print("Run `sdkwright generate` to update the generated files.")


def _run_validate(arguments: argparse.Namespace) -> int:
    _, diagnostics = api.load_and_validate(arguments.spec, full=not arguments.quick)
    _print_diagnostics(diagnostics, arguments)
    failed = has_errors(diagnostics) or (
        arguments.strict and any(d.level.name == "WARNING" for d in diagnostics)
    )
    if arguments.format == "text":
        print(
            f"{arguments.spec}: {summary(diagnostics)}", file=sys.stderr if failed else sys.stdout
        )
    return EXIT_FAILED if failed else EXIT_OK
