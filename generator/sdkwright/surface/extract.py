"""`extract_surface(folder)`: the public surface of the Python package in a folder, statically.

Works on Stainless's layout (`src/<pkg>/`, `_client.py` with `cached_property` resources,
`resources/<path>/`, `types/<path>/` re-exported by each folder's `__init__`, `pagination.py`)
and on sdkwright's (`<pkg>/`, lazy `__getattr__` tables behind `TYPE_CHECKING` imports,
`_pagination.py`), and on anything else built from the same Python constructs.
"""

from __future__ import annotations

import ast
from pathlib import Path

from sdkwright.surface.classes import ancestor_names, class_node, is_client, is_error, type_kind
from sdkwright.surface.index import (
    Definition,
    External,
    Module,
    ModuleRef,
    PackageIndex,
    SurfaceError,
    find_package,
)
from sdkwright.surface.model import Client, ErrorClass, Export, PageClass, Surface
from sdkwright.surface.resources import ResourceReader
from sdkwright.surface.typedefs import TypeReader, is_types_module

_PAGE_MODULES = ("pagination", "_pagination")


def extract_surface(folder: Path, package: str | None = None) -> Surface:
    """The surface of the package in `folder` (the package itself or a project holding it).

    Raises `index.SurfaceError` when there is no package to read; anything unreadable inside
    one is a warning in `Surface.warnings`.
    """
    package_folder, name = find_package(folder, package)
    index = PackageIndex(package_folder, name)
    top = index.module(name)
    if top is None:
        raise SurfaceError(f"{package_folder / '__init__.py'} cannot be read")
    pages = _pages(index)
    reader = ResourceReader(index, frozenset(page.name for page in pages))
    exports, clients, errors = _top_level(index, reader, top, {page.name for page in pages})
    types = TypeReader(index)
    types.read_public()
    types.follow_references(reader.annotations)
    return Surface(
        name,
        tuple(clients),
        tuple(exports),
        types.types(),
        tuple(errors),
        tuple(pages),
        _version(index, top),
        tuple(index.warnings),
    )


def _top_level(
    index: PackageIndex, reader: ResourceReader, module: Module, page_names: set[str]
) -> tuple[list[Export], list[Client], list[ErrorClass]]:
    exports: list[Export] = []
    errors: list[ErrorClass] = []
    client_names: dict[str, list[str]] = {}  # definition -> exported names
    definitions: dict[str, Definition] = {}
    for name in _top_names(index, module):
        found = index.resolve(module, name)
        kind = _export_kind(index, found, page_names)
        exports.append(Export(name, kind))
        if kind == "client" and isinstance(found, Definition):
            key = f"{found.module.name}.{found.name}"
            client_names.setdefault(key, []).append(name)
            definitions[key] = found
        elif kind == "error" and isinstance(found, Definition):
            errors.append(ErrorClass(name, module.name, tuple(ancestor_names(index, found))))
    clients = []
    for key, names in sorted(client_names.items()):
        found = definitions[key]
        primary = found.name if found.name in names else names[0]
        aliases = tuple(sorted(n for n in names if n != primary))
        clients.append(reader.client(primary, found, aliases))
    return exports, clients, errors


def _top_names(index: PackageIndex, module: Module) -> list[str]:
    """The package's exports plus the dunder values it assigns (`__version__`): `from pkg import
    __version__` works whether or not `__all__` lists it."""
    names = index.exports(module)
    dunders = [
        name
        for name, node in module.defs.items()
        if isinstance(node, ast.Assign | ast.AnnAssign)
        and name.startswith("__")
        and name.endswith("__")
        and name not in ("__all__", *names)
    ]
    return names + sorted(dunders)


def _export_kind(index: PackageIndex, found: object, page_names: set[str]) -> str:
    if isinstance(found, ModuleRef):
        return "module"
    if isinstance(found, External):
        return "external"
    if not isinstance(found, Definition):
        return "unknown"
    if isinstance(found.node, ast.FunctionDef | ast.AsyncFunctionDef):
        return "function"
    if class_node(found) is None:
        return "type" if is_types_module(found.module.name) else "value"
    if found.name in page_names:
        return "page"
    if is_error(index, found):
        return "error"
    if is_client(index, found) and _has_resources_or_methods(found):
        return "client"
    return "type" if type_kind(index, found) != "class" else "class"


def _has_resources_or_methods(found: Definition) -> bool:
    node = class_node(found)
    return node is not None and any(
        isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef) and not s.name.startswith("_")
        for s in node.body
    )


def _pages(index: PackageIndex) -> list[PageClass]:
    pages = []
    for name in sorted(index.modules):
        module = index.modules[name]
        if name.rpartition(".")[2] not in _PAGE_MODULES:
            continue
        for exported in index.exports(module):
            found = index.resolve(module, exported)
            node = class_node(found)
            if node is None or not isinstance(found, Definition) or found.module is not module:
                continue
            parameters = _type_parameters(node)
            if parameters:
                is_async = exported.startswith("Async") or any(
                    "Async" in n for n in ancestor_names(index, found)
                )
                pages.append(PageClass(exported, name, is_async, parameters))
    return pages


def _type_parameters(node: ast.ClassDef) -> int:
    """How many type arguments a generic class takes (its `Generic[...]`, else its bases')."""
    counts: list[int] = []
    for base in node.bases:
        if isinstance(base, ast.Subscript):
            arguments = base.slice.elts if isinstance(base.slice, ast.Tuple) else [base.slice]
            if ast.unparse(base.value).rpartition(".")[2] == "Generic":
                return len(arguments)
            counts.append(len(arguments))
    return max(counts, default=0)


def _version(index: PackageIndex, module: Module) -> str | None:
    found = index.resolve(module, "__version__")
    if isinstance(found, Definition) and isinstance(found.node, ast.Assign | ast.AnnAssign):
        value = found.node.value
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return value.value
    return None
