"""The files of an SDK as data: which template renders each, with what context.

A `Page` is one file from one template. Pages that read the whole Api (the client, the
package's `__init__`, README, ...) are rendered every run. A `Unit` groups the pages of one
definition or one resource group: the render cache (`sdkwright.cache.render_cache`) keeps its
files under `key` and reuses them while nothing the unit read has changed, so its pages are
worked out from the definitions the cache lets it read, and its templates read the Api through
a recording proxy (`recording.py`). The driver (`render.py`) renders them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sdkwright import flavours
from sdkwright.flavours.model_types import ModelType
from sdkwright.ir.nodes import Alias, Api, Definition, Named, ResourceGroup
from sdkwright.release.licenses import license_text
from sdkwright.targets.python import pytext
from sdkwright.targets.python.body_params import SUFFIX, is_param
from sdkwright.targets.python.recording import api_fact
from sdkwright.targets.python.runtime_files import has_aiohttp, runtime_files, source_text
from sdkwright.targets.python.views import payload_tests
from sdkwright.targets.python.views.definitions import cyclic_neighbours
from sdkwright.targets.python.views.imports import definition_imports, group_imports, test_imports
from sdkwright.targets.python.views.methods import MethodContext, method_context, with_test_classes
from sdkwright.targets.python.views.package_exports import (
    error_root,
    export_order,
    imports_by_module,
    package_exports,
)
from sdkwright.targets.python.views.pagination import async_page_class, page_parts

Definitions = Mapping[str, Definition]


@dataclass(frozen=True)
class Page:
    """One file: its path in the SDK, its template, and its own context (besides the common
    context every template sees, `common_context`)."""

    path: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


Pages = tuple[Page, ...]
# A unit's pages from the definitions it may read, in full and shallow (names, modules and
# kinds only: enough to import a definition), and the value it leaves for later pages.
PagesOf = Callable[[Definitions, Definitions], tuple[Pages, Any]]


@dataclass(frozen=True)
class Unit:
    """Pages rendered and cached together: `key` is all they depend on besides what they
    read of the definitions and the Api (recorded), and `reads` names the definitions they
    read without looking them up."""

    key: object
    pages: PagesOf
    reads: tuple[str, ...] = ()
    group: ResourceGroup | None = None  # whose method contexts the unit leaves


@dataclass(frozen=True)
class Layout:
    """Every file of an SDK, in order."""

    pages: Pages  # read the whole Api
    # Written as they are (the runtime, py.typed, a models module from a library).
    files: Mapping[str, str]
    units: tuple[Unit, ...]
    # Pages that list every group's methods: their context has `groups_calls`, the
    # (group, method contexts) the group units left.
    summaries: Pages
    closing: Pages


def banner(api: Api, comment: str = "#") -> str:
    source = pytext.comment_text(Path(api.source_name).name)
    text = f"File generated from {source} by sdkwright. Do not edit: regenerate it instead."
    return f"<!-- {text} -->" if comment == "<!--" else f"{comment} {text}"


def common_context(api: Api, plan: flavours.Plan) -> dict[str, Any]:
    """What every template sees (the driver adds `definitions`)."""
    return {
        "api": api,
        "package": pytext.identifier(api.package),
        "banner": banner(api),
        # What templates may ask of the flavour (sdkwright.flavours.Plan): `plan.asynchronous`,
        # `plan.folders` (`{% extends plan.folders[1] ~ ":NAME" %}` reaches the next one), ...
        "plan": plan,
        # The clients to write: templates loop over these for sync and async code.
        "modes": ("sync", "async") if plan.asynchronous else ("sync",),
        "prefixes": ("Async", "") if plan.asynchronous else ("",),
        "aiohttp": has_aiohttp(plan),  # DefaultAioHttpClient (runtime/_aiohttp.py)
    }


def init_context(api: Api, plan: flavours.Plan) -> dict[str, Any]:
    """The package `__init__`'s exports: by name (its lazy table), by module, in `__all__`."""
    exports = package_exports(api, plan, has_aiohttp(plan))
    return {
        "exports": exports,
        "exports_by_module": imports_by_module(exports),
        "exports_sorted": sorted(exports, key=export_order),
    }


