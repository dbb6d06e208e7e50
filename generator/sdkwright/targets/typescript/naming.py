"""The TypeScript naming step: the neutral IR -> the named Api `templates/typescript/` reads.

    api, diagnostics = name_api(neutral_api, package="clearstreet", client_name="ClearStreet")

Types (interfaces, enums as string-literal unions, aliases) get PascalCase names from their
origins (ir/names.py), clear of TypeScript's reserved words, of the globals generated files
use and of the runtime's exports. Methods, parameters, resource properties and credential
options are camelCase. Model properties keep their wire names (quoted where they are no
identifier): the SDK hands out the JSON it receives, unconverted, so `null`, missing and
unknown properties survive as the server sent them. Python's naming step is not involved.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

from sdkwright.config_client import ClientConfig, with_client_config
from sdkwright.config_names import NameOverrides
from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir.names import (
    ComponentOrigin,
    DefinitionName,
    ExternalOrigin,
    Hint,
    InlineOrigin,
    Term,
    spelled_symbols,
)
from sdkwright.ir.nodes import (
    Alias,
    Api,
    Definition,
    Enum,
    Field,
    FieldPath,
    ListOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Operation,
    Pagination,
    Parameter,
    RequestBody,
    ResourceGroup,
    Response,
    SecurityScheme,
    TagDispatch,
    TypeRef,
    UnionOf,
)
from sdkwright.targets.python.naming.environments import environment_names
from sdkwright.targets.typescript import overrides
from sdkwright.targets.typescript.identifiers import GLOBALS, Registry, camel, pascal, screaming
from sdkwright.targets.typescript.pins import NO_PINS, Pins, pinned_method, with_pinned_types
from sdkwright.targets.typescript.resource_tree import named_groups
from sdkwright.targets.typescript.runtime import client_members, runtime_exports

MODULE = "models"  # every type of the SDK is in src/models.ts
BODY = "body"  # a request body's property in an operation's parameters


def client_exports(client_name: str, api: Api) -> set[str]:
    """What client.ts exports beside the client: no type of the SDK takes these names."""
    exports = {client_name, client_name + "Options", "DEFAULT_BASE_URL"}
    return exports | ({"ENVIRONMENTS", "Environment"} if api.environments else set())


def name_api(
    api: Api,
    package: str,
    client_name: str,
    names: NameOverrides | None = None,
    client: ClientConfig | None = None,
    locked: Pins = NO_PINS,
) -> tuple[Api, list[Diagnostic]]:
    """The neutral `api` with every name the TypeScript templates print; `names`: the
    target's overrides (overrides.py); `client`: its environments and request ids (the
    environments, else the spec's servers named as for every target, are the `environment`
    option's choices); `locked`: the names its surface lock keeps (pins.py)."""
    imposed = overrides.imposed(api, names or NameOverrides())
    diagnostics: list[Diagnostic] = list(imposed.diagnostics)
    api = dataclasses.replace(api, environments=environment_names(api.servers or ()))
    api = with_client_config(api, client or ClientConfig())
    registry, classes = _types(api, client_name, imposed, locked, diagnostics)
    retype = _retyper(classes)
    pinned_methods = dict(locked.methods)
    definitions = tuple(
        sorted(
            (_named_definition(d, classes[d.key], retype) for d in api.definitions),
            key=lambda d: d.name,
        )
    )
    prefix = screaming(client_name)
    schemes = _credentials(api.security_schemes, prefix)
    taken = client_members() | {s.argument for s in schemes}

    def name_methods(group: ResourceGroup, members: Registry) -> tuple[Operation, ...]:
        """Imposed method names first, then the locked ones, then the derived ones."""
        chosen = {}
        for op in group.operations:
            wanted = imposed.methods.get(op.operation_id)
            if wanted:
                where = op.where or Location(api.source_name, pointer=op.source)
                what = f"operation '{op.operation_id}'"
                chosen[op.position] = overrides.claim(members, wanted, what, where, diagnostics)
        for op in group.operations:
            kept = None if op.position in chosen else pinned_method(op, pinned_methods, members)
            if kept:
                members.claim([kept])
                chosen[op.position] = kept
        return tuple(
            _operation(op, members, retype, chosen.get(op.position)) for op in group.operations
        )

    groups, found = named_groups(
        overrides.regrouped(api.groups, imposed.tags),
        registry,
        Registry(taken),
        name_methods,
        api.source_name,
    )
    diagnostics += found
    named = dataclasses.replace(
        api,
        title=api.title or package,
        package=package,
        client_name=client_name,
        env_prefix=prefix,
        definitions=definitions,
        groups=groups,
        security_schemes=schemes,
        webhooks=(),  # not yet in the TypeScript target
        servers=None,
        components=None,
        tags=(),
    )
    return named, diagnostics


# -- types ----------------------------------------------------------------------------------


