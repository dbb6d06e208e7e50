"""The 3-way merge of hand edits (base: the last generation, ours: the file on disk, theirs:
the new generation), the pristine store and the ignore file."""

from __future__ import annotations

import subprocess
import zlib
from pathlib import Path

import pytest
from helpers import GENERATED
from sdkwright.output import merge
from sdkwright.output.merge import FileMerge, merge_file

RESOURCE = "clearstreet/resources/positions.py"
BASE = (GENERATED / "clearstreet" / RESOURCE).read_text()
HELPER = '''
    def cancel_all(self, *, account_id: int, ids: list[str]) -> None:
        """Hand-written: cancel several instructions."""
        for instruction_id in ids:
            self.cancel_position_instruction(account_id=account_id, instruction_id=instruction_id)
'''


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    assert text.count(old) >= count, old
    return text.replace(old, new, count)


def add_helper(text: str) -> str:
    init = "        self._client = client\n"
    return edit(text, init, init + HELPER)


# The generator's change: a parameter's description in the spec changed (sync and async).
THEIRS = edit(BASE, "Server-assigned instruction id", "Server-assigned instruction id (a UUID)", 2)


def merged(ours: str, theirs: str = THEIRS, *, markers: bool = False) -> FileMerge:
    return merge_file(RESOURCE, BASE.encode(), ours.encode(), theirs.encode(), markers=markers)


def test_a_new_method_a_docstring_and_a_default_survive_a_generator_change() -> None:
    ours = add_helper(BASE)
    ours = edit(
        ours, '"""`client.positions`: View positions', '"""`client.positions`: Our positions'
    )
    ours = edit(ours, "max_retries: int | NotGiven = NOT_GIVEN", "max_retries: int | NotGiven = 3")
    result = merged(ours)
    assert result.status == "customised" and result.conflicts == ()
    assert result.result is not None
    text = result.result.decode()
    assert HELPER in text and "Our positions" in text and "NotGiven = 3" in text
    assert text.count("instruction id (a UUID)") == 2  # and the generator's change
    # The async method's default was not edited: only the one edit is kept.
    assert text.count("max_retries: int | NotGiven = NOT_GIVEN") == 1


def test_overlapping_edits_are_a_conflict_with_the_edited_lines_and_the_file_kept() -> None:
    ours = edit(BASE, "Server-assigned instruction id", "The instruction's id")
    result = merged(ours)
    assert result.status == "conflict" and result.result == ours.encode()
    (conflict,) = result.conflicts
    line = ours.splitlines().index("            instruction_id: The instruction's id") + 1
    assert (conflict.start, conflict.end) == (line, line)
    assert result.describe() == [f"{RESOURCE}:{line}: edited by hand, and changed by the generator"]


def test_conflict_markers_only_on_request() -> None:
    ours = edit(BASE, "Server-assigned instruction id", "The instruction's id")
    result = merged(ours, markers=True)
    assert result.status == "conflict" and result.result is not None
    text = result.result.decode()
    block = (
        "<<<<<<< edited\n            instruction_id: The instruction's id\n"
        "||||||| last generation\n            instruction_id: Server-assigned instruction id\n"
        "=======\n            instruction_id: Server-assigned instruction id (a UUID)\n"
        ">>>>>>> generated\n"
    )
    assert block in text
    assert text.count("(a UUID)") == 2  # the other change merged cleanly around the conflict


def test_a_file_the_editor_turned_to_crlf_merges_and_stays_crlf() -> None:
    ours = add_helper(BASE).replace("\n", "\r\n")
    result = merged(ours)
    assert result.status == "customised" and result.result is not None
    text = result.result.decode()
    assert text == add_helper(THEIRS).replace("\n", "\r\n")


def test_an_edit_the_new_generation_already_holds_is_redundant() -> None:
    result = merged(THEIRS)
    assert (result.status, result.result) == ("redundant", THEIRS.encode())
    # Part of the edit only: the rest is still the user's.
    partial = edit(
        add_helper(BASE),
        "Server-assigned instruction id",
        "Server-assigned instruction id (a UUID)",
        2,
    )
    assert merged(partial).status == "customised"


def test_unedited_files_take_the_generation_and_edits_alone_are_kept() -> None:
    assert merged(BASE) == FileMerge(RESOURCE, "generated", THEIRS.encode())
    assert merged(BASE, BASE) == FileMerge(RESOURCE, "unchanged", BASE.encode())
    ours = add_helper(BASE)
    assert merged(ours, BASE) == FileMerge(RESOURCE, "customised", ours.encode())


