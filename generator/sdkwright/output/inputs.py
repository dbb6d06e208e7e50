"""A generation's inputs (the spec's documents and its overlays) as the manifest and the
pristine store record them."""

from __future__ import annotations

import os
from pathlib import Path

from sdkwright.output.manifest import sha256
from sdkwright.spec.resolve import SpecSet


def input_hashes(specs: SpecSet) -> dict[str, str]:
    """Keyed relative to the root spec's folder: the same in every checkout and output folder.
    Hashes of the text as parsed, so the fast path can hash the file without parsing it."""
    spec_folder = specs.root.path.parent
    overlays = specs.overlays.overlays if specs.overlays is not None else ()
    return {
        Path(os.path.relpath(document.path, spec_folder)).as_posix(): sha256(document.text.encode())
        for document in (*specs.documents.values(), *overlays)
    }


def input_texts(specs: SpecSet) -> dict[str, bytes]:
    """Every input's text by the hash the manifest records for it: kept in the pristine store,
    so that `generate --bump` can compare the next spec with this one."""
    overlays = specs.overlays.overlays if specs.overlays is not None else ()
    texts = (document.text.encode() for document in (*specs.documents.values(), *overlays))
    return {sha256(text): text for text in texts}
