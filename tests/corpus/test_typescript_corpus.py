"""Every real-world spec in ../shared/specs as a TypeScript SDK (issue 17): `generate` gives
files without errors, one method per operation of the spec, `tsc --strict` builds it
(TypeScript from npm, tests/typescript_tools.py), and its generated `node:test` tests pass
offline, one per operation, and its README's and api.md's snippets type-check. Stripe's SDK
takes tsc ~10 s."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import SHARED_SPECS, describe, needs_shared_specs
from sdkwright import api
from sdkwright.config import Target
from typescript_tools import built_sdk, check_snippets, node_tests

pytestmark = [needs_shared_specs, pytest.mark.slow]

SPECS = {
    "clearstreet": ("clearstreet-trading-3.1.json", ""),
    "petstore": ("oai-petstore-3.0.yaml", ""),
    "swagger_petstore": ("swagger-petstore-3.0.yaml", ""),
    "webhooks": ("oai-webhook-example-3.1.yaml", ""),
    "callbacks": ("oai-callback-example-3.0.yaml", ""),
    "uber": ("oai-uber-2.0.json", ""),
    "petstore_split": ("oai-petstore-separate-2.0/spec/swagger.yaml", "oai-petstore-separate-2.0"),
    "spotify": ("spotify-fixed-open-api.yml", ""),
    "stripe": ("stripe-spec3.yaml", ""),
    "github": ("github-api.github.com-2020.json", ""),
    "digitalocean": ("digitalocean/specification/DigitalOcean-public.v2.yaml", ""),
}
# A method of a generated resource: `  name(` at the class's indentation.
METHOD = re.compile(r"^  ([A-Za-z_$][\w$]*)\(\n", re.M)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_the_typescript_sdk_compiles_strict(name: str, tmp_path: Path) -> None:
    spec, root = SPECS[name]
    target = Target(
        name,
        SHARED_SPECS / spec,
        tmp_path / name,
        name,
        "Client",
        spec_root=SHARED_SPECS / root if root else None,
        language="typescript",
    )
    result = api.generate(target)
    assert result.files and result.api is not None, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    methods = [
        m
        for path, data in result.files.items()
        if path.startswith("src/resources/")
        for m in METHOD.findall(data.decode())
        if m != "constructor"
    ]
    count = len(result.api.operations)
    assert len(methods) == count  # none for the webhook-only spec
    sdk = built_sdk(target.output, tmp_path / "built")
    passed = node_tests(sdk)
    assert passed.returncode == 0 and f"# pass {count}\n" in passed.stdout, describe(passed)
    # Its README's and api.md's snippets (one per operation) type-check too.
    snippets, checked = check_snippets(sdk)
    assert snippets >= count and checked.returncode == 0, describe(checked)
