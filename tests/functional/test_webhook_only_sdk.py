"""A webhook-only spec (3.1 allows a spec without paths; issue 14): its SDK had no tests, so
pytest on it exited 5 ("no tests ran"). Every payload the API sends (webhooks, and callbacks
of operations) now gets a test that parses its documented example, or an instance synthesised
from its type, into the type, as a response is, and dumps it back unchanged; for every model
type. The SDK's pytest exits 0 with one passing test per payload. (The union here is one
msgspec can decode: msgspec refuses a union of untagged structs, in responses as well.)"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import orders_sdk
import pytest
import small_sdk
from helpers import describe, mypy_strict, run, run_generated_tests

SPEC = """\
openapi: 3.1.0
info: {title: Hooks, version: "1"}
webhooks:
  newPet:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Pet"}
            example: {id: 7, name: Rex, born: "2020-01-31"}
      responses: {"200": {description: ok}}
    put:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Pet"}
            example: {id: "not a number"}
      responses: {"200": {description: ok}}
  event:
    post:
      requestBody:
        content:
          application/json:
            schema:
              oneOf:
                - {$ref: "#/components/schemas/Pet"}
                - {type: string}
      responses: {"200": {description: ok}}
  status:
    post:
      requestBody:
        content: {application/json: {schema: {type: string, enum: [up, down]}}}
      responses: {"200": {description: ok}}
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: {type: integer}
        name: {type: string}
        born: {type: string, format: date}
"""
PAYLOAD_TESTS = "tests/test_webhook_payloads.py"
FLAVOURS = {
    "pydantic": ("httpx", ()),
    "requests": ("requests", ()),
    "typeddict": ("datamodel-code-generator", (("output_model_type", "typeddict"),)),
    "msgspec": ("datamodel-code-generator", (("output_model_type", "msgspec"),)),
}


@pytest.fixture(scope="module", params=sorted(FLAVOURS))
def sdk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    flavour, options = FLAVOURS[request.param]
    folder = tmp_path_factory.mktemp(f"hooks-{request.param}")
    return small_sdk.generate(folder, SPEC, "hooks", "Hooks", flavour, options)[0]


@pytest.fixture(scope="module")
def payload_tests(sdk: Path) -> Iterator[ModuleType]:
    with orders_sdk.imported(sdk, "tests.test_webhook_payloads") as module:
        yield module


def test_pytest_passes_with_a_test_per_payload(sdk: Path) -> None:
    result = run_generated_tests(sdk)
    assert result.returncode == 0, describe(result)
    payloads = run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", PAYLOAD_TESTS], sdk
    )
    assert re.search(r"\b4 passed\b", payloads.stdout), describe(payloads)


def test_a_fitting_documented_example_is_used_and_others_synthesised(
    payload_tests: ModuleType,
) -> None:
    classes = {name: cls for name, cls in vars(payload_tests).items() if name.startswith("Test")}
    assert sorted(classes) == [
        "TestEventWebhookPost",
        "TestNewPetWebhookPost",
        "TestNewPetWebhookPut",
        "TestStatusWebhookPost",
    ]
    assert classes["TestNewPetWebhookPost"].payload == {
        "id": 7,
        "name": "Rex",
        "born": "2020-01-31",
    }
    put = classes["TestNewPetWebhookPut"]
    assert put.payload != {"id": "not a number"} and isinstance(put.payload["id"], int)
    assert "synthesised" in (put.__doc__ or "")
    assert classes["TestStatusWebhookPost"].payload in ("up", "down")


def test_the_sdk_type_checks(sdk: Path) -> None:
    checked = mypy_strict(sdk, "hooks")
    assert checked.returncode == 0, describe(checked)
