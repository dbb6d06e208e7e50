# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""How a call's arguments go on the wire.

Path parameters, headers, cookies and bodies (JSON, form-urlencoded, multipart or raw), and the
whole request; query styles are in ``_query`` and values as text or JSON in ``_values``, both
re-exported here. The generated methods wrap a value in ``exploded``, ``deep_object`` or
``delimited`` where its parameter's style asks for one.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from typing import Any, cast
from urllib.parse import quote, urlencode

import pydantic

from . import _http
from ._query import (
    StyledValue,
    deep_object,
    delimited,
    encode_query,
    exploded,
    form_pairs,
    given_or,
    json_value,
)
from ._types import Credential, Headers, NotGiven, Omit, Query, RequestOptions
from ._values import array_items, base64_file, to_jsonable, to_str

__all__ = [
    "StyledValue",
    "base64_file",
    "cookie_header",
    "deep_object",
    "delimited",
    "encode_body",
    "encode_content",
    "encode_query",
    "exploded",
    "given_or",
    "json_value",
    "keep_reserved",
    "merge_headers",
    "path_param",
    "to_jsonable",
    "to_str",
]

# This module is copied into each generated package, so the package name is
# only known at import time.
_USER_AGENT = f"{__name__.rpartition('.')[0] or __name__}/python"

JSON = "application/json"
_FORM = "application/x-www-form-urlencoded"
_MULTIPART = "multipart/form-data"


def path_param(
    value: object,
    style: str = "simple",
    *,
    explode: bool = False,
    name: str = "",
    argument: str = "",
) -> str:
    """Format a value as a path parameter in its OpenAPI style.

    Everything is percent-encoded, "/" included, so a value such as ``"../x"``
    stays inside its segment instead of changing which endpoint is called.
    Arrays and objects: ``simple`` gives ``a,b`` and ``k,v`` (``k=v`` exploded),
    ``label`` the same after a "." (exploded, "." between items), ``matrix``
    ``;name=a,b`` (exploded, ``;name=a;name=b`` and ``;k=v``).

    An empty value is sent where the path allows it (``/files/{path}`` with ``""`` is
    ``/files/``, a server's root listing). A parameter that is a whole segment between two
    slashes (``/accounts/{account_id}/orders``) names its ``argument``: empty, it would make
    ``//`` and call another route, so it is refused before sending.
    """
    value = to_jsonable(value)  # a model is an object of its fields
    if isinstance(value, Mapping):
        joiner = "=" if explode else ","
        parts = [f"{_segment(k)}{joiner}{_segment(v)}" for k, v in value.items()]
    elif isinstance(value, (list, tuple)):
        parts = [_segment(item) for item in value]
    else:
        parts = [_segment(value)]
    if style == "label":
        return "." + ("." if explode else ",").join(parts)
    if style == "matrix":
        key = quote(name, safe="")
        if not explode or not isinstance(value, (Mapping, list, tuple)):
            return f";{key}=" + ",".join(parts)
        prefix = ";" if isinstance(value, Mapping) else f";{key}="
        return "".join(prefix + part for part in parts)
    text = ",".join(parts)
    if not text and argument:
        raise ValueError(f"Expected a non-empty value for `{argument}` but received {value!r}")
    return text


# RFC 3986 reserved characters a path may hold as they are ("?", "#", "[", "]" may not).
_RESERVED_IN_PATH = frozenset("/:@!$&'()*+,;=")
_ESCAPE = re.compile(r"%(25)?([0-9A-Fa-f]{2})")


def keep_reserved(encoded: str) -> str:
    """A ``path_param`` result with reserved characters as they are: the parameter's
    ``allowReserved``, for values such as ``docs/a.md`` a server routes as several segments.

    Percent-encoded triples in the value (``%20``) pass through too. ``.`` and ``..`` segments
    stay encoded, so a value cannot climb out of the path the spec gives it.
    """

    def restore(match: re.Match[str]) -> str:
        char = chr(int(match[2], 16))
        if match[1]:  # "%25XX": a "%XX" triple that was in the value
            return "%" + match[2]
        return char if char in _RESERVED_IN_PATH else match[0]

    kept = _ESCAPE.sub(restore, encoded)
    return "/".join("%2E" * len(part) if part in (".", "..") else part for part in kept.split("/"))


def _segment(value: object) -> str:
    text = to_str(value)
    if text in (".", ".."):
        # quote() leaves dots alone, and URL normalisation would remove a
        # bare "." or ".." segment.
        return "%2E" * len(text)
    return quote(text, safe="")


def merge_headers(
    default_headers: Mapping[str, str],
    auth_headers: Mapping[str, str],
    call_headers: Mapping[str, object] | None,
    extra_headers: Headers | None,
) -> _http.Headers:
    """Merge header layers; later layers win, names compare case-insensitively."""
    # A dict keyed by lower-case name, turned into headers once: each update of the
    # library's headers object could build a whole new one.
    merged = {
        "accept": ("Accept", "application/json"),
        "user-agent": ("User-Agent", _USER_AGENT),
    }
    call_layer = {
        name: to_str(value)
        for name, value in (call_headers or {}).items()
        if value is not None and not isinstance(value, NotGiven)
    }
    for layer in (default_headers, auth_headers, call_layer, extra_headers or {}):
        for name, value in layer.items():  # `omit` leaves a header out, a default one too
            if isinstance(value, Omit):
                merged.pop(name.lower(), None)
            else:
                merged[name.lower()] = (name, value)
    return _http.make_headers(merged.values())


