"""Request bodies as users type them: a model, or a dict of its fields (a generated TypedDict).

An object body passed whole (`body=`) takes `NewOrderRequest(...)` or `{"quantity": "1", ...}`:
for every model a whole body can hold (nested ones and the members of aliased unions too),
a TypedDict `<Model>Param` of the same fields by their Python names (optional ones
`NotRequired`, read-only ones left out) is added beside it, and each place an input takes the
model takes either. The method turns the dicts into the models (`_models.models_of`), so both
are sent the same way, by wire name.

A rewrite of the named Api, done once before rendering (`flavours.Plan.prepare`) for the
model type whose models the templates write; flattened keyword arguments stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from sdkwright.ir.nodes import (
    Alias,
    Api,
    Definition,
    Field,
    ListOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Operation,
    TypeRef,
    UnionOf,
)
from sdkwright.targets.python import pytypes
from sdkwright.targets.python.companions import companion_key, companion_names, is_companion

SUFFIX = "Param"


def with_body_params(api: Api) -> Api:
    """`api` with a TypedDict beside each model a whole request body can hold, and those
    bodies typed as taking either."""
    definitions = {d.name: d for d in api.definitions}
    inputs = _reachable(_whole_body_types(api), definitions)
    if not inputs:
        return api
    params = companion_names(inputs, SUFFIX, definitions)
    rewrite = _InputTypes(params)
    added = [rewrite.param(definitions[name]) for name in inputs]
    groups = tuple(
        replace(g, operations=tuple(rewrite.operation(op) for op in g.operations))
        for g in api.groups
    )
    every = sorted([*api.definitions, *added], key=lambda d: d.name)
    return replace(api, definitions=tuple(every), groups=groups)


def is_param(definition: Definition) -> bool:
    return is_companion(_MARK, definition)


def param_key(source: str) -> str:
    """The key of a TypedDict the target adds for `source` (a JSON pointer): `is_param`."""
    return f"{_MARK}:{source}"


def models_only(type_: TypeRef, definitions: Mapping[str, Definition]) -> TypeRef:
    """An input type without its TypedDict members: what `models_of` builds the body into."""
    match type_:
        case ListOf(item):
            return ListOf(models_only(item, definitions))
        case MapOf(value):
            return MapOf(models_only(value, definitions))
        case Nullable(inner):
            return Nullable(models_only(inner, definitions))
        case UnionOf(members):
            kept = [
                models_only(m, definitions)
                for m in members
                if not (isinstance(m, Named) and is_param(definitions[m.name]))
            ]
            return kept[0] if len(kept) == 1 else replace(type_, members=tuple(kept))
    return type_


def takes_params(type_: TypeRef, definitions: Mapping[str, Definition]) -> bool:
    return any(is_param(definitions[n]) for n in pytypes.referenced_names(type_))


_MARK = "params"  # of a TypedDict's key (`companions`)


def _whole_body_types(api: Api) -> Iterator[TypeRef]:
    for op in api.operations:
        if op.body is not None and op.body.fields is None and op.body.encoding == "json":
            yield op.body.type


def _reachable(types: Iterator[TypeRef], definitions: Mapping[str, Definition]) -> list[str]:
    """The models and aliases (of models) that the types reach, in a stable order."""
    seen: dict[str, None] = {}
    stack = [n for t in types for n in pytypes.referenced_names(t)]
    while stack:
        name = stack.pop()
        definition = definitions[name]
        if name in seen or not isinstance(definition, (Model, Alias)):
            continue
        seen[name] = None
        stack.extend(sorted(pytypes.definition_references(definition)))
    return sorted(n for n in seen if _holds_models(n, definitions, set()))


def _holds_models(name: str, definitions: Mapping[str, Definition], visiting: set[str]) -> bool:
    """Whether a TypedDict makes sense for it: a model, or an alias reaching one."""
    definition = definitions[name]
    if isinstance(definition, Model):
        return True
    if not isinstance(definition, Alias) or name in visiting:
        return False
    visiting.add(name)
    return any(
        _holds_models(n, definitions, visiting) for n in pytypes.referenced_names(definition.type)
    )


class _InputTypes:
    """Input types: each model (or alias) that has a TypedDict also takes it."""

    def __init__(self, params: dict[str, tuple[str, str]]) -> None:
        self._params = params

    def type(self, type_: TypeRef) -> TypeRef:
        return pytypes.map_named(type_, self._named)

    def _named(self, named: Named) -> TypeRef:
        if named.name in self._params:
            return UnionOf((named, Named(self._params[named.name][0], named.kind)))
        return named

    def param(self, definition: Definition) -> Definition:
        name, module = self._params[definition.name]
        said = f"`{definition.name}` as a dict of its fields by Python name, taken in its place."
        if definition.description:
            said += "\n\n" + definition.description
        key = companion_key(_MARK, definition)
        if isinstance(definition, Alias):
            type_ = self.type(definition.type)
            return replace(
                definition, name=name, module=module, key=key, description=said, type=type_
            )
        assert isinstance(definition, Model)
        fields = tuple(self._field(f) for f in definition.fields if not f.read_only)
        return replace(
            definition, name=name, module=module, key=key, description=said, fields=fields
        )

    def _field(self, field: Field) -> Field:
        return replace(field, type=self.type(field.type))

    def operation(self, op: Operation) -> Operation:
        body = op.body
        if body is None or body.fields is not None or body.encoding != "json":
            return op
        return replace(op, body=replace(body, type=self.type(body.type)))
