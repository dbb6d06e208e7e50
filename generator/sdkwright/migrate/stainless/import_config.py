"""`sdkwright import-config`: a Stainless config (`stainless.yml`, or a Stainless SDK checkout)
as a target of `sdkwright.yaml`, written or updated in place (config_update.py).

What the target gets: the package and client class; `resources:` (resources, sub-resources,
methods -> endpoints with their positional path parameters, models, and the Stainless type
names the surface of issue 19 reads); `security: {..., env: ...}` when the credential's env var
is not the one the client reads by default (the spec's scheme it names, re-declared with that
variable), `env: false` when the old client reads none for it. What it cannot map is a located warning: the readers' notes, methods whose endpoint
the spec does not have (left out), pagination schemes (sdkwright detects pagination from the
spec), environments, default headers, another credential keyword or base-URL variable.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sdkwright.config_resources import endpoint_key, is_class, is_public_name
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location
from sdkwright.migrate.stainless.stainless_config import read_stainless_config
from sdkwright.migrate.stainless.surface_config import (
    MethodConfig,
    ResourceConfig,
    SurfaceConfig,
)
from sdkwright.migrate.stainless.target import resources_mapping
from sdkwright.migrate.stainless.yaml_marks import Positioned, read_yaml

_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_DEFAULT_CREDENTIAL = "api_key"  # what the generated client calls its primary credential


@dataclass
class Imported:
    target: dict[str, Any]
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_surface(source: Path) -> SurfaceConfig:
    """A Stainless SDK checkout (api.md, stainless.yml, ...) or a `stainless.yml` file."""
    from sdkwright.migrate.stainless import read_repository

    if source.is_dir():
        return read_repository(source)
    read = read_stainless_config(source)
    if isinstance(read, Diagnostic):
        raise GenerationFailed([read])
    if read.package is None:
        where = Location(str(source), pointer="/targets/python/package_name")
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR,
                    "import.package",
                    "stainless.yml names no Python package (targets.python.package_name)",
                    where,
                )
            ]
        )
    return SurfaceConfig(
        read.package,
        read.distribution,
        client=read.client,
        resources=read.resources,
        shared_types=read.shared_types,
        pagination=read.pagination,
        notes=read.notes,
    )


def import_target(
    surface: SurfaceConfig,
    source: Path,
    spec: Path,
    config_folder: Path,
    name: str,
    existing: dict[str, Any] | None,
) -> Imported:
    """The target that reproduces `surface` from `spec`, keeping an existing target's other keys."""
    imported = Imported({})
    imported.diagnostics += [note.diagnostic() for note in surface.notes]
    document = _spec_data(spec)
    where = _Where(source)
    surface = _known_endpoints(surface, document, where, imported.diagnostics)
    client = surface.client
    client_name = client.client_class or "".join(p.capitalize() for p in surface.package.split("_"))
    target: dict[str, Any] = dict(existing or {})
    target.update(
        name=name,
        spec=Path(os.path.relpath(spec, config_folder)).as_posix(),
        output=target.get("output") or surface.package,
        package=surface.package,
        client_name=client_name,
        resources=resources_mapping(surface),
    )
    if client.environments:  # the old client's `environment=` names and URLs, as they were
        target["environments"] = dict(client.environments)
    security = _security(surface, client_name, document, where, imported.diagnostics)
    if security is not None:
        target["security"] = security
    imported.diagnostics += _unmapped_settings(surface, where)
    imported.target = target
    return imported


def _spec_data(spec: Path) -> dict[str, Any]:
    from sdkwright.spec.load import load_document

    data = load_document(spec).data
    return data if isinstance(data, dict) else {}


def _known_endpoints(
    surface: SurfaceConfig, spec: dict[str, Any], where: _Where, diagnostics: list[Diagnostic]
) -> SurfaceConfig:
    """Only the methods whose endpoint the spec has (a warning for each other one); page
    classes kept only where they are class names (the config's check)."""
    paths: dict[str, Any] = spec["paths"] if isinstance(spec.get("paths"), dict) else {}
    known = {
        endpoint_key(method, path)
        for path, item in paths.items()
        if isinstance(item, dict)
        for method in item
        if method in _HTTP_METHODS
    }

    def kept(methods: tuple[MethodConfig, ...]) -> tuple[MethodConfig, ...]:
        found = []
        for method in methods:
            if endpoint_key(method.http_method, method.path) not in known:
                diagnostics.append(_left_out(method))
                continue
            if method.paginated and not is_class(method.paginated):
                method = replace(method, paginated=None)
            name = _public(method.name, _source(method.source), diagnostics)
            found.append(replace(method, name=name))
        return tuple(found)

    def node(resource: ResourceConfig) -> ResourceConfig:
        children = tuple(node(child) for child in resource.children)
        pointer = "/resources/" + "/subresources/".join(resource.path.split("."))
        name = _public(resource.name, where.location(pointer), diagnostics)
        return replace(resource, name=name, methods=kept(resource.methods), children=children)

    return replace(
        surface,
        resources=tuple(node(r) for r in surface.resources),
        root_methods=kept(surface.root_methods),
    )