def layout(api: Api, plan: flavours.Plan, definitions: Definitions) -> Layout:
    package = pytext.identifier(api.package)
    pages: Pages = (
        Page(f"{package}/__init__.py", "__init__.py.jinja", init_context(api, plan)),
        Page(f"{package}/_client.py", "_client.py.jinja"),
        Page(f"{package}/_version.py", "_version.py.jinja"),
        Page(f"{package}/resources/__init__.py", "resources/__init__.py.jinja"),
        Page(f"{package}/types/__init__.py", "types/__init__.py.jinja"),
    )
    pages += type_export_pages(api, package) + page_class_pages(api, package)
    # The runtime, copied from its source (`runtime_files`), and the typing marker.
    files = {**runtime_files(plan, package, banner(api)), f"{package}/py.typed": ""}
    if api.surface == "stainless" and plan.transport == "http_httpx.py":  # DefaultHttpxClient
        files[f"{package}/_httpx_clients.py"] = f"{banner(api)}\n{source_text('_httpx_clients.py')}"
    root = error_root(api)
    if root is not None and f"{package}/_error_root.py" in files:  # a root class of its own
        del files[f"{package}/_error_root.py"]
        pages += (Page(f"{package}/_error_root.py", "_error_root.py.jinja", {"error_root": root}),)
    if api.webhooks:  # what the API sends: parsed (and verified) by `client.webhooks`
        pages += (Page(f"{package}/webhooks.py", "webhooks.py.jinja"),)
        files[f"{package}/_webhooks.py"] = f"{banner(api)}\n{source_text('_webhooks.py')}"
    files["LICENSE"] = license_text(api.release.license, api.release.holder)
    units: list[Unit] = []
    writer = plan.model_writer
    if writer is not None:  # one module of every model, not a template's
        files[f"{package}/types/{writer.module}.py"] = writer.render(api, banner(api))
    else:
        units += definition_units(api, package, definitions)
    units += (
        Unit(("group", group), partial(_group_pages, package, group, plan.models), group=group)
        for group in api.groups
    )
    # Pages that list every group's methods; the client's tests call through one of them.
    summaries = (
        *(
            Page(name, f"{name}.jinja", {"banner": banner(api, "<!--")})
            for name in ("README.md", "api.md")
        ),
        Page("tests/test_client.py", "tests/test_client.py.jinja"),
        # Runs every Python snippet of the README (views.readme).
        Page("tests/test_readme.py", "tests/test_readme.py.jinja", {"banner": banner(api)}),
    )
    closing: Pages = (
        Page("tests/__init__.py", "tests/__init__.py.jinja"),
        Page("tests/conftest.py", "tests/conftest.py.jinja"),
        Page("tests/test_client_options.py", "tests/test_client_options.py.jinja"),
        Page("pyproject.toml", "pyproject.toml.jinja"),
    )
    if api.webhooks:  # the payloads' tests: a webhook-only spec's SDK has no other
        context = {"payloads": payload_tests.payload_tests(api, definitions, plan.models)}
        path = f"tests/test_{payload_tests.MODULE}.py"
        closing += (Page(path, f"tests/test_{payload_tests.MODULE}.py.jinja", context),)
    return Layout(pages, files, tuple(units), summaries, closing)


def type_export_pages(api: Api, package: str) -> Pages:
    """A package below `types` per folder the Stainless surface exports names from: with
    each model its `<Model>Param` TypedDict where a request takes one (`body_params`), as
    Stainless exports both from the model's package."""
    modules = {d.name: d.module for d in api.definitions}
    params = {d.name for d in api.definitions if is_param(d)}
    pages = []
    for folder, exported_names in api.type_exports:
        names = [*exported_names]
        names += [(e + SUFFIX, d + SUFFIX) for e, d in exported_names if d + SUFFIX in params]
        entries = [(modules[d], d, exported) for exported, d in sorted(names) if d in modules]
        context = {"folder": folder, "names": entries, "dots": "." * (folder.count("/") + 2)}
        pages.append(
            Page(f"{package}/types/{folder}/__init__.py", "types/exports.py.jinja", context)
        )
    return tuple(pages) + union_module_pages(api, package)


