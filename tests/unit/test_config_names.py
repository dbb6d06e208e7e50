"""Name overrides: method and class names from the config or `x-sdkwright-name`, tags mapped
to resource groups, and an error (never a silent rename) when an imposed name is taken."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sdkwright.config import NameOverrides
from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir.nodes import Api, Named
from sdkwright.targets.python.naming.step import NamingOptions, build_named_api
from spec_helpers import codes, definitions, load

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Names", "version": "1"},
    "paths": {
        "/things/{id}": {
            "get": {
                "operationId": "getThing",
                "tags": ["Things"],
                "x-sdkwright-name": "fetch",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                        },
                    }
                },
            }
        },
        "/widgets": {
            "get": {
                "operationId": "listWidgets",
                "tags": ["Widgets"],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/Widget"},
                                }
                            }
                        },
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Thing": {
                "type": "object",
                "x-sdkwright-name": "Item",
                "properties": {"id": {"type": "string"}},
            },
            "Widget": {"type": "object", "properties": {"name": {"type": "string"}}},
        }
    },
}


def build(
    tmp_path: Path, names: NameOverrides, spec: dict[str, Any] = SPEC
) -> tuple[Api, list[Diagnostic]]:
    return build_named_api(load(tmp_path, spec), NamingOptions("names", "Names", names=names))


def methods(api: Api) -> dict[str, list[tuple[str, str]]]:
    return {
        g.attribute: [(op.operation_id, op.method_name) for op in g.operations] for g in api.groups
    }


def test_the_spec_extension_names_classes_and_methods(tmp_path: Path) -> None:
    api, diagnostics = build(tmp_path, NameOverrides())
    assert codes(diagnostics) == []
    assert set(definitions(api)) == {"Item", "Widget"}
    assert methods(api) == {
        "things": [("getThing", "fetch")],
        "widgets": [("listWidgets", "list_widgets")],
    }
    (get_thing,) = api.groups[0].operations
    assert get_thing.success.type == Named("Item", "model")


def test_the_config_names_win_and_tags_map_to_groups(tmp_path: Path) -> None:
    names = NameOverrides(
        operations=(("getThing", "get_one"), ("listWidgets", "all_widgets")),
        schemas=(("Thing", "Product"), ("Widget", "Gadget")),
        tags=(("Things", "catalogue"), ("Widgets", "catalogue")),
    )
    api, diagnostics = build(tmp_path, names)
    assert codes(diagnostics) == []
    assert set(definitions(api)) == {"Product", "Gadget"}
    assert methods(api) == {"catalogue": [("getThing", "get_one"), ("listWidgets", "all_widgets")]}
    assert [g.class_name for g in api.groups] == ["Catalogue"]


def test_an_imposed_class_name_wins_over_a_derived_one(tmp_path: Path) -> None:
    """`Widget` imposed on Thing: the schema named Widget steps aside, with a warning."""
    api, diagnostics = build(tmp_path, NameOverrides(schemas=(("Thing", "Widget"),)))
    assert "Widget" in definitions(api)
    (get_thing,) = api.groups[0].operations
    assert get_thing.success.type == Named("Widget", "model")
    assert codes(diagnostics, Level.ERROR) == []
    assert "naming.collision" in codes(diagnostics, Level.WARNING)


def test_two_imposed_class_names_that_collide_are_an_error(tmp_path: Path) -> None:
    _, diagnostics = build(tmp_path, NameOverrides(schemas=(("Widget", "Item"),)))
    errors = [d for d in diagnostics if d.level is Level.ERROR]
    assert [d.code for d in errors] == ["naming.override-collision"]
    assert "schema 'Widget' cannot be named Item" in errors[0].message
    assert errors[0].location is not None
    assert errors[0].location.pointer == "/components/schemas/Widget"


def test_an_imposed_method_name_taken_in_its_group_is_an_error(tmp_path: Path) -> None:
    names = NameOverrides(operations=(("listWidgets", "fetch"),), tags=(("Widgets", "things"),))
    _, diagnostics = build(tmp_path, names)
    errors = [d for d in diagnostics if d.level is Level.ERROR]
    assert [d.code for d in errors] == ["naming.override-collision"]
    assert "operation 'listWidgets' cannot be method 'fetch'" in errors[0].message
    assert "operation 'getThing' has it" in errors[0].message
    assert errors[0].location is not None and errors[0].location.pointer == "/paths/~1widgets/get"


def test_overrides_that_name_nothing_are_warned_about(tmp_path: Path) -> None:
    names = NameOverrides(
        operations=(("nope", "x"),), schemas=(("Nope", "X"),), tags=(("Nope", "x"),)
    )
    _, diagnostics = build(tmp_path, names)
    unknown = [d.message for d in diagnostics if d.code == "naming.override-unknown"]
    assert len(unknown) == 3 and all("'Nope'" in m or "'nope'" in m for m in unknown)


def test_an_unusable_extension_is_ignored_with_a_warning(tmp_path: Path) -> None:
    spec = {**SPEC, "components": {"schemas": {**SPEC["components"]["schemas"]}}}
    spec["components"]["schemas"]["Widget"] = {
        **spec["components"]["schemas"]["Widget"],
        "x-sdkwright-name": "not a class",
    }
    api, diagnostics = build(tmp_path, NameOverrides(), spec)
    assert "Widget" in definitions(api)
    assert "naming.override-invalid" in codes(diagnostics, Level.WARNING)
