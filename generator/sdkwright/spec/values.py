"""Parsed specs hold JSON values only: what YAML and Python's json module let through that
JSON has no place for is turned into JSON, or refused, each time with a JSON pointer.

- YAML tags outside JSON's types (`!!binary`, `!!timestamp`, `!!set`, `!!omap`, `!!pairs`)
  are read as if they were not there: the text as written, the mapping, the list of pairs.
- An integer longer than `MAX_NUMBER_DIGITS` digits is refused: Python converts no more than
  4,300 digits to or from text, so neither sdkwright nor the SDK could write it.
- Lone surrogates written as JSON escapes (`"\\ud800"`) are not characters (no UTF-8 file can
  hold them): each becomes U+FFFD.

Ordinary specs pay nothing for this: the YAML constructors and the JSON parser note what
they met, and only then is the document walked to say where.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from sdkwright.spec.pointers import join_pointer

MAX_NUMBER_DIGITS = 1_000
_MAX_NUMBER_BITS = 3_322  # 2**3322 has 1,001 decimal digits
REPLACEMENT = "\ufffd"

# JSON escapes of surrogates; paired ones (emoji) are fine, but only a walk tells them apart.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class TaggedText(str):
    """A scalar YAML read under a tag JSON has no type for (`!!binary`, `!!timestamp`)."""

    tag = ""


class TaggedMapping(dict[Any, Any]):
    """A `!!set`: a mapping whose values are null."""

    tag = "!!set"


class TaggedSequence(list[Any]):
    """An `!!omap` or `!!pairs`: a list of one-entry mappings."""

    tag = ""


class HugeNumber(str):
    """The text of an integer too long to convert."""


_noted = [0]  # how many of the values above were made: the walk is needed only then


def note() -> None:
    _noted[0] += 1


def noted() -> int:
    return _noted[0]


def tagged_text(text: str, tag: str) -> TaggedText:
    note()
    value = TaggedText(text)
    value.tag = tag
    return value


def integer(text: str, base: int = 10, prefix: str = "") -> int | HugeNumber:
    """`int(text, base)`, or a HugeNumber when it would be too long to write."""
    if base == 10 and len(text.lstrip("+-")) > MAX_NUMBER_DIGITS:
        return _huge(prefix + text)
    try:
        value = int(text, base)
    except ValueError:  # over the interpreter's own limit (PYTHONINTMAXSTRDIGITS)
        return _huge(prefix + text)
    return _huge(prefix + text) if value.bit_length() > _MAX_NUMBER_BITS else value


def _huge(text: str) -> HugeNumber:
    note()
    return HugeNumber(text)


def parse_json(text: str) -> tuple[Any, bool]:
    """The value and whether it may hold something to report (then `check` says what).

    A too-long integer stops Python's parser with a ValueError: only then is the text parsed
    again, converting integers one by one. JSONDecodeError is for the caller to report."""
    before = noted()
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise
    except ValueError:
        data = json.loads(text, parse_int=integer)
    suspect = noted() != before or _SURROGATE_ESCAPE.search(text) is not None
    return data, suspect


def position_text(text: str) -> str:
    """The text with every surrogate escape made a plain character's, same length: a YAML
    parser (which finds line and column) refuses lone ones."""
    return _SURROGATE_ESCAPE.sub(r"\\ufffd", text) if "\\u" in text else text


@dataclass(frozen=True)
class Finding:
    pointer: str
    code: str
    message: str
    is_error: bool


def check(data: Any) -> tuple[Any, list[Finding]]:
    """`data` with JSON values only, and what was changed or refused, by pointer.

    Values YAML aliases share are changed once and stay shared."""
    findings: list[Finding] = []
    done: dict[int, Any] = {}
    root = _plain(data, "", findings, done)
    stack: list[tuple[Any, str]] = [(root, "")]
    visited: set[int] = set()
    while stack:
        value, pointer = stack.pop()
        if id(value) in visited:
            continue
        visited.add(id(value))
        if isinstance(value, dict):
            _check_mapping(value, pointer, findings, done, stack)
        elif isinstance(value, list):
            for index, child in enumerate(value):
                where = join_pointer(pointer, index)
                value[index] = plain = _plain(child, where, findings, done)
                if isinstance(plain, (dict, list)):
                    stack.append((plain, where))
    return root, findings


def _check_mapping(
    value: dict[Any, Any],
    pointer: str,
    findings: list[Finding],
    done: dict[int, Any],
    stack: list[tuple[Any, str]],
) -> None:
    items = []
    for key, child in value.items():
        found = len(findings)
        plain_key = _plain(key, "", findings, done)
        where = join_pointer(pointer, str(plain_key))
        if len(findings) > found:  # the key itself was changed: point at what it became
            findings[-1] = replace(findings[-1], pointer=where)
        plain = _plain(child, where, findings, done)
        items.append((plain_key, plain))
        if isinstance(plain, (dict, list)):
            stack.append((plain, where))
    if any(
        k is not old_k or v is not old_v
        for (k, v), (old_k, old_v) in zip(items, value.items(), strict=True)
    ):
        value.clear()
        value.update(items)


def _plain(value: Any, pointer: str, findings: list[Finding], done: dict[int, Any]) -> Any:
    """A JSON value for one parsed value (containers are copied, not walked, here)."""
    if id(value) in done:
        return done[id(value)]
    plain = value
    if isinstance(value, HugeNumber):
        message = f"the integer {value[:12]}... ({len(value):,} characters) is longer than {MAX_NUMBER_DIGITS:,} digits"
        findings.append(Finding(pointer, "limit.number", message, True))
    elif isinstance(value, (TaggedText, TaggedMapping, TaggedSequence)):
        plain = _untagged(value)
        message = (
            f"the YAML tag {value.tag} has no JSON type: read as if untagged ({_shape(plain)})"
        )
        findings.append(Finding(pointer, "load.yaml-tag", message, False))
    elif isinstance(value, str) and not value.isascii() and _LONE_SURROGATE.search(value):
        plain = _LONE_SURROGATE.sub(REPLACEMENT, value)
        message = "a lone surrogate escape (\\ud800-\\udfff) is not a character: replaced by U+FFFD"
        findings.append(Finding(pointer, "load.surrogate", message, False))
    done[id(value)] = plain
    return plain


def _untagged(value: TaggedText | TaggedMapping | TaggedSequence) -> Any:
    if isinstance(value, TaggedText):
        return str(value)
    if isinstance(value, TaggedMapping):
        return dict(value)
    return list(value)


def _shape(value: Any) -> str:
    if isinstance(value, str):
        return "the text as written"
    return "a mapping with null values" if isinstance(value, dict) else "a list of pairs"
