"""`stainless.yml` (Stainless's SDK config, its public config reference) -> a surface config.

What is mapped (everything else is listed once as a located note: it shapes docs, publishing or
other languages, not the Python surface, or sdkwright has no such feature yet):

| stainless.yml | surface config |
| --- | --- |
| `organization.name` | client class (`Clear Street` -> `ClearStreet`, `AsyncClearStreet`) |
| `targets.python.package_name`, `.project_name` | import package, distribution |
| `environments` | client environments (the first is the default) |
| `client_settings.opts.<name>`: `type`, `nullable`, `read_env`, `auth.security_scheme` | client options; the one with `auth` is the credential keyword and its env var |
| `resources.<r>` / `.subresources.<r>` | the resource tree (keys snake_cased) |
| `methods.<m>: "verb /path"` or `{endpoint, paginated, positional_params, deprecated, body_param_name, skip, type: http}` | methods; `skip: true` leaves it out; response/params names by Stainless's convention |
| `models.<m>: schema` | the resource's models (`<m>` PascalCased) in `types/<parent path>` |
| `resources.$shared.models` | shared types, in `<package>.types` |
| `pagination: [{name, type, request, response}]` | page schemes (`x-stainless-pagination-property.purpose` per field) |

Names: a method's Python name is its key snake_cased; its response and params classes are
`<Resource singular><Method>Response`/`Params` with Stainless's capitalisation
(`naming.DEFAULT_SPELLINGS`) and live in `<package>.types.<parent resource path>`; without
`positional_params` the last path parameter is positional. These are Stainless's conventions as
its SDKs show them; when api.md is present its spelling wins (`read_repository`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.migrate.stainless.naming import pascal, singular, snake
from sdkwright.migrate.stainless.surface_config import (
    ClientOption,
    ClientSettings,
    MethodConfig,
    Note,
    PaginationScheme,
    ResourceConfig,
    TypeName,
)
from sdkwright.migrate.stainless.yaml_marks import Positioned, escape, read_yaml

_ENDPOINT = re.compile(
    r"^\s*(get|post|put|patch|delete|head|options|query)\s+(/\S*)\s*$", re.IGNORECASE
)
_PATH_PARAMETER = re.compile(r"\{([^}]+)\}")
_MAPPED_TOP = {
    "organization",
    "targets",
    "environments",
    "client_settings",
    "resources",
    "pagination",
}
_METHOD_KEYS = {
    "endpoint",
    "paginated",
    "positional_params",
    "deprecated",
    "body_param_name",
    "skip",
    "type",
    "description",
}
_RESOURCE_KEYS = {"methods", "models", "subresources", "description"}


@dataclass(frozen=True)
class StainlessConfig:
    package: str | None
    distribution: str | None
    client: ClientSettings
    resources: tuple[ResourceConfig, ...]
    shared_types: tuple[TypeName, ...]
    pagination: tuple[PaginationScheme, ...]
    notes: tuple[Note, ...]


def read_stainless_config(path: Path, package: str | None = None) -> StainlessConfig | Diagnostic:
    document = read_yaml(path)
    if isinstance(document, Diagnostic):
        return document
    if not isinstance(document.data, dict):
        return document.diagnostic(
            Level.ERROR, "stainless.config", "stainless.yml must be a mapping", ""
        )
    reader = _Reader(document)
    return reader.read(package)


class _Reader:
    def __init__(self, document: Positioned) -> None:
        self.document = document
        self.data: dict[str, Any] = document.data
        self.notes: list[Note] = []

    def note(
        self, pointer: str, message: str, code: str = "stainless.unmapped", level: str = "warning"
    ) -> None:
        where = self.document.where(pointer, key=True)
        self.notes.append(Note(code, message, where.file, where.line, where.column, pointer, level))

    def read(self, package_hint: str | None) -> StainlessConfig:
        for key in sorted(set(self.data) - _MAPPED_TOP):
            self.note(
                f"/{escape(key)}",
                f"'{key}' is not mapped (it does not shape the Python surface)",
                level="info",
            )
        python = _mapping(_mapping(self.data.get("targets")).get("python"))
        package = _string(python.get("package_name")) or package_hint
        distribution = _string(python.get("project_name")) or _string(python.get("package_name"))
        types_package = f"{package or 'package'}.types"
        resources_data = _mapping(self.data.get("resources"))
        shared = [
            TypeName(pascal(snake(name)), types_package)
            for name in _mapping(_mapping(resources_data.get("$shared")).get("models"))
        ]
        resources = [
            self.resource(name, value, "", f"/resources/{escape(name)}", types_package)
            for name, value in resources_data.items()
            if name != "$shared"
        ]
        return StainlessConfig(
            package,
            distribution,
            self.client(),
            tuple(resources),
            tuple(shared),
            self.pagination(),
            tuple(self.notes),
        )

    def client(self) -> ClientSettings:
        name = _string(_mapping(self.data.get("organization")).get("name"))
        client_class = pascal(snake(name), {}) if name else None
        options = []
        for key, value in _mapping(_mapping(self.data.get("client_settings")).get("opts")).items():
            option = _mapping(value)
            auth = _mapping(option.get("auth"))
            options.append(
                ClientOption(
                    snake(key),
                    _string(option.get("type")) or "string",
                    _string(option.get("read_env")),
                    option.get("nullable") is not False,
                    bool(auth),
                    _string(auth.get("security_scheme")),
                )
            )
        credential = next((o for o in options if o.credential), None)
        environments = tuple(
            (str(k), str(v))
            for k, v in _mapping(self.data.get("environments")).items()
            if isinstance(v, str)
        )
        return ClientSettings(
            client_class,
            f"Async{client_class}" if client_class else None,
            credential.name if credential else None,
            credential.env if credential else None,
            None,
            environments,
            (),
            tuple(options),
        )

    def resource(
        self, key: str, value: Any, parent: str, pointer: str, types_package: str
    ) -> ResourceConfig:
        name = snake(key)
        path = f"{parent}.{name}" if parent else name
        node = _mapping(value)
        for extra in sorted(set(node) - _RESOURCE_KEYS):
            self.note(f"{pointer}/{escape(extra)}", f"resource key '{extra}' is not mapped")
        module = f"{types_package}.{parent}" if parent else types_package
        models = tuple(TypeName(pascal(snake(m)), module) for m in _mapping(node.get("models")))
        methods = []
        for method_key, method_value in _mapping(node.get("methods")).items():
            method = self.method(
                name, method_key, method_value, f"{pointer}/methods/{escape(method_key)}", module
            )
            if method is not None:
                methods.append(method)
        children = tuple(
            self.resource(k, v, path, f"{pointer}/subresources/{escape(k)}", types_package)
            for k, v in _mapping(node.get("subresources")).items()
        )
        return ResourceConfig(name, path, pascal(name), tuple(methods), children, models)

    def method(
        self, resource: str, key: str, value: Any, pointer: str, module: str
    ) -> MethodConfig | None:
        options = value if isinstance(value, dict) else {"endpoint": value}
        for extra in sorted(set(options) - _METHOD_KEYS):
            self.note(f"{pointer}/{escape(extra)}", f"method key '{extra}' is not mapped")
        if options.get("skip") is True:
            self.note(
                pointer, f"method '{key}' is skipped (skip: true)", "stainless.skipped", "info"
            )
            return None
        if options.get("type") not in (None, "http"):
            self.note(
                f"{pointer}/type",
                f"method type '{options.get('type')}' is not supported: '{key}' left out",
            )
            return None
        match = _ENDPOINT.match(str(options.get("endpoint", "")))
        if match is None:
            self.note(
                pointer,
                f"method '{key}' has no endpoint of the form 'get /path'",
                "stainless.endpoint",
            )
            return None
        path = match[2]
        parameters = _PATH_PARAMETER.findall(path)
        positional = options.get("positional_params")
        # Without positional_params, Stainless passes the last path parameter by position.
        chosen = [str(p) for p in positional] if isinstance(positional, list) else parameters[-1:]
        name = snake(key)
        stem = pascal(snake(singular(resource))) + pascal(name)
        paginated = options.get("paginated")
        line = self.document.where(pointer).line
        return MethodConfig(
            name,
            match[1].upper(),
            path,
            tuple(chosen),
            tuple(p for p in parameters if p not in chosen),
            True,
            response=TypeName(f"{stem}Response", module),
            params=TypeName(f"{stem}Params", module),
            paginated=paginated if isinstance(paginated, str) else None,
            pagination_disabled=paginated is False,
            deprecated=bool(options.get("deprecated")),
            body_param=_string(options.get("body_param_name")),
            source=f"{self.document.path}:{line}",
        )

    def pagination(self) -> tuple[PaginationScheme, ...]:
        schemes = self.data.get("pagination")
        found = []
        for index, scheme in enumerate(schemes if isinstance(schemes, list) else []):
            entry = _mapping(scheme)
            name = _string(entry.get("name"))
            if name is None:
                self.note(
                    f"/pagination/{index}",
                    "a pagination scheme without a name is left out",
                    "stainless.pagination",
                )
                continue
            found.append(
                PaginationScheme(
                    name,
                    _string(entry.get("type")) or "",
                    None,
                    _purposes(entry.get("request")),
                    _purposes(entry.get("response")),
                )
            )
        return tuple(found)


def _purposes(value: Any) -> tuple[tuple[str, str], ...]:
    """{field: its x-stainless-pagination-property purpose, or its type}."""
    found = []
    for name, schema in _mapping(value).items():
        schema = _mapping(schema)
        purpose = _mapping(schema.get("x-stainless-pagination-property")).get("purpose")
        found.append((str(name), str(purpose or schema.get("type") or "")))
    return tuple(found)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
