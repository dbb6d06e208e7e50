"""A whole Stainless repository read into a surface config, and that config as a target."""

from __future__ import annotations

import base64
import gzip
import shutil
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES
from sdkwright.migrate.stainless import embedded_spec, read_repository
from sdkwright.migrate.stainless import repo as stainless_repo
from sdkwright.migrate.stainless.surface_config import (
    SurfaceConfig,
    TypeName,
    config_from_json,
    config_to_json,
)
from sdkwright.migrate.stainless.target import (
    check_surface_target,
    render_targets_yaml,
    resources_mapping,
    target_from_config,
)
from sdkwright.migrate.stainless.yaml_marks import Positioned, read_yaml

SEED = FIXTURES / "stainless_seed"


@pytest.fixture(scope="module")
def config() -> SurfaceConfig:
    return read_repository(SEED)


def test_package_version_client_and_spec(config: SurfaceConfig) -> None:
    assert (config.package, config.distribution, config.version, config.next_version) == (
        "clearstreet",
        "clearstreet",
        "0.3.1",
        "0.4.0",
    )
    assert config.configured_endpoints == len(config.methods()) == 6
    client = config.client
    assert (client.client_class, client.async_client_class, client.credential) == (
        "ClearStreet",
        "AsyncClearStreet",
        "api_key",
    )
    assert (client.credential_env, client.base_url_env) == (
        "CLEAR_STREET_API_KEY",
        "CLEAR_STREET_BASE_URL",
    )
    assert dict(client.environments) == {
        "production": "https://api.clearstreet.com",
        "sandbox": "https://sandbox.clearstreet.example",
    }
    assert config.spec is not None and (config.spec.kind, Path(config.spec.location).name) == (
        "embedded",
        "mock",
    )
    assert [Path(s).name for s in config.sources] == ["stainless.yml", "api.md"]
    assert {n.code for n in config.notes} == {"stainless.unmapped"}  # settings, readme: info only
    assert all(n.level == "info" for n in config.notes)


def test_api_md_names_with_stainless_yml_flags(config: SurfaceConfig) -> None:
    methods = {f"{path}.{m.name}": m for path, m in config.methods()}
    assert methods["v1.positions.get_positions"].pagination_disabled  # from stainless.yml
    assert methods["v1.orders.get_orders"].paginated == "SyncCursorPage"  # from api.md
    params = methods["v1.orders.cancel_all_open_orders"].params
    assert (
        params is not None and params.name == "OrderCancelAllOpenOrdersParams"
    )  # read from the source
    (scheme,) = config.pagination
    assert (scheme.name, scheme.page_class) == ("cursor_page", "SyncCursorPage")


def test_surface_config_json_round_trip(config: SurfaceConfig) -> None:
    assert config_from_json(config_to_json(config)) == config


def test_embedded_spec_is_the_fixture_spec() -> None:
    spec, source, notes = embedded_spec(SEED)
    assert spec == (FIXTURES / "stainless_seed.openapi.yaml").read_bytes() and notes == []
    assert source is not None and source.kind == "embedded"


def test_embedded_spec_bounds_and_bad_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "scripts").mkdir()
    mock = tmp_path / "scripts" / "mock"
    bomb = base64.b64encode(gzip.compress(b"0" * 100_000)).decode()
    mock.write_text(f'EMBEDDED_SPEC="{bomb}"\n')
    monkeypatch.setattr(stainless_repo, "MAX_SPEC_BYTES", 1000)
    spec, _, notes = embedded_spec(tmp_path)
    assert spec is None and "larger than 1000 bytes" in notes[0].message
    mock.write_text('EMBEDDED_SPEC="bm90IGd6aXA="\n')
    spec, _, notes = embedded_spec(tmp_path)
    assert spec is None and notes[0].code == "stainless.mock-spec"
    mock.write_text('URL="https://example.com/openapi.yml"\n')
    spec, source, _ = embedded_spec(tmp_path)
    assert (
        spec is None
        and source is not None
        and (source.kind, source.location) == ("url", "https://example.com/openapi.yml")
    )


def test_without_source_or_config_the_readme_names_the_client(tmp_path: Path) -> None:
    for name in ("api.md", "README.md", "pyproject.toml"):
        shutil.copy(SEED / name, tmp_path / name)
    config = read_repository(tmp_path)
    assert (config.client.client_class, config.client.credential, config.client.credential_env) == (
        "ClearStreet",
        "api_key",
        "CLEAR_STREET_API_KEY",
    )
    assert len(config.methods()) == 6 and "stainless.no-source" in {n.code for n in config.notes}


