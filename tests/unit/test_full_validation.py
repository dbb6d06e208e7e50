"""sdkwright.spec.full_validation: openapi-spec-validator's walk agrees with `generate` on
what is valid, and its errors are located where they are."""

from __future__ import annotations

from pathlib import Path

from sdkwright.diagnostics import Diagnostic
from sdkwright.spec.resolve import load_spec
from sdkwright.spec.validate import validate
from spec_helpers import write_spec
from test_refs import ANCHORED, DATA_REFS


def full(folder: Path, text: str | dict[str, object], name: str = "spec.yaml") -> list[Diagnostic]:
    specs, diagnostics = load_spec(write_spec(folder, text, name))
    assert diagnostics == [], [d.render() for d in diagnostics]
    return validate(specs, full=True)


def summary(diagnostics: list[Diagnostic]) -> list[tuple[str, str, int]]:
    return [
        (d.code, d.location.pointer, d.location.line) for d in diagnostics if d.location is not None
    ]


FILE_RESPONSE = """\
swagger: "2.0"
info: {title: Files, version: "1"}
paths:
  /files/{name}:
    get:
      produces: [application/octet-stream]
      parameters:
        - {name: name, in: path, required: true, type: string}
      responses:
        "200": {description: the file, schema: {type: file}}
  /upload:
    post:
      consumes: [multipart/form-data]
      parameters:
        - {name: data, in: formData, type: file}
      responses:
        "204": {description: done}
"""


def test_swagger_2_file_responses_and_form_fields_are_valid(tmp_path: Path) -> None:
    assert full(tmp_path, FILE_RESPONSE) == []


def test_swagger_2_file_where_2_0_forbids_it_is_still_an_error(tmp_path: Path) -> None:
    text = FILE_RESPONSE + "definitions:\n  F: {type: file}\n"
    assert summary(full(tmp_path, text)) == [("spec.schema", "/definitions/F/type", 19)]


def test_anchors_and_refs_in_data_do_not_stop_the_walk(tmp_path: Path) -> None:
    assert full(tmp_path, DATA_REFS) == []
    assert (
        full(
            tmp_path,
            ANCHORED
            | {
                "components": {
                    "schemas": {
                        "Money": {"$anchor": "money", "type": "string"},
                        "Price": {"type": "object", "properties": {"value": {"$ref": "#money"}}},
                    }
                }
            },
            "anchored.json",
        )
        == []
    )


def test_an_error_inside_a_schema_is_located_at_that_schema(tmp_path: Path) -> None:
    # openapi-spec-validator reports this one with a path inside the schema only.
    text = """\
openapi: 3.1.0
info: {title: R, version: "1"}
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        n: {type: integer, minimum: "x"}
"""
    assert summary(full(tmp_path, text)) == [
        ("spec.openapi", "/components/schemas/A/properties/n/minimum", 9)
    ]


MULTI_FILE_ROOT = """\
openapi: 3.0.3
info: {title: Split, version: "1", description: {$ref: 'texts.yaml#/intro'}}
paths:
  /lb:
    post: {$ref: 'resources/lb/add.yaml'}
"""
# Written where the operation is: its references resolve from resources/lb/.
OPERATION = """\
operationId: addDroplets
requestBody:
  content:
    application/json:
      schema: {$ref: 'models/body.yaml'}
responses:
  '204': {description: done}
"""
BODY = """\
type: object
properties:
  $ref: 'attributes.yaml#/droplet_ids'
"""
ATTRIBUTES = "droplet_ids:\n  droplet_ids: {type: array, items: {type: integer}}\n"


def test_refs_that_quick_validation_follows_are_followed_by_the_full_walk(tmp_path: Path) -> None:
    # DigitalOcean's spec: operations and descriptions by $ref, `properties` maps by $ref in
    # files the walk reads (it crashed on them, and refused the rest: 20 errors at 1:1).
    write_spec(tmp_path, "intro: An API split across files.\n", "texts.yaml")
    write_spec(tmp_path, OPERATION, "resources/lb/add.yaml")
    write_spec(tmp_path, BODY, "resources/lb/models/body.yaml")
    write_spec(tmp_path, ATTRIBUTES, "resources/lb/models/attributes.yaml")
    assert full(tmp_path, MULTI_FILE_ROOT) == []


def test_an_error_in_a_followed_operation_is_still_found(tmp_path: Path) -> None:
    write_spec(tmp_path, "intro: text\n", "texts.yaml")
    write_spec(tmp_path, OPERATION.replace("'204'", "'2045'"), "resources/lb/add.yaml")
    write_spec(tmp_path, BODY, "resources/lb/models/body.yaml")
    write_spec(tmp_path, ATTRIBUTES, "resources/lb/models/attributes.yaml")
    found = full(tmp_path, MULTI_FILE_ROOT)
    assert [d.code for d in found] == ["spec.schema"], [d.render() for d in found]
