"""A real HTTP server on 127.0.0.1 that misbehaves on purpose, as each call's plan says.

Clients name their call in an `X-Call-Id` header; the n-th request of a call gets the plan's
n-th fault (and a plain success past its end). Every request is recorded: when it arrived,
when the server started answering, its method, path and headers, and the fault it got.

Every response closes its connection, so each attempt a client makes is one the server sees:
no request can be lost on a kept-alive connection the server dropped meanwhile.

The server is bounded: it stops by itself after `max_requests` requests or `max_seconds`
seconds, whichever comes first, and says so in `stopped_early`.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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
    def __init__(self, *, max_requests: int, max_seconds: float, slow_seconds: float) -> None:
        self.max_requests = max_requests
        self.max_seconds = max_seconds
        self.slow_seconds = slow_seconds
        self.stopped_early = False
        self._state = _State()
        self._stopping = threading.Event()
        self._httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self.base_url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._serve, name="fault-server", daemon=True)

    # -- test side ---------------------------------------------------------------------

    def plan(self, call_id: str, faults: list[Fault], status: int, body: object) -> None:
        self._state.plans[call_id] = Plan(tuple(faults), status, json.dumps(body).encode())

    def attempts(self, call_id: str) -> list[Attempt]:
        with self._state.lock:
            return list(self._state.attempts.get(call_id, []))

    @property
    def requests(self) -> int:
        return self._state.requests

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)

    # -- server side -------------------------------------------------------------------

    def _serve(self) -> None:
        deadline = time.monotonic() + self.max_seconds
        try:
            while not self._stopping.is_set():
                if time.monotonic() > deadline or self.requests >= self.max_requests:
                    self.stopped_early = True
                    return
                self._httpd.handle_request()  # returns after `timeout` when idle
        finally:
            self._httpd.server_close()

    def _arrive(
        self, call_id: str, method: str, path: str, headers: dict[str, str]
    ) -> tuple[Attempt, Plan, int]:
        """Record a request; return it, its call's plan, and which attempt of the call it is."""
        state = self._state
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
    owner: FaultServer


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
        owner = self.server.owner
        call_id = headers.get("x-call-id", "")
        attempt, plan, index = owner._arrive(call_id, self.command, self.path, headers)
        # OSError: the client gave up (after a timeout) and closed the connection.
        with contextlib.suppress(OSError):
            self._act(attempt, plan, f"{call_id}-{index}", owner.slow_seconds)

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
