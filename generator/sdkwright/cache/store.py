"""The local cache: one folder per kind of entry, one file per entry, one way to read,
write and bound them.

Everything sdkwright keeps between runs outside the output folders lives here, under
SDKWRIGHT_CACHE_DIR, else $XDG_CACHE_HOME/sdkwright, else ~/.cache/sdkwright:

    parse/      parsed YAML entries of a large spec, per spec file  (cache/parsed_yaml.py)
    render/     rendered units, per output folder                   (cache/render_cache.py)
    templates/  compiled templates not shipped with the package     (cache/template_bytecode.py)
    stamps/     the no-op fast path's stamp and stats, per folder   (cache/stamps.py)

An entry's file is named by `key(...)`, a hash of what it is about (a file's real path, a
template's name and options), and holds a tag line naming its format, then the value as
marshal. A value whose tag is not the reader's (another sdkwright wrote it) is no value. Writes
replace the file whole (written aside, then renamed), so readers never see half an entry; each
folder keeps a bounded number of entries. Every cache is optional: an entry that cannot be read
is absent, one that cannot be written only makes the next run slower. Deleting the folder is
always safe.

Only cheap standard modules are imported (no pathlib, tempfile or json): the no-op fast path
reads its stamp through this module.
"""

from __future__ import annotations

import hashlib
import itertools
import marshal
import os

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    from typing import Any

Stat = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
_aside = itertools.count()  # tells apart the files one process writes aside at once


def cache_dir() -> str:
    explicit = os.environ.get("SDKWRIGHT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "sdkwright")


def key(text: str) -> str:
    """An entry's file name: the hash of what the entry is about."""
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def path_key(path: str) -> str:
    """The name of an entry about a file or folder: the same for every path that reaches it."""
    return key(os.path.realpath(path))


class Store:
    """The entries of one kind, in `folder`, tagged `tag`; past `keep` entries the oldest go
    (`keep=None`: never, for a folder that is built once, like the shipped templates)."""

    def __init__(self, folder: str, tag: str, keep: int | None) -> None:
        assert "\n" not in tag, tag
        self.folder = folder
        self.tag = tag
        self.keep = keep

    @classmethod
    def local(cls, kind: str, tag: str, keep: int) -> Store:
        """The store of one kind in the user's cache folder."""
        return cls(os.path.join(cache_dir(), kind), tag, keep)

    def path(self, name: str) -> str:
        return os.path.join(self.folder, name)

    def load(self, name: str) -> Any:
        """The value stored as `name`, or None."""
        return load_entry(self.path(name), self.tag)

    def save(self, name: str, value: Any) -> None:
        """Best effort: a cache that cannot be written only makes the next run slower."""
        save_entry(self.path(name), self.tag, value, self.keep)

    def write(self, name: str, value: Any) -> None:
        """As `save`, but a failure raises (OSError): for a folder that must be complete."""
        write_entry(self.path(name), self.tag, value)


def load_entry(path: str, tag: str) -> Any:
    """The value of the entry at `path` if it is one of `tag`, else None."""
    data = read_bytes(path)
    header = tag.encode() + b"\n"
    if data is None or not data.startswith(header):
        return None
    try:
        return marshal.loads(memoryview(data)[len(header) :])
    except (EOFError, ValueError, TypeError):
        return None  # truncated, or not marshal: as if absent


def save_entry(path: str, tag: str, value: Any, keep: int | None) -> None:
    """`write_entry`, then bound the folder; best effort."""
    try:
        write_entry(path, tag, value)
        if keep is not None:
            prune(os.path.dirname(path), keep)
    except (OSError, ValueError):  # ValueError: a value marshal cannot hold
        return


def write_entry(path: str, tag: str, value: Any) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    write_atomically(path, tag.encode() + b"\n", marshal.dumps(value))


def write_atomically(path: str, *chunks: bytes) -> None:
    """Replace `path` with `chunks` at once: a reader sees the old bytes or the new ones."""
    aside = f"{path}.{os.getpid()}.{next(_aside)}.tmp"
    descriptor = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with open(descriptor, "wb", closefd=True) as stream:
            for chunk in chunks:
                stream.write(chunk)
        os.replace(aside, path)
    except BaseException:
        _remove(aside)
        raise


def prune(folder: str, keep: int) -> None:
    """Keep a folder bounded: past `keep` files, drop the oldest (of folders long gone), down
    to half of `keep`, so that pruning is rare."""
    names = os.listdir(folder)
    if len(names) <= keep:
        return
    dated = []
    for name in names:
        path = os.path.join(folder, name)
        try:
            dated.append((os.stat(path).st_mtime_ns, path))
        except OSError:
            continue  # another run pruned it first
    dated.sort()
    for _, path in dated[: len(dated) - keep // 2]:
        _remove(path)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        return  # another run removed it first


def write_file(path: str, data: bytes, *, exclusive: bool = False) -> None:
    """`data` into the file at `path`, made or emptied first (`exclusive`: made, never an
    existing one) by plain os calls: a buffered file object costs more than the write of
    one of an SDK's small files, and there are thousands."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC) | _BINARY
    descriptor = os.open(path, flags, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


_BINARY = getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)  # Windows; POSIX


def read_bytes(path: str) -> bytes | None:
    found = read_with_stat(path)
    return found[1] if found is not None else None


def read_with_stat(path: str) -> tuple[Stat, bytes] | None:
    """A file's stat and bytes from one open: plain os calls, without `open()`'s buffered
    reader, cost half as much on the hundreds of small files of an SDK."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        st = os.fstat(descriptor)
        data = os.read(descriptor, st.st_size + 1)  # short only at the end of the file
        if len(data) > st.st_size:  # the file grew since fstat: read the rest
            chunks = [data]
            while chunks[-1]:
                chunks.append(os.read(descriptor, 1 << 20))
            data = b"".join(chunks)
        return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino), data
    except OSError:
        return None
    finally:
        os.close(descriptor)
