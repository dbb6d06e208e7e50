"""Limits.max_values bounds what a spec costs in memory: every document is counted (not only
YAML with anchors), a dense one before its values are built, and the validation view of a
multi-file spec does not multiply past it either."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hostile_specs import multiplied_properties
from sdkwright.diagnostics import GenerationFailed
from sdkwright.spec import positions
from sdkwright.spec.load import Limits, check_shape, load_document, value_bound
from sdkwright.spec.resolve import load_spec
from sdkwright.spec.validate import validate
from sdkwright.spec.yamlcore import load
from spec_helpers import write_spec

SMALL = Limits(max_values=1_000)
HEADER = 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\n'


def refusal(path: Path, limits: Limits = SMALL) -> tuple[str, str, int, int]:
    with pytest.raises(GenerationFailed) as failure:
        load_document(path, limits=limits)
    [diagnostic] = failure.value.diagnostics
    where = diagnostic.location
    assert where is not None and diagnostic.next_step
    return diagnostic.code, where.pointer, where.line, where.column


# Three values before the list (the root, its entry, the list), then two per `[]` (the
# entry and the list) or one per scalar: past 1,000 at the 499th item, or the 998th.
@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("dense.json", '{"x": [' + "[]," * 600 + "[]]}", ("/x/498", 1, 1502)),
        ("dense.yaml", "x:\n" + "  - []\n" * 600, ("/x/498", 500, 5)),
        ("flat.yaml", "x:\n" + "  - a\n" * 1200, ("/x/997", 999, 5)),
    ],
)
def test_a_document_with_too_many_values_is_refused_where_it_passes_the_limit(
    tmp_path: Path, name: str, text: str, where: tuple[str, int, int]
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert refusal(path) == ("limit.values", *where)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1",
        "[[], [[1, 2], {a: 1}]]",
        "a: &x [1, [2, 3]]\nb: *x\nc: {d: *x}",
        "c: [{d: {e: [f]}}, {g: &y {h: i}}, *y]",
        '{"a": {"b": {"c": {}}}, "d": [1, [2, [3]]]}',
        "- - - a\n  - b\n- c: d\n  e: f\n",
    ],
)
def test_the_stream_count_is_the_value_count_and_the_bound_bounds_it(text: str) -> None:
    data = load(text)
    counted = _smallest(lambda limit: check_shape(data, Limits(max_values=limit)) is None)
    streamed = _smallest(lambda limit: positions.too_many_values(text, limit) is None)
    assert counted == streamed <= value_bound(text)


def _smallest(fits: object) -> int:
    assert callable(fits)
    return next(limit for limit in range(10_000) if fits(limit))


def test_documents_without_anchors_are_counted_too(tmp_path: Path) -> None:
    data = {"x": [[] for _ in range(600)]}
    assert check_shape(data, SMALL, may_share=False) == (
        "limit.values",
        "the document expands to more than 1,000 values",
        "/x/0",
    )


def test_properties_maps_by_ref_do_not_multiply(tmp_path: Path) -> None:
    # Ten levels of `properties` maps by $ref, each schema in them referring to the level
    # below: 10^9 values if copied; each map's entries become references (spec/map_refs.py).
    for name, text in multiplied_properties("root.yaml").items():
        write_spec(tmp_path, text, name)
    start = time.perf_counter()
    specs, diagnostics = load_spec(tmp_path / "root.yaml")
    assert diagnostics == []
    assert validate(specs, full=True) == []
    assert time.perf_counter() - start < 20


def test_the_validation_view_does_not_grow_past_the_limit(tmp_path: Path) -> None:
    # Operations in a file of their own, followed for validation from 100 path items: each
    # file is under the limit, the view of the root with them is not.
    fields = ", ".join(f"f{i}: {{type: string}}" for i in range(60))
    operation = "responses: {'200': {description: ok, content: {application/json: "
    operation += f"{{schema: {{type: object, properties: {{{fields}}}}}}}}}}}}}\n"
    write_spec(tmp_path, operation, "operation.yaml")
    paths = "".join(f"  /p{i}: {{get: {{$ref: 'operation.yaml'}}}}\n" for i in range(100))
    write_spec(tmp_path, HEADER + "paths:\n" + paths, "root.yaml")
    specs, diagnostics = load_spec(tmp_path / "root.yaml", limits=Limits(max_values=5_000))
    assert diagnostics == []
    [problem] = validate(specs)
    assert problem.code == "limit.values" and problem.location is not None
    assert problem.location.file.endswith("operation.yaml") and problem.location.line > 0
