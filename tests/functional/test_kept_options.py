"""`generate SPEC -o OUT` names the SDK from the spec's title, and keeps the options it was
generated with: a later `generate`/`check` without flags reproduces them; a flag given
explicitly wins, and `check` says when it differs from the folder's kept option."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import SHARED_SPECS, SPECS, describe, needs_shared_specs, sdkwright
from sdkwright import cli
from sdkwright.output import MANIFEST_NAME

KITCHENSINK = SPECS / "kitchensink.yaml"  # info.title: Kitchen Sink API


def options(sdk: Path) -> dict[str, str]:
    recorded: dict[str, str] = json.loads((sdk / MANIFEST_NAME).read_text())["options"]
    return recorded


def test_names_come_from_the_title_of_our_spec(tmp_path: Path) -> None:
    sdk = tmp_path / "out"
    assert cli.main(["generate", str(KITCHENSINK), "-o", str(sdk), "-q"]) == 0
    assert (sdk / "kitchen_sink" / "__init__.py").is_file()
    client = (sdk / "kitchen_sink" / "_client.py").read_text()
    assert "class KitchenSink(" in client and "KITCHEN_SINK_BASE_URL" in client
    assert options(sdk)["package"] == "kitchen_sink"


@needs_shared_specs
def test_clear_street_is_named_from_its_title(tmp_path: Path) -> None:
    sdk = tmp_path / "out"
    result = sdkwright("generate", SHARED_SPECS / "clearstreet-trading-3.1.json", "-o", sdk)
    assert result.returncode == 0, describe(result)
    # Its examples' RFC 3339 date-times with nanoseconds are valid: no false alarm (issue 15).
    assert "example.mismatch" not in result.stdout + result.stderr
    package = sdk / "clear_street_trading"
    client = (package / "_client.py").read_text()
    assert "class ClearStreetTrading(SyncAPIClient)" in client
    assert "CLEAR_STREET_TRADING_API_KEY" in client and "CLEAR_STREET_TRADING_BASE_URL" in client
    assert not (sdk / "clearstreet_trading_3_1").exists()


def test_a_plain_check_reproduces_the_flags_of_the_generation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sdk = str(tmp_path / "out")
    flags = ["--package", "acme", "--client-name", "Acme", "--flavour", "requests"]
    assert cli.main(["generate", str(KITCHENSINK), "-o", sdk, *flags, "-q"]) == 0
    kept = {"package": "acme", "client_name": "Acme", "flavour": "requests", "version": "0.1.0"}
    assert options(Path(sdk)).items() >= kept.items()
    capsys.readouterr()
    assert cli.main(["check", str(KITCHENSINK), "-o", sdk]) == 0
    assert cli.main(["check", str(KITCHENSINK), "-o", sdk, "--no-fast-path"]) == 0
    assert cli.main(["generate", str(KITCHENSINK), "-o", sdk]) == 0
    assert "nothing changed" in capsys.readouterr().out

    assert cli.main(["check", str(KITCHENSINK), "-o", sdk, "--package", "other"]) == 1
    said = capsys.readouterr().out
    assert "the flag --package 'other' (generated with 'acme') is not what" in said
    assert "the target's options changed (package: 'acme' -> 'other')" in said


def test_flavour_options_are_kept_too(tmp_path: Path) -> None:
    sdk = str(tmp_path / "out")
    flavour = ["--flavour", "datamodel-code-generator", "--option", "output_model_type=dataclasses"]
    assert cli.main(["generate", str(KITCHENSINK), "-o", sdk, *flavour, "-q"]) == 0
    assert json.loads(options(Path(sdk))["flavour_options"]) == {"output_model_type": "dataclasses"}
    assert cli.main(["check", str(KITCHENSINK), "-o", sdk, "-q"]) == 0
    assert cli.main(["check", str(KITCHENSINK), "-o", sdk, "-q", "--no-fast-path"]) == 0


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--flavour", "nope"], "unknown flavour 'nope'"),
        (["--option", "nokey"], "is not KEY=VALUE"),
        (["--option", "bad=1"], "has no option 'bad'"),
    ],
)
def test_bad_flavour_flags_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], message: str
) -> None:
    sdk = tmp_path / "out"
    assert cli.main(["generate", str(KITCHENSINK), "-o", str(sdk), *flags]) == 2
    assert message in capsys.readouterr().err and not sdk.exists()
