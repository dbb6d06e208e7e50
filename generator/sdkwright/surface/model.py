"""The public surface of a Python SDK, as neutral data: what a user's code can touch.

A `Surface` is what `extract.extract_surface` reads from a package's source (statically) and
what `compare.compare_surfaces` compares. It is JSON-serialisable (`surface_to_json`,
`surface_from_json`) so that a committed lock or an old SDK's surface can be kept as a file.

Annotations are normalised strings (`annotations.normalise`): `Optional[X]` is `X | None`,
`List` is `list`, `typing.` prefixes are gone, Literal values are sorted, and module prefixes
are dropped (`datetime.date` -> `date`, `params_module.Instruction` -> `Instruction`): two SDKs
that accept the same values print the same string.

Stable ids (`*.key`) name each entry the same way across SDKs and runs; the comparator reports
changes by them and `--accept` lists them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from sdkwright.surface.codec import from_data, preorder, to_data

ParamKind = Literal["positional", "keyword", "var_positional", "var_keyword"]
TypeKind = Literal["model", "typeddict", "enum", "literal", "union", "alias", "class"]
OMITTED = "omitted"  # the default of a parameter whose absence is a sentinel (NotGiven, Omit)


@dataclass(frozen=True)
class Param:
    """One parameter of a method or of a client constructor.

    kind: `positional` (may be passed by position, and by name too), `keyword` (keyword-only),
    `var_positional` (*args) or `var_keyword` (**params). default: the default's source text,
    `omitted` for the not-given sentinels, None when the parameter is required.
    """

    name: str
    kind: str
    type: str
    required: bool
    default: str | None = None


@dataclass(frozen=True)
class Method:
    """An API method: `client.<resource path>.<name>(...)`.

    http_method/path: the endpoint it calls, where the source shows it (path placeholders as
    written there, e.g. `/v1/accounts/{account_id}`). paginated: the page class it returns.
    """

    name: str
    params: tuple[Param, ...]
    returns: str
    is_async: bool = False
    http_method: str | None = None
    path: str | None = None
    paginated: str | None = None


@dataclass(frozen=True)
class Resource:
    """A node of the resource tree. The client itself is the root (name and path "")."""

    name: str
    path: str
    class_name: str
    methods: tuple[Method, ...] = ()
    children: tuple[Resource, ...] = ()
    raw_response: bool = False  # has `.with_raw_response`
    streaming_response: bool = False  # has `.with_streaming_response`

    def walk(self) -> tuple[Resource, ...]:
        """This node and every node below it, parents first."""
        return preorder(self)


@dataclass(frozen=True)
class ClientOption:
    """A constructor argument of a client; env: the variable it falls back to."""

    name: str
    kind: str
    type: str
    required: bool
    default: str | None = None
    env: str | None = None
    credential: bool = False


@dataclass(frozen=True)
class Client:
    name: str
    module: str
    is_async: bool
    options: tuple[ClientOption, ...]
    root: Resource
    aliases: tuple[str, ...] = ()  # other exported names of the same class (`Client = ClearStreet`)
    env_vars: tuple[str, ...] = ()  # every environment variable its constructor reads


@dataclass(frozen=True)
class Field:
    """A field of a model or TypedDict. alias: the wire name when it differs from `name`."""

    name: str
    type: str
    required: bool
    nullable: bool
    alias: str | None = None
    default: str | None = None


@dataclass(frozen=True)
class TypeDef:
    """A named type: a model, TypedDict, enum, Literal/union alias or other class.

    module: where users import it from (the shortest public module exporting it; for a type
    that no public module exports, the module defining it, and `public` is False).
    values: enum member values or Literal values (JSON text, sorted); members: enum member names.
    variants: a union alias's members, an alias's target.
    bound_as: "module.Name" of each other name a `types` module exports it under
    (`OpenChart = StructuredActionOpenChart`): it is importable as that too.
    """

    name: str
    module: str
    kind: str
    defined_in: str
    public: bool = True
    exported_from: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    values: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    bound_as: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.module}.{self.name}"


@dataclass(frozen=True)
class ErrorClass:
    name: str
    module: str
    bases: tuple[str, ...]  # every ancestor's name, nearest first


@dataclass(frozen=True)
class PageClass:
    name: str
    module: str
    is_async: bool
    type_params: int  # how many type arguments it takes (`SyncCursorPage[Item]`: 1)


@dataclass(frozen=True)
class Export:
    """A name the package's top level exports, and what it is."""

    name: str
    kind: str  # client | error | page | type | module | function | value | class


@dataclass(frozen=True)
class Surface:
    package: str
    clients: tuple[Client, ...] = ()
    exports: tuple[Export, ...] = ()
    types: tuple[TypeDef, ...] = ()
    errors: tuple[ErrorClass, ...] = ()
    pages: tuple[PageClass, ...] = ()
    version: str | None = None
    warnings: tuple[str, ...] = ()  # what the extractor could not read (file:line: message)


def surface_to_json(surface: Surface) -> str:
    return json.dumps(to_data(surface), indent=2, sort_keys=False) + "\n"


def surface_from_json(text: str) -> Surface:
    """A surface from its JSON; ValueError (naming the path) when the text is not one."""
    return from_data(Surface, json.loads(text))
