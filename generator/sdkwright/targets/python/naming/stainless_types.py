"""The Stainless surface's types, after naming (`surface: stainless`, issue 19): enums as
`Literal[...]` aliases (`literal_enums`), a params TypedDict per method whose config names one
(`params_types`), and the packages below `types` that re-export every configured name
(`type_exports`: `types.v1`, `types.v1.omni_ai`). The reshaping before naming is in
`stainless.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from sdkwright.config_resources import ResourcesConfig
from sdkwright.ir.nodes import (
    Alias,
    Api,
    Definition,
    Enum,
    Field,
    LiteralOf,
    Model,
    Named,
    Operation,
    TypeRef,
)
from sdkwright.targets.python import pytypes
from sdkwright.targets.python.naming.identifiers import module_name
from sdkwright.targets.python.naming.stainless import Methods, class_of, method_of, nodes, retype
from sdkwright.targets.python.naming.typerefs import writable


def literal_enums(api: Api) -> Api:
    """Enums as Stainless writes them: `Status = Literal["A", "B"]`, the type fields and
    arguments name (an enum whose values mypy cannot read in a Literal stays an enum)."""
    enums = {
        d.name: d
        for d in api.definitions
        if isinstance(d, Enum) and writable(LiteralOf(tuple(m.value for m in d.members)))
    }
    if not enums:
        return api

    def named(ref: Named) -> TypeRef:
        return Named(ref.name, "alias") if ref.kind == "enum" and ref.name in enums else ref

    retyped = retype(api, lambda t: pytypes.map_named(t, named))
    definitions = tuple(
        _literal_alias(enums[d.name]) if d.name in enums else d for d in retyped.definitions
    )
    return replace(retyped, definitions=definitions)


def _literal_alias(enum: Enum) -> Alias:
    values = LiteralOf(tuple(m.value for m in enum.members))
    return Alias(
        enum.name,
        enum.module,
        enum.description,
        values,
        enum.source,
        key=enum.key,
        origin=enum.origin,
        where=enum.where,
        aliases=enum.aliases,
    )


def params_types(api: Api, methods: Methods) -> Api:
    """A TypedDict per method whose config names its params (`params:`, Stainless's
    `<Resource><Method>Params`): the keywords it takes besides its positional parameters,
    for code that builds its arguments as a dict. A name already taken is left out."""
    from sdkwright.targets.python.body_params import param_key

    taken = {d.name for d in api.definitions} | {d.module for d in api.definitions}
    added: list[Definition] = []
    for op in api.operations:
        method = method_of(op, methods)
        name = class_of(method.params) if method is not None and method.params else ""
        module = module_name(name) if name else ""
        if not name or name in taken or module in taken:
            continue
        taken |= {name, module}
        said = f"The keyword arguments of `{op.method_name}`, as a dict."
        fields = _arguments(op)
        added.append(Model(name, module, said, fields, op.source, key=param_key(op.source)))
    if not added:
        return api
    every = sorted([*api.definitions, *added], key=lambda d: d.name)
    return replace(api, definitions=tuple(every))


def _arguments(op: Operation) -> tuple[Field, ...]:
    fields = [
        Field(p.name, p.wire_name, p.type, p.required, p.description, deprecated=p.deprecated)
        for p in op.parameters
        if p.wire_name not in op.positional
    ]
    body = op.body
    if body is not None and body.fields is not None:
        fields += [f for f in body.fields if not f.read_only]
    elif body is not None:
        argument = body.argument or "body"
        fields.append(Field(argument, argument, body.type, body.required, body.description))
    return tuple(fields)


def type_exports(
    api: Api, resources: ResourcesConfig | None, keys: Mapping[str, str], classes: Mapping[str, str]
) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """The packages below `types` and the names each re-exports: every configured response
    (by the class its definition got) and every listed model that exists."""
    if resources is None:
        return ()
    defined = {d.name for d in api.definitions}
    exports: dict[str, dict[str, str]] = {}

    def add(qualified: str, definition: str) -> None:
        folder = _folder(qualified)
        if folder and definition in defined:
            exports.setdefault(folder, {}).setdefault(class_of(qualified), definition)

    for node in nodes(resources.root):
        for qualified in node.models:
            add(qualified, class_of(qualified))
        for method in node.methods:
            if method.response and method.response in keys:
                add(method.response, classes.get(keys[method.response], ""))
            if method.params:
                add(method.params, class_of(method.params))
    for folder in list(exports):  # every package above one that exports has an __init__
        parts = folder.split("/")
        for depth in range(1, len(parts)):
            exports.setdefault("/".join(parts[:depth]), {})
    return tuple(
        (folder, tuple(sorted(names.items()))) for folder, names in sorted(exports.items())
    )


def _folder(qualified: str) -> str:
    """`pkg.types.v1.omni_ai.Thing` -> "v1/omni_ai"; "" for a name right in `types`."""
    parts = qualified.split(".")[:-1]
    if "types" not in parts:
        return ""
    below = parts[parts.index("types") + 1 :]
    return "/".join(below) if all(p.isidentifier() for p in below) else ""
