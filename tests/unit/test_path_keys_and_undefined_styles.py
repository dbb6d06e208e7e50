"""Issue 13, points 7 and 8, generator side: path keys holding a fragment or a query, and
query/header values OpenAPI's styles do not define (arrays of objects).

Points 7 and 8 end to end (the SDK's requests on the wire, its generated tests):
tests/functional/test_path_keys_and_object_items_sdk.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sdkwright.diagnostics import Level
from sdkwright.ir import path_keys
from sdkwright.ir.nodes import Api, ListOf, Operation, Primitive
from sdkwright.targets.python import wire
from spec_helpers import build, codes, openapi, ref

OK = {"204": {"description": "done"}}
FILTER = {
    "type": "object",
    "required": ["field"],
    "properties": {"field": {"type": "string"}, "value": {"type": "number"}},
}


def operations(api: Api) -> dict[str, Operation]:
    return {op.operation_id: op for group in api.groups for op in group.operations}


@pytest.mark.parametrize(
    ("key", "path", "fragment", "query", "has_query"),
    [
        ("/oauth2/token#refresh", "/oauth2/token", "refresh", (), False),
        ("/responses?beta=true", "/responses", "", (("beta", "true"),), True),
        ("/a?x=1&x=2&y=#f?z=3", "/a", "f?z=3", (("x", "1"), ("x", "2"), ("y", "")), True),
        ("/a?q=a%20b%26c", "/a", "", (("q", "a b&c"),), True),
        ("/a?", "/a", "", (), True),
        ("/files/{path}", "/files/{path}", "", (), False),
    ],
)
def test_split(
    key: str, path: str, fragment: str, query: tuple[tuple[str, str], ...], has_query: bool
) -> None:
    assert path_keys.split(key) == path_keys.PathKey(path, fragment, query, has_query)


SPEC: dict[str, Any] = openapi(
    {"Filter": FILTER},
    {
        "/oauth2/token#refresh": {
            "post": {"responses": OK},
            "get": {"operationId": "peek", "responses": OK},
        },
        "/oauth2/token#password": {"post": {"responses": OK}},
        "/responses?beta=true&mode=a&mode=b": {
            "get": {"operationId": "listBeta", "responses": OK},
            "post": {
                "operationId": "createBeta",
                "parameters": [{"name": "beta", "in": "query", "schema": {"type": "string"}}],
                "responses": OK,
            },
        },
        "/search": {
            "get": {
                "operationId": "search",
                "parameters": [
                    {
                        "name": "filters",
                        "in": "query",
                        "schema": {"type": "array", "items": ref("Filter")},
                    },
                    {
                        "name": "sorts",
                        "in": "query",
                        "explode": False,
                        "schema": {
                            "type": "array",
                            "items": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                    {
                        "name": "X-Filters",
                        "in": "header",
                        "schema": {"type": "array", "items": ref("Filter")},
                    },
                    {
                        "name": "deep",
                        "in": "query",
                        "style": "deepObject",
                        "schema": {"type": "array", "items": ref("Filter")},
                    },
                    {
                        "name": "tags",
                        "in": "query",
                        "schema": {"type": "array", "items": {"type": "string"}},
                    },
                    {"name": "filter", "in": "query", "schema": ref("Filter")},
                ],
                "responses": OK,
            }
        },
    },
)


def test_operations_go_to_the_path_without_fragment_or_query(tmp_path: Path) -> None:
    api, _ = build(tmp_path, SPEC)
    ops = operations(api)
    posts = sorted(op.method_name for op in ops.values() if op.http_method == "post")
    # Without operationIds, the fragment still tells the two POSTs apart by name.
    assert len(posts) == 3 and "refresh" in posts[-1] and "password" in posts[-2]
    assert {op.path for op in ops.values()} == {"/oauth2/token", "/responses", "/search"}
    assert ops["listBeta"].fixed_query == (("beta", "true"), ("mode", "a"), ("mode", "b"))
    assert ops["peek"].fixed_query == ()
    # Groups come from the path without its fragment or query.
    assert all("#" not in g.attribute and "?" not in g.attribute for g in api.groups)


def test_one_located_diagnostic_per_path_key(tmp_path: Path) -> None:
    _, diagnostics = build(tmp_path, SPEC)
    fragments = [d for d in diagnostics if d.code == "path.fragment"]
    queries = [d for d in diagnostics if d.code == "path.query"]
    # Three operations under two fragment keys, two under one query key: one each per key.
    assert sorted(d.location.pointer for d in fragments if d.location) == [
        "/paths/~1oauth2~1token#password",
        "/paths/~1oauth2~1token#refresh",
    ]
    assert [d.level for d in fragments] == [Level.INFO, Level.INFO]
    assert len(queries) == 1 and queries[0].level is Level.WARNING
    assert queries[0].location is not None
    assert queries[0].location.pointer == "/paths/~1responses?beta=true&mode=a&mode=b"
    assert "beta=true&mode=a&mode=b" in queries[0].message
    assert "'/responses'" in queries[0].message and queries[0].next_step


def test_arrays_of_objects_or_arrays_are_warned_where_no_style_defines_them(
    tmp_path: Path,
) -> None:
    _, diagnostics = build(tmp_path, SPEC)
    warned = {d.message.split("'")[1]: d for d in diagnostics if d.code == "parameter.object-items"}
    # Not deepObject (defined by the runtime's brackets), not arrays of scalars, not objects.
    assert sorted(warned) == ["X-Filters", "filters", "sorts"]
    assert all(d.level is Level.WARNING for d in warned.values())
    assert "each item is sent as JSON" in warned["filters"].message
    assert "the array is sent as JSON" in warned["sorts"].message
    assert warned["filters"].location is not None
    assert warned["filters"].location.pointer.endswith("/parameters/0")


def test_no_diagnostics_for_plain_keys(tmp_path: Path) -> None:
    spec = openapi(
        paths={
            "/files/{path}": {
                "get": {
                    "parameters": [
                        {
                            "name": "path",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": OK,
                }
            }
        }
    )
    _, diagnostics = build(tmp_path, spec)
    assert not {"path.fragment", "path.query", "parameter.object-items"} & set(codes(diagnostics))


def test_fixed_query_merges_with_the_declared_parameters() -> None:
    fixed = (("beta", "true"), ("mode", "a"), ("mode", "b"))
    merged = wire.with_fixed_query([("beta", "beta"), ("limit", "limit")], fixed)
    assert merged == [
        ("mode", '["a", "b"]'),
        ("beta", 'given_or(beta, "true")'),
        ("limit", "limit"),
    ]
    assert wire.helpers_used([e for _, e in merged]) == {"given_or"}
    assert wire.fixed_pairs(fixed, given={"beta"}) == [("mode", "a"), ("mode", "b")]
    assert wire.fixed_pairs(fixed, given=set()) == list(fixed)


def test_expected_text_of_objects_in_arrays_is_compact_sorted_json() -> None:
    items = [{"value": 10.0, "field": "é"}, {"field": "b", "nested": [1, {"k": 2.5}]}]
    type_ = ListOf(Primitive("any"))
    pairs = wire.wire_pairs("filters", items, "form", True, type_)
    assert pairs == [
        ("filters", '{"field":"\\u00e9","value":10}'),
        ("filters", '{"field":"b","nested":[1,{"k":2.5}]}'),
    ]
    assert [json.loads(v) for _, v in pairs] == [{"field": "é", "value": 10}, items[1]]
    (joined,) = wire.wire_pairs("sorts", [["a", "b"], ["c"]], "form", False, type_)
    assert joined == ("sorts", '[["a","b"],["c"]]')
    assert wire.header_text([{"b": 1, "a": 2}], False, type_) == '[{"a":2,"b":1}]'
    # Scalars are as before.
    assert wire.wire_pairs("tags", ["a", "b"], "form", False, type_) == [("tags", "a,b")]


@pytest.mark.parametrize(
    ("version", "key"), [("3.0.3", "allowReserved"), ("3.1.0", "x-sdkwright-allow-reserved")]
)
def test_path_parameters_may_allow_reserved_characters(
    tmp_path: Path, version: str, key: str
) -> None:
    """`/` in a `{path}` value is sent as %2F unless the parameter allows reserved characters
    (OpenAPI 3.1 refuses `allowReserved` on a path parameter: the extension says it there)."""
    parameters = [
        {"name": "path", "in": "path", "required": True, key: True, "schema": {"type": "string"}},
        {"name": "q", "in": "query", key: True, "schema": {"type": "string"}},
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
    ]
    spec = openapi(
        paths={
            "/files/{id}/{path}": {
                "get": {"operationId": "get", "parameters": parameters, "responses": OK}
            }
        },
        version=version,
    )
    api, _ = build(tmp_path, spec)
    op = operations(api)["get"]
    assert {p.wire_name: p.allow_reserved for p in op.parameters} == {
        "path": True,
        "q": False,  # the runtime's query encoding does not keep reserved characters
        "id": False,
    }
    assert wire.path_helpers(op.parameters) == {"keep_reserved"}
    assert wire.path_call("path", "path", "simple", False, allow_reserved=True) == (
        "keep_reserved(path_param(path))"
    )
