"""Paginated methods: the expressions that read a page's items and the next page's cursor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sdkwright.flavours.model_types import PYDANTIC, ModelType
from sdkwright.ir.nodes import Definition, Model, Named, Nullable, Operation, Pagination
from sdkwright.targets.python import pytypes
from sdkwright.targets.python.naming.identifiers import class_name


@dataclass(frozen=True)
class PageContext:
    """A paginated method: it returns a page of `item` and fetches the following ones lazily."""

    item: str
    cursor: str  # the cursor's type, without None
    parameter: str  # the query parameter the cursor replaces ("" for next-URL paging)
    items_function: str
    next_function: str
    # A page's items and the next page's cursor, read as the plan's model type reads results.
    items_expression: str
    next_expression: str
    merges_query: bool  # next-URL paging re-sends the next URL's query parameters
    limit: str = ""  # the argument asking for a page size: a shorter page is the last
    # The public page classes (`pagination.py`, the Stainless surface's), sync and async,
    # parametrised by the item: "" where the method returns the runtime's SyncPage.
    sync_class: str = ""
    async_class: str = ""
    # Where a page keeps its items: the runtime page's `items`, or a page class's own field
    # (it is the envelope, with no `.response`).
    items_attribute: str = "items"


def _balanced(expression: str) -> bool:
    """Whether `expression`'s parentheses pair up (from the inside of `(...)`: one group)."""
    depth = 0
    for char in expression:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return bool(expression) and depth == 0


def _page_expressions(paging: Pagination, models: ModelType) -> tuple[str, str]:
    """The items of a page and the cursor of the next one, read as `models` are read."""
    access = models.read
    items = access("response", paging.items, "[]")
    if paging.style in ("cursor", "next_url"):
        assert paging.next is not None
        following = access("response", paging.next, "None")
        if paging.style == "next_url":
            bare = following[1:-1] if following.startswith("(") and following.endswith(")") else ""
            following = f"next_url_query({bare if _balanced(bare) else following})"
    elif paging.style == "after_last":
        assert paging.has_more is not None
        has_more = access("response", paging.has_more, "None")
        following = f"items[-1]{models.item_id} if {has_more} and items else None"
    elif paging.style == "offset":
        following = "(cursor or 0) + len(items)"
    else:
        following = "(cursor or 1) + 1"
    return items, following


def page_context(
    op: Operation, definitions: Mapping[str, Definition], models: ModelType = PYDANTIC
) -> PageContext | None:
    paging = op.pagination
    if paging is None:
        return None
    items, following = _page_expressions(paging, models)
    cursor = "dict[str, str]" if paging.style == "next_url" else "str"
    parameter = next((p for p in op.parameters if p.name == paging.parameter), None)
    if parameter is not None:
        cursor = pytypes.annotation(
            parameter.type.inner if isinstance(parameter.type, Nullable) else parameter.type
        )
    name = op.method_name
    return PageContext(
        item=pytypes.annotation(paging.item_type),
        cursor=cursor,
        parameter=paging.parameter,
        items_function=f"_{name}_items",
        next_function=f"_{name}_next_cursor",
        items_expression=items,
        next_expression=following,
        merges_query=paging.style == "next_url",
        limit=paging.limit,
        sync_class=paging.page_class,
        async_class=async_page_class(paging.page_class) if paging.page_class else "",
        items_attribute=paging.items.attributes[0] if paging.page_class else "items",
    )


def async_page_class(name: str) -> str:
    """`SyncCursorPage` -> `AsyncCursorPage` (`CursorPage` -> `AsyncCursorPage`)."""
    return "Async" + name.removeprefix("Sync")


def page_parts(
    paging: Pagination, envelope: Definition, definitions: Mapping[str, Definition]
) -> list[dict[str, str]]:
    """The classes a page class's module defines for the envelope's object fields, as a
    Stainless page does (`CursorPageMetadata` for `SyncCursorPage.metadata`, exported from
    `pagination`): each a subclass of the field's model that the page's field then holds.
    Fields named otherwise on the wire are left to the envelope (their alias stays)."""
    base = paging.page_class.removeprefix("Sync")
    items_attribute = paging.items.attributes[0]
    parts: list[dict[str, str]] = []
    for field in envelope.fields if isinstance(envelope, Model) else ():
        inner = field.type.inner if isinstance(field.type, Nullable) else field.type
        if field.name == items_attribute or field.name != field.wire_name:
            continue
        if isinstance(inner, Named) and isinstance(definitions.get(inner.name), Model):
            name = base + class_name(field.wire_name)
            optional = isinstance(field.type, Nullable) or not field.required
            annotation = f"{name} | None" if isinstance(field.type, Nullable) else name
            parts.append(
                {
                    "name": name,
                    "attribute": field.name,
                    "model": inner.name,
                    "module": definitions[inner.name].module,
                    "annotation": annotation + (" = None" if optional else ""),
                }
            )
    return parts
