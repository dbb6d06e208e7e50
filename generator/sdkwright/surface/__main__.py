"""`python -m sdkwright.surface`: extract a package's public surface, or compare two.

    python -m sdkwright.surface extract FOLDER [--package NAME] [-o surface.json]
    python -m sdkwright.surface diff OLD NEW [--format markdown|json] [--accept FILE] [-o REPORT]

OLD and NEW are folders (a package, or a project holding one) or surface JSON files.
Exit codes of `diff`: 0 nothing incompatible (or all of it accepted), 1 incompatible changes,
2 a usage error or an input that cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sdkwright.surface.compare import compare_surfaces
from sdkwright.surface.extract import extract_surface
from sdkwright.surface.index import SurfaceError
from sdkwright.surface.model import Surface, surface_from_json, surface_to_json
from sdkwright.surface.report import (
    has_incompatible,
    load_accepted,
    report_to_json,
    report_to_markdown,
)

EXIT_OK, EXIT_INCOMPATIBLE, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sdkwright.surface", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print a package's public surface as JSON")
    extract.add_argument("folder", type=Path)
    extract.add_argument("--package", help="the import name, when the folder holds several")
    extract.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    diff = commands.add_parser("diff", help="compare two surfaces: missing / changed / new")
    diff.add_argument("old", type=Path)
    diff.add_argument("new", type=Path)
    diff.add_argument("--package", help="the import name, when a folder holds several")
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown")
    diff.add_argument(
        "--accept", type=Path, help="ids of changes to accept (one per line, or a JSON list)"
    )
    diff.add_argument(
        "--limit", type=int, default=0, help="list at most N entries per status (markdown)"
    )
    diff.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    arguments = parser.parse_args(argv)
    try:
        if arguments.command == "extract":
            _write(
                surface_to_json(extract_surface(arguments.folder, arguments.package)),
                arguments.output,
            )
            return EXIT_OK
        return _diff(arguments)
    except (SurfaceError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE


def _diff(arguments: argparse.Namespace) -> int:
    old = _surface(arguments.old, arguments.package)
    new = _surface(arguments.new, arguments.package)
    report = compare_surfaces(old, new, str(arguments.old), str(arguments.new))
    accepted = load_accepted(arguments.accept) if arguments.accept else frozenset()
    if arguments.format == "json":
        text = report_to_json(report, accepted)
    else:
        text = report_to_markdown(report, accepted, arguments.limit)
    _write(text, arguments.output)
    return EXIT_INCOMPATIBLE if has_incompatible(report, accepted) else EXIT_OK


def _surface(path: Path, package: str | None) -> Surface:
    if path.is_file():
        return surface_from_json(path.read_text(encoding="utf-8"))
    if not path.is_dir():
        raise SurfaceError(f"{path}: no such file or folder")
    return extract_surface(path, package)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
