"""sdkwright.spec.validate: the meta-schema, openapi-spec-validator and sdkwright's own rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.spec.resolve import load_spec
from sdkwright.spec.validate import spec_version, validate
from spec_helpers import load, openapi, write_spec

OK = {"200": {"description": "ok"}}


def path_parameter(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


@pytest.mark.parametrize(
    ("document", "version"),
    [
        ({"swagger": "2.0"}, "2.0"),
        ({"openapi": "3.0.0"}, "3.0"),
        ({"openapi": "3.0.3"}, "3.0"),
        ({"openapi": "3.1.0"}, "3.1"),
        ({"openapi": "3.1.1"}, "3.1"),
        ({"openapi": "3.2.0"}, None),
        ({"openapi": "3.10.0"}, None),
        ({"swagger": "1.2"}, None),
        ({}, None),
    ],
)
def test_spec_version(document: dict[str, Any], version: str | None) -> None:
    assert spec_version(document) == version


def test_an_unknown_version_is_one_error(tmp_path: Path) -> None:
    specs = load(tmp_path, {"openapi": "4.0.0", "info": {}, "paths": {}})
    [diagnostic] = validate(specs)
    assert (diagnostic.level, diagnostic.code) == (Level.ERROR, "spec.version")


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_a_valid_spec_has_no_diagnostics(tmp_path: Path, version: str) -> None:
    paths = {
        "/a/{id}": {
            "get": {"operationId": "getA", "parameters": [path_parameter("id")], "responses": OK}
        }
    }
    specs = load(tmp_path, openapi(paths=paths, version=version))
    assert validate(specs) == []
    assert validate(specs, full=True) == []


def test_meta_schema_error_points_at_the_bad_value(tmp_path: Path) -> None:
    bad = {"name": "q", "in": "bogus", "schema": {"type": "string"}}
    text = """\
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      parameters:
        - name: q
          in: bogus
          schema: {type: string}
      responses:
        "200": {description: ok}
"""
    specs = load(tmp_path, text, "openapi.yaml")
    assert specs.root.data["paths"]["/a"]["get"]["parameters"][0] == bad
    diagnostics = validate(specs)
    assert diagnostics, "a parameter 'in: bogus' must be reported"
    assert {d.code for d in diagnostics} == {"spec.schema"}
    [diagnostic] = [
        d for d in diagnostics if d.location and d.location.pointer == "/paths/~1a/get/parameters/0"
    ]
    assert diagnostic.level is Level.ERROR
    assert (diagnostic.location.line, diagnostic.location.column) == (7, 11)  # type: ignore[union-attr]


def test_duplicate_operation_id(tmp_path: Path) -> None:
    paths = {
        "/a": {"get": {"operationId": "same", "responses": OK}},
        "/b": {"post": {"operationId": "same", "responses": OK}},
    }
    [diagnostic] = validate(load(tmp_path, openapi(paths=paths)))
    assert (diagnostic.level, diagnostic.code) == (Level.ERROR, "rule.duplicate-operation-id")
    assert diagnostic.location is not None
    assert diagnostic.location.pointer == "/paths/~1b/post/operationId"


def test_undeclared_path_variable_is_an_error(tmp_path: Path) -> None:
    paths = {"/a/{id}/b/{other}": {"get": {"parameters": [path_parameter("id")], "responses": OK}}}
    diagnostics = validate(load(tmp_path, openapi(paths=paths)))
    rule = [d for d in diagnostics if d.code == "rule.undeclared-path-parameter"]
    assert [d.level for d in rule] == [Level.ERROR]
    assert "'other'" in rule[0].message
    assert rule[0].location is not None
    assert rule[0].location.pointer == "/paths/~1a~1{id}~1b~1{other}/get"


def test_path_level_parameters_count_as_declared(tmp_path: Path) -> None:
    paths = {"/a/{id}": {"parameters": [path_parameter("id")], "get": {"responses": OK}}}
    assert validate(load(tmp_path, openapi(paths=paths))) == []


def test_referenced_path_parameters_count_as_declared(tmp_path: Path) -> None:
    spec = openapi(
        paths={
            "/a/{id}": {
                "get": {"parameters": [{"$ref": "#/components/parameters/Id"}], "responses": OK}
            }
        }
    )
    spec["components"] = {"parameters": {"Id": path_parameter("id")}}
    assert validate(load(tmp_path, spec)) == []


def test_declared_path_parameter_missing_from_the_path_is_a_warning(tmp_path: Path) -> None:
    paths = {"/a": {"get": {"parameters": [path_parameter("id")], "responses": OK}}}
    [diagnostic] = validate(load(tmp_path, openapi(paths=paths)))
    assert (diagnostic.level, diagnostic.code) == (Level.WARNING, "rule.unused-path-parameter")
    assert "'id'" in diagnostic.message


def test_full_validation_runs_openapi_spec_validator(tmp_path: Path) -> None:
    # The meta-schema does not check defaults against their schema; openapi-spec-validator does.
    parameter = {"name": "q", "in": "query", "schema": {"type": "string", "default": 5}}
    specs = load(
        tmp_path, openapi(paths={"/a": {"get": {"parameters": [parameter], "responses": OK}}})
    )
    assert validate(specs) == []
    diagnostics = validate(specs, full=True)
    assert [(d.level, d.code) for d in diagnostics] == [(Level.ERROR, "spec.openapi")]
    assert "5" in diagnostics[0].message


def test_swagger_2_is_validated_against_its_own_schema(tmp_path: Path) -> None:
    spec = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "parameters": [{"name": "q", "in": "cookie", "type": "string"}],
                    "responses": OK,
                }
            }
        },
    }
    diagnostics = validate(load(tmp_path, spec))
    assert diagnostics and {d.code for d in diagnostics} == {"spec.schema"}


def test_full_validation_of_a_multi_file_spec(tmp_path: Path) -> None:
    write_spec(
        tmp_path,
        {"Pet": {"type": "object", "properties": {"a": {"type": "string"}}}},
        "schemas/pet.json",
    )
    response = {
        "description": "ok",
        "content": {"application/json": {"schema": {"$ref": "schemas/pet.json#/Pet"}}},
    }
    specs = load(tmp_path, openapi(paths={"/pets": {"get": {"responses": {"200": response}}}}))
    assert validate(specs) == []
    assert validate(specs, full=True) == []


def test_full_validation_with_a_dangling_ref_returns_diagnostics(tmp_path: Path) -> None:
    parameter = {"name": "q", "in": "query", "schema": {"$ref": "#/components/schemas/Missing"}}
    path = write_spec(
        tmp_path, openapi(paths={"/a": {"get": {"parameters": [parameter], "responses": OK}}})
    )
    specs, load_diagnostics = load_spec(path)
    assert [d.code for d in load_diagnostics] == ["ref.unresolved"]
    diagnostics = validate(specs, full=True)  # must not raise
    assert all(isinstance(d, Diagnostic) for d in diagnostics)
