"""The `sdkwright` command: arguments -> api calls -> diagnostics printed -> exit code.

Exit codes: 0 success; 1 the spec has errors (generate, validate), the SDK drifted (check),
or the change is breaking and --fail-on-breaking was given (diff); 2 a usage error, an
unreadable config, a spec `check` or `diff` cannot read, or an internal error.

Modules beyond argparse are imported where they are needed: a no-op `generate` or `check`
(`sdkwright.output.freshness`) must cost little more than hashing the spec, and importing the
pipeline (Jinja, the IR, the validators) alone would cost several times that.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from sdkwright import __version__, defaults

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from sdkwright.config import Target
    from sdkwright.diagnostics import Diagnostic, GenerationFailed
    from sdkwright.output.drift import CheckReport

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
WATCH_INTERVAL_S = 0.5


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own, told the width so that building the parser does not import shutil
    (and with it bz2, lzma and locale): a tenth of a no-op run's budget."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_width())


def _terminal_width() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        try:
            columns = os.get_terminal_size(sys.stdout.fileno()).columns
        except (OSError, ValueError):
            columns = 80
    return max(columns - 2, 40)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        code: int = arguments.run(arguments)
        return code
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        return _failed(error, arguments)


def _failed(error: Exception, arguments: argparse.Namespace) -> int:
    from sdkwright.diagnostics import GenerationFailed

    if isinstance(error, GenerationFailed):
        _print_diagnostics(error.diagnostics, arguments)
        return EXIT_USAGE
    import traceback

    print(traceback.format_exc(), file=sys.stderr)
    print(
        f"internal error in sdkwright {__version__}: this is a bug, not a problem with your spec.\nPlease report it with the traceback above and, if you can, the spec.",
        file=sys.stderr,
    )
    return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sdkwright",
        description="Generate typed, tested Python SDKs from OpenAPI specs.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"sdkwright {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    generate = commands.add_parser(
        "generate",
        help="generate SDKs (no SPEC: every target of sdkwright.yaml)",
        formatter_class=_HelpFormatter,
    )
    _target_arguments(generate)
    generate.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty folder that has no manifest, or over files it did not write",
    )
    generate.add_argument(
        "--watch", action="store_true", help="regenerate whenever a spec or template changes"
    )
    generate.add_argument(
        "--interval",
        type=float,
        default=WATCH_INTERVAL_S,
        help=f"--watch polling interval in seconds (default {WATCH_INTERVAL_S})",
    )
    generate.set_defaults(run=_run_generate)

    check = commands.add_parser(
        "check",
        help="exit 1 if the generated SDKs differ from what the specs give; writes nothing",
        formatter_class=_HelpFormatter,
    )
    _target_arguments(check)
    check.set_defaults(run=_run_check)

    validate = commands.add_parser(
        "validate", help="validate a spec and print its diagnostics", formatter_class=_HelpFormatter
    )
    validate.add_argument("spec", type=_path)
    validate.add_argument(
        "--quick",
        action="store_true",
        help="meta-schema and sdkwright rules only (skip openapi-spec-validator's full walk)",
    )
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    _reference_arguments(validate)
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.set_defaults(run=_run_validate)

    diff = commands.add_parser(
        "diff",
        help="what changing OLD_SPEC into NEW_SPEC does to SDK users, and the semver bump",
        formatter_class=_HelpFormatter,
    )
    diff.add_argument("old_spec", type=_path, metavar="OLD_SPEC")
    diff.add_argument("new_spec", type=_path, metavar="NEW_SPEC")
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown")
    diff.add_argument("--package", help="Python package name (default: from NEW_SPEC's name)")
    diff.add_argument("--client-name", help="client class name (default: from the package name)")
    diff.add_argument(
        "--fail-on-breaking", action="store_true", help="exit 1 when the change is breaking"
    )
    diff.set_defaults(run=_run_diff)
    return parser


def _target_arguments(parser: argparse.ArgumentParser) -> None:
    # Paths stay strings until a command needs them: pathlib is not free to import.
    parser.add_argument(
        "spec", nargs="?", help="spec file; without it, the targets of sdkwright.yaml"
    )
    parser.add_argument("-o", "--output", help="output folder (with SPEC)")
    parser.add_argument("--package", help="Python package name (default: from the spec file name)")
    parser.add_argument("--client-name", help="client class name (default: from the package name)")
    parser.add_argument(
        "--formatter", choices=defaults.FORMATTERS, default=None, help="ruff (default) or black"
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
    _reference_arguments(parser)
    parser.add_argument(
        "--no-fast-path",
        dest="fast_path",
        action="store_false",
        help="always load, render and compare, even when the manifest says nothing changed",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="diagnostics/report format"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def _reference_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--spec-root",
        help="folder that file $refs may reach (default: the spec's own folder)",
    )
    parser.add_argument(
        "--allow-remote-refs",
        action="store_true",
        help="fetch http(s) $refs (by default generation uses no network)",
    )


def _path(text: str) -> Path:
    from pathlib import Path

    return Path(text)


def _targets(arguments: argparse.Namespace) -> list[Target]:
    from dataclasses import replace
    from pathlib import Path

    from sdkwright.config import CONFIG_NAME, find_config, load_targets, target_from_flags

    if arguments.spec is not None:
        if arguments.output is None:
            raise _usage("-o/--output is required with SPEC")
        target = target_from_flags(
            Path(arguments.spec),
            Path(arguments.output),
            arguments.package,
            arguments.client_name,
            arguments.formatter or "ruff",
        )
        return [_with_reference_options(target, arguments)]
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
        targets = [replace(t, formatter=arguments.formatter) for t in targets]
    return [_with_reference_options(t, arguments) for t in targets]


def _with_reference_options(target: Target, arguments: argparse.Namespace) -> Target:
    from dataclasses import replace
    from pathlib import Path

    if arguments.spec_root:
        target = replace(target, spec_root=Path(arguments.spec_root))
    if arguments.allow_remote_refs:
        target = replace(target, allow_remote_refs=True)
    return target


def _usage(message: str) -> GenerationFailed:
    from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level

    return GenerationFailed([Diagnostic(Level.ERROR, "cli.usage", message)])


def _print_diagnostics(diagnostics: Sequence[Diagnostic], arguments: argparse.Namespace) -> None:
    from sdkwright.diagnostics import render_json, render_text

    if getattr(arguments, "format", "text") == "json":
        print(render_json(diagnostics))
        return
    shown = [
        d for d in diagnostics if not getattr(arguments, "quiet", False) or d.level.name == "ERROR"
    ]
    if shown:
        print(render_text(shown), file=sys.stderr)


def _fast_path_allowed(arguments: argparse.Namespace) -> bool:
    """--strict and --full-validation ask for the spec to be validated again: no shortcut."""
    return bool(arguments.fast_path and not arguments.strict and not arguments.full_validation)


def _up_to_date(target: Target) -> bool:
    from sdkwright.output import freshness

    return freshness.target_stale_reason(target) is None


def _flags_up_to_date(arguments: argparse.Namespace) -> str | None:
    """With SPEC -o OUTPUT, the fast path runs before the config machinery is even imported.
    Returns the target's name when its output is up to date."""
    if arguments.spec is None or arguments.output is None or not _fast_path_allowed(arguments):
        return None
    from sdkwright.output import freshness

    reason = freshness.flags_stale_reason(
        arguments.spec,
        arguments.output,
        arguments.package,
        arguments.client_name,
        arguments.formatter or defaults.FORMATTER,
    )
    if reason is not None:
        return None
    return os.path.splitext(os.path.basename(str(arguments.spec)))[0]


