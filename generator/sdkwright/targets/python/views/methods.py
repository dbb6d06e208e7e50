"""One method of a resource class: its arguments, return type, and the request it sends
(`MethodContext`, worked out once for the sync and async code, the docs and the tests)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sdkwright.flavours.model_types import PYDANTIC, ModelType
from sdkwright.ir.nodes import Definition, Field, Operation, Parameter, TypeRef
from sdkwright.targets.python import input_types, pytext, pytypes, wire
from sdkwright.targets.python.body_params import models_only, takes_params
from sdkwright.targets.python.naming import pascal
from sdkwright.targets.python.views import samples
from sdkwright.targets.python.views.auth import security_literal
from sdkwright.targets.python.views.pagination import PageContext, page_context


@dataclass(frozen=True)
class Argument:
    name: str
    annotation: str
    default: str
    description: str
    deprecated: bool


@dataclass(frozen=True)
class MethodContext:
    """What one method's code, docs and tests need, worked out once."""

    op: Operation
    arguments: tuple[Argument, ...]
    return_annotation: str
    cast_to: str
    path_expression: str
    query: tuple[Parameter, ...]
    headers: tuple[Parameter, ...]
    body_fields: tuple[Field, ...] | None
    has_body: bool
    # The generated test's (views.samples): its call, and what it expects on the wire.
    sample_arguments: tuple[tuple[str, str], ...]
    sample_names: tuple[str, ...]  # sorted, not a set: contexts are fingerprinted by pickle
    expected_path: str
    expected_query: tuple[tuple[str, str], ...]
    expected_headers: tuple[tuple[str, str], ...]
    expected_body: Any
    response_status: int
    response_literal: str
    page: PageContext | None = None
    # (wire name, expression) of what the request sends, values shaped for their style.
    query_items: tuple[tuple[str, str], ...] = ()
    header_items: tuple[tuple[str, str], ...] = ()
    cookie_items: tuple[tuple[str, str], ...] = ()
    body_items: tuple[tuple[str, str], ...] | None = None
    content_type: str = ""  # of a body that is not JSON
    security: str = ""  # the `security=` literal of an operation not using the default
    # (argument, the condition that it was passed): "legacy is not None" and the like
    deprecated_arguments: tuple[tuple[str, str], ...] = ()
    helpers: tuple[str, ...] = ()  # what the call uses from _base_client besides path_param
    expected_cookies: str = ""
    expected_form: tuple[tuple[str, str], ...] | None = None
    expected_parts: tuple[str, ...] | None = None
    expected_content: str = ""  # an expression of the raw body's bytes
    test_class: str = ""  # the generated test's class, unique in its module (`test_classes`)
    # Arguments taken by position (the first of `arguments`, of `sample_arguments`).
    positional: tuple[str, ...] = ()
    # What a whole body is sent as: `body`, or its dicts made models (`body_params`).
    body_expression: str = "body"
    # The Stainless surface's inputs (`input_types`): optional arguments default to `omit`
    # (`X | Omit = omit`), not to None (parameters) or NOT_GIVEN (body fields).
    stainless: bool = False
    # A paginated method's first cursor: its argument (None where left out; a file given for
    # a `format: byte` cursor as its base64 text).
    first_cursor: str = "None"

    @property
    def input_imports(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """What the arguments' annotations import (`input_types.names_used`): (from
        collections.abc, from the runtime's `_types`)."""
        abc, runtime = input_types.names_used([a.annotation for a in self.arguments])
        return tuple(sorted(abc)), tuple(sorted(runtime))

    @property
    def sample_call(self) -> tuple[tuple[str, str], ...]:
        """(name, argument as the sample call writes it): `value`, or `name=value`."""
        return tuple(
            (name, value if name in self.positional else f"{name}={value}")
            for name, value in self.sample_arguments
        )


def method_context(
    op: Operation,
    definitions: Mapping[str, Definition],
    models: ModelType = PYDANTIC,
    *,
    stainless: bool = False,
) -> MethodContext:
    """The method of `op`, its results read and its sample models built as `models` are;
    `stainless`: its arguments typed as the Stainless surface's (`input_types`)."""
    success = op.success
    if success.kind == "events":  # the async flavour's is AsyncEventStream
        return_annotation, cast_to = "EventStream", "EventStream"
    elif success.kind == "empty" or success.type is None:
        return_annotation, cast_to = "None", "type(None)"
    else:
        return_annotation = pytypes.annotation(success.type)
        cast_to = pytypes.cast_target(success.type, definitions, models.enums_are_literals)
    positional = _positional(op)
    expectations = samples.expectations(op, definitions, models)
    expectations["sample_arguments"] = _first(expectations["sample_arguments"], positional)
    return MethodContext(
        op=op,
        arguments=_first(tuple(_arguments(op, definitions, stainless)), positional),
        stainless=stainless,
        first_cursor=_first_cursor(op, stainless),
        positional=positional,
        return_annotation=return_annotation,
        cast_to=cast_to,
        path_expression=_path_expression(op),
        query=tuple(p for p in op.parameters if p.location == "query"),
        headers=tuple(p for p in op.parameters if p.location == "header"),
        body_fields=op.body.fields if op.body is not None else None,
        has_body=op.body is not None,
        page=page_context(op, definitions, models),
        **expectations,
        **_request_context(op, definitions, stainless),
    )


def _first_cursor(op: Operation, stainless: bool) -> str:
    paging = op.pagination
    if paging is None or not paging.parameter:
        return "None"
    name = pytext.identifier(paging.parameter)
    if not stainless:
        return name
    parameter = next((p for p in op.parameters if p.name == paging.parameter), None)
    base64 = parameter is not None and input_types.is_base64(parameter.type)
    return f"None if isinstance({name}, NotGiven) else {f'base64_file({name})' if base64 else name}"


def _positional(op: Operation) -> tuple[str, ...]:
    """The arguments of the path parameters the method takes by position, in that order."""
    by_wire = {p.wire_name: p.name for p in op.path_parameters}
    return tuple(by_wire[name] for name in op.positional if name in by_wire)


def _first(items: tuple[Any, ...], names: tuple[str, ...]) -> tuple[Any, ...]:
    """`items` (arguments, or (name, value) pairs) with those `names` first, in their order."""
    if not names:
        return items

    def name(item: Any) -> str:
        return str(item.name if isinstance(item, Argument) else item[0])

    ahead = sorted((i for i in items if name(i) in names), key=lambda i: names.index(name(i)))
    return (*ahead, *(i for i in items if name(i) not in names))


def _request_context(
    op: Operation, definitions: Mapping[str, Definition], stainless: bool
) -> dict[str, Any]:
    """The request's values as sent (styles applied)."""
    items, body_items = _request_expressions(op, definitions, stainless)
    body = op.body
    return {
        "query_items": tuple(items["query"]),
        "header_items": tuple(items["header"]),
        "cookie_items": tuple(items["cookie"]),
        "body_items": tuple(body_items) if body_items is not None else None,
        "content_type": body.media_type if body is not None and body.encoding != "json" else "",
        "security": security_literal(op.security),
        "deprecated_arguments": _deprecated_arguments(op, stainless),
        "helpers": tuple(
            sorted(
                _helpers(items, body_items)
                | wire.path_helpers(op.parameters)
                | ({"base64_file"} if "base64_file(" in _first_cursor(op, stainless) else set())
            )
        ),
        "body_expression": _body_expression(op, definitions),
    }


def _body_expression(op: Operation, definitions: Mapping[str, Definition]) -> str:
    body = op.body
    name = pytext.identifier(body.argument or "body") if body is not None else "body"
    if body is None or body.fields is not None or not takes_params(body.type, definitions):
        return name
    models = pytypes.static_annotation(models_only(body.type, definitions))
    return f"models_of({name}, {models})"


def _request_expressions(
    op: Operation, definitions: Mapping[str, Definition], stainless: bool = False
) -> tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str]] | None]:
    """(wire name, expression) per query, header and cookie parameter, and per body field;
    `stainless`: a file given for a `format: byte` value is sent base64-encoded."""
    cursor = op.pagination.parameter if op.pagination is not None else ""
    items: dict[str, list[tuple[str, str]]] = {"query": [], "header": [], "cookie": []}
    for p in op.parameters:
        if p.location == "path":
            continue
        expression = wire.value_expression(
            p.name, p.location, p.style, p.explode, p.type, definitions
        )
        if p.json_content:
            expression = f"json_value({pytext.identifier(p.name)})"
        elif stainless and input_types.is_base64(p.type):
            expression = f"base64_file({expression})"
        items[p.location].append((p.wire_name, "cursor" if p.name == cursor else expression))
    items["query"] = wire.with_fixed_query(items["query"], op.fixed_query)
    body = op.body
    if body is None or body.fields is None:
        return items, None
    styles = {s.wire_name: s for s in body.field_styles} if body.encoding == "form" else {}
    body_items = []
    for f in body.fields:
        style = styles.get(f.wire_name)
        expression = pytext.identifier(f.name)
        if stainless and input_types.is_base64(f.type):
            expression = f"base64_file({expression})"
        if takes_params(f.type, definitions):  # dicts by Python name: sent as their models
            models = pytypes.static_annotation(models_only(f.type, definitions))
            expression = f"models_of({expression}, {models})"
        if style is not None:
            expression = wire.value_expression(
                f.name, "form", style.style, style.explode, f.type, definitions
            )
        body_items.append((f.wire_name, expression))
    return items, body_items


