"""The command line's arguments: the parser, the targets they name, and whether they allow the
no-op fast path (`sdkwright.output.freshness`)."""

from __future__ import annotations

import argparse
import os
import sys

from sdkwright import __version__, defaults

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    from pathlib import Path

    from sdkwright.config import Target
    from sdkwright.diagnostics import GenerationFailed

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


def parser() -> argparse.ArgumentParser:
    """`arguments.command` names the command, and the module of `sdkwright.cli` that runs it."""
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
        "--conflicts",
        choices=("leave", "markers"),
        default="leave",
        help="where a hand edit overlaps a change of the generation: leave the file as it is "
        "(default) or write conflict markers into it; either way the exit code is 3",
    )
    generate.add_argument(
        "--accept-breaking",
        action="store_true",
        help="write a change that breaks the public surface locked in sdkwright-surface.lock.json "
        "although the target's version is not a major release after the lock's",
    )
    generate.add_argument(
        "--bump",
        action="store_true",
        help="raise the SDK's version by what `sdkwright diff` finds between the spec of the "
        "last generation and this one, and add the change to CHANGELOG.md",
    )
    generate.add_argument(
        "--watch",
        action="store_true",
        help="regenerate whenever a spec, an overlay or a template changes",
    )
    generate.add_argument(
        "--interval",
        type=float,
        default=WATCH_INTERVAL_S,
        help=f"--watch polling interval in seconds (default {WATCH_INTERVAL_S})",
    )

    check = commands.add_parser(
        "check",
        help="exit 1 if the generated SDKs differ from what the specs give; writes nothing",
        formatter_class=_HelpFormatter,
    )
    _target_arguments(check)

    validate = commands.add_parser(
        "validate", help="validate a spec and print its diagnostics", formatter_class=_HelpFormatter
    )
    validate.add_argument("spec", type=path)
    validate.add_argument(
        "--quick",
        action="store_true",
        help="meta-schema and sdkwright rules only (skip openapi-spec-validator's full walk)",
    )
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    _lenient_argument(validate)
    _reference_arguments(validate)
    validate.add_argument("--format", choices=("text", "json"), default="text")

    customisations = commands.add_parser(
        "customisations",
        help="print the hand edits of generated SDKs as a patch against their last generation",
        formatter_class=_HelpFormatter,
    )
    customisations.add_argument(
        "target",
        nargs="?",
        metavar="TARGET",
        help="a target of sdkwright.yaml, or an output folder (default: every target)",
    )

    overlay = commands.add_parser(
        "overlay",
        help="write an OpenAPI Overlay that turns the spec OLD into NEW",
        formatter_class=_HelpFormatter,
    )
    overlay.add_argument("--from", dest="old", type=path, required=True, metavar="OLD")
    overlay.add_argument("--to", dest="new", type=path, required=True, metavar="NEW")
    overlay.add_argument("-o", "--output", type=path, help="overlay file (default: stdout)")
    overlay.add_argument("--title", default="", help="the overlay's info.title")

    imported = commands.add_parser(
        "import-config",
        help="write a target of sdkwright.yaml from a Stainless config (stainless.yml or an SDK checkout)",
        formatter_class=_HelpFormatter,
        description="Exit 0: the target was written (warnings list what could not be mapped); "
        "1: nothing was written (unreadable config, no spec, a target that would not load); "
        "2: a usage error.",
    )
    imported.add_argument("source", type=path, metavar="PATH", help="stainless.yml, or a checkout")
    imported.add_argument(
        "--spec", type=path, help="the OpenAPI spec (default: the existing target's)"
    )
    imported.add_argument("--target", help="the target's name (default: the package name)")
    imported.add_argument(
        "-o",
        "--output",
        type=path,
        default=None,
        help="the config file to write or update (default: ./sdkwright.yaml)",
    )
    imported.add_argument("--format", choices=("text", "json"), default="text")
    imported.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    _migrate_arguments(commands)

    diff = commands.add_parser(
        "diff",
        help="what changing OLD_SPEC into NEW_SPEC does to SDK users, and the semver bump",
        formatter_class=_HelpFormatter,
    )
    diff.add_argument("old_spec", type=path, metavar="OLD_SPEC")
    diff.add_argument("new_spec", type=path, metavar="NEW_SPEC")
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown")
    diff.add_argument("--package", help="Python package name (default: from NEW_SPEC's title)")
    diff.add_argument("--client-name", help="client class name (default: from the package name)")
    diff.add_argument(
        "--fail-on-breaking", action="store_true", help="exit 1 when the change is breaking"
    )
    diff.add_argument(
        "--target",
        help="also generate NEW_SPEC as this target of sdkwright.yaml and compare its public "
        "surface with sdkwright-surface.lock.json (with --fail-on-breaking: exit 1 when the "
        "target's version does not allow a breaking change)",
    )
    return parser


