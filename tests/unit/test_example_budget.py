"""The budgets of sdkwright.ir.examples: whatever the spec, an example is bounded, made with
bounded work, and says where it stops. Work is counted in Python calls (a profiler hook), not
timed: the count is the same on a loaded machine, and a lost budget multiplies it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sdkwright.diagnostics import Level
from sdkwright.ir import examples
from sdkwright.ir.nodes import (
    Definition,
    Field,
    ListOf,
    Model,
    Named,
    Nullable,
    Primitive,
    TypeRef,
    UnionOf,
)
from spec_helpers import build, definitions, ref

STRING = Primitive("str")


def model(name: str, *fields: Field) -> Model:
    return Model(name, name.lower(), "", fields, f"/components/schemas/{name}")


def required(wire_name: str, type_: TypeRef) -> Field:
    return Field(wire_name, wire_name, type_, True)


def optional(wire_name: str, type_: TypeRef) -> Field:
    return Field(wire_name, wire_name, type_, False)


def amplifier(levels: int, width: int) -> dict[str, Definition]:
    """L{levels} requires `width` properties of L{levels-1}, ... down to strings: the smallest
    instance of the top has width**levels leaves."""
    found: dict[str, Definition] = {}
    below: TypeRef = STRING
    for level in range(1, levels + 1):
        name = f"L{level}"
        found[name] = model(name, *(required(f"p{i}", below) for i in range(width)))
        below = Named(name, "model")
    return found


def calls_made(work: Callable[[], Any]) -> int:
    """How many Python functions `work` calls, itself and every call below it."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += event == "call"

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def values_in(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + sum(values_in(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(values_in(v) for v in value)
    return 1


def test_ten_to_the_ninth_leaves_stop_at_the_budget_quickly() -> None:
    found = amplifier(9, 10)
    sample = examples.synthesise(Named("L9", "model"), found)
    # 10,540 calls today: a few per value of the budget, where 10**9 leaves would need more.
    work = calls_made(lambda: examples.synthesise(Named("L9", "model"), found))
    assert work < 10 * examples.MAX_SYNTHESISED_VALUES
    assert examples.is_truncated(sample)
    # The budget, plus the fields of the models being filled in when it ran out.
    assert values_in(sample) <= examples.MAX_SYNTHESISED_VALUES + 9 * 10
    assert sample["p9"] == examples.TRUNCATED  # the last properties did not fit
    assert values_in(sample["p0"]) > 100  # the first ones did
    assert examples.problem(sample, Named("L9", "model"), found) is not None


def test_a_model_that_requires_itself_stops_at_the_nesting_limit() -> None:
    endless = {"A": model("A", required("a", Named("A", "model")), required("n", STRING))}
    sample = examples.synthesise(Named("A", "model"), endless)
    depth = 0
    while isinstance(sample, dict):
        assert sample["n"] == "string"
        sample, depth = sample["a"], depth + 1
    assert (sample, depth) == (examples.TRUNCATED, examples.MAX_NESTING)


def test_over_the_budget_required_properties_only_still_valid() -> None:
    # Fully filled in, 4 levels of 30 optional models: far over the budget. Required only: tiny.
    wide = {
        "Leaf": model("Leaf", required("id", STRING), optional("more", ListOf(STRING))),
        "Top": model(
            "Top",
            required("id", STRING),
            *(optional(f"o{i}", Named("Mid", "model")) for i in range(30)),
        ),
        "Mid": model(
            "Mid",
            required("leaf", Named("Leaf", "model")),
            *(optional(f"o{i}", Named("Leaf", "model")) for i in range(30)),
        ),
    }
    sample = examples.synthesise(Named("Top", "model"), wide)
    assert sample == {"id": "string"}
    assert not examples.is_truncated(sample)
    assert examples.problem(sample, Named("Top", "model"), wide) is None


def test_within_the_budget_every_property_is_filled_in() -> None:
    small = {"Pet": model("Pet", required("id", STRING), optional("tags", ListOf(STRING)))}
    assert examples.synthesise(Named("Pet", "model"), small) == {"id": "string", "tags": ["string"]}


def test_minimal_examples_pick_the_smallest_union_member() -> None:
    found = amplifier(5, 10)  # L5's smallest instance: 10**5 leaves, over the budget
    found["Holder"] = model(
        "Holder",
        required("either", UnionOf((Named("L5", "model"), Nullable(STRING), STRING))),
        required("big", Named("L5", "model")),
    )
    sample = examples.synthesise(Named("Holder", "model"), found)
    assert sample["either"] is None


def test_a_documented_example_over_the_budget_is_not_used() -> None:
    shared: list[Any] = ["x"] * 1000
    huge = [shared] * 11  # 11,012 values as written out (YAML aliases share them)
    found = examples.problem(huge, ListOf(ListOf(STRING)), {})
    assert found == "the example has more than 10,000 values, the budget of an example"
    assert examples.problem([shared] * 9, ListOf(ListOf(STRING)), {}) is None


def test_checking_nested_unions_gives_up_after_its_budget() -> None:
    # Two variants at each of 20 levels that differ in nothing: a value that fits neither
    # is found out only at its leaf, by each of the 2**20 ways down.
    type_: TypeRef = UnionOf((Primitive("int"), Primitive("bool")))
    value: Any = "s"
    for _ in range(20):
        type_ = UnionOf((ListOf(type_), ListOf(type_)))
        value = [value]
    found = examples.problem(value, type_, {})
    # 666,653 calls today: a few per step of the budget, where 2**20 ways down need more.
    assert calls_made(lambda: examples.problem(value, type_, {})) < 5 * examples.MAX_CHECK_STEPS
    assert found == "the example takes more than 200,000 steps to check against its type"


AMPLIFIED = {
    "openapi": "3.1.0",
    "info": {"title": "Amp", "version": "1"},
    "paths": {
        "/top": {
            "get": {
                "operationId": "getTop",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": ref("L9")}},
                    }
                },
            },
            "post": {
                "operationId": "postTop",
                "parameters": [{"name": "q", "in": "query", "schema": ref("L9")}],
                "requestBody": {"content": {"application/json": {"schema": ref("L9")}}},
                "responses": {"204": {"description": "done"}},
            },
        }
    },
    "components": {
        "schemas": {
            "L0": {"type": "string"},
            **{
                f"L{level}": {
                    "type": "object",
                    "required": [f"p{i}" for i in range(10)],
                    "properties": {f"p{i}": ref(f"L{level - 1}") for i in range(10)},
                }
                for level in range(1, 10)
            },
        }
    },
}


def test_budget_warnings_name_each_operation_and_what_stops(tmp_path: Path) -> None:
    api, diagnostics = build(tmp_path, AMPLIFIED)
    assert [d.code for d in diagnostics if d.level >= Level.WARNING] == []
    assert examples.is_truncated(api.operations[0].success.example)
    warnings = examples.budget_warnings(api)
    assert [(d.level, d.code, d.location.pointer if d.location else "") for d in warnings] == [
        (Level.WARNING, "example.budget", "/paths/~1top/get"),
        (Level.WARNING, "example.budget", "/paths/~1top/post"),
    ]
    assert "getTop: the smallest response instance" in warnings[0].message
    assert "postTop: the smallest parameter 'q', request body instance" in warnings[1].message
    assert all(d.hint for d in warnings)
    assert sorted(definitions(api)) == [f"L{n}" for n in range(1, 10)]  # by reference: small
