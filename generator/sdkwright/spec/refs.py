"""Where a document's `$ref`s and `$anchor`s are: every object of it that is an OpenAPI or
Schema object, never one inside data.

Example values, defaults, enums, consts and `x-` extensions are data: a `{"$ref": ...}` in
them is text the spec's author wants to show or keep, not a reference to follow. Which keys
hold data depends on the object they are in: in a map of names chosen by the author
(`properties`, `headers`, `responses`, `schemas`, ...) a key called `example`, `default` or
`x-request-id` names a schema, a header or a response.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sdkwright.spec.pointers import join_pointer

# Maps whose keys are names chosen by the spec's author: each value is an object of its own.
_NAME_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "dependentSchemas",
        "$defs",
        "definitions",
        "schemas",
        "parameters",
        "headers",
        "responses",
        "requestBodies",
        "securitySchemes",
        "securityDefinitions",
        "callbacks",
        "links",
        "pathItems",
        "webhooks",
        "encoding",
        "content",
        "variables",
    }
)
# Maps of names that also take `x-` extensions (no status code starts with "x-").
_EXTENSIBLE_NAME_MAPS = frozenset({"responses"})
# Where OpenAPI allows a value but not a Reference Object, yet real multi-file specs
# (DigitalOcean's) put `$ref`s anyway: text fields and `properties` maps (and, in a path
# item, whole operations). Validation follows them (validate.py, full_validation.py).
FOLLOWED_UNDER = frozenset({"properties", "description", "summary"})
_DATA_KEYS = frozenset({"example", "default", "enum", "const"})
_NAMED = ""  # the context of an object named in a map, or listed in an array
# The top of a referenced file: its keys may be an object's (an operation in a file of its
# own) or names (a file of schemas or headers, where `x-request-id` names one): no data there.
_FILE_TOP = "\0file"
_EXAMPLES = "\0examples"  # an OpenAPI 3 `examples` map: Example Objects (or $refs to them)
_EXAMPLE = "\0example"  # an Example Object, whose `value` is data

_Trail = tuple[Any, str | int] | None  # (parent trail, token), None at the start


def child_context(context: str, key: str, child: Any, swagger2: bool) -> str | None:
    """The context of `child`, found at `key` in an object whose context is `context`
    (the key it sits at in its own parent); None when `child` is data."""
    if context in _NAME_MAPS:
        return None if context in _EXTENSIBLE_NAME_MAPS and key.startswith("x-") else _NAMED
    if context == _FILE_TOP:
        return key
    if context == _EXAMPLES:
        return _EXAMPLE
    if context == _EXAMPLE and key == "value":
        return None
    if key in _DATA_KEYS or key.startswith("x-"):
        return None
    if key == "examples":  # a 3.1 Schema's list, or 2.0's map of media types: data
        return _EXAMPLES if isinstance(child, dict) and not swagger2 else None
    return key


def top_context(*, root_document: bool) -> str:
    """The context of a document's top: the root's is an OpenAPI object, another file's
    may hold an object or names (`_FILE_TOP`)."""
    return _NAMED if root_document else _FILE_TOP


def context_of(data: Any, tokens: list[str], *, swagger2: bool, root_document: bool) -> str | None:
    """The context of the value at `tokens` in a document (the key it sits at, `_NAMED`
    when it is named in a map or listed), or None when it is data: what `objects` knows of
    it, found without walking the rest of the document."""
    context: str | None = top_context(root_document=root_document)
    value = data
    for token in tokens:
        if context is None:
            return None
        if isinstance(value, list):
            value, context = value[int(token)], _NAMED
        else:
            value = value[token]
            context = child_context(context, token, value, swagger2)
    return context


def objects(
    data: Any, *, swagger2: bool, root_document: bool
) -> Iterator[tuple[_Trail, dict[str, Any]]]:
    """Every OpenAPI or Schema object in a document (a mapping not inside data), with the
    trail of tokens that leads to it. Runs over every value of every document: the trail
    is joined into a pointer only for the objects a caller keeps (`pointer`)."""
    top = top_context(root_document=root_document)
    stack: list[tuple[_Trail, Any, str]] = [(None, data, top)]
    while stack:
        trail, value, context = stack.pop()
        if isinstance(value, dict):
            yield trail, value
            for key, child in value.items():
                if isinstance(child, (dict, list)):
                    inner = child_context(context, key, child, swagger2)
                    if inner is not None:
                        stack.append(((trail, key), child, inner))
        elif isinstance(value, list):
            stack.extend(
                ((trail, index), child, _NAMED)
                for index, child in enumerate(value)
                if isinstance(child, (dict, list))
            )


def pointer(base: str, trail: _Trail) -> str:
    tokens: list[str | int] = []
    while trail is not None:
        trail, token = trail
        tokens.append(token if isinstance(token, int) else str(token))
    return join_pointer(base, *reversed(tokens))


def is_swagger2(data: Any) -> bool:
    return isinstance(data, dict) and str(data.get("swagger")) == "2.0"


def anchors(data: Any, *, swagger2: bool, root_document: bool) -> dict[str, list[str]]:
    """Anchor name -> pointers of the schemas that declare it (`$anchor`, or a 2020-12
    `$dynamicAnchor`, which is also a plain name fragment)."""
    found: dict[str, list[str]] = {}
    for trail, value in objects(data, swagger2=swagger2, root_document=root_document):
        for key in ("$anchor", "$dynamicAnchor"):
            name = value.get(key)
            if isinstance(name, str):
                found.setdefault(name, []).append(pointer("", trail))
    return found