def _migrate_arguments(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    migrate = commands.add_parser(
        "migrate",
        help="turn an SDK made by another generator into an sdkwright project with the same "
        "public surface, and report what differs",
        formatter_class=_HelpFormatter,
    )
    sources = migrate.add_subparsers(dest="source_kind", required=True, metavar="GENERATOR")
    stainless = sources.add_parser(
        "stainless",
        help="a Stainless Python SDK repository (a checkout)",
        formatter_class=_HelpFormatter,
        description="Write OUT: sdkwright.yaml (a target with `surface: stainless`), the spec "
        "when it comes from scripts/mock, the generated SDK (pip install OUT) and "
        "MIGRATION-REPORT.md. Exit 0: migrated, nothing missing or changed incompatibly "
        "(or all of it accepted); 1: migrated, but some of it is missing or incompatible; "
        "2: nothing written (bad PATH, SPEC or OUT, a spec that does not generate).",
    )
    stainless.add_argument("source", type=path, metavar="PATH", help="the SDK's checkout")
    stainless.add_argument(
        "--spec",
        type=path,
        help="the OpenAPI spec the SDK was generated from (default: the one scripts/mock embeds)",
    )
    stainless.add_argument(
        "-o", "--output", type=path, required=True, metavar="OUT", help="the new project's folder"
    )
    stainless.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="ID",
        help="a reported change you accept, by its id (repeatable)",
    )
    stainless.add_argument(
        "--accept-file", type=path, metavar="FILE", help="ids to accept: one a line, or JSON"
    )
    stainless.add_argument(
        "--report-json", type=path, metavar="FILE", help="also write the report as JSON"
    )
    stainless.add_argument(
        "-q", "--quiet", action="store_true", help="print errors and the blocking changes only"
    )


def _target_arguments(parser: argparse.ArgumentParser) -> None:
    # Paths stay strings until a command needs them: pathlib is not free to import.
    parser.add_argument(
        "spec", nargs="?", help="spec file; without it, the targets of sdkwright.yaml"
    )
    parser.add_argument("-o", "--output", help="output folder (with SPEC)")
    parser.add_argument(
        "--package",
        help="Python package name (with SPEC; default: what OUTPUT was generated with, "
        "else from the spec's info.title, else from its file name)",
    )
    parser.add_argument(
        "--client-name",
        help="client class name (default: what OUTPUT was generated with, else from the title "
        "or from --package)",
    )
    parser.add_argument(
        "--formatter",
        choices=defaults.FORMATTERS,
        default=None,
        help=f"{defaults.FORMATTER} (default) or {' or '.join(defaults.FORMATTERS[1:])}",
    )
    parser.add_argument(
        "--flavour",
        help=f"client flavour (with SPEC; default: what OUTPUT was generated with, else "
        f"{defaults.FLAVOUR})",
    )
    parser.add_argument(
        "--language",
        help="the SDK's language, python or typescript (with SPEC; default: what OUTPUT was "
        "generated with, else python)",
    )
    parser.add_argument(
        "--option",
        action="append",
        metavar="KEY=VALUE",
        help="an option of the flavour (with SPEC; repeatable)",
    )
    parser.add_argument(
        "--sdk-version",
        metavar="VERSION",
        help=f"the SDK's own semantic version (with SPEC; default: kept, else {defaults.VERSION})",
    )
    parser.add_argument(
        "--license",
        metavar="SPDX_ID",
        help=f"the SDK's license (with SPEC; default: kept, else {defaults.LICENSE})",
    )
    parser.add_argument(
        "--copyright", metavar="HOLDER", help="the copyright holder, for licenses that name one"
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
    _lenient_argument(parser)
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


def _lenient_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lenient",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="repair the known errors of published specs, or skip what holds them, with a warning each",
    )


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


def path(text: str) -> Path:
    from pathlib import Path

    return Path(text)


