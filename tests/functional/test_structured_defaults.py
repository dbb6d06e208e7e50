"""Defaults that are lists, mappings, models or dates (issue 14): `[]`, `{}`, `["a"]`,
`{"a": 1}` and date/date-time defaults were dropped, with an info saying they did not match
their type. Now a model's field keeps them: mutable ones through `Field(default_factory=...)`
(no two instances share one), dates as `datetime.date`/`datetime.datetime`; a method's
arguments keep their unset sentinel (the server applies its own default). Only a default that
really does not fit its type is dropped, with the info."""

from __future__ import annotations

import datetime
import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import orders_sdk
import pytest
import small_sdk
from helpers import describe, mypy_strict, run_generated_tests
from sdkwright.diagnostics import Diagnostic

SPEC = """\
openapi: 3.0.3
info: {title: Defaults, version: "1"}
servers: [{url: "https://d.example"}]
components:
  schemas:
    Options:
      type: object
      properties:
        tags: {type: array, items: {type: string}, default: []}
        labels: {type: array, items: {type: string}, default: ["a"]}
        meta: {type: object, default: {}}
        counts: {type: object, additionalProperties: {type: integer}, default: {"a": 1}}
        since: {type: string, format: date, default: "2020-01-31"}
        at: {type: string, format: date-time, default: "2020-01-31T12:30:00Z"}
        at_offset: {type: string, format: date-time, default: "2020-01-31T12:30:00.5+02:00"}
        nested: {type: object, properties: {x: {type: integer, default: 3}}, default: {}}
        bad_date: {type: string, format: date, default: "soon"}
paths:
  /options:
    get:
      operationId: getOptions
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/Options"}}}
    post:
      operationId: setOptions
      requestBody:
        content: {application/json: {schema: {$ref: "#/components/schemas/Options"}}}
      responses: {"204": {description: ok}}
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Diagnostic]]:
    return small_sdk.generate(tmp_path_factory.mktemp("defaults"), SPEC, "defaults", "Defaults")


@pytest.fixture(scope="module")
def defaults(generated: tuple[Path, list[Diagnostic]]) -> Iterator[ModuleType]:
    with orders_sdk.imported(generated[0], "defaults") as module:
        yield module


def test_a_model_has_its_defaults(defaults: ModuleType) -> None:
    options = defaults.types.Options()
    assert options.tags == [] and options.labels == ["a"]
    assert options.meta == {} and options.counts == {"a": 1}
    assert options.since == datetime.date(2020, 1, 31)
    assert options.at == datetime.datetime(2020, 1, 31, 12, 30, tzinfo=datetime.UTC)
    plus_two = datetime.timezone(datetime.timedelta(hours=2))
    assert options.at_offset == datetime.datetime(2020, 1, 31, 12, 30, 0, 500000, tzinfo=plus_two)
    assert isinstance(options.nested, defaults.types.OptionsNested) and options.nested.x == 3
    assert options.bad_date is None


def test_no_two_instances_share_a_mutable_default(defaults: ModuleType) -> None:
    first, second = defaults.types.Options(), defaults.types.Options()
    first.tags.append("x")
    first.labels.append("b")
    first.counts["b"] = 2
    first.nested.x = 4
    assert second.tags == [] and second.labels == ["a"] and second.counts == {"a": 1}
    assert second.nested.x == 3


def test_a_response_without_them_gets_them_and_a_request_does_not_send_them(
    defaults: ModuleType,
) -> None:
    sent, transport = small_sdk.recording(httpx.Response(200, json={}))
    client = defaults.Defaults(http_client=httpx.Client(transport=transport))
    options = client.options.get_options()
    assert options.labels == ["a"] and options.since == datetime.date(2020, 1, 31)
    client.options.set_options(counts={"z": 1})
    assert json.loads(sent[-1].content) == {"counts": {"z": 1}}  # unset arguments stay unsent


def test_method_arguments_keep_their_sentinel(defaults: ModuleType) -> None:
    client = defaults.Defaults()
    parameters = inspect.signature(client.options.set_options).parameters
    assert {name: p.default for name, p in parameters.items() if name in ("tags", "since")} == {
        "tags": defaults.NOT_GIVEN,
        "since": defaults.NOT_GIVEN,
    }


def test_only_the_default_that_does_not_fit_is_reported(
    generated: tuple[Path, list[Diagnostic]],
) -> None:
    found = [d for d in generated[1] if d.code == "schema.default"]
    assert [d.location.pointer for d in found if d.location] == [
        "/components/schemas/Options/properties/bad_date"
    ]


def test_the_sdk_type_checks_and_its_tests_pass(generated: tuple[Path, list[Diagnostic]]) -> None:
    checked = mypy_strict(generated[0], "defaults")
    assert checked.returncode == 0, describe(checked)
    result = run_generated_tests(generated[0])
    assert result.returncode == 0 and " passed" in result.stdout, describe(result)
