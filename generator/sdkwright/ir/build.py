"""The raw spec -> the IR `Api`: operations, parameters, bodies, responses, auth.

One small function per spec construct. Schemas are handed to `SchemaConverter`; every
name is decided here or there, once, so templates only ever print names.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from http import HTTPStatus
from typing import Any

from sdkwright.config import NameOverrides
from sdkwright.config_security import ConfiguredSecurity
from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir import examples, overrides, pagination, security
from sdkwright.ir.nodes import (
    ANY,
    MISSING,
    Api,
    Auth,
    BodyEncoding,
    Field,
    FieldStyle,
    ListOf,
    MapOf,
    Named,
    Nullable,
    Operation,
    Pagination,
    Parameter,
    ParameterStyle,
    Primitive,
    RequestBody,
    ResourceGroup,
    Response,
    Security,
    SecurityScheme,
    TypeRef,
    UnionOf,
    Webhook,
)
from sdkwright.ir.schemas import SchemaConverter, description_of
from sdkwright.spec.resolve import Node, RefError, SpecSet
from sdkwright.spec.validate import HTTP_METHODS, iter_operations, spec_version
from sdkwright.targets.python import naming

# Keyword arguments every generated method has; spec parameters never take these names.
CALL_OPTIONS = frozenset(
    {"extra_headers", "extra_query", "extra_body", "timeout", "max_retries", "self"}
)
PARAMETER_LOCATIONS = ("path", "query", "header", "cookie")
# Names resource modules import from the runtime: no model may take them.
RESERVED_CLASS_NAMES = frozenset(
    {
        "BaseModel",
        "NotGiven",
        "Enum",
        "BinaryContent",
        "FileTypes",
        "EventStream",
        "AsyncEventStream",
    }
)
RETRIES_EXTENSION = "x-sdkwright-retries"
IDEMPOTENCY_EXTENSION = "x-sdkwright-idempotency-header"
IDEMPOTENCY_HEADER = "idempotency-key"  # declared as a header parameter, it is used as such
# A spec-wide idempotency header applies to the methods that change something.
SAFE_METHODS = frozenset({"get", "head", "options", "trace"})
HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # an RFC 9110 token


@dataclass(frozen=True)
class BuildOptions:
    package: str
    client_name: str
    env_prefix: str = ""
    names: NameOverrides = dataclasses.field(default_factory=NameOverrides)
    security: ConfiguredSecurity | None = None  # the target's own scheme (sdkwright.yaml)


def build_api(specs: SpecSet, options: BuildOptions) -> tuple[Api, list[Diagnostic]]:
    root = specs.root_node
    version = spec_version(root.value) or "3.0"
    reserved = RESERVED_CLASS_NAMES | {options.client_name, "Async" + options.client_name}
    converter = SchemaConverter(
        specs, version, naming.NameRegistry(reserved), class_names=dict(options.names.schemas)
    )
    components = _component_schemas(root, version)
    if components is not None:
        converter.name_components(components)
        converter.define_components(components)
    builder = _OperationBuilder(
        specs, converter, _global_security(root), dict(options.names.operations)
    )
    operations = [
        builder.operation(path, method, item, op)
        for path, method, item, op in iter_operations(specs)
    ]
    env_prefix = options.env_prefix or naming.env_prefix(options.client_name)
    default_security, schemes = security.api_security(
        root,
        version,
        options.security,
        [op for _, op in operations],
        env_prefix,
        converter.diagnostics,
    )
    if options.security is not None:  # the target's scheme replaces the spec's
        operations = [(tag, security.under_configured(op)) for tag, op in operations]
    operations = [(tag, _with_security(op, default_security, schemes)) for tag, op in operations]
    webhooks = builder.webhooks(root)
    tags = dict(options.names.tags)
    info = root.value.get("info") if isinstance(root.value.get("info"), dict) else {}
    api = Api(
        title=str(info.get("title") or options.package),
        description=str(info.get("description") or ""),
        version=str(info.get("version") or ""),
        spec_version=version,
        package=options.package,
        client_name=options.client_name,
        env_prefix=env_prefix,
        base_url=_base_url(root, version, converter.diagnostics),
        auth=_auth(root, version),
        definitions=tuple(sorted(converter.definitions.values(), key=lambda d: d.name)),
        groups=_group(
            overrides.regroup(operations, tags),
            overrides.group_descriptions(_tag_descriptions(specs), tags),
            set(converter.definitions)
            | set(RUNTIME_NAMES)
            | {options.client_name, "Async" + options.client_name},
        ),
        source_name=root.document.name,
        security_schemes=schemes,
        default_security=default_security,
        webhooks=webhooks,
    )
    converter.diagnostics += _override_problems(api, builder, options, operations)
    return api, converter.diagnostics


def _override_problems(
    api: Api,
    builder: _OperationBuilder,
    options: BuildOptions,
    operations: list[tuple[str, Operation]],
) -> list[Diagnostic]:
    """Imposed method names that could not be had, and config names that name nothing."""
    document = api.source_name
    problems = overrides.method_collisions(api.groups, builder.imposed, document)
    known = {
        "operations": {op.operation_id for _, op in operations},
        "tags": {tag for tag, _ in operations},
    }
    for kind, names in known.items():
        problems += [
            Diagnostic(Level.WARNING, "naming.override-unknown", message, Location(document))
            for message in overrides.unknown_keys(dict(getattr(options.names, kind)), names, kind)
        ]
    return problems


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
    servers = root.value.get("servers")
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
        return "http://localhost"
    url = str(servers[0].get("url") or "")
    for name, variable in (servers[0].get("variables") or {}).items():
        url = url.replace("{" + name + "}", str(variable.get("default", "")))
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
        url = "http://localhost" + ("" if url.startswith("/") else "/") + url
    return url.rstrip("/")


def _auth(root: Node, version: str) -> Auth:
    if version == "2.0":
        schemes = root.value.get("securityDefinitions") or {}
    else:
        schemes = (root.value.get("components") or {}).get("securitySchemes") or {}
    preferred = _preferred_scheme_names(root)
    ordered = [schemes[n] for n in preferred if n in schemes] + list(schemes.values())
    for scheme in ordered:
        auth = _auth_from_scheme(scheme)
        if auth is not None:
            return auth
    return Auth("none")


def _preferred_scheme_names(root: Node) -> list[str]:
    security = root.value.get("security")
    if not isinstance(security, list):
        return []
    return [
        name for requirement in security if isinstance(requirement, dict) for name in requirement
    ]


def _auth_from_scheme(scheme: Any) -> Auth | None:
    if not isinstance(scheme, dict):
        return None
    kind = scheme.get("type")
    if (kind == "http" and str(scheme.get("scheme", "")).lower() == "basic") or kind == "basic":
        return Auth("basic")
    if kind in ("http", "oauth2", "openIdConnect"):
        return Auth("bearer")
    if kind == "apiKey" and scheme.get("in") in ("header", "query"):
        return Auth(scheme["in"], str(scheme.get("name", "")))
    return None


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


# Names a resource module or _client.py already uses: a group's classes must not shadow them.
RUNTIME_NAMES = frozenset(
    {
        "SyncAPIClient",
        "AsyncAPIClient",
        "RequestOptions",
        "NotGiven",
        "Headers",
        "Query",
        "Timeout",
        "SyncPage",
        "AsyncPage",
        "Credential",
        "Security",
    }
)


def _group_class_name(tag: str, reserved: set[str]) -> str:
    """`Positions` for tag 'Positions', or `PositionsResource` when a model, the client or
    another group already owns the name (or its Async/WithRawResponse forms)."""
    base = naming.class_name(tag)
    for candidate in (base, base + "Resource", base + "Operations"):
        forms = {
            candidate,
            "Async" + candidate,
            candidate + "WithRawResponse",
            candidate + "WithStreamingResponse",
        }
        if not forms & reserved:
            reserved.update(forms | {"Async" + f for f in forms})
            return candidate
    name = base + "Resource"
    while name in reserved:
        name += "_"
    reserved.add(name)
    return name


def _group(
    operations: list[tuple[str, Operation]],
    descriptions: dict[str, str],
    reserved_classes: set[str],
) -> tuple[ResourceGroup, ...]:
    by_tag: dict[str, list[Operation]] = defaultdict(list)
    for tag, operation in operations:
        by_tag[tag].append(operation)
    groups = []
    taken: set[str] = set(CALL_OPTIONS) | {
        "with_options",
        "with_raw_response",
        "with_streaming_response",
        "close",
        "base_url",
        "api_key",
        "auth_headers",
        "request",
    }
    for tag in sorted(by_tag, key=naming.snake):
        attribute = naming.python_identifier(naming.snake(tag), "default", taken)
        taken.add(attribute)
        unique = _unique_method_names(by_tag[tag])
        groups.append(
            ResourceGroup(
                attribute,
                _group_class_name(tag, reserved_classes),
                attribute,
                str(descriptions.get(tag) or ""),
                unique,
            )
        )
    return tuple(groups)


def _unique_method_names(operations: list[Operation]) -> tuple[Operation, ...]:
    seen: set[str] = set()
    result = []
    for operation in operations:
        name = operation.method_name
        if name in seen:
            name = naming.python_identifier(f"{name}_{operation.http_method}", name)
        while name in seen:
            name += "_"
        seen.add(name)
        result.append(operation if name == operation.method_name else _renamed(operation, name))
    return tuple(result)


def _renamed(operation: Operation, method_name: str) -> Operation:
    from dataclasses import replace

    return replace(operation, method_name=method_name)


def _operation_id(path: str, method: str, operation: Node) -> str:
    operation_id = operation.value.get("operationId")
    if isinstance(operation_id, str) and operation_id.strip():
        return operation_id
    return method + " " + re.sub(r"[{}]", "", path.replace("/", " "))


class _OperationBuilder:
    def __init__(
        self,
        specs: SpecSet,
        converter: SchemaConverter,
        secured_by_default: bool,
        method_names: Mapping[str, str] | None = None,
    ) -> None:
        self.specs = specs
        self.converter = converter
        self.secured_by_default = secured_by_default
        self.method_names = method_names or {}  # operationId -> name, from the config
        self.imposed: dict[str, str] = {}  # operationId -> the name the user imposed
        self._produces: list[str] = []  # Swagger 2.0: of the operation being built

    @property
    def definitions(self) -> dict[str, Any]:
        return self.converter.definitions

    def _method_name(self, operation_id: str, node: Node) -> str:
        imposed, problem = overrides.method_name(operation_id, node.value, self.method_names)
        if problem:
            self.converter.diagnostics.append(
                Diagnostic(Level.WARNING, "naming.override-invalid", problem, node.location)
            )
        if imposed:
            self.imposed[operation_id] = imposed
        return imposed or naming.method_name(operation_id)

    def operation(self, path: str, method: str, item: Node, node: Node) -> tuple[str, Operation]:
        value = node.value
        operation_id = _operation_id(path, method, node)
        context = naming.pascal(operation_id)
        body = self._body(node, context)
        reserved = set(CALL_OPTIONS)
        if body is not None and body.fields is not None:
            reserved |= {f.name for f in body.fields}
        parameters = self._parameters(item, node, context, reserved)
        idempotency_header, parameters = self._idempotency(method, node, parameters, reserved)
        responses = self._responses(node, context)
        success = self._success(responses, context)
        example, synthesised = self._example(success, node)
        success = Response(success.status, success.description, success.kind, success.type, example)
        pagination = self._pagination(parameters, success, node)
        tags = value.get("tags")
        tag = str(tags[0]) if isinstance(tags, list) and tags else _path_group(path)
        own_security = security.requirements(value.get("security"))
        authenticated = self.secured_by_default if own_security is None else bool(own_security)
        return tag, Operation(
            operation_id=operation_id,
            method_name=self._method_name(operation_id, node),
            http_method=method,
            path=path,
            summary=str(value.get("summary") or ""),
            description=str(value.get("description") or ""),
            deprecated=value.get("deprecated") is True,
            parameters=parameters,
            body=body,
            responses=responses,
            success=success,
            example_is_synthesised=synthesised,
            authenticated=authenticated,
            source=node.pointer,
            pagination=pagination,
            max_retries=self._max_retries(node),
            idempotency_header=idempotency_header,
            security=own_security,
        )

    # -- webhooks and callbacks -------------------------------------------------------------

    def webhooks(self, root: Node) -> tuple[Webhook, ...]:
        """The payloads of 3.1 `webhooks` and of every operation's `callbacks`, as types, so
        users can parse what the API sends them."""
        found: list[Webhook] = []
        hooks = root.get("webhooks")
        if hooks is not None and isinstance(hooks.value, dict):
            for name in hooks.value:
                found += self._hook(str(name), "webhook", hooks.child(name))
        for _, _, _, operation in iter_operations(self.specs):
            callbacks = operation.get("callbacks")
            if callbacks is None or not isinstance(callbacks.value, dict):
                continue
            for name in callbacks.value:
                try:
                    callback = self.specs.deref(callbacks.child(name))
                except RefError:
                    continue
                if isinstance(callback.value, dict):
                    for expression in callback.value:
                        found += self._hook(str(name), "callback", callback.child(expression))
        return tuple(found)

    def _hook(self, name: str, kind: str, item: Node) -> list[Webhook]:
        try:
            item = self.specs.deref(item)
        except RefError:
            return []
        if not isinstance(item.value, dict):
            return []
        hooks = []
        for method in HTTP_METHODS:
            operation = item.get(method)
            body = operation.get("requestBody") if operation is not None else None
            if operation is None or body is None:
                continue
            payload = self._payload(body, name)
            if payload is None:
                continue
            type_, description = payload
            hooks.append(
                Webhook(
                    name,
                    "webhook" if kind == "webhook" else "callback",
                    method,
                    type_,
                    description or str(operation.value.get("summary") or ""),
                    operation.pointer,
                )
            )
        return hooks

    def _content(self, body: Node) -> tuple[Node, Node] | None:
        """A request body (or webhook payload), $refs followed, and its non-empty `content`."""
        try:
            body = self.specs.deref(body)
        except RefError:
            return None
        content = body.get("content")
        if content is None or not isinstance(content.value, dict) or not content.value:
            return None
        return body, content

    def _payload(self, body: Node, name: str) -> tuple[TypeRef, str] | None:
        found = self._content(body)
        if found is None:
            return None
        body, content = found
        media = content.child(_pick_media_type(list(content.value)))
        schema = media.get("schema")
        if schema is None:
            return None
        return self.converter.convert(schema, [name, "Payload"]), description_of(body.value)

    def _pagination(
        self, parameters: tuple[Parameter, ...], success: Response, node: Node
    ) -> Pagination | None:
        declared = node.value.get("x-sdkwright-pagination")
        if declared is False or success.kind != "json":
            return None
        found = pagination.detect(parameters, success.type, self.definitions, declared)
        if found is None and isinstance(declared, dict):
            message = "x-sdkwright-pagination does not match the operation (style, parameter, items, next/has_more, limit); ignored"
            self.converter.diagnostics.append(
                Diagnostic(Level.WARNING, "pagination.declared", message, node.location)
            )
        return found

    # -- x-sdkwright-retries, idempotency keys -------------------------------------------

    def _max_retries(self, node: Node) -> int | None:
        """`x-sdkwright-retries` of the operation, else of the spec: false (never retry),
        true (the client's policy) or {max_retries: N}."""
        if RETRIES_EXTENSION in node.value:
            return self._retries_extension(node)
        return self._spec_max_retries

    @cached_property
    def _spec_max_retries(self) -> int | None:
        root = self.specs.root_node
        return self._retries_extension(root) if RETRIES_EXTENSION in root.value else None

    def _retries_extension(self, owner: Node) -> int | None:
        value = owner.value[RETRIES_EXTENSION]
        if isinstance(value, bool):
            return None if value else 0
        limit = value.get("max_retries") if isinstance(value, dict) else None
        if isinstance(limit, int) and not isinstance(limit, bool) and limit >= 0:
            return limit
        self._warn(
            "extension.retries",
            f"{RETRIES_EXTENSION} must be false, true or {{max_retries: <integer >= 0>}}; ignored",
            owner.child(RETRIES_EXTENSION),
        )
        return None

    def _idempotency(
        self, method: str, node: Node, parameters: tuple[Parameter, ...], reserved: set[str]
    ) -> tuple[str, tuple[Parameter, ...]]:
        """The operation's idempotency key header, and its parameters with one for the key.

        The SDK generates the key, so the parameter is optional even where the spec
        requires it; an extension naming an undeclared header adds `idempotency_key`.
        """
        header = self._idempotency_extension(node, method)
        if header is None:
            declared = [
                p.wire_name
                for p in parameters
                if p.location == "header" and p.wire_name.lower() == IDEMPOTENCY_HEADER
            ]
            header = declared[0] if declared else ""
        if not header:
            return "", parameters
        existing = [
            p
            for p in parameters
            if p.location == "header" and p.wire_name.lower() == header.lower()
        ]
        if existing:
            return existing[0].wire_name, tuple(
                replace(p, required=False) if p in existing else p for p in parameters
            )
        taken = reserved | {p.name for p in parameters}
        name = "idempotency_key"
        while name in taken:
            name += "_"
        key = Parameter(
            name=name,
            wire_name=header,
            location="header",
            type=Primitive("str"),
            required=False,
            description="Idempotency key; a new one is generated per call when not given.",
        )
        return header, (*parameters, key)

    def _idempotency_extension(self, node: Node, method: str) -> str | None:
        """The header `x-sdkwright-idempotency-header` names ("" turns it off), or None."""
        if IDEMPOTENCY_EXTENSION in node.value:
            return self._header_extension(node)
        return self._spec_idempotency_header if method not in SAFE_METHODS else None

    @cached_property
    def _spec_idempotency_header(self) -> str | None:
        root = self.specs.root_node
        return self._header_extension(root) if IDEMPOTENCY_EXTENSION in root.value else None

    def _header_extension(self, owner: Node) -> str | None:
        value = owner.value[IDEMPOTENCY_EXTENSION]
        if value is False or value == "":
            return ""
        if isinstance(value, str) and HEADER_NAME.fullmatch(value):
            return value
        self._warn(
            "extension.idempotency-header",
            f"{IDEMPOTENCY_EXTENSION} must be a header name (or false); ignored",
            owner.child(IDEMPOTENCY_EXTENSION),
        )
        return None

    def _warn(self, code: str, message: str, node: Node) -> None:
        self.converter.diagnostics.append(Diagnostic(Level.WARNING, code, message, node.location))

    # -- parameters ----------------------------------------------------------------------

    def _parameters(
        self, item: Node, node: Node, context: str, reserved: set[str]
    ) -> tuple[Parameter, ...]:
        merged: dict[tuple[str, str], Node] = {}
        for owner in (item, node):
            for parameter in self.specs.parameters(owner, PARAMETER_LOCATIONS):
                merged[(str(parameter.value.get("name")), str(parameter.value.get("in")))] = (
                    parameter
                )
        result = []
        taken = set(reserved)
        for parameter in merged.values():
            built = self._parameter(parameter, context, taken)
            if built is not None:
                taken.add(built.name)
                result.append(built)
        order = {"path": 0, "query": 1, "header": 2, "cookie": 3}
        return tuple(sorted(result, key=lambda p: (not p.required, order[p.location])))

    def _parameter(self, node: Node, context: str, taken: set[str]) -> Parameter | None:
        value = node.value
        wire_name = str(value.get("name", ""))
        location = value["in"]
        schema = node.get("schema")
        if schema is not None:
            type_ = self.converter.convert(schema, [context, wire_name])
        elif "type" in value:  # Swagger 2.0 keeps the schema on the parameter itself
            type_ = self.converter.convert(node, [context, wire_name])
        else:
            self.converter.diagnostics.append(
                Diagnostic(
                    Level.WARNING,
                    "parameter.no-schema",
                    f"parameter '{wire_name}' has no schema; typed as Any",
                    node.location,
                )
            )
            type_ = ANY
        name = naming.parameter_name(wire_name)
        if name in taken:
            name = naming.python_identifier(naming.snake(f"{location} {wire_name}"), "param", taken)
        while name in taken:
            name += "_"
        example = value.get(
            "example",
            (
                schema.value.get("example", MISSING)
                if schema is not None and isinstance(schema.value, dict)
                else MISSING
            ),
        )
        style, explode = self._style(node, location)
        return Parameter(
            name=name,
            wire_name=wire_name,
            location=location,
            type=type_,
            required=location == "path" or value.get("required") is True,
            description=str(value.get("description") or ""),
            deprecated=value.get("deprecated") is True,
            explode=explode,
            example=example,
            style=style,
        )

    def _style(self, node: Node, location: str) -> tuple[ParameterStyle, bool]:
        """OpenAPI's style and explode (Swagger 2.0's collectionFormat), defaults applied."""
        value = node.value
        if "collectionFormat" in value:
            return self._collection_format(node, location)
        default: ParameterStyle = "form" if location in ("query", "cookie") else "simple"
        style = value.get("style", default)
        # Swagger 2.0 arrays are comma-separated unless collectionFormat says otherwise.
        exploded_by_default = style == "form" and self.converter.version != "2.0"
        explode = value.get("explode", exploded_by_default) is True
        if style == "deepObject" and location == "query":
            return "deepObject", True
        if style in ("spaceDelimited", "pipeDelimited") and location == "query":
            return style, explode
        if style in ("label", "matrix") and location == "path":
            return style, explode
        if style != default:
            self._warn(
                "parameter.style",
                f"parameter '{value.get('name')}': style '{style}' in the {location} is not "
                f"supported; it is sent in the '{default}' style",
                node,
            )
        return default, explode

    def _collection_format(self, node: Node, location: str) -> tuple[ParameterStyle, bool]:
        found = node.value["collectionFormat"]
        default: ParameterStyle = "form" if location in ("query", "formData") else "simple"
        if found == "multi" and default == "form":
            return "form", True
        if found == "ssv" and default == "form":
            return "spaceDelimited", False
        if found == "pipes" and default == "form":
            return "pipeDelimited", False
        if found != "csv":
            self._warn(
                "parameter.style",
                f"parameter '{node.value.get('name')}': collectionFormat '{found}' is not "
                "supported here; values are comma-separated",
                node,
            )
        return default, False

    # -- request body --------------------------------------------------------------------

    def _body(self, node: Node, context: str) -> RequestBody | None:
        body = node.get("requestBody")
        if body is not None:
            return self._body_v3(body, context)
        for parameter in self.specs.parameters(node, ("body",)):
            media_type = _pick_body_media_type(self._consumes(node)) or "application/json"
            encoding = _body_encoding(media_type)
            return self._body_from(
                parameter.get("schema"),
                media_type,
                encoding,
                parameter.value.get("required") is True,
                description_of(parameter.value),
                context,
                MISSING,
            )
        form_data = self.specs.parameters(node, ("formData",))
        return self._form_data_body(node, form_data, context) if form_data else None

    def _consumes(self, node: Node) -> list[str]:
        """Swagger 2.0: the operation's `consumes`, else the spec's."""
        for owner in (node.value, self.specs.root_node.value):
            consumes = owner.get("consumes")
            if isinstance(consumes, list) and consumes:
                return [str(m) for m in consumes]
        return []

    def _form_data_body(self, node: Node, parameters: list[Node], context: str) -> RequestBody:
        """Swagger 2.0 `in: formData` parameters: the fields of a form (multipart with files)."""
        consumes = self._consumes(node)
        files = any(p.value.get("type") == "file" for p in parameters)
        multipart = files or any(m.startswith("multipart/") for m in consumes)
        media_type = "multipart/form-data" if multipart else "application/x-www-form-urlencoded"
        fields, styles = [], []
        taken = set(CALL_OPTIONS)
        for parameter in parameters:
            wire_name = str(parameter.value.get("name", ""))
            name = naming.python_identifier(naming.parameter_name(wire_name), "field", taken)
            taken.add(name)
            type_ = self.converter.convert(parameter, [context, wire_name])
            fields.append(
                Field(
                    name,
                    wire_name,
                    type_,
                    parameter.value.get("required") is True,
                    description_of(parameter.value),
                    deprecated=parameter.value.get("deprecated") is True,
                )
            )
            style, explode = self._style(parameter, "formData")
            if isinstance(type_, ListOf) and not explode:
                styles.append(FieldStyle(wire_name, style, explode))
        return RequestBody(
            media_type,
            ANY,
            any(f.required for f in fields),
            "",
            tuple(sorted(fields, key=lambda f: not f.required)),
            MISSING,
            "multipart" if multipart else "form",
            tuple(styles),
        )

    def _body_v3(self, body: Node, context: str) -> RequestBody | None:
        found = self._content(body)
        if found is None:
            return None
        body, content = found
        media_type = _pick_body_media_type(list(content.value))
        media = content.child(media_type)
        request = self._body_from(
            media.get("schema"),
            media_type,
            _body_encoding(media_type),
            body.value.get("required") is True,
            description_of(body.value),
            context,
            _media_example(self.specs, media),
        )
        if request.encoding in ("form", "multipart"):
            return replace(request, field_styles=self._field_styles(media, request))
        return request

    def _field_styles(self, media: Node, body: RequestBody) -> tuple[FieldStyle, ...]:
        """The form fields the `encoding` object (or their type) gives a style of their own."""
        encoding = media.value.get("encoding")
        encoding = encoding if isinstance(encoding, dict) else {}
        styles = []
        for field in body.fields or ():
            declared = encoding.get(field.wire_name)
            declared = declared if isinstance(declared, dict) else {}
            style = declared.get("style", "form")
            explode = declared.get("explode", style == "form") is True
            if style not in ("form", "deepObject", "spaceDelimited", "pipeDelimited"):
                self._warn(
                    "body.field-style",
                    f"form field '{field.wire_name}': style '{style}' is not supported; "
                    "it is sent in the 'form' style",
                    media,
                )
                style = "form"
            is_object = _is_object_type(field.type)
            if style != "form" or not explode or (is_object and body.encoding == "form"):
                styles.append(FieldStyle(field.wire_name, style, explode))
        return tuple(styles)

    def _body_from(
        self,
        schema: Node | None,
        media_type: str,
        encoding: BodyEncoding,
        required: bool,
        description: str,
        context: str,
        example: Any,
    ) -> RequestBody:
        if encoding == "binary":
            return RequestBody(
                media_type,
                Primitive("bytes", "binary"),
                required,
                description,
                None,
                MISSING,
                encoding,
            )
        if encoding == "text":
            return RequestBody(
                media_type, Primitive("str"), required, description, None, example, encoding
            )
        if schema is None:
            return RequestBody(media_type, ANY, required, description, None, example, encoding)
        type_ = self.converter.convert(schema, [context, "Body"])
        fields = self._flattened(schema, type_)
        if fields is None and encoding != "json" and _is_empty_object(schema.value):
            fields = ()  # a form of no fields (Stripe's GETs): only extra_body can add one
        if fields is None and encoding != "json" and not _is_object_type(type_):
            self._warn(
                "body.not-an-object",
                f"the {media_type} body is not an object; it is sent as given",
                schema,
            )
        return RequestBody(media_type, type_, required, description, fields, example, encoding)

    def _flattened(self, schema: Node, type_: TypeRef) -> tuple[Field, ...] | None:
        """Object bodies become keyword arguments: one per property, named like model fields."""
        if not isinstance(type_, Named) or type_.kind != "model":
            return None
        model = self.definitions[type_.name]
        fields = []
        taken = set(CALL_OPTIONS) | {f.name for f in model.fields}
        for field in model.fields:
            if field.read_only:
                continue
            name = field.name
            if name in CALL_OPTIONS:
                while name in taken:
                    name += "_"
                taken.add(name)
            fields.append(
                Field(
                    name,
                    field.wire_name,
                    field.type,
                    field.required,
                    field.description,
                    field.default,
                    field.deprecated,
                )
            )
        return tuple(fields)

    # -- responses -----------------------------------------------------------------------

    def _responses(self, node: Node, context: str) -> tuple[Response, ...]:
        responses = node.get("responses")
        if responses is None or not isinstance(responses.value, dict):
            return ()
        result = []
        # Without a 2xx response, `default` describes success.
        first_success = min(
            (str(s) for s in responses.value if str(s).startswith("2")),
            default="default" if "default" in responses.value else "",
        )
        self._produces = self._response_types(node)
        for status in responses.value:
            try:
                response = self.specs.deref(responses.child(status))
            except RefError:
                continue
            if isinstance(response.value, dict):
                # The main success response is `<Op>Response`; others say which, e.g. 207 ->
                # `<Op>MultiStatusResponse`.
                words = (
                    [context]
                    if str(status) == first_success
                    else [context, _status_phrase(str(status))]
                )
                success = str(status).startswith("2") or str(status) == first_success
                result.append(self._response(str(status), response, words, success))
        return tuple(result)

    def _response_types(self, node: Node) -> list[str]:
        """Swagger 2.0: the operation's `produces`, else the spec's."""
        for owner in (node.value, self.specs.root_node.value):
            produces = owner.get("produces")
            if isinstance(produces, list) and produces:
                return [str(m) for m in produces]
        return []

    def _response(self, status: str, node: Node, context: list[str], success: bool) -> Response:
        description = str(node.value.get("description") or "")
        media, media_type = self._response_media(node)
        if media is None:
            return Response(status, description, "empty", None)
        if not success:
            return Response(status, description, "json", ANY)
        base = media_type.split(";")[0].strip().lower()
        if base == "text/event-stream":
            return Response(status, description, "events", None)
        schema = media.get("schema")
        if schema is not None and schema.value.get("type") == "file":  # Swagger 2.0
            return Response(status, description, "bytes", Primitive("bytes"))
        if _is_json(media_type):
            schema = media.get("schema")
            type_ = (
                self.converter.convert(schema, [*context, "Response"])
                if schema is not None
                else ANY
            )
            return Response(status, description, "json", type_, _media_example(self.specs, media))
        if media_type.startswith("text/"):
            return Response(
                status, description, "text", Primitive("str"), _media_example(self.specs, media)
            )
        return Response(status, description, "bytes", Primitive("bytes"))

    def _response_media(self, node: Node) -> tuple[Node | None, str]:
        content = node.get("content")
        if content is not None and isinstance(content.value, dict) and content.value:
            media_type = _pick_media_type(list(content.value))
            return content.child(media_type), media_type
        schema = node.get("schema")  # Swagger 2.0
        if schema is not None:
            return node, _pick_media_type(self._produces or ["application/json"])
        return None, ""

    def _success(self, responses: tuple[Response, ...], context: str) -> Response:
        successes = sorted(
            (r for r in responses if r.status.startswith("2")), key=lambda r: r.status
        )
        if not successes:
            default = next((r for r in responses if r.status == "default"), None)
            if default is not None:
                return replace(default, status="200")
            return Response("200", "", "empty", None)
        with_body = [r for r in successes if r.kind != "empty"]
        if len({r.type for r in with_body}) > 1 and all(r.kind == "json" for r in with_body):
            members = tuple(dict.fromkeys(r.type for r in with_body if r.type is not None))
            first = with_body[0]
            return Response(
                first.status, first.description, "json", UnionOf(members), first.example
            )
        return with_body[0] if with_body else successes[0]

    def _example(self, success: Response, node: Node) -> tuple[Any, bool]:
        """The documented example when it round-trips; otherwise one synthesised from the type."""
        if success.kind == "empty" or success.type is None:
            return MISSING, False
        if success.example is not MISSING:
            problem = examples.problem(success.example, success.type, self.definitions)
            if problem is None:
                return success.example, False
            self.converter.diagnostics.append(
                Diagnostic(
                    Level.WARNING,
                    "example.mismatch",
                    f"the {success.status} example does not match its schema ({problem}); tests use a synthesised instance",
                    node.location,
                )
            )
        return examples.synthesise(success.type, self.definitions), True


def _status_phrase(status: str) -> str:
    try:
        return HTTPStatus(int(status)).phrase
    except ValueError:
        return status.replace("X", "x")


def _path_group(path: str) -> str:
    segments = [
        s for s in path.split("/") if s and not s.startswith("{") and not re.fullmatch(r"v\d+", s)
    ]
    return segments[0] if segments else "default"


def _is_json(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json") or base == "*/*"


def _pick_media_type(media_types: list[str]) -> str:
    return next((m for m in media_types if _is_json(m)), media_types[0])


# Which request body media type wins when an operation offers several: JSON, then forms,
# then raw bytes, then text; within a rank, the spec's order.
_BODY_RANK = {"json": 0, "form": 1, "multipart": 2, "binary": 3, "text": 4}


def _pick_body_media_type(media_types: list[str]) -> str:
    if not media_types:
        return ""
    return min(media_types, key=lambda m: _BODY_RANK[_body_encoding(m)])


def _body_encoding(media_type: str) -> BodyEncoding:
    base = media_type.split(";")[0].strip().lower()
    if _is_json(base):
        return "json"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base.startswith("multipart/"):
        return "multipart"
    if base.startswith("text/"):
        return "text"
    return "binary"


def _is_empty_object(schema: Any) -> bool:
    return (
        isinstance(schema, dict)
        and schema.get("type") == "object"
        and not schema.get("properties")
        and schema.get("additionalProperties") is False
    )


def _is_object_type(type_: TypeRef) -> bool:
    """Whether values of the type may be objects (so a form field needs a style)."""
    core = type_.inner if isinstance(type_, Nullable) else type_
    if isinstance(core, UnionOf):
        return any(_is_object_type(m) for m in core.members)
    if isinstance(core, MapOf):
        return True
    return isinstance(core, Named) and core.kind == "model"


def _media_example(specs: SpecSet, media: Node) -> Any:
    if "example" in media.value:
        return media.value["example"]
    examples_node = media.get("examples")
    if (
        examples_node is None
        or not isinstance(examples_node.value, dict)
        or not examples_node.value
    ):
        return MISSING
    first = examples_node.child(next(iter(examples_node.value)))
    try:
        example = specs.deref(first)
    except RefError:
        return MISSING
    return example.value.get("value", MISSING) if isinstance(example.value, dict) else MISSING
