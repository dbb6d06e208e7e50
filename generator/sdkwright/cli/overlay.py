"""`sdkwright overlay --from OLD --to NEW [-o FILE]`: an OpenAPI Overlay whose application to
the spec OLD gives NEW (`sdkwright.spec.overlays.diff`), e.g. to turn the edits of a copy of
an upstream spec into an overlay and keep the upstream spec pure. Exit 1 when the specs are
equal (no overlay has no actions), 2 when one cannot be read."""

from __future__ import annotations

import sys

from sdkwright.cli.console import EXIT_FAILED, EXIT_OK

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    import argparse


def run(arguments: argparse.Namespace) -> int:
    import os

    from sdkwright.spec.load import load_document
    from sdkwright.spec.overlays.diff import overlay_between, render_overlay

    old, new = load_document(arguments.old), load_document(arguments.new)
    written_to = arguments.output.parent if arguments.output else None
    extends = os.path.relpath(arguments.old, written_to or ".").replace(os.sep, "/")
    try:
        overlay = overlay_between(old.data, new.data, arguments.title, extends)
    except ValueError as error:  # a document that is not an object
        print(f"sdkwright overlay: {error}", file=sys.stderr)
        return EXIT_FAILED
    if not overlay["actions"]:
        print(
            f"{arguments.old} and {arguments.new} are equal: no overlay to write", file=sys.stderr
        )
        return EXIT_FAILED
    text = render_overlay(overlay)
    if arguments.output is None:
        sys.stdout.write(text)
    else:
        arguments.output.write_text(text, encoding="utf-8")
        print(f"{arguments.output}: {len(overlay['actions'])} actions", file=sys.stderr)
    return EXIT_OK
