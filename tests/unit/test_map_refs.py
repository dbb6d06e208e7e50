"""A map of named objects given whole by `$ref` (issue 13, point 9): DigitalOcean's
`properties: {$ref: 'models/attributes.yml#/load_balancer_droplet_ids'}` was read as one
property named `$ref` (`dollar_ref: Any` instead of `droplet_ids: list[int]`).

`properties` maps are followed in every mode (validation already accepted them); other maps
(`responses`, `headers`, `$defs`, ...) only by --lenient, with a warning, since no OpenAPI
version allows them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sdkwright.api import load_and_validate
from sdkwright.diagnostics import Level
from sdkwright.ir.nodes import ListOf, Model, Primitive
from sdkwright.spec.map_refs import reference
from sdkwright.spec.resolve import Node, load_spec
from sdkwright.targets.python.naming.step import build_named_api
from spec_helpers import OPTIONS, codes, model, openapi, write_spec

ATTRIBUTES = """\
load_balancer_droplet_ids:
  droplet_ids:
    type: array
    items: {type: integer}
    description: The IDs of the Droplets.
  tag:
    $ref: 'shared/tag.yml'
"""
TAG = "type: string\nminLength: 1\n"


def body_spec(properties: Any) -> dict[str, Any]:
    schema = {"type": "object", "properties": properties, "required": ["droplet_ids"]}
    return openapi(
        {"Body": schema},
        {
            "/lb": {
                "post": {
                    "operationId": "addDroplets",
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Body"}}
                        }
                    },
                    "responses": {"204": {"description": "done"}},
                }
            }
        },
        version="3.0.3",
    )


def body_fields(tmp_path: Path, spec: dict[str, Any]) -> dict[str, Any]:
    specs, diagnostics = load_and_validate(write_spec(tmp_path, spec))
    assert specs is not None and not codes(diagnostics, Level.ERROR), diagnostics
    api, _ = build_named_api(specs, OPTIONS)
    body = model(api, "Body")
    assert isinstance(body, Model)
    return {f.wire_name: f for f in body.fields}


def test_properties_by_reference_in_another_file(tmp_path: Path) -> None:
    write_spec(tmp_path, ATTRIBUTES, "models/attributes.yml")
    write_spec(tmp_path, TAG, "models/shared/tag.yml")
    fields = body_fields(
        tmp_path, body_spec({"$ref": "models/attributes.yml#/load_balancer_droplet_ids"})
    )
    assert sorted(fields) == ["droplet_ids", "tag"]  # not one field named `$ref`
    assert fields["droplet_ids"].required and not fields["tag"].required
    assert fields["droplet_ids"].type == ListOf(Primitive("int"))
    # The entry's own reference resolved from the file it is written in (models/shared/).
    assert fields["tag"].type == Primitive("str")


def test_properties_by_reference_in_the_same_file(tmp_path: Path) -> None:
    spec = body_spec({"$ref": "#/components/x-attributes/ids", "extra": {"type": "boolean"}})
    spec["components"]["x-attributes"] = {"ids": {"droplet_ids": {"type": "integer"}}}
    assert sorted(body_fields(tmp_path, spec)) == ["droplet_ids", "extra"]


def test_a_property_named_ref_or_properties_is_left_alone(tmp_path: Path) -> None:
    spec = body_spec(
        {
            "$ref": {"type": "string"},  # a property named `$ref`, with a schema
            "properties": {"$ref": "#/components/schemas/Other"},  # a property by reference
        }
    )
    spec["components"]["schemas"]["Other"] = {"type": "integer"}
    assert sorted(body_fields(tmp_path, spec)) == ["$ref", "properties"]


def test_other_maps_by_reference_need_lenient(tmp_path: Path) -> None:
    spec = body_spec({"droplet_ids": {"type": "integer"}})
    operation = spec["paths"]["/lb"]["post"]
    operation["responses"] = {"$ref": "#/components/x-responses"}
    spec["components"]["x-responses"] = {"204": {"description": "done"}}
    path = write_spec(tmp_path, spec)
    _, strict = load_and_validate(path)
    assert "spec.schema" in codes(strict, Level.ERROR)
    assert any("--lenient" in d.next_step for d in strict if d.level is Level.ERROR)
    specs, lenient = load_and_validate(path, lenient=True)
    assert specs is not None and codes(lenient) == ["lenient.map-by-reference"], lenient
    warning = lenient[0]
    assert warning.location is not None and warning.location.line > 0
    assert warning.location.pointer == "/paths/~1lb/post/responses"
    responses = specs.root.data["paths"]["/lb"]["post"]["responses"]
    assert responses == {"204": {"$ref": "#/components/x-responses/204"}}


def test_reference_is_relative_to_the_file_holding_the_map(tmp_path: Path) -> None:
    write_spec(tmp_path, ATTRIBUTES, "models/attributes.yml")
    write_spec(tmp_path, TAG, "models/shared/tag.yml")
    path = write_spec(
        tmp_path, body_spec({"$ref": "models/attributes.yml#/load_balancer_droplet_ids"})
    )
    specs, _ = load_spec(path)
    attributes = next(d for d in specs.documents.values() if d.path.name == "attributes.yml")
    target = Node(attributes, "/load_balancer_droplet_ids/droplet_ids", None)
    assert (
        reference(target, specs.root)
        == "models/attributes.yml#/load_balancer_droplet_ids/droplet_ids"
    )
    assert reference(target, attributes) == "#/load_balancer_droplet_ids/droplet_ids"
    # Keys that a URI fragment cannot hold as they are are percent-encoded.
    assert reference(Node(attributes, "/a b/c#d", None), attributes) == "#/a%20b/c%23d"
