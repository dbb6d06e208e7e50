"""`sdkwright diff OLD_SPEC NEW_SPEC`: what the change does to SDK users, and the semver bump
(`sdkwright.diff`); exit 1 with --fail-on-breaking when the change is breaking. With
`--target NAME`, NEW_SPEC is also generated as that target and its public surface compared
with the target's surface lock (`sdkwright.surface.lock`)."""

from __future__ import annotations

import argparse
import sys

from sdkwright.cli.console import EXIT_FAILED, EXIT_OK, EXIT_USAGE, print_diagnostics

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.diff.report import DiffReport
    from sdkwright.surface.lock import Comparison


def run(arguments: argparse.Namespace) -> int:
    from pathlib import Path

    from sdkwright import defaults, diff
    from sdkwright.config_flags import target_from_flags
    from sdkwright.diagnostics import summary

    # Both specs get the same names: a renamed file must not look like a renamed package.
    target = target_from_flags(
        arguments.new_spec,
        Path("."),
        arguments.package,
        arguments.client_name,
        defaults.FORMATTER,
        keep=False,
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
    locked = _against_lock(arguments) if arguments.target else None
    if isinstance(locked, int):
        return locked
    if arguments.format == "json":
        print(diff.render_json(report) if locked is None else _with_lock(report, locked))
    else:
        text = diff.render_markdown(report, str(arguments.old_spec), str(arguments.new_spec))
        print(text + (_lock_markdown(locked) if locked else ""), end="")
    refused = locked is not None and not locked.allowed
    return EXIT_FAILED if arguments.fail_on_breaking and (report.breaking or refused) else EXIT_OK


def _against_lock(arguments: argparse.Namespace) -> Comparison | int:
    """NEW_SPEC generated as the target, against its lock; an exit code when it cannot be."""
    from dataclasses import replace
    from pathlib import Path

    from sdkwright import api
    from sdkwright.cli.arguments import usage
    from sdkwright.config import load_targets
    from sdkwright.config_files import CONFIG_NAME, find_config
    from sdkwright.diagnostics import summary
    from sdkwright.surface import lock

    config = find_config(Path.cwd())
    if config is None:
        raise usage(f"--target needs a {CONFIG_NAME} in {Path.cwd()} or its parents")
    found = {t.name: t for t in load_targets(config)}
    if arguments.target not in found:
        raise usage(f"unknown target {arguments.target!r}; {config} declares {sorted(found)}")
    target = found[arguments.target]
    result = api.generate(replace(target, spec=arguments.new_spec.resolve()))
    if result.surface_lock is None or not result.files:
        print_diagnostics(result.diagnostics, argparse.Namespace(format="text", quiet=True))
        print(f"{target.name}: cannot generate ({summary(result.diagnostics)})", file=sys.stderr)
        return EXIT_USAGE
    entry = lock.read(result.surface_lock.path).get(target.name)
    if entry is None:
        print(f"{target.name}: {result.surface_lock.path} has no entry for it", file=sys.stderr)
        return EXIT_USAGE
    return lock.compare(entry, result.surface_lock.surface, target.version)


def _lock_markdown(comparison: Comparison) -> str:
    from sdkwright.diff.report import code
    from sdkwright.surface.lock import change_kind, suggested_bump

    verdict = (
        "allowed"
        if comparison.allowed
        else f"**not allowed**: {comparison.version} is not a major release after "
        f"{comparison.locked_version}"
    )
    lines = [
        "",
        f"### Public surface against the lock (locked at {comparison.locked_version}, "
        f"now {comparison.version})",
        "",
        f"Needs a {suggested_bump(comparison.changes)} release; breaking changes: {verdict}.",
        "",
    ]
    lines += [f"- {change_kind(c)}: {code(c.id)}: {c.detail}" for c in comparison.changes] or [
        "No change to the public surface."
    ]
    return "\n".join(lines) + "\n"


def _with_lock(report: DiffReport, comparison: Comparison) -> str:
    import json

    from sdkwright.diff import render_json
    from sdkwright.surface.lock import change_kind, suggested_bump

    data = json.loads(render_json(report))
    data["surface_lock"] = {
        "locked_version": comparison.locked_version,
        "version": comparison.version,
        "bump": suggested_bump(comparison.changes),
        "allowed": comparison.allowed,
        "changes": [
            {"id": c.id, "kind": change_kind(c), "detail": c.detail} for c in comparison.changes
        ],
    }
    return json.dumps(data, indent=2)
