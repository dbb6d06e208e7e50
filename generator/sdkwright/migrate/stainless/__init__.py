"""Read a Stainless-generated Python SDK repository into a surface config.

    from sdkwright.migrate.stainless import read_repository
    config = read_repository(Path("clear-street-python"))   # a checkout; nothing is executed
    config.resources[0].walk()        # v1, v1.accounts, ..., v1.omni_ai.threads
    config.notes                      # located warnings: what could not be read or mapped

`api.md` is the primary source (it spells every name the SDK has); `stainless.yml` (at the root
or in `.stainless/`) adds what api.md does not say (pagination schemes, `paginated: false`,
deprecations, body parameter names) and is the source when api.md is absent; disagreements are
notes. The package's own source gives the client settings and the exact params class names.
`surface_config` documents the data; `target` turns it into an `sdkwright.yaml` target.
"""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

from sdkwright.diagnostics import Diagnostic
from sdkwright.migrate.stainless.apimd import ApiMd, read_api_md
from sdkwright.migrate.stainless.naming import snake
from sdkwright.migrate.stainless.repo import (
    embedded_spec,
    next_version,
    read_client,
    read_pyproject,
    read_stats,
)
from sdkwright.migrate.stainless.stainless_config import StainlessConfig, read_stainless_config
from sdkwright.migrate.stainless.surface_config import (
    ClientSettings,
    MethodConfig,
    Note,
    PaginationScheme,
    ResourceConfig,
    SurfaceConfig,
)

__all__ = ["embedded_spec", "read_repository"]

_PARAMS_LINK = re.compile(r'\\?\*\\?\*<a href="([^"]+\.py)">params</a>')
CONFIG_PLACES = ("stainless.yml", ".stainless/stainless.yml")


def read_repository(folder: Path, package: str | None = None) -> SurfaceConfig:
    notes: list[Note] = []
    sources: list[str] = []
    distribution, version, declared, found = read_pyproject(folder)
    notes += found
    package = (
        package
        or declared
        or _src_package(folder)
        or (snake(distribution) if distribution else None)
    )
    if package is None:
        notes.append(
            Note(
                "stainless.package",
                "cannot tell the package's import name",
                str(folder),
                level="error",
            )
        )
        package = "package"
    stats, found = read_stats(folder)
    notes += found
    stainless = _stainless(folder, package, notes, sources)
    api = _api_md(folder, package, sources)
    if api is not None:
        notes += api.notes
    client, found = read_client(folder, package)
    notes += found
    _, spec_source, found = embedded_spec(folder)
    notes += found
    resources, root = _resources(api, stainless, folder, notes)
    config = SurfaceConfig(
        package,
        distribution or (stainless.distribution if stainless else None),
        version,
        next_version(version),
        stats.get("configured_endpoints")
        if isinstance(stats.get("configured_endpoints"), int)
        else None,
        _client(client, stainless.client if stainless else None),
        resources,
        root,
        api.shared_types if api else (stainless.shared_types if stainless else ()),
        _pagination(stainless, api),
        spec_source,
        tuple(sources),
    )
    endpoints = len(config.methods())
    if config.configured_endpoints is not None and config.configured_endpoints != endpoints:
        message = f".stats.yml says {config.configured_endpoints} endpoints, {endpoints} methods were read"
        notes.append(Note("stainless.endpoint-count", message, str(folder / ".stats.yml")))
    return replace(config, notes=tuple(notes))


def _src_package(folder: Path) -> str | None:
    src = folder / "src"
    found = [p.name for p in src.iterdir() if (p / "__init__.py").is_file()] if src.is_dir() else []
    return found[0] if len(found) == 1 else None


def _stainless(
    folder: Path, package: str, notes: list[Note], sources: list[str]
) -> StainlessConfig | None:
    path = next((folder / p for p in CONFIG_PLACES if (folder / p).is_file()), None)
    if path is None:
        return None
    sources.append(str(path))
    read = read_stainless_config(path, package)
    if isinstance(read, Diagnostic):
        where = read.location
        notes.append(
            Note(
                read.code,
                read.message,
                where.file if where else str(path),
                where.line if where else 0,
                where.column if where else 0,
            )
        )
        return None
    notes += read.notes
    return read


