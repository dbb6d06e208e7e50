"""The Stainless-style fixture repository: it is for the seed spec, its own tests pass against its
own package, and it shows every convention of issue 19's table, so that the migration tests can
rely on it without network."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES, SPECS, describe, run
from sdkwright.migrate.stainless import read_repository
from sdkwright.migrate.stainless.surface_config import SurfaceConfig
from sdkwright.surface import extract_surface
from sdkwright.surface.model import Resource, Surface

SEED = FIXTURES / "stainless_seed"
TESTS = SEED / "tests" / "api_resources"


@pytest.fixture(scope="module")
def surface() -> Surface:
    return extract_surface(SEED)


@pytest.fixture(scope="module")
def config() -> SurfaceConfig:
    return read_repository(SEED)


def _spec(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _tests_text() -> str:
    return "\n".join(p.read_text() for p in sorted(TESTS.rglob("test_*.py")))


def _tree(client_root: Resource) -> list[tuple[str, tuple[str, ...]]]:
    return [(n.path, tuple(m.name for m in n.methods)) for n in client_root.walk()]


def test_the_fixture_spec_holds_the_seed_spec() -> None:
    """Every operation of specs/clearstreet.yaml (method, path, operationId, parameters) and
    every schema (properties, required, enum values) is in the fixture's spec."""
    seed, fixture = (
        _spec(SPECS / "clearstreet.yaml"),
        _spec(FIXTURES / "stainless_seed.openapi.yaml"),
    )
    for path, item in seed["paths"].items():
        for method, operation in item.items():
            twin = fixture["paths"][path][method]
            assert twin["operationId"] == operation["operationId"]
            parameters = [
                (p["name"], p["in"], p.get("required"), p["schema"])
                for p in operation["parameters"]
            ]
            assert [
                (p["name"], p["in"], p.get("required"), p["schema"]) for p in twin["parameters"]
            ] == parameters
    for name, schema in seed["components"]["schemas"].items():
        twin = fixture["components"]["schemas"][name]
        assert set(twin.get("properties", {})) == set(schema.get("properties", {})), name
        assert (twin.get("required"), twin.get("enum"), twin.get("type")) == (
            schema.get("required"),
            schema.get("enum"),
            schema.get("type"),
        ), name


def test_its_own_tests_pass_against_its_own_package(tmp_path: Path) -> None:
    repository = shutil.copytree(
        SEED, tmp_path / "repo", ignore=shutil.ignore_patterns("__pycache__")
    )
    result = run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", "tests"],
        repository,
        timeout=300,
        env={"PYTHONPATH": str(repository / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, describe(result)
    counts = dict(
        (kind, int(n))
        for n, kind in re.findall(r"(\d+) (passed|skipped|failed|error)", result.stdout)
    )
    assert counts.get("passed", 0) + counts.get("skipped", 0) == 63, result.stdout[-2000:]
    assert (
        counts.get("passed", 0) >= 54
    )  # only the aiohttp variants (9) may skip, without the extra


def test_row_types_under_the_resource_path_named_resource_method_response(
    config: SurfaceConfig, surface: Surface
) -> None:
    exported = {(t.module, t.name) for t in surface.types if t.public}
    for path, method in config.methods():
        response = method.response
        assert response is not None and (response.module, response.name) in exported, method.name
        if not method.paginated:
            resource = "".join(w.capitalize() for w in path.rpartition(".")[2].split("_")).rstrip(
                "s"
            )
            assert response.name.startswith(resource) and response.name.endswith("Response"), (
                response.name
            )
    assert "from clearstreet.types.v1 import (" in _tests_text()


def test_row_nested_resources_to_a_third_level(surface: Surface) -> None:
    sync = next(c for c in surface.clients if c.name == "ClearStreet")
    assert ("v1.calendar.market_hours", ("get_market_hours_calendar",)) in _tree(sync.root)
    assert "client.v1.calendar.market_hours.get_market_hours_calendar(" in _tests_text()


def test_row_raw_and_streaming_responses_on_every_resource(surface: Surface) -> None:
    for client in surface.clients:
        assert all(n.raw_response and n.streaming_response for n in client.root.walk()[1:])
    text = _tests_text()
    for usage in (
        ".with_raw_response.",
        ".with_streaming_response.",
        ".is_closed",
        ".http_request",
        ".parse()",
    ):
        assert usage in text, usage


def test_row_literal_enums(surface: Surface) -> None:
    kinds = {t.name: t.kind for t in surface.types}
    assert (
        kinds["PositionInstructionType"]
        == kinds["PositionInstructionStatus"]
        == kinds["OrderType"]
        == "literal"
    )


def test_row_envelope_unless_pagination_is_declared(config: SurfaceConfig) -> None:
    methods = {m.name: m for _, m in config.methods()}
    assert (
        methods["get_positions"].pagination_disabled and methods["get_positions"].paginated is None
    )
    assert (
        methods["get_orders"].paginated == "SyncCursorPage"
        and config.pagination[0].page_class == "SyncCursorPage"
    )


def test_row_one_response_type_for_a_200_and_207_operation(surface: Surface) -> None:
    responses = _spec(FIXTURES / "stainless_seed.openapi.yaml")["paths"][
        "/v1/accounts/{account_id}/positions/instructions"
    ]
    assert set(responses["post"]["responses"]) == {"200", "207"}
    sync = next(c for c in surface.clients if c.name == "ClearStreet")
    positions = next(n for n in sync.root.walk() if n.path == "v1.positions")
    submit = next(m for m in positions.methods if m.name == "submit_position_instructions")
    assert submit.returns == "PositionSubmitPositionInstructionsResponse"


def test_row_lone_path_parameter_positional_and_empty_value_error(config: SurfaceConfig) -> None:
    methods = {m.name: m for _, m in config.methods()}
    assert methods["cancel_position_instruction"].positional == ("instruction_id",)
    text = _tests_text()
    assert 'cancel_position_instruction("instr-1", account_id=122503)' in text
    assert "Expected a non-empty value for `instruction_id` but received ''" in text


def test_row_keywords_spelled_as_the_spec_and_flattened_bodies() -> None:
    text = _tests_text()
    for call in ('type="LIMIT"', "date=datetime.date(2026, 4, 24)", "instructions=[INSTRUCTION]"):
        assert call in text, call


def test_row_aiohttp_client_and_extra(surface: Surface) -> None:
    assert {e.name for e in surface.exports} >= {"DefaultAioHttpClient", "AsyncClearStreet"}
    pyproject = (SEED / "pyproject.toml").read_text()
    assert 'aiohttp = ["aiohttp", "httpx_aiohttp' in pyproject
    assert '{"http_client": "aiohttp"}' in _tests_text()


def test_row_async_client_with_the_same_surface(surface: Surface) -> None:
    sync, asynchronous = (
        next(c for c in surface.clients if c.name == n) for n in ("ClearStreet", "AsyncClearStreet")
    )
    assert _tree(sync.root) == _tree(asynchronous.root)
    assert all(m.is_async for n in asynchronous.root.walk() for m in n.methods)
