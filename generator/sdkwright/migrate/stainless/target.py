"""A surface config as an `sdkwright.yaml` target, and the checks of that target's new keys.

The shape (issue 16's nested `resources:`, plus the Stainless surface):

    targets:
      - name: clearstreet
        spec: clearstreet-trading-3.1.json
        output: .
        package: clearstreet
        client_name: ClearStreet
        surface: stainless                 # generate Stainless's public surface
        version: 0.8.0                     # the next version after the old SDK's
        distribution: clearstreet
        client:
          async_name: AsyncClearStreet
          credential: api_key              # the constructor keyword of the credential
          credential_env: CLEAR_STREET_API_KEY
          base_url_env: CLEAR_STREET_BASE_URL
          environments: {production: https://api.clearstreet.com, dev: https://api-dev.clearstreet.com}
        pagination:
          - {name: cursor_page, type: cursor, page_class: SyncCursorPage, request: {page_token: next_cursor_param}, response: {data: items}}
        shared_types: [clearstreet.types.APIError]
        resources:
          v1:
            models: [clearstreet.types.SecurityType]
            positions:                     # a key other than methods/models is a sub-resource
              methods:
                get_positions: get /v1/accounts/{account_id}/positions      # the short form
                cancel_position_instruction:
                  endpoint: delete /v1/accounts/{account_id}/positions/instructions/{instruction_id}
                  positional: [instruction_id]          # path parameters passed by position
                  response: clearstreet.types.v1.PositionCancelPositionInstructionResponse
                  params: clearstreet.types.v1.PositionSubmitPositionInstructionsParams
                  paginated: false                      # or a page class: SyncCursorPage
                  deprecated: true
                  body_param: body                      # stainless.yml's body_param_name

`methods` right under `resources` are the client's own (`client.ping()`).
Type names are qualified (`module.Class`): users import `Class` from `module`. The generator
reads `resources` (config_resources.py, whose checker this module shares); the other keys
are the Stainless surface's. `check_surface_target` validates them, errors located
file:line:col with a JSON pointer, in the style of `sdkwright.config`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from sdkwright.config_resources import ResourceChecker, is_class, is_identifier
from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.migrate.stainless.surface_config import (
    MethodConfig,
    ResourceConfig,
    SurfaceConfig,
    TypeName,
)
from sdkwright.migrate.stainless.yaml_marks import Positioned, escape

SURFACE_KEYS = (
    "surface",
    "version",
    "distribution",
    "client",
    "pagination",
    "shared_types",
    "resources",
)
SURFACES = ("stainless",)
_CLIENT_KEYS = {
    "async_name",
    "credential",
    "credential_env",
    "base_url_env",
    "environments",
    "default_headers",
}
_SCHEME_KEYS = {"name", "type", "page_class", "request", "response"}
_ENV = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_VERSION = re.compile(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?")


def target_from_config(config: SurfaceConfig, name: str, spec: str, output: str) -> dict[str, Any]:
    """The `sdkwright.yaml` target that reproduces `config`'s surface (keys in a fixed order)."""
    client = config.client
    target: dict[str, Any] = {
        "name": name,
        "spec": spec,
        "output": output,
        "package": config.package,
        "client_name": client.client_class
        or "".join(w.capitalize() for w in config.package.split("_")),
        "surface": "stainless",
    }
    if config.next_version:
        target["version"] = config.next_version
    if config.distribution:
        target["distribution"] = config.distribution
    settings = {
        "async_name": client.async_client_class,
        "credential": client.credential,
        "credential_env": client.credential_env,
        "base_url_env": client.base_url_env,
        "environments": dict(client.environments) or None,
        "default_headers": dict(client.default_headers) or None,
    }
    target["client"] = {k: v for k, v in settings.items() if v}
    if config.pagination:
        target["pagination"] = [_scheme(s) for s in config.pagination]
    if config.shared_types:
        target["shared_types"] = [_qualified(t) for t in config.shared_types]
    target["resources"] = resources_mapping(config)
    return target


def resources_mapping(config: SurfaceConfig) -> dict[str, Any]:
    """The `resources:` of a target (config_resources.py) for `config`'s tree; the shared types
    are the client's own `models` (api.md's spellings: `APIError`, not a recomputed `ApiError`)."""
    resources: dict[str, Any] = {}
    if config.shared_types:
        resources["models"] = [_qualified(t) for t in config.shared_types]
    resources.update((r.name, _resource(r)) for r in config.resources)
    if config.root_methods:
        resources["methods"] = {m.name: _method(m) for m in config.root_methods}
    return resources


def render_targets_yaml(targets: list[dict[str, Any]]) -> str:
    header = (
        "# Written by `sdkwright migrate stainless`: the surface of the SDK it was migrated from.\n"
    )
    return header + yaml.safe_dump(
        {"targets": targets}, sort_keys=False, allow_unicode=True, width=100
    )


