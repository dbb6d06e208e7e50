"""The reference policy from the command line: --spec-root and --allow-remote-refs."""

from __future__ import annotations

from pathlib import Path

from helpers import describe, sdkwright

ROOT = """\
openapi: 3.1.0
info: {title: Split, version: "1"}
paths:
  /things:
    get:
      operationId: get_things
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "../common/thing.yaml#/Thing"}
"""


def split_layout(folder: Path) -> Path:
    (folder / "spec").mkdir()
    (folder / "common").mkdir()
    (folder / "common" / "thing.yaml").write_text(
        "Thing: {type: object, properties: {id: {type: string}}}\n"
    )
    spec = folder / "spec" / "openapi.yaml"
    spec.write_text(ROOT)
    return spec


def test_spec_root_widens_where_file_refs_may_go(tmp_path: Path) -> None:
    spec = split_layout(tmp_path)
    refused = sdkwright("generate", spec, "-o", tmp_path / "out", "--package", "split")
    assert refused.returncode == 1 and "leaves the spec's folder" in refused.stderr
    assert not (tmp_path / "out").exists()
    allowed = sdkwright(
        "generate", spec, "-o", tmp_path / "out", "--package", "split", "--spec-root", tmp_path
    )
    assert allowed.returncode == 0, describe(allowed)
    assert (tmp_path / "out" / "split" / "types" / "thing.py").is_file()
    assert sdkwright("validate", spec, "--spec-root", tmp_path).returncode == 0


def test_remote_refs_need_the_flag(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(ROOT.replace("../common/thing.yaml", "http://127.0.0.1:9/thing.yaml"))
    refused = sdkwright("validate", spec, "--quick")
    assert refused.returncode == 1 and "--allow-remote-refs" in refused.stderr
    attempted = sdkwright("validate", spec, "--quick", "--allow-remote-refs")
    assert attempted.returncode == 1 and "cannot fetch remote reference" in attempted.stderr
