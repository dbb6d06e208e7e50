"""What the TypeScript SDK's README.md and api.md say of each method, computed in Python.

api.md gives every method's signature as its resource module declares it, and the types each
resource takes and returns; the README calls real operations of the spec with the values the
generated tests send (`samples.arguments`), laid out as TypeScript (`tstext.ts_value`).
Every snippet is a module of its own that `tsc --strict` type-checks (tests/functional).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sdkwright.ir.nodes import (
    Alias,
    Definition,
    ListOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Primitive,
    ResourceGroup,
    TypeRef,
    UnionOf,
)
from sdkwright.targets.typescript.naming import BODY
from sdkwright.targets.typescript.samples import Examples
from sdkwright.targets.typescript.tstext import Code, ts_string, ts_value
from sdkwright.targets.typescript.views import MethodView, member

Groups = Sequence[tuple[ResourceGroup, list[MethodView]]]


def signature(method: MethodView) -> str:
    """`getPet(params: GetPetParams, options?: RequestOptions): APIPromise<Pet>`."""
    params = ""
    if method.params_type:
        params = f"params{'?' if method.all_optional else ''}: {method.params_type}, "
    name = method.operation.method_name
    return f"{name}({params}options?: RequestOptions): {method.returns_type}"


def params_value(method: MethodView, examples: Examples) -> str:
    """The `params` object the tests send, as TypeScript ("": the method takes none, or
    every parameter is optional and none has a value). A documented example's properties
    that its type does not declare are left out: TypeScript refuses them in an object
    literal (the server received them in the tests; the snippet must type-check)."""
    values = examples.arguments(method)
    definitions = examples.definitions
    if not method.params_type or (not values and method.all_optional):
        return ""
    op = method.operation
    types = {p.name: p.type for p in op.parameters}
    if op.body is not None:
        types[BODY] = op.body.type
    fitted = {k: _fitted(v, types[k], definitions) if k in types else v for k, v in values.items()}
    if op.body is not None and op.body.encoding == "multipart" and op.body.fields is not None:
        fields = {f.name: f.type for f in op.body.fields}  # by wire name (naming.py)
        fitted[BODY] = _parts(values[BODY], fields, definitions)
    return ts_value(fitted)


def _parts(value: Any, fields: Mapping[str, TypeRef], definitions: Mapping[str, Definition]) -> Any:
    """A multipart body's example as its params type has it: a file field's value is a
    `Blob` of the example's text (uploads.py types file fields as `Uploadable`)."""
    if not isinstance(value, dict):
        return value
    return {k: _upload(v, fields[k], definitions) for k, v in value.items() if k in fields}


def _upload(value: Any, type_: TypeRef, definitions: Mapping[str, Definition]) -> Any:
    if isinstance(type_, Nullable):
        return None if value is None else _upload(value, type_.inner, definitions)
    if isinstance(type_, ListOf) and isinstance(value, list):
        return [_upload(v, type_.item, definitions) for v in value]
    if isinstance(type_, Primitive) and type_.name == "bytes":
        text = value if isinstance(value, str) else json.dumps(value)
        return Code(f"new Blob([{ts_string(text)}])")
    return _fitted(value, type_, definitions)


def call(group: ResourceGroup, method: MethodView, examples: Examples) -> str:
    """`client.pets.getPet({ petId: 1 })`: the call with the values the tests send."""
    params = params_value(method, examples)
    return f"{member(group, method.operation.method_name)}({params})"


def result_names(method: MethodView) -> list[str]:
    """The SDK's types the method's result names, in order of appearance."""
    success = method.operation.success
    found = _named(success.type) if success.kind == "json" and success.type else iter(())
    return list(dict.fromkeys(found))


def group_types(methods: list[MethodView]) -> tuple[list[str], list[str]]:
    """The params types a resource's methods take and the SDK's types they return."""
    params = [m.params_type for m in methods if m.params_type]
    results = [name for m in methods for name in result_names(m)]
    return params, sorted(set(results))


def usage_method(groups: Groups) -> tuple[ResourceGroup, MethodView] | None:
    """The README's first example: the first method sending no body, else the first one."""
    listed = [(g, m) for g, methods in groups for m in methods]
    bodiless = [(g, m) for g, m in listed if m.operation.body is None]
    return next(iter(bodiless or listed), None)


def error_method(groups: Groups) -> tuple[ResourceGroup, MethodView] | None:
    """The errors example: a method taking a path parameter (a 404 is likely), else any."""
    listed = [(g, m) for g, methods in groups for m in methods]
    by_path = [(g, m) for g, m in listed if m.path_params]
    return next(iter(by_path or listed), None)


def _named(ref: TypeRef) -> Iterator[str]:
    if isinstance(ref, Named):
        yield ref.name
    elif isinstance(ref, ListOf):
        yield from _named(ref.item)
    elif isinstance(ref, MapOf):
        yield from _named(ref.value)
    elif isinstance(ref, Nullable):
        yield from _named(ref.inner)
    elif isinstance(ref, UnionOf):
        for inner in ref.members:
            yield from _named(inner)


def _fitted(value: Any, type_: TypeRef, definitions: Mapping[str, Definition]) -> Any:
    """`value` without the object properties `type_` does not declare (in any member of a
    union), at any depth."""
    if isinstance(type_, Nullable):
        return value if value is None else _fitted(value, type_.inner, definitions)
    if isinstance(type_, ListOf) and isinstance(value, list):
        return [_fitted(v, type_.item, definitions) for v in value]
    if isinstance(type_, MapOf) and isinstance(value, dict):
        return {k: _fitted(v, type_.value, definitions) for k, v in value.items()}
    fields = _declared(type_, definitions, set())
    if fields is None or not isinstance(value, dict):
        return value
    return {k: _fitted(v, fields[k], definitions) for k, v in value.items() if k in fields}


def _declared(
    type_: TypeRef, definitions: Mapping[str, Definition], seen: set[str]
) -> dict[str, TypeRef] | None:
    """The properties an object type declares by wire name (a union's: every member's,
    the first one's type where several declare one); None when it is no object type."""
    if isinstance(type_, UnionOf):
        found: dict[str, TypeRef] | None = None
        for member in type_.members:
            own = _declared(member, definitions, seen)
            if own is not None:
                found = {**own, **(found or {})}
        return found
    if not isinstance(type_, Named) or type_.name in seen:
        return None
    definition = definitions.get(type_.name)
    seen.add(type_.name)
    if isinstance(definition, Alias):
        return _declared(definition.type, definitions, seen)
    if isinstance(definition, Model):
        return {f.name: f.type for f in definition.fields}
    return None
