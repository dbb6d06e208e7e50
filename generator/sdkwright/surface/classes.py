"""What a class is, from its bases: a client, a resource, an error, a page, a model..."""

from __future__ import annotations

import ast

from sdkwright.surface.index import Definition, External, PackageIndex

_MAX_ANCESTORS = 64


def class_node(found: object) -> ast.ClassDef | None:
    if isinstance(found, Definition) and isinstance(found.node, ast.ClassDef):
        return found.node
    return None


def base_definitions(index: PackageIndex, found: Definition) -> list[Definition | External]:
    """The direct bases of a class, resolved (unresolvable ones are left out)."""
    node = class_node(found)
    if node is None:
        return []
    bases: list[Definition | External] = []
    for base in node.bases:
        resolved = index.resolve_expr(found.module, base)
        if isinstance(resolved, Definition | External):
            bases.append(resolved)
    return bases


def ancestry(index: PackageIndex, found: Definition) -> list[Definition | External]:
    """Every ancestor of a class, nearest first, each once (cycles and runaway chains cut)."""
    seen: set[str] = set()
    ordered: list[Definition | External] = []
    queue: list[Definition | External] = list(base_definitions(index, found))
    while queue and len(ordered) < _MAX_ANCESTORS:
        current = queue.pop(0)
        key = qualname(current)
        if key in seen:
            continue
        seen.add(key)
        ordered.append(current)
        if isinstance(current, Definition):
            queue.extend(base_definitions(index, current))
    return ordered


def qualname(found: Definition | External) -> str:
    if isinstance(found, External):
        return found.qualname
    return f"{found.module.name}.{found.name}"


def ancestor_names(index: PackageIndex, found: Definition) -> list[str]:
    """The last component of every ancestor's name: `['BaseResponse', 'BaseModel', ...]`."""
    return [qualname(a).rpartition(".")[2] for a in ancestry(index, found)]


def is_error(index: PackageIndex, found: Definition) -> bool:
    return any(name in ("Exception", "BaseException") for name in ancestor_names(index, found))


def is_client(index: PackageIndex, found: Definition) -> bool:
    """An API client: it derives from the runtime's `...APIClient`/`...BaseClient` class."""
    return any(name.endswith(("APIClient", "BaseClient")) for name in ancestor_names(index, found))


def type_kind(index: PackageIndex, found: Definition) -> str:
    """model | typeddict | enum | class, for a class definition."""
    names = set(ancestor_names(index, found))
    node = class_node(found)
    if "TypedDict" in names:
        return "typeddict"
    if names & {"Enum", "StrEnum", "IntEnum", "Flag", "IntFlag"}:
        return "enum"
    decorated = node is not None and any(
        _decorator_name(d) in ("dataclass", "dataclasses.dataclass") for d in node.decorator_list
    )
    if names & {"BaseModel", "GenericModel", "Struct"} or decorated:
        return "model"
    return "class"


def _decorator_name(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    return ast.unparse(node)
