"""The manifest: what sdkwright wrote into an output folder, and from what.

It lets a run tell its own files from hand-written ones (never touched), delete only files
it wrote, skip re-formatting files whose render did not change, tell a stale SDK from a
hand-edited one, and skip a regeneration where nothing changed (`output/freshness.py`).

    generator   the sdkwright version that wrote the folder
    formatter   the formatter and its version (`ruff 0.17.6`)
    templates   one hash of the template folder in use
    options     the target's options that shape the output (package, client name, flavour)
    inputs      every spec file read, keyed relative to the root spec's folder: its hash
    files       every file written: the hash of its unformatted render and of its bytes
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sdkwright.output import MANIFEST_NAME
from sdkwright.output.provenance import sha256

__all__ = ["MANIFEST_NAME", "FileEntry", "Manifest", "read_manifest", "sha256"]


@dataclass(frozen=True)
class FileEntry:
    render: str
    output: str


@dataclass(frozen=True)
class Manifest:
    generator: str
    formatter: str
    inputs: dict[str, str]
    files: dict[str, FileEntry] = field(default_factory=dict)
    templates: str = ""
    options: dict[str, str] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        data = {
            "generator": self.generator,
            "formatter": self.formatter,
            "templates": self.templates,
            "options": dict(sorted(self.options.items())),
            "inputs": dict(sorted(self.inputs.items())),
            "files": {
                p: {"render": e.render, "output": e.output} for p, e in sorted(self.files.items())
            },
        }
        return (json.dumps(data, indent=2) + "\n").encode()


def parse_manifest(raw: bytes) -> Manifest | None:
    """A manifest from its bytes; None when they are not one (then the folder is foreign)."""
    try:
        data: Any = json.loads(raw)
        files = {p: FileEntry(e["render"], e["output"]) for p, e in data["files"].items()}
        options = data.get("options") or {}
        return Manifest(
            str(data["generator"]),
            str(data["formatter"]),
            {str(k): str(v) for k, v in data["inputs"].items()},
            files,
            str(data.get("templates") or ""),
            {str(k): str(v) for k, v in options.items()},
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def read_manifest(folder: Path) -> Manifest | None:
    try:
        raw = (folder / MANIFEST_NAME).read_bytes()
    except OSError:
        return None
    return parse_manifest(raw)
