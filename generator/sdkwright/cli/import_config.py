"""`sdkwright import-config PATH [--spec SPEC] [--target NAME] [-o sdkwright.yaml]`: a target
from a Stainless config (`stainless.yml`, or a Stainless SDK checkout), written into the config
file or replacing the target of that name there (migrate/stainless/import_config.py). What
could not be mapped is printed as located warnings. Exit 0 when the target was written, 1 when
nothing was (an unreadable config, no spec, a target that would not load), 2 a usage error."""

from __future__ import annotations

import sys

from sdkwright.cli.console import EXIT_FAILED, EXIT_OK, EXIT_USAGE, print_diagnostics

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    import argparse
    from pathlib import Path


def run(arguments: argparse.Namespace) -> int:
    from pathlib import Path

    from sdkwright.config_files import PYPROJECT
    from sdkwright.config_update import existing_target, write_target
    from sdkwright.diagnostics import GenerationFailed
    from sdkwright.migrate.stainless.import_config import import_target, read_surface

    config = arguments.output or Path("sdkwright.yaml")
    if config.name == PYPROJECT:
        print("sdkwright import-config: -o must name a YAML config file", file=sys.stderr)
        return EXIT_USAGE
    if not arguments.source.exists():
        print(f"sdkwright import-config: {arguments.source} does not exist", file=sys.stderr)
        return EXIT_USAGE
    try:
        surface = read_surface(arguments.source)
        name = arguments.target or surface.package
        existing = existing_target(config, name)
        spec = arguments.spec or _existing_spec(existing, config)
        if spec is None:
            print(
                f"sdkwright import-config: no spec: pass --spec (target '{name}' is new)",
                file=sys.stderr,
            )
            return EXIT_FAILED
        imported = import_target(surface, arguments.source, spec, config.parent, name, existing)
        print_diagnostics(imported.diagnostics, arguments)
        replaced = write_target(config, imported.target)
    except GenerationFailed as failure:
        print_diagnostics(failure.diagnostics, arguments)
        return EXIT_FAILED
    if not arguments.quiet and arguments.format == "text":
        verb = "updated" if replaced else "added"
        print(f"{config}: target '{name}' {verb}", file=sys.stderr)
    return EXIT_OK


def _existing_spec(existing: dict[str, object] | None, config: Path) -> Path | None:
    """The spec an existing target names, relative to its config file."""
    spec = existing.get("spec") if existing else None
    return config.parent / spec if isinstance(spec, str) else None
