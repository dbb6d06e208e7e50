"""Hand edits survive regeneration: a 3-way merge per file, a pristine store, an ignore file.

Per file, three versions: base, what the last generation wrote (kept in the pristine store);
ours, the file on disk, perhaps edited by hand; theirs, what this generation writes. Edits
that do not overlap the generator's changes are kept; overlapping ones are conflicts, with the
line ranges of the edited file, and the file is left as it is (conflict markers only when
asked for). The text merge is merge3's (the diff3 algorithm of bzr and Breezy); lines are
compared exactly, except that a file the user's editor turned to CRLF is merged as LF and
written back as CRLF. Files that are not UTF-8 text merge whole: one side's change wins when
only one side changed, anything else is a conflict.

Statuses: `unchanged`, `generated` (written as generated: new, or not edited by hand),
`removed` (no longer generated and not edited), `customised` (hand edits kept, merged with the
generation), `redundant` (edited by hand, but the new generation already holds every edit: safe
to drop), `kept-deleted` (deleted by hand, and the generator did not change it: stays deleted),
`conflict`, `ignored` (listed in the ignore file: never regenerated).

The pristine store: `.sdkwright-pristine/` in the output folder holds the bytes of every file
the last generation wrote, zlib-compressed, named by their SHA-256 (`ab/cdef...`), which is the
`output` hash the manifest records for the file: the manifest is the store's index, and a blob
whose bytes do not hash to its name is not used. No git is needed.

The store holds a `.gitattributes` marking its blobs binary: git then never diffs them as text
or converts their line ends (core.autocrlf would damage them; a damaged blob is not used, and
the edited file it was the base of becomes a whole-file conflict).

The ignore file: `.sdkwrightignore` in the output folder, gitignore patterns (pathspec's
GitIgnoreSpec): a file it matches is never written, merged or removed by a generation.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import zlib
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sdkwright.output import IGNORE_NAME, PRISTINE_DIR

if TYPE_CHECKING:  # merge3 and pathspec load only when a folder has hand edits or an ignore file
    import merge3

Status = Literal[
    "unchanged",
    "generated",
    "removed",
    "customised",
    "redundant",
    "kept-deleted",
    "conflict",
    "ignored",
]
CUSTOMISED: frozenset[Status] = frozenset({"customised", "redundant", "kept-deleted"})


@dataclass(frozen=True)
class Conflict:
    """Lines `start`..`end` (1-based, inclusive) of the edited file overlap a change of the
    generator; `end == start - 1` when the edit removed lines there."""

    start: int
    end: int
    detail: str

    def where(self, path: str) -> str:
        lines = f"{self.start}" if self.end <= self.start else f"{self.start}-{self.end}"
        return f"{path}:{lines}"


@dataclass(frozen=True)
class FileMerge:
    path: str
    status: Status
    result: bytes | None  # what the file holds after the merge; None: absent
    conflicts: tuple[Conflict, ...] = ()

    def describe(self) -> list[str]:
        return [f"{c.where(self.path)}: {c.detail}" for c in self.conflicts]


# -- one file -------------------------------------------------------------------------------


def merge_file(
    path: str,
    base: bytes | None,
    ours: bytes | None,
    theirs: bytes | None,
    *,
    markers: bool = False,
) -> FileMerge:
    """The merge of one file's three versions (None: the version has no such file)."""
    if theirs is None:
        return _dropped(path, base, ours)
    if ours is None:
        return _deleted(path, base, theirs)
    if ours == theirs:
        status: Status = "unchanged" if base in (None, ours) else "redundant"
        return FileMerge(path, status, theirs)
    if base is None:
        detail = "differs from the generation, and no pristine copy of the last one is kept"
        return _conflict(path, ours, theirs, b"", detail, markers)
    if ours == base:
        return FileMerge(path, "generated", theirs)
    if theirs == base:
        return FileMerge(path, "customised", ours)
    texts = [_text(v) for v in (base, ours, theirs)]
    if any(t is None for t in texts):
        return _conflict(
            path, ours, theirs, base, "binary file changed by hand and by the generator", markers
        )
    return _merge_text(path, texts[0] or "", texts[1] or "", texts[2] or "", theirs, markers)


