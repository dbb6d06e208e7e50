"""Stamps: what the no-op fast path (`sdkwright.output.freshness`) remembers about an output
folder that its committed manifest cannot hold, one small entry per folder in the local cache:

    manifest     the hash of the manifest the stamp vouches for
    code         the identity of the generator code that wrote or verified the folder
    recorded_ns  when the stats below were taken (before the files were read)
    stats        per output file whose bytes were hashed and matched: size, mtime, ctime, inode

A stamp is only a cache: a missing or garbled one means "read and hash everything".
"""

from __future__ import annotations

import time

from sdkwright.cache.store import Stat, Store, path_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

TAG = "sdkwright stamp 2"
MAX_STAMPS = 256

Stamp = dict[str, object]


def _store() -> Store:
    return Store.local("stamps", TAG, MAX_STAMPS)


def path_for(output: str) -> str:
    """The file of `output`'s stamp (the folder's real path names it)."""
    return _store().path(path_key(output))


def read_stamp(output: str) -> Stamp | None:
    stamp = _store().load(path_key(output))
    return stamp if isinstance(stamp, dict) else None


def write_stamp(
    output: str,
    manifest_digest: str,
    code: str,
    stats: Mapping[str, Stat] | None = None,
    recorded_ns: int = 0,
) -> None:
    """Best effort. `recorded_ns` is when the stats were taken (before the files were read)."""
    stamp: Stamp = {
        "manifest": manifest_digest,
        "code": code,
        "recorded_ns": recorded_ns or time.time_ns(),
        "stats": dict(stats or {}),
    }
    _store().save(path_key(output), stamp)
