"""Both cores: a forked child does a share of a stage (`sdkwright.forked`), the YAML parse
(`cache/parsed_yaml.py`) and the render (`targets/python/parallel.py`), and the result is
exactly the serial one, also when the child fails or cannot be forked."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml
from sdkwright import forked
from sdkwright.cache import parsed_yaml
from sdkwright.cache.render_cache import RenderCache
from sdkwright.diagnostics import GenerationFailed
from sdkwright.ir.nodes import Api
from sdkwright.targets.python import format, parallel, render, units
from test_render_cache import assert_warm_renders_are_cold_ones, build, edits, original

needs_two_cores = pytest.mark.skipif(
    forked.cores() < 2 or not sys.platform.startswith("linux"),
    reason="needs Linux and two cores to run a child beside this process",
)


def forking_now() -> bool:
    """Whether a child can be forked now: not while a thread another test of the session
    left runs (then every stage must take its serial path, which the tests check instead)."""
    return forked.can_fork()


@needs_two_cores
def test_a_child_returns_its_bytes_or_none_when_it_fails() -> None:
    child = forked.fork(lambda: str(os.getpid()).encode())
    if not forking_now():
        assert child is None
        return
    assert child is not None
    pid = child.result()
    assert pid is not None and int(pid) != os.getpid()
    assert child.result() is None  # read once

    def fails() -> bytes:
        raise ValueError("in the child")

    failing = forked.fork(fails)
    assert failing is not None and failing.result() is None


@needs_two_cores
def test_a_child_given_up_is_stopped_and_reaped() -> None:
    def sleeps() -> bytes:
        threading.Event().wait(60)
        return b"late"

    child = forked.fork(sleeps)
    if not forking_now():
        assert child is None
        return
    assert child is not None
    child.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(child._pid, os.WNOHANG)  # reaped: no such child any more


def test_no_child_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert forked.fork(lambda: b"x", needs_a_core=False) is None
    finally:
        stop.set()
        thread.join()


# -- the YAML parse ------------------------------------------------------------------------


def _spec_text(entries: int) -> str:
    schemas = "".join(
        f"    S{n}:\n      type: object\n      description: schema number {n}\n"
        for n in range(entries)
    )
    return f"openapi: 3.0.0\ninfo: {{title: t, version: '1'}}\ncomponents:\n  schemas:\n{schemas}"


@needs_two_cores
def test_the_parse_on_two_cores_equals_the_whole_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsed_yaml, "MIN_TEXT_CHARS", 0)
    monkeypatch.setattr(parsed_yaml, "MIN_SPLIT_CHARS", 0)
    monkeypatch.setattr(parsed_yaml, "MIN_PARALLEL_CHARS", 0)
    text = _spec_text(200)
    parsed_here: list[str] = []
    real_load = parsed_yaml.yamlcore.load

    def counting_load(text: str) -> Any:
        parsed_here.append(text)  # this process's list: the child's parses are not counted
        return real_load(text)

    monkeypatch.setattr(parsed_yaml.yamlcore, "load", counting_load)
    assert parsed_yaml.load_yaml(text, None) == yaml.load(text, Loader=parsed_yaml.SpecLoader)
    schemas_parsed_here = [t for t in parsed_here if t.startswith("S")]
    if forking_now():
        assert 50 < len(schemas_parsed_here) < 150  # about half: the child parsed the rest
    else:
        assert len(schemas_parsed_here) == 200


@needs_two_cores
def test_a_syntax_error_on_two_cores_is_the_whole_parse_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parsed_yaml, "MIN_TEXT_CHARS", 0)
    monkeypatch.setattr(parsed_yaml, "MIN_PARALLEL_CHARS", 0)
    text = _spec_text(100).replace("schema number 99\n", "[unclosed\n")
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        parsed_yaml.load_yaml(text, None)
    assert raised.value.problem_mark is not None
    assert raised.value.problem_mark.line == text.count("\n")


# -- the render ------------------------------------------------------------------------------


def _render_counting(
    api: Api, monkeypatch: pytest.MonkeyPatch, cache: RenderCache | None = None, **options: str
) -> tuple[dict[str, str], int]:
    """The SDK's files, and how many units this process rendered (not its child)."""
    rendered_here = 0
    real = render._render_unit

    def counting(*arguments: Any) -> Any:
        nonlocal rendered_here
        rendered_here += 1
        return real(*arguments)

    monkeypatch.setattr(render, "_render_unit", counting)
    files = render.render_sdk(api, cache=cache, **options)
    monkeypatch.setattr(render, "_render_unit", real)
    return files, rendered_here