# -- generate ----------------------------------------------------------------------------


def _run_generate(arguments: argparse.Namespace) -> int:
    if arguments.watch:
        return _watch(arguments)
    started = time.perf_counter()
    name = _flags_up_to_date(arguments)
    if name is not None:
        _say_unchanged(arguments, name, os.path.normpath(arguments.output), started)
        return EXIT_OK
    # With SPEC, the fast path was just tried: no need to hash everything again.
    fast_path = _fast_path_allowed(arguments) and arguments.spec is None
    return _generate_all(arguments, _targets(arguments), fast_path)


def _say_unchanged(arguments: argparse.Namespace, name: str, output: str, started: float) -> None:
    if not arguments.quiet and arguments.format == "text":
        elapsed = time.perf_counter() - started
        print(f"{name}: nothing changed, {output} is up to date ({elapsed:.3f} s)", flush=True)


def _generate_all(arguments: argparse.Namespace, targets: list[Target], fast_path: bool) -> int:
    code = EXIT_OK
    for target in targets:
        started = time.perf_counter()
        if fast_path and _up_to_date(target):
            _say_unchanged(arguments, target.name, str(target.output), started)
        else:
            code = max(code, _generate_one(arguments, target, started))
    return code


def _generate_one(arguments: argparse.Namespace, target: Target, started: float) -> int:
    from sdkwright import api
    from sdkwright.diagnostics import summary
    from sdkwright.progress import progress_for

    talk = not arguments.quiet and arguments.format == "text"
    progress = progress_for(sys.stderr, target.name, quiet=not talk)
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
    _print_diagnostics(result.diagnostics, arguments)
    if changes is None:
        print(f"{target.name}: not generated ({summary(result.diagnostics)})", file=sys.stderr)
        return EXIT_FAILED
    if talk:
        elapsed = time.perf_counter() - started
        operations = len(result.api.operations) if result.api else 0
        print(
            f"{target.name}: {operations} operations -> {target.output} ({len(changes)} files changed, {elapsed:.2f} s; {summary(result.diagnostics)})",
            flush=True,
        )
    return EXIT_OK


