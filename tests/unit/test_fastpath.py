"""`sdkwright.cache.fastpath` in isolation: each reason it gives, the stat cache, and its agreement
with the modules it stands in for (so that the shortcut and the full run never disagree)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import SPECS
from sdkwright import api, config
from sdkwright.cache import fastpath
from sdkwright.cache.fastpath import MANIFEST_NAME, TXN_DIR_NAME
from sdkwright.config import target_from_flags, target_options
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
    return fastpath.stale_reason(
        str(target.spec), str(target.output), {**target_options(target), **options}, "ruff"
    )


def test_up_to_date_after_generation(generated: Path) -> None:
    assert reason(generated) is None


def test_each_reason(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert reason(generated, package="other") == "the target's options changed"
    with monkeypatch.context() as patched:
        patched.setattr(fastpath, "templates_digest", lambda flavour: "0" * 64)
        assert reason(generated) == "the templates changed"
    with monkeypatch.context() as patched:
        patched.setattr(fastpath, "installed_version", lambda name: "0.0.1")
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
    real_read = fastpath.read_with_stat

    def counting(path: str) -> tuple[fastpath.Stat, bytes] | None:
        reads.append(path)
        return real_read(path)

    monkeypatch.setattr(fastpath, "read_with_stat", counting)
    assert reason(generated) is None  # fresh files: all hashed, none recorded as trusted
    outputs_read = [p for p in reads if p.startswith(output + os.sep) and p != manifest]
    assert len(outputs_read) == len(files)
    assert fastpath.read_stamp(output)["stats"] == {}  # type: ignore[index]
    monkeypatch.setattr(fastpath, "RACY_WINDOW_NS", -(10**12))  # as if the files were old
    reason(generated)
    reads.clear()
    assert reason(generated) is None
    assert [p for p in reads if p.startswith(output + os.sep)] == [manifest]  # stats sufficed
    model = generated / "sdk" / "README.md"
    model.write_text(model.read_text() + "x")  # size and ctime change: the stat no longer matches
    assert reason(generated) == "README.md was edited"


def test_it_agrees_with_the_modules_it_stands_in_for() -> None:
    assert fastpath.templates_root() == str(engine.templates_root())
    assert fastpath.formatter_version("ruff") == format.formatter_version("ruff")
    assert fastpath.formatter_version("black") == format.formatter_version("black")
    assert config.FORMATTERS == format.FORMATTERS
    assert fastpath.names_from_flags("specs/acme-api.yaml", None, None) == ("acme_api", "AcmeApi")


def test_the_templates_digest_ignores_dotfiles_and_caches(tmp_path: Path) -> None:
    (tmp_path / "a.jinja").write_text("a")
    first = fastpath.tree_digest(str(tmp_path))
    (tmp_path / ".a.jinja.swp").write_text("editor state")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x").write_text("x")
    assert fastpath.tree_digest(str(tmp_path)) == first
    (tmp_path / "b.jinja").write_text("")
    assert fastpath.tree_digest(str(tmp_path)) != first


def test_a_garbled_stamp_is_ignored(generated: Path) -> None:
    output = str(generated / "sdk")
    stamp = fastpath.read_stamp(output)
    assert stamp is not None
    stamp["stats"] = {"README.md": ["big", 1, 2, 3], "api.md": 7}
    stamp["recorded_ns"] = 10**30
    Path(fastpath._stamp_path(output)).write_text(json.dumps(stamp))
    readme = generated / "sdk" / "README.md"
    readme.write_text(readme.read_text() + "edited\n")
    assert reason(generated) == "README.md was edited"  # hashed, not trusted from the stamp
