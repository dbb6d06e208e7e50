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
    LiteralOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Operation,
    Primitive,
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


def with_input_params(api: Api) -> Api:
    """The Stainless surface's inputs: every model an argument can hold (a parameter, a
    flattened body field, a whole body, the `...Params` of a method, and the models those
    reach) is taken as its TypedDict `<Model>Param` alone, as Stainless's SDKs take it
    (`units.type_export_pages` exports each beside its model)."""
    definitions = {d.name: d for d in api.definitions}
    inputs = _reachable(_input_types(api, definitions), definitions)
    params = companion_names(inputs, SUFFIX, definitions)
    rewrite = _InputTypes(params, alone=True, inline=_inline_literals(api))
    added = [rewrite.param(definitions[name]) for name in inputs]
    retyped = [rewrite.method_params(d) if is_param(d) else d for d in api.definitions]
    groups = tuple(
        replace(g, operations=tuple(rewrite.arguments(op) for op in g.operations))
        for g in api.groups
    )
    every = sorted([*retyped, *added], key=lambda d: d.name)
    return replace(api, definitions=tuple(every), groups=groups)


def _inline_literals(api: Api) -> dict[str, TypeRef]:
    """Enums (Literal aliases) that are no configured model, by name -> their `Literal[...]`:
    Stainless writes such an enum inline where an input takes it."""
    exported = set(api.configured_models)
    return {
        d.name: d.type
        for d in api.definitions
        if isinstance(d, Alias) and isinstance(d.type, LiteralOf) and d.name not in exported
    }


def _input_types(api: Api, definitions: Mapping[str, Definition]) -> Iterator[TypeRef]:
    for op in api.operations:
        yield from (p.type for p in op.parameters)
        if op.body is not None and op.body.encoding in ("json", "form"):
            if op.body.fields is not None:
                yield from (f.type for f in op.body.fields if not f.read_only)
            else:
                yield op.body.type
    for d in definitions.values():  # the `...Params` of the methods
        if is_param(d) and isinstance(d, Model):
            yield from (f.type for f in d.fields)


def model_of_param(name: str, definitions: Mapping[str, Definition]) -> str:
    """The model a `<Model>Param` TypedDict is made from (`name` itself when it is none)."""
    definition = definitions.get(name)
    if definition is None or not is_param(definition):
        return name
    key = definition.key.partition(":")[2]
    if NESTED in key:  # a copy nested in a method's params (`nested_params`)
        key = key.rpartition(NESTED)[0]
    return next((d.name for d in definitions.values() if d.key == key), name)


def _dates_or_text(type_: TypeRef) -> TypeRef:
    """A date (or date-time) a Stainless input takes as the value or its ISO text, in arrays
    and unions too."""
    from sdkwright.targets.python.naming.stainless import date_or_text

    match type_:
        case ListOf(item):
            return ListOf(_dates_or_text(item))
        case MapOf(value):
            return MapOf(_dates_or_text(value))
        case Nullable(inner):
            return Nullable(_dates_or_text(inner))
        case UnionOf(members) if not any(m == Primitive("str") for m in members):
            return replace(type_, members=tuple(_dates_or_text(m) for m in members))
    return date_or_text(type_)


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
            if not kept:  # TypedDicts alone (the Stainless surface's): their models
                kept = [models_only(m, definitions) for m in members]
            return kept[0] if len(kept) == 1 else replace(type_, members=tuple(kept))
        case Named(name) if is_param(definitions[name]):  # taken alone
            return replace(type_, name=model_of_param(name, definitions))
    return type_


def takes_params(type_: TypeRef, definitions: Mapping[str, Definition]) -> bool:
    return any(is_param(definitions[n]) for n in pytypes.referenced_names(type_))


_MARK = "params"  # of a TypedDict's key (`companions`)
NESTED = "#nested:"  # a nested copy's key: the copied TypedDict's, this, its params module


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

    def __init__(
        self,
        params: dict[str, tuple[str, str]],
        alone: bool = False,
        inline: Mapping[str, TypeRef] | None = None,
    ) -> None:
        self._params = params
        self._alone = alone  # the TypedDict in the model's place, not beside it
        self._inline = inline or {}  # aliases written as their type (`_inline_literals`)

    def type(self, type_: TypeRef) -> TypeRef:
        mapped = pytypes.map_named(type_, self._named)
        return _dates_or_text(mapped) if self._alone else mapped

    def _named(self, named: Named) -> TypeRef:
        if named.name in self._inline:
            return self._inline[named.name]
        if named.name in self._params:
            param = Named(self._params[named.name][0], named.kind)
            return param if self._alone else UnionOf((named, param))
        return named

    def method_params(self, definition: Definition) -> Definition:
        """A method's `...Params` TypedDict, its keys taking the TypedDicts of models."""
        if not isinstance(definition, Model):
            return definition
        return replace(definition, fields=tuple(self._field(f) for f in definition.fields))

    def arguments(self, op: Operation) -> Operation:
        """`op` with every argument taking the TypedDicts of models."""
        parameters = tuple(replace(p, type=self.type(p.type)) for p in op.parameters)
        body = op.body
        if body is not None and body.encoding in ("json", "form"):
            fields = None if body.fields is None else tuple(self._field(f) for f in body.fields)
            body = replace(body, type=self.type(body.type), fields=fields)
        return replace(op, parameters=parameters, body=body)

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
