"""What the TypeScript templates need of each operation, computed in Python.

A method takes one `params` object (path, query and header parameters by their camelCase
names, the request body as `body`) and `RequestOptions`; it returns its success response's
type. Which parts go where is decided here, once, from the named Api.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdkwright.ir.nodes import Api, Operation, Parameter, ResourceGroup
from sdkwright.targets.typescript import uploads
from sdkwright.targets.typescript.identifiers import Registry, pascal
from sdkwright.targets.typescript.naming import BODY, client_exports
from sdkwright.targets.typescript.paging import PagingView, paging_view
from sdkwright.targets.typescript.runtime import runtime_exports
from sdkwright.targets.typescript.tstypes import ts_type

MODELS = "Models."  # how resource modules reach the SDK's types (`import type * as Models`)


@dataclass(frozen=True)
class ParamView:
    name: str
    wire_name: str
    location: str
    type: str
    required: bool
    description: str
    style: str
    explode: bool


@dataclass(frozen=True)
class MethodView:
    operation: Operation
    params_type: str  # "" when the method takes no parameters
    params: tuple[ParamView, ...]
    body_type: str  # "" without a body
    body_required: bool
    result: str
    response_kind: str
    all_optional: bool
    paging: PagingView | None = None  # a paginated method's

    @property
    def returns(self) -> str:
        """The method's return type: a promise of its result, or of its first page."""
        return _returns(self.result, self.paging.item if self.paging is not None else None)

    @property
    def path_params(self) -> tuple[ParamView, ...]:
        return tuple(p for p in self.params if p.location == "path")

    @property
    def query_params(self) -> tuple[ParamView, ...]:
        return tuple(p for p in self.params if p.location == "query")

    @property
    def header_params(self) -> tuple[ParamView, ...]:
        return tuple(p for p in self.params if p.location == "header")

    @property
    def cookie_params(self) -> tuple[ParamView, ...]:
        return tuple(p for p in self.params if p.location == "cookie")

    @property
    def result_type(self) -> str:
        """The result type as the SDK's users spell it (its types are exported unqualified)."""
        return _result(self.operation, "")

    @property
    def returns_type(self) -> str:
        """The return type as the SDK's users spell it (api.md, the surface lock)."""
        paging = paging_view(self.operation, "")
        return _returns(self.result_type, paging.item if paging is not None else None)

    @property
    def doc(self) -> str:
        op = self.operation
        parts = [op.summary.strip(), op.description.strip()]
        if op.deprecated:
            parts.append("@deprecated")
        return "\n\n".join(p for p in parts if p)


def member(group: ResourceGroup, name: str, receiver: str = "client") -> str:
    """How users reach `name` of `group`: `client.v1.positions.cancel`, `client.ping`."""
    return ".".join(filter(None, [receiver, group.accessor, name]))


def type_registry(api: Api) -> Registry:
    """The names taken in the SDK's one namespace (index.ts exports them all)."""
    taken = {d.name for d in api.definitions} | {g.class_name for g in api.groups}
    return Registry(taken | runtime_exports() | client_exports(api.client_name, api))


def methods(group: ResourceGroup, types: Registry) -> list[MethodView]:
    return [_method(op, types) for op in group.operations]


def runtime_imports(group_methods: list[MethodView]) -> list[str]:
    """The runtime's types a resource module names: its methods' results and bodies."""
    names = {"BaseClient", "RequestOptions"}
    for m in group_methods:
        names.add("PagePromise" if m.paging is not None else "APIPromise")
        if m.result.startswith("EventStream<"):
            names.add("EventStream")
        names.update(n for n in ("BinaryBody", "Uploadable") if n in m.body_type)
    return sorted(names)


def _method(op: Operation, types: Registry) -> MethodView:
    params = tuple(_param(p) for p in op.parameters)
    body = op.body
    body_type = "" if body is None else uploads.body_type(body, MODELS)
    takes = bool(params) or body is not None
    params_type = types.claim([pascal(op.method_name) + "Params"])[0] if takes else ""
    required = any(p.required for p in params) or (body is not None and body.required)
    return MethodView(
        op,
        params_type,
        params,
        body_type,
        body is not None and body.required,
        _result(op),
        _response_kind(op),
        not required,
        paging_view(op, MODELS),
    )


def _param(p: Parameter) -> ParamView:
    return ParamView(
        p.name,
        p.wire_name,
        p.location,
        ts_type(p.type, MODELS),
        p.required,
        p.description,
        p.style,
        p.explode,
    )


def _returns(result: str, item: str | None) -> str:
    return f"PagePromise<{item}, {result}>" if item is not None else f"APIPromise<{result}>"


def _response_kind(op: Operation) -> str:
    return op.success.kind


def _result(op: Operation, prefix: str = MODELS) -> str:
    """The method's result type; `prefix` qualifies the SDK's types (none in docs)."""
    success = op.success
    if success.kind == "json":
        return ts_type(success.type, prefix) if success.type is not None else "unknown"
    if success.kind == "events":
        events = success.event_type
        return f"EventStream<{ts_type(events, prefix) if events is not None else 'unknown'}>"
    return {"text": "string", "bytes": "ArrayBuffer"}.get(success.kind, "void")


__all__ = [
    "BODY",
    "MethodView",
    "ParamView",
    "member",
    "methods",
    "runtime_imports",
    "type_registry",
]
