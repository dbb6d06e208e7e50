"""A paging API for the pagination tests of both targets: a small spec with a list endpoint
in each style sdkwright detects (Clear Street's `page_token` + `metadata.next_page_token`
envelope, offset/limit, page number, next URL, Stripe's `starting_after`, and one declared
with `x-sdkwright-pagination`), and a server on 127.0.0.1 serving three pages for each and
recording the query it received."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

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
