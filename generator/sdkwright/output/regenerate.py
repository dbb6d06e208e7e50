"""What a generation does to an output folder that may hold hand edits.

Per generated file, the 3-way merge of `output/merge.py`: the last generation (its pristine
copy), the file on disk and the new generation. From the merges follow the files to write or
remove, the pristine copies to add and drop, and the manifest to record:

* a file written as generated, or merged with hand edits (`customised`), gets the new entry;
  `written` records the merged bytes' hash when they are not the generated ones, so the no-op
  decision (`output/freshness.py`) and `check` take the merged file as up to date;
* a file deleted by hand that the generator did not change stays deleted (`written` "");
* a conflict left as it is keeps its old entry, and the old pristine copy with it: the next
  run finds the same conflict until it is resolved (with `--conflicts=markers` the markers
  are written, and the new generation becomes the base, as after a merge in git);
* an ignored file (`.sdkwrightignore`) is neither written nor recorded.

`apply` writes a plan as one transaction (`output/write.py`), pristine copies included, so a
kill leaves the old tree and store or the new ones; `api.check` only reads a plan.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sdkwright import forked
from sdkwright.output import IGNORE_NAME, MANIFEST_NAME
from sdkwright.output.manifest import FileEntry, Manifest, sha256
from sdkwright.output.merge import (
    STORE_ATTRIBUTES,
    FileMerge,
    blob_path,
    encode_blob,
    merge_tree,
    present_blobs,
    read_tree,
)
from sdkwright.output.write import (
    Change,
    apply_changes,
    checked_relative_path,
    refuse_unportable,
)


@dataclass(frozen=True)
class Plan:
    changes: tuple[Change, ...]  # generated files and the manifest, as the user sees them
    store: tuple[Change, ...]  # pristine copies dropped, and the store's .gitattributes
    blobs: tuple[tuple[str, bytes], ...]  # pristine copies to add: (digest, bytes)
    merges: tuple[FileMerge, ...]
    manifest: Manifest  # what the folder records once the plan is applied
    untracked: tuple[str, ...]  # generated paths holding a file sdkwright did not write
    manifest_bytes: bytes  # the manifest as written (made once: 13 ms for Stripe's SDK)

    @property
    def conflicts(self) -> list[FileMerge]:
        return [m for m in self.merges if m.status == "conflict" and m.path not in self.untracked]


def plan(
    files: Mapping[str, bytes],
    manifest: Manifest,
    folder: Path,
    previous: Manifest | None,
    *,
    markers: bool = False,
    force: bool = False,
    unchanged: Collection[str] = (),
    sources: Mapping[str, bytes] | None = None,
) -> Plan:
    """What writing a generation (`files` and their `manifest`) into `folder` does, given the
    manifest the last generation left there. `force` overwrites untracked files; `unchanged`
    names files the caller has just read there and found to hold exactly the new bytes;
    `sources` the inputs' texts by hash, for the store (None: keep the ones it has)."""
    generated = {p: data for p, data in files.items() if p != MANIFEST_NAME}
    recorded = {p: e.output for p, e in previous.files.items()} if previous else {}
    for path in (*generated, *recorded):
        checked_relative_path(path)
    refuse_unportable(generated)
    known = {p: generated[p] for p in unchanged if p in generated}
    ours: dict[str, bytes | None] = {
        **read_tree(folder, {*generated, *recorded} - known.keys()),
        **known,
    }
    digests = {p: e.output for p, e in manifest.files.items()}
    merges = merge_tree(generated, recorded, folder, markers=markers, digests=digests, ours=ours)
    untracked = tuple(
        m.path
        for m in merges
        if m.status == "conflict" and m.path not in recorded and ours.get(m.path) is not None
    )
    if force:
        merges = [
            FileMerge(m.path, "generated", generated[m.path]) if m.path in untracked else m
            for m in merges
        ]
        untracked = ()
    old = previous.files if previous else {}
    entries = {}
    for merge in merges:
        entry = _entry(merge, manifest.files.get(merge.path), old.get(merge.path), ours)
        if entry is not None:
            entries[merge.path] = entry
    ignore = _ignore_bytes(folder)
    final = replace(
        manifest,
        files=entries,
        ignore=sha256(ignore) if ignore is not None else None,
        ignored=tuple(m.path for m in merges if m.status == "ignored" and m.path in generated),
    )
    changes = [c for m in merges if (c := _change(m.path, ours.get(m.path), m.result))]
    on_disk = read_tree(folder, [MANIFEST_NAME])[MANIFEST_NAME]
    final_bytes = final.to_bytes()
    manifest_change = _change(MANIFEST_NAME, on_disk, final_bytes)
    if manifest_change is not None:
        changes.append(manifest_change)
    # The new generation's bytes of each recorded file whose entry is the new one, by hash.
    fresh = {e.output: generated[p] for p, e in entries.items() if digests.get(p) == e.output}
    present = present_blobs(folder)
    # The inputs' texts too (`sources`, by hash), for `generate --bump`; None: keep the ones
    # the store has for this generation's inputs.
    fresh.update(sources or {})
    kept = set(final.inputs.values()) if sources is None else set()
    store = _store_changes(folder, entries, present, set(fresh) | kept)
    blobs = tuple((digest, data) for digest, data in sorted(fresh.items()) if digest not in present)
    return Plan(tuple(changes), tuple(store), blobs, tuple(merges), final, untracked, final_bytes)


