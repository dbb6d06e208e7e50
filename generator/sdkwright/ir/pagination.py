"""Pagination: which list operations can be iterated page after page, and how.

Detected from the spec's shapes, or declared with `x-sdkwright-pagination` where detection
cannot tell. Styles:

- cursor: a token query parameter (`page_token`, `cursor`, ...) and the next token somewhere in
  the response (`next_page_token`, or `metadata.next_page_token` in an envelope, as Clear
  Street does);
- after_last: Stripe's `starting_after` = the last item's `id`, while `has_more` is true;
- offset: `offset` (+ a limit) advanced by the number of items received;
- page: a page number (`page`) advanced by one while pages are not empty;

in both, a page shorter than the size the call asks for (its `limit`, `per_page`, ...) is
the last;
- next_url: the response carries the next page's URL, whose query parameters are re-sent.

The result names wire fields and parameters; a target's naming step adds its own names for them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from sdkwright.ir.nodes import (
    Alias,
    Definition,
    FieldPath,
    ListOf,
    Model,
    Named,
    Nullable,
    Pagination,
    PaginationStyle,
    Parameter,
    Primitive,
    TypeRef,
)

CURSOR_PARAMETERS = (
    "page_token",
    "pageToken",
    "cursor",
    "next_token",
    "nextToken",
    "after",
    "continuation_token",
)
NEXT_TOKEN_FIELDS = (
    "next_page_token",
    "nextPageToken",
    "next_cursor",
    "nextCursor",
    "next_token",
    "nextToken",
    "cursor",
)
NEXT_URL_FIELDS = ("next", "next_url", "nextUrl", "next_page_url", "nextPageUrl")
# Query parameters asking for a page size, by wire name without case, "-", "_" or "$".
LIMIT_PARAMETERS = frozenset(
    {"limit", "pagesize", "perpage", "size", "maxresults", "top", "take", "count", "pagelength"}
)
ITEM_FIELDS = ("data", "items", "results", "records", "entries", "values")
ENVELOPE_FIELDS = (
    "metadata",
    "meta",
    "pagination",
    "page_info",
    "pageInfo",
    "links",
    "_links",
    "paging",
)


def _core(type_: TypeRef) -> tuple[TypeRef, bool]:
    return (type_.inner, True) if isinstance(type_, Nullable) else (type_, False)


def _unaliased(type_: TypeRef, definitions: Mapping[str, Definition]) -> TypeRef:
    """A named alias of a list (`AccountList`, kept named for a target) as that list: a
    page reads its items from it."""
    core, nullable = _core(type_)
    alias = definitions.get(core.name) if isinstance(core, Named) and core.kind == "alias" else None
    if isinstance(alias, Alias) and isinstance(alias.type, ListOf):
        return Nullable(alias.type) if nullable else alias.type
    return type_


def _model(type_: TypeRef, definitions: Mapping[str, Definition]) -> Model | None:
    core, _ = _core(type_)
    if isinstance(core, Named) and isinstance(definitions.get(core.name), Model):
        model = definitions[core.name]
        return model if isinstance(model, Model) else None
    return None


def _field_path(
    response: TypeRef, wire_path: Sequence[str], definitions: Mapping[str, Definition]
) -> FieldPath | None:
    optional: list[bool] = []
    current = response
    for wire_name in wire_path:
        model = _model(current, definitions)
        field = next((f for f in model.fields if f.wire_name == wire_name), None) if model else None
        if field is None:
            return None
        optional.append(isinstance(field.type, Nullable) or not field.required)
        current = _unaliased(field.type, definitions)
    return FieldPath((), tuple(optional), current, tuple(wire_path))


def _find(
    response: TypeRef, names: Sequence[str], definitions: Mapping[str, Definition], want: str
) -> FieldPath | None:
    """A field with one of `names`, at the top of the response or inside an envelope field."""
    model = _model(response, definitions)
    if model is None:
        return None
    present = {f.wire_name for f in model.fields}  # most responses have none of the names
    candidates: list[list[str]] = [[name] for name in names if name in present]
    candidates += [
        [envelope.wire_name, name]
        for envelope in model.fields
        if envelope.wire_name in ENVELOPE_FIELDS
        for name in names
    ]
    for wire_path in candidates:
        path = _field_path(response, wire_path, definitions)
        if path is not None and _is(path.type, want):
            return path
    return None


def _is(type_: TypeRef, want: str) -> bool:
    core, _ = _core(type_)
    if want == "list":
        return isinstance(core, ListOf)
    return isinstance(core, Primitive) and core.name == want


def _items(response: TypeRef, definitions: Mapping[str, Definition]) -> FieldPath | None:
    core, _ = _core(_unaliased(response, definitions))
    if isinstance(core, ListOf):
        return FieldPath((), (), core)
    found = _find(response, ITEM_FIELDS, definitions, "list")
    if found is not None:
        return found
    model = _model(response, definitions)
    lists = [f for f in model.fields if _is(f.type, "list")] if model else []
    return _field_path(response, [lists[0].wire_name], definitions) if len(lists) == 1 else None


def _parameter(
    parameters: Sequence[Parameter], names: Sequence[str], kind: str
) -> Parameter | None:
    by_wire = {p.wire_name: p for p in parameters if p.location == "query"}
    for name in names:
        parameter = by_wire.get(name)
        if parameter is not None and _is(parameter.type, kind):
            return parameter
    return None


def detect(
    parameters: Sequence[Parameter],
    response: TypeRef | None,
    definitions: Mapping[str, Definition],
    declared: Any = None,
) -> Pagination | None:
    """How to page through an operation, or None when it is not a paginated list."""
    if response is None:
        return None
    if isinstance(declared, dict):
        return _declared(parameters, response, definitions, declared)
    items = _items(response, definitions)
    if items is None:
        return None
    item_type = _core(items.type)[0]
    assert isinstance(item_type, ListOf)
    return _detected(parameters, response, definitions, items, item_type.item)


def _detected(
    parameters: Sequence[Parameter],
    response: TypeRef,
    definitions: Mapping[str, Definition],
    items: FieldPath,
    item: TypeRef,
) -> Pagination | None:
    cursor = _parameter(parameters, CURSOR_PARAMETERS, "str")
    next_token = _find(response, NEXT_TOKEN_FIELDS, definitions, "str")
    if cursor is not None and next_token is not None:
        return _paging("cursor", cursor, items, item, next=next_token)
    after = _parameter(parameters, ("starting_after",), "str")
    has_more = _find(response, ("has_more", "hasMore"), definitions, "bool")
    item_model = _model(item, definitions)
    if (
        after is not None
        and has_more is not None
        and item_model
        and any(f.wire_name == "id" for f in item_model.fields)
    ):
        return _paging("after_last", after, items, item, has_more=has_more)
    next_url = _find(response, NEXT_URL_FIELDS, definitions, "str")
    if next_url is not None and cursor is None:
        return _paging("next_url", None, items, item, next=next_url)
    offset = _parameter(parameters, ("offset", "skip"), "int")
    if offset is not None:
        return _paging("offset", offset, items, item, limit=_limit(parameters))
    page = _parameter(parameters, ("page", "page_number", "pageNumber"), "int")
    if page is not None:
        return _paging("page", page, items, item, limit=_limit(parameters))
    return None


def _paging(
    style: PaginationStyle,
    parameter: Parameter | None,
    items: FieldPath,
    item: TypeRef,
    next: FieldPath | None = None,
    has_more: FieldPath | None = None,
    limit: str = "",
) -> Pagination:
    wire_name = parameter.wire_name if parameter is not None else ""
    return Pagination(style, "", items, item, next, has_more, wire_name, limit_wire_name=limit)


def _limit(parameters: Sequence[Parameter], wire_name: str = "") -> str:
    """The wire name of the integer query parameter giving the page size: `wire_name`, or
    the first whose name says so ("limit", "page-size", "per_page", "$top", ...)."""
    for parameter in parameters:
        if parameter.location != "query" or not _is(parameter.type, "int"):
            continue
        if wire_name:
            if parameter.wire_name == wire_name:
                return parameter.wire_name
        elif re.sub(r"[-_$]", "", parameter.wire_name.lower()) in LIMIT_PARAMETERS:
            return parameter.wire_name
    return ""


def _declared(
    parameters: Sequence[Parameter],
    response: TypeRef,
    definitions: Mapping[str, Definition],
    declared: dict[str, Any],
) -> Pagination | None:
    """`x-sdkwright-pagination: {style, parameter, items, next, has_more, limit}`; paths are
    dotted wire names, `limit` the page size parameter's (offset and page styles)."""
    style = declared.get("style")
    items_path = _path_or_self(response, declared.get("items", ""), definitions)
    if style not in ("cursor", "after_last", "offset", "page", "next_url") or items_path is None:
        return None
    list_type = _core(items_path.type)[0]
    if not isinstance(list_type, ListOf):
        return None
    query = {p.wire_name for p in parameters if p.location == "query"}
    parameter = str(declared.get("parameter", ""))
    parameter = parameter if parameter in query else ""
    if style != "next_url" and not parameter:
        return None
    next_path = (
        _path_or_self(response, declared["next"], definitions) if declared.get("next") else None
    )
    has_more = (
        _path_or_self(response, declared["has_more"], definitions)
        if declared.get("has_more")
        else None
    )
    if (style in ("cursor", "next_url") and next_path is None) or (
        style == "after_last" and has_more is None
    ):
        return None
    limit = ""
    if style in ("offset", "page"):
        declared_limit = declared.get("limit")
        limit = _limit(parameters, declared_limit) if isinstance(declared_limit, str) else ""
        if declared_limit is not None and not limit:
            return None
        limit = limit or _limit(parameters)
    return Pagination(
        style, "", items_path, list_type.item, next_path, has_more, parameter, limit_wire_name=limit
    )


def _path_or_self(
    response: TypeRef, dotted: Any, definitions: Mapping[str, Definition]
) -> FieldPath | None:
    if not isinstance(dotted, str):
        return None
    if not dotted:
        return FieldPath((), (), response)
    return _field_path(response, dotted.split("."), definitions)
