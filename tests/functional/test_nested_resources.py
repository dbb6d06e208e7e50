"""Nested resources from config (issue 16): `resources:` in a target places operations in
resources and sub-resources to any depth, names their methods, takes path parameters by
position where asked, gives the client its own methods, and leaves the rest in tag groups
with one warning. Every flavour, sync and async, over httpx.MockTransport / requests."""

from __future__ import annotations

import asyncio
import json
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import orders_sdk
import pytest
from helpers import FIXTURES, describe, mypy_strict, ruff_check, run_generated_tests
from sdkwright import api
from sdkwright.config import load_targets, target_options
from sdkwright.diagnostics import GenerationFailed, Level

SPEC = FIXTURES / "stainless_seed.openapi.yaml"
CANCEL = "delete /v1/accounts/{account_id}/positions/instructions/{instruction_id}"
RESOURCES = f"""\
resources:
  methods:
    market_hours: get /v1/calendars/market-hours
  v1:
    positions:
      methods:
        cancel_position_instruction:
          endpoint: {CANCEL}
          positional: [instruction_id]
        get_positions: get /v1/accounts/{{acct}}/positions
      instructions:
        methods:
          submit: post /v1/accounts/{{account_id}}/positions/instructions
"""
FLAVOURS = {
    "httpx": "",
    "requests": "flavour: requests\n",
    "typeddict": "flavour: datamodel-code-generator\noptions: {output_model_type: typeddict}\n",
}
CANCELLED = {"instruction_id": "instr-1", "status": "CANCELLED"}


def _config(folder: Path, extra: str, package: str = "seed") -> Path:
    target = textwrap.dedent(
        f"""\
        name: seed
        spec: {SPEC}
        output: sdk
        package: {package}
        client_name: Seed
        """
    )
    target += extra
    config = "targets:\n  - " + textwrap.indent(target, "    ")[4:]
    (folder / "sdkwright.yaml").write_text(config)
    return folder / "sdkwright.yaml"


def _generate(folder: Path, extra: str, package: str = "seed") -> api.Result:
    (target,) = load_targets(_config(folder, extra, package))
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    return result


@pytest.fixture(scope="module", params=sorted(FLAVOURS))
def nested(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path, ModuleType, api.Result]]:
    folder = tmp_path_factory.mktemp(request.param)
    result = _generate(folder, FLAVOURS[request.param] + RESOURCES)
    with orders_sdk.imported(folder / "sdk", "seed") as module:
        yield request.param, folder / "sdk", module, result


def _transport(sent: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=CANCELLED)

    return httpx.MockTransport(handler)