# -- watch -------------------------------------------------------------------------------

FileState = dict[str, tuple[int, int] | None]
SETTLE_PAUSE_S = 0.1  # files unchanged this long are taken as written
SETTLE_READS = 20  # a file written without pause for longer is generated from as it is then


def _watch(arguments: argparse.Namespace) -> int:
    """Generate, then poll the specs, templates and config; regenerate when one changes."""
    targets = _targets(arguments)
    state = _watched_state(targets)  # taken before generating: an edit made meanwhile shows
    _generate_safely(arguments, targets)
    state = _with_new_files(state, targets)
    print(f"watching {len(state)} files for changes (Ctrl-C to stop)", flush=True)
    try:
        while True:
            time.sleep(max(0.05, arguments.interval))
            current = _watched_state(targets)
            if current == state:
                continue
            current = _settled(targets, current)
            if current == state:  # written and put back as it was
                continue
            changed = sorted(
                p for p in current.keys() | state.keys() if current.get(p) != state.get(p)
            )
            print(f"changed: {', '.join(changed[:5])}", flush=True)
            state = current
            targets = _reload_targets(arguments, targets)
            _generate_safely(arguments, targets)
            state = _with_new_files(state, targets)
    except KeyboardInterrupt:
        print("stopped watching", flush=True)
        return EXIT_OK


def _settled(targets: Sequence[Target], seen: FileState) -> FileState:
    """The watched files' state once writing stops: an editor truncates then writes, a
    `git checkout` touches files one after another. Generating from a half-written spec would
    report errors that are not there, then generate again."""
    for _ in range(SETTLE_READS):
        time.sleep(SETTLE_PAUSE_S)
        again = _watched_state(targets)
        if again == seen:
            break
        seen = again
    return seen


def _with_new_files(state: FileState, targets: Sequence[Target]) -> FileState:
    """A generation may reveal files to watch (a spec's new $ref): add them as they are now."""
    return {**_watched_state(targets), **state}


def _generate_safely(arguments: argparse.Namespace, targets: list[Target]) -> None:
    """In watch mode a failure (a foreign folder, an unwritable file) is reported, and the
    watch goes on: the next edit may fix it."""
    from sdkwright.diagnostics import GenerationFailed

    try:
        _generate_all(arguments, targets, _fast_path_allowed(arguments))
    except GenerationFailed as failure:
        _print_diagnostics(failure.diagnostics, arguments)


def _reload_targets(arguments: argparse.Namespace, previous: list[Target]) -> list[Target]:
    """sdkwright.yaml may have been the file that changed; a broken one keeps the old targets."""
    from sdkwright.diagnostics import GenerationFailed

    try:
        return _targets(arguments)
    except GenerationFailed as failure:
        _print_diagnostics(failure.diagnostics, arguments)
        return previous


