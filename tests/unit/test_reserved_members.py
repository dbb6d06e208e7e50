"""Names that would replace what a generated class needs (issue 14): a method imposed as
`__init__` or `_client`, a group or a credential named like a member of the client. The
reserved members are read from the runtime's source; the golden SDKs show the lists of what
the templates add are complete."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
import sdkwright.runtime
from helpers import GENERATED
from sdkwright.diagnostics import Level
from sdkwright.targets.python.naming.reserved import (
    CLIENT_RUNTIME_MEMBERS,
    RESOURCE_MEMBERS,
    client_attributes,
    client_members,
)
from spec_helpers import build, json_response, openapi

RUNTIME = Path(sdkwright.runtime.__file__).parent

OK = {"200": json_response({"type": "object", "properties": {"id": {"type": "string"}}})}


def _members(cls: ast.ClassDef) -> set[str]:
    names = {n.name for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for node in ast.walk(cls):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names |= (
                {node.attr}
                if isinstance(node.value, ast.Name) and node.value.id == "self"
                else set()
            )
    return names


def _classes(path: Path) -> list[ast.ClassDef]:
    tree = ast.parse(path.read_text())
    return [n for n in tree.body if isinstance(n, ast.ClassDef)]


def _runtime_members(module: str, class_name: str) -> set[str]:
    """What `class_name` in the runtime's `module` defines: methods, class attributes and the
    attributes its methods set on `self`."""
    (cls,) = [c for c in _classes(RUNTIME / module) if c.name == class_name]
    names: set[str] = set()
    for item in ast.walk(cls):
        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(item.name)
        elif isinstance(item, ast.AnnAssign) and item in cls.body:
            names |= {item.target.id} if isinstance(item.target, ast.Name) else set()
        elif isinstance(item, ast.Attribute) and _is_self(item.value):
            names.add(item.attr)
        elif isinstance(item, ast.Assign) and item in cls.body:
            names |= {t.id for t in item.targets if isinstance(t, ast.Name)}
    return names


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def test_the_reserved_client_members_are_what_the_runtime_defines() -> None:
    """The list is written out (parsing the runtime at each run cost start-up): a member added
    to or removed from the runtime's client classes fails here until the list follows."""
    defined = (
        _runtime_members("_client_core.py", "BaseClient")
        | _runtime_members("_sync_client.py", "SyncAPIClient")
        | _runtime_members("_async_client.py", "AsyncAPIClient")
    )
    assert set(CLIENT_RUNTIME_MEMBERS) == defined
    assert {"request", "close", "base_url", "_send", "_client", "_retry_policy"} <= defined
    assert {"__init__", "__enter__", "__aenter__"} <= client_members()


# The Python goldens: the ones whose package has a `_client.py` (not generated/clearstreet_ts).
PYTHON_GOLDENS = sorted(p.parent.parent.name for p in GENERATED.glob("*/*/_client.py"))


@pytest.mark.parametrize("target", PYTHON_GOLDENS)
def test_the_reserved_names_cover_every_member_of_the_golden_classes(target: str) -> None:
    """What the templates add to a client or a resource class, besides its groups, methods
    and credentials, is reserved: a template that adds a member fails here until it is."""
    package = next(p for p in (GENERATED / target).iterdir() if (p / "_client.py").is_file())
    groups = {g.stem for g in (package / "resources").glob("[!_]*.py")}
    for cls in _classes(package / "_client.py"):
        defined = {
            n.name for n in cls.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        assert defined - groups - {"__init__"} <= client_attributes(), cls.name
    for module in (package / "resources").glob("[!_]*.py"):
        classes = _classes(module)
        methods = {
            n.name
            for cls in classes
            if "With" not in cls.name
            for n in cls.body
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name != "__init__"
        }
        assert methods
        for cls in classes:
            assert _members(cls) - methods <= RESOURCE_MEMBERS | {"__init__"}, cls.name


def _operation(operation_id: str, tag: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "tags": [tag], "responses": OK, **extra}


@pytest.mark.parametrize("imposed", ["__init__", "_client", "_resource", "__repr__", "__call__"])
def test_an_imposed_method_name_the_class_needs_is_refused_with_a_warning(
    tmp_path: Path, imposed: str
) -> None:
    spec = openapi(
        paths={"/a": {"get": _operation("listThings", "things", **{"x-sdkwright-name": imposed})}}
    )
    api, diagnostics = build(tmp_path, spec)
    (operation,) = api.operations
    assert operation.method_name == "list_things"
    (warning,) = [d for d in diagnostics if d.code == "naming.reserved-member"]
    assert warning.level is Level.WARNING and imposed in warning.message and warning.location
    assert not [d for d in diagnostics if d.level is Level.ERROR]


def test_groups_and_credentials_never_take_a_member_of_the_client(tmp_path: Path) -> None:
    spec = openapi(
        paths={
            "/a": {"get": _operation("a", "request")},
            "/b": {"get": _operation("b", "close")},
            "/c": {"get": _operation("c", "with options")},
            "/d": {"get": _operation("d", "partner key")},
        }
    )
    spec["components"] = {
        "securitySchemes": {
            "main": {"type": "apiKey", "in": "header", "name": "X-Key"},
            "partner key": {"type": "apiKey", "in": "header", "name": "X-Partner"},
            "close": {"type": "http", "scheme": "bearer"},
        }
    }
    spec["security"] = [{"main": []}, {"partner key": []}, {"close": []}]
    api, _ = build(tmp_path, spec)
    arguments = {s.argument for s in api.security_schemes}
    attributes = {g.attribute for g in api.groups}
    assert "partner_key" in arguments and not arguments & client_members()
    assert not attributes & (client_attributes() | arguments)
    assert len(attributes) == 4