def cookie_header(credentials: Mapping[str, str], parameters: Mapping[str, object] | None) -> str:
    """One ``Cookie`` header: credentials first, then the operation's cookie parameters."""
    pairs = [f"{name}={value}" for name, value in credentials.items()]
    for name, value in (parameters or {}).items():
        if value is not None and not isinstance(value, NotGiven):
            pairs.append(f"{name}={_cookie_value(to_str(value))}")
    return "; ".join(pairs)


# RFC 6265's cookie-octet, with "," (OpenAPI's styles join items with it) and without "%"
# (encoded too, so that a server that decodes cookies gets the value back).
_COOKIE_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"%;\\')


def _cookie_value(text: str) -> str:
    """A cookie parameter's text, percent-encoded outside that set: a "; x=1" in a value
    cannot add a cookie, and JSON text (objects in an array) goes out without quotes."""
    return quote(text, safe=_COOKIE_SAFE)


def encode_content(
    body: object, content_type: str, extra_body: object
) -> tuple[Any, list[tuple[str, Any]] | None]:
    """A non-JSON body as the HTTP library takes it: (content, multipart parts).

    Form fields are urlencoded by ``form_pairs``; multipart fields become
    parts (files as they come, arrays one part per item, objects as JSON);
    anything else is sent as it is: bytes, a file, chunks, or text as UTF-8.
    """
    media_type = content_type.partition(";")[0].strip().lower()
    if media_type in (_FORM, _MULTIPART):
        fields = {
            **cast("Mapping[str, object]", _to_fields(body)),
            **_extra_fields(extra_body),
        }
        if media_type == _FORM:
            pairs = list(form_pairs(fields))
            return (urlencode(pairs).encode("ascii") if pairs else None), None
        return None, _multipart(fields)
    if extra_body is not None and extra_body != {}:
        raise TypeError("extra_body can only be merged into an object body")
    if isinstance(body, str):
        return body.encode("utf-8"), None
    if hasattr(body, "read"):
        return cast("Any", body).read(), None
    return body, None


def _to_fields(body: object) -> object:
    if isinstance(body, pydantic.BaseModel):
        return body.model_dump(by_alias=True, exclude_unset=True)
    return body


def _multipart(fields: Mapping[str, object]) -> list[tuple[str, Any]]:
    # Every part goes to the HTTP library as a "file", plain fields without a file name, so the
    # parts keep their order and the body is multipart even without any file.
    parts: list[tuple[str, Any]] = []
    for name, value in fields.items():
        if value is None or isinstance(value, NotGiven):
            continue
        items = None if isinstance(value, tuple) else array_items(value)  # a tuple: one file
        for item in items if items is not None else [value]:
            if _is_file(item):
                parts.append((name, item))
            elif isinstance(item, (Mapping, pydantic.BaseModel)):
                # OpenAPI's default for an object part: JSON.
                text = json.dumps(to_jsonable(item), ensure_ascii=False)
                parts.append((name, (None, text.encode("utf-8"), JSON)))
            else:
                parts.append((name, (None, to_str(item).encode("utf-8"))))
    return parts


def _is_file(value: object) -> bool:
    return isinstance(value, (bytes, tuple)) or hasattr(value, "read")


def encode_body(json_body: object, extra_body: object) -> bytes | None:
    """The request body as JSON bytes, or ``None`` for no body. ``extra_body`` is merged into
    an object body; a method without a body sends it as the whole body (any JSON value)."""
    merged = extra_body is not None and extra_body != {}
    if isinstance(json_body, NotGiven) and not merged:
        return None
    data = to_jsonable(extra_body if isinstance(json_body, NotGiven) else json_body)
    if merged and not isinstance(json_body, NotGiven):
        if not isinstance(data, dict):
            raise TypeError("extra_body can only be merged into a JSON object body")
        data.update(_extra_fields(to_jsonable(extra_body)))
    # allow_nan=False: NaN and Infinity are not valid JSON, fail before sending.
    return json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _extra_fields(extra_body: object) -> Mapping[str, object]:
    """The fields ``extra_body`` (a mapping then) adds to an object body."""
    if extra_body is None:
        return {}
    if not isinstance(extra_body, Mapping):
        raise TypeError("extra_body can only be merged into an object body as a mapping")
    return cast("Mapping[str, object]", extra_body)


def encode_request(
    default_headers: Mapping[str, str],
    auth_headers: Mapping[str, str],
    credential: Credential,
    *,
    params: Query | None,
    headers: Mapping[str, object] | None,
    json_body: object,
    options: RequestOptions,
    idempotency_header: str | None,
    body: object,
    content_type: str,
    cookies: Mapping[str, object] | None,
) -> tuple[_http.Headers, Any, list[tuple[str, Any]] | None, tuple[tuple[str, str], ...]]:
    """A request's headers, body (content, multipart files) and query string: the client's
    default headers, the credential's headers, cookies and query parameters, the call's
    arguments and per-call options."""
    cookie = cookie_header(credential.cookies, cookies) if credential.cookies or cookies else ""
    if cookie:  # not when every cookie parameter is unset
        auth_headers = {**auth_headers, "Cookie": cookie}
    request_headers = merge_headers(default_headers, auth_headers, headers, options.extra_headers)
    files: list[tuple[str, Any]] | None = None
    if isinstance(body, NotGiven):
        content = encode_body(json_body, options.extra_body)
        if content is not None:
            request_headers["Content-Type"] = JSON
    else:
        content, files = encode_content(body, content_type, options.extra_body)
        # The HTTP library writes the multipart type itself, with its boundary.
        if content is not None:
            request_headers["Content-Type"] = content_type
    if idempotency_header and not request_headers.get(idempotency_header):
        # One key per call: retries re-send this request, key included.
        request_headers[idempotency_header] = str(uuid.uuid4())
    query = encode_query(params, options.extra_query)
    return request_headers, content, files, query + tuple(credential.query.items())
