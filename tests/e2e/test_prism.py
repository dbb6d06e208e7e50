"""End to end: generated SDKs against a real Prism mock server serving the same spec.

Prism (npm `@stoplight/prism-cli`) is installed by the tests themselves into `.cache/prism`
and started on a free port of 127.0.0.1; it validates every request against the spec and
answers with the spec's examples (or data built from the schemas). The generated test suites
then run against it (`TEST_API_BASE_URL`), and a few direct calls check what a user sees.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from filelock import FileLock
from helpers import (
    FIXTURES,
    GENERATED,
    REPO,
    SHARED_SPECS,
    SPECS,
    copy_sdk,
    describe,
    free_port,
    run,
    sdkwright,
)

PRISM_PACKAGE = "@stoplight/prism-cli@5.14.2"
CACHE = REPO / ".cache" / "prism"
START_TIMEOUT_S = 60


@pytest.fixture(scope="session")
def prism() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "prism"
    CACHE.mkdir(parents=True, exist_ok=True)
    with FileLock(CACHE / "install.lock"):  # one xdist worker installs, the others wait
        if not binary.exists():
            install_prism(binary)
    return binary


def install_prism(binary: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: the Prism end-to-end tests need Node.js and npm")
    command = [
        npm,
        "install",
        "--prefix",
        str(CACHE),
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        PRISM_PACKAGE,
    ]
    installed = run(command, CACHE, timeout=600)
    assert installed.returncode == 0 and binary.exists(), describe(installed)


@contextmanager
def prism_server(binary: Path, spec: Path, log: Path) -> Iterator[str]:
    port = free_port()
    with log.open("wb") as output:
        server = subprocess.Popen(
            [str(binary), "mock", str(spec), "--host", "127.0.0.1", "--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, f"prism exited:\n{log.read_text()}"
                assert time.monotonic() < deadline, f"prism did not start:\n{log.read_text()}"
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def run_generated_tests_against(sdk: Path, base_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TEST_API_BASE_URL": base_url}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"]
    return subprocess.run(
        command, cwd=sdk, env=env, capture_output=True, text=True, timeout=900, check=False
    )


def failed_tests(output: str) -> set[str]:
    return {line.split()[1] for line in output.splitlines() if line.startswith("FAILED ")}


def test_clearstreet_generated_tests_pass_against_prism(prism: Path, tmp_path: Path) -> None:
    sdk = copy_sdk(GENERATED / "clearstreet", tmp_path / "clearstreet")
    with prism_server(prism, SPECS / "clearstreet.yaml", tmp_path / "prism.log") as base_url:
        result = run_generated_tests_against(sdk, base_url)
    assert result.returncode == 0, describe(result) + (tmp_path / "prism.log").read_text()[-3000:]
    assert "2 passed" in result.stdout


def test_kitchensink_generated_tests_against_prism(prism: Path, tmp_path: Path) -> None:
    """Everything passes except `get_department`: Prism cannot build a valid instance of the
    mutually recursive Department/Employee schemas (its own validator logs the violation), and
    the SDK must then raise APIResponseValidationError rather than hand back a broken model."""
    sdk = copy_sdk(GENERATED / "kitchensink", tmp_path / "kitchensink")
    with prism_server(prism, SPECS / "kitchensink.yaml", tmp_path / "prism.log") as base_url:
        result = run_generated_tests_against(sdk, base_url)
    log = (tmp_path / "prism.log").read_text()
    expected = {f"tests/test_misc.py::TestGetDepartment::test_{mode}" for mode in ("sync", "async")}
    assert failed_tests(result.stdout) == expected, describe(result) + log[-3000:]
    assert result.stdout.count("APIResponseValidationError") >= 2, describe(result)
    assert "must have required property 'id'" in log
    assert "18 passed" in result.stdout


def test_cancel_against_prism_returns_the_documented_example(prism: Path, tmp_path: Path) -> None:
    probe = (
        "import json, sys, clearstreet\n"
        "client = clearstreet.ClearStreet(api_key='secret', base_url=sys.argv[1])\n"
        "result = client.positions.cancel_position_instruction(account_id=122503, instruction_id='ui-20260424-001')\n"
        "print(json.dumps(result.model_dump(mode='json', by_alias=True, exclude_unset=True)))\n"
        "try:\n"
        "    clearstreet.ClearStreet(api_key='', base_url=sys.argv[1]).positions.cancel_position_instruction(account_id=1, instruction_id='x')\n"
        "except clearstreet.AuthenticationError as error:\n"
        "    print(error.status_code)\n"
    )
    with prism_server(prism, SPECS / "clearstreet.yaml", tmp_path / "prism.log") as base_url:
        result = run([sys.executable, "-c", probe, base_url], GENERATED / "clearstreet")
    assert result.returncode == 0, describe(result)
    dumped, status = result.stdout.splitlines()
    assert json.loads(dumped) == json.loads(
        (FIXTURES / "cancel_position_instruction_response.json").read_text()
    )
    assert status == "401"


@pytest.mark.skipif(
    not SHARED_SPECS.is_dir(), reason=f"the real-world specs are not here ({SHARED_SPECS})"
)
def test_full_clearstreet_sdk_against_prism(prism: Path, tmp_path: Path) -> None:
    spec = SHARED_SPECS / "clearstreet-trading-3.1.json"
    sdk = tmp_path / "clearstreet"
    generated = sdkwright(
        "generate", spec, "-o", sdk, "--package", "clearstreet", "--client-name", "ClearStreet"
    )
    assert generated.returncode == 0, describe(generated)
    with prism_server(prism, spec, tmp_path / "prism.log") as base_url:
        result = run_generated_tests_against(sdk, base_url)
    assert result.returncode == 0, describe(result) + (tmp_path / "prism.log").read_text()[-3000:]
