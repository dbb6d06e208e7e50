"""sdkwright.spec.load: files -> Python values, every failure a located diagnostic."""

from __future__ import annotations

from pathlib import Path

import pytest
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level
from sdkwright.spec.load import (
    escape_token,
    join_pointer,
    load_document,
    split_pointer,
    stringify_keys,
    unescape_token,
)
from sdkwright.spec.locate import locate


def load_error(path: Path) -> tuple[str, int, int, str]:
    with pytest.raises(GenerationFailed) as failure:
        load_document(path)
    [diagnostic] = failure.value.diagnostics
    assert diagnostic.level is Level.ERROR
    assert diagnostic.location is not None
    assert diagnostic.location.file == str(path)
    return (
        diagnostic.code,
        diagnostic.location.line,
        diagnostic.location.column,
        diagnostic.message,
    )


def test_loads_yaml_and_json(tmp_path: Path) -> None:
    yaml_file = tmp_path / "spec.yaml"
    yaml_file.write_text("openapi: 3.1.0\ninfo:\n  title: T\n", encoding="utf-8")
    json_file = tmp_path / "spec.json"
    json_file.write_text('{"openapi": "3.1.0", "info": {"title": "T"}}', encoding="utf-8")
    expected = {"openapi": "3.1.0", "info": {"title": "T"}}
    assert load_document(yaml_file).data == expected
    assert load_document(json_file).data == expected


@pytest.mark.parametrize(
    ("scalar", "value"),
    [
        # YAML 1.1 (PyYAML's default) would read the first six as True, False, True, False,
        # 750 and a date; YAML 1.2, which OpenAPI documents use, reads them as strings.
        ("on", "on"),
        ("off", "off"),
        ("yes", "yes"),
        ("No", "No"),
        ("12:30", "12:30"),
        ("2020-01-02", "2020-01-02"),
        ("2020-01-02T03:04:05Z", "2020-01-02T03:04:05Z"),
        ("1_000", "1_000"),
        ("true", True),
        ("FALSE", False),
        ("012", 12),
        ("0o17", 15),
        ("0x1F", 31),
        ("-7", -7),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".inf", float("inf")),
        ("~", None),
        ("null", None),
        ("'off'", "off"),
    ],
)
def test_yaml_is_read_by_the_yaml_1_2_core_schema(
    tmp_path: Path, scalar: str, value: object
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(f"value: {scalar}\nlisted: [{scalar}]\n", encoding="utf-8")
    data = load_document(spec).data
    assert data == {"value": value, "listed": [value]}
    assert type(data["value"]) is type(value)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\nb: 2\n")
    document = load_document(path)
    assert document.data == {"a": 1, "b": 2}
    assert document.position("/b") == (2, 4)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("openapi: 3.1.0\ninfo:\n  title: x: y\n", 3, 11),
        ("a:\n  b: 1\n c: 2\n", 3, 2),
        ("a: 1\n\tb: 2\n", 2, 1),
        ("a: *undefined\n", 1, 4),
    ],
)
def test_yaml_syntax_error_is_located(tmp_path: Path, text: str, line: int, column: int) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    code, got_line, got_column, message = load_error(path)
    assert (code, got_line, got_column) == ("load.yaml-syntax", line, column)
    assert message.startswith("invalid YAML")


def test_yaml_python_tags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("a: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    code, line, _, _ = load_error(path)
    assert (code, line) == ("load.yaml-syntax", 1)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{"a": 1,}', 1, 9),
        ('{\n  "openapi": "3.1.0",\n  "info": {"title": "x",},\n}\n', 3, 25),
        ('{\n  "a": [1, 2,\n  ]\n}', 3, 3),
        ("", 1, 1),
    ],
)
def test_json_syntax_error_is_located(tmp_path: Path, text: str, line: int, column: int) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    code, got_line, got_column, message = load_error(path)
    assert (code, got_line, got_column) == ("load.json-syntax", line, column)
    assert message.startswith("invalid JSON")


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"openapi: 3.1.0\ninfo:\n  title: caf\xe9\n")
    code, line, column, message = load_error(path)
    assert (code, line, column) == ("load.encoding", 3, 13)
    assert "0xe9" in message