def _helpers(
    items: dict[str, list[tuple[str, str]]], body_items: list[tuple[str, str]] | None
) -> set[str]:
    expressions = [e for pairs in items.values() for _, e in pairs]
    used = wire.helpers_used(expressions + [e for _, e in body_items or []])
    return used - {"models_of"}  # the model type's (`_models`), imported with the models


def _deprecated_arguments(op: Operation, stainless: bool) -> tuple[tuple[str, str], ...]:
    """When an optional argument the API deprecates is passed (it then warns), as conditions:
    parameters default to None (or `omit`), body fields to NOT_GIVEN (or `omit`, a NotGiven).
    Required ones cannot warn."""
    fields = op.body.fields if op.body is not None and op.body.fields is not None else ()
    return (
        *(
            (
                p.name,
                f"not isinstance({p.name}, NotGiven)" if stainless else f"{p.name} is not None",
            )
            for p in op.parameters
            if p.deprecated and not p.required
        ),
        *(
            (f.name, f"not isinstance({f.name}, NotGiven)")
            for f in fields
            if f.deprecated and not f.required
        ),
    )


def _arguments(
    op: Operation, definitions: Mapping[str, Definition], stainless: bool
) -> list[Argument]:
    def typed(type_: TypeRef) -> str:
        if stainless:
            return input_types.input_annotation(type_, definitions)
        return pytypes.annotation(type_)

    arguments = []
    for p in op.parameters:
        annotation = typed(p.type)
        if p.required:
            arguments.append(Argument(p.name, annotation, "", p.description, p.deprecated))
        elif stainless:
            arguments.append(_omittable(p.name, annotation, p.description, p.deprecated))
        else:
            optional = annotation if annotation.endswith("| None") else f"{annotation} | None"
            arguments.append(Argument(p.name, optional, "None", p.description, p.deprecated))
    body = op.body
    if body is not None and body.fields is not None:
        for f in body.fields:
            annotation = typed(f.type)
            if body.encoding == "multipart":
                annotation = pytypes.upload_annotation(f.type)
            if f.required:
                arguments.append(Argument(f.name, annotation, "", f.description, f.deprecated))
            elif stainless:
                arguments.append(_omittable(f.name, annotation, f.description, f.deprecated))
            else:
                arguments.append(
                    Argument(
                        f.name, f"{annotation} | NotGiven", "NOT_GIVEN", f.description, f.deprecated
                    )
                )
    elif body is not None:
        annotation = typed(body.type)
        if body.encoding == "binary":
            annotation = "BinaryContent"
        name = body.argument or "body"
        if body.required:
            arguments.append(Argument(name, annotation, "", body.description, False))
        elif stainless:
            arguments.append(_omittable(name, annotation, body.description, False))
        else:
            arguments.append(
                Argument(name, f"{annotation} | NotGiven", "NOT_GIVEN", body.description, False)
            )
    return sorted(arguments, key=lambda a: a.default != "")


