"""Shared machinery of the real-server tests: install a pinned server into a venv of its own,
run it on 127.0.0.1, fetch the spec it publishes, generate and import an SDK from that spec, and
drive the SDK's sync and async clients through the same scenario.

Servers are installed by the tests themselves (CI runs only `pip install -e '.[dev]' && pytest`)
into `.cache/real-servers/<name>-<version>/` (git-ignored), never into sdkwright's own venv: their
dependencies are heavy and would conflict with ours. An installed venv is reused while its stamp
names the same pins; a failed installation fails the tests that need it, it never skips them.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import importlib
import inspect
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from helpers import REPO, describe, free_port, run, sdkwright

CACHE = REPO / ".cache" / "real-servers"
PINS = Path(__file__).resolve().parent / "pins"
INSTALL_TIMEOUT_S = 900
START_TIMEOUT_S = 60
STOP_TIMEOUT_S = 10


@dataclass(frozen=True)
class ServerPackage:
    """A server as pip installs it: one pinned requirement, and its dependencies either pinned
    by a constraints file in `pins/` or left out (`no_deps`, for a server that is one binary)."""

    folder: str
    requirement: str
    pins: str | None = None
    no_deps: bool = False

    def pip_arguments(self) -> list[str]:
        arguments = [self.requirement]
        if self.pins is not None:
            arguments += ["--constraint", str(PINS / self.pins)]
        if self.no_deps:
            arguments.append("--no-deps")
        return arguments

    def stamp(self) -> str:
        """What an installed venv was made from: reused only while all of it is the same."""
        pinned = (PINS / self.pins).read_text() if self.pins is not None else ""
        python = f"{sys.base_prefix} {sys.version}"  # a venv follows its base interpreter
        return "\n".join([python, self.requirement, f"no_deps={self.no_deps}", pinned])


@contextmanager
def _locked(lock: Path) -> Iterator[None]:
    """One installer at a time per server, should two test runs share a checkout."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def install(package: ServerPackage) -> Path:
    """The Python of a venv holding `package`, installed unless its stamp is already there."""
    venv = CACHE / package.folder
    python = venv / "bin" / "python"
    stamp = venv / "sdkwright-installed.txt"
    with _locked(CACHE / f"{package.folder}.lock"):
        if stamp.is_file() and stamp.read_text() == package.stamp():
            return python
        shutil.rmtree(venv, ignore_errors=True)
        steps = [
            [sys.executable, "-m", "venv", str(venv)],
            [
                str(python),
                "-m",
                "pip",
                "install",
                "-q",
                "--disable-pip-version-check",
                *package.pip_arguments(),
            ],
        ]
        for step in steps:
            result = run(step, REPO, timeout=INSTALL_TIMEOUT_S)
            if result.returncode != 0:
                pytest.fail(
                    f"installing {package.requirement} into {venv} failed (the real-server "
                    f"tests need the network to the package registry once):\n{describe(result)}",
                    pytrace=False,
                )
        stamp.write_text(package.stamp())
    return python


@dataclass(frozen=True)
class Server:
    base_url: str
    pid: int
    log: Path


def _wait_until_ready(
    process: subprocess.Popen[bytes], url: str, headers: Mapping[str, str], log: Path
) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            if httpx.get(url, headers=dict(headers), timeout=2).status_code < 500:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            pytest.fail(f"the server exited ({process.returncode}):\n{log.read_text()[-4000:]}")
        if time.monotonic() > deadline:
            pytest.fail(
                f"no answer from {url} after {START_TIMEOUT_S} s:\n{log.read_text()[-4000:]}"
            )
        time.sleep(0.1)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's process group (started in a new session, its id is the server's
    pid), then SIGKILL to whatever of the group is left: nothing outlives the tests."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_TIMEOUT_S)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=STOP_TIMEOUT_S)


@contextmanager
def serving(
    command: Callable[[int], Sequence[str]],
    *,
    ready_path: str,
    log: Path,
    env: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Iterator[Server]:
    """Start `command(port)` on a free port of 127.0.0.1 and yield once `ready_path` answers."""
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            list(command(port)),
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_ready(process, base_url + ready_path, headers or {}, log)
        yield Server(base_url, process.pid, log)
    finally:
        _stop(process)


@dataclass(frozen=True)
class GeneratedSdk:
    package: ModuleType
    folder: Path  # the generated SDK, its tests included
    spec: Path  # as the server published it
    diagnostics: str  # what `sdkwright generate` printed


def fetch_spec(url: str, destination: Path, headers: Mapping[str, str] | None = None) -> Path:
    response = httpx.get(url, headers=dict(headers or {}), timeout=30)
    assert response.status_code == 200, f"{url}: {response.status_code} {response.text[:500]}"
    destination.write_bytes(response.content)
    return destination


def generate_sdk(
    spec: Path, output: Path, package: str, client_name: str, security: str | None = None
) -> GeneratedSdk:
    """`sdkwright generate` from the server's own spec, then import the package it wrote.
    With `security` (a target's `security:` value), through an sdkwright.yaml declaring it."""
    if security is None:
        result = sdkwright(
            "generate", spec, "-o", output, "--package", package, "--client-name", client_name
        )
    else:
        config = spec.parent / "sdkwright.yaml"
        config.write_text(
            f"targets:\n  - name: {package}\n    spec: {spec.name}\n    output: {output}\n"
            f"    package: {package}\n    client_name: {client_name}\n    security: {security}\n"
        )
        result = sdkwright("generate", cwd=spec.parent)
    assert result.returncode == 0, describe(result)
    sys.path.insert(0, str(output))
    return GeneratedSdk(
        importlib.import_module(package), output, spec, result.stdout + result.stderr
    )


# --- Driving a scenario through the sync or the async client --------------------------------

Scenario = Callable[[Any], Any]


def drive(mode: str, make_client: Callable[[], Any], scenario: Scenario) -> Any:
    """Run `scenario(client)` on a client from `make_client`: for "async", an async client
    inside an event loop, awaiting what the scenario returns when it is awaitable. One scenario
    thus serves both clients: `lambda c: c.group.method(...)`."""
    if mode == "sync":
        with make_client() as client:
            return scenario(client)

    async def main() -> Any:
        async with make_client() as client:
            result = scenario(client)
            return await result if inspect.isawaitable(result) else result

    return asyncio.run(main())


def all_items(page: Any) -> Any:
    """Every item of a paginated result, fetching page after page (sync or async)."""
    if not inspect.isawaitable(page):
        return list(page)

    async def gather(first: Awaitable[Any]) -> list[Any]:
        return [item async for item in await first]

    return gather(page)


def streamed(context: Any) -> Any:
    """Status and body of a `with_streaming_response` call, read to the end (sync or async)."""
    if not hasattr(context, "__aenter__"):
        with context as response:
            return response.status_code, b"".join(response.iter_bytes())

    async def read() -> tuple[int, bytes]:
        async with context as response:
            return response.status_code, b"".join([chunk async for chunk in response.iter_bytes()])

    return read()


def parsed(raw: Any) -> Any:
    """`.parse()` of a `with_raw_response` result: status and the parsed value (sync or async)."""
    if not inspect.isawaitable(raw):
        return raw.status_code, raw.parse()

    async def parse(pending: Awaitable[Any]) -> tuple[int, Any]:
        response = await pending
        return response.status_code, await response.parse()

    return parse(raw)


def issue13(point: int) -> pytest.MarkDecorator:
    """Marks a test of a defect that issue 13 numbers `point` (1-11): `-m "not issue13"` runs
    what works, `-m issue13` what the issue's fixes must turn green."""
    return pytest.mark.issue13(point=point)