def _dropped(path: str, base: bytes | None, ours: bytes | None) -> FileMerge:
    if ours is None or ours == base:
        return FileMerge(path, "removed", None)
    detail = (
        "edited by hand, and no longer generated (kept)"
        if base is not None
        else "no longer generated"
    )
    return FileMerge(path, "conflict", ours, (Conflict(1, _line_count(ours), detail),))


def _deleted(path: str, base: bytes | None, theirs: bytes) -> FileMerge:
    if base is None:
        return FileMerge(path, "generated", theirs)
    if base == theirs:
        return FileMerge(path, "kept-deleted", None)
    return FileMerge(
        path, "conflict", None, (Conflict(1, 0, "deleted by hand, and changed by the generator"),)
    )


def _conflict(
    path: str, ours: bytes, theirs: bytes, base: bytes, detail: str, markers: bool
) -> FileMerge:
    """A whole-file conflict: the file stays as it is, or, with markers, both versions."""
    texts = [_text(v) for v in (base, ours, theirs)]
    result = ours
    if markers and all(t is not None for t in texts):
        base_text, ours_text, theirs_text = (_lf(t or "")[0] for t in texts)
        crlf = _lf(texts[1] or "")[1]
        result = _restore(_with_markers(_merger(base_text, ours_text, theirs_text)), crlf).encode()
    return FileMerge(path, "conflict", result, (Conflict(1, _line_count(ours), detail),))


def _merge_text(
    path: str, base: str, ours: str, theirs: str, theirs_bytes: bytes, markers: bool
) -> FileMerge:
    ours_lf, crlf = _lf(ours)
    base_lf, theirs_lf = _lf(base)[0], _lf(theirs)[0]
    merger = _merger(base_lf, ours_lf, theirs_lf)
    conflicts = tuple(
        Conflict(region[3] + 1, region[4], "edited by hand, and changed by the generator")
        for region in merger.merge_regions()
        if region[0] == "conflict"
    )
    if conflicts and not markers:
        return FileMerge(path, "conflict", ours.encode(), conflicts)
    merged = _restore(_with_markers(merger) if conflicts else "".join(merger.merge_lines()), crlf)
    if conflicts:
        return FileMerge(path, "conflict", merged.encode(), conflicts)
    if merged.encode() == theirs_bytes:
        return FileMerge(path, "redundant", theirs_bytes)
    return FileMerge(path, "customised", merged.encode())


def _with_markers(merger: merge3.Merge3[str]) -> str:
    """The merge with diff3-style markers: the edit, the last generation, the new one."""
    lines = merger.merge_lines(
        name_a="edited", name_b="generated", name_base="last generation", base_marker="|||||||"
    )
    return "".join(lines)


def _merger(base: str, ours: str, theirs: str) -> merge3.Merge3[str]:
    import merge3

    return merge3.Merge3(
        base.splitlines(keepends=True),
        ours.splitlines(keepends=True),
        theirs.splitlines(keepends=True),
    )


def _text(data: bytes) -> str | None:
    """The file as text, or None when it is binary (not UTF-8, or holding NUL bytes)."""
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _lf(text: str) -> tuple[str, bool]:
    """`text` with CRLF line ends made LF when every line ends so; and whether they did."""
    crlf = "\r\n" in text and text.count("\n") == text.count("\r\n")
    return (text.replace("\r\n", "\n"), True) if crlf else (text, False)


def _restore(text: str, crlf: bool) -> str:
    return text.replace("\n", "\r\n") if crlf else text


def _line_count(data: bytes) -> int:
    return data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)


# -- a tree ---------------------------------------------------------------------------------


def merge_files(
    theirs: Mapping[str, bytes],
    base: Mapping[str, bytes | None],
    ours: Mapping[str, bytes | None],
    *,
    ignored: Callable[[str], bool] = lambda path: False,
    markers: bool = False,
) -> list[FileMerge]:
    """Merges for every path generated now (`theirs`) or by the last generation (`base`'s
    keys), sorted by path. `base` maps a path the last generation wrote to its pristine bytes
    (None when the store lost them); `ours` maps a path to its bytes on disk (None: absent)."""
    merges = []
    for path in sorted({*theirs, *base}):
        if ignored(path):
            merges.append(FileMerge(path, "ignored", ours.get(path)))
        else:
            merges.append(
                merge_file(path, base.get(path), ours.get(path), theirs.get(path), markers=markers)
            )
    return merges


