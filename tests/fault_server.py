"""A real HTTP server on 127.0.0.1 that misbehaves on purpose, as each call's plan says.

Clients name their call in an `X-Call-Id` header; the n-th request of a call gets the plan's
n-th fault (and a plain success past its end). Every request is recorded: when it arrived,
when the server started answering, its method, path and headers, and the fault it got.

The server runs in a process of its own, and every response closes its connection, so each
attempt a client makes is one the server sees: no request can be lost on a kept-alive
connection the server dropped meanwhile.

The server is bounded: it stops by itself after `max_requests` requests or `max_seconds`
seconds, whichever comes first, and says so in `stopped_early`.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import multiprocessing.process
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

# What a request can get. "ok" answers with the call's success body.
FAULTS = (
    "ok",
    "rate-limited",  # 429 with a short Retry-After / retry-after-ms
    "rate-limited-long",  # 429 asking for an hour: not worth waiting for
    "unavailable",  # 503
    "server-error",  # 500
    "conflict",  # 409
    "invalid-body",  # 200 with a body that does not match the declared type
    "slow",  # nothing at all until well past the client's timeout
    "slow-body",  # headers and half the body, then a stall past the timeout
    "reset",  # the connection is reset (TCP RST) instead of answered
    "truncated",  # Content-Length says more than is sent before the connection closes
)


@dataclass(frozen=True)
class Fault:
    kind: str
    retry_after: float | None = None  # seconds, for "rate-limited"
    in_milliseconds: bool = False  # sent as retry-after-ms rather than Retry-After

    def __post_init__(self) -> None:
        assert self.kind in FAULTS, self.kind


OK = Fault("ok")


@dataclass(frozen=True)
class Plan:
    faults: tuple[Fault, ...]
    status: int  # of the success response
    body: bytes  # of the success response


@dataclass
class Attempt:
    arrived: float  # time.monotonic() once the request was read
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    fault: Fault
    answered: float = 0.0  # just before the first byte of the answer (or the reset) went out


@dataclass
class _State:
    plans: dict[str, Plan] = field(default_factory=dict)
    attempts: dict[str, list[Attempt]] = field(default_factory=dict)
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class FaultServer:
    """Plans are made before `with`, the server runs inside it, results are read after it.

    The server runs in a process of its own: in the clients' process it would compete with
    them for the GIL, and on a loaded machine its accept loop could then lag past a client's
    timeout, which would count as an attempt the server never saw."""

    def __init__(self, *, max_requests: int, max_seconds: float, slow_seconds: float) -> None:
        self.max_requests = max_requests
        self.max_seconds = max_seconds
        self.slow_seconds = slow_seconds
        self.base_url = ""
        self._plans: dict[str, Plan] = {}
        self._result: _Result | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    # -- test side ---------------------------------------------------------------------

    def plan(self, call_id: str, faults: list[Fault], status: int, body: object) -> None:
        if self._process is not None:
            raise RuntimeError("plan every call before the server starts")
        self._plans[call_id] = Plan(tuple(faults), status, json.dumps(body).encode())

    def attempts(self, call_id: str) -> list[Attempt]:
        return list(self._finished().attempts.get(call_id, []))

    @property
    def requests(self) -> int:
        return self._finished().requests

    @property
    def stopped_early(self) -> bool:
        return self._finished().stopped_early

    def _finished(self) -> _Result:
        if self._result is None:
            raise RuntimeError("the server's record is read after its `with` block")
        return self._result

    def __enter__(self) -> FaultServer:
        context = multiprocessing.get_context("spawn")
        self._conn, child_end = context.Pipe()
        limits = (self.max_requests, self.max_seconds, self.slow_seconds)
        self._process = context.Process(
            target=_serve, args=(child_end, self._plans, limits), name="fault-server", daemon=True
        )
        self._process.start()
        child_end.close()
        if not self._conn.poll(60):
            self._process.kill()
            raise RuntimeError("the fault server did not start within 60 s")
        self.base_url = f"http://127.0.0.1:{self._conn.recv()}"
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._conn is not None and self._process is not None
        self._conn.send("stop")
        if self._conn.poll(60):
            self._result = self._conn.recv()
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.kill()
        if self._result is None:
            raise RuntimeError("the fault server sent no record of its requests")


@dataclass
class _Result:
    attempts: dict[str, list[Attempt]]
    requests: int
    stopped_early: bool


def _serve(conn: Connection, plans: dict[str, Plan], limits: tuple[int, float, float]) -> None:
    """The server process: serve until told to stop (or a bound is hit), then send the record."""
    max_requests, max_seconds, slow_seconds = limits
    state = _State(plans=plans)
    httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
    httpd.state, httpd.slow_seconds = state, slow_seconds
    stopping, stopped_early = threading.Event(), threading.Event()

    def loop() -> None:
        deadline = time.monotonic() + max_seconds
        try:
            while not stopping.is_set():
                if time.monotonic() > deadline or state.requests >= max_requests:
                    stopped_early.set()
                    return
                httpd.handle_request()  # returns after `timeout` when idle
        finally:
            httpd.server_close()

    thread = threading.Thread(target=loop, name="fault-server", daemon=True)
    thread.start()
    conn.send(httpd.server_address[1])
    conn.recv()  # "stop"
    stopping.set()
    thread.join(timeout=5)
    with state.lock:
        attempts = {call: list(items) for call, items in state.attempts.items()}
        conn.send(_Result(attempts, state.requests, stopped_early.is_set()))


def _arrive(
    state: _State, call_id: str, method: str, path: str, headers: dict[str, str]
) -> tuple[Attempt, Plan, int]:
    """Record a request; return it, its call's plan, and which attempt of the call it is."""
    with state.lock:
        state.requests += 1
        plan = state.plans.get(call_id, Plan((), 404, b'{"error": "unknown call"}'))
        attempts = state.attempts.setdefault(call_id, [])
        fault = plan.faults[len(attempts)] if len(attempts) < len(plan.faults) else OK
        attempt = Attempt(time.monotonic(), method, path, headers, fault)
        attempts.append(attempt)
    return attempt, plan, len(attempts) - 1


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many clients connect at once; the default 5 drops SYNs
    timeout = 0.05
    state: _State
    slow_seconds: float


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def do_GET(self) -> None:
        self._handle()

    do_POST = do_PATCH = do_PUT = do_DELETE = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _handle(self) -> None:
        self.close_connection = True
        length = int(self.headers.get("content-length") or 0)
        if length:
            self.rfile.read(length)  # the whole request is in before anything goes wrong
        headers = {name.lower(): value for name, value in self.headers.items()}
        call_id = headers.get("x-call-id", "")
        attempt, plan, index = _arrive(self.server.state, call_id, self.command, self.path, headers)
        # OSError: the client gave up (after a timeout) and closed the connection.
        with contextlib.suppress(OSError):
            self._act(attempt, plan, f"{call_id}-{index}", self.server.slow_seconds)

    def _act(self, attempt: Attempt, plan: Plan, request_id: str, slow_seconds: float) -> None:
        kind = attempt.fault.kind
        if kind == "slow":
            time.sleep(slow_seconds)
        attempt.answered = time.monotonic()
        if kind in ("ok", "slow"):
            self._respond(plan.status, plan.body, request_id)
        elif kind == "rate-limited":
            seconds = attempt.fault.retry_after or 0.0
            header = (
                ("retry-after-ms", f"{seconds * 1000:.0f}")
                if attempt.fault.in_milliseconds
                else ("Retry-After", f"{seconds:.3f}")
            )
            self._respond(429, b'{"error": "slow down"}', request_id, header)
        elif kind == "rate-limited-long":
            self._respond(429, b'{"error": "come back later"}', request_id, ("Retry-After", "3600"))
        elif kind in ("unavailable", "server-error", "conflict"):
            status = {"unavailable": 503, "server-error": 500, "conflict": 409}[kind]
            self._respond(status, json.dumps({"error": kind}).encode(), request_id)
        elif kind == "invalid-body":
            self._respond(200, b"[1, 2, 3]", request_id)
        elif kind == "reset":
            # SO_LINGER with a zero timeout: close() sends RST instead of FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        else:  # "slow-body" and "truncated": half the promised body
            self._start(plan.status, len(plan.body), request_id)
            self.wfile.write(plan.body[: len(plan.body) // 2])
            self.wfile.flush()
            if kind == "slow-body":
                time.sleep(slow_seconds)
                self.wfile.write(plan.body[len(plan.body) // 2 :])

    def _respond(self, status: int, body: bytes, request_id: str, *header: tuple[str, str]) -> None:
        self._start(status, len(body), request_id, *header)
        self.wfile.write(body)

    def _start(self, status: int, length: int, request_id: str, *header: tuple[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(length))
        self.send_header("Connection", "close")
        self.send_header("X-Request-Id", request_id)
        for name, value in header:
            self.send_header(name, value)
        self.end_headers()
