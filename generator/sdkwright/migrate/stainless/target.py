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
does not read these keys yet: `check_surface_target` validates them, errors located
file:line:col with a JSON pointer, in the style of `sdkwright.config`.
"""

from __future__ import annotations

import keyword
import re
from typing import Any

import yaml

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
_METHOD_KEYS = {
    "endpoint",
    "positional",
    "response",
    "params",
    "paginated",
    "deprecated",
    "body_param",
}
_SCHEME_KEYS = {"name", "type", "page_class", "request", "response"}
_RESERVED = {"methods", "models"}
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")
_CLASS = re.compile(r"[A-Z][A-Za-z0-9_]*")
_QUALIFIED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\.[A-Z][A-Za-z0-9_]*")
_ENV = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ENDPOINT = re.compile(r"(get|post|put|patch|delete|head|options) (/\S*)")
_VERSION = re.compile(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?")
_MAX_DEPTH = 16


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
    resources = {r.name: _resource(r) for r in config.resources}
    if config.root_methods:
        resources["methods"] = {m.name: _method(m) for m in config.root_methods}
    target["resources"] = resources
    return target


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


class _Checker:
    def __init__(self, document: Positioned) -> None:
        self.document = document
        self.errors: list[Diagnostic] = []
        self.endpoints: dict[str, str] = {}  # endpoint -> pointer of its first method

    def error(self, pointer: str, message: str, hint: str = "", key: bool = False) -> None:
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
            if key in value and not _is_class(value[key]):
                self.error(f"{pointer}/{key}", f"'{value[key]}' is not a class name")
        if "credential" in value and not _is_identifier(value["credential"]):
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
            if "page_class" in scheme and not _is_class(scheme["page_class"]):
                self.error(f"{where}/page_class", f"'{scheme['page_class']}' is not a class name")
            for part in ("request", "response"):
                self.mapping(scheme.get(part, {}), f"{where}/{part}", None)

    def resource(self, node: dict[str, Any], pointer: str, depth: int) -> None:
        if depth > _MAX_DEPTH:
            self.error(pointer, f"resources nest deeper than {_MAX_DEPTH} levels")
            return
        for key, value in node.items():
            where = f"{pointer}/{escape(key)}"
            if key == "methods":
                if self.mapping(value, where, None):
                    for name, method in value.items():
                        self.method(name, method, f"{where}/{escape(name)}")
            elif key == "models":
                self.qualified_list(value, where)
            elif not _is_identifier(key):
                self.error(
                    where,
                    f"'{key}' is not a usable resource name",
                    "use a lowercase identifier like 'positions'",
                    key=True,
                )
            elif isinstance(value, dict):
                self.resource(value, where, depth + 1)
            else:
                self.error(
                    where, f"resource '{key}' must be a mapping (methods, models, sub-resources)"
                )

    def method(self, name: str, value: Any, pointer: str) -> None:
        if not _is_identifier(name):
            self.error(
                pointer,
                f"'{name}' is not a usable method name",
                "use a lowercase identifier",
                key=True,
            )
        options = value if isinstance(value, dict) else {"endpoint": value}
        if isinstance(value, dict) and not self.mapping(value, pointer, _METHOD_KEYS):
            return
        where = f"{pointer}/endpoint" if isinstance(value, dict) else pointer
        match = _ENDPOINT.fullmatch(str(options.get("endpoint", "")))
        if match is None:
            self.error(where, f"method '{name}' needs an endpoint like 'get /v1/things/{{id}}'")
            return
        endpoint = f"{match[1]} {re.sub(r'{[^}]*}', '{}', match[2])}"
        if endpoint in self.endpoints:
            self.error(
                where, f"'{options['endpoint']}' is already mapped at {self.endpoints[endpoint]}"
            )
        self.endpoints.setdefault(endpoint, pointer)
        placeholders = re.findall(r"{([^}]*)}", match[2])
        for index, parameter in enumerate(options.get("positional") or []):
            if parameter not in placeholders:
                self.error(
                    f"{pointer}/positional/{index}",
                    f"'{parameter}' is not a parameter of {match[2]}",
                )
        for key in ("response", "params"):
            if key in options and not _is_qualified(options[key]):
                self.error(
                    f"{pointer}/{key}",
                    f"'{options[key]}' is not a qualified class name like pkg.types.Name",
                )
        paginated = options.get("paginated")
        if paginated is not None and paginated is not False and not _is_class(paginated):
            self.error(f"{pointer}/paginated", "'paginated' must be a page class name or false")
        if "deprecated" in options and not isinstance(options["deprecated"], bool):
            self.error(f"{pointer}/deprecated", "'deprecated' must be true or false")
        if "body_param" in options and not _is_identifier(options["body_param"]):
            self.error(f"{pointer}/body_param", f"'{options['body_param']}' is not a keyword name")

    def qualified_list(self, value: Any, pointer: str) -> None:
        if not isinstance(value, list):
            self.error(pointer, "expected a list of qualified class names (pkg.types.Name)")
            return
        for index, item in enumerate(value):
            if not _is_qualified(item):
                self.error(
                    f"{pointer}/{index}",
                    f"'{item}' is not a qualified class name like pkg.types.Name",
                )

    def mapping(self, value: Any, pointer: str, allowed: set[str] | None) -> bool:
        if not isinstance(value, dict):
            self.error(pointer, "expected a mapping")
            return False
        unknown = sorted(set(value) - allowed) if allowed is not None else []
        for key in unknown:
            self.error(
                f"{pointer}/{escape(key)}",
                f"unknown key '{key}'",
                f"allowed keys: {sorted(allowed or ())}",
                key=True,
            )
        return True


def _is_identifier(value: Any) -> bool:
    return (
        isinstance(value, str)
        and bool(_IDENTIFIER.fullmatch(value))
        and not keyword.iskeyword(value)
    )


def _is_class(value: Any) -> bool:
    return isinstance(value, str) and bool(_CLASS.fullmatch(value))


def _is_qualified(value: Any) -> bool:
    return isinstance(value, str) and bool(_QUALIFIED.fullmatch(value))
