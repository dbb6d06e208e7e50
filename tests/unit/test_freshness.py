"""The no-op decision (`sdkwright.output.freshness`) in isolation: each reason it gives, the
stat cache of its stamps, and the agreement of its cheap answers (`output/provenance.py`,
`defaults.py`) with the modules they stand in for (so that the shortcut and the full run never
disagree)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import SPECS
from sdkwright import api, config, defaults
from sdkwright.cache import stamps, store
from sdkwright.config import target_options
from sdkwright.config_flags import target_from_flags
from sdkwright.output import MANIFEST_NAME, TXN_DIR_NAME, freshness, provenance
from sdkwright.targets.python import engine, format


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    spec = tmp_path / "kitchensink.yaml"
    spec.write_bytes((SPECS / "kitchensink.yaml").read_bytes())
    target = target_from_flags(spec, tmp_path / "sdk", None, None, "ruff")
    api.write_result(api.generate(target), target.output)
    return tmp_path


def reason(project: Path, **options: str) -> str | None:
    target = target_from_flags(project / "kitchensink.yaml", project / "sdk", None, None, "ruff")
    return freshness.stale_reason(
        str(target.spec), str(target.output), {**target_options(target), **options}, "ruff"
    )


def test_up_to_date_after_generation(generated: Path) -> None:
    assert reason(generated) is None


def test_each_reason(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert reason(generated, package="other") == "the target's options changed"
    with monkeypatch.context() as patched:
        patched.setattr(freshness, "templates_digest", lambda flavour: "0" * 64)
        assert reason(generated) == "the templates changed"
    with monkeypatch.context() as patched:
        patched.setattr(provenance, "installed_version", lambda name: "0.0.1")
        assert reason(generated) == "the formatter changed"
    (generated / "sdk" / TXN_DIR_NAME).mkdir()
    assert reason(generated) == "an interrupted generation left files to finish"
    (generated / "sdk" / TXN_DIR_NAME).rmdir()
    spec = generated / "kitchensink.yaml"
    spec.write_bytes(b"\xef\xbb\xbf" + spec.read_bytes())  # a BOM is not a change ...
    assert reason(generated) is None
    spec.write_bytes(spec.read_bytes() + b"\n# ... a comment is\n")
    assert reason(generated) == "the spec changed (kitchensink.yaml)"


def test_output_files_are_verified(generated: Path) -> None:
    readme = generated / "sdk" / "README.md"
    readme.write_text(readme.read_text() + "edited\n")
    assert reason(generated) == "README.md was edited"
    readme.unlink()
    assert reason(generated) == "README.md is missing"
    (generated / "sdk" / MANIFEST_NAME).write_text("{")
    assert reason(generated) == "the manifest is unreadable"


def test_stats_outside_the_racy_window_spare_the_reads(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = str(generated / "sdk")
    manifest = str(generated / "sdk" / MANIFEST_NAME)
    files = json.loads((generated / "sdk" / MANIFEST_NAME).read_text())["files"]
    reads: list[str] = []
    real_read = store.read_with_stat

    def counting(path: str) -> tuple[store.Stat, bytes] | None:
        reads.append(path)
        return real_read(path)

    monkeypatch.setattr(store, "read_with_stat", counting)  # store.read_bytes reads through it
    monkeypatch.setattr(freshness, "read_with_stat", counting)
    assert reason(generated) is None  # fresh files: all hashed, none recorded as trusted
    outputs_read = [p for p in reads if p.startswith(output + os.sep) and p != manifest]
    assert len(outputs_read) == len(files)
    assert stamps.read_stamp(output)["stats"] == {}  # type: ignore[index]
    monkeypatch.setattr(freshness, "RACY_WINDOW_NS", -(10**12))  # as if the files were old
    reason(generated)
    reads.clear()
    assert reason(generated) is None
    assert [p for p in reads if p.startswith(output + os.sep)] == [manifest]  # stats sufficed
    model = generated / "sdk" / "README.md"
    model.write_text(model.read_text() + "x")  # size and ctime change: the stat no longer matches
    assert reason(generated) == "README.md was edited"


def test_it_agrees_with_the_modules_it_stands_in_for(tmp_path: Path) -> None:
    assert provenance.templates_root() == str(engine.templates_root())
    for formatter in ("ruff", "black"):
        installed = provenance.installed_formatter(formatter)
        assert installed == provenance.formatter_from_binary(formatter)
        assert installed == provenance.formatter_version(formatter)
    assert config.FORMATTERS == format.FORMATTERS
    assert defaults.names_from_flags("specs/acme-api.yaml", None, None) == ("acme_api", "AcmeApi")
    flags = target_from_flags(tmp_path / "acme-api.yaml", tmp_path, None, None, "ruff")
    assert target_options(flags) == defaults.base_options("acme_api", "AcmeApi")


def test_the_templates_digest_ignores_dotfiles_and_caches(tmp_path: Path) -> None:
    (tmp_path / "a.jinja").write_text("a")
    first = provenance.tree_digest(str(tmp_path))
    (tmp_path / ".a.jinja.swp").write_text("editor state")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x").write_text("x")
    assert provenance.tree_digest(str(tmp_path)) == first
    (tmp_path / "b.jinja").write_text("")
    assert provenance.tree_digest(str(tmp_path)) != first


def test_a_garbled_stamp_is_ignored(generated: Path) -> None:
    output = str(generated / "sdk")
    stamp = stamps.read_stamp(output)
    assert stamp is not None
    stamp["stats"] = {"README.md": ("big", 1, 2, 3), "api.md": 7}
    stamp["recorded_ns"] = 10**30
    stamps.Store.local("stamps", stamps.TAG, stamps.MAX_STAMPS).save(store.path_key(output), stamp)
    assert stamps.read_stamp(output) == stamp
    readme = generated / "sdk" / "README.md"
    readme.write_text(readme.read_text() + "edited\n")
    assert reason(generated) == "README.md was edited"  # hashed, not trusted from the stamp


def test_the_sources_stamp_follows_what_the_interpreter_checks(tmp_path: Path) -> None:
    """A checkout's code identity changes with a source's name, size or modification time
    (what decides whether cached bytecode runs), not with caches or dotfiles."""
    (tmp_path / "pkg" / "__pycache__").mkdir(parents=True)
    module = tmp_path / "pkg" / "module.py"
    module.write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "top.py").write_text("y = 2\n", encoding="utf-8")
    first = provenance.sources_stamp(str(tmp_path), ".py")
    (tmp_path / "pkg" / "__pycache__" / "module.cpython-311.py").write_text("", encoding="utf-8")
    (tmp_path / ".swap.py").write_text("", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    assert provenance.sources_stamp(str(tmp_path), ".py") == first
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    touched = provenance.sources_stamp(str(tmp_path), ".py")
    assert touched != first
    module.write_text("x = 10\n", encoding="utf-8")
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # same time, new size
    assert provenance.sources_stamp(str(tmp_path), ".py") not in (first, touched)
    module.rename(tmp_path / "pkg" / "renamed.py")
    assert provenance.sources_stamp(str(tmp_path), ".py") not in (first, touched)
