"""Overlays through the pipeline (issue 16): the golden target's overlay, the lock `generate`
records and `check` compares, `sdkwright overlay --from --to`, and `--watch` on overlays."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import GENERATED, REPO, SPECS, describe, sdkwright
from process_lines import LineReader
from sdkwright.cli import watch
from sdkwright.config import OVERLAY_LOCK_NAME, load_targets
from sdkwright.spec.load import load_document
from sdkwright.spec.overlays import apply_overlays

OVERLAY = "specs/overlays/kitchensink-sdk.overlay.yaml"
INVENTORY_SUMMARY = "Count the pets in stock per species"
DEADLINE_S = 60


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The kitchensink target with its overlay and lock, in a scratch folder."""
    root = tmp_path / "repo"
    shutil.copytree(SPECS, root / "specs")
    shutil.copytree(GENERATED / "kitchensink", root / "generated" / "kitchensink")
    shutil.copy(REPO / OVERLAY_LOCK_NAME, root)
    (target,) = [t for t in load_targets(REPO / "sdkwright.yaml") if t.name == "kitchensink"]
    assert target.overlays == (REPO / OVERLAY,)
    (root / "sdkwright.yaml").write_text(
        "targets:\n  - {name: kitchensink, spec: specs/kitchensink.yaml,"
        " output: generated/kitchensink, package: kitchensink, client_name: KitchenSink,"
        f" overlays: [{OVERLAY}]}}\n"
    )
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def test_the_golden_target_applies_its_overlay_and_its_lock_is_committed() -> None:
    stores = (GENERATED / "kitchensink" / "kitchensink" / "resources" / "stores.py").read_text()
    assert f'"""{INVENTORY_SUMMARY}' in stores
    assert "Stores, their stock and the orders placed with them." in stores
    other = GENERATED / "kitchensink_requests" / "kitchensink_requests" / "resources"
    assert INVENTORY_SUMMARY not in (other / "stores.py").read_text()  # only that target
    lock = json.loads((REPO / OVERLAY_LOCK_NAME).read_text())
    entries = lock["targets"]["kitchensink"]
    assert [(e["action"], e["matched"], e["changed"]) for e in entries] == [
        (1, ["$['paths']['/stores/{store_code}/inventory']['get']"], True),
        (2, ["$['tags'][1]"], True),
    ]


def test_check_fails_naming_an_action_an_upstream_change_made_match_nothing(
    project: Path,
) -> None:
    assert sdkwright("check", cwd=project).returncode == 0
    edit(
        project / "specs/kitchensink.yaml",
        "operationId: get_store_inventory",
        "operationId: get_stock",
    )
    result = sdkwright("check", cwd=project)
    assert result.returncode == 1, describe(result)
    located = f"{OVERLAY}:10:13: error[overlay.lock-no-match]: overlay action 1"
    assert located in result.stderr, describe(result)
    assert '"A summary that says what the SDK method returns"' in result.stderr
    assert "matches nothing now; when locked it matched $['paths']" in result.stderr
    # generate records the new outcome (and says what changed); the dead action still fails check.
    generated = sdkwright("generate", cwd=project)
    assert generated.returncode == 0, describe(generated)
    assert "warning[overlay.lock-no-match]" in generated.stderr
    lock = json.loads((project / OVERLAY_LOCK_NAME).read_text())
    assert lock["targets"]["kitchensink"][0]["matched"] == []
    assert sdkwright("check", cwd=project).returncode == 1


def test_check_fails_when_upstream_took_the_change(project: Path) -> None:
    edit(
        project / "specs/kitchensink.yaml",
        "summary: Get store inventory",
        f"summary: {INVENTORY_SUMMARY}",
    )
    result = sdkwright("check", cwd=project)
    assert result.returncode == 1, describe(result)
    assert "error[overlay.lock-no-change]: overlay action 1" in result.stderr
    assert "the spec already holds what it writes" in result.stderr


def test_check_fails_when_an_action_matches_other_nodes(project: Path) -> None:
    spec = project / "specs/kitchensink.yaml"
    edit(spec, "  /stores/{store_code}/inventory:", "  /stores/{store_code}/stock:")
    result = sdkwright("check", cwd=project)
    assert result.returncode == 1, describe(result)
    assert "error[overlay.lock-moved]: overlay action 1" in result.stderr
    assert "no longer $['paths']['/stores/{store_code}/inventory']['get']" in result.stderr
    assert "now also $['paths']['/stores/{store_code}/stock']['get']" in result.stderr


def test_the_overlay_command_writes_an_overlay_from_one_spec_to_another(tmp_path: Path) -> None:
    old, new = tmp_path / "upstream.yaml", tmp_path / "edited.yaml"
    shutil.copy(SPECS / "kitchensink.yaml", old)
    shutil.copy(SPECS / "kitchensink.yaml", new)
    edit(new, "summary: Get store inventory", "summary: Stock per species")
    edit(new, "description: Manage the pets offered by the shop.", "description: Pets.")
    (tmp_path / "overlays").mkdir()
    written = tmp_path / "overlays" / "sdk.yaml"
    result = sdkwright("overlay", "--from", old, "--to", new, "-o", written, cwd=tmp_path)
    assert result.returncode == 0, describe(result)
    overlay = yaml.safe_load(written.read_text())
    assert overlay["overlay"] == "1.1.0" and overlay["extends"] == "../upstream.yaml"
    assert len(overlay["actions"]) == 2
    # Applied to the upstream spec, it gives the edited one.
    applied = apply_overlays(load_document(old), [(written, str(written))])
    assert applied.document.data == load_document(new).data
    assert not applied.notes  # `extends` names the spec it is applied to
    printed = sdkwright("overlay", "--from", old, "--to", new, cwd=tmp_path)
    assert (
        printed.returncode == 0 and yaml.safe_load(printed.stdout)["actions"] == overlay["actions"]
    )
    same = sdkwright("overlay", "--from", old, "--to", old, cwd=tmp_path)
    assert same.returncode == 1 and "no overlay to write" in same.stderr
    missing = sdkwright("overlay", "--from", tmp_path / "nope.yaml", "--to", new, cwd=tmp_path)
    assert missing.returncode == 2 and "load.unreadable" in missing.stderr


def test_watch_watches_the_overlays_even_before_a_first_generation(project: Path) -> None:
    (target,) = load_targets(project / "sdkwright.yaml")
    shutil.rmtree(target.output)  # no manifest to list the inputs
    assert str((project / OVERLAY).resolve()) in watch.watched_state([target])


def test_watch_regenerates_when_an_overlay_changes(project: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "sdkwright", "generate", "--watch", "--interval", "0.1"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    lines = LineReader(process.stdout)
    stores = project / "generated/kitchensink/kitchensink/resources/stores.py"
    try:
        lines.until("watching", DEADLINE_S)
        edit(project / OVERLAY, INVENTORY_SUMMARY, "Stock per species")
        assert "kitchensink-sdk.overlay.yaml" in lines.until("changed:", DEADLINE_S)
        lines.until("files changed", DEADLINE_S)
        assert '"""Stock per species' in stores.read_text()
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=DEADLINE_S)
    assert process.returncode == 0, stderr
    assert os.path.exists(project / OVERLAY_LOCK_NAME)