def merge_tree(
    theirs: Mapping[str, bytes],
    previous: Mapping[str, str],
    folder: Path,
    *,
    markers: bool = False,
    digests: Mapping[str, str] | None = None,
    ours: Mapping[str, bytes | None] | None = None,
) -> list[FileMerge]:
    """`merge_files` with base from the pristine store and ours from `folder`. `previous` maps
    each path the last generation wrote to the SHA-256 of what it wrote (the manifest's
    `output` hashes); `theirs` leaves out the manifest itself. Callers that have them pass
    `digests` (the SHA-256 of each file of `theirs`) and `ours` (`read_tree` of the paths)."""
    if ours is None:
        ours = read_tree(folder, {*theirs, *previous})
    hashes = digests if digests is not None else {p: digest_of(d) for p, d in theirs.items()}
    base = {
        path: _base(folder, digest, ours.get(path), theirs.get(path), hashes.get(path))
        for path, digest in previous.items()
    }
    return merge_files(theirs, base, ours, ignored=read_ignore(folder), markers=markers)


def read_tree(folder: Path, paths: Iterable[str]) -> dict[str, bytes | None]:
    """The bytes of each file under `folder` (None: absent). A first generation's folder does
    not exist yet: one check instead of a failed open per file (3,800 on Stripe's SDK)."""
    if not folder.is_dir():
        return dict.fromkeys(paths)
    root = os.fspath(folder)
    return {path: _read(os.path.join(root, path)) for path in paths}


def _base(
    folder: Path, digest: str, ours: bytes | None, theirs: bytes | None, theirs_digest: str | None
) -> bytes | None:
    """The last generation's bytes (hash `digest`): the new generation's or the file on disk
    when they hash so (most files), else the pristine store's copy."""
    if theirs is not None and theirs_digest == digest:
        return theirs
    if ours is not None and digest_of(ours) == digest:
        return ours
    return read_pristine(folder, digest)


def conflicted(merges: Iterable[FileMerge]) -> list[FileMerge]:
    return [m for m in merges if m.status == "conflict"]


def hand_edits_patch(triples: Iterable[tuple[str, bytes | None, bytes | None]]) -> str:
    """The patch of all hand edits (`sdkwright customisations`): a unified diff from each
    file as generated (a/) to the file on disk (b/), for (path, base, ours) triples."""
    import difflib

    chunks = []
    for path, base, ours in sorted(triples, key=lambda item: item[0]):
        if base == ours:
            continue
        old, new = _text(base or b""), _text(ours or b"")
        if old is None or new is None:
            chunks.append(f"Binary files a/{path} and b/{path} differ\n")
            continue
        names = (
            f"a/{path}" if base is not None else "/dev/null",
            f"b/{path}" if ours is not None else "/dev/null",
        )
        lines = difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), *names
        )
        chunks.append(
            "".join(
                line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                for line in lines
            )
        )
    return "".join(chunks)


def hand_edited(
    previous: Mapping[str, str], folder: Path
) -> list[tuple[str, bytes | None, bytes | None]]:
    """(path, pristine bytes, bytes on disk) of every file of the last generation (`previous`:
    path -> the hash it was generated with) that differs on disk, ignored files aside. The
    pristine bytes are None when the store does not hold them (a folder generated before
    sdkwright kept a store, or a damaged blob)."""
    ignored = read_ignore(folder)
    found = []
    for path, digest in sorted(previous.items()):
        ours = _read(folder / path)
        if not ignored(path) and (ours is None or digest_of(ours) != digest):
            found.append((path, read_pristine(folder, digest), ours))
    return found


def customisations(previous: Mapping[str, str], folder: Path) -> str:
    """The patch of every hand edit in `folder` against the pristine last generation."""
    return hand_edits_patch(t for t in hand_edited(previous, folder) if t[1] is not None)


