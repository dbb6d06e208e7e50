"""`sdkwright generate --bump`: the semver bump `sdkwright diff` computes between the spec the
last generation was made from and the spec now, applied to the SDK's version, with the
changelog entry that says why.

The last generation's inputs are in its pristine store, by the hashes its manifest records
(`output/inputs.py`), so the old spec is rebuilt from there, whatever happened to the file
since. Versions follow Semantic Versioning; below 1.0.0, where the API is not stable yet, a
breaking change raises the minor version and anything else the patch (0.3.1 -> 0.4.0 for a
breaking change, 0.3.2 for a feature), as Cargo and most 0.x libraries read it.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from sdkwright import diff
from sdkwright.config import Target
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location
from sdkwright.diff.report import DiffReport
from sdkwright.ir.nodes import Api
from sdkwright.output.manifest import Manifest, read_manifest
from sdkwright.output.merge import read_pristine
from sdkwright.release.changelog import bump_entry, changelog_source

_CORE = re.compile(r"(\d+)\.(\d+)\.(\d+)")


@dataclass(frozen=True)
class Bump:
    target: Target  # with the new version
    kind: str  # major, minor, patch or none (what diff found)
    entry: str | None  # the changelog entry; None when nothing changed for users
    report: DiffReport


def next_version(version: str, kind: str) -> str:
    """`version` raised by a `kind` change (pre-release and build parts dropped)."""
    found = _CORE.match(version)
    if found is None or kind == "none":
        return version
    major, minor, patch = (int(part) for part in found.groups())
    if major == 0:
        kind = "minor" if kind == "major" else "patch"
    if kind == "major":
        return f"{major + 1}.0.0"
    if kind == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def plan_bump(target: Target, today: datetime.date | None = None) -> Bump:
    """The target with its version raised by what changed since the last generation, and the
    changelog entry (dated `today`, UTC by default). Problems raise located errors."""
    previous = read_manifest(target.output)
    if previous is None:
        raise _failure(
            target,
            "there is no previous generation to compare with",
            "generate once without --bump",
        )
    with tempfile.TemporaryDirectory(prefix="sdkwright-bump-") as folder:
        old_spec, old_overlays = _restore_inputs(target, previous, Path(folder))
        old = _ir(target, old_spec, old_overlays, "the last generation's spec")
        new = _ir(target, target.spec, target.overlays, str(target.spec))
    report = diff.compare(old, new)
    kind = report.bump
    if kind == "none":
        return Bump(target, kind, None, report)
    version = next_version(target.version, kind)
    day = (today or datetime.datetime.now(datetime.UTC).date()).isoformat()
    entry = bump_entry(version, day, changelog_source(new), report)
    return Bump(replace(target, version=version), kind, entry, report)


def _ir(target: Target, spec: Path, overlays: tuple[Path, ...], name: str) -> Api:
    api, diagnostics = diff.build_ir(
        spec, target.package, target.client_name, overlays, target.lenient
    )
    if api is None:
        errors = [d for d in diagnostics if d.level is Level.ERROR]
        raise GenerationFailed(errors or [_diagnostic(target, f"cannot build {name}")])
    return api


def _restore_inputs(
    target: Target, previous: Manifest, folder: Path
) -> tuple[Path, tuple[Path, ...]]:
    """The last generation's spec files (and overlays) written under `folder` at their
    recorded places relative to the root spec; the root spec and the overlays there."""
    depth = max((_ups(relative) for relative in previous.inputs), default=0)
    root = folder.joinpath(*["up"] * depth)
    for relative, digest in previous.inputs.items():
        data = read_pristine(target.output, digest)
        if data is None:
            raise _failure(
                target,
                f"the last generation's input {relative} is not in the pristine store",
                "it was made by an older sdkwright: generate once without --bump first",
            )
        path = Path(os.path.normpath(root / relative))
        if not path.is_relative_to(folder):
            raise _failure(target, f"input path {relative} leaves the spec's folder", "")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    spec = root / target.spec.name
    if target.spec.name not in previous.inputs:
        raise _failure(target, f"the last generation was not made from {target.spec.name}", "")
    recorded = json.loads(previous.options.get("overlays", "[]"))
    return spec, tuple(Path(os.path.normpath(root / r)) for r in recorded)


def _ups(relative: str) -> int:
    parts = PurePosixPath(relative).parts
    return next((index for index, part in enumerate(parts) if part != ".."), len(parts))


def _diagnostic(target: Target, message: str, hint: str = "") -> Diagnostic:
    where = Location(str(target.output))
    return Diagnostic(Level.ERROR, "bump.unavailable", message, where, hint)


def _failure(target: Target, message: str, hint: str) -> GenerationFailed:
    return GenerationFailed([_diagnostic(target, message, hint)])
