"""3.1 `const` as a whole response schema (issue 14): a number, a string, an object, a
literal in a union or behind a component. The call returns the value, and the SDK passes
mypy --strict: `cast(type[Literal[2]], ...)` gave `valid-type` errors, mypy taking no
`type[...]` of a literal."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import orders_sdk
import pytest
import small_sdk
from helpers import describe, mypy_strict, run_generated_tests


def _get(path: str, schema: str) -> str:
    name = path.strip("/").capitalize()
    return f"""\
  {path}:
    get:
      operationId: get{name}
      responses:
        "200": {{description: x, content: {{application/json: {{schema: {schema}}}}}}}
"""


SPEC = (
    'openapi: 3.1.0\ninfo: {title: Consts, version: "1"}\nservers: [{url: https://c.example}]\n'
    "paths:\n"
    + _get("/two", "{const: 2}")
    + _get("/word", '{const: "ok"}')
    + _get("/flag", "{const: true, description: always}")
    + _get("/object", "{const: {a: 1}}")
    + _get("/either", '{oneOf: [{const: "a"}, {type: integer}]}')
    + _get("/maybe", '{type: [string, "null"], const: "x"}')
    + _get("/named", '{$ref: "#/components/schemas/Two"}')
    + "components:\n  schemas:\n    Two: {const: 2, title: Two}\n"
)
# method -> the value the server answers and the call returns
CASES: dict[str, Any] = {
    "two": 2,
    "word": "ok",
    "flag": True,
    "object": {"a": 1},
    "either": "a",
    "maybe": "x",
    "named": 2,
}


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_sdk.generate(tmp_path_factory.mktemp("consts"), SPEC, "consts", "Consts")[0]


@pytest.fixture(scope="module")
def consts(sdk: Path) -> Iterator[ModuleType]:
    with orders_sdk.imported(sdk, "consts") as module:
        yield module


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_call_returns_the_constant(consts: ModuleType, name: str) -> None:
    value = CASES[name]
    _, transport = small_sdk.recording(httpx.Response(200, json=value))
    client = consts.Consts(http_client=httpx.Client(transport=transport))
    result = getattr(getattr(client, name), f"get_{name}")()
    assert result == value and type(result) is type(value)

    async def main() -> Any:
        http = httpx.AsyncClient(transport=small_sdk.recording(httpx.Response(200, json=value))[1])
        return await getattr(getattr(consts.AsyncConsts(http_client=http), name), f"get_{name}")()

    assert asyncio.run(main()) == value


def test_a_strict_client_refuses_another_value(consts: ModuleType) -> None:
    _, transport = small_sdk.recording(httpx.Response(200, json=3))
    client = consts.Consts(
        http_client=httpx.Client(transport=transport), strict_response_validation=True
    )
    with pytest.raises(consts.APIResponseValidationError):
        client.two.get_two()


def test_the_sdk_type_checks_and_its_tests_pass(sdk: Path) -> None:
    checked = mypy_strict(sdk, "consts")
    assert checked.returncode == 0, describe(checked)
    result = run_generated_tests(sdk)
    assert result.returncode == 0 and " passed" in result.stdout, describe(result)


def test_an_enum_response_type_checks_where_enums_are_literals(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The TypedDict model type writes an enum as a `Literal[...]` alias: its response is
    cast the same way (it gave an arg-type error)."""
    spec = (
        SPEC.split("paths:")[0] + "paths:\n" + _get("/health", "{type: string, enum: [up, down]}")
    )
    folder = tmp_path_factory.mktemp("enum-typeddict")
    options = (("output_model_type", "typeddict"),)
    sdk, _ = small_sdk.generate(
        folder, spec, "states", "States", "datamodel-code-generator", options
    )
    checked = mypy_strict(sdk, "states")
    assert checked.returncode == 0, describe(checked)
    with orders_sdk.imported(sdk, "states") as module:
        _, transport = small_sdk.recording(httpx.Response(200, json="down"))
        client = module.States(http_client=httpx.Client(transport=transport))
        assert client.health.get_health() == "down"
