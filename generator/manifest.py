"""The manifest: what sdkwright wrote into an output folder, and from what.

It lets a run tell its own files from hand-written ones (never touched), delete only
files it wrote, and skip re-formatting files whose render did not change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST_NAME = ".sdkwright-manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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

    def to_bytes(self) -> bytes:
        data = {
            "generator": self.generator,
            "formatter": self.formatter,
            "inputs": dict(sorted(self.inputs.items())),
            "files": {
                p: {"render": e.render, "output": e.output} for p, e in sorted(self.files.items())
            },
        }
        return (json.dumps(data, indent=2) + "\n").encode()


def read_manifest(folder: Path) -> Manifest | None:
    path = folder / MANIFEST_NAME
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        files = {p: FileEntry(e["render"], e["output"]) for p, e in data["files"].items()}
        return Manifest(str(data["generator"]), str(data["formatter"]), dict(data["inputs"]), files)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
