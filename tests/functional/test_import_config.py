"""`sdkwright import-config` (issue 16): a Stainless config written by us for the seed spec
(tests/fixtures/stainless_seed/stainless.yml) becomes a target of sdkwright.yaml, the rest of
the file kept; generating from it gives the nested surface the config declares."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import orders_sdk
from helpers import FIXTURES, SPECS, describe, sdkwright
from sdkwright import api
from sdkwright.config import load_targets

SEED = FIXTURES / "stainless_seed"
STAINLESS = SEED / "stainless.yml"
SPEC = SPECS / "clearstreet.yaml"
EXISTING = """\
# Our SDKs.
targets:
  # another SDK, left as it is
  - name: other
    spec: other.yaml   # its own comment
    output: other
    package: other
  # the seed, to be replaced by the import
  - name: clearstreet
    spec: old.yaml
    output: sdk
    package: old
# a trailing comment
"""
RESPONSE = json.loads((FIXTURES / "cancel_position_instruction_response.json").read_text())


def _import(folder: Path, *extra: str | Path) -> tuple[int, str]:
    result = sdkwright("import-config", STAINLESS, "-o", folder / "sdkwright.yaml", *extra)
    return result.returncode, result.stderr


def test_import_updates_the_target_and_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    (tmp_path / "sdkwright.yaml").write_text(EXISTING)
    code, printed = _import(tmp_path, "--spec", SPEC)
    assert code == 0, printed
    text = (tmp_path / "sdkwright.yaml").read_text()
    before = EXISTING.partition("  - name: clearstreet\n")[0]
    assert text.startswith(before) and text.endswith("# a trailing comment\n")
    other, seed = load_targets(tmp_path / "sdkwright.yaml")
    assert (other.name, other.package) == ("other", "other")
    assert (seed.name, seed.package, seed.client_name) == (
        "clearstreet",
        "clearstreet",
        "ClearStreet",
    )
    assert seed.output == tmp_path / "sdk"  # an existing target's output is kept
    assert seed.spec.resolve() == SPEC.resolve()
    assert "target 'clearstreet' updated" in printed
    # What could not be mapped, located in stainless.yml: endpoints the seed spec lacks,
    # the pagination scheme.
    lines = STAINLESS.read_text().splitlines()
    left_out = re.findall(
        rf"{re.escape(str(STAINLESS))}:(\d+):\d+: warning\[import\.unknown-endpoint\]: method '(\w+)'",
        printed,
    )
    assert {name for _, name in left_out} == {
        "get_positions",
        "submit_position_instructions",
        "get_orders",
        "cancel_all_open_orders",
        "get_market_hours_calendar",
    }
    for line, name in left_out:
        assert name in lines[int(line) - 1] or f"{name}:" in lines[int(line) - 2], (line, name)
    assert re.search(
        r"stainless\.yml:\d+:\d+: warning\[import\.unmapped\]: pagination schemes \(cursor_page\)",
        printed,
    )
    # The environments are mapped: the client's `environment=` names and URLs, as they were.
    assert "environments" not in printed
    assert seed.client.environments == (
        ("production", "https://api.clearstreet.com"),
        ("sandbox", "https://sandbox.clearstreet.example"),
    )


def test_the_imported_target_generates_the_nested_surface(tmp_path: Path) -> None:
    code, printed = _import(tmp_path, "--spec", SPEC, "--target", "seed")
    assert code == 0, printed
    (target,) = load_targets(tmp_path / "sdkwright.yaml")
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=RESPONSE)

    with orders_sdk.imported(target.output, "clearstreet") as module:
        client = module.ClearStreet(
            api_key="k",
            base_url="https://api.test",
            http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        )
        found = client.v1.positions.cancel_position_instruction("instr-1", account_id=122503)
    assert (sent[0].method, str(sent[0].url)) == (
        "DELETE",
        "https://api.test/v1/accounts/122503/positions/instructions/instr-1",
    )
    assert found.data.instruction_id == RESPONSE["data"]["instruction_id"]


def test_a_checkout_imports_with_its_api_md(tmp_path: Path) -> None:
    """The fixture repository (api.md + stainless.yml) against the spec it was written for."""
    spec = FIXTURES / "stainless_seed.openapi.yaml"
    result = sdkwright("import-config", SEED, "--spec", spec, "-o", tmp_path / "sdkwright.yaml")
    assert result.returncode == 0, describe(result)
    assert "import.unknown-endpoint" not in result.stderr
    (target,) = load_targets(tmp_path / "sdkwright.yaml")
    assert target.resources is not None
    (v1,) = target.resources.root.children
    names = {c.name: [m.name for m in c.methods] for c in v1.children}
    assert names["positions"] == [
        "cancel_position_instruction",
        "get_positions",
        "submit_position_instructions",
    ]


def test_what_cannot_be_imported_fails_without_writing(tmp_path: Path) -> None:
    config = tmp_path / "sdkwright.yaml"
    code, printed = _import(tmp_path)  # a new target and no --spec
    assert code == 1 and "pass --spec" in printed and not config.exists()
    broken = tmp_path / "stainless.yml"
    broken.write_text("resources: [unclosed\n")
    result = sdkwright("import-config", broken, "--spec", SPEC, "-o", config)
    assert result.returncode == 1 and f"{broken}:2:1: error" in result.stderr, describe(result)
    assert not config.exists()
    result = sdkwright("import-config", tmp_path / "missing.yml", "-o", config)
    assert result.returncode == 2


def test_names_python_cannot_take_are_renamed_with_a_located_warning(tmp_path: Path) -> None:
    text = STAINLESS.read_text().replace("\n  v1:\n", "\n  import:\n")
    (tmp_path / "stainless.yml").write_text(text)
    line = text.splitlines().index("  import:") + 1
    result = sdkwright(
        "import-config",
        tmp_path / "stainless.yml",
        "--spec",
        SPEC,
        "-o",
        tmp_path / "sdkwright.yaml",
    )
    assert result.returncode == 0, describe(result)
    expected = f"stainless.yml:{line}:3: warning[import.renamed]: 'import' is not a Python name: written as 'import_'"
    assert expected in result.stderr
    (target,) = load_targets(tmp_path / "sdkwright.yaml")
    assert target.resources is not None
    assert [c.name for c in target.resources.root.children] == ["import_"]
