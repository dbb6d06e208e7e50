"""The surface of an SDK generated in memory, and what the target's surface lock says of it.

The extractor reads a package from disk (`extract.extract_surface`); a generation's files are
still in memory when `generate` must decide whether it may write them, so they are written to
a temporary folder first (the package's Python files only: a tenth of a second on the goldens).
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from sdkwright.diagnostics import Diagnostic
from sdkwright.ir.matching import endpoint_key, enum_shape, object_shape
from sdkwright.surface import lock
from sdkwright.surface.extract import extract_surface
from sdkwright.surface.model import Surface, TypeDef


def surface_of_files(files: Mapping[str, bytes], package: str) -> Surface:
    """The public surface of `package` among `files` ({relative path: bytes})."""
    prefix = f"{package}/"
    with tempfile.TemporaryDirectory(prefix="sdkwright-surface-") as folder:
        for path, data in files.items():
            if path.startswith(prefix) and path.endswith(".py"):
                destination = os.path.join(folder, path)
                os.makedirs(os.path.dirname(destination), exist_ok=True)
                with open(destination, "wb") as handle:
                    handle.write(data)
        surface = extract_surface(Path(folder) / package, package)
    # What the extractor could not read names the temporary folder: not for a committed file.
    return dataclasses.replace(surface, warnings=())


def pinned_methods(surface: Surface) -> tuple[tuple[str, str], ...]:
    """(endpoint, method name) of every method the surface has: the names a regeneration
    keeps when the spec renames an operation (same HTTP method and path, another
    operationId). Sync clients first; an endpoint two methods call keeps the first's name."""
    pins: dict[str, str] = {}
    for client in sorted(surface.clients, key=lambda c: (c.is_async, c.name)):
        for node in client.root.walk():
            for method in node.methods:
                if method.http_method and method.path:
                    pins.setdefault(endpoint_key(method.http_method, method.path), method.name)
    return tuple(sorted(pins.items()))


def pinned_classes(surface: Surface) -> tuple[tuple[str, str], ...]:
    """(shape, class name) of the surface's public models and enums whose shape no other
    has (`ir.matching`): the names a regeneration keeps when the spec renames a schema."""
    shapes: dict[str, list[str]] = {}
    for typedef in surface.types:
        found = _shape(typedef)
        if typedef.public and found is not None:
            shapes.setdefault(found, []).append(typedef.name)
    return tuple(sorted((k, names[0]) for k, names in shapes.items() if len(set(names)) == 1))


def _shape(typedef: TypeDef) -> str | None:
    if typedef.kind == "enum":
        try:
            return enum_shape(json.loads(value) for value in typedef.values)
        except ValueError:
            return None
    if typedef.fields:
        return object_shape((f.alias or f.name, f.required) for f in typedef.fields)
    return None


@dataclasses.dataclass(frozen=True)
class SurfaceLock:
    """Where a target's surface is locked, and what the target says now."""

    path: Path
    target: str
    version: str  # the target's `version:`
    surface: Surface


def lock_findings(surface_lock: SurfaceLock, accept_breaking: bool = False) -> list[Diagnostic]:
    """The changes since the lock, one diagnostic each (`lock.findings`); none when the lock
    has no entry for the target yet (the first generation writes it)."""
    locked = lock.read(surface_lock.path).get(surface_lock.target)
    if locked is None:
        return []
    comparison = lock.compare(locked, surface_lock.surface, surface_lock.version)
    return lock.findings(comparison, surface_lock.path, accept_breaking)


def record(surface_lock: SurfaceLock) -> bool:
    entry = lock.Locked(surface_lock.version, surface_lock.surface)
    return lock.record(surface_lock.path, surface_lock.target, entry)
