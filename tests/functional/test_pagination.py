"""Pagination against a real HTTP server: every item once, in order, with the right cursors.

The spec and its server are tests/paging_fixture.py's (the TypeScript target's pagination
tests use them too).
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from helpers import describe, sdkwright
from paging_fixture import ALL_ITEMS, PAGES, SPEC, PagingServer


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("paging")
    spec = root / "paging.yaml"
    spec.write_text(SPEC)
    result = sdkwright(
        "generate",
        spec,
        "-o",
        root / "sdk",
        "--package",
        "pagingdemo",
        "--client-name",
        "PagingDemo",
    )
    assert result.returncode == 0, describe(result)
    assert "pagination.declared" not in result.stderr
    sys.path.insert(0, str(root / "sdk"))
    try:
        yield importlib.import_module("pagingdemo")
    finally:
        sys.path.remove(str(root / "sdk"))
        for name in [m for m in sys.modules if m.split(".")[0] == "pagingdemo"]:
            del sys.modules[name]


@pytest.fixture
def server() -> Iterator[PagingServer]:
    paging = PagingServer()
    paging.thread.start()
    yield paging
    paging.httpd.server_close()


def item_ids(items: Any) -> list[str]:
    return [item.id for item in items]


def test_clear_street_style_cursor_pages(sdk: ModuleType, server: PagingServer) -> None:
    client = sdk.PagingDemo(base_url=server.base_url)
    assert item_ids(client.positions.list_positions(account_id=7, page_size=3)) == ALL_ITEMS
    sent = server.queries_for("/v1/accounts/7/positions")
    assert [q.get("page_token") for q in sent] == [None, "tok-2", "tok-3"]
    assert all(q["page_size"] == "3" for q in sent)


def test_pages_are_fetched_lazily_and_offer_page_level_access(
    sdk: ModuleType, server: PagingServer
) -> None:
    client = sdk.PagingDemo(base_url=server.base_url)
    page = client.positions.list_positions(account_id=7)
    assert len(server.queries) == 1
    assert item_ids(page.items) == PAGES[0]
    assert page.response.metadata.request_id == "r0"
    assert page.has_next_page()
    second = page.next_page()
    assert len(server.queries) == 2 and item_ids(second.items) == PAGES[1]
    assert [item_ids(p.items) for p in page.iter_pages()] == PAGES
    assert not list(page.iter_pages())[-1].has_next_page()


@pytest.mark.parametrize(
    ("method", "path", "parameter", "sent"),
    [
        ("orders.list_orders", "/orders", "offset", [None, "3", "6", "9"]),
        ("events.list_events", "/events", "since", [None, "cursor-2", "cursor-3"]),
        ("charges.list_charges", "/charges", "starting_after", [None, "p3", "p6"]),
        ("reports.list_reports", "/reports", "resume", [None, "r-2", "r-3"]),
    ],
)
def test_every_style_returns_every_item_once_in_order(
    sdk: ModuleType,
    server: PagingServer,
    method: str,
    path: str,
    parameter: str,
    sent: list[str | None],
) -> None:
    group, name = method.split(".")
    client = sdk.PagingDemo(base_url=server.base_url)
    assert item_ids(getattr(getattr(client, group), name)()) == ALL_ITEMS
    assert [q.get(parameter) for q in server.queries_for(path)] == sent


@pytest.mark.parametrize(
    ("method", "path", "parameter", "size", "sent"),
    [
        # 9 items: 4 + 4 + 1, and the page of 1 is the last.
        ("orders.list_orders", "/orders", "offset", {"limit": 4}, [None, "4", "8"]),
        ("photos.list_photos", "/photos", "page", {"per_page": 4}, [None, "2", "3"]),
        # Pages of 3 as asked, all full: only an empty page can end them.
        ("photos.list_photos", "/photos", "page", {"per_page": 3}, [None, "2", "3", "4"]),
        # Without a size asked for, a short page says nothing.
        ("photos.list_photos", "/photos", "page", {}, [None, "2", "3", "4"]),
    ],
)
def test_a_page_shorter_than_the_size_asked_for_is_the_last(
    sdk: ModuleType,
    server: PagingServer,
    method: str,
    path: str,
    parameter: str,
    size: dict[str, int],
    sent: list[str | None],
) -> None:
    group, name = method.split(".")
    client = sdk.PagingDemo(base_url=server.base_url)
    assert item_ids(getattr(getattr(client, group), name)(**size)) == ALL_ITEMS
    assert [q.get(parameter) for q in server.queries_for(path)] == sent


def test_async_iteration(sdk: ModuleType, server: PagingServer) -> None:
    async def collect() -> list[str]:
        client = sdk.AsyncPagingDemo(base_url=server.base_url)
        page = await client.positions.list_positions(account_id=7)
        return [item.id async for item in page]

    assert asyncio.run(collect()) == ALL_ITEMS
    assert [q.get("page_token") for q in server.queries_for("/v1/accounts/7/positions")] == [
        None,
        "tok-2",
        "tok-3",
    ]


def test_a_cursor_that_does_not_move_stops_the_iteration(sdk: ModuleType) -> None:
    import httpx

    def same_page(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            json={
                "metadata": {"request_id": "r", "next_page_token": "again"},
                "data": [{"id": "x"}],
            },
        )

    client = sdk.PagingDemo(
        base_url="https://paging.example",
        http_client=httpx.Client(transport=httpx.MockTransport(same_page)),
    )
    assert item_ids(client.positions.list_positions(account_id=1, page_token="again")) == ["x"]