def targets(arguments: argparse.Namespace) -> list[Target]:
    """SPEC -o OUTPUT's one target, else the targets of the nearest sdkwright.yaml (--target
    picks some), with the options the flags set."""
    from dataclasses import replace
    from pathlib import Path

    from sdkwright.config import load_targets
    from sdkwright.config_files import CONFIG_NAME, find_config
    from sdkwright.config_flags import target_from_flags

    if arguments.spec is not None:
        if arguments.output is None:
            raise usage("-o/--output is required with SPEC")
        target = target_from_flags(
            Path(arguments.spec),
            Path(arguments.output),
            arguments.package,
            arguments.client_name,
            arguments.formatter,
            flavour=arguments.flavour,
            flavour_options=flavour_options(arguments),
            lenient=arguments.lenient,
            version=arguments.sdk_version,
            license=arguments.license,
            copyright=arguments.copyright,
            language=arguments.language,
        )
        return [_with_flag_options(target, arguments)]
    configured = ("flavour", "option", "sdk_version", "license", "copyright", "language")
    for key in configured:
        value = getattr(arguments, key)
        flag = "--" + key.replace("_", "-")
        if value is not None:
            raise usage(f"{flag} needs SPEC -o OUTPUT: a configured target sets it in its config")
    config = find_config(Path.cwd())
    if config is None:
        raise usage(f"no SPEC given and no {CONFIG_NAME} found in {Path.cwd()} or its parents")
    found = load_targets(config)
    if arguments.target:
        unknown = sorted(set(arguments.target) - {t.name for t in found})
        if unknown:
            raise usage(
                f"unknown target(s) {unknown}; {CONFIG_NAME} declares {[t.name for t in found]}"
            )
        found = [t for t in found if t.name in arguments.target]
    if arguments.formatter:
        found = [replace(t, formatter=arguments.formatter) for t in found]
    return [_with_flag_options(t, arguments) for t in found]


def _with_flag_options(target: Target, arguments: argparse.Namespace) -> Target:
    from dataclasses import replace
    from pathlib import Path

    if arguments.spec_root:
        target = replace(target, spec_root=Path(arguments.spec_root))
    if arguments.allow_remote_refs:
        target = replace(target, allow_remote_refs=True)
    if arguments.lenient is not None:
        target = replace(target, lenient=arguments.lenient)
    return target


def flavour_options(arguments: argparse.Namespace) -> dict[str, str] | None:
    """--option KEY=VALUE, each as given; None when there is none."""
    if arguments.option is None:
        return None
    options = {}
    for item in arguments.option:
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            raise usage(f"--option {item!r} is not KEY=VALUE")
        options[key.strip()] = value.strip()
    return options


def given_flags(arguments: argparse.Namespace) -> dict[str, str | None]:
    """The options of a flags-only target that were given on the command line, as the
    manifest records them (`defaults.FLAG_OPTIONS`); None where a flag was not given."""
    import json

    options = flavour_options(arguments)
    lenient = arguments.lenient
    return {
        "package": arguments.package,
        "client_name": arguments.client_name,
        "formatter": arguments.formatter,
        "flavour": arguments.flavour,
        "flavour_options": None if options is None else json.dumps(options, sort_keys=True),
        "lenient": None if lenient is None else ("true" if lenient else "false"),
        "version": arguments.sdk_version,
        "license": arguments.license,
        "copyright": arguments.copyright,
        "language": arguments.language,
    }


def usage(message: str) -> GenerationFailed:
    from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level

    return GenerationFailed([Diagnostic(Level.ERROR, "cli.usage", message)])


# -- the no-op fast path -----------------------------------------------------------------


def fast_path_allowed(arguments: argparse.Namespace) -> bool:
    """--strict and --full-validation ask for the spec to be validated again: no shortcut."""
    return bool(arguments.fast_path and not arguments.strict and not arguments.full_validation)


def flags_up_to_date(arguments: argparse.Namespace) -> tuple[str | None, bool]:
    """With SPEC -o OUTPUT, the fast path runs before the config machinery is even imported.
    Returns the target's name when its output is up to date, and whether the target's own
    fast path is worth asking (every target without SPEC; with it, when this one could not
    decide)."""
    if not fast_path_allowed(arguments):
        return None, False
    if arguments.spec is None or arguments.output is None:
        return None, arguments.spec is None
    from sdkwright.output import freshness

    reason = freshness.flags_stale_reason(arguments.spec, arguments.output, given_flags(arguments))
    if reason is not None:
        return None, reason == freshness.UNDECIDED
    return os.path.splitext(os.path.basename(str(arguments.spec)))[0], False


def target_up_to_date(target: Target) -> bool:
    from sdkwright.output import freshness

    return freshness.target_stale_reason(target) is None
