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


class Code(str):
    """A TypeScript expression `ts_value` prints as it is: made only from escaped parts."""


def ts_value(value: object, indent: str = "", width: int = 88) -> str:
    """A JSON value as a TypeScript expression laid out for people (README snippets): keys
    unquoted where they are identifiers, on one line when it fits in `width`, else one
    member a line, indented from `indent`."""
    if isinstance(value, Code):
        return str(value)
    if isinstance(value, dict):
        members = [
            f"{ts_key(str(k))}: {ts_value(v, indent + '  ', width)}" for k, v in value.items()
        ]
        return _laid_out("{", members, "}", indent, width, padded=True)
    if isinstance(value, list):
        items = [ts_value(v, indent + "  ", width) for v in value]
        return _laid_out("[", items, "]", indent, width, padded=False)
    return ts_literal(value) if value is not None else "null"


def _laid_out(
    opening: str, members: list[str], closing: str, indent: str, width: int, padded: bool
) -> str:
    if not members:
        return opening + closing
    space = " " if padded else ""
    inline = f"{opening}{space}{', '.join(members)}{space}{closing}"
    if "\n" not in inline and len(indent) + len(inline) <= width:
        return inline
    lines = "".join(f"{indent}  {m},\n" for m in members)
    return f"{opening}\n{lines}{indent}{closing}"


def ts_markdown(text: str) -> str:
    """Spec prose for a Markdown page: no HTML comment or code fence it could open."""
    cleaned = _UNPRINTABLE.sub(" ", text).replace("```", "'''").replace("<!--", "&lt;!--")
    return cleaned.strip()


def md_code(text: str) -> str:
    """Spec text as a one-line Markdown code span (no backtick inside to end it)."""
    return "`" + ts_comment(text).replace("`", "'") + "`"
