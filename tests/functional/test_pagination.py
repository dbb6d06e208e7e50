"""Pagination against a real HTTP server: every item once, in order, with the right cursors.

A small spec declares list endpoints in each style sdkwright detects (Clear Street's
`page_token` + `metadata.next_page_token` envelope, offset/limit, next URL, Stripe's
`starting_after`), plus one declared with `x-sdkwright-pagination`. A server on 127.0.0.1
serves three pages for each and records the query it received.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from helpers import describe, sdkwright

SPEC = """\
openapi: 3.1.0
info: {title: Paging Demo, version: "1"}
servers: [{url: "https://paging.example"}]
paths:
  /v1/accounts/{account_id}/positions:
    get:
      operationId: list_positions
      tags: [Positions]
      parameters:
        - {name: account_id, in: path, required: true, schema: {type: integer}}
        - {name: page_size, in: query, schema: {type: integer}}
        - {name: page_token, in: query, schema: {type: string}}
      responses:
        "200":
          description: A page of positions.
          content:
            application/json:
              schema:
                allOf:
                  - $ref: "#/components/schemas/BaseResponse"
                  - type: object
                    required: [data]
                    properties:
                      data: {type: array, items: {$ref: "#/components/schemas/Position"}}
  /orders:
    get:
      operationId: list_orders
      tags: [Orders]
      parameters:
        - {name: offset, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: Orders.
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Position"}}
  /photos:
    get:
      operationId: list_photos
      tags: [Photos]
      parameters:
        - {name: page, in: query, schema: {type: integer}}
        - {name: per_page, in: query, schema: {type: integer}}
      responses:
        "200":
          description: Photos, by page number.
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Position"}}
  /events:
    get:
      operationId: list_events
      tags: [Events]
      parameters:
        - {name: since, in: query, schema: {type: string}}
      responses:
        "200":
          description: Events, with the next page's URL.
          content:
            application/json:
              schema:
                type: object
                required: [items]
                properties:
                  items: {type: array, items: {$ref: "#/components/schemas/Position"}}
                  next: {type: [string, "null"]}
  /charges:
    get:
      operationId: list_charges
      tags: [Charges]
      parameters:
        - {name: starting_after, in: query, schema: {type: string}}
      responses:
        "200":
          description: Charges, Stripe style.
          content:
            application/json:
              schema:
                type: object
                required: [data, has_more]
                properties:
                  data: {type: array, items: {$ref: "#/components/schemas/Position"}}
                  has_more: {type: boolean}
  /reports:
    get:
      operationId: list_reports
      tags: [Reports]
      x-sdkwright-pagination: {style: cursor, parameter: resume, items: result.rows, next: result.continuation}
      parameters:
        - {name: resume, in: query, schema: {type: string}}
      responses:
        "200":
          description: Rows, in an envelope detection does not know.
          content:
            application/json:
              schema:
                type: object
                required: [result]
                properties:
                  result:
                    type: object
                    required: [rows]
                    properties:
                      rows: {type: array, items: {$ref: "#/components/schemas/Position"}}
                      continuation: {type: [string, "null"]}
components:
  schemas:
    BaseResponse:
      type: object
      required: [metadata]
      properties:
        metadata:
          type: object
          required: [request_id]
          properties:
            request_id: {type: string}
            next_page_token: {oneOf: [{type: "null"}, {type: string}]}
    Position:
      type: object
      required: [id]
      properties:
        id: {type: string}
"""

PAGES = [["p1", "p2", "p3"], ["p4", "p5", "p6"], ["p7", "p8", "p9"]]
ALL_ITEMS = [item for page in PAGES for item in page]


def page_body(path: str, query: dict[str, str], base_url: str) -> object:
    """Three pages for every endpoint, each in its own style."""
    if path.startswith("/v1/accounts/"):
        index = {"": 0, "tok-2": 1, "tok-3": 2}[query.get("page_token", "")]
        following = ["tok-2", "tok-3", None][index]
        return {
            "metadata": {"request_id": f"r{index}", "next_page_token": following},
            "data": ids(index),
        }
    if path == "/orders":
        offset = int(query.get("offset", "0"))
        if "limit" in query:  # as many as asked for, from the offset
            return [{"id": item} for item in ALL_ITEMS[offset : offset + int(query["limit"])]]
        index = offset // 3
        return ids(index) if index < 3 else []
    if path == "/photos":
        size, number = int(query.get("per_page", "3")), int(query.get("page", "1"))
        return [{"id": item} for item in ALL_ITEMS[(number - 1) * size : number * size]]
    if path == "/events":
        index = {"": 0, "cursor-2": 1, "cursor-3": 2}[query.get("since", "")]
        following = [
            f"{base_url}/events?since=cursor-2",
            f"{base_url}/events?since=cursor-3",
            None,
        ][index]
        return {"items": ids(index), "next": following}
    if path == "/charges":
        index = {"": 0, "p3": 1, "p6": 2}[query.get("starting_after", "")]
        return {"data": ids(index), "has_more": index < 2}
    index = {"": 0, "r-2": 1, "r-3": 2}[query.get("resume", "")]
    return {"result": {"rows": ids(index), "continuation": ["r-2", "r-3", None][index]}}


def ids(index: int) -> list[dict[str, str]]:
    return [{"id": item} for item in PAGES[index]]


class PagingServer:
    """A real HTTP server on 127.0.0.1 that records every query; at most 500 requests."""

    def __init__(self) -> None:
        self.queries: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = dict(parse_qsl(url.query))
                server.queries.append((url.path, query))
                body = json.dumps(page_body(url.path, query, server.base_url)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.serve, daemon=True)

    def serve(self) -> None:
        for _ in range(500):
            self.httpd.handle_request()

    def queries_for(self, path: str) -> list[dict[str, str]]:
        return [query for request_path, query in self.queries if request_path == path]


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
