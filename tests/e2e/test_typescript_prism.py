"""The Clear Street TypeScript SDK (golden generated/clearstreet_ts) against a real Prism mock
server of the same spec: its generated node:test tests pass with TEST_API_BASE_URL (Prism
checks each request against the spec), and the seed call returns the documented example. The
same for the SDK of the whole Clear Street Trading API (61 operations, ../shared/specs)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers import FIXTURES, GENERATED, SHARED_SPECS, SPECS, describe, needs_shared_specs
from sdkwright import api
from sdkwright.config import Target
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


@needs_shared_specs
def test_the_full_clearstreet_typescript_sdk_passes_its_tests_against_prism(
    prism: Path, tmp_path: Path
) -> None:
    """Every one of the 61 operations is called once, with the credential its test passes, and
    Prism finds nothing wrong in any request and answers each with a success (its complaints
    about its own example responses are Prism's business: it does not check what it sends)."""
    spec = SHARED_SPECS / "clearstreet-trading-3.1.json"
    target = Target(
        "clearstreet-ts",
        spec,
        tmp_path / "out",
        "clearstreet",
        "ClearStreet",
        language="typescript",
    )
    result = api.generate(target)
    assert result.files and result.api is not None, [d.render() for d in result.diagnostics]
    assert len(result.api.operations) == 61
    api.write_result(result, target.output)
    sdk = built_sdk(target.output, tmp_path / "sdk")
    log = tmp_path / "prism.log"
    with prism_server(prism, spec, log) as base_url:
        passed = node_tests(sdk, {"TEST_API_BASE_URL": base_url})
    seen = log.read_text()
    assert passed.returncode == 0 and "# pass 61\n" in passed.stdout, (
        describe(passed) + seen[-3000:]
    )
    assert seen.count("Request received") == 61, seen[-3000:]
    assert len(re.findall(r'Responding with "2\d\d"', seen)) == 61, seen[-3000:]
    assert "Violation: request" not in seen and "did not pass the validation" not in seen
