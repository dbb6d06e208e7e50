"""Configured resources (ir/resources.py) -> Python names: `client.v1.positions` is the
attribute `positions` of the class of `client.v1`, each resource a module of `resources/`.

The config's names are identifiers already (config_resources.py): they are kept as they are,
and one that the client reserves is an error, never a silent rename. Modules join the path
(`v1_positions`); classes are the resource's name (`V1`), a sub-resource's its whole path
(`V1Positions`), clear of models and of one another.
"""

from __future__ import annotations

from collections.abc import Mapping

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir.nodes import Operation, ResourceGroup
from sdkwright.targets.python.naming.copies import with_fields
from sdkwright.targets.python.naming.groups import group_class_name
from sdkwright.targets.python.naming.identifiers import python_identifier
from sdkwright.targets.python.naming.reserved import client_attributes

CLIENT_METHODS = "client methods"  # the name of the client's own methods' class and module


def named_tree(
    neutral: list[ResourceGroup],
    named_operations: Mapping[int, Operation],
    reserved_classes: set[str],
    taken: set[str],
    document: str,
) -> tuple[tuple[ResourceGroup, ...], list[Diagnostic]]:
    """The configured groups named, in the config's order; `taken` gains the client's
    attributes they use and their modules (so tag groups step aside)."""
    diagnostics: list[Diagnostic] = []
    modules: set[str] = set()
    found = []
    for group in neutral:
        operations = tuple(named_operations[op.position] for op in group.operations)
        if group.client_methods:
            diagnostics += _reserved(operations, "client method", document)
            taken.update(op.method_name for op in operations)
            base, accessor = CLIENT_METHODS, ""
        else:
            if len(group.path) == 1:
                diagnostics += _reserved_resource(group.path[0], group.where or Location(document))
                taken.add(group.path[0])
            base, accessor = " ".join(group.path), ".".join(group.path)
        module = python_identifier("_".join(base.split()), "resource", modules)
        modules.add(module)
        found.append(
            with_fields(
                group,
                attribute=group.path[-1] if group.path else "",
                class_name=group_class_name(base, reserved_classes),
                module=module,
                operations=operations,
                accessor=accessor,
                nested=len(group.path) > 1,
                where=None,
            )
        )
    taken.update(modules)
    return tuple(_with_children(found)), diagnostics


def _with_children(groups: list[ResourceGroup]) -> list[ResourceGroup]:
    children: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}
    for group in groups:
        if group.path:
            entry = (group.attribute, group.class_name, group.module)
            children.setdefault(group.path[:-1], []).append(entry)
    return [
        with_fields(group, children=tuple(children.get(group.path, ())))
        if group.path and group.path in children
        else group
        for group in groups
    ]


def _reserved(operations: tuple[Operation, ...], what: str, document: str) -> list[Diagnostic]:
    return [
        Diagnostic(
            Level.ERROR,
            "resources.reserved-name",
            f"{what} '{op.method_name}' would hide the client's own '{op.method_name}'",
            Location(document, pointer=op.source),
            "choose another name under resources:",
        )
        for op in operations
        if op.method_name in client_attributes()
    ]


def _reserved_resource(name: str, where: Location) -> list[Diagnostic]:
    if name not in client_attributes():
        return []
    return [
        Diagnostic(
            Level.ERROR,
            "resources.reserved-name",
            f"resource '{name}' would hide the client's own '{name}'",
            where,
            "choose another name under resources:",
        )
    ]
