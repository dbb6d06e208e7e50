"""sdkwright.targets.python.pytext: spec text lands in generated code only as inert literals, docstrings,
comments or checked identifiers."""

from __future__ import annotations

import ast
import inspect
import tomllib

import pytest
from sdkwright.targets.python import pytext

PRINTABLE_HOSTILE = [
    "",
    "plain",
    '"',
    "'",
    '"""',
    "'''",
    '""""""',
    "\\",
    "a\\",
    'x\\"',
    "\\n is not a newline",
    "\\N{BULLET} \\u0041 \\x41",
    "line one\nline two",
    "tab\there",
    "{{ jinja }} {% if x %}",
    "__import__('os').system('echo pwned')",
    '"); __import__("os").system("echo pwned"); ("',
    "café ☃ 中文",
]


@pytest.mark.parametrize("text", PRINTABLE_HOSTILE)
def test_string_literal_round_trips(text: str) -> None:
    literal = pytext.string_literal(text)
    literal.encode("utf-8")  # a valid line of UTF-8 source
    assert "\n" not in literal
    assert ast.literal_eval(literal) == text


def test_string_literal_round_trips_astral_characters() -> None:
    assert ast.literal_eval(pytext.string_literal("thumbs 👍 up")) == "thumbs 👍 up"


@pytest.mark.parametrize(
    "text", ["nul\x00byte", "lone \ud800 surrogate", "bell\x07", "sep\u2028", "cr\r\nlf\x00"]
)
def test_string_literal_keeps_control_characters_as_escapes(text: str) -> None:
    # Literals carry wire values (enum values, aliases): they must stay exact.
    literal = pytext.string_literal(text)
    literal.encode("utf-8")  # escapes, not raw surrogates or line breaks
    assert "\n" not in literal and "\r" not in literal and "\u2028" not in literal
    assert ast.literal_eval(literal) == text


def test_value_literal_evaluates_to_the_value() -> None:
    value = {"a": [1, 2.5, None, True, "x\"'"], "é": {"nested": False}}
    assert ast.literal_eval(pytext.value_literal(value)) == value
    assert pytext.value_literal(float("nan")) == "None"


DOCSTRING_HOSTILE = [
    '"""',
    '"""; import os; os.system("echo pwned"); """',
    'ends with a quote"',
    '"',
    'ends with an escaped quote \\"',
    "ends with a backslash\\",
    "\\",
    '\\\\"',
    '\\"""',
    "'''",
    "{{ 7 * 7 }} {% raw %}",
    "__import__('os').system('echo pwned')",
    "\\N{BULLET} and \\x and \\u",
    'first line\n\n    indented\n"""\nlast',
    "a long line " * 20,
    "   padded   ",
]


def compile_docstring(block: str) -> str:
    source = f'def f():\n    """{block}"""\n'
    namespace: dict[str, object] = {}
    exec(compile(source, "<generated>", "exec"), namespace)
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert len(function.body) == 1, "the docstring must be the only statement"
    doc = namespace["f"].__doc__  # type: ignore[attr-defined]
    assert isinstance(doc, str)
    return inspect.cleandoc(doc)


def visible(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("text", DOCSTRING_HOSTILE)
def test_docstring_block_compiles_to_the_visible_text(text: str) -> None:
    doc = compile_docstring(pytext.docstring_block(text, indent=4))
    assert visible(doc) == visible(text)


@pytest.mark.parametrize("text", DOCSTRING_HOSTILE)
def test_docstring_text_compiles_to_the_visible_text(text: str) -> None:
    doc = compile_docstring(pytext.docstring_text(text))
    assert visible(doc) == visible(text)


def test_docstring_block_wraps_and_indents_long_text() -> None:
    block = pytext.docstring_block("word " * 60, indent=4, width=60)
    lines = block.split("\n")
    assert len(lines) > 2
    assert all(len(line) <= 60 for line in lines)
    assert lines[-1] == "    "  # closing quotes on their own line (PEP 257)
    assert all(line.startswith("    ") for line in lines[1:] if line)


def test_docstring_drops_control_characters() -> None:
    doc = compile_docstring(pytext.docstring_block("a\x00b\ud800c\r\nd", indent=4))
    assert doc == "abc\nd"


@pytest.mark.parametrize(
    "text", ["one\ntwo", "one\r\ntwo\rthree", "a\u2028b\u2029c", "x\n# import os\nos.system()"]
)
def test_comment_text_is_one_line(text: str) -> None:
    comment = pytext.comment_text(text)
    source = f"x = 1  # {comment}\n"
    assert len(source.splitlines()) == 1
    assert len(ast.parse(source).body) == 1


@pytest.mark.parametrize("name", ["ok", "Ok_1", "_private", "match"])
def test_identifier_accepts_safe_names(name: str) -> None:
    assert pytext.identifier(name) == name


@pytest.mark.parametrize(
    "name", ["", "1abc", "a-b", "a b", "a.b", "é", "ﬁle", "\u210cello", "x\u200b", "a;b"]
)
def test_identifier_rejects_unsafe_names(name: str) -> None:
    with pytest.raises(ValueError, match="not a safe Python identifier"):
        pytext.identifier(name)


@pytest.mark.parametrize("name", ["class", "None"])
def test_identifier_rejects_keywords(name: str) -> None:
    with pytest.raises(ValueError):
        pytext.identifier(name)


@pytest.mark.parametrize(
    "text",
    [
        "Pets 🐶 API",
        'say "hi"',
        "back\\slash \\u0041",
        "two\nlines\r\n",
        "tab\there",
        "bell\x07",
        "\U0001d518 astral \U0010ffff",
        "x\ud800y",
    ],
)
def test_toml_strings_are_valid_toml_holding_the_cleaned_text(text: str) -> None:
    parsed = tomllib.loads(f"value = {pytext.toml_string(text)}\n")["value"]
    assert parsed == pytext.clean_text(text)
    assert "\\ud8" not in pytext.toml_string(text)  # no surrogate escapes, which TOML refuses
