"""sdkwright.spec.values: a parsed spec holds JSON values only, whatever YAML or Python's json
module let through; each value changed is a located warning, each refused a located error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level
from sdkwright.spec import values
from sdkwright.spec.load import load_document


def notes(path: Path) -> list[tuple[str, str, int, int]]:
    return sorted(_where(d) for d in load_document(path).notes)


def _where(diagnostic: Diagnostic) -> tuple[str, str, int, int]:
    assert diagnostic.location is not None and diagnostic.next_step
    where = diagnostic.location
    return diagnostic.code, where.pointer, where.line, where.column


def refused(path: Path) -> list[tuple[str, str, int, int]]:
    with pytest.raises(GenerationFailed) as failure:
        load_document(path)
    assert all(d.level is Level.ERROR for d in failure.value.diagnostics)
    return sorted(_where(d) for d in failure.value.diagnostics)


TAGGED = """\
title: !!binary aGVsbG8=
when: !!timestamp 2020-01-02T03:04:05Z
names: !!set {a, b}
ordered: !!omap [{x: 1}, {y: 2}]
pairs: !!pairs [{x: 1}, {x: 2}]
again: &shared !!set {c}
same: *shared
plain: !!str 12
"""


def test_yaml_tags_without_a_json_type_are_read_as_untagged(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(TAGGED, encoding="utf-8")
    document = load_document(path)
    assert document.data == {
        "title": "aGVsbG8=",
        "when": "2020-01-02T03:04:05Z",
        "names": {"a": None, "b": None},
        "ordered": [{"x": 1}, {"y": 2}],
        "pairs": [{"x": 1}, {"x": 2}],
        "again": {"c": None},
        "same": {"c": None},
        "plain": "12",
    }
    assert document.data["again"] is document.data["same"]  # still one value
    kinds = [type(v) for v in document.data.values()] + [type(document.data["ordered"][0])]
    assert set(kinds) <= {str, dict, list}  # no bytes, datetime, set or tuple left
    assert notes(path) == sorted(
        [
            ("load.yaml-tag", "/title", 1, 8),
            ("load.yaml-tag", "/when", 2, 7),
            ("load.yaml-tag", "/names", 3, 8),
            ("load.yaml-tag", "/ordered", 4, 10),
            ("load.yaml-tag", "/pairs", 5, 8),
            ("load.yaml-tag", "/again", 6, 8),
        ]
    )


def test_a_tagged_key_is_read_as_its_text(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("? !!binary aGk=\n: 1\n", encoding="utf-8")
    document = load_document(path)
    assert document.data == {"aGk=": 1}
    assert [type(k) for k in document.data] == [str]
    assert [d.code for d in document.notes] == ["load.yaml-tag"]


@pytest.mark.parametrize(
    ("text", "suffix"),
    [
        ("a:\n  b: " + "9" * 5000 + "\n", ".yaml"),
        ("a:\n  b: !!int '" + "9" * 1001 + "'\n", ".yaml"),
        ("a:\n  b: 0x" + "f" * 900 + "\n", ".yaml"),
        ('{"a":\n  {"b": -' + "9" * 5000 + "}}", ".json"),
    ],
)
def test_an_integer_too_long_to_write_is_refused_where_it_is(
    tmp_path: Path, text: str, suffix: str
) -> None:
    path = tmp_path / f"spec{suffix}"
    path.write_text(text, encoding="utf-8")
    [(code, pointer, line, _)] = refused(path)
    assert (code, pointer, line) == ("limit.number", "/a/b", 2)


def test_long_integers_within_the_limit_are_kept(tmp_path: Path) -> None:
    big = int("9" * values.MAX_NUMBER_DIGITS)
    path = tmp_path / "spec.json"
    path.write_text(json.dumps({"a": big, "b": -big}), encoding="utf-8")
    assert load_document(path).data == {"a": big, "b": -big}
    path = tmp_path / "spec.yaml"
    path.write_text(f"a: {big}\n", encoding="utf-8")
    assert load_document(path).data == {"a": big}


def test_lone_surrogate_escapes_become_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    text = '{"info": {"title": "A\\ud800B"},\n "keys": {"k\\udfff": ["\\uDBFF"]},\n "ok": "\\ud83d\\ude00"}'
    path.write_text(text, encoding="utf-8")
    document = load_document(path)
    assert document.data == {
        "info": {"title": "A\ufffdB"},
        "keys": {"k\ufffd": ["\ufffd"]},
        "ok": "\U0001f600",  # a pair of escapes is one character, as JSON means
    }
    json.dumps(document.data, ensure_ascii=False).encode("utf-8")  # every string encodes
    assert notes(path) == sorted(
        [
            ("load.surrogate", "/info/title", 1, 20),
            ("load.surrogate", "/keys/k\ufffd", 2, 22),
            ("load.surrogate", "/keys/k\ufffd/0", 2, 23),
        ]
    )


def test_ordinary_documents_are_not_walked(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    path.write_text('{"a": [1, "\\u00e9", {"b": 2}]}', encoding="utf-8")
    before = values.noted()
    document = load_document(path)
    assert (values.noted(), document.notes) == (before, ())
    assert values.parse_json('{"a": "\\ud83d\\ude00"}')[1] is True  # escapes: walked
    assert values.parse_json('{"a": 10}') == ({"a": 10}, False)
