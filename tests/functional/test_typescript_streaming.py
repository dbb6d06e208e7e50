"""Server-sent events in the TypeScript SDKs over real HTTP: a method answering with
`text/event-stream` resolves to an `EventStream`, iterated with `for await`; events are
parsed as the HTML standard says (the Python runtime's `_streaming.py` rules) however the
server's chunks cut them, and typed where the spec's schema is a component."""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from helpers import describe
from sdkwright import api
from sdkwright.config import Target
from typescript_tools import built_sdk, compile_sdk, run_node

ORDER_EVENT = {
    "type": "object",
    "required": ["id", "status"],
    "properties": {"id": {"type": "string"}, "status": {"type": "string"}},
}


def _events(schema: dict[str, object]) -> dict[str, object]:
    content = {"text/event-stream": {"schema": schema}}
    return {"200": {"description": "events", "content": content}}


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Feed", "version": "1"},
    "servers": [{"url": "http://localhost:1"}],
    "components": {"schemas": {"OrderEvent": ORDER_EVENT}},
    "paths": {
        "/orders/{id}/events": {
            "get": {
                "operationId": "stream_order_events",
                "tags": ["Orders"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": _events({"$ref": "#/components/schemas/OrderEvent"}),
            }
        },
        "/ticks": {
            "get": {
                "operationId": "stream_ticks",
                "tags": ["Ticks"],
                "responses": _events({"type": "string"}),
            }
        },
    },
}
CLIENT = "const client = new sdk.Feed({ baseURL: process.env.URL, maxRetries: 0 });\n"
COLLECT = CLIENT + (
    "const stream = await client.orders.streamOrderEvents({ id: 'o-1' });\n"
    "const events = [];\n"
    "for await (const e of stream) events.push({ event: e.event, data: e.data, id: e.id,"
    " retry: e.retry });\n"
    "return events;"
)


@pytest.fixture(scope="module")
def feed_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ts-events")
    spec = folder / "feed.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    target = Target("feed", spec, folder / "out", "feed", "Feed", language="typescript")
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    return built_sdk(target.output, folder / "sdk")


class StreamServer:
    """Answers every request with `status` and `chunks`, each written and flushed apart
    (after `pause` seconds), then closes the connection; records each request's path and
    headers, and whether the client went away before the last chunk."""

    def __init__(self, chunks: list[bytes], status: int = 200, pause: float = 0.05) -> None:
        self.chunks, self.status, self.pause = chunks, status, pause
        self.received: list[tuple[str, dict[str, str]]] = []
        self.client_left = threading.Event()

    @contextmanager
    def running(self) -> Iterator[str]:
        script = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                script.received.append((self.path, headers))
                self.send_response(script.status)
                kind = "text/event-stream" if script.status == 200 else "application/json"
                self.send_header("Content-Type", kind)
                self.end_headers()  # HTTP/1.0, no length: the body ends when the socket closes
                try:
                    for chunk in script.chunks:
                        time.sleep(script.pause)
                        self.wfile.write(chunk)
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    script.client_left.set()

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()


def stream(sdk: Path, chunks: list[bytes], code: str = COLLECT) -> tuple[object, StreamServer]:
    server = StreamServer(chunks)
    with server.running() as url:
        printed = run_node(sdk, code, {"URL": url})
    assert printed["ok"] is True, printed
    return printed["value"], server


def test_events_cut_anywhere_by_the_chunks_come_out_whole(feed_sdk: Path) -> None:
    text = (
        "\ufeff: a comment, ignored\r\n"
        'event: created\r\nid: 1\r\ndata: {"id": "o-1", "status": "new"}\r\n\r\n'
        "data: first line\ndata: second line \u00e9\u20ac\n\n"  # multi-line data, UTF-8
        "retry: 1500\rdata: after a CR\r\r"  # CR line ends; id 1 persists
        "id\ndata\n\n"  # a field without a colon; an empty id resets it
        "retry: soon\nid: 7\n\n"  # no data: no event; the id still counts
        "data: [DONE]\n\n"
        "data: unfinished at the end"
    ).encode()
    # Cut into 3-byte pieces: inside fields, CRLFs and multi-byte characters.
    chunks = [text[i : i + 3] for i in range(0, len(text), 3)]
    value, server = stream(feed_sdk, chunks)
    assert value == [
        {"event": "created", "data": '{"id": "o-1", "status": "new"}', "id": "1", "retry": None},
        {
            "event": "message",
            "data": "first line\nsecond line \u00e9\u20ac",
            "id": "1",
            "retry": None,
        },
        {"event": "message", "data": "after a CR", "id": "1", "retry": 1500},
        {"event": "message", "data": "", "id": "", "retry": None},
        # [DONE] is an event like another, as in the Python SDKs (no sentinel ends a stream).
        {"event": "message", "data": "[DONE]", "id": "7", "retry": None},
    ]
    ((path, headers),) = server.received
    assert path == "/orders/o-1/events" and headers["accept"] == "text/event-stream"


