"""$refs in hostile and unusual places: NUL bytes, symlink loops, pipes and folders as
targets, very long chains, `$anchor` names, and `$ref`s inside data (left alone)."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
from hostile_specs import ref_chain
from sdkwright.diagnostics import Diagnostic
from sdkwright.ir.nodes import Model, Named
from sdkwright.spec.resolve import Node, RefError, load_spec
from spec_helpers import build, definitions, write_spec

HEADER = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n'


def ref_errors(folder: Path, ref: str) -> list[tuple[str, str, str, str]]:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"A": {"$ref": ref}}},
    }
    _, diagnostics = load_spec(write_spec(folder, spec))
    return [_summary(d) for d in diagnostics]


def _summary(diagnostic: Diagnostic) -> tuple[str, str, str, str]:
    where = diagnostic.location
    assert where is not None and where.line > 0 and diagnostic.next_step
    return diagnostic.code, where.pointer, diagnostic.message, diagnostic.next_step


@pytest.mark.parametrize("ref", ["other%00.yaml#/B", "other\0.yaml#/B", "%00"])
def test_a_nul_in_a_file_reference_is_refused(tmp_path: Path, ref: str) -> None:
    [(code, pointer, message, _)] = ref_errors(tmp_path, ref)
    assert (code, pointer) == ("ref.unresolved", "/components/schemas/A/$ref")
    assert "NUL" in message


def test_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").symlink_to(tmp_path / "two.yaml")
    (tmp_path / "two.yaml").symlink_to(tmp_path / "one.yaml")
    [(code, _, message, hint)] = ref_errors(tmp_path, "one.yaml#/B")
    assert code == "ref.unresolved"
    assert "symbolic links form a loop" in message and "loop" in hint


def test_a_folder_is_named_a_folder(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    [(_, _, message, _)] = ref_errors(tmp_path, "schemas#/B")
    assert message == "referenced file 'schemas' is a folder"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_fifo_is_named_and_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")  # opening it would block: no writer ever comes
    [(_, _, message, hint)] = ref_errors(tmp_path, "pipe.yaml#/B")
    assert message == "referenced file 'pipe.yaml' is a FIFO (named pipe), not a regular file"
    assert "never reads pipes" in hint


def test_a_missing_file_is_still_not_found(tmp_path: Path) -> None:
    [(_, _, message, hint)] = ref_errors(tmp_path, "absent.yaml#/B")
    assert message == "referenced file 'absent.yaml' not found"
    assert hint == f"looked for {(tmp_path / 'absent.yaml').resolve()}"


def test_a_long_chain_is_one_error_at_its_start_that_says_so(tmp_path: Path) -> None:
    specs, diagnostics = load_spec(write_spec(tmp_path, ref_chain(10_000), "a.yaml"))
    [(code, pointer, message, _)] = [_summary(d) for d in diagnostics]
    assert (code, pointer) == ("limit.ref-chain", "/components/schemas/S0/$ref")
    assert message == (
        "the chain of $refs from here is 10,000 references long, over the limit of 64"
    )
    with pytest.raises(RefError, match="over the limit of 64"):
        specs.deref(specs.root_node.child("components", "schemas", "S0"))
    end = specs.deref(specs.root_node.child("components", "schemas", "S9940"))  # 60 hops
    assert end.pointer == "/components/schemas/S10000"


def test_a_chain_within_the_limit_is_fine(tmp_path: Path) -> None:
    _, diagnostics = load_spec(write_spec(tmp_path, ref_chain(64), "a.yaml"))
    assert diagnostics == []


def test_a_cycle_still_points_back_to_itself(tmp_path: Path) -> None:
    text = HEADER + "components:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n"
    text += "    B: {$ref: '#/components/schemas/A'}\n    C: {$ref: '#/components/schemas/A'}\n"
    _, diagnostics = load_spec(write_spec(tmp_path, text, "a.yaml"))
    assert sorted(_summary(d)[:3] for d in diagnostics) == [
        (
            "ref.unresolved",
            f"/components/schemas/{name}/$ref",
            "the reference points back to itself",
        )
        for name in "ABC"
    ]


ANCHORED = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "paths": {},
    "components": {
        "schemas": {
            "Money": {
                "$anchor": "money",
                "type": "object",
                "properties": {"amount": {"type": "integer"}},
            },
            "Price": {
                "type": "object",
                "properties": {
                    "value": {"$ref": "#money"},
                    "same": {"$ref": "#/components/schemas/Money"},
                    "other": {"$ref": "parts.json#cents"},
                },
            },
        }
    },
}


def test_anchor_references_resolve_to_the_schema_that_declares_them(tmp_path: Path) -> None:
    write_spec(tmp_path, {"Cents": {"$anchor": "cents", "type": "integer"}}, "parts.json")
    specs, diagnostics = load_spec(write_spec(tmp_path, ANCHORED))
    assert diagnostics == []
    price = specs.root_node.child("components", "schemas", "Price", "properties")
    money = specs.deref(price.child("value"))
    assert (money.pointer, money.value["type"]) == ("/components/schemas/Money", "object")
    cents = specs.deref(price.child("other"))
    assert (cents.document.path.name, cents.pointer) == ("parts.json", "/Cents")


def test_an_anchored_schema_is_the_same_model_as_by_pointer(tmp_path: Path) -> None:
    spec = copy.deepcopy(ANCHORED)
    del spec["components"]["schemas"]["Price"]["properties"]["other"]
    api, diagnostics = build(tmp_path, spec)
    assert diagnostics == []
    price = definitions(api)["Price"]
    assert isinstance(price, Model)
    types = {f.wire_name: f.type for f in price.fields}
    assert types["value"] == types["same"] == Named("Money", "model")


def test_an_anchor_declared_twice_or_never_is_a_located_error(tmp_path: Path) -> None:
    doubled: dict[str, Any] = {
        "A": {"$anchor": "x", "type": "string"},
        "B": {"$anchor": "x", "type": "integer"},
        "C": {"$ref": "#x"},
        "D": {"$ref": "#y"},
    }
    spec = {**ANCHORED, "components": {"schemas": doubled}}
    _, diagnostics = load_spec(write_spec(tmp_path, spec))
    found = sorted(_summary(d)[1:3] for d in diagnostics)
    assert found == [
        (
            "/components/schemas/C/$ref",
            "$ref target '#x' is ambiguous: $anchor 'x' is declared 2 times "
            "(/components/schemas/A, /components/schemas/B)",
        ),
        ("/components/schemas/D/$ref", "$ref target '#y': no schema declares $anchor 'y'"),
    ]


DATA_REFS = """\
openapi: 3.1.0
info: {title: t, version: "1", x-logo: {$ref: "logo.yaml"}}
paths:
  /x:
    x-note: {$ref: "#/nowhere"}
    get:
      x-codeSamples: [{$ref: "samples.yaml"}]
      parameters:
        - name: q
          in: query
          schema: {type: object, default: {$ref: "#/nope"}}
          example: {$ref: "#/nope"}
          examples:
            inline: {value: {$ref: "#/nope"}}
            shared: {$ref: "#/components/examples/Shared"}
      responses:
        "200":
          description: ok
          headers:
            x-request-id: {$ref: "#/components/headers/RequestId"}
          content:
            application/json:
              schema:
                type: object
                properties:
                  x-thing: {$ref: "#/components/schemas/Thing"}
                  example: {$ref: "#/components/schemas/Thing"}
                enum: [{$ref: "#/nope"}]
                examples: [{$ref: "#/nope"}]
              example: {$ref: "#/nope"}
        default: {$ref: "#/components/responses/Oops"}
        x-extra: {$ref: "#/nope"}