def test_disagreements_between_api_md_and_stainless_yml_are_located(tmp_path: Path) -> None:
    shutil.copytree(SEED, tmp_path / "repo", ignore=shutil.ignore_patterns("__pycache__"))
    config_file = tmp_path / "repo" / "stainless.yml"
    text = config_file.read_text().replace(
        "          get_orders: get /v1/accounts/{account_id}/orders\n",
        "          list_orders: get /v1/accounts/{account_id}/orders\n          archive: post /v1/archive\n",
    )
    config_file.write_text(text)
    config = read_repository(tmp_path / "repo")
    located = {(n.code, Path(n.file).name, n.line) for n in config.notes if n.level == "warning"}
    lines = text.splitlines()
    assert located == {
        (
            "stainless.config-only",
            "stainless.yml",
            lines.index("          archive: post /v1/archive") + 1,
        ),
        ("stainless.renamed", "api.md", _line(SEED / "api.md", "get_orders</a>")),
    }


def test_the_target_reproduces_the_surface_and_validates(
    config: SurfaceConfig, tmp_path: Path
) -> None:
    target = target_from_config(config, "clearstreet", "spec.yaml", ".")
    path = tmp_path / "sdkwright.yaml"
    path.write_text(render_targets_yaml([target]))
    document = read_yaml(path)
    assert isinstance(document, Positioned) and check_surface_target(document) == []
    written = yaml.safe_load(path.read_text())["targets"][0]
    assert (written["surface"], written["version"], written["client_name"]) == (
        "stainless",
        "0.4.0",
        "ClearStreet",
    )
    positions = written["resources"]["v1"]["positions"]
    assert positions["methods"]["cancel_position_instruction"] == {
        "endpoint": "delete /v1/accounts/{account_id}/positions/instructions/{instruction_id}",
        "positional": ["instruction_id"],
        "response": "clearstreet.types.v1.PositionCancelPositionInstructionResponse",
    }
    assert positions["methods"]["get_positions"]["paginated"] is False
    assert (
        written["resources"]["v1"]["orders"]["methods"]["get_orders"]["paginated"]
        == "SyncCursorPage"
    )
    third = written["resources"]["v1"]["calendar"]["market_hours"]["methods"][
        "get_market_hours_calendar"
    ]
    assert third["params"] == "clearstreet.types.v1.calendar.MarketHourGetMarketHoursCalendarParams"
    assert written["client"]["credential_env"] == "CLEAR_STREET_API_KEY"
    assert written["pagination"] == [
        {
            "name": "cursor_page",
            "type": "cursor",
            "page_class": "SyncCursorPage",
            "request": {"page_token": "next_cursor_param", "page_size": "integer"},
            "response": {"data": "array", "metadata": "object"},
        }
    ]


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


BAD_TARGET = """\
targets:
  - name: x
    spec: s.yaml
    output: out
    package: x
    surface: speakeasy
    client: {credential_env: not an env, bogus: 1}
    resources:
      v1:
        Positions: {}
        positions:
          models: [NotQualified]
          methods:
            cancel: delete /v1/things/{id}
            again: {endpoint: 'delete /v1/things/{thing_id}', positional: [nope]}
            broken: fetch /x
"""


def test_the_target_validator_locates_each_error(tmp_path: Path) -> None:
    path = tmp_path / "sdkwright.yaml"
    path.write_text(BAD_TARGET)
    document = read_yaml(path)
    assert isinstance(document, Positioned)
    found = sorted(
        (d.location.line, d.location.column, d.message)
        for d in check_surface_target(document)
        if d.location
    )
    assert found == [
        (6, 14, "'surface' must be one of ['stainless']"),
        (7, 30, "'not an env' is not an environment variable name"),
        (7, 42, "unknown key 'bogus'"),
        (10, 9, "'Positions' is not a usable resource name"),
        (12, 20, "'NotQualified' is not a qualified class name like pkg.types.Name"),
        (
            15,
            31,
            "'delete /v1/things/{thing_id}' is already mapped at /targets/0/resources/v1/positions/methods/cancel",
        ),
        (15, 76, "'nope' is not a parameter of /v1/things/{thing_id}"),
        (16, 21, "method 'broken' needs an endpoint like 'get /v1/things/{id}'"),
    ]
    assert all(d.code == "config.surface" for d in check_surface_target(document))


def test_shared_types_are_the_clients_own_models_in_the_target() -> None:
    shared = (TypeName("APIError", "acme.types"), TypeName("ResponseMetadata", "acme.types"))
    resources = resources_mapping(SurfaceConfig("acme", shared_types=shared))
    assert resources == {"models": ["acme.types.APIError", "acme.types.ResponseMetadata"]}