def test_a_file_deleted_by_hand_stays_deleted_unless_the_generator_changed_it() -> None:
    assert merge_file(RESOURCE, BASE.encode(), None, BASE.encode()).status == "kept-deleted"
    result = merge_file(RESOURCE, BASE.encode(), None, THEIRS.encode())
    assert (result.status, result.result) == ("conflict", None)
    assert "deleted by hand" in result.conflicts[0].detail
    assert merge_file(RESOURCE, None, None, THEIRS.encode()).status == "generated"  # a new file


def test_a_file_the_generation_drops_goes_unless_it_was_edited() -> None:
    assert merge_file(RESOURCE, BASE.encode(), BASE.encode(), None) == FileMerge(
        RESOURCE, "removed", None
    )
    ours = add_helper(BASE)
    result = merge_file(RESOURCE, BASE.encode(), ours.encode(), None)
    assert (result.status, result.result) == ("conflict", ours.encode())  # nothing lost
    assert result.conflicts[0].end == len(ours.splitlines())


def test_without_a_pristine_copy_a_differing_file_is_a_whole_file_conflict() -> None:
    ours = add_helper(BASE)
    result = merge_file(RESOURCE, None, ours.encode(), THEIRS.encode())
    assert (result.status, result.result) == ("conflict", ours.encode())
    assert merge_file(RESOURCE, None, THEIRS.encode(), THEIRS.encode()).status == "unchanged"
    marked = merge_file(RESOURCE, None, ours.encode(), THEIRS.encode(), markers=True)
    assert marked.result is not None and b"<<<<<<< edited" in marked.result


def test_binary_files_merge_whole() -> None:
    base, edited, regenerated = b"\x89PNG\0a", b"\x89PNG\0b", b"\x89PNG\0c"
    assert merge_file("logo.png", base, base, regenerated).result == regenerated
    assert merge_file("logo.png", base, edited, base).status == "customised"
    for markers in (False, True):
        result = merge_file("logo.png", base, edited, regenerated, markers=markers)
        assert (result.status, result.result) == ("conflict", edited)
    latin1 = "caf\xe9\n".encode("latin-1")
    assert merge_file("a.txt", b"x\n", latin1, b"y\n").status == "conflict"


def test_a_tree_merge_honours_the_ignore_file_and_lists_dropped_files() -> None:
    theirs = {"a.py": b"new\n", "keep.py": b"generated\n"}
    base: dict[str, bytes | None] = {"a.py": b"old\n", "keep.py": b"old\n", "gone.py": b"x\n"}
    ours: dict[str, bytes | None] = {"a.py": b"old\n", "keep.py": b"mine\n", "gone.py": b"x\n"}
    ignored = merge.parse_ignore("# comment\nkeep.py\n!a.py\n")
    merges = merge.merge_files(theirs, base, ours, ignored=ignored)
    assert [(m.path, m.status, m.result) for m in merges] == [
        ("a.py", "generated", b"new\n"),
        ("gone.py", "removed", None),
        ("keep.py", "ignored", b"mine\n"),
    ]


def test_ignore_patterns_follow_gitignore() -> None:
    ignored = merge.parse_ignore("tests/\n*.md\n!README.md\n/top.py\n")
    assert ignored("tests/test_x.py") and ignored("api.md") and ignored("top.py")
    assert not ignored("README.md") and not ignored("pkg/top.py") and not ignored("x.py")


# -- the pristine store ---------------------------------------------------------------------


def test_the_store_holds_each_generated_file_once_by_its_hash(tmp_path: Path) -> None:
    files = {"a.py": b"one\n", "b.py": b"one\n", "c.py": b"two\n"}
    merge.store_pristine(tmp_path, files)
    digests = {merge.digest_of(b"one\n"), merge.digest_of(b"two\n")}
    assert merge.present_blobs(tmp_path) == digests
    for data in (b"one\n", b"two\n"):
        blob = tmp_path / merge.blob_path(merge.digest_of(data))
        assert zlib.decompress(blob.read_bytes()) == data
        assert merge.read_pristine(tmp_path, merge.digest_of(data)) == data
    # The next generation: unused blobs go, present ones are not written again.
    assert merge.missing_blobs({"a.py": b"one\n"}, digests) == []
    assert merge.missing_blobs({"e.py": b"four\n"}, digests) == [
        (merge.digest_of(b"four\n"), b"four\n")
    ]
    merge.store_pristine(tmp_path, {"a.py": b"one\n", "d.py": b"three\n"})
    assert merge.present_blobs(tmp_path) == {merge.digest_of(b"one\n"), merge.digest_of(b"three\n")}


def test_a_damaged_or_misnamed_blob_is_not_used(tmp_path: Path) -> None:
    digest = merge.digest_of(b"real\n")
    blob = tmp_path / merge.blob_path(digest)
    blob.parent.mkdir(parents=True)
    blob.write_bytes(b"not zlib")
    assert merge.read_pristine(tmp_path, digest) is None
    blob.write_bytes(zlib.compress(b"other\n"))
    assert merge.read_pristine(tmp_path, digest) is None
    assert merge.read_pristine(tmp_path, "0" * 64) is None
    assert merge.is_store_path(merge.blob_path(digest)) and not merge.is_store_path("pkg/x.py")