def _public(name: str, source: Location, diagnostics: list[Diagnostic]) -> str:
    """`name` as a name users call (config_resources.is_public_name): a Python keyword gets a
    trailing '_' (as Stainless spells it), other characters become '_', with a warning."""
    if is_public_name(name):
        return name
    safe = re.sub(r"\W", "_", name.lower()).lstrip("_") or "resource"
    safe = f"n{safe}" if safe[0].isdigit() else safe
    while not is_public_name(safe):
        safe += "_"
    message = f"'{name}' is not a Python name: written as '{safe}'"
    diagnostics.append(Diagnostic(Level.WARNING, "import.renamed", message, source))
    return safe


def _source(source: str) -> Location:
    file, _, line = source.rpartition(":")
    return Location(file or source, int(line) if line.isdigit() else 0)


def _left_out(method: MethodConfig) -> Diagnostic:
    where = _source(method.source)
    return Diagnostic(
        Level.WARNING,
        "import.unknown-endpoint",
        f"method '{method.name}' maps '{method.endpoint}', which the spec does not have: left out",
        where,
    )


def _security(
    surface: SurfaceConfig,
    client_name: str,
    spec: dict[str, Any],
    where: _Where,
    diagnostics: list[Diagnostic],
) -> dict[str, str | bool] | None:
    """The spec's scheme re-declared with the credential's env var, when that is not the
    client's default (`<PREFIX>_API_KEY`); with `env: false` when the old client's credential
    option reads none (a Stainless option without `read_env`: the client takes the
    credential, or goes without it)."""
    from sdkwright.targets.python.naming.identifiers import env_prefix

    client = surface.client
    option = next((o for o in client.options if o.credential), None)
    env: str | bool = client.credential_env or ""
    if option is not None and not option.env and not env:
        env = False  # known to read no variable (the README alone cannot say: no option)
    elif not env or env == f"{env_prefix(client_name)}_API_KEY":
        return None
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    scheme = schemes.get(option.security_scheme) if option and option.security_scheme else None
    if not isinstance(scheme, dict) and len(schemes) == 1:
        scheme = next(iter(schemes.values()))
    declared = _declared(scheme) if isinstance(scheme, dict) else None
    if declared is None:
        said = f"env var {env}" if env else "reading no env var"
        message = f"the credential's {said} is not mapped: the spec has no bearer or API key scheme for it"
        diagnostics.append(where.warning("/client_settings/opts", message))
        return None
    return {**declared, "env": env}


def _declared(scheme: dict[str, Any]) -> dict[str, str] | None:
    kind = scheme.get("type")
    if kind == "apiKey" and scheme.get("in") in ("header", "query", "cookie"):
        return {"scheme": "api_key", "in": str(scheme["in"]), "name": str(scheme.get("name"))}
    if kind in ("oauth2", "openIdConnect") or (
        kind == "http" and str(scheme.get("scheme")).lower() == "bearer"
    ):
        return {"scheme": "bearer"}
    return None


def _unmapped_settings(surface: SurfaceConfig, where: _Where) -> list[Diagnostic]:
    client = surface.client
    found = []
    if surface.pagination:
        names = ", ".join(s.name for s in surface.pagination)
        message = (
            f"pagination schemes ({names}) are not mapped: sdkwright detects pagination "
            "from the spec's parameters and responses"
        )
        found.append(where.warning("/pagination", message))
    if client.default_headers:
        found.append(where.warning("/client_settings", "default headers are not mapped"))
    if client.credential and client.credential != _DEFAULT_CREDENTIAL:
        message = (
            f"the credential keyword '{client.credential}' is not mapped: the client takes "
            f"{_DEFAULT_CREDENTIAL}="
        )
        found.append(where.warning(f"/client_settings/opts/{client.credential}", message))
    if client.base_url_env:
        message = f"the base URL's env var {client.base_url_env} is not mapped"
        found.append(where.warning("/client_settings", message))
    return found


class _Where:
    """Locations in the Stainless config the import read (stainless.yml, by JSON pointer)."""

    def __init__(self, source: Path) -> None:
        from sdkwright.migrate.stainless import CONFIG_PLACES

        places = [source / p for p in CONFIG_PLACES] if source.is_dir() else [source]
        found = next((p for p in places if p.is_file()), None)
        read = read_yaml(found) if found is not None else None
        self.document = read if isinstance(read, Positioned) else None
        self.source = source

    def location(self, pointer: str) -> Location:
        if self.document is None:
            return Location(str(self.source))
        return self.document.where(pointer, key=True)

    def warning(self, pointer: str, message: str) -> Diagnostic:
        return Diagnostic(Level.WARNING, "import.unmapped", message, self.location(pointer))
