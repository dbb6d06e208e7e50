"""Parameter and form-field serialisation, generator side.

Two mirrors of the runtime's `sdkwright/runtime/_encoding.py`: the expression a
generated method wraps a value in (`delimited(tags)`, `deep_object(filter)`), and what that
value looks like on the wire, for the generated tests' expected requests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import quote

from sdkwright.ir.nodes import (
    Alias,
    Definition,
    ListOf,
    MapOf,
    Named,
    Nullable,
    Parameter,
    ParameterStyle,
    TypeRef,
    UnionOf,
)
from sdkwright.targets.python import pytext, pytypes

_SEPARATORS = {"spaceDelimited": " ", "pipeDelimited": "|"}
# What a path may hold unescaped (RFC 3986 pchar and "/"): literal parts of a path are sent
# percent-encoded outside it, the same through httpx (which would leave "|" or "^") or requests.
_PATH_SAFE = frozenset("!$&'()*+,;=:@/%-._~")


def shape(type_: TypeRef, definitions: Mapping[str, Definition]) -> str:
    """'array', 'object', 'scalar', or 'mixed' (a union of several): what a style applies to."""
    match type_:
        case Nullable(inner):
            return shape(inner, definitions)
        case ListOf():
            return "array"
        case MapOf():
            return "object"
        case Named(name, kind):
            definition = definitions.get(name)
            if isinstance(definition, Alias):
                return shape(definition.type, definitions)
            return "object" if kind == "model" else "scalar"
        case UnionOf(members):
            shapes = {shape(m, definitions) for m in members}
            return shapes.pop() if len(shapes) == 1 else "mixed"
    return "scalar"


def value_expression(
    name: str,
    location: str,
    style: ParameterStyle,
    explode: bool,
    type_: TypeRef,
    definitions: Mapping[str, Definition],
) -> str:
    """The expression a method passes for a query, header, cookie or form value."""
    kind = shape(type_, definitions)
    variable = pytext.identifier(name)
    if kind == "scalar" or location == "path":
        return variable
    if style == "deepObject":
        return f"deep_object({variable})"
    if style in _SEPARATORS:
        return f"delimited({variable}, {pytext.string_literal(_SEPARATORS[style])})"
    if location in ("header", "cookie") or style == "simple":
        if kind == "object" and explode:
            return f'delimited({variable}, key_separator="=")'
        return f"delimited({variable})"
    if not explode:
        return f"delimited({variable})"
    # An array explodes into repeated keys by itself; anything that may be an object says so.
    return variable if kind == "array" else f"exploded({variable})"


def with_fixed_query(
    declared: list[tuple[str, str]], fixed: tuple[tuple[str, str], ...]
) -> list[tuple[str, str]]:
    """The query's (wire name, expression) pairs with those its path key fixes (ir/path_keys.py):
    fixed ones first; a declared parameter of the same name sends its fixed value when the
    caller gives none (`given_or`)."""
    values: dict[str, list[str]] = {}
    for name, value in fixed:
        values.setdefault(name, []).append(value)
    literals = {
        name: pytext.string_literal(v[0]) if len(v) == 1 else pytext.value_literal(v)
        for name, v in values.items()
    }
    declared_names = {name for name, _ in declared}
    return [(n, literal) for n, literal in literals.items() if n not in declared_names] + [
        (n, f"given_or({expression}, {literals[n]})" if n in literals else expression)
        for n, expression in declared
    ]


def fixed_pairs(fixed: tuple[tuple[str, str], ...], given: set[str]) -> list[tuple[str, str]]:
    """The fixed query pairs a request carries when the parameters in `given` have values."""
    return [(name, value) for name, value in fixed if name not in given]


def helpers_used(expressions: list[str]) -> set[str]:
    return {e.partition("(")[0] for e in expressions if "(" in e}


def wire_pairs(
    wire_name: str, value: Any, style: ParameterStyle, explode: bool, type_: TypeRef
) -> list[tuple[str, str]]:
    """(name, text) pairs a query parameter or form field puts on the wire."""
    if value is None:
        return []
    if style == "deepObject":
        return list(_bracketed(wire_name, value, type_))
    if isinstance(value, list):
        if style in _SEPARATORS or not explode:
            return [(wire_name, _joined(value, _SEPARATORS.get(style, ","), type_))]
        return [(wire_name, _text(v, type_)) for v in value if v is not None]
    if isinstance(value, dict):
        if style in _SEPARATORS or not explode:
            separator = _SEPARATORS.get(style, ",")
            flat = (t for k, v in value.items() for t in (str(k), _text(v, type_)))
            return [(wire_name, separator.join(flat))]
        return [pair for k, v in value.items() for pair in _bracketed(str(k), v, type_)]
    return [(wire_name, _text(value, type_))]


def path_call(
    variable: str,
    wire_name: str,
    style: ParameterStyle,
    explode: bool,
    *,
    allow_reserved: bool = False,
    path: str = "",
    json_content: bool = False,
    non_empty: bool = False,
) -> str:
    """The runtime call that puts a path parameter into the path: its style said only where
    it is not the default (`simple`, not exploded); `keep_reserved` around it for a parameter
    that allows reserved characters. A `simple` parameter that is a whole segment with more
    of `path` after it (`/a/{x}/b`) names its argument: empty, it would make `//` and call
    another route, so the runtime refuses it, saying which (issue 13, point 3); elsewhere
    (`/files/{path}`, `/v{version}.json`) an empty value is sent, unless the parameter is
    `non_empty` (the Stainless surface). A `json_content` value goes as its JSON text (never
    empty)."""
    arguments = [f"json_value({variable})" if json_content else variable]
    if style != "simple":
        arguments.append(pytext.string_literal(style))
    if explode:
        arguments.append("explode=True")
    if style == "matrix":
        arguments.append(f"name={pytext.string_literal(wire_name)}")
    whole_segment = style == "simple" and _between_slashes(path, wire_name)
    if (whole_segment or non_empty) and not json_content:
        # In single quotes: the call sits inside the path's double-quoted f-string, where the
        # same quotes are Python 3.12 syntax (black, on an older Python, cannot parse them).
        arguments.append(f"argument='{variable}'")  # an identifier: nothing to escape
    call = f"path_param({', '.join(arguments)})"
    return f"keep_reserved({call})" if allow_reserved else call


def _between_slashes(path: str, wire_name: str) -> bool:
    return re.search(r"(?:^|/)\{" + re.escape(wire_name) + r"\}/", path) is not None


def path_text(
    wire_name: str,
    value: Any,
    style: ParameterStyle,
    explode: bool,
    segment: Callable[[Any], str],
    *,
    allow_reserved: bool = False,
) -> str:
    """A path parameter as `path_call`'s expression puts it into the path (OpenAPI's
    `simple`, `label` and `matrix` styles); `segment` percent-encodes one item."""
    text = _styled_path_text(wire_name, value, style, explode, segment)
    return keep_reserved(text) if allow_reserved else text


def _styled_path_text(
    wire_name: str, value: Any, style: ParameterStyle, explode: bool, segment: Callable[[Any], str]
) -> str:
    if isinstance(value, dict):
        joiner = "=" if explode else ","
        parts = [f"{segment(k)}{joiner}{segment(v)}" for k, v in value.items()]
    elif isinstance(value, list):
        parts = [segment(item) for item in value]
    else:
        parts = [segment(value)]
    name = quote(wire_name, safe="")
    if style == "label":
        return "." + ("." if explode else ",").join(parts)
    if style == "matrix":
        if not explode or not isinstance(value, (list, dict)):
            return f";{name}=" + ",".join(parts)
        prefix = ";" if isinstance(value, dict) else f";{name}="
        return "".join(prefix + part for part in parts)
    return ",".join(parts)


_RESERVED_IN_PATH = frozenset("/:@!$&'()*+,;=")
_ESCAPE = re.compile(r"%(25)?([0-9A-Fa-f]{2})")


def keep_reserved(encoded: str) -> str:
    """The runtime's `keep_reserved`: reserved characters and the value's own %XX triples
    restored, `.` and `..` segments kept encoded."""

    def restore(match: re.Match[str]) -> str:
        if match[1]:
            return "%" + match[2]
        char = chr(int(match[2], 16))
        return char if char in _RESERVED_IN_PATH else match[0]

    kept = _ESCAPE.sub(restore, encoded)
    return "/".join("%2E" * len(p) if p in (".", "..") else p for p in kept.split("/"))


def path_helpers(parameters: Iterable[Parameter]) -> set[str]:
    """What a method's path expression needs from the runtime besides `path_param`."""
    found = set()
    for p in parameters:
        found |= {"keep_reserved"} if p.allow_reserved else set()
        found |= {"json_value"} if p.json_content and p.location == "path" else set()
    return found


