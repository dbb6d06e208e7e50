"""The Stainless surface's nested params types: an object a method's keyword takes whose schema
is no configured model is a TypedDict named after the keyword (`target=` takes a `Target`,
`instructions=` an `Iterable[Instruction]`), as Stainless writes it inside the method's params
module (`thread_create_thread_params.Target`); a configured model stays `<Model>Param`.

Run after `body_params.with_input_params`: each such keyword's `<Model>Param` is copied under
the keyword's name (singular for an array), imported by the params module, which so holds it as
an attribute; its dicts are still sent as the model (`model_of_param` reads its key).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from sdkwright.ir.nodes import Api, Definition, Field, ListOf, Model, Named, Nullable, TypeRef
from sdkwright.targets.python import pytypes
from sdkwright.targets.python.body_params import NESTED, is_param, model_of_param, param_key
from sdkwright.targets.python.naming.identifiers import snake


def with_nested_params(api: Api) -> Api:
    definitions = {d.name: d for d in api.definitions}
    # Stainless's own singular and class spelling; imported here, as the migrate package it
    # lives in costs every generation ~25 ms to import and only this surface needs it.
    from sdkwright.migrate.stainless.naming import pascal, singular

    configured = set(api.configured_models)
    taken = {d.name for d in api.definitions} | {d.module for d in api.definitions}
    operations = {param_key(op.source): op for op in api.operations}
    added: list[Definition] = []
    renamed: dict[str, dict[str, str]] = {}  # params key -> keyword -> nested class
    for params in api.definitions:
        if not (isinstance(params, Model) and params.key in operations):
            continue
        for field in params.fields:
            copied = _unconfigured_param(field.type, definitions, configured)
            if copied is None:
                continue
            name = pascal(singular(snake(field.name)) if _is_array(field.type) else field.name)
            module = f"{params.module}_{snake(name)}"
            if not name.isidentifier() or name in taken or module in taken:
                continue
            taken |= {name, module}
            key = f"{copied.key}{NESTED}{params.module}"
            said = f"`{field.name}` of `{params.name}`."
            added.append(replace(copied, name=name, module=module, key=key, description=said))
            renamed.setdefault(params.key, {})[field.name] = name
    if not added:
        return api
    by_name = {d.name: d for d in [*api.definitions, *added]}

    def retype(type_: TypeRef, nested: str) -> TypeRef:
        return pytypes.map_named(
            type_, lambda n: Named(nested, n.kind) if _copied_by(nested, n.name, by_name) else n
        )

    def fields(found: tuple[Field, ...], names: Mapping[str, str]) -> tuple[Field, ...]:
        return tuple(
            replace(f, type=retype(f.type, names[f.name])) if f.name in names else f for f in found
        )

    definitions_out = [
        replace(d, fields=fields(d.fields, renamed[d.key]))
        if isinstance(d, Model) and d.key in renamed
        else d
        for d in api.definitions
    ]
    groups = []
    for group in api.groups:
        ops = []
        for op in group.operations:
            names = renamed.get(param_key(op.source), {})
            if names:
                parameters = tuple(
                    replace(p, type=retype(p.type, names[p.name])) if p.name in names else p
                    for p in op.parameters
                )
                body = op.body
                if body is not None and body.fields is not None:
                    body = replace(body, fields=fields(body.fields, names))
                elif body is not None and body.argument in names:  # an array body by name
                    body = replace(body, type=retype(body.type, names[body.argument]))
                op = replace(op, parameters=parameters, body=body)
            ops.append(op)
        groups.append(replace(group, operations=tuple(ops)))
    every = sorted([*definitions_out, *added], key=lambda d: d.name)
    return replace(api, definitions=tuple(every), groups=tuple(groups))


def _is_array(type_: TypeRef) -> bool:
    core = type_.inner if isinstance(type_, Nullable) else type_
    return isinstance(core, ListOf)


def _unconfigured_param(
    type_: TypeRef, definitions: Mapping[str, Definition], configured: set[str]
) -> Model | None:
    """The `<Model>Param` a keyword takes (alone, or an array of it, or null) where its model
    is no configured one."""
    core = type_.inner if isinstance(type_, Nullable) else type_
    core = core.item if isinstance(core, ListOf) else core
    if not isinstance(core, Named):
        return None
    definition = definitions.get(core.name)
    if not (isinstance(definition, Model) and is_param(definition)):
        return None
    model = model_of_param(core.name, definitions)
    return definition if model != core.name and model not in configured else None


def _copied_by(nested: str, name: str, definitions: Mapping[str, Definition]) -> bool:
    """Whether the nested TypedDict `nested` is the copy of `<Model>Param` `name`."""
    copy, original = definitions.get(nested), definitions.get(name)
    if copy is None or original is None:
        return False
    return copy.key.rpartition(NESTED)[0] == original.key
