"""TypeScript for the tests of the TypeScript target: the compiler, installed from npm by the
tests themselves into `.cache/typescript` (once: one xdist worker installs, the others wait on
the lock, as for Prism in tests/e2e/test_prism.py), Node to run what it compiles, and a
scripted local HTTP server for it to talk to."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import textwrap
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock
from helpers import REPO, describe, run

TYPESCRIPT_PACKAGE = "typescript@5.6.3"
CACHE = REPO / ".cache" / "typescript"


def tsc() -> Path:
    """The TypeScript compiler; the test is skipped when npm (so Node.js) is absent."""
    binary = CACHE / "node_modules" / ".bin" / "tsc"
    CACHE.mkdir(parents=True, exist_ok=True)
    with FileLock(CACHE / "install.lock"):
        if not binary.exists():
            _install(binary)
    return binary


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.skip("node is not installed: the TypeScript SDK tests need Node.js 18+")
    return found


def _install(binary: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: the TypeScript SDK tests need Node.js and npm")
    command = [npm, "install", "--prefix", str(CACHE), "--no-audit", "--no-fund"]
    installed = run([*command, "--loglevel=error", TYPESCRIPT_PACKAGE], CACHE, timeout=600)
    assert installed.returncode == 0 and binary.exists(), describe(installed)


def compile_sdk(sdk: Path, *, emit: bool = False) -> subprocess.CompletedProcess[str]:
    """`tsc --strict` over the SDK's own tsconfig.json: type-checks it (`--noEmit`), or
    builds `dist/` when `emit`."""
    flags = ["--strict"] + ([] if emit else ["--noEmit"])
    return run([str(tsc()), "-p", str(sdk), *flags], sdk, timeout=600)


@dataclass(frozen=True)
class Reply:
    """One scripted response of `ScriptedServer`."""

    status: int = 200
    body: object = None
    headers: tuple[tuple[str, str], ...] = ()
    delay_s: float = 0.0


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class ScriptedServer:
    """A local HTTP server answering with `replies` in turn (the last one repeats) and
    recording every request it receives."""

    replies: list[Reply]
    received: list[Received] = field(default_factory=list)

    @contextmanager
    def running(self) -> Iterator[str]:
        script = self

        class Handler(BaseHTTPRequestHandler):
            def handle_one(self) -> None:
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    body = self.read_chunks()  # a streamed body
                else:
                    length = int(self.headers.get("Content-Length") or 0)
                    body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                script.received.append(Received(self.command, self.path, headers, body))
                index = min(len(script.received), len(script.replies)) - 1
                reply = script.replies[index]
                time.sleep(reply.delay_s)
                data = b"" if reply.body is None else json.dumps(reply.body).encode()
                # A client that gave up (a timeout) gets no answer.
                with suppress(BrokenPipeError, ConnectionResetError):
                    self.answer(reply, data)

            def read_chunks(self) -> bytes:
                chunks = []
                while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()  # the CRLF ending the chunk
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):  # trailers
                    pass
                return b"".join(chunks)

            def answer(self, reply: Reply, data: bytes) -> None:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in reply.headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_one

            def log_message(self, format: str, *args: object) -> None:  # quiet
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


def built_sdk(source: Path, destination: Path) -> Path:
    """A copy of the SDK at `source`, compiled to `dist/` (ESM with declarations)."""
    sdk = shutil.copytree(source, destination, ignore=shutil.ignore_patterns(".sdkwright-*"))
    compiled = compile_sdk(sdk, emit=True)
    assert compiled.returncode == 0, describe(compiled)
    return sdk


def run_node(sdk: Path, body: str, env: dict[str, str] | None = None) -> dict[str, object]:
    """`body` (JavaScript, with `sdk` the SDK's module) run by Node; it returns a value,
    printed as JSON, or throws: then its error's class, message, status, body and request id."""
    script = sdk / "scenario.mjs"
    script.write_text(
        "import * as sdk from './dist/index.js';\n"
        "try {\n"
        f"  const value = await (async () => {{\n{body}\n}})();\n"
        "  console.log(JSON.stringify({ ok: true, value }));\n"
        "} catch (error) {\n"
        "  console.log(JSON.stringify({ ok: false, error: error.name, message: error.message,\n"
        "    status: error.status ?? null, body: error.body ?? null,\n"
        "    requestId: error.requestId ?? null,\n"
        "    isAPIError: error instanceof sdk.APIError }));\n"
        "}\n",
        encoding="utf-8",
    )
    environment = {"PATH": os.environ.get("PATH", ""), **(env or {})}
    result = run([node(), str(script)], sdk, timeout=120, env=environment)
    assert result.returncode == 0, describe(result)
    printed: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return printed


def node_tests(sdk: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The SDK's generated `node:test` tests (test/*.test.mjs), run on its built dist/."""
    environment = {"PATH": os.environ.get("PATH", ""), **(env or {})}
    return run([node(), "--test"], sdk, timeout=600, env=environment)


# A fenced TypeScript block of a Markdown page.
TS_FENCE = re.compile(r"^```ts\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def snippets(sdk: Path) -> list[str]:
    """The TypeScript code blocks of the SDK's README.md and api.md."""
    return [
        code
        for doc in ("README.md", "api.md")
        for code in TS_FENCE.findall((sdk / doc).read_text(encoding="utf-8"))
    ]


def check_snippets(sdk: Path) -> tuple[int, subprocess.CompletedProcess[str]]:
    """The snippets of a built SDK (`built_sdk`), each a module of its own in `snippets/`,
    type-checked by `tsc --strict` as its users' code would be: importing the package by its
    name (Node's self-reference through package.json's `exports`, to `dist/`)."""
    found = snippets(sdk)
    folder = sdk / "snippets"
    folder.mkdir()
    for index, code in enumerate(found):
        (folder / f"snippet_{index:03}.ts").write_text(code, encoding="utf-8")
    config = {
        "extends": "../tsconfig.json",
        "compilerOptions": {"noEmit": True, "rootDir": "."},
        "include": ["*.ts"],
    }
    (folder / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    return len(found), run([str(tsc()), "-p", str(folder), "--strict"], sdk, timeout=600)


def generate_configured(folder: Path, spec: Path, package: str, client: str, extra: str) -> Any:
    """The TypeScript SDK of a one-target sdkwright.yaml in `folder` (`extra`: more keys of
    the target, as YAML), generated into `folder/sdk`; the api.Result."""
    from sdkwright import api
    from sdkwright.config import load_targets

    target = (
        f"name: seed\nspec: {spec}\noutput: sdk\npackage: {package}\nclient_name: {client}\n"
        f"language: typescript\n{textwrap.dedent(extra)}"
    )
    (folder / "sdkwright.yaml").write_text("targets:\n  - " + textwrap.indent(target, "    ")[4:])
    (found,) = load_targets(folder / "sdkwright.yaml")
    result = api.generate(found)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, found.output)
    return result
