"""Invisible format characters in a spec: Unicode's category Cf, among them the bidirectional
controls of the "Trojan Source" attack (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
U+061C), which make reviewed code read otherwise than it runs, and the zero-width ones
(U+200B-U+200D, U+2060, U+FEFF), which make two names look the same.

The spec keeps them (a string value still means what the spec says, and a generated literal
escapes them); the escaping filters (targets/python/pytext.py) keep them out of generated
code and prose; here each place in the spec that holds one gets a warning. Ordinary specs pay
one regular-expression scan of their text: only when it finds one (or an escape of one) is
the document walked to say where.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from sdkwright.spec.pointers import join_pointer

# Every character of category Cf (Unicode 14, and U+13439-U+1343F that Unicode 15 adds):
# tests/unit/test_invisible_characters.py checks it against the running Python's database.
_FORMAT_RANGES = (
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)
INVISIBLE = re.compile(
    "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in _FORMAT_RANGES) + "]"
)


@cache
def _invisible_utf8() -> re.Pattern[bytes]:
    """The same characters in UTF-8: searching bytes for them is linear and makes no objects,
    where the pattern above takes 0.3 s on Stripe's text and a text of CJK characters would
    make millions of one-character strings to be told apart."""
    encoded = [chr(c).encode() for a, b in _FORMAT_RANGES for c in range(a, b + 1)]
    return re.compile(b"|".join(re.escape(e) for e in encoded))


# Escapes JSON and YAML write characters with, which the text scan must look through.
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2}))")
CODE = "spec.invisible-character"
HINT = (
    "remove the character: generated code and docs leave it out (string values keep it, "
    "escaped), but a reader of the spec cannot see it"
)


def without_invisible(text: str) -> str:
    return INVISIBLE.sub("", text) if not text.isascii() else text


def escape_invisible(text: str) -> str:
    """`text` with each invisible character shown as its escape (`\\u202e`), for messages."""
    if text.isascii():
        return text
    return INVISIBLE.sub(lambda found: found[0].encode("unicode_escape").decode(), text)


def may_hold_invisible(text: str) -> bool:
    """Whether a spec's text holds an invisible character, as itself or as an escape."""
    if not text.isascii() and _invisible_utf8().search(text.encode("utf-8", "surrogatepass")):
        return True
    return any(
        INVISIBLE.match(chr(int("".join(digits), 16)))
        for digits in _ESCAPE.findall(text)
        if int("".join(digits), 16) < 0x110000
    )


def describe(text: str) -> str:
    """The invisible characters of `text`, each by code point and name."""
    found = dict.fromkeys(INVISIBLE.findall(text))
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'FORMAT CHARACTER')}" for c in found)


def places(data: Any) -> list[tuple[str, str]]:
    """(JSON pointer, the characters found) for each place whose key or string value holds
    one: a place is named once, whether its key or its value (or both) holds them."""
    found: dict[str, str] = {}  # pointer -> the texts holding them
    stack: list[tuple[Any, str]] = [(data, "")]
    seen: set[int] = set()
    while stack:
        value, pointer = stack.pop()
        if isinstance(value, str):
            if not value.isascii() and INVISIBLE.search(value):
                found[pointer] = found.get(pointer, "") + value
            continue
        if id(value) in seen or not isinstance(value, (dict, list)):
            continue
        seen.add(id(value))
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            where = join_pointer(pointer, key if type(key) is int else str(key))
            if isinstance(key, str) and not key.isascii() and INVISIBLE.search(key):
                found[where] = key
            stack.append((child, where))
    return [(pointer, describe(texts)) for pointer, texts in found.items()]
