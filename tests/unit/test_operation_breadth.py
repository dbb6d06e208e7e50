"""Operations in the IR: request body encodings, parameter styles, response kinds, security
schemes per operation, Swagger 2.0 forms, webhook and callback payloads; and the
generator-side mirror of the runtime's serialisation (`sdkwright.targets.python.wire`)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sdkwright.ir.nodes import (
    ANY,
    Api,
    FieldStyle,
    ListOf,
    MapOf,
    Named,
    Operation,
    ParameterStyle,
    Primitive,
    SecurityScheme,
)
from sdkwright.targets.python.pytypes import quoted_path_segment
from sdkwright.targets.python.views.auth import client_auth
from sdkwright.targets.python.views.methods import method_context
from sdkwright.targets.python.wire import (
    path_call,
    path_literal,
    path_text,
    value_expression,
    wire_pairs,
)
from spec_helpers import build, codes, json_response, openapi

STRING = {"type": "string"}
EMPTY = {"description": "ok"}


def operation(api: Api, method_name: str) -> Operation:
    [found] = [op for op in api.operations if op.method_name == method_name]
    return found


def post_body(content: dict[str, Any], operation_id: str = "send") -> dict[str, Any]:
    return {
        "/things": {
            "post": {
                "operationId": operation_id,
                "requestBody": {"required": True, "content": content},
                "responses": {"204": EMPTY},
            }
        }
    }


# -- request bodies ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("media_types", "chosen", "encoding"),
    [
        (["application/xml", "application/json"], "application/json", "json"),
        (
            ["multipart/form-data", "application/x-www-form-urlencoded"],
            "application/x-www-form-urlencoded",
            "form",
        ),
        (["text/plain", "application/octet-stream"], "application/octet-stream", "binary"),
        (["text/csv"], "text/csv", "text"),
        (["application/vnd.api+json", "multipart/form-data"], "application/vnd.api+json", "json"),
    ],
)
def test_the_best_body_media_type_is_chosen_deterministically(
    tmp_path: Path, media_types: list[str], chosen: str, encoding: str
) -> None:
    schema = {"type": "object", "properties": {"a": STRING}}
    api, diagnostics = build(
        tmp_path, openapi(paths=post_body({m: {"schema": schema} for m in media_types}))
    )
    body = operation(api, "send").body
    assert body is not None
    assert (body.media_type, body.encoding) == (chosen, encoding)
    assert "body.media-type" not in codes(diagnostics)


def test_binary_and_text_bodies_are_one_argument(tmp_path: Path) -> None:
    binary = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
    api, _ = build(tmp_path, openapi(paths=post_body(binary)))
    body = operation(api, "send").body
    assert body is not None and body.fields is None
    assert body.type == Primitive("bytes", "binary")
    call = method_context(operation(api, "send"), {})
    assert [(a.name, a.annotation) for a in call.arguments] == [("body", "BinaryContent")]
    assert call.content_type == "application/octet-stream"


def test_form_fields_take_their_style_from_the_encoding_object(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "properties": {
            "amount": {"type": "integer"},
            "metadata": {"type": "object", "additionalProperties": STRING},
            "point": {"type": "object", "properties": {"x": {"type": "integer"}}},
            "tags": {"type": "array", "items": STRING},
            "codes": {"type": "array", "items": STRING},
        },
    }
    content = {
        "application/x-www-form-urlencoded": {
            "schema": schema,
            "encoding": {
                "metadata": {"style": "deepObject", "explode": True},
                "codes": {"style": "pipeDelimited", "explode": False},
            },
        }
    }
    api, _ = build(tmp_path, openapi(paths=post_body(content)))
    op = operation(api, "send")
    assert op.body is not None
    assert set(op.body.field_styles) == {
        FieldStyle("metadata", "deepObject", True),
        FieldStyle("codes", "pipeDelimited", False),
        FieldStyle("point", "form", True),  # an object: its properties become fields
    }
    call = method_context(op, {d.name: d for d in api.definitions})
    assert call.body_items is not None
    assert dict(call.body_items) == {
        "amount": "amount",
        "metadata": "deep_object(metadata)",
        "point": "exploded(point)",
        "tags": "tags",
        "codes": 'delimited(codes, "|")',
    }
    assert call.helpers == ("deep_object", "delimited", "exploded")


def test_multipart_binary_fields_take_files(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "required": ["file"],
        "properties": {
            "file": {"type": "string", "format": "binary"},
            "extra": {"type": "array", "items": {"type": "string", "format": "binary"}},
        },
    }
    api, _ = build(tmp_path, openapi(paths=post_body({"multipart/form-data": {"schema": schema}})))
    call = method_context(operation(api, "send"), {d.name: d for d in api.definitions})
    assert [(a.name, a.annotation) for a in call.arguments] == [
        ("file", "FileTypes"),
        ("extra", "list[FileTypes] | NotGiven"),
    ]
    assert call.expected_parts == ("extra", "file")


def test_a_form_body_that_is_not_an_object_is_a_warning(tmp_path: Path) -> None:
    content = {"application/x-www-form-urlencoded": {"schema": {"type": "array", "items": STRING}}}
    _, diagnostics = build(tmp_path, openapi(paths=post_body(content)))
    assert codes(diagnostics) == ["body.not-an-object"]


def test_an_empty_closed_form_has_no_fields(tmp_path: Path) -> None:
    schema = {"type": "object", "properties": {}, "additionalProperties": False}
    content = {"application/x-www-form-urlencoded": {"schema": schema}}
    api, diagnostics = build(tmp_path, openapi(paths=post_body(content)))
    body = operation(api, "send").body
    assert body is not None and body.fields == ()
    assert diagnostics == []


# -- parameters ----------------------------------------------------------------------------


def test_parameter_styles_and_their_defaults(tmp_path: Path) -> None:
    array = {"type": "array", "items": STRING}
    parameters = [
        {"name": "a", "in": "query", "schema": array},
        {"name": "b", "in": "query", "explode": False, "schema": array},
        {"name": "c", "in": "query", "style": "spaceDelimited", "schema": array},
        {"name": "d", "in": "query", "style": "deepObject", "schema": {"type": "object"}},
        {"name": "e", "in": "header", "schema": array},
        {"name": "f", "in": "path", "required": True, "style": "matrix", "schema": array},
        {"name": "g", "in": "path", "required": True, "style": "label", "explode": True},
        {"name": "h", "in": "path", "required": True, "style": "form", "schema": array},
    ]
    paths = {
        "/x/{f}/{g}/{h}": {
            "get": {"operationId": "get_x", "parameters": parameters, "responses": {"204": EMPTY}}
        }
    }
    api, diagnostics = build(tmp_path, openapi(paths=paths))
    styles = {p.wire_name: (p.style, p.explode) for p in operation(api, "get_x").parameters}
    assert styles == {
        "a": ("form", True),
        "b": ("form", False),
        "c": ("spaceDelimited", False),
        "d": ("deepObject", True),
        "e": ("simple", False),
        "f": ("matrix", False),
        "g": ("label", True),
        "h": ("simple", True),  # form explodes by default, and keeps that
    }
    [warning] = [d for d in diagnostics if d.code == "parameter.style"]
    assert "'form'" in warning.message and "'h'" in warning.message


def test_swagger_collection_formats(tmp_path: Path) -> None:
    def parameter(name: str, fmt: str | None) -> dict[str, Any]:
        found = {"name": name, "in": "query", "type": "array", "items": {"type": "string"}}
        return {**found, "collectionFormat": fmt} if fmt else found

    spec = {
        "swagger": "2.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/x": {
                "get": {
                    "operationId": "get_x",
                    "parameters": [
                        parameter("csv", None),
                        parameter("multi", "multi"),
                        parameter("ssv", "ssv"),
                        parameter("pipes", "pipes"),
                        parameter("tsv", "tsv"),
                    ],
                    "responses": {"204": EMPTY},
                }
            }
        },
    }
    api, diagnostics = build(tmp_path, spec)
    styles = {p.wire_name: (p.style, p.explode) for p in operation(api, "get_x").parameters}
    assert styles == {
        "csv": ("form", False),
        "multi": ("form", True),
        "ssv": ("spaceDelimited", False),
        "pipes": ("pipeDelimited", False),
        "tsv": ("form", False),
    }
    assert codes(diagnostics) == ["parameter.style"]


def test_swagger_form_data_becomes_a_form_body(tmp_path: Path) -> None:
    spec = {
        "swagger": "2.0",
        "info": {"title": "T", "version": "1"},
        "consumes": ["application/x-www-form-urlencoded"],
        "paths": {
            "/x": {
                "post": {
                    "operationId": "post_x",
                    "parameters": [
                        {"name": "note", "in": "formData", "type": "string"},
                        {"name": "count", "in": "formData", "type": "integer", "required": True},
                    ],
                    "responses": {"204": EMPTY},
                }
            },
            "/y": {
                "post": {
                    "operationId": "post_y",
                    "parameters": [{"name": "upload", "in": "formData", "type": "file"}],
                    "responses": {"200": {"description": "ok", "schema": {"type": "file"}}},
                }
            },
        },
    }
    api, _ = build(tmp_path, spec)
    form = operation(api, "post_x").body
    assert form is not None
    assert (form.encoding, form.media_type, form.type) == (
        "form",
        "application/x-www-form-urlencoded",
        ANY,
    )
    assert form.fields is not None
    assert [(f.wire_name, f.required) for f in form.fields] == [("count", True), ("note", False)]
    upload = operation(api, "post_y")
    assert upload.body is not None and upload.body.encoding == "multipart"
    assert upload.success.kind == "bytes"


# -- responses ------------------------------------------------------------------------------


def test_response_kinds(tmp_path: Path) -> None:
    def get(operation_id: str, responses: dict[str, Any]) -> dict[str, Any]:
        return {"get": {"operationId": operation_id, "responses": responses}}

    paths = {
        "/events": get(
            "events",
            {"200": {"description": "s", "content": {"text/event-stream": {"schema": STRING}}}},
        ),
        "/csv": get(
            "csv", {"200": {"description": "s", "content": {"text/csv": {"schema": STRING}}}}
        ),
        "/pdf": get("pdf", {"200": {"description": "s", "content": {"application/pdf": {}}}}),
        "/default": get("fallback", {"default": json_response({"type": "integer"})}),
        "/errors": get("errors", {"204": EMPTY, "default": json_response({"type": "integer"})}),
        "/union": get(
            "union",
            {"200": json_response({"type": "integer"}), "201": json_response(STRING)},
        ),
    }
    api, _ = build(tmp_path, openapi(paths=paths))
    kinds = {op.method_name: (op.success.kind, op.success.type) for op in api.operations}
    assert kinds["events"] == ("events", None)
    assert kinds["csv"] == ("text", Primitive("str"))
    assert kinds["pdf"] == ("bytes", Primitive("bytes"))
    assert kinds["fallback"] == ("json", Primitive("int"))  # default is the success
    assert kinds["errors"] == ("empty", None)  # default only describes errors here
    assert kinds["union"][0] == "json"
    assert str(kinds["union"][1]) == str(
        type(kinds["union"][1])((Primitive("int"), Primitive("str")))
    )
    events = method_context(operation(api, "events"), {})
    assert (events.return_annotation, events.cast_to) == ("EventStream", "EventStream")


# -- security -------------------------------------------------------------------------------


SCHEMES = {
    "petstore_auth": {"type": "oauth2", "flows": {}},
    "api_key": {"type": "apiKey", "in": "header", "name": "api_key"},
    "sid": {"type": "apiKey", "in": "cookie", "name": "SID"},
    "login": {"type": "http", "scheme": "basic"},
    "mutual": {"type": "mutualTLS"},
}


def secured(security: list[dict[str, list[str]]] | None) -> dict[str, Any]:
    found: dict[str, Any] = {"operationId": "op", "responses": {"204": EMPTY}}
    return found if security is None else {**found, "security": security}


def security_api(tmp_path: Path, default: Any, paths: dict[str, Any]) -> tuple[Api, list[str]]:
    spec = openapi(paths=paths)
    spec["components"] = {"securitySchemes": SCHEMES}
    if default is not None:
        spec["security"] = default
    api, diagnostics = build(tmp_path, spec)
    return api, codes(diagnostics)


def test_schemes_become_credential_arguments(tmp_path: Path) -> None:
    paths = {"/a": {"get": secured([{"petstore_auth": []}])}}
    api, found = security_api(tmp_path, None, paths)
    assert found == ["security.unsupported"]  # mutualTLS
    assert [(s.name, s.kind, s.argument, s.env_var) for s in api.security_schemes] == [
        ("api_key", "api_key", "api_key", "X_API_KEY"),  # named so: the primary one
        ("petstore_auth", "bearer", "petstore_auth", "X_PETSTORE_AUTH"),
        ("sid", "api_key", "sid", "X_SID"),
        ("login", "basic", "login_username", "X_LOGIN_USERNAME"),
    ]
    assert api.security_schemes[2] == SecurityScheme(
        "sid", "api_key", "sid", "X_SID", "cookie", "SID"
    )
    auth = client_auth(api)
    assert [a.name for a in auth.arguments] == [
        "api_key",
        "petstore_auth",
        "sid",
        "login_username",
        "login_password",
    ]
    assert auth.required == ""  # several schemes: none is needed by every operation


def test_each_operation_follows_its_own_security_or_the_default(tmp_path: Path) -> None:
    paths = {
        "/default": {"get": {**secured(None), "operationId": "default"}},
        "/none": {"get": {**secured([]), "operationId": "none"}},
        "/either": {"get": {**secured([{}, {"sid": []}]), "operationId": "either"}},
        "/unsupported": {"get": {**secured([{"mutual": []}]), "operationId": "unsupported"}},
        "/same": {"get": {**secured([{"login": []}]), "operationId": "same"}},
    }
    api, _ = security_api(tmp_path, [{"login": []}], paths)
    assert api.default_security == (("login",),)
    security = {op.method_name: (op.security, op.authenticated) for op in api.operations}
    assert security == {
        "default": (None, True),
        "none": ((), False),
        "either": ((("sid",), ()), True),  # anonymous last: credentials go when given
        "unsupported": ((), False),
        "same": (None, True),
    }
    call = method_context(operation(api, "either"), {})
    assert call.security == '(("sid",), ())'


# -- webhooks and callbacks -----------------------------------------------------------------


def test_webhook_and_callback_payloads_are_types(tmp_path: Path) -> None:
    payload = {"type": "object", "properties": {"id": STRING}}
    hook = {
        "post": {
            "requestBody": {"content": {"application/json": {"schema": payload}}},
            "responses": {"200": EMPTY},
        }
    }
    paths = {
        "/subscribe": {
            "post": {
                "operationId": "subscribe",
                "callbacks": {"onEvent": {"{$request.body#/url}": hook}},
                "responses": {"204": EMPTY},
            }
        }
    }
    spec = openapi(paths=paths)
    spec["webhooks"] = {"newThing": hook}
    api, diagnostics = build(tmp_path, spec)
    assert diagnostics == []
    assert [(w.name, w.kind, w.http_method, w.payload) for w in api.webhooks] == [
        ("newThing", "webhook", "post", Named("NewThingPayload", "model")),
        ("onEvent", "callback", "post", Named("OnEventPayload", "model")),
    ]
    assert {"NewThingPayload", "OnEventPayload"} <= {d.name for d in api.definitions}


# -- sdkwright.targets.python.wire ------------------------------------------------------------------------


def test_value_expressions_name_the_runtime_helper_for_each_style() -> None:
    array, obj, scalar = ListOf(Primitive("str")), MapOf(Primitive("str")), Primitive("int")
    assert value_expression("n", "query", "form", True, scalar, {}) == "n"
    assert value_expression("tags", "query", "form", True, array, {}) == "tags"
    assert value_expression("tags", "query", "form", False, array, {}) == "delimited(tags)"
    assert (
        value_expression("tags", "query", "pipeDelimited", False, array, {})
        == 'delimited(tags, "|")'
    )
    assert value_expression("f", "query", "deepObject", True, obj, {}) == "deep_object(f)"
    assert value_expression("f", "query", "form", True, obj, {}) == "exploded(f)"
    assert value_expression("h", "header", "simple", False, array, {}) == "delimited(h)"
    assert (
        value_expression("h", "header", "simple", True, obj, {})
        == 'delimited(h, key_separator="=")'
    )
    assert value_expression("p", "path", "simple", False, array, {}) == "p"  # path_param does it


def test_wire_pairs_mirror_the_runtime() -> None:
    text = Primitive("str")
    assert wire_pairs("a", ["x", "y"], "form", True, text) == [("a", "x"), ("a", "y")]
    assert wire_pairs("a", ["x", "y"], "spaceDelimited", False, text) == [("a", "x y")]
    assert wire_pairs("f", {"o": {"n": [1, True]}}, "deepObject", True, text) == [
        ("f[o][n][0]", "1"),
        ("f[o][n][1]", "true"),
    ]
    assert wire_pairs("p", {"x": 1, "y": 2}, "form", True, text) == [("x", "1"), ("y", "2")]
    assert wire_pairs("p", {"x": 1}, "form", False, text) == [("p", "x,1")]


@pytest.mark.parametrize(
    ("style", "explode", "value", "expected"),
    [
        # The examples of OpenAPI's style table (id = 5, [3, 4, 5], {role: admin, ...}).
        ("simple", False, 5, "5"),
        ("simple", False, [3, 4, 5], "3,4,5"),
        ("simple", False, {"role": "admin", "firstName": "Alex"}, "role,admin,firstName,Alex"),
        ("simple", True, {"role": "admin", "firstName": "Alex"}, "role=admin,firstName=Alex"),
        ("label", False, 5, ".5"),
        ("label", False, [3, 4, 5], ".3,4,5"),
        ("label", True, [3, 4, 5], ".3.4.5"),
        ("label", False, {"role": "admin", "firstName": "Alex"}, ".role,admin,firstName,Alex"),
        ("label", True, {"role": "admin", "firstName": "Alex"}, ".role=admin.firstName=Alex"),
        ("matrix", False, 5, ";id=5"),
        ("matrix", True, 5, ";id=5"),
        ("matrix", False, [3, 4, 5], ";id=3,4,5"),
        ("matrix", True, [3, 4, 5], ";id=3;id=4;id=5"),
        ("matrix", False, {"role": "admin", "firstName": "Alex"}, ";id=role,admin,firstName,Alex"),
        ("matrix", True, {"role": "admin", "firstName": "Alex"}, ";role=admin;firstName=Alex"),
        ("label", False, "a.b/c", ".a.b%2Fc"),  # a value's own "." is the style's, "/" is not
        ("matrix", False, "x;y=z", ";id=x%3By%3Dz"),
    ],
)
def test_path_text_follows_the_openapi_style_table(
    style: ParameterStyle, explode: bool, value: object, expected: str
) -> None:
    segment = partial(quoted_path_segment, type_=Primitive("str"))
    assert path_text("id", value, style, explode, segment) == expected


def test_path_calls_say_the_style_only_when_it_is_not_the_default() -> None:
    assert path_call("item_id", "id", "simple", False) == "path_param(item_id)"
    assert path_call("ids", "id", "simple", True) == "path_param(ids, explode=True)"
    assert path_call("ids", "id", "label", False) == 'path_param(ids, "label")'
    assert (
        path_call("ids", "id", "matrix", True)
        == 'path_param(ids, "matrix", explode=True, name="id")'
    )


def test_path_literals_are_encoded_as_httpx_sends_them() -> None:
    assert path_literal("/<upload_url>") == "/%3Cupload_url%3E"
    assert path_literal("/a b/é/%2F/%zz/:@!$") == "/a%20b/%C3%A9/%2F/%25zz/:@!$"


def test_one_credential_beats_basic_among_the_default_alternatives(tmp_path: Path) -> None:
    spec = openapi(paths={"/a": {"get": secured(None)}})
    spec["components"] = {
        "securitySchemes": {
            "basicAuth": {"type": "http", "scheme": "basic"},
            "bearerAuth": {"type": "http", "scheme": "bearer"},
        }
    }
    spec["security"] = [{"basicAuth": []}, {"bearerAuth": []}]  # Stripe's
    api, _ = build(tmp_path, spec)
    assert [(s.name, s.argument, s.password_argument) for s in api.security_schemes] == [
        ("bearerAuth", "api_key", ""),
        ("basicAuth", "basic_auth_username", "basic_auth_password"),
    ]
    assert api.default_security == (("basicAuth",), ("bearerAuth",))
