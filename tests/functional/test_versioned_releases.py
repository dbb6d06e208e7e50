"""Versioned releases: every SDK has its own version (`__version__`, pyproject, User-Agent),
a CHANGELOG.md and a LICENSE; `generate --bump` raises the version by what changed in the spec
since the last generation and writes the changelog entry."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest
import yaml
from helpers import GENERATED, REPO, SPECS
from sdkwright import cli
from sdkwright.release.licenses import license_text

GOLDENS = [
    Path(t["output"]).name for t in yaml.safe_load((REPO / "sdkwright.yaml").read_text())["targets"]
]
CONFIG = """\
# our SDKs
targets:
  - name: shop  # the main one
    spec: specs/kitchensink.yaml
    output: out
    package: shop
  - name: stable
    spec: specs/kitchensink.yaml
    output: stable
    package: stable
    version: "1.4.0"
    license: MIT
    copyright: 2025 Acme Inc.
"""


@pytest.mark.parametrize("golden", GOLDENS)
def test_every_golden_sdk_is_a_release(golden: str) -> None:
    sdk = GENERATED / golden
    assert (sdk / "LICENSE").read_text() == license_text("Apache-2.0")
    changelog = (sdk / "CHANGELOG.md").read_text()
    assert changelog.startswith("<!-- File generated from ") and "\n# Changelog\n" in changelog
    assert "## 0.1.0\n\nFirst release" in (sdk / "CHANGELOG.md").read_text()
    if (sdk / "package.json").is_file():  # a TypeScript SDK (language: typescript)
        package = json.loads((sdk / "package.json").read_text())
        assert (package["version"], package["license"]) == ("0.1.0", "Apache-2.0")
        return
    project = tomllib.loads((sdk / "pyproject.toml").read_text())["project"]
    assert (project["version"], project["license"]) == ("0.1.0", "Apache-2.0")
    version = (sdk / golden / "_version.py").read_text()
    assert '__version__ = "0.1.0"' in version and '/Python 0.1.0"' in version
    # The package says it too, without importing anything (tests/corpus/test_lazy_imports.py).
    assert '\n__version__ = "0.1.0"\n' in (sdk / golden / "__init__.py").read_text()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "specs").mkdir()
    shutil.copy(SPECS / "kitchensink.yaml", tmp_path / "specs")
    (tmp_path / "sdkwright.yaml").write_text(CONFIG)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["generate", "-q"]) == 0
    return tmp_path


def remove_operation(spec: Path, operation_id: str) -> None:
    """A breaking change: drop the path item method whose operationId is given."""
    document = yaml.safe_load(spec.read_text())
    for item in document["paths"].values():
        for method in [
            m
            for m, op in item.items()
            if isinstance(op, dict) and op.get("operationId") == operation_id
        ]:
            del item[method]
    spec.write_text(yaml.safe_dump(document, sort_keys=False))


def test_a_breaking_change_bumps_the_version_and_writes_the_changelog(project: Path) -> None:
    assert (
        (project / "stable" / "LICENSE")
        .read_text()
        .startswith("MIT License\n\nCopyright (c) 2025 Acme Inc.\n")
    )
    remove_operation(project / "specs" / "kitchensink.yaml", "delete_pet")
    assert cli.main(["generate", "--bump", "-q"]) == 0
    today = datetime.datetime.now(datetime.UTC).date().isoformat()

    config = (project / "sdkwright.yaml").read_text()
    assert config.startswith("# our SDKs\n") and "  - name: shop  # the main one\n" in config
    assert '    version: "0.2.0"\n' in config  # 0.x: a breaking change raises the minor
    assert '    version: "2.0.0"\n' in config  # 1.x: it raises the major
    for folder, version in (("out", "0.2.0"), ("stable", "2.0.0")):
        sdk = project / folder
        changelog = (sdk / "CHANGELOG.md").read_text()
        entry = changelog.split(f"## {version} ({today})\n", 1)[1].split("\n## ", 1)[0]
        assert "### Breaking changes" in entry
        assert re.search(
            r"- Removed operation `client\.pets\.delete_pet\(\)`: `DELETE /pets/\{pet_id\}` is gone",
            entry,
        ), entry
        assert changelog.index(f"## {version} (") < changelog.index("First release")
        assert (
            f'__version__ = "{version}"'
            in (sdk / folder.replace("out", "shop") / "_version.py").read_text()
        )
        assert f'version = "{version}"' in (sdk / "pyproject.toml").read_text()
    # The config and the folders agree: nothing to do, nothing drifted.
    assert cli.main(["check", "-q"]) == 0
    assert cli.main(["check", "-q", "--no-fast-path"]) == 0
    changelog = (project / "out" / "CHANGELOG.md").read_text()
    assert cli.main(["generate", "--bump", "-q", "--no-fast-path"]) == 0
    assert (project / "out" / "CHANGELOG.md").read_text() == changelog  # no change, no entry


def test_a_flags_only_sdk_keeps_its_bumped_version_in_its_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec, sdk = tmp_path / "pets.yaml", str(tmp_path / "sdk")
    shutil.copy(SPECS / "kitchensink.yaml", spec)
    assert cli.main(["generate", str(spec), "-o", sdk, "--sdk-version", "3.1.4", "-q"]) == 0
    remove_operation(spec, "get_store")
    assert cli.main(["generate", str(spec), "-o", sdk, "--bump"]) == 0
    assert "version 3.1.4 -> 4.0.0 (major changes" in capsys.readouterr().out
    assert cli.main(["check", str(spec), "-o", sdk, "-q"]) == 0
    assert '__version__ = "4.0.0"' in (Path(sdk) / "kitchen_sink" / "_version.py").read_text()


def test_bump_needs_a_previous_generation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sdk = tmp_path / "sdk"
    assert cli.main(["generate", str(SPECS / "kitchensink.yaml"), "-o", str(sdk), "--bump"]) == 2
    assert "no previous generation to compare with" in capsys.readouterr().err
    assert not sdk.exists()


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--license", "WTFPL"], "no license text for 'WTFPL'"),
        (["--license", "MIT"], "license 'MIT' names a copyright holder"),
        (["--sdk-version", "2025.10"], "'2025.10' is not a semantic version"),
    ],
)
def test_bad_release_flags_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], message: str
) -> None:
    sdk = tmp_path / "sdk"
    assert cli.main(["generate", str(SPECS / "kitchensink.yaml"), "-o", str(sdk), *flags]) == 2
    assert message in capsys.readouterr().err and not sdk.exists()