def _scheme(scheme: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": scheme.name}
    if scheme.type:
        entry["type"] = scheme.type
    if scheme.page_class:
        entry["page_class"] = scheme.page_class
    if scheme.request:
        entry["request"] = dict(scheme.request)
    if scheme.response:
        entry["response"] = dict(scheme.response)
    return entry


def _resource(node: ResourceConfig) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    if node.models:
        entry["models"] = [_qualified(t) for t in node.models]
    if node.methods:
        entry["methods"] = {m.name: _method(m) for m in node.methods}
    for child in node.children:
        entry[child.name] = _resource(child)
    return entry


def _method(method: MethodConfig) -> str | dict[str, Any]:
    entry: dict[str, Any] = {"endpoint": method.endpoint}
    if method.positional:
        entry["positional"] = list(method.positional)
    if method.response and method.response.name:
        entry["response"] = _qualified(method.response)
    if method.params and method.params.name:
        entry["params"] = _qualified(method.params)
    if method.paginated:
        entry["paginated"] = method.paginated
    elif method.pagination_disabled:
        entry["paginated"] = False
    if method.deprecated:
        entry["deprecated"] = True
    if method.body_param:
        entry["body_param"] = method.body_param
    return entry if len(entry) > 1 else method.endpoint


def _qualified(name: TypeName) -> str:
    return f"{name.module}.{name.name}" if name.module else name.name


def check_surface_target(document: Positioned) -> list[Diagnostic]:
    """Errors in the surface keys of every target of an `sdkwright.yaml` read with positions."""
    checker = _Checker(document)
    targets = document.data.get("targets") if isinstance(document.data, dict) else None
    for index, target in enumerate(targets if isinstance(targets, list) else []):
        if isinstance(target, dict) and any(k in target for k in SURFACE_KEYS):
            checker.target(target, f"/targets/{index}")
    return checker.errors


class _Checker(ResourceChecker):
    """The resources checker of config_resources, with the surface's own keys."""

    def __init__(self, document: Positioned) -> None:
        super().__init__(self._collect)
        self.document = document
        self.errors: list[Diagnostic] = []

    def _collect(self, pointer: str, message: str, hint: str, key: bool) -> None:
        self.errors.append(
            self.document.diagnostic(Level.ERROR, "config.surface", message, pointer, hint, key)
        )

    def target(self, target: dict[str, Any], pointer: str) -> None:
        self.endpoints = {}
        if target.get("surface") not in SURFACES:
            self.error(f"{pointer}/surface", f"'surface' must be one of {list(SURFACES)}")
        if "version" in target and not _VERSION.fullmatch(str(target["version"])):
            self.error(f"{pointer}/version", f"'{target['version']}' is not a version like 1.2.0")
        if "distribution" in target and not isinstance(target["distribution"], str):
            self.error(f"{pointer}/distribution", "'distribution' must be a string")
        self.client(target.get("client", {}), f"{pointer}/client")
        self.pagination(target.get("pagination", []), f"{pointer}/pagination")
        self.qualified_list(target.get("shared_types", []), f"{pointer}/shared_types")
        resources = target.get("resources", {})
        if not isinstance(resources, dict):
            self.error(f"{pointer}/resources", "'resources' must be a mapping of resource names")
        else:
            self.resource(resources, f"{pointer}/resources", 0)

    def client(self, value: Any, pointer: str) -> None:
        if not self.mapping(value, pointer, _CLIENT_KEYS):
            return
        for key in ("async_name",):
            if key in value and not is_class(value[key]):
                self.error(f"{pointer}/{key}", f"'{value[key]}' is not a class name")
        if "credential" in value and not is_identifier(value["credential"]):
            self.error(f"{pointer}/credential", f"'{value['credential']}' is not a keyword name")
        for key in ("credential_env", "base_url_env"):
            if key in value and not (isinstance(value[key], str) and _ENV.fullmatch(value[key])):
                self.error(
                    f"{pointer}/{key}", f"'{value[key]}' is not an environment variable name"
                )
        environments = value.get("environments", {})
        if self.mapping(environments, f"{pointer}/environments", None):
            for name, url in environments.items():
                if not (isinstance(url, str) and url.startswith(("https://", "http://"))):
                    self.error(
                        f"{pointer}/environments/{escape(name)}",
                        f"environment '{name}' needs an http(s) URL",
                    )
        headers = value.get("default_headers", {})
        if self.mapping(headers, f"{pointer}/default_headers", None):
            for name, text in headers.items():
                if not isinstance(text, str):
                    self.error(
                        f"{pointer}/default_headers/{escape(name)}",
                        f"header '{name}' needs a string value",
                    )

    def pagination(self, value: Any, pointer: str) -> None:
        if not isinstance(value, list):
            self.error(pointer, "'pagination' must be a list of schemes")
            return
        for index, scheme in enumerate(value):
            where = f"{pointer}/{index}"
            if not self.mapping(scheme, where, _SCHEME_KEYS):
                continue
            if not isinstance(scheme.get("name"), str):
                self.error(where, "a pagination scheme needs a 'name'")
            if "page_class" in scheme and not is_class(scheme["page_class"]):
                self.error(f"{where}/page_class", f"'{scheme['page_class']}' is not a class name")
            for part in ("request", "response"):
                self.mapping(scheme.get(part, {}), f"{where}/{part}", None)
