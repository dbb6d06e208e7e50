"""Which files a spec may pull in: inside its folder always, remote documents on request."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sdkwright.spec.load import Limits
from sdkwright.spec.resolve import load_spec

ROOT = """\
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Root: {$ref: "REF"}
"""


def spec_with_ref(folder: Path, ref: str) -> Path:
    path = folder / "api" / "openapi.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ROOT.replace("REF", ref))
    return path


def messages(path: Path, **options: Any) -> list[str]:
    _, diagnostics = load_spec(path, **options)
    return [d.message for d in diagnostics]


def test_files_below_the_spec_folder_are_followed(tmp_path: Path) -> None:
    spec = spec_with_ref(tmp_path, "schemas/root.yaml#/Root")
    (spec.parent / "schemas").mkdir()
    (spec.parent / "schemas" / "root.yaml").write_text("Root: {type: string}\n")
    assert messages(spec) == []


def test_a_symlink_that_stays_inside_is_fine(tmp_path: Path) -> None:
    spec = spec_with_ref(tmp_path, "alias.yaml#/Root")
    (spec.parent / "real.yaml").write_text("Root: {type: string}\n")
    (spec.parent / "alias.yaml").symlink_to(spec.parent / "real.yaml")
    assert messages(spec) == []


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("../outside.yaml#/Root", "leaves the spec's folder"),
        ("schemas/../../outside.yaml#/Root", "leaves the spec's folder"),
        ("/etc/hostname#/Root", "absolute file reference"),
        ("file:///etc/hostname#/Root", "unsupported scheme"),
        ("https://example.com/root.yaml#/Root", "remote reference"),
    ],
)
def test_refs_out_of_bounds_are_refused(tmp_path: Path, ref: str, expected: str) -> None:
    (tmp_path / "outside.yaml").write_text("Root: {type: string}\n")
    found = messages(spec_with_ref(tmp_path, ref))
    assert len(found) == 1 and expected in found[0], found


def test_a_symlink_pointing_out_is_refused(tmp_path: Path) -> None:
    (tmp_path / "outside.yaml").write_text("Root: {type: string}\n")
    spec = spec_with_ref(tmp_path, "inside.yaml#/Root")
    (spec.parent / "inside.yaml").symlink_to(tmp_path / "outside.yaml")
    found = messages(spec)
    assert len(found) == 1 and "leaves the spec's folder" in found[0]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving `tmp_path/www`, for the opt-in remote refs."""
    www = tmp_path / "www"
    (www / "schemas").mkdir(parents=True)
    (www / "root.yaml").write_text("Root: {$ref: 'schemas/leaf.yaml#/Leaf'}\n")
    (www / "schemas" / "leaf.yaml").write_text(
        "Leaf: {type: object, properties: {id: {type: string}}}\n"
    )
    handler = partial(SimpleHTTPRequestHandler, directory=str(www))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_remote_refs_load_when_allowed_with_relative_refs_inside(
    tmp_path: Path, served: str
) -> None:
    spec = spec_with_ref(tmp_path, f"{served}/root.yaml#/Root")
    assert "remote reference" in messages(spec)[0]
    specs, diagnostics = load_spec(spec, allow_remote=True)
    assert diagnostics == []
    leaf = specs.deref(specs.root_node.child("components", "schemas", "Root"))
    assert leaf.value["properties"] == {"id": {"type": "string"}}
    assert leaf.document.url == f"{served}/schemas/leaf.yaml"


def test_remote_documents_obey_the_size_limit(tmp_path: Path, served: str) -> None:
    (tmp_path / "www" / "big.yaml").write_text("Root: {type: string}\n" + "# padding\n" * 200)
    spec = spec_with_ref(tmp_path, f"{served}/big.yaml#/Root")
    _, diagnostics = load_spec(spec, allow_remote=True, limits=Limits(max_bytes=600))
    assert [d.code for d in diagnostics][:1] == ["limit.size"]


def test_a_wider_spec_root_admits_sibling_folders(tmp_path: Path) -> None:
    """Layouts like `spec/` beside `common/` need the project folder as the root."""
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "error.yaml").write_text("Root: {type: string}\n")
    spec = spec_with_ref(tmp_path, "../common/error.yaml#/Root")
    assert "leaves the spec's folder" in messages(spec)[0]
    assert messages(spec, spec_root=tmp_path) == []
    assert "leaves the spec's folder" in messages(spec, spec_root=tmp_path / "api")[0]