_COOKIE_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"%;\\')


def cookie_text(value: Any, explode: bool, type_: TypeRef) -> str:
    """A cookie parameter as the runtime's `cookie_header` sends it."""
    return cookie_octets(header_text(value, explode, type_))


def cookie_octets(text: str) -> str:
    return quote(text, safe=_COOKIE_SAFE)


def json_text(value: Any) -> str:
    """A value as the runtime's `json_value` (and `_item_text`, for objects and arrays) writes
    it: compact JSON, keys sorted, whole numbers without ".0"."""
    return json.dumps(
        _whole_numbers(value),
        ensure_ascii=True,
        separators=(",", ":"),
        sort_keys=True,
        allow_nan=False,
    )


def header_text(value: Any, explode: bool, type_: TypeRef) -> str:
    """A header (or cookie) value in the `simple` style."""
    if isinstance(value, list):
        return _joined(value, ",", type_)
    if isinstance(value, dict):
        joiner = "=" if explode else ","
        return ",".join(f"{k}{joiner}{_text(v, type_)}" for k, v in value.items())
    return _text(value, type_)


def _bracketed(prefix: str, value: Any, type_: TypeRef) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _bracketed(f"{prefix}[{key}]", item, type_)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _bracketed(f"{prefix}[{index}]", item, type_)
    elif value is not None:
        yield prefix, _text(value, type_)


def _joined(items: list[Any], separator: str, type_: TypeRef) -> str:
    """A delimited array: its items joined, or, holding an object or array, all as JSON."""
    if any(isinstance(item, (dict, list)) for item in items):
        return _text(items, type_)
    return separator.join(_text(item, type_) for item in items)


def _text(value: Any, type_: TypeRef) -> str:
    """A value as the runtime's `_item_text` writes it: objects and arrays as compact JSON."""
    if isinstance(value, (dict, list)):
        return json_text(value)
    return pytypes.wire_text(value, type_)


def _whole_numbers(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _whole_numbers(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_whole_numbers(value) for value in data]
    if isinstance(data, float) and data.is_integer() and abs(data) < 2**53:
        return int(data)
    return data


def path_literal(text: str) -> str:
    """A literal part of a path as sent: percent-encoded outside RFC 3986's pchar set,
    existing %XX escapes kept."""
    out = []
    for index, char in enumerate(text):
        escaped = char == "%" and _is_escape(text[index : index + 3])
        if escaped or (char in _PATH_SAFE and char != "%") or (char.isascii() and char.isalnum()):
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
    return "".join(out)


def _is_escape(text: str) -> bool:
    return len(text) == 3 and all(c in "0123456789abcdefABCDEF" for c in text[1:])
