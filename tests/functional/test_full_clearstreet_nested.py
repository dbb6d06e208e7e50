"""Issue 16's done-when: the whole Clear Street spec (../shared) with a nested-resources config
derived from its paths (`v1` -> accounts, orders, positions, ..., `omni_ai` -> threads, ...),
called as `client.v1.positions.cancel_position_instruction("instr-1", account_id=122503)`
against httpx.MockTransport, sync and async, and type-checked with mypy --strict."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import orders_sdk
import pytest
import yaml
from helpers import (
    CLIENT_TESTS,
    FIXTURES,
    SHARED_SPECS,
    WITHOUT_CLIENT_TESTS,
    describe,
    mypy_strict,
    needs_shared_specs,
    run_generated_tests,
)
from sdkwright import api
from sdkwright.config import load_targets
from sdkwright.diagnostics import Level

SPEC = SHARED_SPECS / "clearstreet-trading-3.1.json"
METHODS = ("get", "put", "post", "delete", "patch")
UNMAPPED = "get /v1/version"  # left out on purpose: it stays in its tag group
EXAMPLE: dict[str, Any] = json.loads(
    (FIXTURES / "cancel_position_instruction_response.json").read_text()
)

pytestmark = needs_shared_specs


def resource_path(path: str) -> list[str]:
    """/v1/accounts/{id}/positions/instructions/{id} -> [v1, positions]: the version, then
    the first segment below the account (or the first one), then one more under omni-ai."""
    words = [re.sub(r"\W", "_", s) for s in path.strip("/").split("/") if "{" not in s]
    version, rest = words[0], words[1:]
    if rest[:1] == ["accounts"] and len(rest) > 1:
        rest = rest[1:]
    depth = 2 if rest[0] == "omni_ai" and len(rest) > 1 else 1
    return [version, *rest[:depth]]


def nested_resources() -> dict[str, Any]:
    spec = json.loads(SPEC.read_text())
    tree: dict[str, Any] = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            endpoint = f"{method} {path}"
            if method not in METHODS or endpoint == UNMAPPED:
                continue
            node = tree
            for name in resource_path(path):
                node = node.setdefault(name, {})
            node.setdefault("methods", {})[op["operationId"]] = endpoint
    positions = tree["v1"]["positions"]["methods"]
    cancel = positions["cancel_position_instruction"]
    positions["cancel_position_instruction"] = {
        "endpoint": cancel,
        "positional": ["instruction_id"],
    }
    return tree


@pytest.fixture(scope="module")
def generated(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, ModuleType, api.Result]]:
    folder = tmp_path_factory.mktemp("nested")
    target = {
        "name": "clearstreet",
        "spec": str(SPEC),
        "output": "sdk",
        "package": "clearstreet_nested",
        "client_name": "ClearStreet",
        "resources": nested_resources(),
    }
    (folder / "sdkwright.yaml").write_text(yaml.safe_dump({"targets": [target]}, sort_keys=False))
    (loaded,) = load_targets(folder / "sdkwright.yaml")
    result = api.generate(loaded)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, loaded.output)
    with orders_sdk.imported(loaded.output, "clearstreet_nested") as module:
        yield loaded.output, module, result


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json=EXAMPLE)


def check(recorder: Recorder, result: Any) -> None:
    (request,) = recorder.requests
    assert request.method == "DELETE"
    assert str(request.url) == (
        "https://api.test/v1/accounts/122503/positions/instructions/instr-1"
    )
    assert request.headers["authorization"] == "Bearer k"
    assert result.data.instruction_id == EXAMPLE["data"]["instruction_id"]
    assert result.data.account_id == 122503
    assert result.metadata.request_id == "request_id"


def test_cancel_position_instruction_nested(generated: tuple[Path, ModuleType, api.Result]) -> None:
    _, module, _ = generated
    recorder = Recorder()
    client = module.ClearStreet(
        api_key="k",
        base_url="https://api.test",
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
    )
    result = client.v1.positions.cancel_position_instruction("instr-1", account_id=122503)
    check(recorder, result)


def test_cancel_position_instruction_nested_async(
    generated: tuple[Path, ModuleType, api.Result],
) -> None:
    _, module, _ = generated
    recorder = Recorder()
    client = module.AsyncClearStreet(
        api_key="k",
        base_url="https://api.test",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)),
    )
    call = client.v1.positions.cancel_position_instruction("instr-1", account_id=122503)
    check(recorder, asyncio.run(call))


def test_every_resource_is_reachable_and_one_operation_falls_back(
    generated: tuple[Path, ModuleType, api.Result],
) -> None:
    _, module, result = generated
    client = module.ClearStreet(api_key="k")
    assert callable(client.v1.omni_ai.threads.create_message)  # third level
    assert callable(client.v1.accounts.get_account_by_id)
    assert callable(client.with_raw_response.v1.orders.submit_orders)
    assert callable(client.api_version.get_version)  # the unmapped one, in its tag group
    (warning,) = [d for d in result.diagnostics if d.code == "resources.unmapped"]
    assert warning.level is Level.WARNING and warning.message.endswith("GET /v1/version")


@pytest.mark.slow
def test_its_tests_pass_and_mypy_strict_is_clean(
    generated: tuple[Path, ModuleType, api.Result],
) -> None:
    sdk, _, _ = generated
    tests = run_generated_tests(sdk, *WITHOUT_CLIENT_TESTS, "--ignore", "tests/test_readme.py")
    assert tests.returncode == 0 and "122 passed" in tests.stdout, describe(tests)  # 61 x 2
    client = run_generated_tests(sdk, *CLIENT_TESTS)  # the client's own, nested too
    assert client.returncode == 0 and " passed" in client.stdout, describe(client)
    readme = run_generated_tests(sdk, "tests/test_readme.py")  # its README's snippets, nested
    assert readme.returncode == 0 and " passed" in readme.stdout, describe(readme)
    checked = mypy_strict(sdk, "clearstreet_nested")
    assert checked.returncode == 0, describe(checked)
