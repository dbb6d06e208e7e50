"""The public surface read from source: the Stainless-style fixture, sdkwright's own output, and
packages that try to break the reader."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import FIXTURES, GENERATED
from sdkwright.surface import SurfaceError, extract_surface, surface_from_json, surface_to_json
from sdkwright.surface.model import Client, Method, Resource, Surface, TypeDef

SEED = FIXTURES / "stainless_seed"


@pytest.fixture(scope="module")
def seed() -> Surface:
    return extract_surface(SEED)


def _client(surface: Surface, name: str) -> Client:
    return next(c for c in surface.clients if c.name == name)


def _node(client: Client, path: str) -> Resource:
    return next(node for node in client.root.walk() if node.path == path)


def _method(client: Client, path: str, name: str) -> Method:
    return next(m for m in _node(client, path).methods if m.name == name)


def _type(surface: Surface, module: str, name: str) -> TypeDef:
    return next(t for t in surface.types if (t.module, t.name) == (module, name))


def test_fixture_clients_and_options(seed: Surface) -> None:
    assert seed.package == "clearstreet" and seed.version == "0.3.1"
    sync, asynchronous = _client(seed, "ClearStreet"), _client(seed, "AsyncClearStreet")
    assert (sync.is_async, asynchronous.is_async) == (False, True)
    assert (sync.aliases, asynchronous.aliases) == (("Client",), ("AsyncClient",))
    options = {o.name: o for o in sync.options}
    assert options["api_key"].credential and options["api_key"].env == "CLEAR_STREET_API_KEY"
    assert options["base_url"].env == "CLEAR_STREET_BASE_URL" and not options["base_url"].credential
    assert options["api_key"].kind == "keyword" and not options["api_key"].required
    assert sync.env_vars == ("CLEAR_STREET_API_KEY", "CLEAR_STREET_BASE_URL")


def test_fixture_resource_tree_to_the_third_level(seed: Surface) -> None:
    client = _client(seed, "ClearStreet")
    nodes = client.root.walk()
    assert [n.path for n in nodes] == [
        "",
        "v1",
        "v1.calendar",
        "v1.calendar.market_hours",
        "v1.orders",
        "v1.positions",
    ]
    assert all(n.raw_response and n.streaming_response for n in nodes[1:])
    assert [m.name for m in _node(client, "v1.positions").methods] == [
        "cancel_position_instruction",
        "get_positions",
        "submit_position_instructions",
    ]
    assert _node(client, "v1.calendar").methods == ()


def test_fixture_method_signature_endpoint_and_return(seed: Surface) -> None:
    method = _method(_client(seed, "ClearStreet"), "v1.positions", "cancel_position_instruction")
    params = {p.name: p for p in method.params}
    assert (
        params["instruction_id"].kind,
        params["instruction_id"].type,
        params["instruction_id"].required,
    ) == ("positional", "str", True)
    assert (params["account_id"].kind, params["account_id"].type) == ("keyword", "int")
    assert (params["timeout"].type, params["timeout"].default) == (
        "Timeout | float | None",
        "omitted",
    )
    assert (
        params["extra_headers"].type == "Mapping[str, str] | None"
    )  # the private Headers alias, spelled out
    assert method.returns == "PositionCancelPositionInstructionResponse"
    assert (method.http_method, method.path) == (
        "DELETE",
        "/v1/accounts/{account_id}/positions/instructions/{instruction_id}",
    )
    body = _method(_client(seed, "ClearStreet"), "v1.positions", "submit_position_instructions")
    assert next(p for p in body.params if p.name == "instructions").type == "Iterable[Instruction]"
    assert _method(_client(seed, "AsyncClearStreet"), "v1.positions", "get_positions").is_async


def test_fixture_pagination_and_keywords_named_like_builtins(seed: Surface) -> None:
    client = _client(seed, "ClearStreet")
    orders = _method(client, "v1.orders", "get_orders")
    assert (orders.returns, orders.paginated, orders.http_method) == (
        "SyncCursorPage[Order]",
        "SyncCursorPage",
        "GET",
    )
    assert _method(client, "v1.positions", "get_positions").paginated is None
    cancel = _method(client, "v1.orders", "cancel_all_open_orders")
    kind = next(p for p in cancel.params if p.name == "type")
    assert (kind.kind, kind.type, kind.default) == (
        "keyword",
        "OrderType",
        "omitted",
    )  # a public alias keeps its name
    market = _method(client, "v1.calendar.market_hours", "get_market_hours_calendar")
    assert next(p for p in market.params if p.name == "date").type == "date | str"
    pages = {p.name: p for p in seed.pages}
    assert (pages["SyncCursorPage"].module, pages["SyncCursorPage"].type_params) == (
        "clearstreet.pagination",
        1,
    )
    assert pages["AsyncCursorPage"].is_async and not pages["SyncCursorPage"].is_async


def test_fixture_types(seed: Surface) -> None:
    literal = _type(seed, "clearstreet.types.v1", "PositionInstructionType")
    assert literal.kind == "literal" and literal.values == (
        '"CONTRARY_EXERCISE"',
        '"DO_NOT_EXERCISE"',
        '"EXERCISE"',
    )
    response = _type(seed, "clearstreet.types.v1", "PositionCancelPositionInstructionResponse")
    fields = {f.name: f for f in response.fields}
    assert response.kind == "model" and set(fields) == {"data", "metadata", "error"}
    assert fields["error"].nullable and not fields["error"].required and fields["data"].required
    nested = _type(
        seed, "clearstreet.types.v1.position_submit_position_instructions_params", "Instruction"
    )
    assert nested.kind == "typeddict" and not nested.public
    assert {f.name: f.required for f in nested.fields} == {
        "instruction_type": True,
        "instrument_id": True,
        "quantity": True,
        "instruction_id": False,
    }
    shared = _type(seed, "clearstreet.types", "APIError")
    assert shared.exported_from == ("clearstreet.types", "clearstreet.types.shared")
    market = _type(seed, "clearstreet.types.v1.calendar", "MarketHours")
    assert next(f for f in market.fields if f.name == "date").type == "date"
    params = _type(seed, "clearstreet.types.v1", "OrderCancelAllOpenOrdersParams")
    assert (
        params.kind == "typeddict"
        and params.fields[0].name == "type"
        and not params.fields[0].required
    )


def test_fixture_errors_and_exports(seed: Surface) -> None:
    errors = {e.name: e for e in seed.errors}
    assert errors["NotFoundError"].bases == (
        "APIStatusError",
        "APIError",
        "ClearStreetError",
        "Exception",
    )
    exports = {e.name: e.kind for e in seed.exports}
    assert exports["DefaultAioHttpClient"] == "class" and exports["ClearStreet"] == "client"
    assert exports["types"] == "module" and exports["NotFoundError"] == "error"


def test_surface_json_round_trip(seed: Surface) -> None:
    assert surface_from_json(surface_to_json(seed)) == seed


def test_sdkwright_layout_with_lazy_exports() -> None:
    surface = extract_surface(GENERATED / "clearstreet")
    client = _client(surface, "ClearStreet")
    options = {o.name: o for o in client.options}
    assert options["api_key"].env == "CLEAR_STREET_API_KEY" and options["api_key"].credential
    assert options["base_url"].env == "CLEAR_STREET_BASE_URL"
    method = _method(client, "positions", "cancel_position_instruction")
    assert [(p.name, p.kind) for p in method.params[:2]] == [
        ("account_id", "keyword"),
        ("instruction_id", "keyword"),
    ]
    assert method.path == "/v1/accounts/{account_id}/positions/instructions/{instruction_id}"
    assert method.returns == "CancelPositionInstructionResponse"
    enum = _type(surface, "clearstreet.types", "PositionInstructionType")
    assert enum.kind == "enum" and enum.members == (
        "CONTRARY_EXERCISE",
        "DO_NOT_EXERCISE",
        "EXERCISE",
    )
    assert (
        enum.values
        == _type(extract_surface(SEED), "clearstreet.types.v1", "PositionInstructionType").values
    )
    assert {(p.name, p.module, p.type_params) for p in surface.pages} == {
        ("SyncPage", "clearstreet._pagination", 2),
        ("AsyncPage", "clearstreet._pagination", 2),
    }
    assert "NotFoundError" in {e.name for e in surface.errors}


# -- input that tries to break the reader ------------------------------------------------


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_unparseable_and_linked_files_are_warnings(tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text("SECRET = 1\n")
    root = _package(
        tmp_path / "repo",
        {
            "__init__.py": "from .types import Thing as Thing\n",
            "broken.py": "def (:\n",
            "types/__init__.py": "from .thing import Thing as Thing\n",
            "types/thing.py": "from pydantic import BaseModel\nclass Thing(BaseModel):\n    x: int\n",
        },
    )
    os.symlink(outside, root / "pkg" / "linked.py")
    surface = extract_surface(root)
    assert [t.name for t in surface.types] == ["Thing"]
    assert any("broken.py:1: cannot parse" in w for w in surface.warnings)
    assert any("linked.py: a symbolic link; skipped" in w for w in surface.warnings)


def test_import_cycles_and_lazy_tables(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "__init__.py": (
                "__all__ = ['Lazy', 'Loop']\n_MODULES = {'Lazy': '.lazy'}\n"
                "from .a import Loop\n"
                "def __getattr__(name):\n    return _MODULES[name]\n"
            ),
            "a.py": "from .b import Loop\n",
            "b.py": "from .a import Loop\n",
            "lazy.py": "class Lazy(Exception):\n    pass\n",
        },
    )
    surface = extract_surface(root)
    assert {e.name: e.kind for e in surface.exports} == {"Lazy": "error", "Loop": "unknown"}


def test_folders_without_one_package(tmp_path: Path) -> None:
    with pytest.raises(SurfaceError, match="no Python package"):
        extract_surface(tmp_path)
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("")
    with pytest.raises(SurfaceError, match="--package"):
        extract_surface(tmp_path)
    assert extract_surface(tmp_path, "two").package == "two"


def test_functional_typeddicts_keep_their_wire_keys() -> None:
    surface = extract_surface(GENERATED / "kitchensink_typeddict")
    audit = _type(surface, "kitchensink_typeddict.types", "AuditInfo")
    assert (
        audit.kind == "typeddict" and audit.defined_in == "kitchensink_typeddict.types._datamodel"
    )
    assert [(f.name, f.required, f.nullable) for f in audit.fields] == [
        ("created-by", True, False),
        ("created_at", True, False),
        ("updated_at", False, True),
    ]


def test_a_dunder_value_is_exported_whether_or_not_all_lists_it(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {"__init__.py": "__all__ = ['Thing']\n__version__ = '1.0'\nclass Thing:\n    pass\n"},
    )
    surface = extract_surface(root)
    assert {e.name: e.kind for e in surface.exports} == {"Thing": "class", "__version__": "value"}
    assert surface.version == "1.0"


def test_an_error_root_aliased_to_a_builtin_is_still_an_error(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "__init__.py": "from ._errors import Failure\n__all__ = ['Failure']\n",
            "_root.py": "Root = Exception\n",
            "_errors.py": "from ._root import Root\nclass Failure(Root):\n    pass\n",
        },
    )
    surface = extract_surface(root)
    assert [(e.name, e.bases) for e in surface.errors] == [("Failure", ("Exception",))]


def test_a_private_rename_of_a_builtin_is_spelled_out_like_a_type_alias(tmp_path: Path) -> None:
    """Stainless's `_types.py` says `Body = object` (a plain rename), sdkwright's
    `Body: TypeAlias = object`: both are `object` to the user, so both read `object | None`
    (the rename used to stay `Body`, a difference that was none)."""
    import shutil

    renamed = tmp_path / "renamed"
    shutil.copytree(SEED, renamed, ignore=shutil.ignore_patterns("__pycache__"))
    types = renamed / "src" / "clearstreet" / "_types.py"
    text = types.read_text()
    assert "Body: TypeAlias = object" in text
    types.write_text(text.replace("Body: TypeAlias = object", "Body = object"))
    for root in (SEED, renamed):
        client = _client(extract_surface(root), "ClearStreet")
        method = _method(client, "v1.positions", "get_positions")
        extra_body = next(p for p in method.params if p.name == "extra_body")
        assert extra_body.type == "object | None", root


def test_the_type_checking_branch_of_a_private_alias_is_the_one_read(tmp_path: Path) -> None:
    """Stainless's `_types.py` binds `Base64FileInput` twice: `Union[IO[bytes], PathLike[str]]`
    under `if TYPE_CHECKING:`, `PathLike` unsubscripted at run time. Type checkers read the
    first, so the comparator does (it read the second, the last binding in the file)."""
    import ast

    from sdkwright.surface.aliases import expand_private_aliases
    from sdkwright.surface.annotations import normalise
    from sdkwright.surface.index import PackageIndex

    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "_types.py").write_text(
        "from os import PathLike\n"
        "from typing import IO, TYPE_CHECKING, Union\n"
        "if TYPE_CHECKING:\n"
        "    Base64FileInput = Union[IO[bytes], PathLike[str]]\n"
        "else:\n"
        "    Base64FileInput = Union[IO[bytes], PathLike]\n"
    )
    (folder / "api.py").write_text("from ._types import Base64FileInput\n")
    index = PackageIndex(folder, "pkg")
    module = index.module("pkg.api")
    assert module is not None
    node = ast.parse("Union[str, Base64FileInput]", mode="eval").body
    assert (
        normalise(expand_private_aliases(index, module, node)) == "IO[bytes] | PathLike[str] | str"
    )
