"""`sdkwright generate --watch`: generate, then regenerate whenever a spec, an overlay, a
template or the config changes, until Ctrl-C."""

from __future__ import annotations

import os
import time

from sdkwright.cli.arguments import fast_path_allowed, targets
from sdkwright.cli.console import EXIT_OK, print_diagnostics
from sdkwright.cli.generate import generate_all

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from sdkwright.config import Target

FileState = dict[str, tuple[int, int] | None]
SETTLE_PAUSE_S = 0.1  # files unchanged this long are taken as written
SETTLE_READS = 20  # a file written without pause for longer is generated from as it is then


def run(arguments: argparse.Namespace) -> int:
    """Generate, then poll the specs, templates and config; regenerate when one changes."""
    watched = targets(arguments)
    state = watched_state(watched)  # taken before generating: an edit made meanwhile shows
    _generate_safely(arguments, watched)
    state = _with_new_files(state, watched)
    print(f"watching {len(state)} files for changes (Ctrl-C to stop)", flush=True)
    try:
        while True:
            time.sleep(max(0.05, arguments.interval))
            current = watched_state(watched)
            if current == state:
                continue
            current = settled(watched, current)
            if current == state:  # written and put back as it was
                continue
            changed = sorted(
                p for p in current.keys() | state.keys() if current.get(p) != state.get(p)
            )
            print(f"changed: {', '.join(changed[:5])}", flush=True)
            state = current
            watched = _reload_targets(arguments, watched)
            _generate_safely(arguments, watched)
            state = _with_new_files(state, watched)
    except KeyboardInterrupt:
        print("stopped watching", flush=True)
        return EXIT_OK


def settled(watched: Sequence[Target], seen: FileState) -> FileState:
    """The watched files' state once writing stops: an editor truncates then writes, a
    `git checkout` touches files one after another. Generating from a half-written spec would
    report errors that are not there, then generate again."""
    for _ in range(SETTLE_READS):
        time.sleep(SETTLE_PAUSE_S)
        again = watched_state(watched)
        if again == seen:
            break
        seen = again
    return seen


def _with_new_files(state: FileState, watched: Sequence[Target]) -> FileState:
    """A generation may reveal files to watch (a spec's new $ref): add them as they are now."""
    return {**watched_state(watched), **state}


def _generate_safely(arguments: argparse.Namespace, watched: list[Target]) -> None:
    """In watch mode a failure (a foreign folder, an unwritable file) is reported, and the
    watch goes on: the next edit may fix it."""
    from sdkwright.diagnostics import GenerationFailed

    try:
        generate_all(arguments, watched, fast_path_allowed(arguments))
    except GenerationFailed as failure:
        print_diagnostics(failure.diagnostics, arguments)


def _reload_targets(arguments: argparse.Namespace, previous: list[Target]) -> list[Target]:
    """sdkwright.yaml may have been the file that changed; a broken one keeps the old targets."""
    from sdkwright.diagnostics import GenerationFailed

    try:
        return targets(arguments)
    except GenerationFailed as failure:
        print_diagnostics(failure.diagnostics, arguments)
        return previous


def _watched_files(watched: Sequence[Target]) -> set[str]:
    """Each target's spec files (from its manifest, so files reached by $ref count) and
    overlays (listed too: a first generation that failed wrote no manifest), the templates,
    and the config file."""
    from pathlib import Path

    from sdkwright.config import template_folders
    from sdkwright.config_files import find_config
    from sdkwright.output.manifest import read_manifest

    files: set[str] = set()
    for target in watched:
        files.add(os.path.abspath(target.spec))
        files.update(os.path.abspath(overlay) for overlay in target.overlays)
        manifest = read_manifest(target.output)
        for relative in manifest.inputs if manifest else ():
            files.add(os.path.abspath(target.spec.parent / relative))
    for templates in {folder for target in watched for folder in template_folders(target)}:
        for directory, _, names in os.walk(templates):
            files.update(os.path.join(directory, name) for name in names)
    config = find_config(Path.cwd())
    if config is not None:
        files.add(str(config.resolve()))
    return files


def watched_state(watched: Sequence[Target]) -> FileState:
    state: FileState = {}
    for path in _watched_files(watched):
        try:
            st = os.stat(path)
            state[path] = (st.st_mtime_ns, st.st_size)
        except OSError:
            state[path] = None
    return state
