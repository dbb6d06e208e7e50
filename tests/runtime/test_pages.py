"""Pages: the following page is fetched only when iteration reaches it, and never past the
last one the server's answers show."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from types import SimpleNamespace

import pytest

ITEMS = [f"i{n}" for n in range(8)]


class OffsetServer:
    """A list served by offset: `limit` items from `offset`, 3 when no limit is asked."""

    def __init__(self) -> None:
        self.offsets: list[int] = []
        self.limit: int | None = None

    def fetch(self, cursor: int | None) -> list[str]:
        offset = cursor or 0
        self.offsets.append(offset)
        return ITEMS[offset : offset + (self.limit or 3)]

    async def fetch_async(self, cursor: int | None) -> list[str]:
        return self.fetch(cursor)


def items(response: list[str]) -> Sequence[str]:
    return response


def next_offset(response: list[str], cursor: int | None, page: Sequence[str]) -> int | None:
    return (cursor or 0) + len(page)


@pytest.mark.parametrize(
    ("limit", "offsets"),
    [
        (3, [0, 3, 6]),  # 3, 3, then 2 of 3: the last
        (5, [0, 5]),  # 5, then 3 of 5
        (4, [0, 4, 8]),  # 4 and 4: both full, so only the empty page at 8 ends it
        (None, [0, 3, 6, 8]),  # no limit asked: a short page tells nothing
    ],
)
def test_a_page_shorter_than_the_limit_asked_for_is_the_last(
    rt: SimpleNamespace, limit: int | None, offsets: list[int]
) -> None:
    server = OffsetServer()
    server.limit = limit
    page = rt.pagination.SyncPage.first(
        server.fetch, cursor=None, items=items, next_cursor=next_offset, limit=limit
    )
    assert list(page) == ITEMS
    assert server.offsets == offsets


def test_async_pages_stop_at_a_short_page_too(rt: SimpleNamespace) -> None:
    server = OffsetServer()
    server.limit = 3

    async def collect() -> list[str]:
        page = await rt.pagination.AsyncPage.first(
            server.fetch_async, cursor=None, items=items, next_cursor=next_offset, limit=3
        )
        return [item async for item in page]

    assert asyncio.run(collect()) == ITEMS
    assert server.offsets == [0, 3, 6]


def test_a_page_whose_response_lacks_its_list_is_empty_and_the_last(rt: SimpleNamespace) -> None:
    """A response that broke its schema is kept leniently, a missing list as None (issue 13,
    point 4): the page is empty, not a TypeError."""

    def fetch(cursor: int | None) -> dict[str, None]:
        return {"data": None}

    def missing(response: dict[str, None]) -> Sequence[str]:
        return response["data"]  # type: ignore[return-value]

    page = rt.pagination.SyncPage.first(
        fetch, cursor=None, items=missing, next_cursor=next_offset, limit=3
    )
    assert (page.items, page.has_next_page()) == ([], False)

    async def first_async() -> object:
        async def fetch_async(cursor: int | None) -> dict[str, None]:
            return fetch(cursor)

        return await rt.pagination.AsyncPage.first(
            fetch_async, cursor=None, items=missing, next_cursor=next_offset, limit=3
        )

    assert asyncio.run(first_async()).items == []  # type: ignore[attr-defined]
