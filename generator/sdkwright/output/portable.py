"""Whether a tree of generated files can exist on Windows, macOS and Linux alike.

The naming step gives every file a portable name (`targets/python/naming/files.py`); this is
the check of the result, run on every generation before anything is written (and by the
tests over every golden tree and corpus output). A path is portable when each of its parts:
- takes at most `MAX_NAME_BYTES` bytes in UTF-8 (ext4, APFS, NTFS and most others);
- holds no character Windows refuses (`<>:"/\\|?*` and the control characters) and does not
  end with a dot or a space;
- is no Windows device name (`con`, `aux`, `nul`, `prn`, `com1`-`com9`, `lpt1`-`lpt9`, with or
  without an extension, in any case);
and no two paths of the tree differ only by case or Unicode normalisation (macOS and Windows
would make them one file).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from sdkwright.targets.python.naming.files import is_windows_reserved

MAX_NAME_BYTES = 255
_REFUSED_BY_WINDOWS = frozenset('<>:"/\\|?*') | {chr(code) for code in range(32)}


def name_problem(name: str) -> str:
    """Why one file or folder name is not portable ("" when it is)."""
    if len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        return f"is longer than {MAX_NAME_BYTES} bytes"
    refused = sorted(set(name) & _REFUSED_BY_WINDOWS)
    if refused:
        return f"holds {''.join(refused)!r}, which Windows refuses"
    if name.endswith((".", " ")):
        return "ends with a dot or a space, which Windows drops"
    if is_windows_reserved(name):
        return "is a device name on Windows"
    return ""


def problems(paths: Iterable[str]) -> list[str]:
    """What makes the tree of `paths` (relative, '/'-separated) not portable, one line each."""
    found = []
    entries: dict[str, str] = {}  # every file and folder, folded -> as spelled
    for path in sorted(paths):
        parts = path.split("/")
        found += [f"{path}: {part!r} {p}" for part in parts if (p := name_problem(part))]
        for end in range(1, len(parts) + 1):
            entry = "/".join(parts[:end])
            other = entries.setdefault(unicodedata.normalize("NFC", entry).casefold(), entry)
            if other != entry:
                found.append(f"{entry}: differs from {other} only by case")
    return sorted(set(found))
