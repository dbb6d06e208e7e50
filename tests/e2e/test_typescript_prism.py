"""The Clear Street TypeScript SDK (golden generated/clearstreet_ts) against a real Prism mock
server of the same spec: its generated node:test tests pass with TEST_API_BASE_URL (Prism
checks each request against the spec), and the seed call returns the documented example."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import FIXTURES, GENERATED, SPECS, describe
from test_prism import prism, prism_server
from typescript_tools import built_sdk, node_tests, run_node

__all__ = ["prism"]  # the fixture, used by name


def test_the_typescript_sdk_passes_its_tests_against_prism(prism: Path, tmp_path: Path) -> None:
    sdk = built_sdk(GENERATED / "clearstreet_ts", tmp_path / "sdk")
    log = tmp_path / "prism.log"
    with prism_server(prism, SPECS / "clearstreet.yaml", log) as base_url:
        passed = node_tests(sdk, {"TEST_API_BASE_URL": base_url})
        cancel = run_node(
            sdk,
            "const client = new sdk.ClearStreet({ apiKey: 'secret', baseURL: process.env.URL });\n"
            "const found = await client.positions.cancelPositionInstruction("
            "{ accountId: 122503, instructionId: 'ui-20260424-001' });\n"
            "try {\n"
            "  await new sdk.ClearStreet({ apiKey: '', baseURL: process.env.URL })"
            ".positions.cancelPositionInstruction({ accountId: 1, instructionId: 'x' });\n"
            "} catch (error) { return { found, status: error.status, kind: error.name }; }",
            {"URL": base_url},
        )
    assert passed.returncode == 0 and "# pass 1\n" in passed.stdout, (
        describe(passed) + log.read_text()[-3000:]
    )
    expected = json.loads((FIXTURES / "cancel_position_instruction_response.json").read_text())
    assert cancel["ok"] is True, cancel
    assert cancel["value"] == {"found": expected, "status": 401, "kind": "AuthenticationError"}
