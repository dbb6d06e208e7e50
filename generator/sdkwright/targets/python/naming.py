"""Every Python name a generated SDK uses is made here, from spec text.

Names must be valid, readable and stable: a wire name keeps its spelling on the wire (through
an alias) while the Python side gets `snake_case` fields, `PascalCase` classes and
`SCREAMING_CASE` enum members. Collisions are resolved by adding context, never numbers.
"""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_LEADING_SYMBOLS = {
    "+": "plus",
    "-": "minus",
    "@": "at",
    "$": "dollar",
    "#": "hash",
    "*": "star",
    "!": "not",
}
_SYMBOL_WORDS = {
    "-": "dash",
    ".": "dot",
    "+": "plus",
    "/": "slash",
    " ": "space",
    ":": "colon",
    "@": "at",
    "*": "star",
    "#": "hash",
    "&": "and",
    "|": "or",
    "=": "eq",
    "<": "lt",
    ">": "gt",
    "!": "not",
    "~": "tilde",
    "%": "percent",
    ",": "comma",
    "$": "dollar",
    "(": "open",
    ")": "close",
}

# Names a generated module or class body may not use for a field or parameter: keywords,
# the types its annotations name, and what pydantic's BaseModel defines already.
PYTHON_RESERVED = (
    frozenset(keyword.kwlist)
    | frozenset(keyword.softkwlist)
    | frozenset(
        {
            "str",
            "int",
            "float",
            "bool",
            "bytes",
            "list",
            "dict",
            "object",
            "type",
            "datetime",
            "date",
            "Any",
            "Literal",
            "Annotated",
            "Field",
            "BaseModel",
            "Enum",
            "pydantic",
            "tag_reader",
            "self",
            "cls",
            "copy",
            "json",
            "schema",
            "schema_json",
            "construct",
            "validate",
            "fields",
            "parse_obj",
            "parse_raw",
            "parse_file",
            "from_orm",
            "update_forward_refs",
        }
    )
)


def words(text: str) -> list[str]:
    """Split any spelling (camelCase, kebab-case, 'Spaced words', snake_case) into words.

    Accented letters lose their accents ('café' -> 'cafe') rather than the letter.
    """
    stripped = unicodedata.normalize("NFKD", text.strip()).encode("ascii", "ignore").decode()
    prefix = []
    if stripped[:1] in _LEADING_SYMBOLS:
        prefix.append(_LEADING_SYMBOLS[stripped[0]])
    return prefix + _WORD.findall(stripped)


def _spell_leading_digits(parts: list[str]) -> list[str]:
    if parts and parts[0].isdigit():
        return [_DIGIT_WORDS[int(d)] for d in parts[0]] + parts[1:]
    return parts


@cache  # pure, and asked for the same few thousand names again and again
def snake(text: str) -> str:
    parts = _spell_leading_digits([w.lower() for w in words(text)])
    return "_".join(parts)


@cache
def pascal(text: str) -> str:
    parts = _spell_leading_digits(words(text))
    return "".join(p[:1].upper() + p[1:] for p in parts)


def screaming(text: str) -> str:
    return "_".join(w.upper() for w in words(text))


def spelled_symbols(text: str) -> str:
    """'a-b' -> 'a dash b': a second spelling for names that collide once symbols are dropped."""
    return "".join(f" {_SYMBOL_WORDS[c]} " if c in _SYMBOL_WORDS else c for c in text)


def python_identifier(
    candidate: str, fallback: str, reserved: Iterable[str] = PYTHON_RESERVED
) -> str:
    """`candidate` made safe: never empty, never a keyword or a reserved name, ASCII only."""
    name = candidate if candidate.isascii() and candidate.isidentifier() else ""
    name = name or fallback
    while name in reserved or keyword.iskeyword(name):
        name += "_"
    return name


def field_name(wire_name: str) -> str:
    name = python_identifier(snake(wire_name), "field")
    # pydantic owns the `model_` namespace (model_dump, model_validate, ...).
    return name + "_" if name.startswith("model_") else name


def parameter_name(wire_name: str) -> str:
    return python_identifier(snake(wire_name), "param")


def method_name(operation_id: str) -> str:
    return python_identifier(snake(operation_id), "call")


def class_name(text: str) -> str:
    return python_identifier(pascal(text), "Model")


def module_name(class_name_: str) -> str:
    return python_identifier(snake(class_name_), "model")


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


# Names the modules of `types/` import besides definitions: no class may be called so.
RUNTIME_NAMES = frozenset(
    {
        "Annotated",
        "Any",
        "AwareDatetime",
        "BaseModel",
        "Field",
        "Literal",
        "OpenIntEnum",
        "OpenStrEnum",
        "TypeAlias",
        "TypeAliasType",
    }
)


class NameRegistry:
    """Hands out unique names from lists of candidates, most natural first."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._owners: dict[str, str] = {}
        self.reserve(reserved)

    def reserve(self, names: Iterable[str], owner: str = "<reserved>") -> None:
        for name in names:
            self._owners.setdefault(name.lower(), owner)

    def owner(self, name: str) -> str | None:
        return self._owners.get(name.lower())

    def claim(self, candidates: list[str], owner: str) -> tuple[str, bool]:
        """The first free candidate (case-insensitively, since names become file names).

        Returns the name and whether it had to step past the first choice.
        """
        for index, candidate in enumerate(candidates):
            if candidate.lower() not in self._owners:
                self._take(candidate, owner)
                return candidate, index > 0
        base = candidates[-1]
        name = base
        while name.lower() in self._owners:
            name += "Alt"
        self._take(name, owner)
        return name, True

    def _take(self, name: str, owner: str) -> None:
        self._owners[name.lower()] = owner
