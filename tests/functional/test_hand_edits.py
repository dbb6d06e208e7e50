"""Hand edits survive regeneration (issue 16), through the command line: the 3-way merge with
the pristine store, conflicts (left as they are, or with markers) and their exit code, the
ignore file, `check`'s view of them, and the patch `sdkwright customisations` prints.

Most tests call the CLI in-process; the generated SDK is the seed (Clear Street) spec's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SPECS, describe, run, sdkwright
from sdkwright import cli
from sdkwright.output import IGNORE_NAME, MANIFEST_NAME
from sdkwright.output.manifest import read_manifest, sha256
from sdkwright.output.merge import blob_path

RESOURCE = "clearstreet/resources/positions.py"
MODEL = "clearstreet/types/position_instruction.py"
CLIENT = "clearstreet/_client.py"
STATUS = "clearstreet/types/position_instruction_status.py"
HELPER = '''
    def cancel_all(self, *, account_id: int, ids: list[str]) -> None:
        """Hand-written: cancel several instructions."""
        for instruction_id in ids:
            self.cancel_position_instruction(account_id=account_id, instruction_id=instruction_id)
'''
EXIT_CONFLICTS = 3


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(SPECS / "clearstreet.yaml", tmp_path / "clearstreet.yaml")
    assert generate(tmp_path, "-q") == 0
    return tmp_path


def generate(project: Path, *extra: str) -> int:
    return cli.main(argv(project, "generate", *extra))


def argv(project: Path, command: str, *extra: str) -> list[str]:
    spec, out = project / "clearstreet.yaml", project / "sdk"
    return [command, str(spec), "-o", str(out), "--package", "clearstreet", *extra]


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text()
    assert text.count(old) >= count, (path, old)
    path.write_text(text.replace(old, new, count))


def edit_spec(project: Path, old: str, new: str) -> None:
    edit(project / "clearstreet.yaml", old, new)


def make_three_edits(sdk: Path) -> None:
    """A new helper method, a changed docstring and a changed default."""
    edit(
        sdk / RESOURCE,
        "        self._client = client\n",
        "        self._client = client\n" + HELPER,
    )
    edit(sdk / MODEL, '"""Account the instruction belongs to."""', '"""The account (ours)."""')
    edit(sdk / CLIENT, "max_retries: int = DEFAULT_MAX_RETRIES,", "max_retries: int = 5,")


def test_three_hand_edits_and_a_spec_change_are_all_in_the_regenerated_sdk(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sdk = project / "sdk"
    make_three_edits(sdk)
    edit_spec(project, "Server-assigned instruction id", "Server-assigned instruction id (a UUID)")
    edit_spec(project, "Current lifecycle status.", "Current lifecycle status of the instruction.")
    capsys.readouterr()
    assert generate(project) == 0
    out = capsys.readouterr().out
    assert "3 hand-edited files kept" in out
    resource, model, client = ((sdk / p).read_text() for p in (RESOURCE, MODEL, CLIENT))
    assert HELPER in resource and resource.count("instruction id (a UUID)") == 2
    assert '"""The account (ours)."""' in model
    assert '"""Current lifecycle status of the instruction."""' in model
    assert "max_retries: int = 5," in client
    for text, path in ((resource, RESOURCE), (model, MODEL), (client, CLIENT)):
        compile(text, path, "exec")
    # The generated SDK with the edits is still a working package.
    imported = run(
        [
            sys.executable,
            "-c",
            "import clearstreet.resources.positions as p; assert hasattr(p.Positions, 'cancel_all')",
        ],
        cwd=sdk,
    )
    assert imported.returncode == 0, describe(imported)
    # The manifest records what was written: the next run takes the no-op fast path.
    manifest = read_manifest(sdk)
    assert manifest is not None
    assert manifest.files[MODEL].written == sha256((sdk / MODEL).read_bytes())
    assert generate(project) == 0 and "nothing changed" in capsys.readouterr().out
    assert cli.main(argv(project, "check")) == 0
    assert f"customised: {RESOURCE}" in capsys.readouterr().out


def test_a_conflicting_edit_is_reported_with_its_line_and_the_file_left_as_it_is(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sdk = project / "sdk"
    make_three_edits(sdk)
    edit(sdk / MODEL, '"""Number of contracts included in the instruction."""', '"""Ours."""')
    edited = (sdk / MODEL).read_bytes()
    line = 1 + edited.split(b'"""Ours."""')[0].count(b"\n")
    edit_spec(project, "Number of contracts included in the instruction.", "How many contracts.")
    edit_spec(project, "Server-assigned instruction id", "Server-assigned instruction id (a UUID)")
    capsys.readouterr()
    assert generate(project) == EXIT_CONFLICTS
    err = capsys.readouterr().err
    assert (
        f"{sdk / MODEL}:{line}:1: error[generate.conflict]: edited by hand, and changed by the generator"
        in err
    )
    assert "--conflicts=markers" in err
    assert (sdk / MODEL).read_bytes() == edited  # untouched
    assert "instruction id (a UUID)" in (sdk / RESOURCE).read_text()  # the rest is merged
    # It stays a conflict (not silently taken for a hand edit) until resolved.
    assert generate(project, "-q") == EXIT_CONFLICTS
    assert (sdk / MODEL).read_bytes() == edited
    capsys.readouterr()
    assert cli.main(argv(project, "check")) == 1
    assert f"{MODEL}:{line}: edited by hand" in capsys.readouterr().out
    # With markers: both versions in the file, then resolved by hand.
    assert generate(project, "-q", "--conflicts=markers") == EXIT_CONFLICTS
    marked = (sdk / MODEL).read_text()
    assert '<<<<<<< edited\n    """Ours."""\n' in marked
    assert '    """How many contracts."""\n>>>>>>> generated\n' in marked
    assert '"""The account (ours)."""' in marked  # the other edit of the file is merged
    start, end = marked.index("<<<<<<< edited\n"), marked.index(">>>>>>> generated\n")
    resolved = marked[:start] + '    """How many contracts (ours)."""\n' + marked[end + 18 :]
    (sdk / MODEL).write_text(resolved)
    assert generate(project, "-q") == 0
    assert (sdk / MODEL).read_text() == resolved
    assert cli.main(argv(project, "check", "-q")) == 0


def test_the_ignore_file_keeps_files_out_of_every_generation(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sdk = project / "sdk"
    (sdk / IGNORE_NAME).write_text("# ours from now on\nclearstreet/types/position_instruction*\n")
    edit(sdk / MODEL, '"""Account the instruction belongs to."""', '"""Ours."""')
    (sdk / STATUS).unlink()
    mine = (sdk / MODEL).read_bytes()
    edit_spec(project, "Account the instruction belongs to.", "The account.")
    edit_spec(project, "Server-assigned instruction id", "Server-assigned instruction id (a UUID)")
    assert generate(project, "-q") == 0
    assert (sdk / MODEL).read_bytes() == mine and not (sdk / STATUS).exists()
    manifest = read_manifest(sdk)
    assert manifest is not None and MODEL not in manifest.files and STATUS not in manifest.files
    capsys.readouterr()
    assert cli.main(argv(project, "check")) == 0
    out = capsys.readouterr().out
    assert f"ignored: {MODEL}" in out and f"ignored: {STATUS}" in out
    # Editing the ignore file is a change the no-op decision sees. An ignored file is not
    # sdkwright's: generating it again over a file there needs --force.
    (sdk / IGNORE_NAME).write_text("")
    assert generate(project) == 2
    assert "write.untracked-file" in capsys.readouterr().err
    assert (sdk / MODEL).read_bytes() == mine
    assert generate(project, "--force") == 0
    assert (sdk / STATUS).exists() and '"""The account."""' in (sdk / MODEL).read_text()


def test_customisations_print_the_patch_of_every_hand_edit(project: Path) -> None:
    sdk = project / "sdk"
    make_three_edits(sdk)
    (sdk / STATUS).unlink()
    result = sdkwright("customisations", sdk)
    assert result.returncode == 0, describe(result)
    patch = result.stdout
    for path in (RESOURCE, MODEL, CLIENT):
        assert f"--- a/{path}\n+++ b/{path}\n" in patch
    assert f"--- a/{STATUS}\n+++ /dev/null\n" in patch
    assert "+    def cancel_all(" in patch and "+        max_retries: int = 5," in patch
    # Applied to a fresh generation, the patch gives the edited tree back.
    fresh = project / "fresh"
    spec = project / "clearstreet.yaml"
    assert cli.main(["generate", str(spec), "-o", str(fresh), "--package", "clearstreet"]) == 0
    if shutil.which("patch") is None:  # pragma: no cover - no `patch` program
        pytest.skip("the patch program is not installed")
    applied = subprocess.run(
        ["patch", "-p1", "--quiet"], input=patch, text=True, cwd=fresh, capture_output=True
    )
    assert applied.returncode == 0, applied.stderr
    for path in (RESOURCE, MODEL, CLIENT):
        assert (fresh / path).read_bytes() == (sdk / path).read_bytes()
    assert not (fresh / STATUS).exists()
    assert sdkwright("customisations", project / "nowhere").returncode == 2


def test_a_folder_written_before_the_store_existed_merges_unedited_files(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No pristine copies (an older sdkwright wrote the folder): unedited files are their own
    base; an edited file the generator changes cannot be merged and is a conflict."""
    sdk = project / "sdk"
    shutil.rmtree(sdk / ".sdkwright-pristine")
    edit(sdk / MODEL, '"""Account the instruction belongs to."""', '"""Ours."""')
    edited = (sdk / MODEL).read_bytes()
    edit_spec(project, "Current lifecycle status.", "The status.")
    edit_spec(project, "Server-assigned instruction id", "Server-assigned instruction id (a UUID)")
    capsys.readouterr()
    assert generate(project) == EXIT_CONFLICTS
    assert "no pristine copy of the last one is kept" in capsys.readouterr().err
    assert (sdk / MODEL).read_bytes() == edited
    assert "instruction id (a UUID)" in (sdk / RESOURCE).read_text()
    assert (sdk / ".sdkwright-pristine").is_dir()