def test_json_parses_an_events_data(feed_sdk: Path) -> None:
    code = CLIENT + (
        "const stream = await client.orders.streamOrderEvents({ id: 'o-1' });\n"
        "const statuses = [];\n"
        "for await (const e of stream) statuses.push(e.json().status);\n"
        "return { statuses, isStream: stream instanceof sdk.EventStream,"
        " status: stream.response.status };"
    )
    chunks = [
        b'data: {"id": "o-1", "status": "new"}\n\n',
        b'data: {"id": "o-1", "status": "done"}\n\n',
    ]
    value, _ = stream(feed_sdk, chunks, code)
    assert value == {"statuses": ["new", "done"], "isStream": True, "status": 200}


def test_breaking_out_of_the_loop_closes_the_connection(feed_sdk: Path) -> None:
    """The server would go on for 10 s: the client leaves after the first event, and Node
    exits at once (no socket left open)."""
    chunks = [b"data: one\n\n"] + [b": still here\n"] * 200
    server = StreamServer(chunks, pause=0.05)
    code = CLIENT + (
        "const stream = await client.orders.streamOrderEvents({ id: 'o-1' });\n"
        "for await (const e of stream) return e.data;"
    )
    started = time.monotonic()
    with server.running() as url:
        printed = run_node(feed_sdk, code, {"URL": url})
        left = server.client_left.wait(timeout=5)
    assert printed == {"ok": True, "value": "one"}
    assert left and time.monotonic() - started < 8


def test_a_stream_is_iterated_once(feed_sdk: Path) -> None:
    code = CLIENT + (
        "const stream = await client.ticks.streamTicks();\n"
        "const first = [];\n"
        "for await (const e of stream) first.push(e.data);\n"
        "try { for await (const e of stream) first.push(e.data); } catch (error) {"
        " return { first, error: error.name }; }\n"
        "return { first };"
    )
    value, _ = stream(feed_sdk, [b"data: a\n\n", b"data: b\n\n"], code)
    assert value == {"first": ["a", "b"], "error": "SDKError"}


def test_an_error_status_throws_instead_of_streaming(feed_sdk: Path) -> None:
    server = StreamServer([json.dumps({"message": "no such order"}).encode()], status=404)
    with server.running() as url:
        printed = run_node(feed_sdk, COLLECT, {"URL": url})
    assert (printed["error"], printed["status"], printed["body"]) == (
        "NotFoundError",
        404,
        {"message": "no such order"},
    )


def test_events_are_typed_where_a_component_types_them(feed_sdk: Path, tmp_path: Path) -> None:
    """The typed stream's `json()` is an `OrderEvent` (tsc refuses a property it lacks); the
    untyped one's is `unknown` (tsc refuses any property)."""
    resource = (feed_sdk / "src" / "resources" / "orders.ts").read_text()
    assert "EventStream<Models.OrderEvent>" in resource
    assert "EventStream<unknown>" in (feed_sdk / "src" / "resources" / "ticks.ts").read_text()
    sdk = shutil.copytree(feed_sdk, tmp_path / "sdk", ignore=shutil.ignore_patterns("dist"))
    usage = sdk / "src" / "usage.ts"
    typed = (
        "import { Feed } from './index.js';\n"
        "export async function statuses(client: Feed): Promise<string[]> {\n"
        "  const found: string[] = [];\n"
        "  for await (const e of await client.orders.streamOrderEvents({ id: 'x' })) {\n"
        "    found.push(e.json().status);\n"
        "  }\n"
        "  return found;\n"
        "}\n"
    )
    usage.write_text(typed)
    compiled = compile_sdk(sdk)
    assert compiled.returncode == 0, describe(compiled)
    usage.write_text(typed.replace(".status", ".nonexistent"))
    compiled = compile_sdk(sdk)
    assert compiled.returncode != 0 and "nonexistent" in compiled.stdout, describe(compiled)
    usage.write_text(
        typed.replace("client.orders.streamOrderEvents({ id: 'x' })", "client.ticks.streamTicks()")
    )
    compiled = compile_sdk(sdk)
    assert compiled.returncode != 0 and "unknown" in compiled.stdout, describe(compiled)


def test_aborting_the_calls_signal_stops_the_stream(feed_sdk: Path) -> None:
    chunks = [b"data: one\n\n", b"data: two\n\n"] + [b": still here\n"] * 200
    server = StreamServer(chunks, pause=0.05)
    code = CLIENT + (
        "const controller = new AbortController();\n"
        "const stream = await client.orders.streamOrderEvents({ id: 'o-1' },"
        " { signal: controller.signal });\n"
        "const seen = [];\n"
        "try {\n"
        "  for await (const e of stream) { seen.push(e.data); if (seen.length === 2)"
        " setTimeout(() => controller.abort(), 100); }\n"
        "} catch (error) { return { seen, error: error.name }; }\n"
        "return { seen };"
    )
    started = time.monotonic()
    with server.running() as url:
        printed = run_node(feed_sdk, code, {"URL": url})
        left = server.client_left.wait(timeout=5)
    assert printed == {"ok": True, "value": {"seen": ["one", "two"], "error": "APIConnectionError"}}
    assert left and time.monotonic() - started < 8
