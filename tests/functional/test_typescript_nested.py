"""Nested resources in the TypeScript target (issue 17): a target's `resources:` nests as the
config declares it (`client.v1.positions.instructions.submit()`), the root's `methods` are the
client's own (`client.marketHours()`), and the TypeScript naming step decides the names: a
resource keeps its camelCase name and a method whose TypeScript name it takes moves on, as do
names the client or a resource class already use and reserved words. The SDK compiles with
`tsc --strict` and its generated tests pass over HTTP; a scripted server sees the calls."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import FIXTURES, describe
from sdkwright import api
from sdkwright.diagnostics import Level
from typescript_tools import (
    Reply,
    ScriptedServer,
    built_sdk,
    check_snippets,
    generate_configured,
    node_tests,
    run_node,
)

RESOURCES = """\
resources:
  methods:
    market_hours: get /v1/calendars/market-hours
  v1:
    positions:
      methods:
        cancel_position_instruction: delete /v1/accounts/{account_id}/positions/instructions/{id}
        instructions_: get /v1/accounts/{acct}/positions   # `instructions` in TypeScript
      instructions:
        methods:
          submit: post /v1/accounts/{account_id}/positions/instructions
    client:                          # every resource class's own member
      methods:
        list_orders: get /v1/accounts/{account_id}/orders
  request:                           # the client's own member (BaseClient.request)
    methods:
      delete: delete /v1/accounts/{account_id}/orders   # a reserved word
"""


def _generate(folder: Path) -> api.Result:
    spec = FIXTURES / "stainless_seed.openapi.yaml"
    result: api.Result = generate_configured(folder, spec, "seed", "Seed", RESOURCES)
    return result


@pytest.fixture(scope="module")
def nested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[api.Result, Path]]:
    folder = tmp_path_factory.mktemp("nested")
    result = _generate(folder)
    yield result, built_sdk(folder / "sdk", folder / "built")


def test_resources_nest_as_configured_with_typescript_names(
    nested: tuple[api.Result, Path],
) -> None:
    result, _ = nested
    assert result.api is not None
    calls = {
        ".".join(filter(None, [g.accessor, op.method_name]))
        for g in result.api.groups
        for op in g.operations
    }
    assert calls == {
        "marketHours",
        "v1.positions.cancelPositionInstruction",
        "v1.positions.getV1AccountsAccountIdPositions",  # `instructions` is the sub-resource
        "v1.positions.instructions.submit",
        "v1.clientResource.listOrders",
        "requestResource.deleteV1AccountsAccountIdOrders",
    }
    moved = sorted(d.message for d in result.diagnostics if d.code == "naming.collision")
    assert moved == [
        "method 'delete' is 'deleteV1AccountsAccountIdOrders' in TypeScript: "
        "'delete' is already taken",
        "method 'instructions_' is 'getV1AccountsAccountIdPositions' in TypeScript: "
        "'instructions' is already taken",
        "resource 'client' is 'clientResource' in TypeScript: 'client' is already taken",
        "resource 'request' is 'requestResource' in TypeScript: 'request' is already taken",
    ]
    assert all(d.level is not Level.ERROR for d in result.diagnostics)
    client = result.files["src/client.ts"].decode()
    assert "  readonly v1: V1Resource;" in client and "readonly positions" not in client
    assert '  readonly marketHours: ClientMethodsResource["marketHours"];' in client
    v1 = result.files["src/resources/v1.ts"].decode()
    assert "  readonly positions: V1PositionsResource;" in v1
    assert "test/v1.test.mjs" not in result.files  # v1 has no methods of its own


def test_the_nested_sdk_compiles_and_its_generated_tests_pass(
    nested: tuple[api.Result, Path],
) -> None:
    result, sdk = nested  # built with tsc --strict
    assert result.api is not None
    passed = node_tests(sdk)
    count = len(result.api.operations)
    assert count == 6 and f"# pass {count}\n" in passed.stdout, describe(passed)
    assert passed.returncode == 0, describe(passed)


def test_nested_and_client_methods_call_their_endpoints(nested: tuple[api.Result, Path]) -> None:
    _, sdk = nested
    server = ScriptedServer([Reply(200, {"ok": True})])
    script = """
  const client = new sdk.Seed({ apiKey: 't', baseURL: process.env.URL, maxRetries: 0 });
  await client.v1.positions.instructions.submit({ accountId: 7, body: { instructions: [] } });
  await client.marketHours();
  await client.v1.clientResource.listOrders({ accountId: 8 });
  return client.v1.positions.instructions instanceof sdk.V1PositionsInstructionsResource;
"""
    with server.running() as url:
        printed = run_node(sdk, script, {"URL": url})
    assert printed == {"ok": True, "value": True}
    sent = [(r.method, r.path.split("?")[0]) for r in server.received]
    assert sent == [
        ("POST", "/v1/accounts/7/positions/instructions"),
        ("GET", "/v1/calendars/market-hours"),
        ("GET", "/v1/accounts/8/orders"),
    ]


def test_the_docs_call_nested_and_client_methods_and_type_check(
    nested: tuple[api.Result, Path],
) -> None:
    _, sdk = nested
    readme = (sdk / "README.md").read_text(encoding="utf-8")
    assert "await client.v1.positions.instructions.submit({" in readme
    assert 'await client.marketHours({ date: "2026-01-02" });' in readme
    listing = (sdk / "api.md").read_text(encoding="utf-8")
    assert "## `client.v1.positions.instructions`" in listing and "## `client`\n" in listing
    count, checked = check_snippets(sdk)
    assert count > 6 and checked.returncode == 0, describe(checked)  # and one per operation


def test_a_methods_positional_parameters_are_said_to_be_pythons(tmp_path: Path) -> None:
    """`positional:` makes Python arguments positional; a TypeScript method takes them in its
    params object, and the warning says so where the config asks (never ignored silently)."""
    positional = RESOURCES.replace(
        "cancel_position_instruction: delete /v1/accounts/{account_id}/positions/instructions/{id}",
        "cancel_position_instruction:\n"
        "          endpoint: delete /v1/accounts/{account_id}/positions/instructions/{id}\n"
        "          positional: [id]",
    )
    assert positional != RESOURCES
    spec = FIXTURES / "stainless_seed.openapi.yaml"
    result = generate_configured(tmp_path, spec, "seed", "Seed", positional)
    (warning,) = [d for d in result.diagnostics if d.code == "typescript.unsupported"]
    assert warning.message == (
        "method 'cancel_position_instruction': the TypeScript method takes ['id'] in its "
        "params object, not by position"
    )
    assert warning.location is not None and warning.location.file.endswith("sdkwright.yaml")
    assert warning.location.line > 0
