"""The overlay lock: what each overlay action matched when the SDK was last generated.

An upstream spec change can make an overlay action silently stop doing its job: its target
then matches nothing (a renamed operation), other nodes (a filter that now selects more), or
nodes that already hold what it writes (upstream took the fix). Overlay application succeeds
in every case, as the specification wants, so `generate` records each action's outcome in a
small committed file beside the config, and `check` compares a new application with it.

    {
      "version": 1,
      "targets": {
        "clearstreet": [
          {"overlay": "overlays/sdk.yaml", "action": 1, "target": "$.info",
           "matched": ["$['info']"], "changed": true, "result": "<sha256>"}
        ]
      }
    }

`result` hashes the values left at the targets: when only it differs, the upstream spec
changed inside what the action touched, which is worth a note but not a failure.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location
from sdkwright.spec.overlays.apply import ActionReport

LOCK_VERSION = 1
MAX_LISTED = 5
Entry = dict[str, Any]
_HINT = "if the spec change is intended, fix the overlay (or accept the change) and run `sdkwright generate` to record it"


def lock_entries(reports: Iterable[ActionReport], base: Path) -> list[Entry]:
    """One target's lock entries: overlay paths relative to `base` (the lock's folder)."""
    return [
        {
            "overlay": _relative(report.overlay, base),
            "action": report.index + 1,
            "target": report.target,
            "matched": list(report.matched),
            "changed": report.changed,
            "result": report.result,
        }
        for report in reports
    ]


def compare(
    locked: Sequence[Entry] | None, reports: Sequence[ActionReport], base: Path
) -> list[Diagnostic]:
    """Findings for one target: errors where an action now matches nothing, matches other
    nodes, changes nothing, or is not what the lock recorded; a note where only the result
    at its targets changed."""
    if locked is None:
        if not reports:
            return []
        return [
            _finding(
                reports[0],
                Level.ERROR,
                "overlay.lock-missing",
                "the overlay lock has no entry for this target",
                "run `sdkwright generate` to write it",
            )
        ]
    current = lock_entries(reports, base)
    by_key = {_key(entry): entry for entry in locked}
    findings: list[Diagnostic] = []
    for report, entry in zip(reports, current, strict=True):
        findings.extend(_compare_action(report, entry, by_key.pop(_key(entry), None)))
    for entry in by_key.values():
        findings.append(
            Diagnostic(
                Level.ERROR,
                "overlay.lock-stale",
                f"the lock records action {entry.get('action')} ({entry.get('target')}) of {entry.get('overlay')},"
                " which the overlays no longer have",
                Location(str(entry.get("overlay"))),
                "run `sdkwright generate` to update the lock",
            )
        )
    return findings


def _compare_action(report: ActionReport, entry: Entry, locked: Entry | None) -> list[Diagnostic]:
    label = _label(report)
    if locked is None:
        return [
            _finding(
                report,
                Level.ERROR,
                "overlay.lock-stale",
                f"{label} is not in the overlay lock",
                "run `sdkwright generate` to record it",
            )
        ]
    if not report.matched:
        was = _listed(locked.get("matched", []))
        return [
            _finding(
                report,
                Level.ERROR,
                "overlay.lock-no-match",
                f"{label} matches nothing now; when locked it matched {was}",
                _HINT,
            )
        ]
    if set(report.matched) != set(locked.get("matched", [])):
        gone = sorted(set(locked.get("matched", [])) - set(report.matched))
        new = sorted(set(report.matched) - set(locked.get("matched", [])))
        detail = "; ".join(
            part
            for part in (
                f"no longer {_listed(gone)}" if gone else "",
                f"now also {_listed(new)}" if new else "",
            )
            if part
        )
        return [
            _finding(
                report,
                Level.ERROR,
                "overlay.lock-moved",
                f"{label} matches different nodes: {detail}",
                _HINT,
            )
        ]
    if not report.changed:
        return [
            _finding(
                report,
                Level.ERROR,
                "overlay.lock-no-change",
                f"{label} changes nothing now: the spec already holds what it writes",
                "the upstream spec may have taken the change: remove the action, then run `sdkwright generate`",
            )
        ]
    if entry["result"] != locked.get("result"):
        return [
            _finding(
                report,
                Level.INFO,
                "overlay.lock-result",
                f"{label} leaves different values at its targets than when locked (the spec changed there)",
                "run `sdkwright generate` to record them",
            )
        ]
    return []


def _label(report: ActionReport) -> str:
    """How findings name an action: its number, its description when it has one, its target."""
    described = f'"{report.description}", ' if report.description else ""
    return f"overlay action {report.index + 1} ({described}{report.target})"


def _finding(report: ActionReport, level: Level, code: str, message: str, hint: str) -> Diagnostic:
    where = report.where or Location(report.overlay)
    return Diagnostic(level, code, message, where, hint)


def _listed(paths: Sequence[str]) -> str:
    if not paths:
        return "nothing"
    shown = ", ".join(paths[:MAX_LISTED])
    return shown + (f" and {len(paths) - MAX_LISTED} more" if len(paths) > MAX_LISTED else "")


def _key(entry: Entry) -> tuple[str, int, str]:
    return (str(entry.get("overlay")), int(entry.get("action") or 0), str(entry.get("target")))


def _relative(name: str, base: Path) -> str:
    return Path(os.path.relpath(Path(name).resolve(), base.resolve())).as_posix()


# -- the file ------------------------------------------------------------------------------


def render(targets: dict[str, list[Entry]]) -> bytes:
    data = {"version": LOCK_VERSION, "targets": dict(sorted(targets.items()))}
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()


def parse(raw: bytes, name: str) -> dict[str, list[Entry]]:
    """The lock's targets; a lock that is not one raises GenerationFailed naming the file."""
    try:
        data = json.loads(raw)
        if data.get("version") != LOCK_VERSION:
            raise ValueError(f"version {data.get('version')!r}, not {LOCK_VERSION}")
        targets = data["targets"]
        if not all(
            isinstance(v, list) and all(isinstance(e, dict) for e in v) for v in targets.values()
        ):
            raise ValueError("every target must hold a list of actions")
        return {str(k): list(v) for k, v in targets.items()}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        message = f"the overlay lock is not readable: {error}"
        hint = "delete it and run `sdkwright generate` to write it again"
        raise GenerationFailed(
            [Diagnostic(Level.ERROR, "overlay.lock-invalid", message, Location(name), hint)]
        ) from None


def read(path: Path) -> dict[str, list[Entry]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        message = f"cannot read the overlay lock: {error.strerror}"
        raise GenerationFailed(
            [Diagnostic(Level.ERROR, "overlay.lock-invalid", message, Location(str(path)))]
        ) from None
    return parse(raw, str(path))


def check(path: Path, target: str, reports: Sequence[ActionReport]) -> list[Diagnostic]:
    """`check`'s findings for one target against the lock at `path`."""
    return compare(read(path).get(target), reports, path.parent)


def record(path: Path, target: str, reports: Sequence[ActionReport]) -> bool:
    """Write what `generate` applied into the lock at `path` (atomically; other targets'
    entries kept); False when the lock already said exactly that."""
    targets = read(path)
    targets[target] = lock_entries(reports, path.parent)
    data = render(targets)
    if path.is_file() and path.read_bytes() == data:
        return False
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return True
