"""The surface config: what a Stainless SDK repository says its public surface is, as neutral data.

Read from the repository (`read_repository`): `api.md`, `stainless.yml`, `pyproject.toml`,
`.stats.yml`, the client module or README, `scripts/mock`. It is what the generator needs to
reproduce that surface from the same spec:

- `resources`: the tree users call (`client.v1.positions.cancel_position_instruction`), each
  method mapped to its endpoint, with the path parameters it takes by position, whether it takes
  `**params`, its page class when paginated, and its response/params type names exactly as
  api.md spells them and the modules users import them from;
- `models` of each resource and `shared_types`: the other exported type names and their modules;
- `client`: class names, credential keyword and its env var, base-URL env var, environments;
- `pagination`: the page schemes stainless.yml declares (and the page classes api.md names);
- `package`, `distribution`, `version` and the suggested next version.

`notes` are located warnings: what could not be read or mapped. The whole is JSON-serialisable
(`config_to_json`). `migrate.stainless.target` turns it into an `sdkwright.yaml` target.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.surface.codec import from_data, preorder, to_data


@dataclass(frozen=True)
class Note:
    """A located warning (or info) about the repository: JSON-friendly `Diagnostic`."""

    code: str
    message: str
    file: str
    line: int = 0
    column: int = 0
    pointer: str = ""
    level: str = "warning"

    def diagnostic(self) -> Diagnostic:
        level = Level.INFO if self.level == "info" else Level.WARNING
        return Diagnostic(
            level,
            self.code,
            self.message,
            Location(self.file, self.line, self.column, self.pointer),
        )


@dataclass(frozen=True)
class TypeName:
    """A class users import: `from <module> import <name>`; file: the source api.md links."""

    name: str
    module: str
    file: str | None = None


@dataclass(frozen=True)
class MethodConfig:
    name: str
    http_method: str  # GET, POST, ...
    path: str  # /v1/accounts/{account_id}
    positional: tuple[str, ...] = ()  # path parameters passed by position, in order
    keyword_path: tuple[str, ...] = ()  # path parameters passed by keyword (after `*`)
    has_params: bool = False  # takes `**params` (query, header and body keywords)
    returns: str = ""  # the return as api.md writes it: `SyncCursorPage[Account]`, `None`
    response: TypeName | None = None  # the returned class (a page's item class)
    params: TypeName | None = None  # the TypedDict of `**params`
    paginated: str | None = None  # the page class it returns
    pagination_disabled: bool = False  # stainless.yml `paginated: false`
    deprecated: bool = False
    body_param: str | None = None  # stainless.yml `body_param_name`
    source: str = ""  # file:line it was read from

    @property
    def endpoint(self) -> str:
        return f"{self.http_method.lower()} {self.path}"


@dataclass(frozen=True)
class ResourceConfig:
    name: str  # accessor: `positions`
    path: str  # from the client: `v1.positions`
    title: str  # as api.md's heading spells it: `Positions`, `APIVersion`
    methods: tuple[MethodConfig, ...] = ()
    children: tuple[ResourceConfig, ...] = ()
    models: tuple[TypeName, ...] = ()  # the resource's `Types:` (api.md) or models (stainless.yml)

    def walk(self) -> tuple[ResourceConfig, ...]:
        """This node and every node below it, parents first."""
        return preorder(self)


@dataclass(frozen=True)
class ClientOption:
    name: str
    type: str = "string"
    env: str | None = None
    nullable: bool = True
    credential: bool = False
    security_scheme: str | None = None


@dataclass(frozen=True)
class ClientSettings:
    client_class: str | None = None
    async_client_class: str | None = None
    credential: str | None = None  # the keyword: api_key, bearer_token, ...
    credential_env: str | None = None
    base_url_env: str | None = None
    environments: tuple[tuple[str, str], ...] = ()  # (name, URL), the default first
    default_headers: tuple[tuple[str, str], ...] = ()
    options: tuple[ClientOption, ...] = ()


@dataclass(frozen=True)
class PaginationScheme:
    name: str  # stainless.yml's scheme name (`cursor_page`), else the page class
    type: str = ""  # cursor, cursor_id, offset, page_number, ... ("" when unknown)
    page_class: str | None = None  # `SyncCursorPage` (its async twin: `Async...`)
    request: tuple[tuple[str, str], ...] = ()  # parameter -> purpose
    response: tuple[tuple[str, str], ...] = ()  # field -> purpose


@dataclass(frozen=True)
class SpecSource:
    kind: str  # embedded (scripts/mock holds it), url (only a URL is known)
    location: str  # the file that embeds it, or the URL


@dataclass(frozen=True)
class SurfaceConfig:
    package: str
    distribution: str | None = None
    version: str | None = None
    next_version: str | None = None
    configured_endpoints: int | None = None
    client: ClientSettings = ClientSettings()
    resources: tuple[ResourceConfig, ...] = ()
    root_methods: tuple[MethodConfig, ...] = ()  # `client.<method>()`
    shared_types: tuple[TypeName, ...] = ()
    pagination: tuple[PaginationScheme, ...] = ()
    spec: SpecSource | None = None
    sources: tuple[str, ...] = ()  # the files read
    notes: tuple[Note, ...] = ()

    def methods(self) -> tuple[tuple[str, MethodConfig], ...]:
        """Every method with its resource path ("" for the client's own)."""
        found = [("", m) for m in self.root_methods]
        for top in self.resources:
            for node in top.walk():
                found += [(node.path, m) for m in node.methods]
        return tuple(found)


def config_to_json(config: SurfaceConfig) -> str:
    return json.dumps(to_data(config), indent=2) + "\n"


def config_from_json(text: str) -> SurfaceConfig:
    return from_data(SurfaceConfig, json.loads(text))
