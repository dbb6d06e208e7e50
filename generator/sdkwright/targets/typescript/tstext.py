"""Escaping filters: the only way spec text reaches generated TypeScript.

String literals are JSON's, ASCII only (so U+2028 and friends are escapes, never line breaks);
doc comments cannot be closed by the text they hold; property keys are identifiers or quoted.
"""

from __future__ import annotations

import json
import re

_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
# Control characters but tab and newline, and the line and paragraph separators.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def ts_string(value: object) -> str:
    """A TypeScript string literal holding `value` as text."""
    return json.dumps(str(value), ensure_ascii=True)


def ts_literal(value: object) -> str:
    """A literal type or value: strings quoted, numbers and booleans as they are."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    return ts_string(value)


def ts_key(name: str) -> str:
    """A property key: as it is when it is an identifier, else quoted."""
    return name if _IDENTIFIER.match(name) else ts_string(name)


def ts_doc(text: str, indent: str = "") -> str:
    """A JSDoc comment holding `text` ("" when there is none)."""
    cleaned = _UNPRINTABLE.sub(" ", text).replace("*/", "*\\/").strip()
    if not cleaned:
        return ""
    lines = [line.rstrip() for line in cleaned.splitlines()]
    body = "\n".join(f"{indent} *{' ' + line if line else ''}" for line in lines)
    return f"{indent}/**\n{body}\n{indent} */\n"


def ts_json(value: object) -> str:
    """A JSON value as a TypeScript expression (examples in tests and docs)."""
    return json.dumps(value, ensure_ascii=True, sort_keys=False)


def ts_comment(text: str) -> str:
    """Text for a `//` comment: one line, nothing that ends it."""
    return " ".join(_UNPRINTABLE.sub(" ", text).split())