def test_a_missing_file_is_a_diagnostic(tmp_path: Path) -> None:
    with pytest.raises(GenerationFailed) as failure:
        load_document(tmp_path / "nope.yaml")
    assert [d.code for d in failure.value.diagnostics] == ["load.unreadable"]


YAML_DOC = """\
openapi: 3.1.0
paths:
  /pets/{id}:
    get:
      operationId: getPet
      tags: [a, b]
components:
  schemas:
    "we~ird":
      type: string
"""


@pytest.mark.parametrize(
    ("pointer", "position"),
    [
        ("", (1, 1)),
        ("/openapi", (1, 10)),
        ("/paths/~1pets~1{id}/get/operationId", (5, 20)),
        ("/paths/~1pets~1{id}/get/tags/1", (6, 17)),
        ("/components/schemas/we~0ird/type", (10, 13)),
    ],
)
def test_position_of_nested_values(tmp_path: Path, pointer: str, position: tuple[int, int]) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(YAML_DOC, encoding="utf-8")
    assert load_document(path).position(pointer) == position


def test_position_of_a_missing_value_is_its_nearest_parent(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(YAML_DOC, encoding="utf-8")
    document = load_document(path)
    get = document.position("/paths/~1pets~1{id}/get")
    assert document.position("/paths/~1pets~1{id}/get/nothing/here") == get
    assert document.position("/paths/~1pets~1{id}/get/tags/9") == (6, 13)


def test_position_in_json(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    path.write_text('{\n  "paths": {\n    "/a/b": {"get": {"operationId": "x"}}\n  }\n}\n')
    document = load_document(path)
    assert document.position("/paths/~1a~1b/get/operationId") == (3, 37)
    unplaced = Diagnostic(Level.WARNING, "test.code", "message", document.location("/paths"))
    location = locate([unplaced], [document])[0].location
    assert location is not None
    assert (location.file, location.line, location.pointer) == (str(path), 2, "/paths")
    assert document.location("").pointer == "/"


def test_pointer_tokens_escape_and_unescape() -> None:
    assert escape_token("a/b~c") == "a~1b~0c"
    assert unescape_token("a~1b~0c") == "a/b~c"
    assert unescape_token("~01") == "~1"  # '~0' first would wrongly give '/'
    assert join_pointer("", "paths", "/pets/{id}", 0) == "/paths/~1pets~1{id}/0"
    assert join_pointer("/", "a") == "/a"
    assert split_pointer("/paths/~1pets~1{id}/~0x") == ["paths", "/pets/{id}", "~x"]
    assert split_pointer("") == split_pointer("/") == []


def test_stringified_keys_are_reported_at_their_pointers() -> None:
    """Keys YAML reads as numbers, booleans or null become text, each reported at the
    pointer of its new key, escaped, however deep; shared containers are visited once."""
    shared: dict[object, object] = {7: "seven"}
    data: dict[object, object] = {
        "paths": {"/a~b": {"get": {"responses": {200: {"description": "ok"}}}}},
        "list": [{True: 1}, {"x": [{None: 2}]}],
        "": {3: "under an empty key"},
        "one": shared,
        "two": shared,
    }
    changed = stringify_keys(data)
    assert sorted(changed, key=str) == sorted(
        [
            ("/paths/~1a~0b/get/responses/200", 200),
            ("/list/0/true", True),
            ("/list/1/x/0/null", None),
            ("/3", 3),  # under "" at the root: a pointer of "/" is the root's again
            ("/two/7", 7),  # once: where the walk met it first
        ],
        key=str,
    )
    assert data["paths"]["/a~b"]["get"]["responses"] == {"200": {"description": "ok"}}  # type: ignore[index]
    assert data["two"] == {"7": "seven"}


def test_a_key_to_stringify_is_found_however_deep_under_lists() -> None:
    """The walk that first tells whether any key needs changing reaches into lists of lists."""
    data: dict[str, object] = {"a": [[{"b": {"c": "text"}}], [{"d": {5: "five"}}]], "e": "f"}
    assert stringify_keys(data) == [("/a/1/0/d/5", 5)]
    assert data["a"] == [[{"b": {"c": "text"}}], [{"d": {"5": "five"}}]]
    text_keys: dict[str, object] = {"a": [{"b": [{"c": {"d": 1}}]}], "1": True}
    assert stringify_keys(text_keys) == []
    assert text_keys == {"a": [{"b": [{"c": {"d": 1}}]}], "1": True}
