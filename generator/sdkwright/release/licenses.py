"""The LICENSE file of an SDK: the official SPDX text of the target's `license:` id."""

from __future__ import annotations

from pathlib import Path

_TEXTS = Path(__file__).resolve().parent / "licenses"
# Where a license's text names its copyright holder, filled from the target's `copyright:`.
_HOLDER_LINES = {"MIT": "Copyright (c) <year> <copyright holders>"}


def supported() -> list[str]:
    """The SPDX ids whose text sdkwright carries."""
    return sorted(p.stem for p in _TEXTS.glob("*.txt"))


def needs_holder(spdx_id: str) -> bool:
    return spdx_id in _HOLDER_LINES


def license_text(spdx_id: str, holder: str = "") -> str:
    """The license's official text, its copyright line naming `holder` where it has one."""
    text = (_TEXTS / f"{spdx_id}.txt").read_text(encoding="utf-8")
    line = _HOLDER_LINES.get(spdx_id)
    if line is not None:
        text = text.replace(line, f"Copyright (c) {holder}", 1)
    return text if text.endswith("\n") else text + "\n"
