"""Sample arguments for a method's generated test, and what that test expects the request to
be on the wire (path, query, headers, cookies, body) and the response to give back."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import partial
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from sdkwright.flavours.model_types import ModelType
from sdkwright.ir import example_forms, examples
from sdkwright.ir.nodes import MISSING, Definition, Named, Operation, Parameter, TypeRef
from sdkwright.targets.python import pytext, pytypes, wire


def expectations(
    op: Operation, definitions: Mapping[str, Definition], models: ModelType
) -> dict[str, Any]:
    """The test's fields of a `MethodContext`: the sample call (models built as `models`
    builds them) and what it should send."""
    samples = _parameter_samples(op, definitions)
    body_sample = _body_sample(op, definitions)
    sample_names: set[str] = set()
    sample_arguments = tuple(
        _sample_arguments(op, samples, body_sample, definitions, sample_names, models)
    )
    success = op.success
    return {
        "sample_arguments": sample_arguments,
        "sample_names": tuple(sorted(sample_names)),
        "expected_path": _expected_path(op, samples),
        "expected_query": tuple(_expected_pairs(op, samples, "query")),
        "expected_headers": tuple(_expected_pairs(op, samples, "header")),
        "expected_body": _expected_body(op, body_sample),
        "response_status": int(success.status) if success.status.isdigit() else 200,
        "response_literal": pytext.value_literal(success.example)
        if success.example is not MISSING
        else "None",
        "expected_cookies": "; ".join(
            f"{p.wire_name}={_cookie_text(p, samples[p.name])}"
            for p in op.parameters
            if p.location == "cookie" and samples[p.name] is not None
        ),
        **_expected_body_context(op, body_sample),
    }


def _parameter_samples(op: Operation, definitions: Mapping[str, Definition]) -> dict[str, Any]:
    samples = {}
    for p in op.parameters:
        value, problem = (
            (p.example, "none")
            if p.example is MISSING
            else example_forms.usable(p.example, p.type, definitions)
        )
        if problem is not None:
            value = examples.synthesise(p.type, definitions)
        if p.location == "path" and (value is None or value == "" or value == [] or value == {}):
            value = "value"
        samples[p.name] = value
    return samples


def _body_sample(op: Operation, definitions: Mapping[str, Definition]) -> Any:
    body = op.body
    if body is None:
        return MISSING
    if body.example is not MISSING:
        value, problem = example_forms.usable(body.example, body.type, definitions)
        if problem is None:
            return value
    if body.fields is not None and not isinstance(body.type, Named):
        # Fields without a model (Swagger 2.0 form data): a value for each.
        return {f.wire_name: examples.synthesise(f.type, definitions) for f in body.fields}
    return examples.synthesise(body.type, definitions)


def _sample_arguments(
    op: Operation,
    samples: dict[str, Any],
    body_sample: Any,
    definitions: Mapping[str, Definition],
    used: set[str],
    models: ModelType,
) -> list[tuple[str, str]]:
    def value(sample: Any, type_: TypeRef) -> str:
        return pytypes.python_value(sample, type_, definitions, used, models)

    pairs = [(p.name, value(samples[p.name], p.type)) for p in op.parameters]
    body = op.body
    if body is not None and body.fields is not None and isinstance(body_sample, dict):
        for f in body.fields:
            if f.wire_name in body_sample:
                pairs.append((f.name, value(body_sample[f.wire_name], f.type)))
    elif body is not None:
        pairs.append((body.argument or "body", value(body_sample, body.type)))
    return pairs


# The generated tests' client's base URL (tests/conftest.py's BASE_URL), as a folder.
TESTS_BASE_URL = "https://api.example.test/"


def server_path(server: str) -> str:
    """What an operation's own server puts before its path in the generated tests: a relative
    server's path; an absolute one is not used (the tests' client has a base URL of its own)."""
    if not server or "://" in server:
        return ""
    return urlsplit(urljoin(TESTS_BASE_URL, server)).path.rstrip("/")


def _expected_path(op: Operation, samples: dict[str, Any]) -> str:
    """The path as sent: literal parts percent-encoded as `wire.path_literal` does, values as
    `path_param` does."""
    by_wire = {p.wire_name: p for p in op.path_parameters}
    pieces = re.split(r"(\{[^{}]*\})", op.path)
    expected = []
    for piece in pieces:
        parameter = by_wire.get(piece[1:-1]) if piece.startswith("{") else None
        if parameter is None:
            expected.append(wire.path_literal(piece))
            continue
        if parameter.json_content:
            expected.append(quote(wire.json_text(samples[parameter.name]), safe=""))
            continue
        segment = partial(pytypes.quoted_path_segment, type_=parameter.type)
        value = samples[parameter.name]
        expected.append(
            wire.path_text(
                parameter.wire_name,
                value,
                parameter.style,
                parameter.explode,
                segment,
                allow_reserved=parameter.allow_reserved,
            )
        )
    return server_path(op.server) + "".join(expected)


def _cookie_text(parameter: Parameter, value: Any) -> str:
    if parameter.json_content:
        return wire.cookie_octets(wire.json_text(value))
    return wire.cookie_text(value, parameter.explode, parameter.type)


def _expected_pairs(op: Operation, samples: dict[str, Any], location: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for p in op.parameters:
        value = samples[p.name]
        if p.location != location or value is None:
            continue
        if p.json_content:
            name = p.wire_name if location == "query" else p.wire_name.lower()
            pairs.append((name, wire.json_text(value)))
        elif location == "query":
            pairs += wire.wire_pairs(p.wire_name, value, p.style, p.explode, p.type)
        else:
            pairs.append((p.wire_name.lower(), wire.header_text(value, p.explode, p.type)))
    if location == "query":
        given = {
            p.wire_name
            for p in op.parameters
            if p.location == location and samples[p.name] is not None
        }
        pairs += wire.fixed_pairs(op.fixed_query, given)
    return sorted(pairs)


def _expected_body(op: Operation, body_sample: Any) -> Any:
    body = op.body
    if body is None:
        return MISSING
    if body.fields is not None and isinstance(body_sample, dict):
        wire_names = {f.wire_name for f in body.fields}
        return {k: v for k, v in body_sample.items() if k in wire_names}
    return body_sample


def _expected_body_context(op: Operation, body_sample: Any) -> dict[str, Any]:
    body = op.body
    if body is None or body.encoding == "json":
        return {}
    if body.encoding == "form" and isinstance(body_sample, dict) and body.fields is not None:
        styles = {s.wire_name: s for s in body.field_styles}
        pairs: list[tuple[str, str]] = []
        for f in body.fields:
            if f.wire_name not in body_sample:
                continue
            style = styles.get(f.wire_name)
            pairs += wire.wire_pairs(
                f.wire_name,
                body_sample[f.wire_name],
                style.style if style is not None else "form",
                style.explode if style is not None else True,
                f.type,
            )
        return {"expected_form": tuple(sorted(pairs))}
    if body.encoding == "multipart" and isinstance(body_sample, dict):
        names = (f.wire_name for f in body.fields or () if f.wire_name in body_sample)
        return {"expected_parts": tuple(sorted(set(names)))}
    if body.encoding in ("binary", "text"):
        return {"expected_content": pytext.string_literal(str(body_sample)) + ".encode()"}
    return {}
