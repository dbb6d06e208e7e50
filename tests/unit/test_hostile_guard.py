"""The guard: hostile values anywhere in a spec (bytes, sets, dates, huge integers, lone
surrogates, NUL, alias loops, deep nesting, references to NUL, loops, pipes, folders,
outside files, ...) reach the loader, the resolver and the validator (quick and full), and
what comes back is always located diagnostics: never an exception, never a hang."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sdkwright.diagnostics import Diagnostic, GenerationFailed, has_errors
from sdkwright.spec.resolve import load_spec
from sdkwright.spec.validate import validate

BASE = """\
openapi: 3.1.0
info: {title: @TITLE, version: "1", x-extra: @EXTRA}
paths:
  /items/{id}:
    get:
      operationId: @OPERATION
      parameters:
        - {name: id, in: path, required: true, schema: @PARAMETER}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Item"}
              example: @EXAMPLE
components:
  schemas:
    Item:
      type: object
      required: [id]
      properties:
        id: @PROPERTY
        tags: {type: array, items: @ITEMS}
        @KEY: {type: string, default: @DEFAULT, enum: [@ENUM]}
    Money: {$anchor: money, type: integer}
"""
BENIGN = {
    "@TITLE": "Items",
    "@EXTRA": "{a: 1}",
    "@OPERATION": "getItem",
    "@PARAMETER": "{type: string}",
    "@EXAMPLE": "{id: a}",
    "@PROPERTY": "{type: string}",
    "@ITEMS": "{type: string}",
    "@KEY": "name",
    "@DEFAULT": "a",
    "@ENUM": "a",
}
SLOTS = sorted(BENIGN)

HOSTILE_REFS = [
    "%00",
    "x%00.yaml#/a",
    "#/components/%00",
    "loop1.yaml#/a",
    "pipe.yaml#/a",
    "folder#/a",
    "folder/../../outside.yaml",
    "/etc/passwd",
    "file:///etc/passwd",
    "http://127.0.0.1:9/x.yaml",
    "#money",
    "#nobody",
    "#not a name",
    "#",
    "",
    "#/components/schemas/Item/properties/id/$ref",
    "#/components/schemas/Item/properties",
    "#/paths/~1items~1{id}/get/responses/200/content/application~1json/example",
]
HOSTILE_YAML = [
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!timestamp 2001-12-14t21:59:43.10-05:00",
    "!!omap [{a: 1}, {b: 2}]",
    "!!pairs [{a: 1}, {a: 2}]",
    "!!python/object/apply:os.system ['touch /tmp/sdkwright-canary']",
    "!custom thing",
    "9" * 5000,
    "-" + "9" * 1001,
    "0x" + "f" * 2000,
    "!!int '" + "1" * 4400 + "'",
    "1e999",
    ".nan",
    "-.inf",
    '"\\0"',
    '"a\\x00b"',
    '"\\ud800"',
    '"\\u202e\\u2066"',
    "&loop [*loop]",
    "&cycle {k: *cycle}",
    "*nowhere",
    "[" * 250 + "]" * 250,
    "{a: " * 120 + "1" + "}" * 120,
    "x" * 300,
    "''",
    "~",
    "{}",
    "[]",
    "{$ref: 7}",
    "{$ref: [1]}",
    "{$ref: {a: 1}}",
    *(f"{{$ref: '{ref}'}}" for ref in HOSTILE_REFS),
]
HOSTILE_JSON = [
    "9" * 5000,
    "-" + "9" * 1001,
    "1e999",
    "NaN",
    "-Infinity",
    '"\\ud800"',
    '"\\udfff\\ud800"',
    '"\\u0000"',
    "[" * 5000 + "]" * 5000,
    *(f'{{"$ref": "{ref}"}}' for ref in [*HOSTILE_REFS, "\\u0000", "#/\\ud800"]),
]
UNPARSED = {"load.json-syntax", "load.yaml-syntax", "load.encoding"}
CODE = re.compile(r"[a-z]+(\.[a-z0-9-]+)+")


def prepare(folder: Path) -> None:
    """The neighbours hostile references name: a symlink loop, a pipe, a folder."""
    (folder / "loop1.yaml").symlink_to(folder / "loop2.yaml")
    (folder / "loop2.yaml").symlink_to(folder / "loop1.yaml")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.yaml")
    (folder / "folder").mkdir()
    (folder.parent / "outside.yaml").write_text("a: 1\n")


def yaml_spec(values: dict[str, str]) -> str:
    text = BASE
    for slot in SLOTS:
        text = text.replace(slot, values.get(slot, BENIGN[slot]))
    return text


def json_spec(example: str, schema: str) -> str:
    media = {"schema": "@SCHEMA", "example": "@EXAMPLE"}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "responses": {
                        "200": {"description": "ok", "content": {"application/json": media}}
                    }
                }
            }
        },
    }
    text = json.dumps(spec)
    return text.replace('"@SCHEMA"', schema).replace('"@EXAMPLE"', example)


def assert_located(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        where = diagnostic.location
        assert where is not None and where.file, diagnostic
        assert where.line >= 1 and where.column >= 1, diagnostic
        # Text that does not parse has no pointer yet; everything else has one.
        assert where.pointer.startswith("/") or diagnostic.code in UNPARSED, diagnostic
        assert CODE.fullmatch(diagnostic.code), diagnostic
        assert diagnostic.message and diagnostic.next_step, diagnostic


def check(text: str, suffix: str = ".yaml") -> list[Diagnostic]:
    """Load, resolve and validate `text`; every outcome a located diagnostic."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "spec"
        folder.mkdir()
        prepare(folder)
        spec = folder / f"openapi{suffix}"
        spec.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            specs, diagnostics = load_spec(spec)
        except GenerationFailed as failure:
            assert failure.diagnostics
            assert_located(failure.diagnostics)
            return failure.diagnostics
        assert_located(diagnostics)
        refs_ok = not has_errors(diagnostics)
        for full in (False, True):
            found = validate(specs, full=full, refs_ok=refs_ok)
            assert_located(found)
        return diagnostics + found


def test_the_base_spec_is_valid() -> None:
    assert check(yaml_spec({})) == []
    assert check(json_spec('{"a": 1}', '{"type": "object"}'), ".json") == []


@pytest.mark.parametrize("value", HOSTILE_YAML)
@pytest.mark.parametrize("slot", ["@EXAMPLE", "@PROPERTY", "@KEY"])
def test_each_hostile_yaml_value(slot: str, value: str) -> None:
    check(yaml_spec({slot: value}))


@pytest.mark.parametrize("value", HOSTILE_JSON)
def test_each_hostile_json_value(value: str) -> None:
    check(json_spec(value, '{"type": "object"}'), ".json")
    check(json_spec('{"a": 1}', value), ".json")


@settings(
    max_examples=120,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.dictionaries(st.sampled_from(SLOTS), st.sampled_from(HOSTILE_YAML), max_size=4))
def test_hostile_values_in_any_slots(values: dict[str, str]) -> None:
    check(yaml_spec(values))


def test_the_canary_of_python_tags_never_appears() -> None:
    check(yaml_spec({"@EXAMPLE": HOSTILE_YAML[5]}))
    assert not Path("/tmp/sdkwright-canary").exists()
