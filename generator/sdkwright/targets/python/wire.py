"""Parameter and form-field serialisation, generator side.

Two mirrors of the runtime's `sdkwright/runtime/_encoding.py`: the expression a
generated method wraps a value in (`delimited(tags)`, `deep_object(filter)`), and what that
value looks like on the wire, for the generated tests' expected requests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import quote

from sdkwright.ir.nodes import (
    Alias,
    Definition,
    ListOf,
    MapOf,
    Named,
    Nullable,
    ParameterStyle,
    TypeRef,
    UnionOf,
)
from sdkwright.targets.python import pytext, pytypes

_SEPARATORS = {"spaceDelimited": " ", "pipeDelimited": "|"}
# What httpx leaves unescaped in a URL path (RFC 3986 sub-delims, ":", "@", "/", "[", "]").
_PATH_SAFE = frozenset("!$&'()*+,;=:@/[]%-._~")


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
            separator = _SEPARATORS.get(style, ",")
            return [(wire_name, separator.join(_text(v, type_) for v in value))]
        return [(wire_name, _text(v, type_)) for v in value if v is not None]
    if isinstance(value, dict):
        if style in _SEPARATORS or not explode:
            separator = _SEPARATORS.get(style, ",")
            flat = (t for k, v in value.items() for t in (str(k), _text(v, type_)))
            return [(wire_name, separator.join(flat))]
        return [pair for k, v in value.items() for pair in _bracketed(str(k), v, type_)]
    return [(wire_name, _text(value, type_))]


def path_call(
    variable: str, wire_name: str, style: ParameterStyle, explode: bool, path: str = ""
) -> str:
    """The runtime call that puts a path parameter into the path: its style said only where
    it is not the default (`simple`, not exploded). A `simple` parameter that is a whole
    segment with more of `path` after it (`/a/{x}/b`) names its argument: empty, it would
    make `//` and call another route, so the runtime refuses it, saying which (issue 13,
    point 3); elsewhere (`/files/{path}`, `/v{version}.json`) an empty value is sent."""
    arguments = [variable]
    if style != "simple":
        arguments.append(pytext.string_literal(style))
    if explode:
        arguments.append("explode=True")
    if style == "matrix":
        arguments.append(f"name={pytext.string_literal(wire_name)}")
    if style == "simple" and _between_slashes(path, wire_name):
        # In single quotes: the call sits inside the path's double-quoted f-string, where the
        # same quotes are Python 3.12 syntax (black, on an older Python, cannot parse them).
        arguments.append(f"argument='{variable}'")  # an identifier: nothing to escape
    return f"path_param({', '.join(arguments)})"


def _between_slashes(path: str, wire_name: str) -> bool:
    return re.search(r"(?:^|/)\{" + re.escape(wire_name) + r"\}/", path) is not None


def path_text(
    wire_name: str, value: Any, style: ParameterStyle, explode: bool, segment: Callable[[Any], str]
) -> str:
    """A path parameter as `path_param` puts it into the path (OpenAPI's `simple`, `label`
    and `matrix` styles); `segment` percent-encodes one item."""
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


def header_text(value: Any, explode: bool, type_: TypeRef) -> str:
    """A header (or cookie) value in the `simple` style."""
    if isinstance(value, list):
        return ",".join(_text(v, type_) for v in value)
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


def _text(value: Any, type_: TypeRef) -> str:
    return pytypes.wire_text(value, type_)


def path_literal(text: str) -> str:
    """A literal part of a path as httpx sends it: percent-encoded outside its safe set,
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
