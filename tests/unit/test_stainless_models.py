"""The Stainless surface's response models (naming/stainless_models.py): a required field that
may be null is optional in a model only responses hold, and a free-form object is `object`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sdkwright.ir.nodes import MapOf, Model, Nullable, Primitive
from sdkwright.targets.python.naming.step import NamingOptions, build_named_api
from spec_helpers import json_response, load, openapi, ref

OPTIONS = NamingOptions(package="x", client_name="X", surface="stainless")
NULLABLE_TEXT = {"type": ["string", "null"]}
SCHEMAS: dict[str, Any] = {
    "Shown": {
        "type": "object",
        "required": ["note", "extras"],
        "properties": {
            "note": NULLABLE_TEXT,
            "extras": {"type": "object"},
            "nothing": {"type": "null"},
        },
    },
    "Sent": {"type": "object", "required": ["note"], "properties": {"note": NULLABLE_TEXT}},
}
PATHS = {
    "/things": {
        "post": {
            "operationId": "make_thing",
            "requestBody": {"content": {"application/json": {"schema": ref("Sent")}}},
            "responses": {"200": json_response(ref("Shown"))},
        }
    }
}


def _models(tmp_path: Path, options: NamingOptions) -> dict[str, Model]:
    api, _ = build_named_api(load(tmp_path, openapi(SCHEMAS, PATHS)), options)
    return {d.name: d for d in api.definitions if isinstance(d, Model)}


def test_response_models_take_null_fields_as_optional_and_objects_as_object(
    tmp_path: Path,
) -> None:
    models = _models(tmp_path, OPTIONS)
    note, extras, nothing = models["Shown"].fields
    assert (note.required, note.type) == (False, Nullable(Primitive("str")))
    assert extras.type == Primitive("object") and extras.required
    assert nothing.type == Primitive("null")  # `None`
    (sent,) = models["Sent"].fields
    assert sent.required  # users build it: as the spec says


def test_the_default_surface_keeps_them_as_the_spec_says(tmp_path: Path) -> None:
    models = _models(tmp_path, NamingOptions(package="x", client_name="X"))
    note, extras, nothing = models["Shown"].fields
    assert note.required and isinstance(extras.type, MapOf)
    assert nothing.type == Nullable(Primitive("any", "null"))  # spelled `Any | None`


# `allOf` with a union part: Stainless leaves optional what the other parts require, the
# union's variants' own required properties aside (clear-street-python's
# `PrefillModifyOrderRequest` and `AccountWithPersonalDetails`, both of that shape).
TEXT = {"type": "string"}
IDS = {"type": "object", "required": ["id"], "properties": {"id": TEXT}}
BESIDE: dict[str, Any] = {
    "Beside": {
        "allOf": [
            {
                "oneOf": [
                    {"type": "object", "required": ["a"], "properties": {"a": TEXT, "b": TEXT}}
                ]
            },
            IDS,
        ]
    },
    "Plain": {"allOf": [{"type": "object", "properties": {"a": TEXT}}, IDS]},
}
BESIDE_PATHS = {
    f"/{name.lower()}": {
        "get": {
            "operationId": f"get_{name.lower()}",
            "responses": {"200": json_response(ref(name))},
        }
    }
    for name in BESIDE
}


def _required(tmp_path: Path, options: NamingOptions) -> dict[str, dict[str, bool]]:
    api, _ = build_named_api(load(tmp_path, openapi(BESIDE, BESIDE_PATHS)), options)
    return {
        d.name: {f.wire_name: f.required for f in d.fields}
        for d in api.definitions
        if isinstance(d, Model)
    }


def test_what_a_part_beside_a_union_requires_is_optional(tmp_path: Path) -> None:
    required = _required(tmp_path, OPTIONS)
    assert required["Beside"] == {"a": True, "b": False, "id": False}
    assert required["Plain"] == {"a": False, "id": True}  # no union part: as the spec says


def test_the_default_surface_requires_it_as_the_spec_says(tmp_path: Path) -> None:
    required = _required(tmp_path, NamingOptions(package="x", client_name="X"))
    assert required["Beside"] == {"a": True, "b": False, "id": True}
