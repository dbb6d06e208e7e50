"""The IR: frozen values that templates read. Every name in here is final.

Types are small algebraic values (`TypeRef`); classes the SDK defines are `Model`, `Enum`
and `Alias`; the API surface is `Api` -> `ResourceGroup` -> `Operation`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

PrimitiveName = Literal["str", "int", "float", "bool", "datetime", "date", "bytes", "any"]


@dataclass(frozen=True)
class Primitive:
    name: PrimitiveName
    format: str = ""


@dataclass(frozen=True)
class Named:
    """A class the SDK defines (model, enum or type alias), by its final name."""

    name: str
    kind: Literal["model", "enum", "alias"]


@dataclass(frozen=True)
class ListOf:
    item: TypeRef


@dataclass(frozen=True)
class MapOf:
    value: TypeRef


@dataclass(frozen=True)
class TagDispatch:
    """A declared discriminator whose tag fields are not all literals: which member each tag
    value picks (pydantic's callable `Discriminator` with a `Tag` per member)."""

    key: str  # the tag property's wire name, read from wire data
    attribute: str  # its Python name, read from models built in Python
    # (tag value, member) in the union's order; a member may have several tags.
    tags: tuple[tuple[str, TypeRef], ...]

    def tags_of(self, member: TypeRef) -> tuple[str, ...]:
        return tuple(tag for tag, m in self.tags if m == member)

    def member_for(self, tag: object) -> TypeRef | None:
        return next((m for t, m in self.tags if t == tag), None)


@dataclass(frozen=True)
class UnionOf:
    members: tuple[TypeRef, ...]
    # The Python name of the tag field every member (a model) has as a literal ("": none).
    discriminator: str = ""
    # Otherwise, a declared discriminator told by its tag values (None: none).
    dispatch: TagDispatch | None = None


@dataclass(frozen=True)
class Nullable:
    inner: TypeRef


@dataclass(frozen=True)
class LiteralOf:
    values: tuple[str | int | bool, ...]


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
    name: str
    wire_name: str
    type: TypeRef
    required: bool
    description: str = ""
    default: Any = MISSING
    deprecated: bool = False
    read_only: bool = False
    write_only: bool = False


@dataclass(frozen=True)
class Model:
    name: str
    module: str
    description: str
    fields: tuple[Field, ...]
    source: str
    deprecated: bool = False


@dataclass(frozen=True)
class EnumMember:
    name: str
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


@dataclass(frozen=True)
class Alias:
    """A named schema that is not a class, e.g. a union: `Pet = Dog | Cat`."""

    name: str
    module: str
    description: str
    type: TypeRef
    source: str


Definition = Model | Enum | Alias


# How a parameter (or form field) is serialised: OpenAPI's `style`, the ones the runtime sends.
ParameterStyle = Literal[
    "form", "simple", "label", "matrix", "deepObject", "spaceDelimited", "pipeDelimited"
]


@dataclass(frozen=True)
class Parameter:
    name: str
    wire_name: str
    location: Literal["path", "query", "header", "cookie"]
    type: TypeRef
    required: bool
    description: str = ""
    deprecated: bool = False
    explode: bool = True
    example: Any = MISSING
    style: ParameterStyle = "form"


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


# "events": a text/event-stream, returned as an iterator of server-sent events.
ResponseKind = Literal["json", "text", "bytes", "events", "empty"]


@dataclass(frozen=True)
class Response:
    status: str
    description: str
    kind: ResponseKind
    type: TypeRef | None
    example: Any = MISSING


PaginationStyle = Literal["cursor", "after_last", "offset", "page", "next_url"]


@dataclass(frozen=True)
class FieldPath:
    """Python attribute names from a response down to a value, and which of them may be None."""

    attributes: tuple[str, ...]
    optional: tuple[bool, ...]
    type: TypeRef
    # The same path by wire names: the keys where results are mappings (TypedDict models).
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pagination:
    """How to walk a list operation page by page (see generator/ir/pagination.py)."""

    style: PaginationStyle
    parameter: str  # Python name of the query parameter carrying the cursor, offset or page
    items: FieldPath  # no attributes: the response itself is the list
    item_type: TypeRef
    next: FieldPath | None = None  # cursor and next_url styles
    has_more: FieldPath | None = None  # after_last style
    # Python name of the query parameter asking for a page size (offset and page styles): a
    # page shorter than asked for is the last.
    limit: str = ""


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method_name: str
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
    # The header carrying an idempotency key, generated per call when not given ("": none).
    idempotency_header: str = ""
    # The operation's own security requirements (alternatives of scheme names, () for
    # none); None when it follows the API's default.
    security: Security | None = None

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")


@dataclass(frozen=True)
class ResourceGroup:
    attribute: str
    class_name: str
    module: str
    description: str
    operations: tuple[Operation, ...]


AuthKind = Literal["bearer", "basic", "header", "query", "none"]


@dataclass(frozen=True)
class Auth:
    kind: AuthKind
    parameter_name: str = ""


# Alternatives, each naming every security scheme it needs (OpenAPI's `security`).
Security = tuple[tuple[str, ...], ...]
SchemeKind = Literal["bearer", "basic", "api_key"]


@dataclass(frozen=True)
class SecurityScheme:
    """A security scheme the client takes credentials for.

    bearer (HTTP bearer, OAuth 2 and OpenID Connect tokens) and api_key take one string,
    `argument`; basic takes `argument` and `password_argument`. Each reads an environment
    variable when not given.
    """

    name: str  # the scheme's key in the spec
    kind: SchemeKind
    argument: str
    env_var: str
    location: Literal["header", "query", "cookie"] = "header"
    parameter_name: str = "Authorization"  # header, query parameter or cookie name
    password_argument: str = ""
    password_env_var: str = ""
    description: str = ""


@dataclass(frozen=True)
class Webhook:
    """A request the API sends (3.1 `webhooks`, or an operation's callback): its payload type."""

    name: str
    kind: Literal["webhook", "callback"]
    http_method: str
    payload: TypeRef
    description: str = ""
    source: str = ""


@dataclass(frozen=True)
class Api:
    title: str
    description: str
    version: str
    spec_version: str
    package: str
    client_name: str
    env_prefix: str
    base_url: str
    auth: Auth
    definitions: tuple[Definition, ...]
    groups: tuple[ResourceGroup, ...]
    source_name: str = ""
    security_schemes: tuple[SecurityScheme, ...] = ()
    default_security: Security = ()
    webhooks: tuple[Webhook, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for group in self.groups for op in group.operations)