# From this many pristine copies to add, a forked child stages a share of them while this
# process stages the files and the rest (`sdkwright.forked`); below it forking costs more
# than it saves.
MIN_FORKED_BLOBS = 200
# What staging a byte of a file costs, against compressing and staging a byte of a copy
# (0.04 s against 0.17 s for Stripe's 14 MB SDK): this process, which stages the files,
# takes the share of copies that makes both sides end together.
FILE_COST = 0.25


def apply(plan: Plan, folder: Path, progress: Callable[[int, int], None] | None = None) -> None:
    """Write `plan` into `folder` as one transaction, the new pristine copies with the files."""
    files = sum(len(change.new or b"") for change in (*plan.changes, *plan.store))
    blobs = _BlobStaging(plan.blobs, files)
    try:
        apply_changes([*plan.changes, *plan.store], folder, progress, blobs if plan.blobs else None)
    finally:
        blobs.close()


class _BlobStaging:
    """Stages the new pristine copies, compressed, in the transaction's staging folder: a
    forked child a share of them while this process stages the files, where that pays;
    this process the others once its files are staged (and the child's share, when it
    fails)."""

    def __init__(self, blobs: Sequence[tuple[str, bytes]], file_bytes: int = 0) -> None:
        self.blobs = blobs
        self.txn: Path | None = None
        self.child: forked.Child | None = None
        self.theirs: Sequence[tuple[str, bytes]] = ()
        self.mine = blobs
        if len(blobs) >= MIN_FORKED_BLOBS:
            self.theirs, self.mine = _shares(blobs, file_bytes)

    def start(self, txn: Path) -> None:
        self.txn = txn
        if self.theirs:
            theirs = self.theirs
            self.child = forked.fork(lambda: _staged(txn, theirs))
        if self.child is None:  # no child: every copy is staged here
            self.theirs, self.mine = (), self.blobs

    def finish(self) -> list[tuple[str, str]]:
        assert self.txn is not None
        _staged(self.txn, self.mine)
        child, self.child = self.child, None
        if child is not None and child.result() is None:  # it failed: its share is staged here
            _staged(self.txn, self.theirs)
        return [(blob_path(digest), _staged_name(digest)) for digest, _ in self.blobs]

    def close(self) -> None:
        if self.child is not None:  # the transaction failed before it was needed
            self.child.close()


def _shares(
    blobs: Sequence[tuple[str, bytes]], file_bytes: int
) -> tuple[Sequence[tuple[str, bytes]], Sequence[tuple[str, bytes]]]:
    """(the child's share, this process's) of `blobs`, in order, so that the child's bytes
    cost what this process's files and copies cost together."""
    total = sum(len(data) for _, data in blobs)
    wanted = (total + FILE_COST * file_bytes) / 2  # the child's bytes
    running = 0
    for index, (_, data) in enumerate(blobs):
        running += len(data)
        if running >= wanted:
            return blobs[: index + 1], blobs[index + 1 :]
    return blobs, ()


def _staged(txn: Path, blobs: Sequence[tuple[str, bytes]]) -> bytes:
    for digest, data in blobs:
        (txn / _staged_name(digest)).write_bytes(encode_blob(data))
    return b""


def _staged_name(digest: str) -> str:
    return f"blob-{digest}"  # not digits: those name the staged files (output/write.py)


def _ignore_bytes(folder: Path) -> bytes | None:
    return read_tree(folder, [IGNORE_NAME])[IGNORE_NAME]


def _entry(
    merge: FileMerge,
    fresh: FileEntry | None,
    old: FileEntry | None,
    ours: Mapping[str, bytes | None],
) -> FileEntry | None:
    """The manifest entry of one merged file (see the module docstring); None: not recorded."""
    if merge.status in ("ignored", "removed"):
        return None
    if fresh is None or (merge.status == "conflict" and merge.result == ours.get(merge.path)):
        return old
    if merge.result is None:
        return replace(fresh, written="")
    written = sha256(merge.result)
    return fresh if written == fresh.output else replace(fresh, written=written)


def _change(path: str, before: bytes | None, after: bytes | None) -> Change | None:
    if before == after:
        return None
    if before is None:
        return Change(path, "added", None, after)
    return Change(path, "removed" if after is None else "changed", before, after)


def _store_changes(
    folder: Path,
    entries: Mapping[str, FileEntry],
    present: Collection[str],
    kept: Collection[str] = (),
) -> list[Change]:
    """Pristine copies to drop (those neither an entry nor `kept` names any more, of the
    `present` ones), and the store's `.gitattributes`; the copies to add are written before
    the transaction commits (`Plan.blobs`, see `api.write_result`)."""
    needed = {entry.output for entry in entries.values()} | set(kept)
    changes = [Change(blob_path(d), "removed", None, None) for d in sorted(set(present) - needed)]
    path, attributes = STORE_ATTRIBUTES
    on_disk = read_tree(folder, [path])[path]
    if needed and on_disk != attributes:
        changes.append(Change(path, "added" if on_disk is None else "changed", on_disk, attributes))
    return changes
