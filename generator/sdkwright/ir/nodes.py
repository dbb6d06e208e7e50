"""The IR: frozen values, first language-neutral, then named by a target.

Types are small algebraic values (`TypeRef`); classes the SDK defines are `Model`, `Enum`
and `Alias`; the API surface is `Api` -> `ResourceGroup` -> `Operation`. Two stages share
these classes:

- `sdkwright.ir.build` makes the **neutral** Api from the spec. It keeps wire names, spec
  texts and stable keys (a definition's JSON pointer, a group's tag), and where each
  definition's name comes from (`sdkwright.ir.names`); it decides no identifier of any
  language. Every slot a target fills is left empty ("", or () for attribute paths): `Field.name`,
  `Parameter.name`, `Operation.method_name`, `EnumMember.name`, `Definition.module`,
  `ResourceGroup.attribute`/`class_name`/`module`, `SecurityScheme.argument`/`env_var`...,
  `Pagination.parameter`/`limit`, `FieldPath.attributes`, `UnionOf.discriminator`,
  `TagDispatch.attribute`, `Api.package`/`client_name`/`env_prefix`. A reference to a
  definition, `Named.name`, and the definition's own `name` hold its key.
- A target's **naming step** (`sdkwright.targets.python.naming.step` for Python) fills those
  slots, replaces every key by the definition's name, and returns the named Api that its
  templates read; it drops what only naming needed (`Api.components`, `Api.tags`, origins).
  A second language adds its own naming step, and nothing here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from sdkwright.diagnostics import Location
from sdkwright.ir.names import NameOrigin
from sdkwright.ir.service import Component as Component
from sdkwright.ir.service import Release as Release
from sdkwright.ir.service import SchemeKind as SchemeKind
from sdkwright.ir.service import Security as Security
from sdkwright.ir.service import SecurityScheme as SecurityScheme
from sdkwright.ir.service import Server as Server

PrimitiveName = Literal[
    "str", "int", "float", "bool", "datetime", "date", "bytes", "any", "object", "null"
]


@dataclass(frozen=True)
class Primitive:
    name: PrimitiveName  # "object" (the top type) and "null" are only a target's rewrites
    format: str = ""


@dataclass(frozen=True)
class Named:
    """A class the SDK defines (model, enum or type alias): by its key in the neutral IR, by
    the target's class name once named."""

    name: str
    kind: Literal["model", "enum", "alias"]


@dataclass(frozen=True)
class ListOf:
    item: TypeRef


@dataclass(frozen=True)
class MapOf:
    value: TypeRef
    free_form: bool = field(default=False, compare=False)  # `{type: object}`, nothing else


@dataclass(frozen=True)
class TagDispatch:
    """A declared discriminator whose tag fields are not all literals: which member each tag
    value picks (pydantic's callable `Discriminator` with a `Tag` per member)."""

    key: str  # the tag property's wire name, read from wire data
    attribute: str  # its target name, read from models built in code ("" until named)
    # (tag value, member) in the union's order; a member may have several tags.
    tags: tuple[tuple[str, TypeRef], ...]

    def tags_of(self, member: TypeRef) -> tuple[str, ...]:
        return tuple(tag for tag, m in self.tags if m == member)

    def member_for(self, tag: object) -> TypeRef | None:
        return next((m for t, m in self.tags if t == tag), None)


@dataclass(frozen=True)
class UnionOf:
    members: tuple[TypeRef, ...]
    # The target's name of the tag field every member (a model) has as a literal ("": none;
    # always "" until named): one of `tag_properties` whose name the target can use.
    discriminator: str = ""
    # Otherwise, a declared discriminator told by its tag values (None: none).
    dispatch: TagDispatch | None = None
    # Wire names of properties every member requires as a literal, no value shared by two
    # members: each tells the members apart; the declared discriminator's, or in the first
    # member's order. (Implied by the members and the spec: not part of the type's identity.)
    tag_properties: tuple[str, ...] = field(default=(), compare=False)
    # Where the spec declares the union's discriminator (None: it does not).
    declared_at: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Nullable:
    inner: TypeRef


