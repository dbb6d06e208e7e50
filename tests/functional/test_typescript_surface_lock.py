"""The public-surface lock for a TypeScript target (issue 16 for issue 17): `generate` records
the SDK's surface (its methods with their endpoints, its types with their shapes) in
sdkwright-surface.lock.json; when the spec renames an operation or a schema, the next
generation keeps the locked names, and a breaking change the target's version does not allow
is refused, as for a Python target."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

from sdkwright import api
from sdkwright.config import load_targets
from sdkwright.diagnostics import Level

PET = {
    "type": "object",
    "required": ["id"],
    "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
}


def _spec(operation_id: str, schema: str, *, with_delete: bool = True) -> dict[str, Any]:
    """Two operations of one path; the GET's operationId and the schema's key vary."""
    returned = {"$ref": f"#/components/schemas/{schema}"}
    found = {"description": "ok", "content": {"application/json": {"schema": returned}}}
    item: dict[str, Any] = {
        "get": {
            "operationId": operation_id,
            "tags": ["pets"],
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "responses": {"200": found},
        }
    }
    if with_delete:
        item["delete"] = {
            "operationId": "deletePet",
            "tags": ["pets"],
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "responses": {"204": {"description": "gone"}},
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Pets", "version": "1"},
        "paths": {"/pets/{id}": item},
        "components": {"schemas": {schema: PET}},
    }


def _generate(folder: Path, spec: dict[str, Any], version: str = "1.0.0") -> api.Result:
    (folder / "openapi.json").write_text(json.dumps(spec))
    config = f"""\
        targets:
          - name: pets
            spec: openapi.json
            output: sdk
            package: pets
            version: {version}
            language: typescript
        """
    (folder / "sdkwright.yaml").write_text(textwrap.dedent(config))
    (target,) = load_targets(folder / "sdkwright.yaml")
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    return result


def _write(result: api.Result, folder: Path) -> None:
    assert not [d for d in api.surface_lock_findings(result) if d.level is Level.ERROR]
    api.write_result(result, folder / "sdk")


def test_generate_records_the_surface_and_keeps_renamed_names(tmp_path: Path) -> None:
    _write(_generate(tmp_path, _spec("getPet", "Pet")), tmp_path)
    locked = json.loads((tmp_path / "sdkwright-surface.lock.json").read_text())["targets"]
    (pets,) = locked["pets"]["surface"]["clients"][0]["root"]["children"]
    assert [(m["name"], m["http_method"], m["path"]) for m in pets["methods"]] == [
        ("getPet", "get", "/pets/{id}"),
        ("deletePet", "delete", "/pets/{id}"),
    ]
    assert "Pet" in {t["name"] for t in locked["pets"]["surface"]["types"]}
    renamed = _generate(tmp_path, _spec("fetchAnimal", "Animal"))  # same endpoint and shape
    assert renamed.api is not None
    assert [op.method_name for op in renamed.api.operations] == ["getPet", "deletePet"]
    assert [d.name for d in renamed.api.definitions] == ["Pet"]
    assert "APIPromise<Models.Pet>" in renamed.files["src/resources/pets.ts"].decode()
    assert api.surface_lock_findings(renamed) == []  # nothing changed for the SDK's users
    _write(renamed, tmp_path)


def test_a_breaking_change_needs_a_major_version(tmp_path: Path) -> None:
    _write(_generate(tmp_path, _spec("getPet", "Pet")), tmp_path)
    removed = _generate(tmp_path, _spec("getPet", "Pet", with_delete=False))
    errors = [d for d in api.surface_lock_findings(removed) if d.level is Level.ERROR]
    assert any("pets.deletePet" in d.message for d in errors), [d.render() for d in errors]
    allowed = _generate(tmp_path, _spec("getPet", "Pet", with_delete=False), version="2.0.0")
    assert not [d for d in api.surface_lock_findings(allowed) if d.level is Level.ERROR]


def test_a_user_imposed_name_wins_over_the_lock(tmp_path: Path) -> None:
    _write(_generate(tmp_path, _spec("getPet", "Pet")), tmp_path)
    spec = _spec("getPet", "Pet")
    spec["paths"]["/pets/{id}"]["get"]["x-sdkwright-name"] = "retrieve"
    imposed = _generate(tmp_path, spec, version="2.0.0")
    assert imposed.api is not None
    assert [op.method_name for op in imposed.api.operations] == ["retrieve", "deletePet"]
