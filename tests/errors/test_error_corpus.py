"""The corpus of broken and hostile specs: each gets its expected diagnostics and exit code.

Every case in `cases/` (plus four built at test time: a 50 MB spec, a symlink that points
out of the spec's folder, references to a symlink loop, a FIFO and a folder, a chain of
10,000 references, and `properties` maps that $refs multiply to 10^9 values) is generated from a scratch folder. The diagnostics (level, code, file,
line, column, JSON pointer) and the exit code must match the snapshot in `expected/`; no
case may print a traceback, write outside the output folder, or run injected code. Where a
case does generate an SDK, that SDK must compile and import. `sdkwright validate` must
agree with generate on each case's exit code.

Snapshots keep a diagnostic's hint when it offers `--lenient`.

Refresh the snapshots after an intended change: `pytest tests/errors --update-error-snapshots`.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import hostile_specs
import pytest
from sdkwright.cli import main

HERE = Path(__file__).resolve().parent
CANARY = Path("/tmp/sdkwright-canary")
HEADER = 'openapi: 3.1.0\ninfo: {title: Case, version: "1"}\n'


def fifty_megabytes(folder: Path) -> Path:
    spec = folder / "30-fifty-megabytes.yaml"
    filler = "    " + "x" * 1000 + "\n"
    spec.write_text(HEADER + "paths: {}\nx-padding: |\n" + filler * 52_000)
    return spec


def symlink_out_of_the_folder(folder: Path) -> Path:
    outside = folder.parent / "elsewhere" / "outside.yaml"
    outside.parent.mkdir()
    outside.write_text("Root: {type: string}\n")
    (folder / "schemas.yaml").symlink_to(outside)
    spec = folder / "35-symlink-leaves-the-spec-folder.yaml"
    spec.write_text(
        HEADER + "paths: {}\ncomponents:\n  schemas:\n    Root: {$ref: 'schemas.yaml#/Root'}\n"
    )
    return spec


def refs_to_a_symlink_loop_a_fifo_and_a_folder(folder: Path) -> Path:
    (folder / "loop-a.yaml").symlink_to(folder / "loop-b.yaml")
    (folder / "loop-b.yaml").symlink_to(folder / "loop-a.yaml")
    os.mkfifo(folder / "pipe.yaml")  # opening it would block: no writer ever comes
    (folder / "schemas.yaml").mkdir()
    spec = folder / "55-refs-to-a-symlink-loop-a-fifo-and-a-folder.yaml"
    targets = {"Loop": "loop-a.yaml#/A", "Pipe": "pipe.yaml#/A", "Folder": "schemas.yaml#/A"}
    schemas = "".join(f"    {name}: {{$ref: '{ref}'}}\n" for name, ref in targets.items())
    spec.write_text(HEADER + "paths: {}\ncomponents:\n  schemas:\n" + schemas)
    return spec


def ref_chain_of_10000_links(folder: Path) -> Path:
    spec = folder / "56-ref-chain-of-10000-links.yaml"
    spec.write_text(hostile_specs.ref_chain(10_000))
    return spec


def properties_maps_multiplied_by_refs(folder: Path) -> Path:
    name = "57-properties-maps-multiplied-by-refs.yaml"
    for file, text in hostile_specs.multiplied_properties(name).items():
        (folder / file).write_text(text)
    return folder / name


BUILT: dict[str, Callable[[Path], Path]] = {
    "30-fifty-megabytes.yaml": fifty_megabytes,
    "35-symlink-leaves-the-spec-folder.yaml": symlink_out_of_the_folder,
    "55-refs-to-a-symlink-loop-a-fifo-and-a-folder.yaml": refs_to_a_symlink_loop_a_fifo_and_a_folder,
    "56-ref-chain-of-10000-links.yaml": ref_chain_of_10000_links,
    "57-properties-maps-multiplied-by-refs.yaml": properties_maps_multiplied_by_refs,
}
CASES = sorted([p.name for p in (HERE / "cases").iterdir()] + list(BUILT))


def test_the_corpus_is_complete() -> None:
    assert len(CASES) >= 40
    expected = {p.stem for p in (HERE / "expected").glob("*.json")}
    assert expected == {Path(name).stem for name in CASES}
    lenient = {p.stem for p in (HERE / "expected" / "lenient").glob("*.json")}
    assert lenient == {Path(name).stem for name in LENIENT_CASES}


def offers_lenient(name: str) -> bool:
    """The snapshot of the case has an error whose hint offers --lenient."""
    expected = json.loads((HERE / "expected" / f"{Path(name).stem}.json").read_text())
    return any("hint" in d for d in expected["diagnostics"])


LENIENT_CASES = [name for name in CASES if offers_lenient(name)]


def run_case(
    name: str, root: Path, command: str = "generate", *options: str
) -> tuple[int, str, str]:
    folder = root / "spec"
    folder.mkdir(parents=True)
    spec = (
        BUILT[name](folder) if name in BUILT else Path(shutil.copy(HERE / "cases" / name, folder))
    )
    out, err = io.StringIO(), io.StringIO()
    arguments = ["-o", str(root / "out"), "--package", "case"] if command == "generate" else []
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.chdir(folder):
        code = main([command, spec.name, *arguments, *options, "--format", "json"])
    return code, out.getvalue(), err.getvalue()


def snapshot(code: int, output: str) -> dict[str, object]:
    """Where each diagnostic points; its hint too when the hint offers --lenient."""
    diagnostics = json.loads(output) if output.strip() else []
    fields = ("level", "code", "file", "line", "column", "pointer")
    kept = [
        {f: (Path(d[f]).name if f == "file" and d[f] else d[f]) for f in fields}
        | ({"hint": _lenient_part(d["hint"])} if "--lenient" in (d["hint"] or "") else {})
        for d in diagnostics
    ]
    return {"exit_code": code, "diagnostics": kept}


def _lenient_part(hint: str) -> str:
    """The sentence of a hint that offers --lenient (the rest may name a scratch folder)."""
    return hint[hint.index("or pass --lenient") :]


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


@pytest.mark.parametrize("name", CASES)
def test_case(name: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    CANARY.unlink(missing_ok=True)
    code, output, errors = run_case(name, tmp_path)
    assert "Traceback" not in errors, errors
    assert "internal error" not in errors, errors
    actual = snapshot(code, output)
    expected_file = HERE / "expected" / f"{Path(name).stem}.json"
    if request.config.getoption("--update-error-snapshots"):
        expected_file.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n")
    assert actual == json.loads(expected_file.read_text()), output
    for diagnostic in json.loads(output or "[]"):
        # What is wrong, where, and what to do.
        assert diagnostic["message"] and diagnostic["hint"], diagnostic
        assert diagnostic["file"] and diagnostic["line"] and diagnostic["pointer"] is not None, (
            diagnostic
        )
    written = (
        files_under(tmp_path) - files_under(tmp_path / "spec") - files_under(tmp_path / "elsewhere")
    )
    assert all(p.is_relative_to(tmp_path / "out") for p in written), written
    if code == 0:
        assert_sdk_imports(tmp_path / "out")
    else:
        assert not (tmp_path / "out").exists()
    assert not CANARY.exists(), "injected code ran"


@pytest.mark.parametrize("name", LENIENT_CASES)
def test_lenient_generates_where_the_hint_says(
    name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Where an error's hint offers --lenient, --lenient repairs or skips it with one located
    warning (snapshots in expected/lenient/); where no other error is left, the SDK imports."""
    code, output, errors = run_case(name, tmp_path, "generate", "--lenient")
    assert "Traceback" not in errors and "internal error" not in errors, errors
    actual = snapshot(code, output)
    expected_file = HERE / "expected" / "lenient" / f"{Path(name).stem}.json"
    if request.config.getoption("--update-error-snapshots"):
        expected_file.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n")
    assert actual == json.loads(expected_file.read_text()), output
    diagnostics = json.loads(output)
    offered = json.loads((HERE / "expected" / f"{Path(name).stem}.json").read_text())
    handled = {(d["code"], d["pointer"]) for d in offered["diagnostics"] if "hint" in d}
    assert not [d for d in diagnostics if (d["code"], d["pointer"]) in handled], output
    assert any(d["code"].startswith("lenient.") for d in diagnostics), output
    assert all(d["line"] and d["hint"] for d in diagnostics), output
    if code == 0:
        assert_sdk_imports(tmp_path / "out")