def _types(
    api: Api,
    client_name: str,
    imposed: overrides.Imposed,
    locked: Pins,
    diagnostics: list[Diagnostic],
) -> tuple[Registry, dict[str, str]]:
    """The SDK's namespace and its types' names: imposed ones, then the locked names of
    renamed schemas (named again with them imposed), then derived ones."""

    def named(given: overrides.Imposed) -> tuple[Registry, dict[str, str], list[Diagnostic]]:
        registry = Registry(GLOBALS | runtime_exports() | client_exports(client_name, api))
        found: list[Diagnostic] = []
        return registry, _class_names(api, registry, given, found), found

    registry, classes, found = named(imposed)
    pinned = with_pinned_types(api, classes, imposed, locked.types)
    if pinned is not None:  # the first naming's findings dropped, as the Python target does
        registry, classes, found = named(pinned)
    diagnostics += found
    return registry, classes


def _class_names(
    api: Api, registry: Registry, imposed: overrides.Imposed, diagnostics: list[Diagnostic]
) -> dict[str, str]:
    """Definition key -> type name: the `imposed` ones first, then in the order the IR found
    the definitions (a parent is named before the inline schemas named after it)."""
    names: dict[str, str] = {}
    for definition in api.definitions:
        wanted = imposed.classes.get(definition.key)
        if wanted:
            where = definition.where or Location(api.source_name, pointer=definition.source)
            what = f"schema '{imposed.schemas[definition.key]}'"
            names[definition.key] = overrides.claim(registry, wanted, what, where, diagnostics)
    for definition in api.definitions:
        if definition.key in names:
            continue
        candidates = _candidates(definition, names)
        name, moved = registry.claim(candidates)
        names[definition.key] = name
        if moved:
            where = definition.where or Location(api.source_name, pointer=definition.source)
            message = f"type named {name}: {candidates[0]} is already taken"
            diagnostics.append(Diagnostic(Level.INFO, "naming.collision", message, where))
    return names


def _candidates(definition: Definition, names: Mapping[str, str]) -> list[str]:
    origin = definition.origin
    if isinstance(origin, ComponentOrigin):
        preferred = pascal(origin.key)
        return [preferred, pascal(spelled_symbols(origin.key)), preferred + "Schema"]
    if isinstance(origin, InlineOrigin):
        preferred = pascal(" ".join(_spelled_context(origin.context, names)))
        envelope = [preferred + "Envelope"] if preferred.endswith("Response") else []
        return [preferred, *envelope, preferred + "Object", preferred + "Model"]
    if isinstance(origin, ExternalOrigin) and origin.contexts:
        return [pascal(" ".join(words)) for words in origin.contexts]
    return [pascal(definition.key)]


def _spelled_context(context: tuple[object, ...], names: Mapping[str, str]) -> list[str]:
    texts: list[str] = []
    for part in context:
        if isinstance(part, str):
            texts.append(part)
        elif isinstance(part, DefinitionName):
            texts.append(names[part.key])
        elif isinstance(part, Term):
            texts.append(pascal(part.text, part.fallback or "Value"))
        elif isinstance(part, Hint) and not pascal(" ".join(texts)).endswith(pascal(part.text)):
            texts.append(part.text)
    return texts


def _retyper(classes: Mapping[str, str]) -> Callable[[TypeRef], TypeRef]:
    """A function replacing every definition key in a type by the definition's name."""

    def retype(ref: TypeRef) -> TypeRef:
        if isinstance(ref, Named):
            return Named(classes[ref.name], ref.kind)
        if isinstance(ref, ListOf):
            return ListOf(retype(ref.item))
        if isinstance(ref, MapOf):
            return MapOf(retype(ref.value))
        if isinstance(ref, Nullable):
            return Nullable(retype(ref.inner))
        if isinstance(ref, UnionOf):
            dispatch = ref.dispatch and TagDispatch(
                ref.dispatch.key,
                ref.dispatch.key,
                tuple((tag, retype(member)) for tag, member in ref.dispatch.tags),
            )
            members = tuple(retype(m) for m in ref.members)
            return dataclasses.replace(ref, members=members, dispatch=dispatch)
        return ref

    return retype


def _named_definition(
    definition: Definition, name: str, retype: Callable[[TypeRef], TypeRef]
) -> Definition:
    if isinstance(definition, Model):
        fields = tuple(
            dataclasses.replace(f, name=f.wire_name, type=retype(f.type)) for f in definition.fields
        )
        return dataclasses.replace(definition, name=name, module=MODULE, origin=None, fields=fields)
    if isinstance(definition, Enum):
        members = tuple(dataclasses.replace(m, name=str(m.value)) for m in definition.members)
        return dataclasses.replace(
            definition, name=name, module=MODULE, origin=None, members=members
        )
    assert isinstance(definition, Alias)
    return dataclasses.replace(
        definition, name=name, module=MODULE, origin=None, type=retype(definition.type)
    )


# -- the API surface ------------------------------------------------------------------------