@dataclass(frozen=True)
class LiteralOf:
    values: tuple[str | int | bool, ...]
    # Where the spec gives integers (else None): a target not holding every integer warns.
    declared_at: Location | None = field(default=None, compare=False)


TypeRef = Primitive | Named | ListOf | MapOf | UnionOf | Nullable | LiteralOf

ANY = Primitive("any")


class _Missing:
    """Marks 'the spec gives no value' where None would mean JSON null."""

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Any = _Missing()


@dataclass(frozen=True)
class Field:
    name: str  # the target's attribute name ("" until named)
    wire_name: str
    type: TypeRef
    required: bool
    description: str = ""
    default: Any = MISSING
    deprecated: bool = False
    read_only: bool = False
    write_only: bool = False
    example: Any = field(default=MISSING, compare=False)  # documented (`example(s)`), as given


@dataclass(frozen=True)
class Model:
    name: str
    module: str
    description: str
    fields: tuple[Field, ...]
    source: str
    deprecated: bool = False
    # The definition's stable key: its JSON pointer (`file#pointer` outside the root file).
    key: str = ""
    # Where its name comes from, and where it is: for the naming step (None once named).
    origin: NameOrigin | None = field(default=None, compare=False)
    where: Location | None = field(default=None, compare=False)
    # Deprecated aliases of the class (the naming step's): the name the spec's schema now
    # gives, where the surface lock keeps the class's old name (surface/lock.py).
    aliases: tuple[str, ...] = ()
    example: Any = field(default=MISSING, compare=False)


@dataclass(frozen=True)
class EnumMember:
    name: str  # "" until named
    value: str | int
    description: str = ""


@dataclass(frozen=True)
class Enum:
    name: str
    module: str
    description: str
    members: tuple[EnumMember, ...]
    value_type: Literal["str", "int"]
    source: str
    # The definition's stable key: its JSON pointer (`file#pointer` outside the root file).
    key: str = ""
    # Where its name comes from, and where it is: for the naming step (None once named).
    origin: NameOrigin | None = field(default=None, compare=False)
    where: Location | None = field(default=None, compare=False)
    # Deprecated aliases of the class (the naming step's): the name the spec's schema now
    # gives, where the surface lock keeps the class's old name (surface/lock.py).
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alias:
    """A named schema that is not a class, e.g. a union: `Pet = Dog | Cat`."""

    name: str
    module: str
    description: str
    type: TypeRef
    source: str
    # The definition's stable key: its JSON pointer (`file#pointer` outside the root file).
    key: str = ""
    # Where its name comes from, and where it is: for the naming step (None once named).
    origin: NameOrigin | None = field(default=None, compare=False)
    where: Location | None = field(default=None, compare=False)
    # Deprecated aliases of the class (the naming step's): the name the spec's schema now
    # gives, where the surface lock keeps the class's old name (surface/lock.py).
    aliases: tuple[str, ...] = ()
    example: Any = field(default=MISSING, compare=False)
    # Named only, on the Stainless surface: (name, class) of the union's inline variants,
    # bound in its module under the names their titles give (`OpenChart = ActionOpenChart`).
    variant_names: tuple[tuple[str, str], ...] = ()


Definition = Model | Enum | Alias


# How a parameter (or form field) is serialised: OpenAPI's `style`, the ones the runtime sends.
ParameterStyle = Literal[
    "form", "simple", "label", "matrix", "deepObject", "spaceDelimited", "pipeDelimited"
]


