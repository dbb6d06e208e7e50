"""`overlay --from OLD --to NEW`: an overlay whose application turns OLD into NEW, checked by
applying it (rendered as YAML, read back, applied by the overlay engine) on the repository's
specs, on pairs of real specs, and on random edits of a real spec."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
from helpers import SHARED_SPECS, SPECS, needs_shared_specs
from sdkwright.spec import yamlcore
from sdkwright.spec.load import DEFAULT_LIMITS, Document, load_document
from sdkwright.spec.overlays.apply import Applier
from sdkwright.spec.overlays.diff import equal, overlay_between, render_overlay
from sdkwright.spec.overlays.document import parse_overlay
from sdkwright.spec.overlays.provenance import Provenance


def round_trip(old: Any, new: Any) -> tuple[Any, dict[str, Any]]:
    """OLD with the overlay between OLD and NEW applied, and the overlay."""
    overlay = overlay_between(old, new, "test")
    text = render_overlay(overlay)
    document = Document(Path("diff.overlay.yaml"), text, yamlcore.load(text), "diff.overlay.yaml")
    assert yamlcore.load(text) == overlay  # the YAML reads back as written
    result = copy.deepcopy(old)
    spec = Document(Path("old.yaml"), "", result, "old.yaml")
    Applier(result, Provenance(spec), DEFAULT_LIMITS).apply(parse_overlay(document))
    return result, overlay


def check(old: Any, new: Any) -> dict[str, Any]:
    result, overlay = round_trip(old, new)
    assert equal(result, new)
    return overlay


def spec(path: Path) -> Any:
    return load_document(path).data


def test_each_kind_of_change_becomes_the_smallest_action() -> None:
    old = {
        "info": {"title": "A", "version": "1"},
        "tags": [{"name": "a"}, {"name": "b"}, {"name": "c"}],
        "enum": ["x", "y"],
        "servers": [{"url": "u"}],
        "gone": {"deep": True},
        "kind": {"an": "object"},
    }
    new = {
        "info": {"title": "B", "version": "1", "x-new": [1]},
        "tags": [{"name": "a"}, {"name": "c"}],
        "enum": ["x", "z"],
        "servers": [{"url": "u"}, {"url": "v"}],
        "kind": "a string now",
    }
    overlay = check(old, new)
    assert overlay["overlay"] == "1.1.0"
    assert overlay["actions"] == [
        {"target": "$['gone']", "remove": True},
        {"target": "$['kind']", "remove": True},
        {"target": "$['info']", "update": {"title": "B", "x-new": [1]}},
        {"target": "$['tags'][1]", "remove": True},
        {"target": "$['enum'][1]", "update": "z"},
        {"target": "$['servers']", "update": [{"url": "v"}]},
        {"target": "$", "update": {"kind": "a string now"}},
    ]


def test_arrays_change_in_place_or_are_replaced_and_json_types_are_kept_apart() -> None:
    old = {"a": [1, 2, 3], "b": {"n": 1}, "c": [[1], [2]], "d": True, "e": [1, 2]}
    new = {"a": [3, 2, 1], "b": {"n": 1.0}, "c": [[1], [2, 3]], "d": 1, "e": [2, 1, 3]}
    overlay = check(old, new)
    assert overlay["actions"] == [
        {"target": "$['e']", "remove": True},  # neither extended, shortened nor the same length
        {"target": "$['a'][0]", "update": 3},
        {"target": "$['a'][2]", "update": 1},
        {"target": "$['b']", "update": {"n": 1.0}},  # 1.0 is not 1
        {"target": "$['c'][1]", "update": [3]},
        {"target": "$", "update": {"d": 1, "e": [2, 1, 3]}},  # 1 is not true
    ]


def test_strings_yaml_would_misread_are_quoted() -> None:
    new = {"values": ["yes", "on", "0o17", "1e5", "012", "2020-01-01", "12:30", "null", "~"]}
    check({"values": []}, new)


def test_equal_documents_give_no_actions() -> None:
    document = spec(SPECS / "kitchensink.yaml")
    assert overlay_between(document, copy.deepcopy(document))["actions"] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [("clearstreet.yaml", "kitchensink.yaml"), ("kitchensink.yaml", "clearstreet.yaml")],
)
def test_round_trip_between_the_repository_specs(old: str, new: str) -> None:
    check(spec(SPECS / old), spec(SPECS / new))


@needs_shared_specs
@pytest.mark.parametrize(
    ("old", "new"),
    [
        # The repository's Clear Street spec was cut down from the published one.
        (SHARED_SPECS / "clearstreet-trading-3.1.json", SPECS / "clearstreet.yaml"),
        (SHARED_SPECS / "oai-petstore-3.0.yaml", SHARED_SPECS / "swagger-petstore-3.0.yaml"),
        (SHARED_SPECS / "swagger-petstore-3.0.yaml", SHARED_SPECS / "oai-petstore-3.0.yaml"),
        (
            SHARED_SPECS / "oai-uber-2.0.json",
            SHARED_SPECS / "oai-petstore-separate-2.0/spec/swagger.yaml",
        ),
        (
            SHARED_SPECS / "oai-callback-example-3.0.yaml",
            SHARED_SPECS / "oai-webhook-example-3.1.yaml",
        ),
    ],
    ids=lambda path: path.name,
)
def test_round_trip_between_real_specs(old: Path, new: Path) -> None:
    check(spec(old), spec(new))


def _mutate(document: Any, rng: random.Random, edits: int) -> Any:
    """`document` with random edits of the kinds teams make: values changed, keys added and
    removed, array items added, removed and changed."""
    result = copy.deepcopy(document)
    for _ in range(edits):
        parent, key = _random_slot(result, rng)
        value = parent[key]
        choice = rng.randrange(5)
        if choice == 0 and isinstance(parent, dict):
            del parent[key]
        elif choice == 1 and isinstance(value, list) and value:
            del value[rng.randrange(len(value))]
        elif choice == 2 and isinstance(value, list):
            value.append({"x-added": rng.randrange(100)})
        elif choice == 3 and isinstance(value, dict):
            value[f"x-key-{rng.randrange(100)}"] = rng.choice(["text", 1, None, [1, 2], {"a": "b"}])
        else:
            parent[key] = rng.choice(["changed", 2, 2.5, False, None, {"k": "v"}, ["i"]])
    return result


def _random_slot(document: Any, rng: random.Random) -> tuple[Any, Any]:
    parent, key = document, rng.choice(list(document))
    while isinstance(parent[key], (dict, list)) and parent[key] and rng.random() < 0.8:
        parent = parent[key]
        key = rng.choice(list(parent)) if isinstance(parent, dict) else rng.randrange(len(parent))
    return parent, key


@needs_shared_specs
@pytest.mark.parametrize("seed", range(12))
def test_round_trip_after_random_edits_of_a_real_spec(seed: int) -> None:
    document = spec(SHARED_SPECS / "clearstreet-trading-3.1.json")
    rng = random.Random(seed)
    check(document, _mutate(document, rng, edits=1 + seed * 3))
