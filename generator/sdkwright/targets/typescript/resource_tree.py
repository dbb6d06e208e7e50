"""Resource groups -> TypeScript names: tag groups are properties of the client
(`client.positions`), configured resources (`resources:`, ir/resources.py) nest as the config
declares them (`client.v1.omniAi.threads`), and the config's root `methods` are the client's own
(`client.ping()`).

A resource's property is its config name in camelCase, claimed among its parent's members
before the parent's methods are named: a sub-resource keeps its place and a method of the same
TypeScript name moves to its next candidate (`naming.collision`, an info). Classes are the whole
path in PascalCase (`V1OmniAiThreadsResource`: the SDK exports every class from one module),
modules likewise in camelCase, one flat file each in `src/resources/`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir.nodes import Operation, ResourceGroup
from sdkwright.targets.typescript.identifiers import Registry, camel, pascal

# The members every resource class has (resource.ts.jinja): a method or sub-resource takes none.
RESOURCE_MEMBERS = frozenset({"client"})
# Names a group's operations under a registry of its class's members.
NameMethods = Callable[[ResourceGroup, Registry], tuple[Operation, ...]]


def named_groups(
    groups: tuple[ResourceGroup, ...],
    classes: Registry,
    client: Registry,
    name_methods: NameMethods,
    document: str,
) -> tuple[tuple[ResourceGroup, ...], list[Diagnostic]]:
    """Every group named, in the IR's order; `client` holds the client's members (resource
    properties and its own methods claim from it)."""
    diagnostics: list[Diagnostic] = []
    members: dict[tuple[str, ...], Registry] = {(): client}
    accessors: dict[tuple[str, ...], str] = {(): ""}
    modules: set[str] = set()  # file names, unique whatever the file system's case
    placed = []
    for group in groups:  # a resource comes before its sub-resources
        if group.client_methods:
            placed.append((group, "", "client methods", ""))
            continue
        path = group.path or (group.tag or "default",)
        parent = members.setdefault(path[:-1], Registry(RESOURCE_MEMBERS))
        name = path[-1]
        attribute, moved = parent.claim([camel(name), camel(name + " resource")])
        if moved:
            diagnostics.append(_moved("resource", name, attribute, group, document))
        accessor = ".".join(filter(None, [accessors.get(path[:-1], ""), attribute]))
        if group.path:
            accessors[group.path] = accessor
        placed.append((group, attribute, " ".join(path), accessor))
    named = []
    for group, attribute, label, accessor in placed:
        own = members[()] if group.client_methods else _own_members(group, members)
        class_name, _ = classes.claim([pascal(label) + "Resource", pascal(label) + "Api"])
        module = camel(label)
        while module.lower() in modules:
            module += "_"
        modules.add(module.lower())
        operations = name_methods(group, own)
        diagnostics += _moved_methods(group, operations, document)
        named.append(
            dataclasses.replace(
                group,
                attribute=attribute,
                class_name=class_name,
                module=module,
                operations=operations,
                accessor=accessor,
                nested=len(group.path) > 1,
                children=(),
                where=None,
            )
        )
    return tuple(_with_children(named)), diagnostics


def _own_members(group: ResourceGroup, members: dict[tuple[str, ...], Registry]) -> Registry:
    """The names a resource's class already has: its sub-resources' (claimed first), else
    only every resource's own members (a tag group has no sub-resources)."""
    found = members.get(group.path) if group.path else None
    return found if found is not None else Registry(RESOURCE_MEMBERS)


def _with_children(groups: list[ResourceGroup]) -> list[ResourceGroup]:
    """Each configured resource with its sub-resources as (property, class, module)."""
    children: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}
    for group in groups:
        if len(group.path) > 1:
            entry = (group.attribute, group.class_name, group.module)
            children.setdefault(group.path[:-1], []).append(entry)
    return [
        dataclasses.replace(group, children=tuple(children.get(group.path, ())))
        if group.path
        else group
        for group in groups
    ]


def _moved(what: str, name: str, taken: str, group: ResourceGroup, document: str) -> Diagnostic:
    return Diagnostic(
        Level.INFO,
        "naming.collision",
        f"{what} '{name}' is '{taken}' in TypeScript: '{camel(name)}' is already taken",
        group.where or Location(document),
    )


def _moved_methods(
    group: ResourceGroup, operations: tuple[Operation, ...], document: str
) -> list[Diagnostic]:
    """A configured method whose TypeScript name is not its config name's camelCase."""
    return [
        _moved("method", original.resource_method, op.method_name, group, document)
        for original, op in zip(group.operations, operations, strict=True)
        if original.resource_method and op.method_name != camel(original.resource_method)
    ]