def union_module_pages(api: Api, package: str) -> Pages:
    """A module per union a folder below `types` exports whose variants have Stainless names
    (`Alias.variant_names`), where Stainless puts the union (`types/v1/structured_action.py`):
    it re-exports the union and those names from the union's module, so that
    `from <package>.types.v1.structured_action import OpenChart` works as it did."""
    unions = {d.name: d for d in api.definitions if isinstance(d, Alias) and d.variant_names}
    folders = {folder for folder, _ in api.type_exports}
    pages = []
    for folder, exported_names in api.type_exports:
        for exported, name in exported_names:
            union = unions.get(name)
            if not folder or union is None or exported != name:
                continue
            if f"{folder}/{union.module}" in folders:  # a package of that name is there
                continue
            names = [name, *(bound for bound, _ in union.variant_names)]
            context = {"module": union.module, "names": names, "folder": folder}
            context["dots"] = "." * (folder.count("/") + 2)
            path = f"{package}/types/{folder}/{union.module}.py"
            pages.append(Page(path, "types/union_module.py.jinja", context))
    return tuple(pages)


def page_class_pages(api: Api, package: str) -> Pages:
    """`pagination.py`: the page classes the config names (`paginated:`), each the envelope
    of the first list method that uses it (the Stainless surface's)."""
    definitions = {d.name: d for d in api.definitions}
    found: dict[str, dict[str, object]] = {}
    for op in api.operations:
        paging = op.pagination
        envelope = op.success.type
        if paging is None or not paging.page_class or not isinstance(envelope, Named):
            continue
        found.setdefault(
            paging.page_class,
            {
                "sync_class": paging.page_class,
                "async_class": async_page_class(paging.page_class),
                "envelope": envelope.name,
                "module": definitions[envelope.name].module,
                "items_attribute": paging.items.attributes[0],
                "parts": page_parts(paging, definitions[envelope.name], definitions),
            },
        )
    if not found:
        return ()
    context = {"pages": [found[name] for name in sorted(found)]}
    return (Page(f"{package}/pagination.py", "pagination.py.jinja", context),)


def definition_units(api: Api, package: str, definitions: Definitions) -> list[Unit]:
    """A module per definition: it reads its definition in full (named, not held, by the
    key: each definition is fingerprinted once a run) and the names of those it imports."""
    cycles = cyclic_neighbours(definitions)
    stainless = api.surface == "stainless"
    units = []
    for definition in api.definitions:
        path = f"{package}/types/{definition.module}.py"
        imports = definition_imports(definition, cycles, definitions, stainless)
        page = Page(path, "types/definition.py.jinja", {"d": definition, "imports": imports})
        key = (path, definition.name, imports)
        units.append(Unit(key, partial(_fixed, (page,)), reads=(definition.name,)))
    return units


def _fixed(pages: Pages, definitions: Definitions, names: Definitions) -> tuple[Pages, None]:
    return pages, None


def _group_pages(
    package: str,
    group: ResourceGroup,
    models: ModelType,
    definitions: Definitions,
    names: Definitions,
) -> tuple[Pages, list[MethodContext]]:
    """A resource group's module and tests, and its method contexts (README lists them).
    Imports read only the names of the definitions they import."""
    stainless = api_fact(definitions, "surface", "sdkwright") == "stainless"
    calls = with_test_classes(
        [method_context(op, definitions, models, stainless=stainless) for op in group.operations]
    )
    context = {"group": group, "calls": calls}
    module = Page(
        f"{package}/resources/{group.module}.py",
        "resources/group.py.jinja",
        {**context, "imports": group_imports(group, names, models.enums_are_literals)},
    )
    if not calls:  # a resource that only holds sub-resources has nothing to test
        return (module,), calls
    tests = Page(
        f"tests/test_{group.module}.py",
        "tests/test_group.py.jinja",
        {**context, "imports": test_imports(calls, names)},
    )
    return (module, tests), calls