def test_the_manifest_lists_written_only_for_merged_files(project: Path) -> None:
    sdk = project / "sdk"
    before = (sdk / MANIFEST_NAME).read_text()
    assert '"written"' not in before
    make_three_edits(sdk)
    assert generate(project, "-q") == 0
    manifest = read_manifest(sdk)
    assert manifest is not None
    assert {p for p, e in manifest.files.items() if e.written is not None} == {
        RESOURCE,
        MODEL,
        CLIENT,
    }


# -- a kill in the middle of a merge --------------------------------------------------------

PAUSE_TIMEOUT_S = 60
EDIT_MARKS = {RESOURCE: "def cancel_all(", MODEL: "The account (ours).", CLIENT: "int = 5,"}


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def restore(folder: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for relative, data in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)


def merge_write_steps(project: Path) -> tuple[int, int]:
    """The write steps of the merging generation (a staged file per file written, the
    journal, one step per change and per new pristine copy, the clean-up), and the
    journal's."""
    from sdkwright import api
    from sdkwright.config_flags import target_from_flags
    from sdkwright.output import regenerate

    spec, out = project / "clearstreet.yaml", project / "sdk"
    result = api.generate(target_from_flags(spec, out, "clearstreet", None, "ruff"))
    assert result.manifest is not None
    plan = regenerate.plan(result.files, result.manifest, out, read_manifest(out))
    assert {m.path for m in plan.merges if m.status == "customised"} == set(EDIT_MARKS)
    changes = [*plan.changes, *plan.store]
    written = sum(1 for c in changes if c.new is not None)
    return written + 1 + len(changes) + len(plan.blobs) + 1, written + 1


