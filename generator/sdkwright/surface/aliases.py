"""Runtime type aliases spelled out: `timeout: Timeout` -> `float | httpx.Timeout | None`.

Two SDKs name their runtime aliases differently (`Timeout`, `Headers`, `Body` in a private
`_types.py`) while accepting the same values; users never import those names. So an alias
defined in a private module is replaced by its value before an annotation is normalised.
Public aliases (under `types/`) keep their names: users import them.
"""

from __future__ import annotations

import ast
import copy

from sdkwright.surface.index import Definition, External, Module, PackageIndex

_MAX_EXPANSIONS = 64


def expand_private_aliases(index: PackageIndex, module: Module, node: ast.expr) -> ast.expr:
    """`node` with private aliases replaced by their values (cycles stop the walk): a new
    tree, shared by the annotations spelled the same in the same module (not to be changed)."""
    key = (module.name, ast.dump(node))
    found = index.expanded.get(key)
    if found is None:
        found = _Expander(index, module, frozenset()).visit(copy.deepcopy(node))
        index.expanded[key] = found
    return found


class _Expander(ast.NodeTransformer):
    def __init__(self, index: PackageIndex, module: Module, active: frozenset[str]) -> None:
        self.index, self.module, self.active = index, module, active
        self.budget = _MAX_EXPANSIONS

    def visit_Name(self, node: ast.Name) -> ast.AST:
        return self._expand(node)

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        return self._expand(node)

    def _expand(self, node: ast.Name | ast.Attribute) -> ast.AST:
        found = self.index.resolve_expr(self.module, node)
        builtin = _privately_renamed_builtin(self.index, self.module, node, found)
        if builtin:
            return ast.copy_location(ast.Name(builtin, ast.Load()), node)
        value = _private_alias_value(found)
        key = f"{found.module.name}.{found.name}" if isinstance(found, Definition) else ""
        if (
            value is None
            or key in self.active
            or self.budget <= 0
            or not isinstance(found, Definition)
        ):
            return node
        self.budget -= 1
        inner = _Expander(self.index, found.module, self.active | {key})
        inner.budget = self.budget
        return inner.visit(copy.deepcopy(value))  # type: ignore[no-any-return]


def _privately_renamed_builtin(
    index: PackageIndex, module: Module, node: ast.Name | ast.Attribute, found: object
) -> str:
    """`Body = object` in a private `_types.py`: a rename, which `resolve` answers with the
    builtin itself, so it is no `Definition` to expand; the builtin's name ("" otherwise)."""
    if not (isinstance(found, External) and found.qualname.startswith("builtins.")):
        return ""
    if not isinstance(node, ast.Name) or node.id == found.name:
        return ""
    where = _bound_in(index, module, node.id)
    return found.name if where is not None and _private(where) else ""


def _bound_in(index: PackageIndex, module: Module, name: str) -> Module | None:
    """The module that assigns `name`, following `from x import name` (a few hops)."""
    for _ in range(_MAX_EXPANSIONS):
        if name in module.defs:
            return module
        ref = module.imports.get(name)
        following = index.module(ref.module) if ref is not None and ref.name else None
        if ref is None or ref.name is None or following is None:
            return None
        module, name = following, ref.name
    return None


def _private(module: Module) -> bool:
    return any(part.startswith("_") for part in module.name.split(".")[1:])


def _private_alias_value(found: object) -> ast.expr | None:
    if not isinstance(found, Definition):
        return None
    if not _private(found.module):
        return None
    node = found.node
    if isinstance(node, ast.AnnAssign) and ast.unparse(node.annotation).endswith("TypeAlias"):
        return node.value
    if isinstance(node, ast.Assign) and isinstance(
        node.value, ast.Subscript | ast.BinOp | ast.Name | ast.Attribute
    ):
        return node.value
    return None