def _omittable(name: str, annotation: str, description: str, deprecated: bool) -> Argument:
    """An optional argument as Stainless spells it: `X | Omit = omit` (`X | None | Omit` where
    the value may be null); left out, it is not sent."""
    return Argument(name, f"{annotation} | Omit", "omit", description, deprecated)


def _path_expression(op: Operation) -> str:
    """The path as an f-string; literal parts escaped, variables through `path_param`."""
    by_wire = {p.wire_name: p for p in op.path_parameters}
    pieces: list[str] = []
    rest = op.path
    has_variable = False
    while rest:
        start = rest.find("{")
        end = rest.find("}", start)
        if start < 0 or end < 0 or rest[start + 1 : end] not in by_wire:
            pieces.append(_fstring_literal(wire.path_literal(rest)))
            break
        pieces.append(_fstring_literal(wire.path_literal(rest[:start])))
        parameter = by_wire[rest[start + 1 : end]]
        variable = pytext.identifier(parameter.name)
        call = wire.path_call(
            variable,
            parameter.wire_name,
            parameter.style,
            parameter.explode,
            allow_reserved=parameter.allow_reserved,
            path=op.path,
            json_content=parameter.json_content,
            non_empty=parameter.non_empty,
        )
        pieces.append("{" + call + "}")
        has_variable = True
        rest = rest[end + 1 :]
    if not has_variable:  # percent-encoded here, the same whatever the HTTP library
        return pytext.string_literal(wire.path_literal(op.path))
    return 'f"' + "".join(pieces) + '"'


def _fstring_literal(text: str) -> str:
    inner = pytext.string_literal(text)[1:-1]
    return inner.replace("{", "{{").replace("}", "}}")


def with_test_classes(calls: list[MethodContext]) -> list[MethodContext]:
    """The calls of one group with their test classes: `Test` and the method in PascalCase,
    or, where two methods give the same one (`get_pet_get` and `get_pet_get_`, methods of
    operationIds that differ only in spelling), `Test_` and the method itself, unique as
    methods are."""
    taken: set[str] = set()
    named = []
    for call in calls:
        name = "Test" + pascal(call.op.method_name)
        if name in taken:
            name = "Test_" + call.op.method_name
        taken.add(name)
        named.append(replace(call, test_class=name))
    return named
