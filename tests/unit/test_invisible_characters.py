"""Trojan Source (issue 14): invisible format characters (category Cf: bidirectional controls,
zero-width spaces) are escaped in string literals, dropped from prose and identifiers, shown
as escapes in sdkwright's own messages, and each place of the spec holding one is warned of."""

from __future__ import annotations

import ast
import sys
import unicodedata
from pathlib import Path

import pytest
from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.spec.invisible import INVISIBLE, escape_invisible, may_hold_invisible
from sdkwright.spec.load import load_document
from sdkwright.targets.python import pytext
from sdkwright.targets.python.naming import class_name, field_name, method_name

BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\U000e0041"]
HIDDEN = BIDI + ZERO_WIDTH


def test_the_pattern_holds_every_format_character_this_python_knows() -> None:
    format_characters = [
        chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"
    ]
    assert len(format_characters) > 150
    assert [c for c in format_characters if not INVISIBLE.fullmatch(c)] == []
    assert not INVISIBLE.search("plain text, é, 漢字, 🐶, \u00a0")


@pytest.mark.parametrize("hidden", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_each_filter_keeps_the_character_out_of_code_and_prose(hidden: str) -> None:
    text = f'a{hidden}b "q" \\ {hidden}'
    literal = pytext.string_literal(text)
    assert hidden not in literal and ast.literal_eval(literal) == text  # escaped, round-trips
    value = pytext.value_literal({text: [text]})
    assert hidden not in value and ast.literal_eval(value) == {text: [text]}
    for prose in (
        pytext.docstring_text(text),
        pytext.docstring_block(text * 20, 4),
        pytext.comment_text(text),
        pytext.markdown_text(text),
        pytext.toml_string(text),
    ):
        assert hidden not in prose and "ab" in prose
    for name in (class_name(text), field_name(text), method_name(text)):
        assert hidden not in name and name.isascii()


def test_messages_show_the_characters_as_escapes() -> None:
    where = Location("spec.yaml", 3, 4, "/components/schemas/A\u202eB")
    rendered = Diagnostic(Level.WARNING, "c", "name 'x\u200by'", where).render()
    assert "\\u202e" in rendered and "\\u200b" in rendered
    assert not INVISIBLE.search(rendered)
    assert escape_invisible("é\U000e0041") == "é\\U000e0041"


def test_escapes_in_the_text_are_looked_through() -> None:
    assert may_hold_invisible('{"a": "\\u202e"}')
    assert may_hold_invisible('a: "\\U000e0041"')
    assert may_hold_invisible('a: "\\xad"')
    assert not may_hold_invisible('{"a": "\\u00e9 \\ud83d\\udc36 plain"}')


def test_the_loader_warns_once_for_each_place(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text(
        'openapi: 3.1.0\ninfo: {title: "T\\u202e", version: "1", description: "a\u200bb"}\n'
        'paths: {}\nx-a: {"k\u2066": "v\u2069"}\nx-b: plain é\n',
        encoding="utf-8",
    )
    notes = [n for n in load_document(spec).notes if n.code == "spec.invisible-character"]
    assert sorted((n.location.pointer if n.location else "") for n in notes) == [
        "/info/description",
        "/info/title",
        "/x-a/k\u2066",
    ]
    assert all(n.level is Level.WARNING and n.location and n.location.line for n in notes)
    both = next(n for n in notes if n.location and n.location.pointer.startswith("/x-a"))
    assert "U+2066" in both.message and "U+2069" in both.message
