"""The model-type modules: each tells the core how to decode responses into its classes and
how to write request bodies from them, whatever generated those classes."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import json
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any, Literal

import httpx
import msgspec
import pydantic
import pytest
from runtime_support import BASE_URL, Script, assemble, forget, json_response
from sdkwright.targets.python.runtime_files import SOURCE
from typing_extensions import TypedDict

MODEL_TYPES = sorted(p.stem.removeprefix("models_") for p in SOURCE.glob("models_*.py"))


@pytest.fixture(scope="module")
def packages() -> Iterator[dict[str, SimpleNamespace]]:
    built = {kind: assemble(f"rtmodels_{kind}", model_type=kind) for kind in MODEL_TYPES}
    yield built
    for kind in MODEL_TYPES:
        forget(f"rtmodels_{kind}")


def _interface() -> set[str]:
    tree = ast.parse((SOURCE / "_models.pyi").read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}


@pytest.mark.parametrize("kind", MODEL_TYPES)
def test_a_model_type_module_offers_the_interface(
    packages: dict[str, SimpleNamespace], kind: str
) -> None:
    models = packages[kind].models
    assert _interface() <= set(models.__all__)
    # One tag reader for all (the generated code imports it from `_models`).
    assert (
        models.tag_reader
        is importlib.import_module(f"{packages[kind].package}._pydantic").tag_reader
    )
    # Only its own classes are its to dump; other values are the core's.
    assert models.dump_model({"a": 1}) is None
    assert models.dump_model(3) is None
    with pytest.raises(models.DecodeError):
        models.decode_json(b'{"a": ', dict[str, int])
    assert models.decode_json(b'{"a": 1}', dict[str, int]) == {"a": 1}


def _round_trip(
    rt: SimpleNamespace, body: object, cast_to: Any, reply: object, *, strict: bool = False
) -> tuple[Any, Any]:
    """What a client of `rt` sends for `body`, and what it makes of `reply`."""
    script = Script(json_response(200, reply))
    client = rt.base.SyncAPIClient(
        base_url=BASE_URL,
        http_client=httpx.Client(transport=httpx.MockTransport(script)),
        max_retries=0,
        strict_response_validation=strict,
    )
    result = client.request("POST", "/pets", cast_to=cast_to, json_body=body)
    return json.loads(script.requests[0].content), result


def test_dataclasses_go_by_wire_names_without_their_none_fields(
    packages: dict[str, SimpleNamespace],
) -> None:
    rt = packages["dataclasses"]

    @rt.models.wire_names({"pet_type": "petType"})
    @dataclasses.dataclass
    class Pet:
        name: str
        pet_type: str | None = None
        nickname: str | None = None

    sent, parsed = _round_trip(
        rt, Pet("Rex", "dog"), Pet, {"name": "Tom", "petType": "cat", "nickname": None}
    )
    assert sent == {"name": "Rex", "petType": "dog"}
    assert parsed == Pet("Tom", "cat")
    assert rt.models.dump_model(Pet) is None  # the class itself is no instance


def test_msgspec_structs_are_decoded_and_sent_by_msgspec(
    packages: dict[str, SimpleNamespace],
) -> None:
    rt = packages["msgspec"]

    class Pet(msgspec.Struct, rename={"pet_type": "petType"}):
        name: str
        pet_type: str | msgspec.UnsetType = msgspec.UNSET
        nickname: str | msgspec.UnsetType | None = msgspec.UNSET

    sent, parsed = _round_trip(
        rt, Pet("Rex", nickname=None), Pet, {"name": "Tom", "petType": "cat"}
    )
    assert sent == {"name": "Rex", "nickname": None}  # UNSET is left out, None is sent
    assert parsed == Pet("Tom", "cat")
    with pytest.raises(rt.exc.APIResponseValidationError) as info:
        _round_trip(rt, {}, Pet, {"petType": "cat"}, strict=True)
    assert isinstance(info.value.__cause__, msgspec.ValidationError)


def test_typeddicts_are_plain_dicts_keeping_unknown_keys(
    packages: dict[str, SimpleNamespace],
) -> None:
    rt = packages["typeddict"]

    class Pet(TypedDict):
        name: str

    rt.models.keep_unknown_keys(Pet)
    sent, parsed = _round_trip(rt, {"name": "Rex"}, Pet, {"name": "Tom", "legs": 4})
    assert sent == {"name": "Rex"}
    assert parsed == {"name": "Tom", "legs": 4} and type(parsed) is dict


def test_pydantic_models_keep_unknown_fields_and_are_sent_as_set(
    packages: dict[str, SimpleNamespace],
) -> None:
    rt = packages["pydantic"]

    class Pet(rt.models.BaseModel):  # type: ignore[name-defined,misc]
        name: str
        pet_type: str | None = pydantic.Field(default=None, alias="petType")

    sent, parsed = _round_trip(rt, Pet(name="Rex"), Pet, {"name": "Tom", "legs": 4})
    assert sent == {"name": "Rex"}  # fields never set are not sent
    assert (parsed.name, parsed.model_extra) == ("Tom", {"legs": 4})
    with pytest.raises(rt.exc.APIResponseValidationError) as info:
        _round_trip(rt, {}, Pet, {"petType": "cat"}, strict=True)
    assert isinstance(info.value.__cause__, pydantic.ValidationError)


def test_pydantic_open_enums_validate_as_members_beside_their_literal(
    packages: dict[str, SimpleNamespace],
) -> None:
    rt = packages["pydantic"]

    class Side(rt.models.OpenStrEnum):  # type: ignore[name-defined,misc]
        BUY = "BUY"
        SELL = "SELL"

    class Level(rt.models.OpenIntEnum):  # type: ignore[name-defined,misc]
        VALUE_1 = 1

    adapter = pydantic.TypeAdapter(Literal["BUY", "SELL"] | Side)
    assert type(adapter.validate_json('"BUY"')) is str  # the wire's value: the Literal's
    assert adapter.validate_python(Side.SELL) == "SELL"
    new = Side("HOLD")  # a value the SDK does not list, made a member to send it
    assert adapter.validate_python(new) is new
    assert adapter.dump_python(new, mode="json") == "HOLD"
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_json('"HOLD"')  # from the wire: no member, and not in the Literal
    only = pydantic.TypeAdapter(Side)  # alone, the enum makes its listed values members
    assert only.validate_python("BUY") is Side.BUY and only.validate_json('"SELL"') is Side.SELL
    with pytest.raises(pydantic.ValidationError):
        only.validate_json('"HOLD"')
    assert only.json_schema() == {"enum": ["BUY", "SELL"], "type": "string"}
    assert pydantic.TypeAdapter(Level).json_schema() == {"const": 1, "type": "integer"}
    assert pydantic.TypeAdapter(Level).dump_python(Level(7), mode="json") == 7


def test_pydantic_models_of_makes_dicts_by_python_name_the_models(
    packages: dict[str, SimpleNamespace],
) -> None:
    rt = packages["pydantic"]

    class Leg(rt.models.BaseModel):  # type: ignore[name-defined,misc]
        leg_id: str = pydantic.Field(alias="legId")
        note: str | None = None

    built = rt.models.models_of([{"leg_id": "a"}, Leg(legId="b", note=None)], list[Leg])
    assert [leg.model_dump(by_alias=True, exclude_unset=True) for leg in built] == [
        {"legId": "a"},
        {"legId": "b", "note": None},
    ]
    assert rt.models.models_of(None, Leg) is None
    not_given = object()  # NOT_GIVEN, for an optional body left out
    assert rt.models.models_of(not_given, Leg) is not_given
    with pytest.raises(pydantic.ValidationError):
        rt.models.models_of({"leg_id": 5}, Leg)