@dataclass(frozen=True)
class Parameter:
    name: str  # the target's argument name ("" until named)
    wire_name: str
    location: Literal["path", "query", "header", "cookie"]
    type: TypeRef
    required: bool
    description: str = ""
    deprecated: bool = False
    explode: bool = True
    example: Any = MISSING
    style: ParameterStyle = "form"
    # A path parameter whose reserved characters ("/", ":", ...) are sent as they are
    # (`allowReserved`, or `x-sdkwright-allow-reserved` where the spec's version refuses it).
    allow_reserved: bool = False
    # Described by `content` with a JSON media type (JSON in a query, say): the value goes as
    # its compact JSON text, percent-encoded where it goes into a query or a path.
    json_content: bool = False
    # A path parameter an empty value is refused for before sending (`ValueError`), wherever
    # it stands in the path (the Stainless surface's rule; otherwise only whole segments
    # with more path after them are).
    non_empty: bool = False


# How a request body goes on the wire, from its media type.
BodyEncoding = Literal["json", "form", "multipart", "binary", "text"]


@dataclass(frozen=True)
class FieldStyle:
    """How one field of a form or multipart body is serialised (its `encoding` entry)."""

    wire_name: str
    style: ParameterStyle
    explode: bool


@dataclass(frozen=True)
class RequestBody:
    media_type: str
    type: TypeRef
    required: bool
    description: str = ""
    # Object bodies are offered as keyword arguments, one per property.
    fields: tuple[Field, ...] | None = None
    example: Any = MISSING
    encoding: BodyEncoding = "json"
    # Form fields whose style is not the plain default (scalars and exploded arrays).
    field_styles: tuple[FieldStyle, ...] = ()
    # The keyword argument of a whole (not flattened) body: "" is `body` (the target names).
    argument: str = ""


# "events": a text/event-stream, returned as an iterator of server-sent events.
ResponseKind = Literal["json", "text", "bytes", "events", "empty"]


@dataclass(frozen=True)
class Response:
    status: str
    description: str
    kind: ResponseKind
    type: TypeRef | None
    example: Any = MISSING
    event_type: TypeRef | None = None  # "events": their data's, where a component types it


PaginationStyle = Literal["cursor", "after_last", "offset", "page", "next_url"]


@dataclass(frozen=True)
class FieldPath:
    """The fields from a response down to a value, and which of them may be missing or null."""

    attributes: tuple[str, ...]  # the target's attribute names (() until named)
    optional: tuple[bool, ...]
    type: TypeRef
    # The same path by wire names: the keys where results are mappings (TypedDict models).
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pagination:
    """How to walk a list operation page by page (see sdkwright/ir/pagination.py)."""

    style: PaginationStyle
    # The target's name of the cursor, offset or page parameter ("" until named; next_url).
    parameter: str
    items: FieldPath  # no keys: the response itself is the list
    item_type: TypeRef
    next: FieldPath | None = None  # cursor and next_url styles
    has_more: FieldPath | None = None  # after_last style
    parameter_wire_name: str = ""  # the same parameter's wire name
    # The target's name of the query parameter asking for a page size (offset and page
    # styles; "" until named, and when there is none): a page shorter than asked for is the last.
    limit: str = ""
    limit_wire_name: str = ""  # the same parameter's wire name
    # The public class of its pages (the Stainless surface's `paginated: SyncCursorPage`):
    # the list's response with its items typed, iterable across pages; "" for the runtime's.
    page_class: str = ""


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method_name: str  # "" until named
    http_method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    parameters: tuple[Parameter, ...]
    body: RequestBody | None
    responses: tuple[Response, ...]
    success: Response
    example_is_synthesised: bool
    authenticated: bool
    source: str
    pagination: Pagination | None = None
    # x-sdkwright-retries: the operation's own retry limit; None leaves it to the client.
    max_retries: int | None = None
    # Deprecated aliases of the method (the naming step's): the names the spec's operationId
    # now gives, where the surface lock keeps the method's old name (surface/lock.py).
    aliases: tuple[str, ...] = ()
    # The header carrying an idempotency key, generated per call when not given ("": none).
    # Spelled as the spec declares it, when it declares it as a parameter; a named operation
    # has it as an optional parameter (added when not declared).
    idempotency_header: str = ""
    # The operation's own security requirements (alternatives of scheme names, () for
    # none); None when it follows the API's default.
    security: Security | None = None
    # The group it belongs to: its first tag, else the first segment of its path.
    tag: str = ""
    # Its place among the spec's operations (paths in order, then methods).
    position: int = 0
    # Query parameters the spec's path key fixes (`/responses?beta=true`; ir/path_keys.py),
    # sent with every request; `path` holds the key without them and without its fragment.
    fixed_query: tuple[tuple[str, str], ...] = ()
    # The method name a target's `resources:` gives it ("": none; config_resources.py).
    resource_method: str = ""
    # Path parameters the method takes by position, by wire name, in that order.
    positional: tuple[str, ...] = ()
    # The server the operation or its path item declares, variables at their defaults ("":
    # the API's own); a relative one is relative to the client's base URL (ir/servers.py).
    server: str = ""
    # `x-sdkwright-name` as the spec gives it (None: absent); each target checks it.
    requested_name: Any = field(default=None, compare=False)
    where: Location | None = field(default=None, compare=False)

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")