def test_a_nested_method_takes_its_positional_parameter(
    nested: tuple[str, Path, ModuleType, api.Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    flavour, _, module, _ = nested
    sent: list[httpx.Request] = []
    if flavour == "requests":
        import requests

        def send(self: object, request: requests.PreparedRequest, **_: object) -> object:
            sent.append(httpx.Request(str(request.method), str(request.url)))
            response = requests.Response()
            response.status_code, response._content = 200, json.dumps(CANCELLED).encode()
            response.headers["content-type"] = "application/json"
            response.request = request
            return response

        monkeypatch.setattr(requests.Session, "send", send)
        client = module.Seed(api_key="k", base_url="https://api.test")
    else:
        http_client = httpx.Client(transport=_transport(sent))
        client = module.Seed(api_key="k", base_url="https://api.test", http_client=http_client)
    result = client.v1.positions.cancel_position_instruction("instr-1", account_id=122503)
    assert sent[0].method == "DELETE"
    assert str(sent[0].url) == (
        "https://api.test/v1/accounts/122503/positions/instructions/instr-1"
    )
    status = result["status"] if isinstance(result, dict) else result.status
    assert str(getattr(status, "value", status)) == "CANCELLED"
    with pytest.raises(TypeError):  # account_id stays keyword-only
        client.v1.positions.cancel_position_instruction("instr-1", 122503)


def test_the_async_client_nests_the_same(nested: tuple[str, Path, ModuleType, api.Result]) -> None:
    flavour, _, module, _ = nested
    if flavour == "requests":  # synchronous only
        assert not hasattr(module, "AsyncSeed")
        return
    sent: list[httpx.Request] = []
    http_client = httpx.AsyncClient(transport=_transport(sent))
    client = module.AsyncSeed(api_key="k", base_url="https://api.test", http_client=http_client)
    call = client.v1.positions.cancel_position_instruction("instr-1", account_id=7)
    asyncio.run(call)
    assert (sent[0].method, sent[0].url.path) == (
        "DELETE",
        "/v1/accounts/7/positions/instructions/instr-1",
    )
    raw = client.with_raw_response.v1.positions.instructions.submit
    assert callable(raw) and callable(client.market_hours)


def test_the_tree_client_methods_and_fallback(
    nested: tuple[str, Path, ModuleType, api.Result],
) -> None:
    _, sdk, module, result = nested
    client = module.Seed(api_key="k")
    assert callable(client.market_hours)  # the client's own method
    assert callable(client.v1.positions.instructions.submit)  # third level
    assert callable(client.with_raw_response.v1.positions.get_positions)
    # Unmapped operations stay in their tag group, with one warning listing them.
    assert callable(client.accounts.get_orders)
    (warning,) = [d for d in result.diagnostics if d.code == "resources.unmapped"]
    assert warning.level is Level.WARNING
    assert "GET /v1/accounts/{account_id}/orders" in warning.message
    assert warning.location is not None and warning.location.file.endswith("sdkwright.yaml")
    readme = (sdk / "README.md").read_text()
    assert "client.v1.positions.cancel_position_instruction(" in readme
    assert "## `client.v1.positions.instructions`" in (sdk / "api.md").read_text()
    tests = (sdk / "tests" / "test_v1_positions.py").read_text()
    assert "client.v1.positions.cancel_position_instruction(" in tests


@pytest.mark.slow
def test_the_nested_sdks_pass_their_tests_mypy_and_ruff(
    nested: tuple[str, Path, ModuleType, api.Result],
) -> None:
    _, sdk, _, _ = nested
    tests = run_generated_tests(sdk)
    assert tests.returncode == 0 and " passed" in tests.stdout, describe(tests)
    checked = mypy_strict(sdk, "seed")
    assert checked.returncode == 0, describe(checked)
    linted = ruff_check(sdk)
    assert linted.returncode == 0, describe(linted)


def test_positional_params_last_applies_to_every_method(tmp_path: Path) -> None:
    # Another package name: the module-scoped SDKs above stay imported as `seed`.
    _generate(tmp_path, "positional_params: last\n", "seed_last")
    with orders_sdk.imported(tmp_path / "sdk", "seed_last") as module:
        sent: list[httpx.Request] = []
        http_client = httpx.Client(transport=_transport(sent))
        client = module.Seed(api_key="k", base_url="https://api.test", http_client=http_client)
        client.accounts.cancel_position_instruction("instr-1", account_id=3)
        client.accounts.cancel_all_open_orders(4)  # its only path parameter
    assert [r.url.path for r in sent] == [
        "/v1/accounts/3/positions/instructions/instr-1",
        "/v1/accounts/4/orders",
    ]


def test_an_endpoint_the_spec_lacks_is_a_located_error(tmp_path: Path) -> None:
    (target,) = load_targets(
        _config(tmp_path, "resources:\n  v1:\n    methods:\n      gone: get /v1/nowhere/{id}\n")
    )
    result = api.generate(target)
    assert not result.files
    (error,) = [d for d in result.diagnostics if d.level is Level.ERROR]
    assert error.code == "resources.unknown-endpoint" and "get /v1/nowhere/{id}" in error.message
    assert error.location is not None
    assert (error.location.line, error.location.pointer) == (
        10,  # the line of `gone: ...`
        "/targets/0/resources/v1/methods/gone",
    )


def test_a_resource_the_client_reserves_is_a_located_error(tmp_path: Path) -> None:
    config = (
        "resources:\n  methods:\n    close: get /v1/calendars/market-hours\n  with_options: {}\n"
    )
    (target,) = load_targets(_config(tmp_path, config))
    result = api.generate(target)
    assert not result.files
    errors = sorted(
        (d.message, d.location.file.endswith("sdkwright.yaml") if d.location else None)
        for d in result.diagnostics
        if d.code == "resources.reserved-name"
    )
    assert errors == [
        ("client method 'close' would hide the client's own 'close'", False),  # at the operation
        ("resource 'with_options' would hide the client's own 'with_options'", True),
    ]


@pytest.mark.parametrize(
    ("resources", "pointer", "message"),
    [
        (
            f"v1:\n  methods:\n    a: {CANCEL}\n  x:\n    methods:\n      b: {CANCEL.replace('account_id', 'acct')}\n",
            "/targets/0/resources/v1/x/methods/b",
            "is already mapped at",
        ),
        (
            f"v1:\n  methods:\n    a:\n      endpoint: {CANCEL}\n      positional: [nope]\n",
            "/targets/0/resources/v1/methods/a/positional/0",
            "'nope' is not a parameter",
        ),
        ("V1: {}\n", "/targets/0/resources/V1", "is not a usable resource name"),
        ("_client: {}\n", "/targets/0/resources/_client", "is not a usable resource name"),
        (
            "v1:\n  methods:\n    __init__: get /x\n",
            "/targets/0/resources/v1/methods/__init__",
            "is not a usable method name",
        ),
        (
            "v1:\n  methods:\n    a: fetch /x\n",
            "/targets/0/resources/v1/methods/a",
            "needs an endpoint",
        ),
        (
            "v1:\n  methods:\n    a: get /x\n  a: {}\n",
            "/targets/0/resources/v1/a",
            "both a method and a sub-resource",
        ),
    ],
)
def test_a_wrong_resources_mapping_is_a_located_error(
    tmp_path: Path, resources: str, pointer: str, message: str
) -> None:
    config = _config(tmp_path, "resources:\n" + textwrap.indent(resources, "  "))
    with pytest.raises(GenerationFailed) as raised:
        load_targets(config)
    (error,) = raised.value.diagnostics
    assert error.code == "config.resources" and message in error.message
    assert error.location is not None and error.location.pointer == pointer
    assert error.location.line > 6


def test_the_resources_are_an_option_of_the_output(tmp_path: Path) -> None:
    """Changing them regenerates: the manifest records them."""
    (target,) = load_targets(_config(tmp_path, RESOURCES))
    recorded = json.loads(target_options(target)["resources"])
    assert recorded["root"]["methods"] == [["market_hours", "get /v1/calendars/market-hours", []]]
    (v1,) = recorded["root"]["children"]
    assert v1["children"][0]["methods"][0] == [
        "cancel_position_instruction",
        CANCEL,
        ["instruction_id"],
    ]


def test_a_wrong_positional_option_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(GenerationFailed) as raised:
        load_targets(_config(tmp_path, "positional_params: first\n"))
    (error,) = raised.value.diagnostics
    assert error.location is not None
    assert (error.location.pointer, error.location.line) == ("/targets/0/positional_params", 7)