components:
  headers:
    RequestId: {schema: {type: string}}
  examples:
    Shared: {value: {$ref: "#/nope"}}
  responses:
    Oops: {description: oops}
  schemas:
    Thing: {type: string, const: {$ref: "#/nope"}}
"""


def test_refs_inside_data_are_left_alone_and_names_are_not_data(tmp_path: Path) -> None:
    specs, diagnostics = load_spec(write_spec(tmp_path, DATA_REFS, "a.yaml"))
    assert diagnostics == []
    assert list(specs.documents) == [(tmp_path / "a.yaml").resolve()]  # nothing else loaded
    from sdkwright.spec.resolve import iter_refs

    followed = sorted(pointer for _, pointer in iter_refs(specs.root_node))
    response = "/paths/~1x/get/responses"
    schema = f"{response}/200/content/application~1json/schema"
    assert followed == sorted(
        [
            "/paths/~1x/get/parameters/0/examples/shared",
            f"{response}/200/headers/x-request-id",
            f"{schema}/properties/x-thing",
            f"{schema}/properties/example",
            f"{response}/default",
        ]
    )


def test_at_the_top_of_a_referenced_file_keys_may_be_names(tmp_path: Path) -> None:
    write_spec(tmp_path, "x-request-id: {$ref: 'more.yaml#/H'}\n", "headers.yaml")
    write_spec(tmp_path, "H: {schema: {type: string}}\n", "more.yaml")
    text = HEADER + "components:\n  headers:\n    R: {$ref: 'headers.yaml#/x-request-id'}\n"
    specs, diagnostics = load_spec(write_spec(tmp_path, text, "a.yaml"))
    assert diagnostics == []
    node = specs.root_node.child("components", "headers", "R")
    assert specs.deref(node) == Node(
        specs.deref(node).document, "/H", {"schema": {"type": "string"}}
    )
