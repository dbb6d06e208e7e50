"""Spec text -> Python source text, safely, for each context it can land in.

Every string from a spec reaches generated code through one of these functions: a string
literal, a docstring, a comment, or an identifier. None of them can end the construct they
are in, so a spec can never inject code into an SDK.
"""

from __future__ import annotations

import json
import keyword
import re
import textwrap
import unicodedata
from functools import lru_cache
from typing import Any

from sdkwright.spec.invisible import without_invisible

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Newlines normalised, tabs expanded, control characters, lone surrogates and invisible
    format characters (bidirectional controls, zero-width spaces: spec/invisible.py) dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    return without_invisible(_CONTROL.sub("", text))


def string_literal(text: str) -> str:
    """A Python literal for exactly `text`: Python's own `repr`, which escapes quotes,
    backslashes, control characters, lone surrogates and invisible format characters (every
    character that is not printable), and cannot end early."""
    literal = repr(str(text))
    if literal.startswith("'") and '"' not in text:
        # No quote of either kind inside: the same literal in the house style's double quotes.
        literal = '"' + literal[1:-1] + '"'
    return literal


def toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are valid TOML, but only for characters of the
    Basic Multilingual Plane; an emoji, which JSON writes as two surrogate escapes
    (`\\ud83d\\udc36`), stays itself (TOML allows any character but the controls, which
    JSON escapes). Lone surrogates and invisible characters are cleaned out first."""
    return json.dumps(clean_text(text), ensure_ascii=False)


def value_literal(value: Any) -> str:
    """A JSON value as a Python expression (dicts, lists, strings, numbers, booleans, None)."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (
            repr(value) if value == value and value not in (float("inf"), float("-inf")) else "None"
        )
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(value_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{string_literal(str(k))}: {value_literal(v)}" for k, v in value.items())
            + "}"
        )
    return string_literal(str(value))


def docstring_text(text: str) -> str:
    """Text that is safe between triple double quotes, stripped of surrounding blank lines."""
    text = clean_text(text).strip()
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"') and _trailing_backslashes(text[:-1]) % 2 == 0:
        text = text[:-1] + '\\"'  # a bare quote here would merge with the closing quotes
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines)


def _trailing_backslashes(text: str) -> int:
    return len(text) - len(text.rstrip("\\"))


def comment_text(text: str) -> str:
    """One line of text for after a '#'."""
    return " ".join(clean_text(text).split())


def markdown_text(text: str) -> str:
    """Spec prose for Markdown: no raw HTML comments or code fences that could break the page."""
    return clean_text(text).replace("```", "'''").replace("<!--", "&lt;!--").strip()


def is_identifier(name: str) -> bool:
    return (
        name.isascii()
        and name.isidentifier()
        and not keyword.iskeyword(name)
        and unicodedata.normalize("NFKC", name) == name
    )


def identifier(name: str) -> str:
    """Names are decided in the IR; this is the last line of defence before they are printed."""
    if not is_identifier(name):
        raise ValueError(f"not a safe Python identifier: {name!r}")
    return name


def _wrap_line(line: str, width: int) -> tuple[str, ...]:
    return (line,) if len(line) <= width else _wrap_long_line(line, width)


@lru_cache(maxsize=8192)
def _wrap_long_line(line: str, width: int) -> tuple[str, ...]:
    """A line wrapped to `width`, continuation lines indented as the first (and past a list
    bullet). Remembered: a spec repeats its descriptions (the same parameter on every
    operation), and each method's docstring is written for the sync and the async client."""
    stripped = line.lstrip()
    lead = line[: len(line) - len(stripped)]
    bullet = re.match(r"([-*+]|\d+[.)])\s+", stripped)
    follow = lead + " " * (bullet.end() if bullet else 0)
    wrapped = textwrap.wrap(
        line, width=width, subsequent_indent=follow, break_long_words=False, break_on_hyphens=False
    )
    return tuple(wrapped) or (line,)


@lru_cache(maxsize=8192)
def docstring_block(text: str, indent: int, width: int = 96) -> str:
    """Escaped docstring content for a given indentation, long lines wrapped, the closing
    quotes on their own line when the docstring spans several lines (PEP 257). Kept per
    text: a spec repeats its descriptions (on Stripe's, 3,169 of a process's 7,933 calls are
    distinct, and cleaning and wrapping them was a fifth of its render)."""
    escaped = docstring_text(text)
    lines = [
        wrapped
        for line in escaped.split("\n")
        for wrapped in _wrap_line(line, max(width - indent, 40))
    ]
    if len(lines) == 1:
        return lines[0]
    pad = " " * indent
    body = "\n".join((pad + line) if line else "" for line in lines[1:])
    return f"{lines[0]}\n{body}\n{pad}"
