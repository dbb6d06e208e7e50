"""The public surface of a TypeScript SDK (issue 16's lock), read from its named Api: the
client, its resources and their methods (each with the endpoint it calls), the exported types
and the runtime's errors, as the neutral `surface.model.Surface` the Python target's extractor
gives. `generate` records it in the surface lock and compares the next SDK with it; its method
names by endpoint and its type names by shape are what a regeneration keeps when the spec
renames an operation or a schema (`pins`).

Types are TypeScript's text (`Array<Pet>`, `string | null`): the lock compares them as they
are written, so a changed type is a change, and an unchanged one none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from sdkwright.ir.nodes import Alias, Api, Enum, Model, Nullable, ResourceGroup
from sdkwright.surface.model import (
    Client,
    ClientOption,
    ErrorClass,
    Export,
    Field,
    Method,
    Param,
    Resource,
    Surface,
    TypeDef,
)
from sdkwright.targets.typescript.runtime import runtime_files
from sdkwright.targets.typescript.tstypes import enum_type, ts_type
from sdkwright.targets.typescript.views import MethodView, methods, type_registry


def surface_of(api: Api) -> Surface:
    """The SDK's public surface, from the Api its templates rendered."""
    types = type_registry(api)
    listed = [(group, methods(group, types)) for group in api.groups]
    client = Client(api.client_name, api.package, False, _options(api), _tree(listed))
    return Surface(
        api.package,
        clients=(client,),
        exports=tuple(sorted(_exports(api, listed), key=lambda e: e.name)),
        types=tuple(_typedef(d, api.package) for d in api.definitions),
        errors=tuple(_errors(api.package)),
        version=api.release.version,
    )


def _options(api: Api) -> tuple[ClientOption, ...]:
    found = [
        ClientOption("baseURL", "keyword", "string", False, None, f"{api.env_prefix}_BASE_URL"),
        ClientOption("timeout", "keyword", "number", False),
        ClientOption("maxRetries", "keyword", "number", False),
        ClientOption("defaultHeaders", "keyword", "Record<string, string>", False),
        ClientOption("fetch", "keyword", "typeof fetch", False),
    ]
    if api.environments:
        found.append(ClientOption("environment", "keyword", "Environment", False))
    for scheme in api.security_schemes:
        found.append(
            ClientOption(
                scheme.argument, "keyword", "string", False, None, scheme.env_var or None, True
            )
        )
        if scheme.kind == "basic":
            env = scheme.password_env_var
            found.append(
                ClientOption(scheme.password_argument, "keyword", "string", False, None, env, True)
            )
    return tuple(found)


def _tree(listed: list[tuple[ResourceGroup, list[MethodView]]]) -> Resource:
    """The client (the root) and its resources, nested as users reach them."""
    own: dict[str, tuple[str, tuple[Method, ...]]] = {"": ("", ())}
    for group, group_methods in listed:
        own[group.accessor] = (group.class_name, tuple(_method(m) for m in group_methods))

    def node(path: str) -> Resource:
        class_name, found = own[path]
        below = sorted(p for p in own if p and p.rpartition(".")[0] == path)
        return Resource(
            path.rpartition(".")[2], path, class_name, found, tuple(node(p) for p in below)
        )

    return node("")


def _method(method: MethodView) -> Method:
    op = method.operation
    params = []
    if method.params_type:
        default = "{}" if method.all_optional else None
        required = not method.all_optional
        params.append(Param("params", "positional", method.params_type, required, default))
    params.append(Param("options", "positional", "RequestOptions", False, "undefined"))
    returns = method.returns_type
    return Method(op.method_name, tuple(params), returns, True, op.http_method, op.path)


def _typedef(definition: Model | Enum | Alias, package: str) -> TypeDef:
    if isinstance(definition, Model):
        fields = tuple(
            Field(f.name, ts_type(f.type), f.required, isinstance(f.type, Nullable))
            for f in definition.fields
        )
        return TypeDef(definition.name, package, "model", package, fields=fields)
    if isinstance(definition, Enum):
        values = tuple(sorted(json.dumps(m.value) for m in definition.members))
        variants = (enum_type(definition),)
        return TypeDef(definition.name, package, "enum", package, values=values, variants=variants)
    return TypeDef(definition.name, package, "alias", package, variants=(ts_type(definition.type),))


def _exports(api: Api, listed: list[tuple[ResourceGroup, list[MethodView]]]) -> Iterator[Export]:
    yield Export(api.client_name, "client")
    yield Export("DEFAULT_BASE_URL", "value")
    if api.environments:
        yield Export("ENVIRONMENTS", "value")
    for definition in api.definitions:
        yield Export(definition.name, "type")
    for group, group_methods in listed:
        yield Export(group.class_name, "class")
        for method in group_methods:
            if method.params_type:
                yield Export(method.params_type, "type")
    for name, kind in sorted(_runtime_kinds().items()):
        yield Export(name, kind)


def _runtime_kinds() -> dict[str, str]:
    """What each of the runtime's exports is, as its modules declare it."""
    text = "\n".join(source for _, source in runtime_files())
    pattern = r"^export (?:abstract )?(class|function|interface|type|const) (\w+)"
    kinds = {"class": "class", "function": "function", "interface": "type", "type": "type"}
    errors = _error_bases()
    return {
        name: "error" if name in errors else kinds.get(what, "value")
        for what, name in re.findall(pattern, text, re.M)
    }


def _error_bases() -> dict[str, tuple[str, ...]]:
    """The runtime's error classes, each with its ancestors, nearest first."""
    text = "\n".join(source for _, source in runtime_files())
    parents = dict(re.findall(r"^export class (\w+) extends (\w+)", text, re.M))

    def ancestors(name: str) -> tuple[str, ...]:
        parent = parents.get(name)
        return (parent, *ancestors(parent)) if parent is not None else ()

    return {name: ancestors(name) for name in parents if "Error" in ancestors(name)}


def _errors(package: str) -> Iterator[ErrorClass]:
    for name, bases in sorted(_error_bases().items()):
        yield ErrorClass(name, package, bases)
