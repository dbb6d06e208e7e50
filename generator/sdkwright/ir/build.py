"""The raw spec -> the neutral IR `Api`: definitions, operations by tag, security, webhooks.

Schemas are handed to `SchemaConverter`, operations to `OperationBuilder`. No identifier of any
language is decided here: a target's naming step (sdkwright.targets.python.naming for Python)
turns the result into the Api its templates read.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from sdkwright.config_resources import ResourcesConfig
from sdkwright.config_security import ConfiguredSecurity
from sdkwright.depth import with_room_for_deep_specs
from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir import path_keys, resources, security, servers
from sdkwright.ir.nodes import Api, Operation, ResourceGroup, Security, SecurityScheme
from sdkwright.ir.operations import OperationBuilder
from sdkwright.ir.schemas import SchemaConverter
from sdkwright.spec.resolve import Node, RefError, SpecSet
from sdkwright.spec.validate import iter_operations, spec_version


@with_room_for_deep_specs
def build_api(
    specs: SpecSet,
    configured_security: ConfiguredSecurity | None = None,
    configured_resources: ResourcesConfig | None = None,
    kept_names: frozenset[str] = frozenset(),
    optional_beside_unions: bool = False,
) -> tuple[Api, list[Diagnostic]]:
    """The spec's neutral IR, and what building it found wrong. `configured_security`: the
    target's own scheme (sdkwright.yaml), which replaces the spec's; `configured_resources`:
    the target's resources (ir/resources.py), else groups by tag; `kept_names`: component
    schemas that stay named though no class (`SchemaConverter.kept_names`);
    `optional_beside_unions`: `SchemaConverter.optional_beside_unions`."""
    root = specs.root_node
    version = spec_version(root.value) or "3.0"
    converter = SchemaConverter(
        specs, version, kept_names=kept_names, optional_beside_unions=optional_beside_unions
    )
    components = _component_schemas(root, version)
    if components is not None:
        converter.register_components(components)
        converter.define_components(components)
    builder = OperationBuilder(converter, _global_security(root))
    operations = [
        builder.operation(path, method, item, op, position)
        for position, (path, method, item, op) in enumerate(iter_operations(specs))
    ]
    converter.diagnostics += path_keys.diagnostics((p, i) for p, _, i, _ in iter_operations(specs))
    default_security, schemes = security.api_security(
        root, version, configured_security, operations, converter.diagnostics
    )
    if configured_security is not None:  # the target's scheme replaces the spec's
        operations = [security.under_configured(op) for op in operations]
    operations = [_with_security(op, default_security, schemes) for op in operations]
    webhooks = builder.webhooks(root)
    tags = _tag_descriptions(specs)
    groups, grouping_problems = resources.grouped(
        operations, configured_resources, partial(_by_tag, descriptions=tags)
    )
    converter.diagnostics += grouping_problems
    info = root.value.get("info") if isinstance(root.value.get("info"), dict) else {}
    api = Api(
        title=str(info.get("title") or ""),
        description=str(info.get("description") or ""),
        version=str(info.get("version") or ""),
        spec_version=version,
        package="",
        client_name="",
        env_prefix="",
        base_url=_base_url(root, version, converter.diagnostics),
        definitions=tuple(
            converter.definitions[key] for key in converter.origins if key in converter.definitions
        ),
        groups=groups,
        source_name=root.document.name,
        security_schemes=schemes,
        default_security=default_security,
        webhooks=webhooks,
        components=None if converter.components is None else tuple(converter.components),
        tags=tuple(tags.items()),
        servers=servers.api_servers(root.value.get("servers")) if version != "2.0" else (),
    )
    return api, converter.diagnostics


def _by_tag(operations: list[Operation], descriptions: dict[str, str]) -> tuple[ResourceGroup, ...]:
    """One group per tag, in the order tags first appear; operations in the spec's order."""
    by_tag: dict[str, list[Operation]] = {}
    for operation in operations:
        by_tag.setdefault(operation.tag, []).append(operation)
    return tuple(
        ResourceGroup("", "", "", str(descriptions.get(tag) or ""), tuple(found), tag)
        for tag, found in by_tag.items()
    )


def _with_security(
    op: Operation, default: Security, schemes: tuple[SecurityScheme, ...]
) -> Operation:
    """The operation's requirements as the client can meet them; None where it follows
    the API's default (the generated call then says nothing about security)."""
    own = None if op.security is None else security.effective(op.security, schemes)
    applied = default if own is None else own
    return replace(
        op,
        security=None if own == default else own,
        authenticated=bool(applied) and bool(applied[0]),
    )


def _component_schemas(root: Node, version: str) -> Node | None:
    if version == "2.0":
        return root.get("definitions")
    components = root.get("components")
    return components.get("schemas") if components is not None else None


def _global_security(root: Node) -> bool:
    security = root.value.get("security")
    return isinstance(security, list) and any(isinstance(s, dict) for s in security)


def _base_url(root: Node, version: str, diagnostics: list[Diagnostic]) -> str:
    if version == "2.0":
        schemes = root.value.get("schemes") or ["https"]
        host = root.value.get("host") or "localhost"
        return f"{schemes[0]}://{host}{root.value.get('basePath') or ''}".rstrip("/")
    url = servers.first_url(root.value.get("servers"))
    if url is None:
        return "http://localhost"
    if "://" not in url:
        diagnostics.append(
            Diagnostic(
                Level.WARNING,
                "server.relative-url",
                f"server URL '{url}' is relative; the client defaults to http://localhost{url}",
                root.child("servers", 0).location,
                "pass base_url= when creating the client",
            )
        )
    return servers.absolute(url)


def _tag_descriptions(specs: SpecSet) -> dict[str, str]:
    """Tag name -> description; a description may be a $ref to text in another file."""
    tags = specs.root_node.get("tags")
    found: dict[str, str] = {}
    for index in range(len(tags.value) if tags is not None and isinstance(tags.value, list) else 0):
        tag = tags.child(index) if tags is not None else None
        if tag is None or not isinstance(tag.value, dict) or "description" not in tag.value:
            continue
        try:
            description = specs.deref(tag.child("description")).value
        except RefError:
            continue
        found[str(tag.value.get("name"))] = description if isinstance(description, str) else ""
    return found