@pytest.mark.parametrize("name", CASES)
def test_lenient_never_breaks_on_a_hostile_spec(name: str, tmp_path: Path) -> None:
    """--lenient on every case: no traceback, output only in the output folder, an SDK
    that imports when it generates, and never an error that it offered to handle."""
    CANARY.unlink(missing_ok=True)
    code, output, errors = run_case(name, tmp_path, "generate", "--lenient")
    assert "Traceback" not in errors and "internal error" not in errors, errors
    found = json.loads(output or "[]")
    assert not [d for d in found if "--lenient" in (d["hint"] or "")], output
    written = (
        files_under(tmp_path) - files_under(tmp_path / "spec") - files_under(tmp_path / "elsewhere")
    )
    assert all(p.is_relative_to(tmp_path / "out") for p in written), written
    if code == 0:
        assert_sdk_imports(tmp_path / "out")
    assert not CANARY.exists(), "injected code ran"


def assert_sdk_imports(sdk: Path) -> None:
    probe = "import pkgutil, importlib, case\nfor m in pkgutil.walk_packages(case.__path__, 'case.'): importlib.import_module(m.name)\n"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=sdk,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.parametrize("name", CASES)
def test_validate_accepts_what_generate_accepts(name: str, tmp_path: Path) -> None:
    """`sdkwright validate` (openapi-spec-validator's full walk too) agrees with generate:
    it refused Swagger 2.0 file responses that generate accepts (issue 13, point 5)."""
    code, output, errors = run_case(name, tmp_path, "validate")
    assert "Traceback" not in errors and "internal error" not in errors, errors
    expected = json.loads((HERE / "expected" / f"{Path(name).stem}.json").read_text())
    assert code == expected["exit_code"], output
