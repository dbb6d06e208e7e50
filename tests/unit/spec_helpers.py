"""Small helpers for unit tests that need a spec on disk: write it, load it, build the IR.

Specs are written as JSON (a Python dict) or as YAML text, into a pytest `tmp_path`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir.nodes import Api, Definition, Model
from sdkwright.spec.resolve import SpecSet, load_spec
from sdkwright.targets.python.naming.step import NamingOptions, build_named_api

OPTIONS = NamingOptions(package="x", client_name="X")


def write_spec(folder: Path, spec: dict[str, Any] | str, name: str = "openapi.json") -> Path:
    """`spec` as a file in `folder`: a dict is dumped as JSON, a string is written as is."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = spec if isinstance(spec, str) else json.dumps(spec, indent=2)
    path.write_text(text, encoding="utf-8")
    return path


def load(folder: Path, spec: dict[str, Any] | str, name: str = "openapi.json") -> SpecSet:
    specs, diagnostics = load_spec(write_spec(folder, spec, name))
    assert diagnostics == [], [d.render() for d in diagnostics]
    return specs


def build(folder: Path, spec: dict[str, Any] | str) -> tuple[Api, list[Diagnostic]]:
    return build_named_api(load(folder, spec), OPTIONS)


def definitions(api: Api) -> dict[str, Definition]:
    return {d.name: d for d in api.definitions}


def model(api: Api, name: str) -> Model:
    found = definitions(api)[name]
    assert isinstance(found, Model), found
    return found


def field_types(api: Api, name: str) -> dict[str, Any]:
    """{wire name: IR type} of a model's fields."""
    return {f.wire_name: f.type for f in model(api, name).fields}


def codes(diagnostics: list[Diagnostic], level: Level | None = None) -> list[str]:
    return [d.code for d in diagnostics if level is None or d.level is level]


def openapi(
    schemas: dict[str, Any] | None = None,
    paths: dict[str, Any] | None = None,
    version: str = "3.1.0",
) -> dict[str, Any]:
    """A minimal OpenAPI 3.x document."""
    spec: dict[str, Any] = {
        "openapi": version,
        "info": {"title": "Test", "version": "1"},
        "paths": paths or {},
    }
    if schemas is not None:
        spec["components"] = {"schemas": schemas}
    return spec


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_response(schema: dict[str, Any], **media: Any) -> dict[str, Any]:
    return {"description": "ok", "content": {"application/json": {"schema": schema, **media}}}
