"""Release pieces: the semver bump, the changelog, the LICENSE and the config rewrite."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from sdkwright.config import load_targets
from sdkwright.diagnostics import GenerationFailed
from sdkwright.diff.report import ApiChange, DiffReport
from sdkwright.release import changelog, licenses
from sdkwright.release.bump import next_version
from sdkwright.release.config_version import set_version


@pytest.mark.parametrize(
    ("version", "kind", "expected"),
    [
        ("1.4.2", "major", "2.0.0"),
        ("1.4.2", "minor", "1.5.0"),
        ("1.4.2", "patch", "1.4.3"),
        ("1.4.2", "none", "1.4.2"),
        ("1.4.2-rc.1+build.5", "patch", "1.4.3"),
        # Below 1.0.0 a breaking change raises the minor version, anything else the patch.
        ("0.3.1", "major", "0.4.0"),
        ("0.3.1", "minor", "0.3.2"),
        ("0.3.1", "patch", "0.3.2"),
    ],
)
def test_next_version(version: str, kind: str, expected: str) -> None:
    assert next_version(version, kind) == expected


REPORT = DiffReport(
    (
        ApiChange("removed", "operation", "client.pets.delete", "gone", "major"),
        ApiChange("added", "operation", "client.pets.create", "new", "minor"),
        ApiChange("changed", "operation", "client.pets.get", "path changed", "patch"),
    )
)


def test_a_bump_entry_lists_breaking_changes_features_and_fixes() -> None:
    entry = changelog.bump_entry("1.0.0", "2025-11-02", "Pets (API version 2)", REPORT)
    assert entry.startswith("## 1.0.0 (2025-11-02)\n\nGenerated from Pets (API version 2).\n")
    sections = [line for line in entry.splitlines() if line.startswith("### ")]
    assert sections == ["### Breaking changes", "### Features", "### Fixes"]
    assert "- Removed operation `client.pets.delete`: gone" in entry


def test_the_changelog_keeps_its_history_and_puts_a_bump_first() -> None:
    first = changelog.changelog_text(None, "0.1.0", "Pets (API version 1)")
    assert first.startswith(changelog.HEADER) and "## 0.1.0\n\nFirst release" in first
    assert changelog.changelog_text(first, "0.1.0", "Pets (API version 1)") == first
    entry = changelog.bump_entry("0.2.0", "2025-11-02", "Pets (API version 2)", REPORT)
    bumped = changelog.changelog_text(first, "0.2.0", "Pets (API version 2)", entry)
    assert bumped.index("## 0.2.0 (2025-11-02)") < bumped.index("## 0.1.0")
    assert bumped.startswith(changelog.HEADER)
    by_hand = changelog.changelog_text(bumped, "0.9.0", "Pets (API version 2)")
    assert by_hand.index("## 0.9.0\n") < by_hand.index("## 0.2.0")
    # The banner is the current generation's, whatever the last one wrote above the title.
    old = changelog.changelog_text(None, "0.1.0", "Pets", banner="<!-- from a.yaml -->")
    assert old.startswith("<!-- from a.yaml -->\n\n# Changelog\n")
    new = changelog.changelog_text(old, "0.1.0", "Pets", banner="<!-- from b.yaml -->")
    assert new == old.replace("a.yaml", "b.yaml")


def test_the_license_texts_are_spdx_texts() -> None:
    assert licenses.supported() == ["Apache-2.0", "MIT"]
    apache = licenses.license_text("Apache-2.0")
    assert apache.startswith("Apache License\nVersion 2.0, January 2004\n")
    assert "END OF TERMS AND CONDITIONS" in apache
    mit = licenses.license_text("MIT", "2025 Acme Inc.")
    assert mit.startswith("MIT License\n\nCopyright (c) 2025 Acme Inc.\n")
    assert "<copyright holders>" not in mit


BLOCK = """\
# the SDKs we ship
targets:
  - name: shop   # the main one
    spec: shop.yaml
    output: out
    package: shop
  - name: pets
    spec: shop.yaml
    output: pets
    package: pets
    version: '1.4.0'  # set by hand
  - {name: flow, spec: shop.yaml, output: flow, package: flow}
"""


def test_a_bumped_version_is_written_into_the_config_keeping_the_rest(tmp_path: Path) -> None:
    config = tmp_path / "sdkwright.yaml"
    config.write_text(BLOCK)
    (tmp_path / "shop.yaml").write_text("openapi: 3.1.0\n")
    set_version(config, 0, "0.2.0")
    set_version(config, 1, "2.0.0")
    set_version(config, 2, "0.1.1")
    assert [t.version for t in load_targets(config)] == ["0.2.0", "2.0.0", "0.1.1"]
    text = config.read_text()
    assert text.startswith("# the SDKs we ship\n")
    assert '  - name: shop   # the main one\n    version: "0.2.0"\n' in text
    assert '    version: "2.0.0"  # set by hand\n' in text
    assert '  - {version: "0.1.1", name: flow, spec: shop.yaml' in text
    assert len(text.splitlines()) == len(BLOCK.splitlines()) + 1


def test_a_bumped_version_is_written_into_pyproject_too(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[project]\nname = "x"\n\n[[tool.sdkwright.targets]]\nname = "shop"\n'
        'spec = "shop.yaml"\noutput = "out"\npackage = "shop"\n'
    )
    set_version(config, 0, "0.2.0")
    assert load_targets(config)[0].version == "0.2.0"
    set_version(config, 0, "0.3.0")
    assert load_targets(config)[0].version == "0.3.0"
    assert config.read_text().count("version") == 1


def test_a_config_the_rewrite_cannot_handle_is_restored(tmp_path: Path) -> None:
    config = tmp_path / "sdkwright.yaml"
    original = "targets:\n  - name: shop\n    spec: shop.yaml\n    output: out\n    package: shop\n    version: >-\n      0.1.0\n"
    config.write_text(original)
    with pytest.raises(GenerationFailed) as failed:
        set_version(config, 0, "0.2.0")
    assert "could not write version 0.2.0" in failed.value.diagnostics[0].message
    assert config.read_text() == original


def test_bump_dates_use_iso_days() -> None:
    day = datetime.date(2025, 1, 2).isoformat()
    assert changelog.bump_entry("1.0.0", day, "X", DiffReport(())).startswith(
        "## 1.0.0 (2025-01-02)"
    )