def _api_md(folder: Path, package: str, sources: list[str]) -> ApiMd | None:
    path = folder / "api.md"
    if not path.is_file():
        return None
    sources.append(str(path))
    text = path.read_text(encoding="utf-8", errors="replace")
    return read_api_md(path, package, _params_names(folder, text))


def _params_names(folder: Path, api_md: str) -> dict[str, str]:
    """The params class each linked params file defines (read from the source when present)."""
    names: dict[str, str] = {}
    root = folder.resolve()
    for href in sorted(set(_PARAMS_LINK.findall(api_md))):
        path = (folder / href.removeprefix("./")).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            continue
        try:
            tree = ast.parse(path.read_bytes())
        except (SyntaxError, ValueError, OSError, RecursionError):
            continue
        classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
        stem = path.stem
        match = next((c for c in classes if snake(c) == stem), None)
        if match:
            names[href] = match
    return names


def _resources(
    api: ApiMd | None, stainless: StainlessConfig | None, folder: Path, notes: list[Note]
) -> tuple[tuple[ResourceConfig, ...], tuple[MethodConfig, ...]]:
    if api is None and stainless is None:
        notes.append(
            Note(
                "stainless.no-surface",
                "neither api.md nor stainless.yml: no resources to read",
                str(folder),
                level="error",
            )
        )
        return (), ()
    if api is None:
        assert stainless is not None
        return stainless.resources, ()
    if stainless is None:
        return api.resources, api.root_methods
    configured = {
        m.endpoint: m for top in stainless.resources for node in top.walk() for m in node.methods
    }
    listed = {m.endpoint for top in api.resources for node in top.walk() for m in node.methods}
    listed |= {m.endpoint for m in api.root_methods}
    for endpoint in sorted(configured.keys() - listed):
        method = configured[endpoint]
        notes.append(
            _located(
                method.source,
                "stainless.config-only",
                f"'{endpoint}' ({method.name}) is in stainless.yml, not in api.md: left out",
            )
        )
    resources = tuple(_merge(top, configured, notes) for top in api.resources)
    return resources, api.root_methods


def _merge(
    node: ResourceConfig, configured: dict[str, MethodConfig], notes: list[Note]
) -> ResourceConfig:
    methods = []
    for method in node.methods:
        config = configured.get(method.endpoint)
        if config is None:
            notes.append(
                _located(
                    method.source,
                    "stainless.api-md-only",
                    f"'{method.endpoint}' is in api.md, not in stainless.yml",
                )
            )
            methods.append(method)
            continue
        if config.name != method.name:
            notes.append(
                _located(
                    method.source,
                    "stainless.renamed",
                    f"stainless.yml names '{method.endpoint}' '{config.name}', api.md '{method.name}': api.md kept",
                )
            )
        methods.append(
            replace(
                method,
                pagination_disabled=config.pagination_disabled,
                deprecated=config.deprecated,
                body_param=config.body_param,
            )
        )
    children = tuple(_merge(child, configured, notes) for child in node.children)
    return replace(node, methods=tuple(methods), children=children)


def _located(source: str, code: str, message: str) -> Note:
    file, _, line = source.rpartition(":")
    return Note(
        code,
        message,
        file or source,
        int(line) if line.isdigit() else 0,
        1 if line.isdigit() else 0,
    )


def _client(found: ClientSettings, configured: ClientSettings | None) -> ClientSettings:
    """The source's settings, gaps filled from stainless.yml."""
    if configured is None:
        return found
    return ClientSettings(
        found.client_class or configured.client_class,
        found.async_client_class or configured.async_client_class,
        found.credential or configured.credential,
        found.credential_env or configured.credential_env,
        found.base_url_env or configured.base_url_env,
        found.environments or configured.environments,
        found.default_headers or configured.default_headers,
        configured.options or found.options,
    )


def _pagination(
    stainless: StainlessConfig | None, api: ApiMd | None
) -> tuple[PaginationScheme, ...]:
    """stainless.yml's schemes, with api.md's page classes: one class and one scheme pair up;
    page classes left over become schemes of their own (type unknown)."""
    schemes = list(stainless.pagination) if stainless else []
    pages = list(api.page_classes) if api else []
    if len(schemes) == 1 and len(pages) == 1:
        return (replace(schemes[0], page_class=pages[0]),)
    return tuple(schemes) + tuple(PaginationScheme(page, page_class=page) for page in pages)