@needs_two_cores
@pytest.mark.parametrize("name", ["kitchensink", "clearstreet"])
def test_a_render_on_two_cores_equals_the_serial_one(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = build(original(name), tmp_path)
    serial, all_units = _render_counting(api, monkeypatch)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_UNITS", 1)
    both, units_here = _render_counting(api, monkeypatch)
    assert both == serial and list(both) == list(serial)  # the same files in the same order
    if forking_now():
        assert 0 < units_here < all_units  # the child rendered the others
    else:
        assert units_here == all_units


@needs_two_cores
def test_the_render_cache_learns_what_the_child_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = build(original("kitchensink"), tmp_path)
    cache_file = str(tmp_path / "render.marshal")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_UNITS", 1)
    first = RenderCache(cache_file, "identity")
    cold, _ = _render_counting(api, monkeypatch, first)
    assert first.reused == 0 and first.rendered > 0
    monkeypatch.setattr(parallel, "MIN_PARALLEL_UNITS", 10**9)  # serial: reads the whole cache
    again = RenderCache(cache_file, "identity")
    warm, rendered_here = _render_counting(api, monkeypatch, again)
    assert warm == cold
    assert (again.rendered, again.reused, rendered_here) == (0, first.rendered, 0)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_UNITS", 1)  # and a child reuses its share
    third = RenderCache(cache_file, "identity")
    assert _render_counting(api, monkeypatch, third) == (cold, 0)
    assert (third.rendered, third.reused) == (0, first.rendered)


@needs_two_cores
def test_edits_rendered_on_two_cores_from_the_cache_equal_cold_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_UNITS", 1)
    assert_warm_renders_are_cold_ones("kitchensink", tmp_path, edits("kitchensink")[:6])


@needs_two_cores
def test_a_failed_child_leaves_its_share_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = build(original("kitchensink"), tmp_path)
    serial, all_units = _render_counting(api, monkeypatch)

    def failing(*arguments: Any) -> bytes:
        raise MemoryError("the child ran out")

    monkeypatch.setattr(parallel, "MIN_PARALLEL_UNITS", 1)
    monkeypatch.setattr(parallel, "_outcomes", failing)
    files, units_here = _render_counting(api, monkeypatch)
    assert files == serial and units_here == all_units


def test_small_specs_render_serially(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forks: list[object] = []
    monkeypatch.setattr(forked, "fork", lambda *a, **k: forks.append(a))
    api = build(original("kitchensink"), tmp_path)
    assert len(api.definitions) + len(api.groups) < parallel.MIN_PARALLEL_UNITS
    render.render_sdk(api)
    assert forks == []


@pytest.mark.parametrize("name", ["kitchensink", "clearstreet"])
def test_shares_split_every_unit_once_at_about_equal_cost(name: str, tmp_path: Path) -> None:
    api = build(original(name), tmp_path)
    plan_units = units.layout(api, render_plan(), {d.name: d for d in api.definitions}).units
    mine, theirs = parallel.shares(plan_units)
    assert sorted(mine + theirs) == list(range(len(plan_units)))
    costs = [sum(parallel.cost(plan_units[i]) for i in share) for share in (mine, theirs)]
    largest = max(parallel.cost(unit) for unit in plan_units)
    total = sum(costs)
    assert abs(costs[1] - costs[0] - parallel.PARENT_EXTRA * total) <= largest


def render_plan() -> Any:
    from sdkwright import flavours

    flavour = flavours.get("httpx")
    assert flavour is not None
    return flavour.resolve({})


# -- the formatter ----------------------------------------------------------------------------

GOLDEN = Path(__file__).resolve().parents[2] / "generated" / "kitchensink"


def _unformatted() -> dict[str, str]:
    """The golden SDK's Python files with their imports out of order."""
    files = {}
    for path in sorted(GOLDEN.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        for n in range(len(lines) - 1):  # two adjacent one-line imports: swapped
            pair = lines[n : n + 2]
            if all(_one_line_import(line) for line in pair) and pair[0] != pair[1]:
                lines[n : n + 2] = reversed(pair)
                break
        files[path.relative_to(GOLDEN).as_posix()] = "".join(lines)
    return files


def _one_line_import(line: str) -> bool:
    return line.startswith(("import ", "from ")) and "__future__" not in line and "(" not in line


@needs_two_cores
def test_formatting_on_two_cores_equals_formatting_in_one(monkeypatch: pytest.MonkeyPatch) -> None:
    files = _unformatted()
    serial = format.format_python(files, "ruff", "kitchensink")
    monkeypatch.setattr(format, "MIN_PARALLEL_FILES", 1)
    both = format.format_python(files, "ruff", "kitchensink")
    assert both == serial and list(both) == list(serial)
    golden = {p: (GOLDEN / p).read_text(encoding="utf-8") for p in files}
    assert files != golden and both == golden  # the imports sorted again in both halves


@needs_two_cores
def test_a_formatter_failure_on_two_cores_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(format, "MIN_PARALLEL_FILES", 1)
    files = {"a.py": "x = 1\n", "b.py": "def broken(:\n"}
    with pytest.raises(GenerationFailed) as raised:
        format.format_python(files, "ruff", "sdk")
    assert [d.code for d in raised.value.diagnostics] == ["format.failed"]


@needs_two_cores
def test_formatting_started_early_equals_formatting_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A child given a share of the files before the last pages render: its share and the
    rest formatted here end as one formatting of all files would, a file rendered again
    since it was sent (its new text) and a file added since included."""
    files = _unformatted()
    serial = format.format_python(files, "ruff", "kitchensink")
    monkeypatch.setattr(format, "MIN_PARALLEL_FILES", 1)
    early = format.Early("ruff", "kitchensink")
    early.start(files)
    if forking_now():
        assert early.child is not None and 0 < len(early.sent) < len(files)
    else:  # a thread another test left: everything is formatted here
        assert early.child is None and early.sent == {}
    changed = next(iter(early.sent or files))
    later = {**files, changed: "import sys\nimport os\n", "added.py": "x=[ 1 ]\n"}
    both = format.format_python(later, "ruff", "kitchensink", early)
    early.close()
    assert list(both) == list(later)
    assert both[changed] == "import os\nimport sys\n" and both["added.py"] == "x = [1]\n"
    assert {p: t for p, t in both.items() if p not in (changed, "added.py")} == {
        p: t for p, t in serial.items() if p != changed
    }


@needs_two_cores
def test_an_early_child_that_fails_leaves_its_share_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child that fails (its formatter broke, say) is reported as the formatting here
    reports it: its share is formatted again in this process."""
    monkeypatch.setattr(format, "MIN_PARALLEL_FILES", 1)
    files = {"a.py": "def broken(:\n", "b.py": "x = 1\n"}
    early = format.Early("ruff", "sdk")
    early.start(files)
    if forking_now():
        assert early.sent == {"a.py": "def broken(:\n"}
    else:  # a thread another test left: the failure is found here alone
        assert early.child is None and early.sent == {}
    with pytest.raises(GenerationFailed) as raised:
        format.format_python(files, "ruff", "sdk", early)
    early.close()
    assert [d.code for d in raised.value.diagnostics] == ["format.failed"]


@needs_two_cores
def test_a_first_generation_starts_formatting_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into a new folder (nothing to reuse) formatting starts before the last pages render;
    into a folder generated before, not (`_format_with_cache` reuses what it can). Both
    give the files a generation without it gives."""
    from sdkwright import api
    from sdkwright.config_flags import target_from_flags
    from spec_helpers import json_response, openapi, write_spec

    spec = write_spec(
        tmp_path,
        openapi(paths={"/a": {"get": {"responses": {"200": json_response({"type": "string"})}}}}),
    )
    plain = api.generate(target_from_flags(spec, tmp_path / "plain", "sdk", None, "ruff"))
    monkeypatch.setattr(format, "MIN_PARALLEL_FILES", 1)
    started: list[int] = []
    real_start = format.Early.start

    def start(self: format.Early, files: dict[str, str]) -> None:
        real_start(self, files)
        started.append(len(self.sent))

    monkeypatch.setattr(format.Early, "start", start)
    target = target_from_flags(spec, tmp_path / "sdk", "sdk", None, "ruff")
    first = api.generate(target)
    assert first.files == plain.files and len(started) == 1
    assert started[0] > 0 or not forking_now()
    api.write_result(first, target.output)
    assert api.generate(target).files == plain.files and len(started) == 1  # not again


def test_the_formatters_write_no_cache_into_the_folder_they_format(tmp_path: Path) -> None:
    """The folder is new on every run: a cache the formatter wrote there would never be read."""
    (tmp_path / "module.py").write_text("import sys\nimport os\nx=[ 1,2 ]\n", encoding="utf-8")
    for command in format._commands("ruff", "sdk"):
        format._run(command, tmp_path)
    assert (tmp_path / "module.py").read_text(encoding="utf-8") == (
        "import os\nimport sys\n\nx = [1, 2]\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["module.py"]
