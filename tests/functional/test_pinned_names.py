"""Names pinned by the surface lock (issue 16): an operationId renamed in the spec keeps the
method name the lock records (same HTTP method and path), and the new name becomes a
deprecated alias that works and warns."""

from __future__ import annotations

import asyncio
import json
import shutil
import warnings
from pathlib import Path

import httpx
import pytest
from helpers import SPECS, describe, mypy_strict, ruff_check, sdkwright
from orders_sdk import imported
from sdkwright.config import SURFACE_LOCK_NAME

PET = {"pet_type": "cat", "id": 2, "name": "Tom", "lives_left": 7, "status": "sold"}
PET["created_at"] = "2026-01-02T03:04:05Z"


@pytest.fixture
def renamed(tmp_path: Path) -> Path:
    """kitchensink generated and locked, then its spec renames get_pet to retrieve_pet and
    it is generated again."""
    root = tmp_path / "repo"
    shutil.copytree(SPECS, root / "specs")
    (root / "sdkwright.yaml").write_text(
        "targets:\n  - {name: kitchensink, spec: specs/kitchensink.yaml,"
        " output: generated/kitchensink, package: kitchensink, client_name: KitchenSink}\n"
    )
    assert sdkwright("generate", cwd=root).returncode == 0
    spec = root / "specs/kitchensink.yaml"
    spec.write_text(
        spec.read_text().replace("operationId: get_pet\n", "operationId: retrieve_pet\n")
    )
    checked = sdkwright("check", cwd=root)
    assert "error[surface" not in checked.stderr, describe(checked)  # the rename breaks nothing
    generated = sdkwright("generate", cwd=root)
    assert generated.returncode == 0, describe(generated)
    assert "feature: method:KitchenSink.pets.retrieve_pet" in generated.stderr
    return root


def handler(sent: list[httpx.Request]) -> httpx.MockTransport:
    def respond(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=PET)

    return httpx.MockTransport(respond)


def test_a_renamed_operation_keeps_its_locked_method_and_gets_a_deprecated_alias(
    renamed: Path,
) -> None:
    sdk = renamed / "generated" / "kitchensink"
    sent: list[httpx.Request] = []
    with imported(sdk, "kitchensink") as module:
        client = module.KitchenSink(api_key="k", http_client=httpx.Client(transport=handler(sent)))
        with pytest.warns(DeprecationWarning, match="retrieve_pet is deprecated: call get_pet"):
            aliased = client.pets.retrieve_pet(pet_id=2)

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            kept = client.pets.get_pet(pet_id=2)  # the locked name, no warning
        assert aliased == kept and kept.name == "Tom"
        assert [r.url.path for r in sent] == ["/pets/2", "/pets/2"]

        async def call_async() -> object:
            transport = handler(sent)
            async_client = module.AsyncKitchenSink(
                api_key="k", http_client=httpx.AsyncClient(transport=transport)
            )
            with pytest.warns(DeprecationWarning, match="retrieve_pet is deprecated"):
                return await async_client.pets.retrieve_pet(pet_id=2)

        assert asyncio.run(call_async()) == kept
    lock = json.loads((renamed / SURFACE_LOCK_NAME).read_text())
    assert '"name": "get_pet"' in json.dumps(lock)
    assert ruff_check(sdk).returncode == 0
    typed = mypy_strict(sdk, "kitchensink")
    assert typed.returncode == 0, typed.stdout


def test_a_name_the_config_imposes_wins_over_the_lock(renamed: Path) -> None:
    config = renamed / "sdkwright.yaml"
    config.write_text(
        config.read_text().replace(
            "client_name: KitchenSink}",
            "client_name: KitchenSink, version: '0.2.0',"
            " names: {operations: {retrieve_pet: fetch_pet}}}",
        )
    )
    result = sdkwright("generate", cwd=renamed)
    assert result.returncode == 0, describe(result)
    assert "warning[surface.breaking]: breaking: method:KitchenSink.pets.get_pet" in result.stderr
    pets = (renamed / "generated/kitchensink/kitchensink/resources/pets.py").read_text()
    assert "def fetch_pet(" in pets and "def get_pet(" not in pets


def rename_schema(spec: Path, old: str, new: str) -> None:
    text = spec.read_text()
    assert f"    {old}:\n" in text
    text = text.replace(f"    {old}:\n", f"    {new}:\n")
    spec.write_text(text.replace(f'#/components/schemas/{old}"', f'#/components/schemas/{new}"'))


def test_renamed_schemas_keep_their_locked_class_names_with_aliases(tmp_path: Path) -> None:
    """An object schema and an enum renamed in the spec (same shape): the locked classes stay,
    the new names are aliases of them, in the pydantic and the dataclasses flavours."""
    root = tmp_path / "repo"
    shutil.copytree(SPECS, root / "specs")
    (root / "sdkwright.yaml").write_text(
        "targets:\n  - {name: pydantic, spec: specs/kitchensink.yaml, output: out/pydantic,"
        " package: shop}\n  - {name: dataclasses, spec: specs/kitchensink.yaml,"
        " output: out/dataclasses, package: shop, flavour: datamodel-code-generator,"
        " options: {output_model_type: dataclasses}}\n"
    )
    assert sdkwright("generate", cwd=root).returncode == 0
    spec = root / "specs/kitchensink.yaml"
    rename_schema(spec, "StoreInfo", "StoreDetails")
    rename_schema(spec, "PetStatus", "AnimalStatus")
    result = sdkwright("generate", cwd=root)
    assert result.returncode == 0, describe(result)
    assert "error[surface" not in result.stderr
    for flavour in ("pydantic", "dataclasses"):
        sdk = root / "out" / flavour
        with imported(sdk, "shop") as module:
            types = module.types
            assert types.StoreDetails is types.StoreInfo
            assert types.AnimalStatus is types.PetStatus
            assert {"StoreInfo", "StoreDetails", "PetStatus", "AnimalStatus"} <= set(types.__all__)
        assert ruff_check(sdk).returncode == 0
    typed = mypy_strict(root / "out" / "pydantic", "shop")
    assert typed.returncode == 0, typed.stdout
