"""A target's paths beside its config file: its template folder and its overlay files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sdkwright.config_files import Failure


def read_templates(relative: str, base: Path, pointer: str, failure: Failure) -> Path | None:
    """A target's `templates:` folder (relative to the config file), which must exist."""
    if not relative:
        return None
    folder = base / relative
    if not folder.is_dir():
        raise failure(
            f"{pointer}/templates",
            f"templates folder '{relative}' does not exist",
            "a path relative to the config file, holding .jinja files named like the built-in ones",
        )
    return folder


def read_overlays(value: Any, base: Path, pointer: str, failure: Failure) -> tuple[Path, ...]:
    """A target's `overlays:` files (relative to the config file), each of which must exist."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise failure(pointer, "'overlays' must be a list of overlay files")
    found = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise failure(f"{pointer}/{index}", "an overlay must be a file path (a string)")
        path = base / item
        if not path.is_file():
            raise failure(
                f"{pointer}/{index}",
                f"overlay file '{item}' does not exist",
                "a path relative to the config file, to an OpenAPI Overlay (YAML or JSON)",
            )
        found.append(path)
    return tuple(found)
