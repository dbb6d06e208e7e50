"""stainless.yml -> surface config: what is mapped, and a located note for what is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES
from sdkwright.diagnostics import Diagnostic
from sdkwright.migrate.stainless.apimd import read_api_md
from sdkwright.migrate.stainless.stainless_config import StainlessConfig, read_stainless_config
from sdkwright.migrate.stainless.surface_config import MethodConfig

SEED = FIXTURES / "stainless_seed"


@pytest.fixture(scope="module")
def config() -> StainlessConfig:
    read = read_stainless_config(SEED / "stainless.yml")
    assert not isinstance(read, Diagnostic)
    return read


def _methods(config: StainlessConfig) -> dict[str, MethodConfig]:
    return {
        f"{n.path}.{m.name}": m for top in config.resources for n in top.walk() for m in n.methods
    }


def test_package_client_and_environments(config: StainlessConfig) -> None:
    assert (config.package, config.distribution) == ("clearstreet", "clearstreet")
    client = config.client
    assert (client.client_class, client.async_client_class) == ("ClearStreet", "AsyncClearStreet")
    assert (client.credential, client.credential_env) == ("api_key", "CLEAR_STREET_API_KEY")
    assert client.environments[0] == ("production", "https://api.clearstreet.com")
    assert client.options[0].security_scheme == "BearerAuth" and not client.options[0].nullable


def test_resources_methods_and_their_flags(config: StainlessConfig) -> None:
    assert [n.path for top in config.resources for n in top.walk()] == [
        "v1",
        "v1.positions",
        "v1.orders",
        "v1.calendar",
        "v1.calendar.market_hours",
    ]
    methods = _methods(config)
    cancel = methods["v1.positions.cancel_position_instruction"]
    assert (cancel.http_method, cancel.positional, cancel.keyword_path) == (
        "DELETE",
        ("instruction_id",),
        ("account_id",),
    )
    assert methods["v1.positions.get_positions"].pagination_disabled
    assert not methods["v1.orders.get_orders"].pagination_disabled
    positions = next(n for top in config.resources for n in top.walk() if n.path == "v1.positions")
    assert [(t.name, t.module) for t in positions.models][:2] == [
        ("Position", "clearstreet.types.v1"),
        ("PositionList", "clearstreet.types.v1"),
    ]
    assert ("TickerOrID", "clearstreet.types.v1") in [(t.name, t.module) for t in positions.models]
    assert [t.name for t in config.shared_types] == ["APIError", "ResponseMetadata"]


def test_conventional_names_match_what_api_md_spells(config: StainlessConfig) -> None:
    """The naming rules reproduce the fixture's api.md for every method that has a response
    class of its own (get_orders returns a page of a configured model instead)."""
    api = read_api_md(SEED / "api.md", "clearstreet")
    spelled = {
        f"{n.path}.{m.name}": m for top in api.resources for n in top.walk() for m in n.methods
    }
    methods = _methods(config)
    assert methods.keys() == spelled.keys()
    for key, method in methods.items():
        listed = spelled[key]
        if listed.response and listed.response.name.endswith("Response"):
            assert method.response == listed.response.__class__(
                listed.response.name, listed.response.module
            ), key
        if listed.params:
            assert method.params is not None, key
            assert (method.params.name, method.params.module) == (
                listed.params.name,
                listed.params.module,
            ), key
        assert (method.positional, method.keyword_path) == (
            listed.positional,
            listed.keyword_path,
        ), key


def test_pagination_scheme(config: StainlessConfig) -> None:
    (scheme,) = config.pagination
    assert (scheme.name, scheme.type) == ("cursor_page", "cursor")
    assert dict(scheme.request) == {"page_token": "next_cursor_param", "page_size": "integer"}
    assert dict(scheme.response) == {"data": "array", "metadata": "object"}


def test_unmapped_top_level_keys_are_located_info_notes(config: StainlessConfig) -> None:
    lines = (SEED / "stainless.yml").read_text().splitlines()
    assert [(n.level, n.pointer, n.line, n.column) for n in config.notes] == [
        ("info", "/readme", lines.index("readme:") + 1, 1),
        ("info", "/settings", lines.index("settings:") + 1, 1),
    ]


def test_problems_in_methods_are_located(tmp_path: Path) -> None:
    path = tmp_path / "stainless.yml"
    path.write_text(
        "targets: {python: {package_name: acme}}\n"
        "resources:\n"
        "  things:\n"
        "    methods:\n"
        "      list: get /things\n"
        "      retrieve: {endpoint: 'get /things/{a}/{b}', positional_params: [a, b]}\n"
        "      broken: fetch /things\n"
        "      legacy: {endpoint: get /legacy, skip: true}\n"
        "      alias: {endpoint: get /alias, type: alias}\n"
        "      stream: {endpoint: post /stream, streaming: {param_discriminator: stream}}\n"
        "    webhooks: {}\n"
    )
    read = read_stainless_config(path)
    assert not isinstance(read, Diagnostic)
    methods = {m.name: m for m in read.resources[0].methods}
    assert sorted(methods) == ["list", "retrieve", "stream"]
    assert methods["retrieve"].positional == ("a", "b") and methods["retrieve"].keyword_path == ()
    assert (
        methods["list"].response is not None
        and methods["list"].response.name == "ThingListResponse"
    )
    assert sorted((n.line, n.column, n.code) for n in read.notes) == [
        (7, 7, "stainless.endpoint"),
        (8, 7, "stainless.skipped"),
        (9, 37, "stainless.unmapped"),
        (10, 40, "stainless.unmapped"),
        (11, 5, "stainless.unmapped"),
    ]


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [("resources: [\n  unclosed\n", "yaml.syntax", 3), ("- a list\n", "stainless.config", 1)],
)
def test_unreadable_configs_are_located_errors(
    tmp_path: Path, text: str, code: str, line: int
) -> None:
    path = tmp_path / "stainless.yml"
    path.write_text(text)
    read = read_stainless_config(path)
    assert isinstance(read, Diagnostic) and (read.code, read.location and read.location.line) == (
        code,
        line,
    )


def _imported_security(stainless_yml: Path, tmp_path: Path) -> object:
    from sdkwright.migrate.stainless.import_config import import_target, read_surface

    surface = read_surface(stainless_yml)
    spec = FIXTURES / "stainless_seed.openapi.yaml"
    imported = import_target(surface, stainless_yml, spec, tmp_path, "seed", None)
    return imported.target.get("security")


def test_a_credential_that_reads_no_env_var_is_imported_as_env_false(tmp_path: Path) -> None:
    """An option without `read_env` (clear-street-python's `api_key`): the client reads no
    variable; the default variable (the seed's) needs no `security:` at all."""
    assert _imported_security(SEED / "stainless.yml", tmp_path) is None
    text = (SEED / "stainless.yml").read_text(encoding="utf-8")
    without = tmp_path / "stainless.yml"
    without.write_text(text.replace("      read_env: CLEAR_STREET_API_KEY\n", ""), encoding="utf-8")
    assert "read_env: CLEAR_STREET_API_KEY" not in without.read_text(encoding="utf-8")
    assert _imported_security(without, tmp_path) == {"scheme": "bearer", "env": False}
