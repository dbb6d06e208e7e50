"""A union's titled inline variants on the Stainless surface (naming/stainless_unions.py): its
module binds them under their titles, and the comparator reads such a binding as the class
it names (surface/typedefs.py `bound_as`, surface/compare_types.py `respelled`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sdkwright.ir.nodes import Alias
from sdkwright.surface import compare_surfaces, extract_surface
from sdkwright.targets.python.naming.step import NamingOptions, build_named_api
from spec_helpers import json_response, load, openapi, ref

STAINLESS = NamingOptions(package="x", client_name="X", surface="stainless")


def _variant(title: str | None, key: str) -> dict[str, Any]:
    found: dict[str, Any] = {
        "type": "object",
        "required": [key],
        "properties": {key: {"type": "string"}},
    }
    return found if title is None else {**found, "title": title}


SCHEMAS: dict[str, Any] = {
    "Action": {
        "oneOf": [
            _variant("OpenChart", "open_chart"),
            _variant("Other", "other"),  # a component's name: left out
            _variant(None, "plain"),  # no title: no name to bind
            ref("Other"),
        ]
    },
    "Other": _variant(None, "value"),
}
PATHS = {
    "/act": {"get": {"operationId": "act", "responses": {"200": json_response(ref("Action"))}}}
}


def _union(tmp_path: Path, options: NamingOptions) -> Alias:
    api, _ = build_named_api(load(tmp_path, openapi(SCHEMAS, PATHS)), options)
    (union,) = [d for d in api.definitions if isinstance(d, Alias) and d.name == "Action"]
    return union


def test_the_union_binds_its_titled_variants_under_their_titles(tmp_path: Path) -> None:
    union = _union(tmp_path, STAINLESS)
    assert union.variant_names == (("OpenChart", "ActionOpenChart"),)


def test_the_default_surface_binds_none(tmp_path: Path) -> None:
    union = _union(tmp_path, NamingOptions(package="x", client_name="X"))
    assert union.variant_names == ()


# -- the comparator -------------------------------------------------------------------------

MODEL = "from typing import Union\nfrom pydantic import BaseModel\n"
# The old SDK, as Stainless writes it: the variants defined in the union's module.
OLD = {
    "__init__.py": "",
    "types/__init__.py": "",
    "types/v1/__init__.py": "from .action import Action as Action\n",
    "types/v1/action.py": (
        MODEL + "__all__ = ['Action', 'OpenChart']\n"
        "class OpenChart(BaseModel):\n    open_chart: str\n"
        "Action = Union[OpenChart, int]\n"
    ),
}
# The new one, as sdkwright writes it: a module per class, the union's binding the title.
NEW = {
    "__init__.py": "",
    "types/__init__.py": "from .action import Action as Action\n",
    "types/action_open_chart.py": (
        MODEL + "__all__ = ['ActionOpenChart']\n"
        "class ActionOpenChart(BaseModel):\n    open_chart: str\n"
    ),
    "types/action.py": (
        "from typing import Union\nfrom .action_open_chart import ActionOpenChart\n"
        "__all__ = ['Action', 'OpenChart']\n"
        "Action = Union[ActionOpenChart, int]\nOpenChart = ActionOpenChart\n"
    ),
    "types/v1/__init__.py": "from ..action import Action as Action\n",
    "types/v1/action.py": (
        "from ..action import Action as Action\nfrom ..action import OpenChart as OpenChart\n"
        "__all__ = ['Action', 'OpenChart']\n"
    ),
}


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_binding_under_the_old_name_is_the_same_type(tmp_path: Path) -> None:
    old = extract_surface(_package(tmp_path / "old", OLD))
    new = extract_surface(_package(tmp_path / "new", NEW))
    (variant,) = [t for t in new.types if t.name == "ActionOpenChart"]
    assert set(variant.bound_as) == {"pkg.types.action.OpenChart", "pkg.types.v1.action.OpenChart"}
    keys = {c.id for c in compare_surfaces(old, new).changes}
    assert "type:pkg.types.v1.action.OpenChart" not in keys  # found, with the same fields
    assert "type:pkg.types.v1.Action.variants" not in keys  # `OpenChart` names the same class


def test_without_the_binding_the_variant_is_missing(tmp_path: Path) -> None:
    unbound = {
        **NEW,
        "types/action.py": (
            "from typing import Union\nfrom .action_open_chart import ActionOpenChart\n"
            "Action = Union[ActionOpenChart, int]\n"
        ),
    }
    del unbound["types/v1/action.py"]
    old = extract_surface(_package(tmp_path / "old", OLD))
    new = extract_surface(_package(tmp_path / "new", unbound))
    changes = {c.id: c for c in compare_surfaces(old, new).changes}
    assert changes["type:pkg.types.v1.action.OpenChart"].status == "missing"
    assert "type:pkg.types.v1.Action.variants" in changes
