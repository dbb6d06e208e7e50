"""Which files a `$ref` may lead to, and why one may not: inside the root spec's folder (or
the `--spec-root` given), never an absolute path, a NUL or a loop of symbolic links, never a
pipe or a device; remote documents only when the user opted in, read with a timeout and no
more than the size limit.
"""

from __future__ import annotations

import errno
import stat
from dataclasses import dataclass, replace
from pathlib import Path, PureWindowsPath
from urllib.parse import unquote, urljoin, urlsplit

from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location
from sdkwright.spec.load import DEFAULT_LIMITS, Document, Limits, parse_document


class RefError(Exception):
    def __init__(self, message: str, hint: str = "", code: str = "ref.unresolved") -> None:
        super().__init__(message)
        self.hint = hint
        self.code = code


@dataclass(frozen=True)
class RefPolicy:
    """Which files a spec may pull in: files inside the root spec's folder, and remote
    documents only when the user opted in (generation never uses the network otherwise)."""

    root_folder: Path
    allow_remote: bool = False
    limits: Limits = DEFAULT_LIMITS
    timeout_s: float = 20.0


DocumentKey = Path | str  # a resolved local path, or a URL


def document_key(file_part: str, base: Document, policy: RefPolicy) -> DocumentKey:
    """Where a $ref's file part points, or a RefError saying why it may not be followed."""
    raw = unquote(file_part)
    if "\0" in raw:
        raise RefError(
            f"file reference '{file_part}' holds a NUL character, which no file name can",
            "remove the %00 (or \\u0000) from the reference",
        )
    if base.url or "://" in raw:
        url = urljoin(base.url, file_part) if base.url else file_part
        if urlsplit(url).scheme not in ("http", "https"):
            raise RefError(
                f"reference '{file_part}' uses an unsupported scheme",
                "refer to a file by a relative path",
            )
        if not policy.allow_remote:
            raise RefError(
                f"remote reference '{url}' refused",
                "generation uses no network unless --allow-remote-refs is given; or download the file and refer to it by a relative path",
            )
        return url
    if Path(raw).is_absolute() or PureWindowsPath(raw).is_absolute():
        raise RefError(
            f"absolute file reference '{file_part}' refused",
            "refer to files by paths relative to the spec",
        )
    try:
        path = (base.path.parent / raw).resolve()  # follows symlinks: they cannot escape either
    except (OSError, RuntimeError, ValueError) as error:  # RuntimeError: a symlink loop
        raise RefError(
            f"file reference '{file_part}' cannot be followed: {_why(error)}",
            "make the reference name a file, not a loop of symbolic links",
        ) from None
    if not path.is_relative_to(policy.root_folder):
        raise RefError(
            f"file reference '{file_part}' leaves the spec's folder ({policy.root_folder})",
            "keep every file of the spec in the root spec's folder or below it, or widen the folder with --spec-root",
        )
    return path


def _why(error: Exception) -> str:
    if isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP:
        return "its symbolic links form a loop"
    return getattr(error, "strerror", None) or str(error)


def missing_file(file_part: str, path: Path) -> RefError:
    """Why the file a reference names was not loaded: absent, a folder, or not a regular
    file (a FIFO or a device could block or never end, so it is never opened)."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return RefError(f"referenced file '{file_part}' not found", f"looked for {path}")
    if stat.S_ISDIR(mode):
        return RefError(
            f"referenced file '{file_part}' is a folder", "name a spec file, not its folder"
        )
    if not stat.S_ISREG(mode):
        return RefError(
            f"referenced file '{file_part}' is {_file_kind(mode)}, not a regular file",
            "refer to a regular file; sdkwright never reads pipes, sockets or devices",
        )
    return RefError(
        f"referenced file '{file_part}' could not be loaded", "see the error reported for it"
    )


def _file_kind(mode: int) -> str:
    kinds = [
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ]
    return next((name for test, name in kinds if test(mode)), "a special file")


def fetch_document(url: str, policy: RefPolicy) -> Document:
    """A remote document, read with a timeout and no more than the size limit."""
    name = url
    from urllib.request import urlopen  # here: its import costs every run 20 ms

    try:
        with urlopen(url, timeout=policy.timeout_s) as response:  # http(s) only: checked above
            raw = response.read(policy.limits.max_bytes + 1)
    except (OSError, ValueError) as error:
        message = f"cannot fetch remote reference: {error}"
        raise GenerationFailed(
            [Diagnostic(Level.ERROR, "load.remote", message, Location(name))]
        ) from None
    is_json = urlsplit(url).path.lower().endswith(".json")
    document = parse_document(
        raw, Path(urlsplit(url).path or "remote"), name, is_json=is_json, limits=policy.limits
    )
    return replace(document, url=url)