@dataclass(frozen=True)
class ResourceGroup:
    """The operations of one tag (neutral), or of one group of the target's (named: a target
    may merge tags into one group)."""

    attribute: str  # "" until named, like class_name and module
    class_name: str
    module: str
    description: str
    operations: tuple[Operation, ...]
    tag: str = ""
    # A configured resource (`resources:` of a target): its names from the client down
    # (("v1", "positions")); () for a tag's group. `client_methods`: the client's own methods.
    path: tuple[str, ...] = ()
    client_methods: bool = False
    # Named: how users reach it ("v1.positions"; "" for the client's methods), whether it is
    # a sub-resource, and its sub-resources as (attribute, class name, module).
    accessor: str = ""
    nested: bool = False
    children: tuple[tuple[str, str, str], ...] = ()
    where: Location | None = field(default=None, compare=False)  # in the config (neutral)


@dataclass(frozen=True)
class Webhook:
    """A request the API sends (3.1 `webhooks`, or an operation's callback): its payload type."""

    name: str
    kind: Literal["webhook", "callback"]
    http_method: str
    payload: TypeRef
    description: str = ""
    source: str = ""
    example: Any = MISSING  # the payload's documented example, as the spec gives it


@dataclass(frozen=True)
class Api:
    title: str
    description: str
    version: str
    spec_version: str
    package: str  # "" until named, like client_name and env_prefix
    client_name: str
    env_prefix: str
    base_url: str
    # Neutral: in the order their names were given out; named: by name.
    definitions: tuple[Definition, ...]
    # Neutral: one per tag, in the order tags first appear; named: the target's groups.
    groups: tuple[ResourceGroup, ...]
    source_name: str = ""
    security_schemes: tuple[SecurityScheme, ...] = ()  # the primary scheme first
    default_security: Security = ()
    webhooks: tuple[Webhook, ...] = ()
    # How the API signs what it sends (a target's `webhooks: {signature: ...}`), "" unsaid.
    webhook_signature: str = ""
    # For the naming step only (None and () once named): the component schemas (None when
    # the spec has no components map) and the spec's tags with their descriptions.
    components: tuple[Component, ...] | None = None
    tags: tuple[tuple[str, str], ...] = ()
    release: Release = field(default_factory=Release)  # set by naming, from the target
    # Neutral: the API's servers when it lists several (None once named); named: the
    # client's `environment=` choices, (name, URL), the default first (empty: no choice).
    servers: tuple[Server, ...] | None = ()
    environments: tuple[tuple[str, str], ...] = ()
    # Where request ids are read: headers in order, then a JSON body's path (its keys).
    request_id_headers: tuple[str, ...] = ()
    request_id_body: tuple[str, ...] = ()
    # Named only: packages below `types` re-exporting names, (folder "v1/omni_ai", ((name, definition), ...))
    type_exports: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    surface: str = "sdkwright"  # or "stainless" (targets/python/naming/stainless.py)
    configured_models: tuple[str, ...] = ()  # Stainless names these (naming/stainless_inputs)

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for group in self.groups for op in group.operations)
