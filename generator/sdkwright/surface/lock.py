"""The public-surface lock: what the generated SDK of each target offered its users when it was
last generated, and the SDK version it was written for.

`generate` writes it beside the config (`sdkwright-surface.lock.json`, one file for every
target of the config, committed with it); `check` and `generate` compare the new SDK's surface
with it (`surface.compare`) and classify each change:

- breaking (old code may fail: a removed method, field or type, a narrower parameter type...);
- feature (old code keeps working and there is more: a new method, optional parameter, type);
- fix (breaks nothing and adds nothing: a changed default, a value added to a response enum).

A breaking change is allowed only when the target's `version:` says a major release since the
lock: its major above the lock's, or, below 1.0.0, its minor above the lock's (SemVer leaves
0.x open; like Cargo and npm's caret ranges, sdkwright reads 0.MINOR as the major).

    {
      "version": 1,
      "targets": {
        "clearstreet": {"sdk_version": "0.1.0", "surface": {"package": "clearstreet", ...}}
      }
    }

The surface is `surface.model.Surface` as data, without the fields that hold their default,
and a container fits on one line when it is short (`render`): one parameter or field a line,
so a change to the SDK is a change of a few lines of the lock.
Each record (a parameter, a field, an option, an error class) holds one line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location
from sdkwright.surface.codec import from_data
from sdkwright.surface.compare import compare_surfaces
from sdkwright.surface.model import Surface
from sdkwright.surface.report import Change

LOCK_VERSION = 1
LINE_WIDTH = 100  # a container whose JSON fits in this many characters stays on one line
KINDS = {"breaking": "breaking", "compatible": "feature", "note": "fix"}  # severity -> kind
ACCEPT_FLAG = "--accept-breaking"


@dataclass(frozen=True)
class Locked:
    """One target's entry: its SDK's version when locked, and its public surface then."""

    sdk_version: str
    surface: Surface


def change_kind(change: Change) -> str:
    """breaking, feature or fix: what the change asks of the version (major, minor, patch)."""
    return KINDS[change.severity]


def breaking_allowed(locked_version: str, version: str) -> bool:
    """Whether `version` is a major release after `locked_version` (0.x: a minor one is)."""
    old, new = _release(locked_version), _release(version)
    if old[0] == 0 and new[0] == 0:
        return new[1] > old[1]
    return new[0] > old[0]


def _release(version: str) -> tuple[int, int]:
    """MAJOR and MINOR of a semantic version (pre-release and build do not count)."""
    core = version.split("+", 1)[0].split("-", 1)[0].split(".")
    try:
        return int(core[0]), int(core[1]) if len(core) > 1 else 0
    except ValueError:
        return 0, 0


@dataclass(frozen=True)
class Comparison:
    """The new surface against the lock: each change with its kind, and whether the version
    allows the breaking ones."""

    changes: tuple[Change, ...]
    locked_version: str
    version: str

    @property
    def breaking(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if change_kind(c) == "breaking")

    @property
    def allowed(self) -> bool:
        return not self.breaking or breaking_allowed(self.locked_version, self.version)


def compare(locked: Locked, surface: Surface, version: str) -> Comparison:
    report = compare_surfaces(locked.surface, surface, "lock", "generated")
    return Comparison(report.changes, locked.sdk_version, version)


def findings(comparison: Comparison, lock: Path, accepted: bool = False) -> list[Diagnostic]:
    """One diagnostic per change: an error per breaking change the version does not allow
    (unless `accepted`), a warning per allowed one, a note per feature or fix."""
    where = Location(str(lock))
    refused = not comparison.allowed and not accepted
    why = f"version {comparison.version} is not a major release after {comparison.locked_version}"
    hint = (
        f"bump the target's 'version:' (major; below 1.0.0, minor), or run `sdkwright generate {ACCEPT_FLAG}`"
        if refused
        else ""
    )
    result = []
    for change in comparison.changes:
        kind = change_kind(change)
        level = Level.INFO
        if kind == "breaking":
            level = Level.ERROR if refused else Level.WARNING
        detail = f"{kind}: {change.id}: {change.detail}"
        if change.status == "changed" and (change.old is not None or change.new is not None):
            detail += f" ({change.old} -> {change.new})"
        if level is Level.ERROR:
            detail += f"; {why}"
        result.append(Diagnostic(level, f"surface.{kind}", detail, where, hint))
    return result


def suggested_bump(changes: Iterable[Change]) -> str:
    """major, minor, patch or none: the least release the changes need."""
    kinds = {change_kind(c) for c in changes}
    for kind, bump in (("breaking", "major"), ("feature", "minor"), ("fix", "patch")):
        if kind in kinds:
            return bump
    return "none"


# -- the file ------------------------------------------------------------------------------


def render(targets: dict[str, Locked]) -> bytes:
    data = {
        "version": LOCK_VERSION,
        "targets": {
            name: {"sdk_version": entry.sdk_version, "surface": _lean(entry.surface)}
            for name, entry in sorted(targets.items())
        },
    }
    return (_dumps(data, 0) + "\n").encode()


def _lean(value: object) -> Any:
    """A dataclass tree as data, without the fields that hold their default value."""
    if is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _lean(getattr(value, f.name))
            for f in fields(value)
            if getattr(value, f.name) != f.default
        }
    if isinstance(value, tuple | list):
        return [_lean(item) for item in value]
    return value


def _dumps(value: Any, indent: int) -> str:
    """JSON with one record a line: a container goes on one line when it holds no object
    (a parameter, a field, a list of names) or fits in LINE_WIDTH; else one item a line."""
    flat = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if not isinstance(value, dict | list) or not value or _is_record(value):
        return flat
    if indent + len(flat) <= LINE_WIDTH:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [
            f"{pad}{json.dumps(k, ensure_ascii=False)}: {_dumps(v, indent + 2)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    lines = [pad + _dumps(item, indent + 2) for item in value]
    return "[\n" + ",\n".join(lines) + "\n" + " " * indent + "]"


def _is_record(value: dict[str, Any] | list[Any]) -> bool:
    """Holds only scalars and lists of scalars: one line, however long."""
    items = value.values() if isinstance(value, dict) else value
    return not any(
        isinstance(item, dict) or (isinstance(item, list) and not _is_record(item))
        for item in items
    )


def parse(raw: bytes, name: str) -> dict[str, Locked]:
    """The lock's targets; a lock that is not one raises GenerationFailed naming the file."""
    try:
        data = json.loads(raw)
        if data.get("version") != LOCK_VERSION:
            raise ValueError(f"version {data.get('version')!r}, not {LOCK_VERSION}")
        return {
            str(target): Locked(str(entry["sdk_version"]), from_data(Surface, entry["surface"]))
            for target, entry in data["targets"].items()
        }
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        message = f"the surface lock is not readable: {error}"
        hint = "restore it from version control, or delete it and run `sdkwright generate`"
        raise GenerationFailed(
            [Diagnostic(Level.ERROR, "surface.lock-invalid", message, Location(name), hint)]
        ) from None


def read(path: Path) -> dict[str, Locked]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        message = f"cannot read the surface lock: {error.strerror}"
        raise GenerationFailed(
            [Diagnostic(Level.ERROR, "surface.lock-invalid", message, Location(str(path)))]
        ) from None
    return parse(raw, str(path))


def record(path: Path, target: str, entry: Locked) -> bool:
    """Write `entry` as `target`'s in the lock at `path` (atomically; other targets' entries
    kept); False when the lock already said exactly that."""
    targets = read(path)
    targets[target] = entry
    data = render(targets)
    if path.is_file() and path.read_bytes() == data:
        return False
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return True