# -- the pristine store: pure parts ---------------------------------------------------------


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def blob_path(digest: str) -> str:
    """Where the blob of `digest` lives, relative to the output folder (POSIX separators)."""
    return f"{PRISTINE_DIR}/{digest[:2]}/{digest[2:]}"


def encode_blob(data: bytes) -> bytes:
    # Level 1: a cold generation compresses every file it writes, and level 6 took four times
    # as long (1.4 s of Stripe's SDK) for a store 10% smaller.
    return zlib.compress(data, 1)


def decode_blob(raw: bytes, digest: str) -> bytes | None:
    """The blob's bytes, or None when it is damaged or not the bytes its name says."""
    try:
        data = zlib.decompress(raw)
    except zlib.error:
        return None
    return data if digest_of(data) == digest else None


def missing_blobs(files: Mapping[str, bytes], present: Collection[str]) -> list[tuple[str, bytes]]:
    """(digest, bytes) of the blobs to add so that the store holds every file of `files`
    (path -> generated bytes): those whose digest is not `present`, each once."""
    wanted = {digest_of(data): data for data in files.values()}
    return [(digest, data) for digest, data in sorted(wanted.items()) if digest not in present]


def pristine_garbage(files: Mapping[str, bytes], present: Collection[str]) -> list[str]:
    """Blobs no file of `files` needs any more (relative paths), to remove after a write."""
    wanted = {digest_of(data) for data in files.values()}
    return [blob_path(d) for d in sorted(set(present) - wanted)]


STORE_ATTRIBUTES = (f"{PRISTINE_DIR}/.gitattributes", b"* binary\n")


def is_store_path(relative: str) -> bool:
    return relative == PRISTINE_DIR or relative.startswith(PRISTINE_DIR + "/")


# -- the pristine store and the ignore file: I/O --------------------------------------------


def present_blobs(folder: Path) -> set[str]:
    """The digests the store in `folder` holds (by name: `decode_blob` checks the bytes)."""
    store = folder / PRISTINE_DIR
    found = set()
    for fan in _listdir(store):
        for rest in _listdir(store / fan):
            digest = fan + rest
            if len(digest) == 64 and all(c in "0123456789abcdef" for c in digest):
                found.add(digest)
    return found


def read_pristine(folder: Path, digest: str) -> bytes | None:
    raw = _read(folder / blob_path(digest))
    return decode_blob(raw, digest) if raw is not None else None


def store_pristine(folder: Path, files: Mapping[str, bytes]) -> None:
    """Make the store hold exactly the blobs of `files`, for callers without a transaction."""
    present = present_blobs(folder)
    write_blobs(folder, missing_blobs(files, present))
    if files:
        attributes, data = STORE_ATTRIBUTES
        _write_aside(folder / attributes, data)
    for relative in pristine_garbage(files, present):
        (folder / relative).unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # other blobs still share the folder
            (folder / relative).parent.rmdir()


def write_blobs(folder: Path, blobs: Iterable[tuple[str, bytes]]) -> None:
    """Add (digest, bytes) blobs to the store, for callers without a transaction: each is
    written aside and renamed into place, so a kill leaves whole blobs only."""
    made: set[Path] = set()
    for digest, data in blobs:
        target = folder / blob_path(digest)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        _write_aside(target, encode_blob(data))


def _write_aside(target: Path, data: bytes) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)


def parse_ignore(text: str) -> Callable[[str], bool]:
    """A matcher for gitignore patterns (paths relative to the output folder, POSIX)."""
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(text.splitlines())
    return lambda path: bool(spec.match_file(path))


def read_ignore(folder: Path) -> Callable[[str], bool]:
    raw = _read(folder / IGNORE_NAME)
    if raw is None:
        return lambda path: False
    return parse_ignore(raw.decode("utf-8", "replace"))


def _read(path: str | Path) -> bytes | None:
    try:
        with open(path, "rb") as stream:  # not pathlib's: its objects cost as much as the read
            return stream.read()
    except OSError:
        return None


def _listdir(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []
