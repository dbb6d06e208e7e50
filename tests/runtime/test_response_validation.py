"""Responses that break their declared type (issue 13, point 4): by default the data is
returned, built leniently (nested parts that fit are real models, the rest is kept as the
server sent it), with one WARNING on the SDK's logger naming the type and each failing field,
what was expected and what came; `strict_response_validation=True` raises
`APIResponseValidationError` whose message lists the same. For every model type."""

from __future__ import annotations

import asyncio
import dataclasses
import importlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NotRequired

import httpx
import msgspec
import pydantic
import pytest
from runtime_support import (
    BASE_URL,
    Recorder,
    assemble,
    forget,
    json_response,
    make_async_client,
    make_client,
)
from typing_extensions import TypedDict

# A directory listing as a real notebook server sends it, against a schema that says
# `content`, `mimetype` and `format` are required strings.
LISTING = {
    "name": "docs",
    "content": [{"name": "a.txt"}, {"name": "b.txt"}],
    "mimetype": None,
    "owner": {"id": 7},
    "children": [{"id": 1}, {"id": "two"}],
    "x-extra": True,
}
FAILING = ("content", "mimetype", "format", "children[1].id")


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def _names_every_failure(text: str, model: str = "Contents") -> None:
    assert f"`{model}` in 4 places:" in text, text
    for line in (
        "content: expected str, got an array: " + '[{"name": "a.txt"}, {"name": "b.txt"}]',
        "mimetype: expected str, got null",
        "format: expected str, got nothing (the field is missing)",
        'children[1].id: expected int, got a string: "two"',
    ):
        assert line in text, text
    assert "owner" not in text and "children[0]" not in text, text  # what fits is not named


@pytest.fixture(scope="module")
def models(rt: SimpleNamespace) -> SimpleNamespace:
    class Owner(rt.models.BaseModel):  # type: ignore[name-defined,misc]
        id: int

    class Contents(rt.models.BaseModel):  # type: ignore[name-defined,misc]
        name: str
        content: str
        mimetype: str
        format: str
        owner: Owner | None = None
        children: list[Owner] = pydantic.Field(default_factory=list)

    return SimpleNamespace(Owner=Owner, Contents=Contents)


# --- pydantic models (the templates' and datamodel-code-generator's) ------------------------


def test_by_default_the_data_is_kept_and_one_warning_names_each_failing_field(
    rt: SimpleNamespace, models: SimpleNamespace, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(rt, Recorder(json_response(200, LISTING)))
    with caplog.at_level(logging.WARNING, logger=rt.package):
        contents = client.request("GET", "/contents/docs", cast_to=models.Contents)
    # The server's values, as they came; what fits is a model.
    assert contents.content == LISTING["content"]
    assert contents.mimetype is None
    assert contents.format is None  # required but missing: None, not an AttributeError
    assert contents.owner == models.Owner(id=7)
    assert contents.children == [models.Owner(id=1), models.Owner.model_construct(id="two")]
    assert contents.model_extra == {"x-extra": True}
    assert "format" not in contents.model_fields_set  # it was not sent
    [warning] = _warnings(caplog)
    _names_every_failure(warning)
    assert "GET https://api.example.test/api/contents/docs -> 200" in warning
    assert "strict_response_validation=True" in warning


def test_strict_raises_naming_each_failing_field(
    rt: SimpleNamespace, models: SimpleNamespace, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(rt, Recorder(json_response(200, LISTING)), strict_response_validation=True)
    with caplog.at_level(logging.WARNING), pytest.raises(rt.exc.APIResponseValidationError) as info:
        client.request("GET", "/contents/docs", cast_to=models.Contents)
    _names_every_failure(str(info.value))
    assert info.value.body == LISTING
    # pydantic's own error is titled by the type, not by the models' wrap validator.
    assert isinstance(info.value.__cause__, pydantic.ValidationError)
    assert info.value.__cause__.title == "Contents"
    assert "function-wrap" not in str(info.value.__cause__)
    assert _warnings(caplog) == []


def test_a_valid_response_is_validated_and_not_reported(
    rt: SimpleNamespace, models: SimpleNamespace, caplog: pytest.LogCaptureFixture
) -> None:
    body = {"name": "a", "content": "x", "mimetype": "text/plain", "format": "text"}
    client = make_client(rt, Recorder(json_response(200, body)))
    with caplog.at_level(logging.DEBUG, logger=rt.package):
        contents = client.request("GET", "/contents/a", cast_to=models.Contents)
    assert contents == models.Contents.model_validate(body)
    assert _warnings(caplog) == []


def test_items_of_a_list_failing_alike_are_said_once(
    rt: SimpleNamespace, models: SimpleNamespace
) -> None:
    body = [{"name": f"n{index}", "content": "c", "format": "f"} for index in range(30)]
    client = make_client(rt, Recorder(json_response(200, body)), strict_response_validation=True)
    with pytest.raises(rt.exc.APIResponseValidationError) as info:
        client.request("GET", "/contents", cast_to=list[models.Contents])
    message = str(info.value)
    assert "`list[Contents]` in 1 place:" in message
    assert "[0].mimetype: expected str, got nothing" in message
    assert "(also in 29 more items)" in message
    assert message.count("\n") == 1


def test_the_query_string_is_left_out_of_the_report(
    rt: SimpleNamespace, models: SimpleNamespace, caplog: pytest.LogCaptureFixture
) -> None:
    """A query may carry an API key: the WARNING names the path only."""
    client = make_client(rt, Recorder(json_response(200, LISTING)))
    with caplog.at_level(logging.WARNING, logger=rt.package):
        client.request("GET", "/contents", params={"key": "s3cret"}, cast_to=models.Contents)
    [warning] = _warnings(caplog)
    assert "s3cret" not in warning and "/contents -> 200" in warning


@pytest.mark.parametrize("strict", [False, True])
def test_a_body_that_is_no_json_raises_in_both_modes(
    rt: SimpleNamespace, models: SimpleNamespace, strict: bool
) -> None:
    recorder = Recorder(httpx.Response(200, text="<html>"))
    client = make_client(rt, recorder, strict_response_validation=strict)
    with pytest.raises(rt.exc.APIResponseValidationError) as info:
        client.request("GET", "/contents", cast_to=models.Contents)
    assert info.value.body == "<html>"


def test_a_scalar_where_a_model_belongs_is_kept(
    rt: SimpleNamespace, models: SimpleNamespace, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(rt, Recorder(json_response(200, ["not", "a", "model"])))
    with caplog.at_level(logging.WARNING, logger=rt.package):
        kept = client.request("GET", "/contents", cast_to=models.Contents | None)
    assert kept == ["not", "a", "model"]
    [warning] = _warnings(caplog)
    assert '(the body): expected Contents | None, got an array: ["not", "a", "model"]' in warning


def test_a_union_takes_the_variant_that_keeps_most(rt: SimpleNamespace) -> None:
    class Cat(rt.models.BaseModel):  # type: ignore[name-defined,misc]
        meows: bool
        name: str

    class Dog(rt.models.BaseModel):  # type: ignore[name-defined,misc]
        barks: bool
        name: str

    client = make_client(rt, Recorder(json_response(200, {"barks": True, "name": 3})))
    pet = client.request("GET", "/pet", cast_to=Cat | Dog)
    assert type(pet) is Dog
    assert (pet.barks, pet.name) == (True, 3)


def test_raw_responses_parse_as_the_client_validates(
    rt: SimpleNamespace, models: SimpleNamespace, caplog: pytest.LogCaptureFixture
) -> None:
    raw_mode = rt.response.to_raw_response_wrapper

    def fetch(client: Any) -> Any:
        return raw_mode(client.request)("GET", "/contents", cast_to=models.Contents)

    lenient = make_client(rt, Recorder(json_response(200, LISTING)))
    with caplog.at_level(logging.WARNING, logger=rt.package):
        assert fetch(lenient).parse().mimetype is None
    assert len(_warnings(caplog)) == 1
    strict = make_client(rt, Recorder(json_response(200, LISTING)), strict_response_validation=True)
    with pytest.raises(rt.exc.APIResponseValidationError):
        fetch(strict).parse()


def test_the_async_client_validates_alike(
    rt: SimpleNamespace, models: SimpleNamespace, caplog: pytest.LogCaptureFixture
) -> None:
    async def main() -> Any:
        lenient = make_async_client(rt, Recorder(json_response(200, LISTING)))
        kept = await lenient.request("GET", "/contents", cast_to=models.Contents)
        strict = make_async_client(
            rt, Recorder(json_response(200, LISTING)), strict_response_validation=True
        )
        with pytest.raises(rt.exc.APIResponseValidationError) as info:
            await strict.request("GET", "/contents", cast_to=models.Contents)
        return kept, str(info.value)

    with caplog.at_level(logging.WARNING, logger=rt.package):
        kept, message = asyncio.run(main())
    assert kept.content == LISTING["content"]
    _names_every_failure(message)
    [warning] = _warnings(caplog)
    _names_every_failure(warning)


# --- The other model types ---------------------------------------------------------------
# (Module-level classes: their annotations, strings here, are resolved in this module.)


@dataclasses.dataclass
class DataOwner:
    id: int


@dataclasses.dataclass
class DataContents:
    name: str
    content: str
    mimetype: str
    format: str
    owner: DataOwner | None = None
    children: list[DataOwner] = dataclasses.field(default_factory=list)


class StructOwner(msgspec.Struct):
    id: int


class StructContents(msgspec.Struct):
    name: str
    content: str
    mimetype: str
    format: str
    owner: StructOwner | None = None
    children: list[StructOwner] = msgspec.field(default_factory=list)


class DictOwner(TypedDict):
    id: int


class DictContents(TypedDict):
    name: str
    content: str
    mimetype: str
    format: str
    owner: NotRequired[DictOwner | None]
    children: NotRequired[list[DictOwner]]


@pytest.fixture(scope="module")
def packages() -> Iterator[dict[str, SimpleNamespace]]:
    kinds = ("dataclasses", "msgspec", "typeddict")
    built = {kind: assemble(f"rtvalid_{kind}", model_type=kind) for kind in kinds}
    yield built
    for kind in kinds:
        forget(f"rtvalid_{kind}")


def _client(rt: SimpleNamespace, body: object, strict: bool) -> Any:
    return rt.base.SyncAPIClient(
        base_url=BASE_URL,
        http_client=httpx.Client(transport=httpx.MockTransport(Recorder(json_response(200, body)))),
        max_retries=0,
        strict_response_validation=strict,
    )


def _both_modes(
    rt: SimpleNamespace, cast_to: Any, caplog: pytest.LogCaptureFixture
) -> tuple[Any, str]:
    """What the lenient client returns (after checking its one WARNING), and the message of
    the strict client's error; both must name every failing field."""
    with caplog.at_level(logging.WARNING, logger=rt.package):
        kept = _client(rt, LISTING, strict=False).request("GET", "/c", cast_to=cast_to)
    [warning] = _warnings(caplog)
    _names_every_failure(warning, cast_to.__name__)
    with pytest.raises(rt.exc.APIResponseValidationError) as info:
        _client(rt, LISTING, strict=True).request("GET", "/c", cast_to=cast_to)
    _names_every_failure(str(info.value), cast_to.__name__)
    return kept, warning


def test_dataclasses_are_built_with_the_servers_values(
    packages: dict[str, SimpleNamespace], caplog: pytest.LogCaptureFixture
) -> None:
    rt = packages["dataclasses"]
    kept, _ = _both_modes(rt, DataContents, caplog)
    assert kept == DataContents(
        "docs",
        LISTING["content"],  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        DataOwner(7),
        [DataOwner(1), DataOwner("two")],  # type: ignore[arg-type]
    )


@dataclasses.dataclass
class WirePet:
    name: str
    pet_type: str


def test_dataclasses_go_by_wire_names(
    packages: dict[str, SimpleNamespace], caplog: pytest.LogCaptureFixture
) -> None:
    rt = packages["dataclasses"]
    Pet = rt.models.wire_names({"pet_type": "petType"})(WirePet)
    with caplog.at_level(logging.WARNING, logger=rt.package):
        kept = _client(rt, {"name": None, "petType": "cat"}, False).request(
            "GET", "/p", cast_to=Pet
        )
    assert kept == WirePet(None, "cat")  # type: ignore[arg-type]
    [warning] = _warnings(caplog)
    assert "name: expected str, got null" in warning and "petType" not in warning


def test_msgspec_structs_are_built_with_the_servers_values(
    packages: dict[str, SimpleNamespace], caplog: pytest.LogCaptureFixture
) -> None:
    rt = packages["msgspec"]
    kept, _ = _both_modes(rt, StructContents, caplog)
    assert kept == StructContents(
        "docs",
        LISTING["content"],  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        StructOwner(7),
        [StructOwner(1), StructOwner("two")],  # type: ignore[arg-type]
    )


def test_typeddicts_keep_the_object_as_it_came(
    packages: dict[str, SimpleNamespace], caplog: pytest.LogCaptureFixture
) -> None:
    rt = packages["typeddict"]
    rt.models.keep_unknown_keys(DictContents)
    kept, _ = _both_modes(rt, DictContents, caplog)
    assert kept == LISTING and type(kept) is dict


CYCLE = """\
from __future__ import annotations

from rtpkg._models import BaseModel


class Employee(BaseModel):
    id: int
    manages: Department | None = None


class Department(BaseModel):
    id: int
    name: str
    members: list[Employee]
"""


def test_models_of_a_cycle_are_walked_by_their_resolved_annotations(
    rt: SimpleNamespace, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    """pydantic keeps `Employee.manages` as the forward reference 'Department | None' (the
    class comes later): the walk resolves it rather than failing on it."""
    (tmp_path / "rtcycle.py").write_text(CYCLE)
    sys.path.insert(0, str(tmp_path))
    try:
        module = importlib.import_module("rtcycle")
        body = {
            "id": 1,
            "name": "ops",
            "members": [{"id": 2, "manages": {"id": 3, "name": None, "members": []}}],
        }
        client = make_client(rt, Recorder(json_response(200, body)))
        with caplog.at_level(logging.WARNING, logger=rt.package):
            department = client.request("GET", "/departments/1", cast_to=module.Department)
    finally:
        sys.path.remove(str(tmp_path))
        del sys.modules["rtcycle"]
    [employee] = department.members
    assert type(employee) is module.Employee and type(employee.manages) is module.Department
    assert employee.manages.name is None
    [warning] = _warnings(caplog)
    assert "members[0].manages.name: expected str, got null" in warning, warning
