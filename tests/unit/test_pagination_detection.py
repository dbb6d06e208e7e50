"""Which operations are paginated, in which style, found from the spec's shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sdkwright.diagnostics import Level
from sdkwright.ir.nodes import Named, Operation
from spec_helpers import build, codes, json_response, openapi, ref

ITEM = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
# The query parameters `one_operation` types as integers; the others are strings.
INTEGERS = frozenset({"offset", "skip", "page", "limit", "page-size", "per_page", "$top", "rows"})


def one_operation(
    tmp_path: Path, parameters: list[str], response: dict[str, Any], **extra: Any
) -> Operation:
    operation = {
        "operationId": "list_things",
        "parameters": [
            {
                "name": n,
                "in": "query",
                "schema": {"type": "integer" if n in INTEGERS else "string"},
            }
            for n in parameters
        ],
        "responses": {"200": json_response(response)},
        **extra,
    }
    api, _ = build(tmp_path, openapi({"Thing": ITEM}, {"/things": {"get": operation}}))
    return api.operations[0]


def envelope(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


LIST = {"type": "array", "items": ref("Thing")}


def test_clear_street_envelope_is_cursor_paging(tmp_path: Path) -> None:
    metadata = envelope(next_page_token={"oneOf": [{"type": "null"}, {"type": "string"}]})
    op = one_operation(
        tmp_path, ["page_size", "page_token"], envelope(metadata=metadata, data=LIST)
    )
    assert op.pagination is not None
    assert op.pagination.style == "cursor"
    assert op.pagination.parameter == "page_token"
    assert op.pagination.items.attributes == ("data",)
    assert op.pagination.next is not None and op.pagination.next.attributes == (
        "metadata",
        "next_page_token",
    )
    assert op.pagination.next.optional == (True, True)
    assert op.pagination.item_type == Named("Thing", "model")


def test_stripe_style_is_after_last(tmp_path: Path) -> None:
    op = one_operation(
        tmp_path, ["starting_after"], envelope(data=LIST, has_more={"type": "boolean"})
    )
    assert op.pagination is not None and op.pagination.style == "after_last"
    assert op.pagination.has_more is not None and op.pagination.has_more.attributes == ("has_more",)


@pytest.mark.parametrize(
    ("parameters", "style"), [(["offset", "limit"], "offset"), (["page"], "page")]
)
def test_number_paging_over_a_plain_array(
    tmp_path: Path, parameters: list[str], style: str
) -> None:
    op = one_operation(tmp_path, parameters, LIST)
    assert op.pagination is not None and op.pagination.style == style
    assert op.pagination.items.attributes == ()


@pytest.mark.parametrize(
    ("parameters", "limit"),
    [
        (["offset", "limit"], "limit"),
        (["offset", "page-size"], "page_size"),
        (["page", "per_page"], "per_page"),
        (["skip", "$top"], "dollar_top"),
        (["page", "size_filter"], ""),  # a string, and no page size by its name
        (["page"], ""),
    ],
)
def test_number_paging_knows_the_page_size_asked_for(
    tmp_path: Path, parameters: list[str], limit: str
) -> None:
    """Offset and page-number paging end at a page shorter than the size the call asks for
    (the runtime's `limit`): the parameter that asks, by its name."""
    op = one_operation(tmp_path, parameters, LIST)
    assert op.pagination is not None and op.pagination.limit == limit


def test_token_paging_has_no_page_size_to_stop_at(tmp_path: Path) -> None:
    """Its server says where the pages end: a short page may be followed by more."""
    op = one_operation(
        tmp_path, ["page_token", "limit"], envelope(data=LIST, next_page_token={"type": "string"})
    )
    assert op.pagination is not None and op.pagination.style == "cursor"
    assert op.pagination.limit == ""


def test_the_extension_names_the_page_size_parameter(tmp_path: Path) -> None:
    declared = {"style": "offset", "parameter": "offset", "items": "", "limit": "rows"}
    op = one_operation(tmp_path, ["offset", "rows"], LIST, **{"x-sdkwright-pagination": declared})
    assert op.pagination is not None and op.pagination.limit == "rows"
    unknown = {**declared, "limit": "nope"}
    op = one_operation(tmp_path, ["offset"], LIST, **{"x-sdkwright-pagination": unknown})
    assert op.pagination is None  # and a pagination.declared warning, as any misfit


def test_next_url_paging(tmp_path: Path) -> None:
    op = one_operation(tmp_path, [], envelope(results=LIST, next={"type": ["string", "null"]}))
    assert op.pagination is not None and op.pagination.style == "next_url"
    assert op.pagination.items.attributes == ("results",)


@pytest.mark.parametrize(
    "response",
    [
        envelope(data=LIST),  # a list, but nothing to page with
        envelope(
            data=ref("Thing"), metadata=envelope(next_page_token={"type": "string"})
        ),  # no list
        {"type": "string"},
    ],
)
def test_not_paginated(tmp_path: Path, response: dict[str, Any]) -> None:
    assert one_operation(tmp_path, ["page_token"], response).pagination is None


def test_the_extension_declares_what_detection_cannot_see(tmp_path: Path) -> None:
    response = envelope(result=envelope(rows=LIST, continuation={"type": "string"}))
    declared = {
        "style": "cursor",
        "parameter": "resume",
        "items": "result.rows",
        "next": "result.continuation",
    }
    op = one_operation(tmp_path, ["resume"], response, **{"x-sdkwright-pagination": declared})
    assert op.pagination is not None
    assert op.pagination.items.attributes == ("result", "rows")
    assert op.pagination.next is not None and op.pagination.next.attributes == (
        "result",
        "continuation",
    )


def test_the_extension_can_turn_detection_off(tmp_path: Path) -> None:
    op = one_operation(tmp_path, ["offset"], LIST, **{"x-sdkwright-pagination": False})
    assert op.pagination is None


def test_a_declaration_that_does_not_fit_is_a_warning(tmp_path: Path) -> None:
    declared = {"style": "cursor", "parameter": "nope", "items": "rows", "next": "next"}
    operation = {
        "operationId": "list_things",
        "x-sdkwright-pagination": declared,
        "responses": {"200": json_response(LIST)},
    }
    api, diagnostics = build(tmp_path, openapi({"Thing": ITEM}, {"/things": {"get": operation}}))
    assert api.operations[0].pagination is None
    assert "pagination.declared" in codes(diagnostics, Level.WARNING)
