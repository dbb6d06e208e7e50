"""The library entry points: generate an SDK in memory, then write it or check it.

result = generate(target)            # load, validate, build the IR, render, format
write_result(result, target.output)  # write only what changed
drift = check_result(result, target.output)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator import __version__, format, render
from generator.config import Target
from generator.diagnostics import Diagnostic, GenerationFailed, Level, has_errors
from generator.ir.build import BuildOptions, build_api
from generator.ir.nodes import Api
from generator.load import locate
from generator.manifest import MANIFEST_NAME, FileEntry, Manifest, read_manifest, sha256
from generator.resolve import SpecSet, load_spec
from generator.validate import validate
from generator.write import Change, apply_changes, plan_changes, refuse_foreign_folder


@dataclass(frozen=True)
class Result:
    """A generated SDK in memory: {relative path: bytes}, with its manifest and diagnostics."""

    files: dict[str, bytes]
    diagnostics: list[Diagnostic]
    api: Api | None = None
    manifest: Manifest | None = None
    formatted_count: int = field(default=0, compare=False)


def load_and_validate(spec: Path, *, full: bool = False) -> tuple[SpecSet | None, list[Diagnostic]]:
    try:
        specs, diagnostics = load_spec(spec)
    except GenerationFailed as failure:
        return None, failure.diagnostics
    diagnostics += validate(specs, full=full, refs_ok=not has_errors(diagnostics))
    return specs, diagnostics


def generate(target: Target, *, full_validation: bool = False, strict: bool = False) -> Result:
    """Everything but writing. Never raises for a bad spec: problems come back as diagnostics."""
    specs, diagnostics = load_and_validate(target.spec, full=full_validation)
    if specs is None or has_errors(diagnostics) or (strict and _has_warnings(diagnostics)):
        return Result({}, diagnostics)
    options = BuildOptions(package=target.package, client_name=target.client_name)
    api, build_diagnostics = build_api(specs, options)
    diagnostics += locate(build_diagnostics, specs.documents.values())
    if has_errors(diagnostics) or (strict and _has_warnings(diagnostics)):
        return Result({}, diagnostics, api)
    rendered = render.render_sdk(api)
    previous = read_manifest(target.output)
    try:
        formatted, count = _format_with_cache(rendered, target, previous)
    except GenerationFailed as failure:
        return Result({}, diagnostics + failure.diagnostics, api)
    # Keyed relative to the root spec's folder: the same in every checkout and output folder.
    spec_folder = specs.root.path.parent
    inputs = {
        Path(os.path.relpath(document.path, spec_folder)).as_posix(): sha256(document.text.encode())
        for document in specs.documents.values()
    }
    manifest = Manifest(
        generator=f"sdkwright {__version__}",
        formatter=format.formatter_version(target.formatter),
        inputs=inputs,
        files={p: FileEntry(sha256(rendered[p].encode()), sha256(formatted[p])) for p in rendered},
    )
    files = {**formatted, MANIFEST_NAME: manifest.to_bytes()}
    return Result(files, diagnostics, api, manifest, count)


def _has_warnings(diagnostics: list[Diagnostic]) -> bool:
    return any(d.level is Level.WARNING for d in diagnostics)


def _format_with_cache(
    rendered: dict[str, str], target: Target, previous: Manifest | None
) -> tuple[dict[str, bytes], int]:
    """Reuse a file on disk when its render is unchanged since it was formatted and written."""
    reusable: dict[str, bytes] = {}
    same_tools = previous is not None and previous.formatter == format.formatter_version(
        target.formatter
    )
    for path, text in rendered.items():
        entry = previous.files.get(path) if previous is not None and same_tools else None
        if entry is None or entry.render != sha256(text.encode()):
            continue
        on_disk = target.output / path
        data = on_disk.read_bytes() if on_disk.is_file() else None
        if data is not None and sha256(data) == entry.output:
            reusable[path] = data
    pending = {p: t for p, t in rendered.items() if p not in reusable}
    formatted = format.format_python(pending, target.formatter, first_party=target.package)
    result = {
        p: reusable[p] if p in reusable else formatted.get(p, rendered[p]).encode()
        for p in rendered
    }
    return result, len([p for p in pending if p.endswith(".py")])


def write_result(result: Result, folder: Path, *, force: bool = False) -> list[Change]:
    previous = read_manifest(folder)
    refuse_foreign_folder(folder, previous, force)
    changes = plan_changes(result.files, folder, previous)
    # The manifest goes last: until it is written, the previous one still describes the folder.
    changes.sort(key=lambda change: change.path == MANIFEST_NAME)
    apply_changes(changes, folder)
    return changes


def check_result(result: Result, folder: Path) -> list[Change]:
    """What would change on disk; an empty list means the folder is in sync."""
    return plan_changes(result.files, folder, read_manifest(folder))
