"""The Python naming step: the neutral IR -> the named Api the Python templates read.

    api, diagnostics = build_named_api(specs, NamingOptions("clearstreet", "ClearStreet"))

or, with a neutral Api in hand, `name_api(api, options)`. Every identifier a generated file
uses is decided here, once: package, client and environment prefix; classes, modules, fields
and enum members (`classes`, `definitions`); methods, arguments and pagination attributes
(`operations`); groups (`groups`); credential arguments (`security`); discriminator attributes
(`typerefs`). The user's names (`names:` of the target, `x-sdkwright-name`) come first
(`overrides`), then derived names, in the order the IR found what they name, clear of Python's
and the SDK's reserved names (`reserved`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from sdkwright.config_names import NameOverrides
from sdkwright.config_resources import ResourcesConfig
from sdkwright.config_security import ConfiguredSecurity
from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir.build import build_api
from sdkwright.ir.nodes import Api, Definition, Model, Operation, Release
from sdkwright.spec.resolve import SpecSet
from sdkwright.targets.python.naming import (
    files,
    groups,
    overrides,
    pins,
    resource_tree,
    security,
    stainless,
    stainless_inputs,
    stainless_models,
    stainless_types,
    stainless_unions,
)
from sdkwright.targets.python.naming.classes import class_names
from sdkwright.targets.python.naming.copies import with_fields
from sdkwright.targets.python.naming.definitions import field_names, named_definition
from sdkwright.targets.python.naming.environments import environment_names
from sdkwright.targets.python.naming.identifiers import env_prefix
from sdkwright.targets.python.naming.operations import OperationNamer
from sdkwright.targets.python.naming.reserved import CLIENT_RUNTIME_NAMES, client_attributes
from sdkwright.targets.python.naming.typerefs import TypeNamer


@dataclass(frozen=True)
class NamingOptions:
    package: str
    client_name: str
    env_prefix: str = ""
    names: NameOverrides = dataclasses.field(default_factory=NameOverrides)
    # endpoint (`surface.model.endpoint_key`) -> method name: the names the surface lock
    # keeps across operationId renames (surface/generated.py, pinned_methods)
    pinned_methods: tuple[tuple[str, str], ...] = ()
    # shape (`naming.pins.shape`) -> class name: the same for schemas renamed in the spec
    pinned_classes: tuple[tuple[str, str], ...] = ()
    release: Release = dataclasses.field(default_factory=Release)
    surface: str = "sdkwright"  # or "stainless" (naming/stainless.py)
    resources: ResourcesConfig | None = None  # the target's, which the Stainless surface reads


def build_named_api(
    specs: SpecSet,
    options: NamingOptions,
    configured_security: ConfiguredSecurity | None = None,
    configured_resources: ResourcesConfig | None = None,
) -> tuple[Api, list[Diagnostic]]:
    """The spec's IR, named for Python, and what building and naming it found wrong
    (`configured_security`: the target's own scheme, see ir/security.py; `configured_resources`:
    its resources, see ir/resources.py)."""
    if options.resources is None:
        options = dataclasses.replace(options, resources=configured_resources)
    on_stainless = options.surface == stainless.SURFACE
    kept = stainless_models.kept_names(options.resources) if on_stainless else ()
    api, diagnostics = build_api(
        specs, configured_security, configured_resources, frozenset(kept), on_stainless
    )
    named, naming_diagnostics = name_api(api, options)
    return named, diagnostics + naming_diagnostics


def name_api(api: Api, options: NamingOptions) -> tuple[Api, list[Diagnostic]]:
    """The neutral `api` with every name the Python templates print."""
    diagnostics: list[Diagnostic] = []
    configured = dict(options.names.schemas)
    methods = stainless.configured_methods(options.resources)
    on_stainless = options.surface == stainless.SURFACE
    response_classes: dict[str, str] = {}
    response_keys: dict[str, str] = {}
    if on_stainless:  # its shapes, and the classes its methods return named as configured
        api = stainless_models.output_models(stainless.before_naming(api, methods))
        response_classes, response_keys = stainless.response_names(api, methods)
        response_classes |= stainless.model_names(api, options.resources, response_classes)
    unpinned: list[Diagnostic] = []
    classes = class_names(api, options.client_name, configured, unpinned, response_classes)
    kept, class_aliases = pins.pinned_classes(
        api, classes, configured, dict(options.pinned_classes)
    )
    if kept:  # named again, the locked names imposed (the first naming's findings dropped)
        classes = class_names(
            api, options.client_name, {**configured, **kept}, diagnostics, response_classes
        )
    else:
        diagnostics += unpinned
    allowed = stainless.FIELD_NAMES if on_stainless else frozenset()
    fields = {
        d.key: field_names([f.wire_name for f in d.fields], allowed)
        for d in api.definitions
        if isinstance(d, Model)
    }
    types = TypeNamer({d.key: d for d in api.definitions}, classes, fields, diagnostics)
    modules = files.definition_modules(api.definitions, classes, diagnostics)
    definitions = sorted(
        (
            _with_alias(
                named_definition(d, types, fields, modules[d.key]),
                class_aliases.get(d.key),
                classes,
            )
            for d in api.definitions
        ),
        key=lambda d: d.name,
    )
    if on_stainless:  # a union's titled inline variants bound under their titles
        variants = stainless_unions.titled_variants(api.definitions, classes)
        definitions = stainless_unions.with_variant_names(definitions, variants)
    namer = OperationNamer(
        types,
        dict(options.names.operations),
        diagnostics,
        dict(options.pinned_methods),
        stainless_arguments=on_stainless,
    )
    operations = sorted(
        (op for group in api.groups for op in group.operations), key=lambda op: op.position
    )
    named_operations = {op.position: namer(op) for op in operations}
    reserved = set(classes.values()) | set(CLIENT_RUNTIME_NAMES)
    reserved |= {options.client_name, "Async" + options.client_name}
    prefix = options.env_prefix or env_prefix(options.client_name)
    credentials = security.credentials(api.security_schemes, prefix)
    attributes = client_attributes() | {
        name for c in credentials for name in (c.argument, c.password_argument) if name
    }
    # Configured resources first (`resources:`), then tag groups for the operations left:
    # both clear of the client's attributes and of each other's.
    resources = [g for g in api.groups if g.path or g.client_methods]
    taken = set(attributes)
    tree, tree_problems = resource_tree.named_tree(
        resources, named_operations, reserved, taken, api.source_name
    )
    diagnostics += tree_problems
    in_tree = {op.position for group in resources for op in group.operations}
    by_tag = [op for position, op in named_operations.items() if position not in in_tree]
    tags = dict(options.names.tags)
    named_groups = tree + files.with_group_modules(
        groups.groups(by_tag, tags, dict(api.tags), reserved, attributes, taken),
        api.source_name,
        diagnostics,
    )
    named = with_fields(
        api,
        title=api.title or options.package,
        package=options.package,
        client_name=options.client_name,
        env_prefix=prefix,
        definitions=tuple(definitions),
        groups=named_groups,
        security_schemes=credentials,
        webhooks=tuple(with_fields(w, payload=types(w.payload)) for w in api.webhooks),
        components=None,
        tags=(),
        release=options.release,
        servers=None,
        environments=environment_names(api.servers or ()),
    )
    diagnostics += _override_problems(named, operations, namer.imposed, options)
    if on_stainless:
        named = stainless_models.free_form_objects(stainless_types.literal_enums(named))
        named = stainless_types.params_types(named, methods)
        exports = stainless_types.type_exports(named, options.resources, response_keys, classes)
        listed = stainless_inputs.configured_models(named, options.resources, exports)
        named = with_fields(
            named, type_exports=exports, surface=stainless.SURFACE, configured_models=listed
        )
    return named, diagnostics


def _with_alias(
    definition: Definition, alias: str | None, classes: Mapping[str, str]
) -> Definition:
    """A pinned class with its deprecated alias, unless another class now has that name."""
    if alias is None or alias in classes.values():
        return definition
    return dataclasses.replace(definition, aliases=(alias,))


def _override_problems(
    api: Api, operations: list[Operation], imposed: dict[str, str], options: NamingOptions
) -> list[Diagnostic]:
    """Imposed method names that could not be had, and config names that name nothing."""
    document = api.source_name
    problems = overrides.method_collisions(api.groups, imposed, document)
    known = {
        "operations": {op.operation_id for op in operations},
        "tags": {op.tag for op in operations},
    }
    for kind, names in known.items():
        problems += [
            Diagnostic(Level.WARNING, "naming.override-unknown", message, Location(document))
            for message in overrides.unknown_keys(dict(getattr(options.names, kind)), names, kind)
        ]
    return problems
