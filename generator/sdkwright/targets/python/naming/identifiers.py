"""Python identifiers from spec text: the rules every name a generated SDK uses follows.

Names must be valid, readable and stable: a wire name keeps its spelling on the wire (through
an alias) while the Python side gets `snake_case` fields, `PascalCase` classes and
`SCREAMING_CASE` enum members. Words come from the IR's one splitter (`sdkwright.ir.names`);
collisions are resolved by adding context, never numbers (see the naming step's modules).
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable
from functools import cache, lru_cache

from sdkwright.ir.names import spelled_symbols, words
from sdkwright.targets.python.naming.reserved import PYTHON_RESERVED

_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _spell_leading_digits(parts: list[str]) -> list[str]:
    """A name cannot start with a digit: '2fa' -> 'two fa', '24' -> 'two four'."""
    if not parts or not parts[0][:1].isdigit():
        return parts
    first = parts[0]
    rest = first.lstrip("0123456789")
    digits = first[: len(first) - len(rest)]
    return [_DIGIT_WORDS[int(d)] for d in digits] + ([rest] if rest else []) + parts[1:]


@cache  # pure, and asked for the same few thousand names again and again
def snake(text: str) -> str:
    parts = _spell_leading_digits([w.lower() for w in words(text)])
    return "_".join(parts)


@cache
def pascal(text: str) -> str:
    parts = _spell_leading_digits(list(words(text)))
    return "".join(p[:1].upper() + p[1:] for p in parts)


def screaming(text: str) -> str:
    return "_".join(w.upper() for w in words(text))


def python_identifier(
    candidate: str, fallback: str, reserved: Iterable[str] = PYTHON_RESERVED
) -> str:
    """`candidate` made safe: never empty, never a keyword or a reserved name, ASCII only."""
    name = candidate if candidate.isascii() and candidate.isidentifier() else ""
    name = name or fallback
    while name in reserved or keyword.iskeyword(name):
        name += "_"
    return name


@cache
def field_name(wire_name: str) -> str:
    name = python_identifier(snake(wire_name), "field")
    # pydantic owns the `model_` namespace (model_dump, model_validate, ...).
    return name + "_" if name.startswith("model_") else name


@cache
def parameter_name(wire_name: str) -> str:
    return python_identifier(snake(wire_name), "param")


@cache
def method_name(operation_id: str) -> str:
    return python_identifier(snake(operation_id), "call")


@cache
def class_name(text: str) -> str:
    return python_identifier(pascal(text), "Model")


@cache
def module_name(class_name_: str) -> str:
    return python_identifier(snake(class_name_), "model")


@lru_cache(maxsize=None, typed=True)  # typed: True and 1 are different values
def enum_member_name(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        text = str(value).replace("-", "minus_").replace(".", "_")
        return python_identifier("VALUE_" + text.upper(), "VALUE")
    text = str(value)
    if not text:
        return "EMPTY"
    name = screaming(text)
    if not name:
        name = screaming(spelled_symbols(text))
    if not name or name[0].isdigit():
        name = "VALUE_" + name
    return python_identifier(name, "VALUE")


def unique_member_names(values: list[object]) -> list[str]:
    """Member names for enum values; values whose names collide are spelled out
    ('a-b' -> 'A_DASH_B' beside 'a_b' -> 'A_B'), whatever their order, never numbered."""
    plain = [enum_member_name(value) for value in values]
    counts: dict[str, int] = {}
    for name in plain:
        counts[name] = counts.get(name, 0) + 1
    names: list[str] = []
    taken: set[str] = set()
    for value, name in zip(values, plain, strict=True):
        if counts[name] > 1 and isinstance(value, str):
            name = python_identifier(screaming(spelled_symbols(value)), "VALUE") or name
        while name in taken:
            name += "_"
        taken.add(name)
        names.append(name)
    return names


def env_prefix(client_class_name: str) -> str:
    """'ClearStreet' -> 'CLEAR_STREET' (for CLEAR_STREET_API_KEY)."""
    return screaming(client_class_name)
