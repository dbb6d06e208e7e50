"""Hostile names end to end (issue 14): specs whose names would make files no file system
holds, or that shadow what generated classes need, generate SDKs that work."""

from __future__ import annotations

from pathlib import Path

import yaml
from helpers import describe, run_generated_tests, sdkwright
from sdkwright.output import portable

LONG = "a" + "VeryLongName" * 24  # 289 characters: no file system takes it as a file name


def _files(sdk: Path) -> list[str]:
    return [p.relative_to(sdk).as_posix() for p in sdk.rglob("*") if p.is_file()]


def test_names_past_the_file_name_limit_give_a_working_sdk(tmp_path: Path) -> None:
    long_object = {"type": "object", "properties": {LONG + "Prop": {"type": "string"}}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Long", "version": "1"},
        "paths": {
            "/things": {
                "post": {
                    "operationId": LONG + "Operation",
                    "tags": [LONG + "Tag"],
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": f"#/components/schemas/{LONG}"}}
                        }
                    },
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"type": "object", "properties": {LONG: long_object}}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": {LONG: long_object}},
    }
    source = tmp_path / "long.yaml"
    source.write_text(yaml.safe_dump(spec))
    sdk = tmp_path / "sdk"
    result = sdkwright("generate", source, "-o", sdk, "--package", "long_names")
    assert result.returncode == 0, describe(result)
    assert "Traceback" not in result.stderr
    assert "warning[naming.file-name]" in result.stderr + result.stdout
    files = _files(sdk)
    assert max(len(Path(f).name.encode()) for f in files) <= 255
    assert portable.problems(files) == []
    tests = run_generated_tests(sdk)
    assert tests.returncode == 0, describe(tests)
