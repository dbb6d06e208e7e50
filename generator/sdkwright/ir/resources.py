"""Operations into the resources a target configures (`resources:`, config_resources.py):
one group per resource and sub-resource, in the config's order (a resource before its
sub-resources), one for the client's own methods, and tag groups for what no method maps.

Neutral: a group keeps the config's names (`ResourceGroup.path`) and an operation the
configured method name and the wire names of its positional path parameters; a target's
naming step makes identifiers of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from sdkwright.config_resources import (
    MethodMapping,
    ResourceNode,
    ResourcesConfig,
    endpoint_key,
    placeholders,
)
from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir.nodes import Operation, ResourceGroup

ByTag = Callable[[list[Operation]], tuple[ResourceGroup, ...]]


def grouped(
    operations: list[Operation], config: ResourcesConfig | None, by_tag: ByTag
) -> tuple[tuple[ResourceGroup, ...], list[Diagnostic]]:
    """The groups of `operations` under `config` (None: by tag, as without one), and the
    mappings that name no operation (errors) and the operations no mapping names (a warning).
    A lone path parameter is positional (`delete_thing("id")`) unless the config says more."""
    operations = [lone_positional(op) for op in operations]
    if config is None:
        return by_tag(operations), []
    if config.positional_last:
        operations = [last_positional(op) for op in operations]
    by_endpoint = {endpoint_key(op.http_method, op.path): op for op in operations}
    mapped: set[int] = set()
    diagnostics: list[Diagnostic] = []
    groups = []
    for path, node in _walk(config.root, ()):
        found = []
        for mapping in node.methods:
            op = by_endpoint.get(endpoint_key(mapping.http_method, mapping.path))
            if op is None:
                diagnostics.append(_unknown_endpoint(mapping))
                continue
            mapped.add(op.position)
            found.append(_configured(op, mapping))
        if path or found:
            groups.append(
                ResourceGroup(
                    "",
                    "",
                    "",
                    "",
                    tuple(found),
                    path=path,
                    client_methods=not path,
                    where=node.where,
                )
            )
    rest = [op for op in operations if op.position not in mapped]
    if rest and mapped:
        diagnostics.append(_unmapped(rest, config.root))
    return (*groups, *by_tag(rest)), diagnostics


def _walk(
    node: ResourceNode, path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], ResourceNode]]:
    yield path, node
    for child in node.children:
        yield from _walk(child, (*path, child.name))


def _configured(op: Operation, mapping: MethodMapping) -> Operation:
    """The operation under its configured name; its positional parameters by the spec's wire
    names (the config's placeholders may be named otherwise: they match by place)."""
    spec_names = placeholders(op.path)
    config_names = placeholders(mapping.path)
    positional = tuple(spec_names[config_names.index(name)] for name in mapping.positional)
    declared = {p.wire_name for p in op.path_parameters}
    positional = tuple(name for name in positional if name in declared) or op.positional
    return replace(op, resource_method=mapping.name, positional=positional)


def lone_positional(op: Operation) -> Operation:
    """An operation whose path has one parameter takes it by position (as well as by name):
    the call reads as what it acts on (issue 19: every SDK, not only Stainless's)."""
    path_parameters = op.path_parameters
    if op.positional or len(path_parameters) != 1:
        return op
    return replace(op, positional=(path_parameters[0].wire_name,))


def last_positional(op: Operation) -> Operation:
    """`positional_params: last`: the path's last declared parameter, by position."""
    declared = {p.wire_name for p in op.path_parameters}
    names = [name for name in placeholders(op.path) if name in declared]
    return replace(op, positional=(names[-1],)) if names else op


def _unknown_endpoint(mapping: MethodMapping) -> Diagnostic:
    return Diagnostic(
        Level.ERROR,
        "resources.unknown-endpoint",
        f"method '{mapping.name}' maps '{mapping.endpoint}', which the spec does not have",
        mapping.where,
        "write the endpoint as the spec's paths give it: '<method> <path>'",
    )


def _unmapped(rest: list[Operation], root: ResourceNode) -> Diagnostic:
    listed = ", ".join(f"{op.http_method.upper()} {op.path}" for op in rest)
    return Diagnostic(
        Level.WARNING,
        "resources.unmapped",
        f"{len(rest)} operation(s) are in no configured resource and keep their tag groups: "
        f"{listed}",
        root.where,
        "map them under resources: to place them",
    )
