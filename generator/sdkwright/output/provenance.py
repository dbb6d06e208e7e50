"""What an output folder was generated from, as its manifest records it: the generator, the
formatter and their versions, the templates' hash, the spec files' hashes.

Each is computed here once, for the manifest a generation writes and for the no-op fast path
(`output/freshness.py`) that compares them with it, so the two never disagree. Only cheap
standard modules are imported: on GitHub's 3 MB JSON spec the whole no-op answer must take
about as long as `json.loads` of the spec, and interpreter start-up is a third of that budget.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys

from sdkwright import __version__
from sdkwright.cache.store import read_bytes

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

GENERATOR = f"sdkwright {__version__}"
_BOM = b"\xef\xbb\xbf"
# The installed package's folder (sdkwright/): this module lives in its output/ folder.
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sha256(data: bytes) -> str:
    """The hash the manifest records for bytes (a file's render, its output, the manifest)."""
    return hashlib.sha256(data).hexdigest()


def input_digest(data: bytes) -> str:
    """The hash the manifest records for a spec file: of its text as parsed, without a BOM."""
    return sha256(data[len(_BOM) :] if data.startswith(_BOM) else data)


def templates_root() -> str:
    """Where the Python target's templates are (templates/python/, a folder per flavour):
    inside an installed package, else beside it in a checkout (the same rule as
    `engine.templates_root`, kept here so the fast path need not import Jinja)."""
    installed = os.path.join(_PACKAGE, "templates")
    if not os.path.isdir(installed):
        installed = os.path.join(os.path.dirname(os.path.dirname(_PACKAGE)), "templates")
    return os.path.join(installed, "python")


def tree_digest(folder: str, suffix: str = "") -> str:
    """One hash of every file under `folder` (names and bytes), in a stable order.

    Dotfiles (editor swap files) and `__pycache__` are left out: they are never templates.
    """
    digest = hashlib.sha256()
    for relative in sorted(_walk(folder, suffix)):
        data = read_bytes(os.path.join(folder, relative)) or b""
        digest.update(f"{relative}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _walk(folder: str, suffix: str) -> Iterable[str]:
    for directory, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if f != "__pycache__" and not f.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.endswith(suffix):
                path = os.path.relpath(os.path.join(directory, name), folder)
                yield path.replace(os.sep, "/")


def templates_digest(flavour: str | Sequence[str]) -> str:
    """The hash of a built-in flavour's folder, or of template folders searched in order
    (a flavour's own, the ones it extends, a user's): one folder hashes as `tree_digest`."""
    if isinstance(flavour, str):
        return tree_digest(os.path.join(templates_root(), flavour))
    if len(flavour) == 1:
        return tree_digest(flavour[0])
    digest = hashlib.sha256()
    for folder in flavour:
        digest.update(f"{os.path.basename(folder)}\0{tree_digest(folder)}\0".encode())
    return digest.hexdigest()


def is_source_checkout() -> bool:
    """Installed wheels carry the templates inside the package; a checkout has them beside it."""
    return not os.path.isdir(os.path.join(_PACKAGE, "templates"))


@functools.cache
def code_identity() -> str:
    """What identifies the generator's code: the version for a release, and for a checkout
    (where the code changes without the version) the version plus a stamp of the sources.
    Taken once per process: the code a process runs is the code it loaded, even if the
    files change meanwhile (another branch checked out, an edit)."""
    if not is_source_checkout():
        return GENERATOR
    return f"{GENERATOR}+{sources_stamp(_PACKAGE, '.py')[:16]}"


def sources_stamp(folder: str, suffix: str) -> str:
    """One hash of the names, sizes and modification times of the files under `folder` (as
    `tree_digest` walks it): what the interpreter itself checks before it runs a module's
    cached bytecode rather than its source, so it changes whenever the code that runs can.
    Reading and hashing the sources cost 4 ms of every run from a checkout; this, 1 ms."""
    lines: list[str] = []
    _stat_lines(folder, "", suffix, lines)
    return hashlib.sha256("".join(sorted(lines)).encode()).hexdigest()


def _stat_lines(folder: str, prefix: str, suffix: str, lines: list[str]) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                if entry.name != "__pycache__" and not entry.is_symlink():
                    _stat_lines(entry.path, f"{prefix}{entry.name}/", suffix, lines)
            elif entry.name.endswith(suffix):
                stat = entry.stat()
                lines.append(f"{prefix}{entry.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n")


def installed_version(distribution: str) -> str | None:
    """A distribution's version from its `.dist-info` folder name, without importlib.metadata
    (whose import alone costs more than the fast path's whole budget)."""
    prefix = distribution.replace("-", "_").lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and name.lower().startswith(prefix):
                return name[len(prefix) : -len(".dist-info")]
    return None


def installed_formatter(formatter: str) -> str | None:
    """The formatter and version the manifest records (`ruff 0.17.6`) from its installed
    distribution (the binary sdkwright runs is the one it ships), or None when there is none
    (then the fast path is not taken: a full run asks the binary)."""
    version = installed_version(formatter)
    return f"{formatter} {version}" if version else None


def formatter_version(formatter: str) -> str:
    """What the manifest records: `installed_formatter`, else what the binary says (a
    process start)."""
    return installed_formatter(formatter) or formatter_from_binary(formatter)


@functools.cache
def formatter_from_binary(formatter: str) -> str:
    if formatter == "black":
        from importlib.metadata import version

        return f"black {version('black')}"
    import subprocess

    from sdkwright.targets.python.format import ruff_binary

    output = subprocess.run(
        [ruff_binary(), "--version"], capture_output=True, text=True, check=False
    ).stdout
    return output.strip() or "ruff"