def kill_at(step: int, project: Path) -> None:
    import os
    import signal

    from process_lines import LineReader
    from sdkwright.output.write import PAUSE_ENV

    command = [sys.executable, "-m", "sdkwright", *argv(project, "generate", "--no-fast-path")]
    env = {**os.environ, PAUSE_ENV: str(step)}
    process = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    try:
        LineReader(process.stderr).until(f"paused before write step {step}", PAUSE_TIMEOUT_S)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=PAUSE_TIMEOUT_S)
    assert process.returncode == -signal.SIGKILL


def edits_on_disk_or_staged(sdk: Path) -> dict[str, str]:
    """Where each hand edit is after a kill: in the file, or in a staged file the journal
    moves into place (what the next run does first)."""
    import json

    from sdkwright.output import TXN_DIR_NAME

    txn = sdk / TXN_DIR_NAME
    journal = txn / "journal.json"
    steps = json.loads(journal.read_text())["steps"] if journal.is_file() else []
    staged = {s["path"]: txn / s["staged"] for s in steps if "staged" in s}
    found = {}
    for path, mark in EDIT_MARKS.items():
        if mark in (sdk / path).read_text():
            found[path] = "on disk"
        elif path in staged and staged[path].is_file() and mark in staged[path].read_text():
            found[path] = "staged"
    return found


