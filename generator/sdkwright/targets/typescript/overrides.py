"""Names the user imposes on a TypeScript target: its `names:` (operationId -> method,
component schema -> type, tag -> resource) and the spec's `x-sdkwright-name` on a component
schema or an operation (the config wins when both name one), in TypeScript's case: the
config's `cancel_instruction` is the method `cancelInstruction`, an extension may be spelled
either way, a type is PascalCase.

An imposed name is claimed before any derived one (which then steps aside); one that cannot be
had (a reserved word, a name the SDK uses, another imposed name) is an error,
`naming.override-collision`; an override naming nothing in the spec is a warning, as in the
Python target.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sdkwright.config_names import NameOverrides
from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir.names import NAME_EXTENSION
from sdkwright.ir.nodes import Api, Operation, ResourceGroup
from sdkwright.targets.python.naming.overrides import group_descriptions, unknown_keys
from sdkwright.targets.typescript.identifiers import Registry, camel, pascal

# What `x-sdkwright-name` may hold for a TypeScript target: an identifier, in any case.
_NAME = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


@dataclass
class Imposed:
    """The imposed names, by what they name, and what was wrong with them."""

    classes: dict[str, str] = field(default_factory=dict)  # definition key -> type name
    schemas: dict[str, str] = field(default_factory=dict)  # definition key -> schema key
    methods: dict[str, str] = field(default_factory=dict)  # operationId -> method name
    tags: Mapping[str, str] = field(default_factory=dict)  # tag -> resource group
    diagnostics: list[Diagnostic] = field(default_factory=list)


def imposed(api: Api, names: NameOverrides) -> Imposed:
    """What `names` and the spec's extensions impose on `api`'s types and methods."""
    found = Imposed(tags=dict(names.tags))
    schemas, operations = dict(names.schemas), dict(names.operations)
    for component in api.components or ():
        name = _requested(component.key, component.requested_name, schemas, component.where, found)
        if name and component.definition:
            found.classes[component.definition] = pascal(name)
            found.schemas[component.definition] = component.key
    for op in api.operations:
        where = op.where or Location(api.source_name, pointer=op.source)
        name = _requested(op.operation_id, op.requested_name, operations, where, found)
        if name and not op.resource_method:  # a method `resources:` names keeps that name
            found.methods[op.operation_id] = camel(name)
    known = {
        "schemas": [c.key for c in api.components or ()],
        "operations": [op.operation_id for op in api.operations],
        "tags": [op.tag for op in api.operations],
    }
    for kind, keys in known.items():
        found.diagnostics += [
            Diagnostic(Level.WARNING, "naming.override-unknown", problem, Location(api.source_name))
            for problem in unknown_keys(dict(getattr(names, kind)), keys, kind)
        ]
    return found


def _requested(
    source: str, given: Any, configured: Mapping[str, str], where: Location, found: Imposed
) -> str:
    if source in configured:
        return configured[source]
    if given is None:
        return ""
    if isinstance(given, str) and _NAME.fullmatch(given):
        return given
    problem = f"{NAME_EXTENSION} {given!r} of '{source}' is not a TypeScript name; ignored"
    found.diagnostics.append(Diagnostic(Level.WARNING, "naming.override-invalid", problem, where))
    return ""


def claim(
    registry: Registry, wanted: str, what: str, where: Location, diagnostics: list[Diagnostic]
) -> str:
    """`wanted` claimed in `registry` before any derived name (an error in `diagnostics`
    when it is taken); `wanted` itself."""
    _, moved = registry.claim([wanted])
    if moved:
        diagnostics.append(
            Diagnostic(
                Level.ERROR,
                "naming.override-collision",
                f"{what} cannot be named {wanted}: a reserved word, a name the SDK uses or "
                "another imposed name has it",
                where,
                "choose another name in names: or x-sdkwright-name",
            )
        )
    return wanted


def regrouped(
    groups: tuple[ResourceGroup, ...], tags: Mapping[str, str]
) -> tuple[ResourceGroup, ...]:
    """Tag groups under the resource `names.tags` maps their tag to: several tags may share
    one, which takes the first description any of them has; configured resources stay."""
    if not tags:
        return groups
    merged: dict[str, ResourceGroup] = {}
    descriptions = group_descriptions({g.tag: g.description for g in groups if g.tag}, tags)
    result: list[ResourceGroup | str] = []
    for group in groups:
        if group.path or group.client_methods:
            result.append(group)
            continue
        key = camel(tags.get(group.tag, group.tag) or "default")
        if key in merged:
            ops: tuple[Operation, ...] = merged[key].operations + group.operations
            merged[key] = dataclasses.replace(merged[key], operations=ops)
            continue
        name = tags.get(group.tag, group.tag)
        merged[key] = dataclasses.replace(
            group, tag=name, description=descriptions.get(name, group.description)
        )
        result.append(key)
    return tuple(merged[g] if isinstance(g, str) else g for g in result)