def test_merge_tree_and_the_customisations_patch_read_the_folder(tmp_path: Path) -> None:
    generated = {RESOURCE: BASE.encode(), "README.md": b"# SDK\n"}
    for path, data in generated.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    merge.store_pristine(tmp_path, generated)
    previous = {path: merge.digest_of(data) for path, data in generated.items()}
    (tmp_path / RESOURCE).write_text(add_helper(BASE))
    (tmp_path / "README.md").unlink()
    merges = merge.merge_tree(
        {RESOURCE: THEIRS.encode(), "README.md": b"# SDK\n"}, previous, tmp_path
    )
    assert [(m.path, m.status) for m in merges] == [
        ("README.md", "kept-deleted"),
        (RESOURCE, "customised"),
    ]
    patch = merge.customisations(previous, tmp_path)
    assert "--- a/README.md\n+++ /dev/null\n" in patch
    assert f"--- a/{RESOURCE}\n+++ b/{RESOURCE}\n" in patch
    # The patch is the hand edits: applied to the pristine files, it gives the edited tree.
    pristine = tmp_path / "pristine"
    for path, data in generated.items():
        (pristine / path).parent.mkdir(parents=True, exist_ok=True)
        (pristine / path).write_bytes(data)
    applied = subprocess.run(
        ["patch", "-p1", "--quiet"],
        input=patch,
        text=True,
        cwd=pristine,
        capture_output=True,
        check=False,
    )
    if applied.returncode == 127:  # pragma: no cover - no `patch` program
        pytest.skip("the patch program is not installed")
    assert applied.returncode == 0, applied.stderr
    assert (pristine / RESOURCE).read_text() == add_helper(BASE)
    assert not (pristine / "README.md").exists()


# -- with real generations ------------------------------------------------------------------

SPEC = """\
openapi: 3.1.0
info: {title: Shop, version: '1'}
servers: [{url: 'https://shop.example'}]
paths:
  /orders/{order_id}:
    get:
      operationId: getOrder
      tags: [orders]
      summary: Get an order
      description: Returns one order.
      parameters:
        - {name: order_id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
"""


def generate(folder: Path, spec: str) -> dict[str, bytes]:
    from sdkwright.api import generate as run
    from sdkwright.config import Target

    folder.mkdir()
    (folder / "shop.yaml").write_text(spec)
    result = run(Target("shop", folder / "shop.yaml", folder / "out", "shop", "Shop"))
    assert result.files, [d.render() for d in result.diagnostics]
    return result.files


def test_edits_of_a_generated_sdk_survive_a_spec_change(tmp_path: Path) -> None:
    base = generate(tmp_path / "v1", SPEC)
    changed = SPEC.replace("Returns one order.", "Returns one order, with its lines.")
    theirs = generate(tmp_path / "v2", changed)
    path = "shop/resources/orders.py"
    ours = dict(base)
    text = base[path].decode()
    text = edit(
        text, "timeout: Timeout | NotGiven = NOT_GIVEN", "timeout: Timeout | NotGiven = 30.0"
    )
    text = edit(text, '"""Get an order\n', '"""Get an order (hand-edited)\n')
    init = "        self._client = client\n"
    text = edit(text, init, init + "\n    def ping(self) -> str:\n        return 'pong'\n")
    ours[path] = text.encode()
    by_path = {m.path: m for m in merge.merge_files(theirs, dict(base), dict(ours))}
    result = by_path[path]
    assert result.status == "customised" and result.result is not None
    merged_text = result.result.decode()
    for kept in ("= 30.0", "(hand-edited)", "def ping", "Returns one order, with its lines."):
        assert kept in merged_text
    compile(merged_text, path, "exec")
    # The other files changed by the spec change are simply regenerated.
    assert {m.status for p, m in by_path.items() if p != path} <= {"unchanged", "generated"}


def test_pristine_copies_are_shared_so_both_sides_end_together() -> None:
    """The child's share of the copies costs what this process's files and its share cost:
    a copy's byte counts 1, a file's `FILE_COST`. Both shares together are every copy, in
    order."""
    from sdkwright.output import regenerate

    blobs = [(f"{index:064x}", bytes(100)) for index in range(10)]
    theirs, mine = regenerate._shares(blobs, file_bytes=400)  # the child wants (1000 + 100) / 2
    assert [*theirs, *mine] == blobs
    assert (len(theirs), len(mine)) == (6, 4)
    theirs, mine = regenerate._shares(blobs, file_bytes=10_000)  # files alone outweigh them
    assert (list(theirs), list(mine)) == (blobs, [])
