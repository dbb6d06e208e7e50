"""A paginated method's `Paging` (runtime_ts/pagination.ts): its style, the query parameters
its cursor and page size go in, and the functions reading a page's items and next cursor."""

from __future__ import annotations

from dataclasses import dataclass

from sdkwright.ir.nodes import FieldPath, Operation
from sdkwright.targets.typescript.tstext import ts_string
from sdkwright.targets.typescript.tstypes import ts_type

_IDENTIFIER_START = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$"


@dataclass(frozen=True)
class PagingView:
    item: str  # the items' type
    style: str
    parameter: str  # wire name of the cursor's query parameter ("" for next_url)
    limit: str  # wire name of the page-size query parameter ("" where there is none)
    items: str  # `(body) => ...`, a page's items
    next: str  # `(body) => ...`, the next cursor or URL ("" for other styles)
    has_more: str  # `(body) => ...`, whether there are more (after_last; "" otherwise)


def read(path: FieldPath) -> str:
    """The value at `path` in a page's `body`, undefined where any step is missing or null."""
    steps = []
    for key in path.attributes:
        plain = key[:1] in _IDENTIFIER_START and all(c.isalnum() or c in "_$" for c in key)
        steps.append(f"?.{key}" if plain and key.isascii() else f"?.[{ts_string(key)}]")
    return "(body) => body" + "".join(steps)


def paging_view(op: Operation, models: str) -> PagingView | None:
    paging = op.pagination
    if paging is None:
        return None
    return PagingView(
        ts_type(paging.item_type, models),
        paging.style,
        "" if paging.style == "next_url" else paging.parameter_wire_name,
        paging.limit_wire_name,
        read(paging.items),
        read(paging.next) if paging.next is not None else "",
        read(paging.has_more) if paging.has_more is not None else "",
    )
