"""What the generated `node:test` tests of an operation send and expect.

Each test calls the method with a value for every parameter (its documented example, else one
synthesised from its type: `ir.examples`), against a local server answering with the success
response's example, and checks the request's method and path and the parsed result. Values
are computed here and printed as JSON by the templates (`ts_json`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from sdkwright.ir import examples
from sdkwright.ir.nodes import MISSING, Api, Definition, Operation, TypeRef
from sdkwright.targets.typescript.naming import BODY
from sdkwright.targets.typescript.tstext import ts_json
from sdkwright.targets.typescript.views import MethodView

# What encodeURIComponent leaves as it is, besides letters, digits and "-_.~".
_URI_COMPONENT_SAFE = "!*'()"
_PATH_ENCODED = frozenset('"<>`{}')


@dataclass(frozen=True)
class Case:
    """One test, its values as JavaScript expressions (JSON text; "" where there is none)."""

    method: MethodView
    params: str  # the method's params object ("": it takes none)
    path: str  # the request's expected path, parameters percent-encoded
    body: str  # the JSON body the server should receive ("": none, or not JSON)
    result: str  # the parsed result expected ("": not compared)
    items: str = ""  # a paginated method's: the first page's items expected
    cookies: tuple[str, ...] = ()  # the cookie parameters sent (by wire name)


class Examples:
    """Each method's params object (`arguments`), computed once for the SDK: its tests and
    its docs send the same values."""

    def __init__(self, api: Api) -> None:
        self.definitions = {d.name: d for d in api.definitions}
        self._found: dict[int, tuple[MethodView, dict[str, Any]]] = {}  # by id, method kept

    def arguments(self, method: MethodView) -> dict[str, Any]:
        found = self._found.get(id(method))
        if found is None:
            found = self._found[id(method)] = (method, arguments(method, self.definitions))
        return found[1]


def cases(api: Api, methods: list[MethodView], examples: Examples | None = None) -> list[Case]:
    examples = examples or Examples(api)
    return [_case(m, examples) for m in methods]


def arguments(method: MethodView, definitions: Mapping[str, Definition]) -> dict[str, Any]:
    """The method's `params` object: each parameter's documented example, else one
    synthesised from its type; the body likewise (text for a binary or text body)."""
    op = method.operation
    values = {p.name: _value(p.example, p.type, definitions) for p in op.parameters}
    values = {p.name: values[p.name] for p in method.params}  # those the method takes
    if op.body is not None:
        values[BODY] = (
            "data"
            if op.body.encoding in ("binary", "text")
            else (_value(op.body.example, op.body.type, definitions))
        )
    return values


def _case(method: MethodView, examples: Examples) -> Case:
    op = method.operation
    definitions = examples.definitions
    values = examples.arguments(method)
    body: Any = values[BODY] if op.body is not None else MISSING
    path = op.path
    for p in method.path_params:
        path = path.replace("{" + p.wire_name + "}", _encoded(values[p.name]))
    path = _as_sent(path)
    result: Any = MISSING
    if op.success.kind == "json" and op.success.type is not None:
        result = _value(op.success.example, op.success.type, definitions)
    json_body = body if op.body is not None and op.body.encoding == "json" else MISSING
    params = _js(values) if method.params_type else ""
    items = _page_items(op, result)
    cookies = tuple(p.wire_name for p in method.cookie_params if values[p.name] is not None)
    return Case(method, params, path, _js(json_body), _js(result), _js(items), cookies)


def _page_items(op: Operation, result: Any) -> Any:
    """The items of the page `result` is (empty where its envelope lacks them)."""
    if op.pagination is None or result is MISSING:
        return MISSING
    found = result
    for key in op.pagination.items.keys:
        found = found.get(key) if isinstance(found, dict) else None
    return found if isinstance(found, list) else []


def _js(value: Any) -> str:
    return "" if value is MISSING else ts_json(value)


def _value(example: Any, type_: TypeRef, definitions: Mapping[str, Definition]) -> Any:
    return example if example is not MISSING else examples.synthesise(type_, definitions)


def _as_sent(path: str) -> str:
    """A path as fetch sends it: what the URL standard's path percent-encode set holds
    (spaces, quotes, `<>{}` and backticks, controls, non-ASCII) percent-encoded."""
    return "".join(
        quote(c, safe="") if c in _PATH_ENCODED or ord(c) < 0x21 or ord(c) > 0x7E else c
        for c in path
    )


def _encoded(value: Any) -> str:
    """A path parameter as the runtime's `buildPath` sends it."""
    text = (
        value
        if isinstance(value, str)
        else json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    )
    return quote(text, safe=_URI_COMPONENT_SAFE)
