"""Lenient generation (issue 13 point 11): each known error of published specs, refused
without --lenient (with a hint naming it), repaired or skipped with one located warning
with it, and the repaired spec built into the IR as the author meant it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sdkwright.api import load_and_validate
from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir.nodes import Api, Model, Operation
from sdkwright.spec import edits
from sdkwright.spec.lenient.skip import enclosing_unit
from sdkwright.targets.python.naming.step import build_named_api
from spec_helpers import OPTIONS, write_spec

HEADER = 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\n'
OK = "      responses:\n        '200': {description: ok}\n"


def lenient(tmp_path: Path, text: str, *, errors: bool = True) -> tuple[Api, list[Diagnostic]]:
    """The IR of the spec built leniently, and its diagnostics; checks that without
    --lenient the spec is refused (`errors`) with a hint offering it."""
    path = write_spec(tmp_path, text, "spec.yaml")
    _, strict = load_and_validate(path)
    refused = [d for d in strict if d.level is Level.ERROR]
    if errors:
        assert refused and all("--lenient" in d.next_step for d in refused), strict
    else:
        assert not refused, strict
    specs, found = load_and_validate(path, lenient=True)
    assert specs is not None
    assert not [d for d in found if d.level is Level.ERROR], [d.render() for d in found]
    for diagnostic in found:
        where = diagnostic.location
        assert where is not None and where.line > 0 and where.pointer, diagnostic
        assert diagnostic.code.startswith("lenient.") and "silence" in diagnostic.next_step
    api, build_diagnostics = build_named_api(specs, OPTIONS)
    assert not [d for d in build_diagnostics if d.level is Level.ERROR]
    return api, found


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def operation(api: Api, name: str) -> Operation:
    return next(o for o in api.operations if o.operation_id == name)


def model(api: Api, name: str) -> Model:
    found = next(d for d in api.definitions if d.name == name)
    assert isinstance(found, Model)
    return found


def test_a_response_written_on_the_operation_moves_under_responses(tmp_path: Path) -> None:
    text = HEADER + (
        "paths:\n  /a:\n    get:\n      operationId: a\n"
        "      default:\n        description: error\n"
        "        content: {application/json: {schema: {type: object, properties: {m: {type: string}}}}}\n"
        + OK
    )
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.stray-response"]
    assert found[0].location is not None and found[0].location.line == 8  # its value
    assert found[0].next_step.startswith("moved it under `responses`")
    assert "default" in [r.status for r in operation(api, "a").responses]


def test_servers_in_a_swagger2_file_become_host_and_base_path(tmp_path: Path) -> None:
    text = (
        'swagger: "2.0"\ninfo: {title: T, version: "1"}\n'
        "servers:\n  - url: 'https://{region}.example.com/v2/'\n"
        "    variables: {region: {default: eu}}\n"
        "paths:\n  /a:\n    get:\n      operationId: a\n" + OK
    )
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.swagger2-servers"]
    assert found[0].location is not None and found[0].location.pointer == "/servers"
    assert api.base_url == "https://eu.example.com/v2"


def test_host_and_base_path_in_an_openapi3_file_become_servers(tmp_path: Path) -> None:
    text = HEADER + "host: api.example.com\nbasePath: /v1\nschemes: [http]\n"
    text += "paths:\n  /a:\n    get:\n      operationId: a\n" + OK
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.openapi3-host"]
    assert api.base_url == "http://api.example.com/v1"


def test_a_scalar_where_a_schema_belongs(tmp_path: Path) -> None:
    text = HEADER + (
        "paths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n"
        "      properties:\n        description: 'A pet'\n        type: string\n"
        "        name: {type: string}\n        tags: {type: array, items: string}\n"
        "      allOf: [{type: object}, 7]\n"
    )
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.not-a-schema"] * 4
    messages = sorted(d.message for d in found)
    assert "property 'description' is the text 'A pet', not a schema" in messages
    assert "property 'type' is the text 'string', not a schema" in messages
    pet = model(api, "Pet")
    assert sorted(f.wire_name for f in pet.fields) == ["name", "tags"]
    assert repr(next(f.type for f in pet.fields if f.wire_name == "tags")) == (
        "ListOf(item=Primitive(name='str', format=''))"
    )


def test_an_undeclared_path_variable_becomes_a_string_parameter(tmp_path: Path) -> None:
    text = HEADER + (
        "paths:\n  /orgs/{org}/repos/{repo}:\n    parameters:\n"
        "      - {name: org, in: path, required: true, schema: {type: integer}}\n"
        "    get:\n      operationId: getRepo\n" + OK
    )
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.undeclared-path-parameter"]
    assert "'repo'" in found[0].message
    parameters = {p.wire_name: p for p in operation(api, "getRepo").parameters}
    assert parameters["repo"].location == "path" and parameters["repo"].required
    assert repr(parameters["repo"].type) == "Primitive(name='str', format='')"


def test_a_path_parameter_not_marked_required(tmp_path: Path) -> None:
    text = HEADER + (
        "paths:\n  /a/{id}:\n    get:\n      operationId: a\n"
        "      parameters: [{name: id, in: path, schema: {type: string}}]\n" + OK
    )
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.optional-path-parameter"]
    assert operation(api, "a").parameters[0].required


def test_duplicate_operation_ids_are_numbered(tmp_path: Path) -> None:
    text = HEADER + "paths:\n"
    for path in ("/a", "/b", "/c"):
        text += f"  {path}:\n    get:\n      operationId: fetch\n" + OK
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.duplicate-operation-id"] * 2
    assert sorted(o.operation_id for o in api.operations) == ["fetch", "fetch_2", "fetch_3"]


def test_a_parameter_without_schema_is_text(tmp_path: Path) -> None:
    text = HEADER + (
        "paths:\n  /a:\n    get:\n      operationId: a\n"
        "      parameters: [{name: q, in: query}]\n" + OK
    )
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.parameter-without-type"]
    assert repr(operation(api, "a").parameters[0].type) == "Primitive(name='str', format='')"


def test_swagger2_parameter_without_type(tmp_path: Path) -> None:
    text = 'swagger: "2.0"\ninfo: {title: T, version: "1"}\n' + (
        "paths:\n  /a:\n    get:\n      operationId: a\n"
        "      parameters: [{name: q, in: query}]\n" + OK
    )
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.parameter-without-type"]
    assert repr(operation(api, "a").parameters[0].type) == "Primitive(name='str', format='')"


def test_nullable_in_openapi_31(tmp_path: Path) -> None:
    text = 'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {}\n' + (
        "components:\n  schemas:\n    Pet:\n      type: object\n      properties:\n"
        "        name: {type: string, nullable: true}\n"
        "        owner: {$ref: '#/components/schemas/Owner', nullable: true, description: o}\n"
        "        age: {type: integer, nullable: false}\n"
        "    Owner: {type: object, properties: {id: {type: integer}}}\n"
    )
    api, found = lenient(tmp_path, text, errors=False)  # valid 3.1, wrong meaning
    assert codes(found) == ["lenient.nullable"] * 3
    fields = {f.wire_name: repr(f.type) for f in model(api, "Pet").fields}
    assert fields["name"].startswith("Nullable(")
    assert fields["owner"].startswith("Nullable(")
    assert not fields["age"].startswith("Nullable(")


def test_type_file_outside_swagger2(tmp_path: Path) -> None:
    text = HEADER + (
        "paths: {}\ncomponents:\n  schemas:\n"
        "    Upload: {type: object, properties: {data: {type: file}}}\n"
    )
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.file-type"]
    data = next(f for f in model(api, "Upload").fields if f.wire_name == "data")
    assert repr(data.type) == "Primitive(name='bytes', format='binary')"


def test_examples_lists_where_a_map_or_example_belongs(tmp_path: Path) -> None:
    text = HEADER + (
        "paths:\n  /a:\n    get:\n      operationId: a\n"
        "      parameters: [{name: q, in: query, schema: {type: string}, examples: [x, y]}]\n"
        + OK
        + "components:\n  schemas:\n    Pet: {type: object, examples: [{a: 1}]}\n"
    )
    _, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.examples-list"] * 2
    assert all(d.next_step.startswith("kept its first item") for d in found)


def test_what_no_repair_knows_is_skipped_by_its_smallest_unit(tmp_path: Path) -> None:
    text = HEADER + (
        "paths:\n  /a:\n    get:\n      operationId: a\n"
        "      parameters:\n        - {name: q, in: body, schema: {type: string}}\n"
        "        - {name: r, in: query, schema: {type: string}}\n" + OK
    )
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.skipped"]
    assert found[0].message.startswith("parameter 'q' is invalid")
    assert [p.wire_name for p in operation(api, "a").parameters] == ["r"]


@pytest.mark.parametrize(
    ("pointer", "unit"),
    [
        (
            "/components/schemas/A/properties/b/type",
            ("property", "/components/schemas/A/properties/b"),
        ),
        (
            "/components/schemas/A/properties/properties/properties/x",
            ("property", "/components/schemas/A/properties/properties/properties/x"),
        ),
        ("/paths/~1a/get/parameters/2/schema", ("parameter", "/paths/~1a/get/parameters/2")),
        ("/paths/~1a/get/responses/200/content", ("response", "/paths/~1a/get/responses/200")),
        ("/paths/~1a/post/requestBody", ("operation", "/paths/~1a/post")),
        ("/info/title", None),
    ],
)
def test_enclosing_unit(pointer: str, unit: tuple[str, str] | None) -> None:
    found = enclosing_unit(pointer)
    assert (None if found is None else (found.kind, found.pointer)) == unit


def test_edits_copy_only_the_way_to_what_they_change() -> None:
    data: dict[str, Any] = {"a": {"b": [1, 2, 3]}, "c": {"d": 1}}
    changed = edits.apply(
        data,
        [
            edits.Change("/a/b/0"),
            edits.Change("/a/b/2"),
            edits.Change("/a/b/-", 4),
            edits.Change("/a/e", "new"),
        ],
    )
    assert changed == {"a": {"b": [2, 4], "e": "new"}, "c": {"d": 1}}
    assert data == {"a": {"b": [1, 2, 3]}, "c": {"d": 1}}  # unchanged
    assert changed["c"] is data["c"]  # not copied


def test_required_true_on_a_property(tmp_path: Path) -> None:
    text = HEADER + (
        "paths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n"
        "      required: [id]\n      properties:\n        id: {type: integer}\n"
        "        name: {type: string, required: true}\n"
        "        nick: {type: string, required: false}\n"
    )
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.required-flag"] * 2
    required = {f.wire_name: f.required for f in model(api, "Pet").fields}
    assert required == {"id": True, "name": True, "nick": False}


def test_a_response_without_description_or_written_as_text(tmp_path: Path) -> None:
    text = HEADER + (
        "paths:\n  /a:\n    get:\n      operationId: a\n      responses:\n"
        "        '200': {content: {application/json: {schema: {type: integer}}}}\n"
        "        '404': not found\n"
    )
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.response-description"] * 2
    statuses = {r.status for r in operation(api, "a").responses}
    assert statuses >= {"200", "404"}


def test_a_ref_that_leads_nowhere_skips_its_unit(tmp_path: Path) -> None:
    text = HEADER + (
        "paths:\n  /a:\n    get:\n      operationId: a\n"
        "      parameters: [{$ref: '#/components/parameters/Missing'}]\n"
        "      responses:\n        '200':\n          description: ok\n"
        "          content: {application/json: {schema: {$ref: '#/components/schemas/Gone'}}}\n"
        "  /b: text\n"
    )
    api, found = lenient(tmp_path, text)
    assert codes(found) == ["lenient.skipped"] * 3
    assert sorted(d.next_step.split(";")[0] for d in found) == [
        "read it as any value (an empty schema)",
        "skipped the parameter",
        "skipped the path",
    ]
    assert [o.operation_id for o in api.operations] == ["a"]
    assert operation(api, "a").parameters == ()


def test_a_path_item_shared_by_ref_is_not_renamed_twice(tmp_path: Path) -> None:
    text = HEADER + (
        "paths:\n  /a:\n    get:\n      operationId: a\n" + OK + "  /b: {$ref: '#/paths/~1a'}\n"
    )
    path = write_spec(tmp_path, text, "spec.yaml")
    _, found = load_and_validate(path, lenient=True)
    assert "lenient.duplicate-operation-id" not in codes(found)
