"""The local cache store (sdkwright/cache/store.py): an entry is read back only by its own kind
and format, a damaged one reads as absent, writes are whole, and each folder stays bounded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sdkwright.cache import store
from sdkwright.cache.store import Store


def test_an_entry_reads_back_as_written(tmp_path: Path) -> None:
    entries = Store(str(tmp_path / "kind"), "format 1", keep=8)
    value = {b"digest": ("text", 3, None), "stats": {"a.py": (1, 2, 3, 4)}}
    entries.save("name", value)
    assert entries.load("name") == value
    assert sorted(os.listdir(tmp_path / "kind")) == ["name"]  # nothing left aside


def test_another_format_or_a_damaged_entry_reads_as_absent(tmp_path: Path) -> None:
    folder = str(tmp_path / "kind")
    Store(folder, "format 1", keep=8).save("name", [1, 2, 3])
    assert Store(folder, "format 2", keep=8).load("name") is None
    assert Store(folder, "format 1", keep=8).load("missing") is None
    path = tmp_path / "kind" / "name"
    for damage in (b"", b"garbage", b"format 1\n", b"format 1\n\xff\x00", b"format 1"):
        path.write_bytes(damage)
        assert Store(folder, "format 1", keep=8).load("name") is None, damage


def test_a_store_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    entries = Store(str(blocked / "kind"), "format 1", keep=8)
    entries.save("name", 1)  # best effort: no error
    assert entries.load("name") is None
    with pytest.raises(OSError):
        entries.write("name", 1)  # the build's folder must be complete: this one raises
    unmarshallable = Store(str(tmp_path / "kind"), "format 1", keep=8)
    unmarshallable.save("name", object())
    assert unmarshallable.load("name") is None


def test_a_folder_keeps_its_newest_entries(tmp_path: Path) -> None:
    entries = Store(str(tmp_path / "kind"), "format 1", keep=4)
    for number in range(4):
        entries.save(f"entry{number}", number)
        os.utime(entries.path(f"entry{number}"), ns=(number * 10**9, number * 10**9))
    assert len(os.listdir(tmp_path / "kind")) == 4
    entries.save("newest", 4)
    # Past four entries, the oldest go, down to half of that: pruning is rare.
    assert sorted(os.listdir(tmp_path / "kind")) == ["entry3", "newest"]


def test_pruning_tolerates_entries_another_run_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in "abc":
        (tmp_path / name).write_text(name)
    real_stat = os.stat

    def vanishing(path: str, *args: object, **kwargs: object) -> os.stat_result:
        if path.endswith("b"):
            raise FileNotFoundError(path)
        return real_stat(path)

    monkeypatch.setattr(store.os, "stat", vanishing)
    store.prune(str(tmp_path), keep=2)
    monkeypatch.undo()
    assert len(os.listdir(tmp_path)) < 3


def test_entries_of_one_path_share_a_key(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert store.path_key(str(tmp_path / "link")) == store.path_key(str(tmp_path / "real"))
    assert store.path_key(str(tmp_path / "real")) != store.path_key(str(tmp_path))


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKWRIGHT_CACHE_DIR", "/explicit")
    assert store.cache_dir() == "/explicit"
    monkeypatch.delenv("SDKWRIGHT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert store.cache_dir() == os.path.join("/xdg", "sdkwright")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "/home/someone")
    assert store.cache_dir() == os.path.join("/home/someone", ".cache", "sdkwright")
    assert Store.local("render", "tag", 1).folder == os.path.join(store.cache_dir(), "render")