def _operation(
    operation: Operation,
    methods: Registry,
    retype: Callable[[TypeRef], TypeRef],
    imposed: str | None = None,
) -> Operation:
    """The operation named; `imposed`: its method name, claimed already."""
    base = operation.resource_method or operation.operation_id
    fallback = f"{operation.http_method} {operation.path}"
    method = imposed or methods.claim([camel(base or fallback), camel(fallback)])[0]
    arguments = Registry({BODY} if operation.body is not None else ())
    parameters = tuple(_parameter(p, arguments, retype) for p in operation.parameters)
    body = operation.body and dataclasses.replace(
        operation.body,
        type=retype(operation.body.type),
        fields=_upload_fields(operation.body, retype),
    )
    return dataclasses.replace(
        operation,
        method_name=method,
        parameters=parameters,
        body=body,
        responses=tuple(_response(r, retype) for r in operation.responses),
        success=_response(operation.success, retype),
        pagination=_pagination(operation.pagination, parameters, retype),
    )


def _upload_fields(
    body: RequestBody, retype: Callable[[TypeRef], TypeRef]
) -> tuple[Field, ...] | None:
    """A multipart body's fields (by wire name), whose files the params type as uploads;
    other bodies are their type's interface."""
    if body.encoding != "multipart" or body.fields is None:
        return None
    return tuple(dataclasses.replace(f, name=f.wire_name, type=retype(f.type)) for f in body.fields)


def _response(response: Response, retype: Callable[[TypeRef], TypeRef]) -> Response:
    events = response.event_type
    return dataclasses.replace(
        response,
        type=response.type and retype(response.type),
        event_type=events and retype(events),
    )


def _pagination(
    paging: Pagination | None,
    parameters: tuple[Parameter, ...],
    retype: Callable[[TypeRef], TypeRef],
) -> Pagination | None:
    """The paging of an operation with the TypeScript names of its parameters; the paths into
    the response stay wire names, as the SDK's interfaces spell them."""
    if paging is None:
        return None
    query = {p.wire_name: p.name for p in parameters if p.location == "query"}

    def path(found: FieldPath | None) -> FieldPath | None:
        return found and dataclasses.replace(found, attributes=found.keys, type=retype(found.type))

    items = path(paging.items)
    assert items is not None
    return dataclasses.replace(
        paging,
        parameter=query.get(paging.parameter_wire_name, ""),
        limit=query.get(paging.limit_wire_name, ""),
        items=items,
        item_type=retype(paging.item_type),
        next=path(paging.next),
        has_more=path(paging.has_more),
    )


def _parameter(
    parameter: Parameter, arguments: Registry, retype: Callable[[TypeRef], TypeRef]
) -> Parameter:
    wire = parameter.wire_name
    name, _ = arguments.claim(
        [camel(wire), camel(f"{parameter.location} {wire}"), camel(spelled_symbols(wire))]
    )
    return dataclasses.replace(parameter, name=name, type=retype(parameter.type))


def _credentials(schemes: tuple[SecurityScheme, ...], prefix: str) -> tuple[SecurityScheme, ...]:
    """Each scheme's client options and environment variables: the primary one's `apiKey`
    (or `username` and `password`), the others' after the scheme's name."""
    named = []
    taken = Registry({"baseURL", "timeout", "maxRetries", "fetch", "defaultHeaders"})
    for index, scheme in enumerate(schemes):
        own = "" if index == 0 else scheme.name + " "
        if scheme.kind == "basic":
            user, _ = taken.claim([camel(own + "username")])
            password, _ = taken.claim([camel(own + "password")])
            named.append(
                dataclasses.replace(
                    scheme,
                    argument=user,
                    env_var=scheme.env_var or f"{prefix}_{screaming(user)}",
                    password_argument=password,
                    password_env_var=f"{prefix}_{screaming(password)}",
                )
            )
            continue
        argument, _ = taken.claim(
            [camel(own + "api key" if index == 0 else own), camel(own + "credential")]
        )
        env_var = (scheme.env_var or f"{prefix}_{screaming(argument)}") if scheme.reads_env else ""
        named.append(dataclasses.replace(scheme, argument=argument, env_var=env_var))
        if scheme.token_url:  # OAuth's client credentials: the client fetches its token
            named[-1] = _client_credentials(named[-1], taken, prefix)
    return tuple(named)


def _client_credentials(scheme: SecurityScheme, taken: Registry, prefix: str) -> SecurityScheme:
    """`clientId` and `clientSecret` (the first such scheme's; the next ones' after their
    scheme's name), from `<PREFIX>_CLIENT_ID` and `<PREFIX>_CLIENT_SECRET`."""
    client_id, _ = taken.claim([camel("client id"), camel(scheme.name + " client id")])
    own = client_id.removesuffix("ClientId").removesuffix("clientId")
    client_secret, _ = taken.claim([camel(own + " client secret")])
    return dataclasses.replace(
        scheme,
        client_id_argument=client_id,
        client_id_env_var=f"{prefix}_{screaming(client_id)}",
        client_secret_argument=client_secret,
        client_secret_env_var=f"{prefix}_{screaming(client_secret)}",
    )
