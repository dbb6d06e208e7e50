"""Operations (and the webhooks and callbacks the API sends): one small function per construct.

Bodies, parameters and responses are read by their own modules; this one puts an operation
together and reads the `x-sdkwright-*` extensions that shape its calls.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from typing import Any

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir import (
    bodies,
    media,
    pagination,
    parameters,
    path_keys,
    responses,
    security,
    servers,
)
from sdkwright.ir.names import NAME_EXTENSION, Term
from sdkwright.ir.nodes import Operation, Pagination, Parameter, Response, TypeRef, Webhook
from sdkwright.ir.schemas import SchemaConverter
from sdkwright.ir.shapes import description_of
from sdkwright.spec.resolve import Node, RefError
from sdkwright.spec.validate import HTTP_METHODS, iter_operations

RETRIES_EXTENSION = "x-sdkwright-retries"
GROUP_EXTENSION = "x-sdkwright-group"  # the resource group, instead of the first tag
IDEMPOTENCY_EXTENSION = "x-sdkwright-idempotency-header"
IDEMPOTENCY_HEADER = "idempotency-key"  # declared as a header parameter, it is used as such
# A spec-wide idempotency header applies to the methods that change something.
SAFE_METHODS = frozenset({"get", "head", "options", "trace"})
HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # an RFC 9110 token


def operation_id(path: str, method: str, operation: Node) -> str:
    found = operation.value.get("operationId")
    if isinstance(found, str) and found.strip():
        return found
    return method + " " + re.sub(r"[{}]", "", path.replace("/", " "))


def path_group(path: str) -> str:
    segments = [
        s for s in path.split("/") if s and not s.startswith("{") and not re.fullmatch(r"v\d+", s)
    ]
    return segments[0] if segments else "default"


class OperationBuilder:
    def __init__(self, converter: SchemaConverter, secured_by_default: bool) -> None:
        self.converter = converter
        self.specs = converter.specs
        self.secured_by_default = secured_by_default

    def operation(self, path: str, method: str, item: Node, node: Node, position: int) -> Operation:
        value = node.value
        identifier = operation_id(path, method, node)
        context = Term(identifier)
        body = bodies.request_body(self.converter, node, context)
        declared = parameters.parameters(self.converter, item, node, context)
        found = responses.responses(self.converter, node, context)
        success = responses.success(found)
        example, synthesised = responses.example(self.converter, success, node)
        success = replace(success, example=example)
        tags = value.get("tags")
        own_security = security.requirements(value.get("security"))
        key = path_keys.split(path)  # the operation id above may still use the fragment
        return Operation(
            operation_id=identifier,
            method_name="",
            http_method=method,
            path=key.path,
            summary=str(value.get("summary") or ""),
            description=str(value.get("description") or ""),
            deprecated=value.get("deprecated") is True,
            parameters=declared,
            body=body,
            responses=found,
            success=success,
            example_is_synthesised=synthesised,
            authenticated=self.secured_by_default if own_security is None else bool(own_security),
            source=node.pointer,
            pagination=self._pagination(declared, success, node),
            max_retries=self._max_retries(node),
            idempotency_header=self._idempotency(method, node, declared),
            security=own_security,
            tag=self._group(value, tags, key.path),
            position=position,
            fixed_query=key.query,
            server=self._server(item, node),
            requested_name=value.get(NAME_EXTENSION),
            where=node.location,
        )

    def _server(self, item: Node, node: Node) -> str:
        if self.converter.version == "2.0":  # Swagger 2.0 has one host for the whole API
            return ""
        return servers.operation_server(item, node, self._api_url)

    @cached_property
    def _api_url(self) -> str | None:
        return servers.first_url(self.specs.root_node.value.get("servers"))

    # -- webhooks and callbacks -------------------------------------------------------------

    def webhooks(self, root: Node) -> tuple[Webhook, ...]:
        """The payloads of 3.1 `webhooks` and of every operation's `callbacks`, as types, so
        users can parse what the API sends them."""
        found: list[Webhook] = []
        hooks = root.get("webhooks")
        if hooks is not None and isinstance(hooks.value, dict):
            for name in hooks.value:
                found += self._hook(str(name), "webhook", hooks.child(name))
        for _, _, _, operation in iter_operations(self.specs):
            callbacks = operation.get("callbacks")
            if callbacks is None or not isinstance(callbacks.value, dict):
                continue
            for name in callbacks.value:
                try:
                    callback = self.specs.deref(callbacks.child(name))
                except RefError:
                    continue
                if isinstance(callback.value, dict):
                    for expression in callback.value:
                        found += self._hook(str(name), "callback", callback.child(expression))
        return tuple(found)

    def _hook(self, name: str, kind: str, item: Node) -> list[Webhook]:
        try:
            item = self.specs.deref(item)
        except RefError:
            return []
        if not isinstance(item.value, dict):
            return []
        hooks = []
        for method in HTTP_METHODS:
            operation = item.get(method)
            body = operation.get("requestBody") if operation is not None else None
            if operation is None or body is None:
                continue
            payload = self._payload(body, name)
            if payload is None:
                continue
            type_, description, example = payload
            hooks.append(
                Webhook(
                    name,
                    "webhook" if kind == "webhook" else "callback",
                    method,
                    type_,
                    description or str(operation.value.get("summary") or ""),
                    operation.pointer,
                    example,
                )
            )
        return hooks

    def _payload(self, body: Node, name: str) -> tuple[TypeRef, str, Any] | None:
        """The payload's type, description and documented example (or MISSING)."""
        found = media.content(self.specs, body)
        if found is None:
            return None
        body, content = found
        chosen = content.child(media.pick_media_type(list(content.value)))
        schema = chosen.get("schema")
        if schema is None:
            return None
        type_ = self.converter.convert(schema, [name, "Payload"])
        return type_, description_of(body.value), media.media_example(self.specs, chosen)

    def _pagination(
        self, declared: tuple[Parameter, ...], success: Response, node: Node
    ) -> Pagination | None:
        extension = node.value.get("x-sdkwright-pagination")
        if extension is False or success.kind != "json":
            return None
        found = pagination.detect(declared, success.type, self.converter.definitions, extension)
        if found is None and isinstance(extension, dict):
            message = "x-sdkwright-pagination does not match the operation (style, parameter, items, next/has_more, limit); ignored"
            self.converter.diagnostics.append(
                Diagnostic(Level.WARNING, "pagination.declared", message, node.location)
            )
        return found

    def _group(self, value: dict[str, Any], tags: Any, path: str) -> str:
        """`x-sdkwright-group`, else the first tag, else the path's first segment."""
        group = value.get(GROUP_EXTENSION)
        if isinstance(group, str) and group.strip():
            return group
        return str(tags[0]) if isinstance(tags, list) and tags else path_group(path)

    # -- x-sdkwright-retries, idempotency keys -------------------------------------------

    def _max_retries(self, node: Node) -> int | None:
        """`x-sdkwright-retries` of the operation, else of the spec: false (never retry),
        true (the client's policy) or {max_retries: N}."""
        if RETRIES_EXTENSION in node.value:
            return self._retries_extension(node)
        return self._spec_max_retries

    @cached_property
    def _spec_max_retries(self) -> int | None:
        root = self.specs.root_node
        return self._retries_extension(root) if RETRIES_EXTENSION in root.value else None

    def _retries_extension(self, owner: Node) -> int | None:
        value = owner.value[RETRIES_EXTENSION]
        if isinstance(value, bool):
            return None if value else 0
        limit = value.get("max_retries") if isinstance(value, dict) else None
        if isinstance(limit, int) and not isinstance(limit, bool) and limit >= 0:
            return limit
        self.converter.warn(
            owner.child(RETRIES_EXTENSION),
            "extension.retries",
            f"{RETRIES_EXTENSION} must be false, true or {{max_retries: <integer >= 0>}}; ignored",
        )
        return None

    def _idempotency(self, method: str, node: Node, declared: tuple[Parameter, ...]) -> str:
        """The operation's idempotency key header ("": none), spelled as its parameter is
        when the operation declares one."""
        header = self._idempotency_extension(node, method)
        if header is None:
            named = [
                p.wire_name
                for p in declared
                if p.location == "header" and p.wire_name.lower() == IDEMPOTENCY_HEADER
            ]
            header = named[0] if named else ""
        existing = [
            p.wire_name
            for p in declared
            if p.location == "header" and p.wire_name.lower() == header.lower()
        ]
        return existing[0] if header and existing else header

    def _idempotency_extension(self, node: Node, method: str) -> str | None:
        """The header `x-sdkwright-idempotency-header` names ("" turns it off), or None."""
        if IDEMPOTENCY_EXTENSION in node.value:
            return self._header_extension(node)
        return self._spec_idempotency_header if method not in SAFE_METHODS else None

    @cached_property
    def _spec_idempotency_header(self) -> str | None:
        root = self.specs.root_node
        return self._header_extension(root) if IDEMPOTENCY_EXTENSION in root.value else None

    def _header_extension(self, owner: Node) -> str | None:
        value = owner.value[IDEMPOTENCY_EXTENSION]
        if value is False or value == "":
            return ""
        if isinstance(value, str) and HEADER_NAME.fullmatch(value):
            return value
        self.converter.warn(
            owner.child(IDEMPOTENCY_EXTENSION),
            "extension.idempotency-header",
            f"{IDEMPOTENCY_EXTENSION} must be a header name (or false); ignored",
        )
        return None
