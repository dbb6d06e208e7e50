# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Pages of list operations, fetched lazily.

A paginated method fetches its first page and returns a `SyncPage` (or `AsyncPage`);
the SDK's README shows one of its own:

    for item in page: ...                             # every item, page after page
    page.items, page.response                         # the first page, and its whole body
    for each in page.iter_pages(): ...                # page by page

The next page is only requested when iteration gets there. Iteration stops when the server
gives no next cursor, an empty page, the cursor it was just sent (a server bug that would
otherwise loop forever), or, where the call asked for a page size (``limit``, offset and
page-number paging), a page shorter than that.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Generic, TypeVar
from urllib.parse import parse_qsl, urlsplit

__all__ = ["AsyncPage", "SyncPage", "next_url_query"]

_ItemT = TypeVar("_ItemT")
_ResponseT = TypeVar("_ResponseT")
_CursorT = TypeVar("_CursorT")

ItemsOf = Callable[[_ResponseT], Sequence[_ItemT]]
NextCursor = Callable[[_ResponseT, _CursorT | None, Sequence[_ItemT]], _CursorT | None]


class SyncPage(Generic[_ItemT, _ResponseT]):
    """One page of results; iterating it goes through the items of every page from here on."""

    def __init__(
        self,
        response: _ResponseT,
        items: Sequence[_ItemT],
        fetch_next: Callable[[], SyncPage[_ItemT, _ResponseT]] | None,
    ) -> None:
        self.response = response
        self.items = list(items)
        self._fetch_next = fetch_next

    @classmethod
    def first(
        cls,
        fetch: Callable[[_CursorT | None], _ResponseT],
        *,
        cursor: _CursorT | None,
        items: ItemsOf[_ResponseT, _ItemT],
        next_cursor: NextCursor[_ResponseT, _CursorT, _ItemT],
        limit: int | None = None,
    ) -> SyncPage[_ItemT, _ResponseT]:
        """Fetch the page at `cursor`; the following pages are fetched on demand. `limit` is
        the page size the call asks for, where the API pages by offset or number."""
        response = fetch(cursor)
        # None where a response kept leniently lacks its list (`_validation`): an empty page.
        page_items = items(response) or ()
        following = _following(cursor, next_cursor(response, cursor, page_items), page_items, limit)
        if following is None:
            return cls(response, page_items, None)
        return cls(
            response,
            page_items,
            lambda: cls.first(
                fetch, cursor=following, items=items, next_cursor=next_cursor, limit=limit
            ),
        )

    def has_next_page(self) -> bool:
        return self._fetch_next is not None

    def next_page(self) -> SyncPage[_ItemT, _ResponseT]:
        if self._fetch_next is None:
            raise StopIteration("this is the last page")
        return self._fetch_next()

    def iter_pages(self) -> Iterator[SyncPage[_ItemT, _ResponseT]]:
        page: SyncPage[_ItemT, _ResponseT] | None = self
        while page is not None:
            yield page
            page = page.next_page() if page.has_next_page() else None

    def __iter__(self) -> Iterator[_ItemT]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(Generic[_ItemT, _ResponseT]):
    """One page of results; `async for` goes through the items of every page from here on."""

    def __init__(
        self,
        response: _ResponseT,
        items: Sequence[_ItemT],
        fetch_next: Callable[[], Awaitable[AsyncPage[_ItemT, _ResponseT]]] | None,
    ) -> None:
        self.response = response
        self.items = list(items)
        self._fetch_next = fetch_next

    @classmethod
    async def first(
        cls,
        fetch: Callable[[_CursorT | None], Awaitable[_ResponseT]],
        *,
        cursor: _CursorT | None,
        items: ItemsOf[_ResponseT, _ItemT],
        next_cursor: NextCursor[_ResponseT, _CursorT, _ItemT],
        limit: int | None = None,
    ) -> AsyncPage[_ItemT, _ResponseT]:
        response = await fetch(cursor)
        page_items = items(response) or ()  # as in SyncPage.first
        following = _following(cursor, next_cursor(response, cursor, page_items), page_items, limit)
        if following is None:
            return cls(response, page_items, None)
        return cls(
            response,
            page_items,
            lambda: cls.first(
                fetch, cursor=following, items=items, next_cursor=next_cursor, limit=limit
            ),
        )

    def has_next_page(self) -> bool:
        return self._fetch_next is not None

    async def next_page(self) -> AsyncPage[_ItemT, _ResponseT]:
        if self._fetch_next is None:
            raise StopAsyncIteration("this is the last page")
        return await self._fetch_next()

    async def iter_pages(self) -> AsyncIterator[AsyncPage[_ItemT, _ResponseT]]:
        page: AsyncPage[_ItemT, _ResponseT] | None = self
        while page is not None:
            yield page
            page = await page.next_page() if page.has_next_page() else None

    async def __aiter__(self) -> AsyncIterator[_ItemT]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


def _following(
    current: _CursorT | None,
    following: _CursorT | None,
    items: Sequence[object],
    limit: int | None,
) -> _CursorT | None:
    """The cursor of the next page, or None where paging must stop."""
    if following is None or following == "" or following == current or not items:
        return None
    if limit and len(items) < limit:  # a short page: the server had no more
        return None
    return following


def next_url_query(url: str | None) -> dict[str, str] | None:
    """The query parameters of a next-page URL, re-sent to the same operation."""
    if not url:
        return None
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
