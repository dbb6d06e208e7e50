"""Stainless's api.md: resources at every heading level, method lines, type names and modules."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES
from sdkwright.migrate.stainless.apimd import ApiMd, module_of, read_api_md
from sdkwright.migrate.stainless.surface_config import MethodConfig, TypeName

SEED = FIXTURES / "stainless_seed"


@pytest.fixture(scope="module")
def api() -> ApiMd:
    return read_api_md(SEED / "api.md", "clearstreet")


def _method(api: ApiMd, path: str, name: str) -> MethodConfig:
    node = next(n for top in api.resources for n in top.walk() if n.path == path)
    return next(m for m in node.methods if m.name == name)


def test_resource_tree_from_headings_and_accessors(api: ApiMd) -> None:
    nodes = [n for top in api.resources for n in top.walk()]
    assert [(n.path, n.title) for n in nodes] == [
        ("v1", "V1"),
        ("v1.positions", "Positions"),
        ("v1.orders", "Orders"),
        ("v1.calendar", "Calendar"),
        ("v1.calendar.market_hours", "MarketHours"),
    ]
    assert sum(len(n.methods) for n in nodes) == 6 and api.root_methods == ()
    assert api.notes == ()  # nothing guessed: v1 and calendar take their paths from their children


def test_a_method_line(api: ApiMd) -> None:
    cancel = _method(api, "v1.positions", "cancel_position_instruction")
    assert (
        cancel.endpoint
        == "delete /v1/accounts/{account_id}/positions/instructions/{instruction_id}"
    )
    assert (cancel.positional, cancel.keyword_path, cancel.has_params) == (
        ("instruction_id",),
        ("account_id",),
        False,
    )
    assert cancel.response == TypeName(
        "PositionCancelPositionInstructionResponse",
        "clearstreet.types.v1",
        "./src/clearstreet/types/v1/position_cancel_position_instruction_response.py",
    )
    assert cancel.params is None and cancel.source.endswith("api.md:29")


def test_params_names_spelled_as_stainless_would(api: ApiMd) -> None:
    positions = _method(api, "v1.positions", "get_positions")
    assert positions.has_params and positions.positional == ("account_id",)
    assert positions.params == TypeName(
        "PositionGetPositionsParams",
        "clearstreet.types.v1",
        "src/clearstreet/types/v1/position_get_positions_params.py",
    )
    market = _method(api, "v1.calendar.market_hours", "get_market_hours_calendar")
    assert market.params == TypeName(
        "MarketHourGetMarketHoursCalendarParams",
        "clearstreet.types.v1.calendar",
        "src/clearstreet/types/v1/calendar/market_hour_get_market_hours_calendar_params.py",
    )
    assert market.response is not None and market.response.module == "clearstreet.types.v1.calendar"


def test_pages_and_shared_types(api: ApiMd) -> None:
    orders = _method(api, "v1.orders", "get_orders")
    assert (orders.returns, orders.paginated) == ("SyncCursorPage[Order]", "SyncCursorPage")
    assert orders.response == TypeName(
        "Order", "clearstreet.types.v1", "./src/clearstreet/types/v1/order.py"
    )
    assert api.page_classes == ("SyncCursorPage",)
    assert api.shared_types == (
        TypeName("APIError", "clearstreet.types"),
        TypeName("ResponseMetadata", "clearstreet.types"),
    )
    models = next(n for top in api.resources for n in top.walk() if n.path == "v1.orders").models
    names = ["Order", "OrderList", "OrderType", "OrderCancelAllOpenOrdersResponse"]
    assert [t.name for t in models] == names


def test_capitalisation_is_learned_from_the_names_api_md_spells(tmp_path: Path) -> None:
    path = tmp_path / "api.md"
    path.write_text(
        "# Users\n\nMethods:\n\n"
        '- <code title="get /users/{id}">client.users.<a href="x">get_by_id</a>(id) -> '
        '<a href="./src/acme/types/user_get_by_id_response.py">UserGetByIDResponse</a></code>\n'
        '- <code title="post /users/{id}/api-keys">client.users.<a href="x">create_api_key</a>(id, \\*\\*'
        '<a href="src/acme/types/user_create_api_key_params.py">params</a>) -> None</code>\n'
    )
    api = read_api_md(path, "acme")
    create = api.resources[0].methods[1]
    assert (
        create.params is not None and create.params.name == "UserCreateAPIKeyParams"
    )  # api: the default
    assert create.returns == "None" and create.response is None
    learned = read_api_md(
        path, "acme", {"src/acme/types/user_create_api_key_params.py": "UserCreateApiKeyParams"}
    )
    assert learned.resources[0].methods[1].params == TypeName(
        "UserCreateApiKeyParams", "acme.types", "src/acme/types/user_create_api_key_params.py"
    )


def test_unreadable_lines_are_located_notes(tmp_path: Path) -> None:
    path = tmp_path / "api.md"
    path.write_text(
        "# Things\n\nTypes:\n\n```python\nfrom acme.types import (\n```\n\n"
        'Methods:\n\n- <code title="get /things">not a method line</code>\n\n# Lonely\n\n```python\n'
    )
    api = read_api_md(path, "acme")
    assert [(n.line, n.code) for n in api.notes] == [
        (6, "stainless.api-md"),
        (11, "stainless.api-md"),
        (16, "stainless.api-md"),
        (1, "stainless.api-md.guess"),
        (13, "stainless.api-md.guess"),
    ]
    assert "cannot be read" in api.notes[1].message and "not closed" in api.notes[2].message


def test_module_of_a_link() -> None:
    assert module_of("./src/acme/types/v1/x.py") == "acme.types.v1.x"
    assert module_of("acme/types/x.py#L3") == "acme.types.x"
    assert module_of("https://example.com/docs") is None
