"""The real Stainless SDK this work migrates first (Clear Street's, 0.7.0): read without network
from a checkout named by SDKWRIGHT_STAINLESS_CHECKOUT (a work tree of clear-street-python @
b7a5227). CI has none, so these skip there; the fixture tests cover the same code offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import SHARED_SPECS
from sdkwright.migrate.stainless import embedded_spec, read_repository
from sdkwright.migrate.stainless.naming import snake
from sdkwright.surface import compare_surfaces, extract_surface

CHECKOUT = Path(os.environ.get("SDKWRIGHT_STAINLESS_CHECKOUT", "/nonexistent"))

pytestmark = pytest.mark.skipif(
    not (CHECKOUT / "api.md").is_file(),
    reason="set SDKWRIGHT_STAINLESS_CHECKOUT to a checkout of clear-street/clear-street-python @ b7a5227 "
    "(e.g. `git worktree add DIR b7a5227` from its git directory) to read the real Stainless SDK",
)


def test_the_repository_reads_as_61_methods_in_a_three_level_tree() -> None:
    config = read_repository(CHECKOUT)
    methods = config.methods()
    assert len(methods) == 61 == config.configured_endpoints
    paths = {node.path for top in config.resources for node in top.walk()}
    assert {
        "v1.omni_ai.threads",
        "v1.omni_ai.entitlements",
        "v1.instrument_data.market_data",
    } <= paths
    named = [
        m
        for _, m in methods
        if m.response and snake(m.response.name).endswith(f"{m.name}_response")
    ]
    assert len(named) == 60  # delete_screener returns None
    assert (config.package, config.version, config.next_version) == (
        "clearstreet",
        "0.7.0",
        "0.8.0",
    )
    assert (config.client.client_class, config.client.credential) == ("ClearStreet", "api_key")
    assert [n for n in config.notes if n.level != "info"] == []


def test_the_source_surface_agrees_with_api_md() -> None:
    surface = extract_surface(CHECKOUT)
    config = read_repository(CHECKOUT)
    for client in surface.clients:
        found = {
            (node.path, m.name, m.returns) for node in client.root.walk() for m in node.methods
        }
        listed = {(path, m.name, m.returns) for path, m in config.methods()}
        assert found == listed, client.name
    assert compare_surfaces(surface, surface).changes == ()


@pytest.mark.skipif(not SHARED_SPECS.is_dir(), reason=f"no shared specs at {SHARED_SPECS}")
def test_scripts_mock_embeds_the_shared_spec() -> None:
    spec, source, notes = embedded_spec(CHECKOUT)
    assert notes == [] and source is not None and source.kind == "embedded"
    assert spec == (SHARED_SPECS / "clearstreet-trading-3.1.json").read_bytes()