def test_a_kill_midway_through_a_merge_loses_no_hand_edit(project: Path) -> None:
    sdk = project / "sdk"
    make_three_edits(sdk)
    edit_spec(project, "Server-assigned instruction id", "Server-assigned instruction id (a UUID)")
    edit_spec(project, "Current lifecycle status.", "Current lifecycle status of the instruction.")
    before = tree(sdk)
    total, journal = merge_write_steps(project)
    # While staging, at the commit point, and while moving merged files into place.
    for step in sorted({1, journal // 2, journal, journal + 1, (journal + total) // 2, total}):
        restore(sdk, before)
        kill_at(step, project)
        where = edits_on_disk_or_staged(sdk)
        assert set(where) == set(EDIT_MARKS), f"killed before step {step} of {total}: {where}"
        if step <= journal:  # before the commit point: the folder is as it was
            assert {p: d for p, d in tree(sdk).items() if ".sdkwright-txn" not in p} == before
        again = sdkwright(*argv(project, "generate"), cwd=project)
        assert again.returncode == 0, describe(again)
        for path, mark in EDIT_MARKS.items():
            assert mark in (sdk / path).read_text(), (step, path)
        assert (sdk / RESOURCE).read_text().count("instruction id (a UUID)") == 2
        assert '"""Current lifecycle status of the instruction."""' in (sdk / MODEL).read_text()


def test_git_takes_the_pristine_copies_as_binary(project: Path) -> None:
    """Never diffed as text, never given other line ends (core.autocrlf would damage them)."""
    sdk = project / "sdk"
    attributes = sdk / ".sdkwright-pristine" / ".gitattributes"
    assert attributes.read_bytes() == b"* binary\n"
    manifest = read_manifest(sdk)
    assert manifest is not None
    blob = Path(blob_path(manifest.files[MODEL].output))
    if shutil.which("git") is None:  # pragma: no cover - no git here
        pytest.skip("git is not installed")
    assert run(["git", "init", "-q"], cwd=sdk).returncode == 0
    checked = run(["git", "check-attr", "diff", "text", "merge", "--", str(blob)], cwd=sdk)
    assert checked.stdout.splitlines() == [
        f"{blob}: diff: unset",
        f"{blob}: text: unset",
        f"{blob}: merge: unset",
    ], describe(checked)
