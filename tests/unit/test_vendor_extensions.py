"""Other generators' extensions read as sdkwright's (spec/vendor_extensions.py): one test per
mapped extension, the precedence of sdkwright's own, and the note for the others."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sdkwright.api import load_and_validate
from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir.nodes import Api, Operation
from sdkwright.targets.python.naming.step import build_named_api
from spec_helpers import OPTIONS, write_spec

PAGE_OF_ITEMS = {
    "200": {
        "description": "A page.",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "data": {"type": "array", "items": {"type": "string"}},
                        "next": {"type": "string"},
                        "more": {"type": "boolean"},
                    },
                }
            }
        },
    }
}
OK = {"204": {"description": "Done."}}


def query(*names: str, kind: str = "string") -> list[dict[str, Any]]:
    return [{"name": n, "in": "query", "schema": {"type": kind}} for n in names]


def generated(tmp_path: Path, paths: dict[str, Any], **root: Any) -> tuple[Api, list[Diagnostic]]:
    spec = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths, **root}
    specs, diagnostics = load_and_validate(write_spec(tmp_path, spec))
    assert specs is not None, [d.render() for d in diagnostics]
    api, more = build_named_api(specs, OPTIONS)
    return api, diagnostics + more


def operations(api: Api) -> dict[str, tuple[str, Operation]]:
    """operationId -> (group attribute, operation)."""
    return {op.operation_id: (g.attribute, op) for g in api.groups for op in g.operations}


def test_method_names_from_speakeasy_and_fern_in_python_case(tmp_path: Path) -> None:
    paths = {
        "/a": {
            "get": {
                "operationId": "listAV2",
                "x-speakeasy-name-override": "listAll",
                "responses": OK,
            }
        },
        "/b": {
            "post": {"operationId": "postB", "x-fern-sdk-method-name": "create", "responses": OK}
        },
        "/c": {
            "get": {
                "operationId": "getC",
                "x-fern-sdk-method-name": "theirs",
                "x-sdkwright-name": "ours",
                "responses": OK,
            }
        },
    }
    found = operations(generated(tmp_path, paths)[0])
    assert found["listAV2"][1].method_name == "list_all"
    assert found["postB"][1].method_name == "create"
    assert found["getC"][1].method_name == "ours"  # sdkwright's own extension wins


def test_groups_from_speakeasy_and_fern_nested_ones_joined(tmp_path: Path) -> None:
    paths = {
        "/a": {
            "get": {
                "operationId": "a",
                "tags": ["Misc"],
                "x-speakeasy-group": "inventory",
                "responses": OK,
            }
        },
        "/b": {
            "get": {
                "operationId": "b",
                "x-fern-sdk-group-name": ["admin", "users"],
                "responses": OK,
            }
        },
    }
    api, diagnostics = generated(tmp_path, paths)
    found = operations(api)
    assert found["a"][0] == "inventory"
    assert found["b"][0] == "admin_users"
    assert any("nested groups are joined" in d.message for d in diagnostics)


@pytest.mark.parametrize(
    "ignore",
    [{"x-speakeasy-ignore": True}, {"x-fern-ignore": True}, {"x-stainless-skip": ["python", "go"]}],
)
def test_ignored_operations_and_properties_are_left_out(
    tmp_path: Path, ignore: dict[str, Any]
) -> None:
    paths = {
        "/kept": {"get": {"operationId": "kept", "responses": OK}},
        "/gone": {"get": {"operationId": "gone", "responses": OK, **ignore}},
    }
    schema = {
        "type": "object",
        "required": ["id", "internal"],
        "properties": {"id": {"type": "string"}, "internal": {"type": "string", **ignore}},
    }
    api, _ = generated(tmp_path, paths, components={"schemas": {"Thing": schema}})
    assert set(operations(api)) == {"kept"}
    (thing,) = [d for d in api.definitions if d.name == "Thing"]
    assert [(f.wire_name, f.required) for f in thing.fields] == [("id", True)]  # type: ignore[union-attr]


def test_a_skip_for_other_languages_keeps_the_operation(tmp_path: Path) -> None:
    paths = {
        "/go": {"get": {"operationId": "go_only", "x-stainless-skip": ["go"], "responses": OK}}
    }
    assert set(operations(generated(tmp_path, paths)[0])) == {"go_only"}


def test_speakeasy_pagination(tmp_path: Path) -> None:
    pages = {
        "type": "offsetLimit",
        "inputs": [
            {"name": "page", "in": "parameters", "type": "page"},
            {"name": "size", "in": "parameters", "type": "limit"},
        ],
        "outputs": {"results": "$.data"},
    }
    cursor = {
        "type": "cursor",
        "inputs": [{"name": "after", "in": "parameters", "type": "cursor"}],
        "outputs": {"results": "$.data", "nextCursor": "$.next"},
    }
    paths = {
        "/pages": {
            "get": {
                "operationId": "pages",
                "parameters": query("page", "size", kind="integer"),
                "responses": PAGE_OF_ITEMS,
                "x-speakeasy-pagination": pages,
            }
        },
        "/cursor": {
            "get": {
                "operationId": "cursor",
                "parameters": query("after"),
                "responses": PAGE_OF_ITEMS,
                "x-speakeasy-pagination": cursor,
            }
        },
    }
    found = operations(generated(tmp_path, paths)[0])
    paged = found["pages"][1].pagination
    assert paged is not None and (
        paged.style,
        paged.parameter_wire_name,
        paged.limit_wire_name,
    ) == ("page", "page", "size")
    assert paged.items.attributes == ("data",)
    cursored = found["cursor"][1].pagination
    assert cursored is not None and (cursored.style, cursored.parameter_wire_name) == (
        "cursor",
        "after",
    )
    assert cursored.next is not None and cursored.next.attributes == ("next",)


def test_a_pagination_sdkwright_cannot_read_is_a_warning(tmp_path: Path) -> None:
    in_body = {
        "type": "offsetLimit",
        "inputs": [{"name": "offset", "in": "requestBody", "type": "offset"}],
        "outputs": {"results": "$.data"},
    }
    paths = {
        "/p": {
            "post": {
                "operationId": "p",
                "responses": PAGE_OF_ITEMS,
                "x-speakeasy-pagination": in_body,
            }
        }
    }
    api, diagnostics = generated(tmp_path, paths)
    paged = operations(api)["p"][1].pagination  # what sdkwright detects by itself, if anything
    assert paged is None or paged.style != "offset"
    (warning,) = [
        d for d in diagnostics if d.level is Level.WARNING and d.code == "extension.other-generator"
    ]
    assert "cannot be read as sdkwright's" in warning.message
    assert warning.location is not None and warning.location.pointer == "/paths/~1p/post"


def test_fern_pagination(tmp_path: Path) -> None:
    paths = {
        "/cursor": {
            "get": {
                "operationId": "cursor",
                "parameters": query("cursor"),
                "responses": PAGE_OF_ITEMS,
                "x-fern-pagination": {
                    "cursor": "$request.cursor",
                    "next_cursor": "$response.next",
                    "results": "$response.data",
                },
            }
        },
        "/offset": {
            "get": {
                "operationId": "offset",
                "parameters": query("skip", "take", kind="integer"),
                "responses": PAGE_OF_ITEMS,
                "x-fern-pagination": {
                    "offset": "$request.skip",
                    "step": "$request.take",
                    "results": "$response.data",
                },
            }
        },
        "/page": {
            "get": {
                "operationId": "page",
                "parameters": query("page", kind="integer"),
                "responses": PAGE_OF_ITEMS,
                "x-fern-pagination": {"offset": "$request.page", "results": "$response.data"},
            }
        },
    }
    found = operations(generated(tmp_path, paths)[0])
    styles = {
        k: (v[1].pagination.style, v[1].pagination.parameter_wire_name)
        for k, v in found.items()
        if v[1].pagination
    }
    assert styles == {
        "cursor": ("cursor", "cursor"),
        "offset": ("offset", "skip"),
        "page": ("page", "page"),
    }
    assert found["offset"][1].pagination.limit_wire_name == "take"  # type: ignore[union-attr]


def test_retries(tmp_path: Path) -> None:
    paths = {
        "/none": {
            "get": {
                "operationId": "none",
                "x-speakeasy-retries": {"strategy": "none"},
                "responses": OK,
            }
        },
        "/fern": {
            "get": {"operationId": "fern", "x-fern-retries": {"disabled": True}, "responses": OK}
        },
        "/default": {"get": {"operationId": "default", "responses": OK}},
    }
    backoff = {"strategy": "backoff", "backoff": {"initialInterval": 500}, "statusCodes": ["5XX"]}
    found = operations(generated(tmp_path, paths, **{"x-speakeasy-retries": backoff})[0])
    assert found["none"][1].max_retries == 0
    assert found["fern"][1].max_retries == 0
    assert found["default"][1].max_retries is None  # backoff: the client's own policy


def test_other_extensions_are_listed_once_as_notes(tmp_path: Path) -> None:
    paths = {
        "/a": {"get": {"operationId": "a", "x-fern-audiences": ["public"], "responses": OK}},
        "/b": {"get": {"operationId": "b", "x-fern-audiences": ["beta"], "responses": OK}},
    }
    schemas = {
        "S": {
            "type": "string",
            "enum": ["a"],
            "x-speakeasy-unknown-values": "allow",
            "x-stainless-const": True,
        }
    }
    _, diagnostics = generated(tmp_path, paths, components={"schemas": schemas})
    notes = sorted(d.message for d in diagnostics if d.code == "extension.other-generator")
    assert notes == [
        "x-fern-audiences (2 places) is another generator's extension that sdkwright does not read; ignored",
        "x-stainless-const (1 place) is another generator's extension that sdkwright does not read; ignored",
    ]
    assert all(d.level is Level.INFO for d in diagnostics if d.code == "extension.other-generator")
