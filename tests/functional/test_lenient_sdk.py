"""`sdkwright generate --lenient` (issue 13 point 11) on a spec that holds every kind of
error lenient mode knows: the SDK is generated, imports, passes `mypy --strict` and its own
tests, and each error got one located warning. Without --lenient the spec is refused and the
errors' hints name the flag; `lenient: true` on a target of sdkwright.yaml does the same as
the flag, and the manifest records it (a later run without it regenerates)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from helpers import describe, mypy_strict, run, run_generated_tests, sdkwright

pytestmark = pytest.mark.slow

EVERY_KIND = """\
openapi: 3.0.3
info: {title: Shelter, version: "1"}
host: api.shelter.example
basePath: /v1
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      default:
        description: an error
      responses:
        '200':
          description: the pet
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
  /pets:
    get:
      operationId: getPet
      parameters:
        - name: species
          in: query
        - name: limit
          in: query
          schema: {type: integer}
          examples: [10, 20]
        - name: broken
          in: body
          schema: {type: string}
      responses:
        '200':
          description: the pets
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
        '404': no such pets
  /owners/{ownerId}:
    parameters:
      - {name: ownerId, in: path, schema: {type: string}}
    get:
      operationId: getOwner
      responses:
        $ref: 'owners.yaml#/responses'
components:
  schemas:
    Pet:
      type: object
      examples: [{name: Rex}]
      properties:
        description: 'A pet of the shelter'
        type: string
        name: {type: string, required: true}
        photo: {type: file}
        tags: {type: array, items: string}
"""
# In a file of its own: a $ref inside an `x-` extension is data, never followed.
OWNERS = """\
responses:
  '200':
    description: the owner
    content:
      application/json:
        schema:
          type: object
          properties:
            $ref: '#/fields'
fields:
  name: {type: string}
  pets: {type: array, items: integer}
"""
KINDS = {
    "lenient.openapi3-host",
    "lenient.stray-response",
    "lenient.undeclared-path-parameter",
    "lenient.duplicate-operation-id",
    "lenient.parameter-without-type",
    "lenient.examples-list",
    "lenient.optional-path-parameter",
    "lenient.map-by-reference",
    "lenient.not-a-schema",
    "lenient.file-type",
    "lenient.skipped",
    "lenient.required-flag",
    "lenient.response-description",
    # Not a repair: the spec declares no security scheme, so its client takes no credential.
    "security.none",
}

IMPORT_AND_CALL = """\
import httpx, shelter
def answer(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/v1/pets/7":
        return httpx.Response(200, json={"name": "Rex", "tags": ["a"]})
    if request.url.path == "/v1/owners/ann":
        return httpx.Response(200, json={"name": "Ann", "pets": [7]})
    return httpx.Response(200, json=[{"name": "Rex"}])
client = shelter.Shelter(http_client=httpx.Client(transport=httpx.MockTransport(answer)))
print(client.pets.get_pet(pet_id="7").name, client.owners.get_owner(owner_id="ann").pets)
print(client.base_url)
"""


def diagnostics(output: str) -> list[dict[str, object]]:
    found: list[dict[str, object]] = json.loads(output)
    return found


def test_every_kind_of_error_is_repaired_or_skipped(tmp_path: Path) -> None:
    spec = tmp_path / "shelter.yaml"
    spec.write_text(EVERY_KIND)
    (tmp_path / "owners.yaml").write_text(OWNERS)
    sdk = tmp_path / "sdk"
    refused = sdkwright("generate", spec, "-o", sdk, "--format", "json", cwd=tmp_path)
    assert refused.returncode == 1 and not sdk.exists(), describe(refused)
    errors = [d for d in diagnostics(refused.stdout) if d["level"] == "error"]
    assert errors and all("--lenient" in str(d["hint"]) for d in errors), errors

    result = sdkwright("generate", spec, "-o", sdk, "--lenient", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, describe(result)
    found = diagnostics(result.stdout)
    assert {d["code"] for d in found} == KINDS
    assert all(d["level"] == "warning" and d["line"] and d["pointer"] for d in found), found

    checked = mypy_strict(sdk, "shelter")
    assert checked.returncode == 0, describe(checked)
    called = run([sys.executable, "-c", IMPORT_AND_CALL], sdk)
    assert called.returncode == 0, describe(called)
    assert called.stdout.splitlines()[0] == "Rex [7]"
    assert "https://api.shelter.example/v1" in called.stdout
    tests = run_generated_tests(sdk)
    assert tests.returncode == 0, describe(tests)

    # The manifest records the mode, and a plain check keeps it; --no-lenient is drift.
    again = sdkwright("check", spec, "-o", sdk, cwd=tmp_path)
    assert again.returncode == 0, describe(again)
    same = sdkwright("check", spec, "-o", sdk, "--lenient", cwd=tmp_path)
    assert same.returncode == 0, describe(same)
    strict = sdkwright("check", spec, "-o", sdk, "--no-lenient", cwd=tmp_path)
    assert strict.returncode != 0, describe(strict)


def test_lenient_on_a_target_of_the_config(tmp_path: Path) -> None:
    (tmp_path / "shelter.yaml").write_text(EVERY_KIND)
    (tmp_path / "owners.yaml").write_text(OWNERS)
    config = "targets:\n  - {name: shelter, spec: shelter.yaml, output: sdk, package: shelter, lenient: %s}\n"
    (tmp_path / "sdkwright.yaml").write_text(config % "true")
    result = sdkwright("generate", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, describe(result)
    assert {d["code"] for d in diagnostics(result.stdout)} == KINDS
    checked = sdkwright("check", cwd=tmp_path)
    assert checked.returncode == 0, describe(checked)

    (tmp_path / "sdkwright.yaml").write_text(config % "'yes'")
    refused = sdkwright("generate", cwd=tmp_path)
    assert refused.returncode != 0
    assert (
        "sdkwright.yaml:2:" in refused.stderr
        and "'lenient' must be true or false" in refused.stderr
    )