def _watched_files(targets: Sequence[Target]) -> set[str]:
    """Each target's spec files (from its manifest, so files reached by $ref count), the
    templates, and the config file."""
    from pathlib import Path

    from sdkwright.config import find_config, template_folders
    from sdkwright.output.manifest import read_manifest

    files: set[str] = set()
    for target in targets:
        files.add(os.path.abspath(target.spec))
        manifest = read_manifest(target.output)
        for relative in manifest.inputs if manifest else ():
            files.add(os.path.abspath(target.spec.parent / relative))
    for templates in {folder for target in targets for folder in template_folders(target)}:
        for directory, _, names in os.walk(templates):
            files.update(os.path.join(directory, name) for name in names)
    config = find_config(Path.cwd())
    if config is not None:
        files.add(str(config.resolve()))
    return files


def _watched_state(targets: Sequence[Target]) -> FileState:
    state: FileState = {}
    for path in _watched_files(targets):
        try:
            st = os.stat(path)
            state[path] = (st.st_mtime_ns, st.st_size)
        except OSError:
            state[path] = None
    return state


# -- check -------------------------------------------------------------------------------


def _run_check(arguments: argparse.Namespace) -> int:
    name = _flags_up_to_date(arguments)
    if name is not None and arguments.format == "text":
        if not arguments.quiet:
            output = os.path.normpath(arguments.output)
            print(f"{name}: {output} is up to date (nothing changed since generation)")
        return EXIT_OK
    reports = [_check_one(arguments, t, fast_path=name is not None) for t in _targets(arguments)]
    if arguments.format == "json":
        from sdkwright.output.drift import reports_json

        print(reports_json(reports))
    statuses = {report.status for report in reports}
    if "error" in statuses:
        return EXIT_USAGE
    return EXIT_FAILED if "drift" in statuses else EXIT_OK


def _check_one(arguments: argparse.Namespace, target: Target, fast_path: bool) -> CheckReport:
    """`fast_path`: already known to be up to date (JSON output still needs a report)."""
    from sdkwright.output.drift import CheckReport

    if fast_path or (
        _fast_path_allowed(arguments) and arguments.spec is None and _up_to_date(target)
    ):
        report = CheckReport(
            target.name, str(target.spec), str(target.output), "up-to-date", fast=True
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
    from sdkwright.diagnostics import summary
    from sdkwright.output.drift import render_text

    if report.status == "error":
        _print_diagnostics(report.diagnostics, arguments)
        print(f"{report.name}: cannot check ({summary(report.diagnostics)})", file=sys.stderr)
    elif report.status == "drift":
        print(render_text(report), end="")
    elif not arguments.quiet:
        how = " (nothing changed since generation)" if report.fast else ""
        print(f"{report.name}: {report.output} is up to date{how}")


# -- validate and diff -------------------------------------------------------------------


def _run_validate(arguments: argparse.Namespace) -> int:
    from sdkwright import api
    from sdkwright.diagnostics import has_errors, summary

    _, diagnostics = api.load_and_validate(
        arguments.spec,
        full=not arguments.quick,
        allow_remote=arguments.allow_remote_refs,
        spec_root=_path(arguments.spec_root) if arguments.spec_root else None,
    )
    _print_diagnostics(diagnostics, arguments)
    failed = has_errors(diagnostics) or (
        arguments.strict and any(d.level.name == "WARNING" for d in diagnostics)
    )
    if arguments.format == "text":
        print(
            f"{arguments.spec}: {summary(diagnostics)}", file=sys.stderr if failed else sys.stdout
        )
    return EXIT_FAILED if failed else EXIT_OK


def _run_diff(arguments: argparse.Namespace) -> int:
    from pathlib import Path

    from sdkwright import diff
    from sdkwright.config import target_from_flags
    from sdkwright.diagnostics import summary

    # Both specs get the same names: a renamed file must not look like a renamed package.
    target = target_from_flags(
        arguments.new_spec, Path("."), arguments.package, arguments.client_name, "ruff"
    )
    apis = []
    for spec in (arguments.old_spec, arguments.new_spec):
        api_ir, diagnostics = diff.build_ir(spec, target.package, target.client_name)
        if api_ir is None:
            _print_diagnostics(diagnostics, argparse.Namespace(format="text", quiet=True))
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
