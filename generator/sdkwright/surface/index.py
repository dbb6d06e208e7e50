"""A package's modules, read statically: what each binds, exports and imports, and where a
name really comes from.

Nothing is imported or executed: an old SDK checkout is untrusted and may not even install.
`PackageIndex.resolve` follows a name through re-exports (`from .x import Y as Y`, `__all__`),
imports under `if TYPE_CHECKING:`, aliases (`Client = ClearStreet`), lazy module tables (a dict
of name -> module that the package's `__getattr__` reads) and star imports, to the statement
that defines it, or to the module outside the package it comes from.

Unreadable input is a warning, never a crash: files over `MAX_FILE_BYTES`, files that do not
parse, symlinks (which could lead outside the folder) are skipped and named in `warnings`.
"""

from __future__ import annotations

import ast
import builtins
import os
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILE_BYTES = 4_000_000
MAX_FILES = 20_000
_MAX_DEPTH = 40
_NOT_PACKAGES = {"tests", "test", "docs", "examples", "scripts", "bin", "build", "dist"}


class SurfaceError(Exception):
    """The folder holds no package that can be read (message says why)."""


@dataclass(frozen=True)
class ImportRef:
    module: str  # absolute dotted name
    name: str | None  # None: the module itself (`import a.b as c`)


@dataclass
class Module:
    name: str
    path: Path
    is_package: bool
    tree: ast.Module
    imports: dict[str, ImportRef] = field(default_factory=dict)
    defs: dict[str, ast.stmt] = field(default_factory=dict)
    all: tuple[str, ...] | None = None
    lazy: dict[str, str] = field(default_factory=dict)  # name -> absolute module
    stars: list[str] = field(default_factory=list)  # modules imported with `*`


@dataclass(frozen=True)
class Definition:
    module: Module
    name: str
    node: ast.stmt


@dataclass(frozen=True)
class External:
    qualname: str  # "pydantic.BaseModel", "builtins.Exception"

    @property
    def name(self) -> str:
        return self.qualname.rpartition(".")[2]


@dataclass(frozen=True)
class ModuleRef:
    module: Module


Resolved = Definition | External | ModuleRef


def find_package(folder: Path, package: str | None = None) -> tuple[Path, str]:
    """The package folder and import name in `folder`: the package itself, or a project
    holding it as `src/<name>/` or `<name>/`. Several candidates need `package` to choose."""
    if (folder / "__init__.py").is_file() and package in (None, folder.name):
        return folder, folder.name
    roots = [folder / "src", folder]
    if package is not None:
        for root in roots:
            if (root / package / "__init__.py").is_file():
                return root / package, package
        raise SurfaceError(f"no package '{package}' in {folder} (looked in src/ and the folder)")
    for root in roots:
        found = sorted(
            child
            for child in (root.iterdir() if root.is_dir() else ())
            if child.is_dir()
            and not child.is_symlink()
            and (child / "__init__.py").is_file()
            and child.name not in _NOT_PACKAGES
            and not child.name.startswith((".", "_"))
        )
        with_client = [child for child in found if (child / "_client.py").is_file()]
        chosen = with_client or found
        if len(chosen) == 1:
            return chosen[0], chosen[0].name
        if len(chosen) > 1:
            names = ", ".join(child.name for child in chosen)
            raise SurfaceError(f"several packages in {root} ({names}): name one with --package")
    raise SurfaceError(f"no Python package in {folder} (looked for src/<name>/ and <name>/)")


class PackageIndex:
    def __init__(self, folder: Path, package: str) -> None:
        self.folder = folder
        self.package = package
        self.modules: dict[str, Module] = {}
        self.warnings: list[str] = []
        # (module, annotation's dump) -> the annotation with private aliases spelled out
        # (aliases.py): the same few annotations recur on every method of an SDK.
        self.expanded: dict[tuple[str, str], ast.expr] = {}
        self._read_all()

    # -- reading ---------------------------------------------------------------------------

    def _read_all(self) -> None:
        count = 0
        for directory, subdirectories, files in os.walk(self.folder, followlinks=False):
            subdirectories[:] = sorted(
                d for d in subdirectories if not d.startswith(".") and d != "__pycache__"
            )
            for file_name in sorted(files):
                if not file_name.endswith(".py"):
                    continue
                count += 1
                if count > MAX_FILES:
                    self.warnings.append(
                        f"{self.folder}: more than {MAX_FILES} files; rest skipped"
                    )
                    return
                self._read(Path(directory) / file_name)

    def _read(self, path: Path) -> None:
        relative = path.relative_to(self.folder).with_suffix("")
        parts = [self.package, *relative.parts]
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        problem = _unreadable(path)
        if problem:
            self.warnings.append(f"{path}: {problem}; skipped")
            return
        try:
            tree = ast.parse(path.read_bytes(), filename=str(path))
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            line = getattr(error, "lineno", None) or 0
            self.warnings.append(f"{path}:{line}: cannot parse ({type(error).__name__}); skipped")
            return
        module = Module(name, path, is_package, tree)
        _bind(module, tree.body)
        _bind_lazy(module, self.package)
        self.modules[name] = module

    # -- questions -------------------------------------------------------------------------

    def module(self, name: str) -> Module | None:
        return self.modules.get(name)

    def exports(self, module: Module) -> list[str]:
        """The public names of a module: its `__all__`, else every public name it binds."""
        if module.all is not None:
            return list(dict.fromkeys(module.all))
        names = {*module.imports, *module.defs, *module.lazy}
        return sorted(name for name in names if not name.startswith("_"))

    def resolve(self, module: Module, name: str, depth: int = 0) -> Resolved | None:
        """Where `name`, as bound in `module`, is defined."""
        if depth > _MAX_DEPTH:
            return None
        node = module.defs.get(name)
        if node is not None:
            target = _alias_target(node)
            if target is not None:
                found = self.resolve_expr(module, target, depth=depth + 1)
                # an alias inside the package, or of a class outside it (`Root = Exception`)
                if isinstance(found, Definition | ModuleRef | External):
                    return found
            return Definition(module, name, node)
        if name in module.imports:
            return self.follow(module.imports[name], depth + 1)
        if name in module.lazy and module.lazy[name] in self.modules:
            return self.resolve(self.modules[module.lazy[name]], name, depth + 1)
        submodule = self.modules.get(f"{module.name}.{name}") if module.is_package else None
        if submodule is not None:
            return ModuleRef(submodule)
        for star in module.stars:
            if star in self.modules:
                found = self.resolve(self.modules[star], name, depth + 1)
                if found is not None:
                    return found
        if hasattr(builtins, name):
            return External(f"builtins.{name}")
        return None

    def follow(self, ref: ImportRef, depth: int = 0) -> Resolved | None:
        if ref.name is None:
            target = self.modules.get(ref.module)
            return ModuleRef(target) if target else External(ref.module)
        submodule = self.modules.get(f"{ref.module}.{ref.name}")
        if submodule is not None:
            return ModuleRef(submodule)
        if ref.module in self.modules:
            return self.resolve(self.modules[ref.module], ref.name, depth)
        return External(f"{ref.module}.{ref.name}")

    def resolve_expr(
        self,
        module: Module,
        node: ast.expr,
        local: dict[str, ImportRef] | None = None,
        depth: int = 0,
    ) -> Resolved | None:
        """What a name, dotted name, string annotation or generic (`Page[T]`) refers to."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                node = ast.parse(node.value.strip(), mode="eval").body
            except SyntaxError:
                return None
        if isinstance(node, ast.Subscript):
            return self.resolve_expr(module, node.value, local, depth)
        if isinstance(node, ast.Name):
            if local and node.id in local:
                return self.follow(local[node.id], depth + 1)
            return self.resolve(module, node.id, depth)
        if isinstance(node, ast.Attribute):
            owner = self.resolve_expr(module, node.value, local, depth + 1)
            if isinstance(owner, ModuleRef):
                return self.resolve(owner.module, node.attr, depth + 1)
            if isinstance(owner, External):
                return External(f"{owner.qualname}.{node.attr}")
        return None

    def local_imports(self, module: Module, function: ast.AST) -> dict[str, ImportRef]:
        """The imports inside a function body (lazy `from .resources import X` in a property)."""
        scope = Module(module.name, module.path, module.is_package, module.tree)
        for statement in ast.walk(function):
            if isinstance(statement, ast.Import | ast.ImportFrom):
                _bind_import(scope, statement)
        return scope.imports


def _unreadable(path: Path) -> str:
    if path.is_symlink():
        return "a symbolic link"
    try:
        size = path.stat().st_size
    except OSError as error:
        return f"cannot read ({error.strerror})"
    return f"larger than {MAX_FILE_BYTES} bytes" if size > MAX_FILE_BYTES else ""


def _statements(body: list[ast.stmt]) -> list[ast.stmt]:
    """Module-level statements, including those under `if` (TYPE_CHECKING) and `try`. The
    branch of `if TYPE_CHECKING:` comes last, so its binding of a name wins over its `else:`
    (`Base64FileInput = Union[IO[bytes], PathLike[str]]` there, `PathLike` unsubscripted at
    run time): it is what the users' type checkers read."""
    found: list[ast.stmt] = []
    for statement in body:
        if isinstance(statement, ast.If) and _type_checking(statement.test):
            found.extend(_statements(statement.orelse) + _statements(statement.body))
        elif isinstance(statement, ast.If):
            found.extend(_statements(statement.body) + _statements(statement.orelse))
        elif isinstance(statement, ast.Try | ast.TryStar):
            blocks = [statement.body, statement.orelse, statement.finalbody]
            blocks += [handler.body for handler in statement.handlers]
            for block in blocks:
                found.extend(_statements(block))
        else:
            found.append(statement)
    return found


def _type_checking(test: ast.expr) -> bool:
    """`TYPE_CHECKING` or `typing.TYPE_CHECKING`."""
    name = test.attr if isinstance(test, ast.Attribute) else getattr(test, "id", "")
    return name == "TYPE_CHECKING"


def _bind(module: Module, body: list[ast.stmt]) -> None:
    for statement in _statements(body):
        if isinstance(statement, ast.Import | ast.ImportFrom):
            _bind_import(module, statement)
        elif isinstance(statement, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            module.defs[statement.name] = statement
        elif isinstance(statement, ast.Assign | ast.AnnAssign | ast.AugAssign):
            _bind_assignment(module, statement)


def _bind_import(module: Module, statement: ast.Import | ast.ImportFrom) -> None:
    if isinstance(statement, ast.Import):
        for alias in statement.names:
            if alias.asname:
                module.imports[alias.asname] = ImportRef(alias.name, None)
            else:
                top = alias.name.partition(".")[0]
                module.imports[top] = ImportRef(top, None)
        return
    base = _import_base(module, statement.level, statement.module)
    for alias in statement.names:
        if alias.name == "*":
            module.stars.append(base)
        else:
            module.imports[alias.asname or alias.name] = ImportRef(base, alias.name)


def _import_base(module: Module, level: int, name: str | None) -> str:
    if level == 0:
        return name or ""
    parts = module.name.split(".")
    if not module.is_package:
        parts = parts[:-1]
    parts = parts[: len(parts) - (level - 1)] if level > 1 else parts
    return ".".join(parts + ([name] if name else []))


def _bind_assignment(module: Module, statement: ast.Assign | ast.AnnAssign | ast.AugAssign) -> None:
    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
    for target in targets:
        if not isinstance(target, ast.Name):
            continue
        if target.id == "__all__":
            names = _constant_strings(statement.value)
            if isinstance(statement, ast.AugAssign):
                module.all = (*(module.all or ()), *names)
            else:
                module.all = tuple(names)
        elif not isinstance(statement, ast.AugAssign):
            module.defs[target.id] = statement


def _constant_strings(node: ast.expr | None) -> list[str]:
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return [
            e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
        ]
    return []


def _bind_lazy(module: Module, package: str) -> None:
    """A module-level `{name: module}` dict that the module's `__getattr__` reads: lazy exports."""
    getattr_function = module.defs.get("__getattr__")
    if not isinstance(getattr_function, ast.FunctionDef):
        return
    read = {n.id for n in ast.walk(getattr_function) if isinstance(n, ast.Name)}
    for name in read & set(module.defs):
        statement = module.defs[name]
        value = statement.value if isinstance(statement, ast.Assign | ast.AnnAssign) else None
        if not isinstance(value, ast.Dict):
            continue
        for key, target in zip(value.keys, value.values, strict=True):
            exported, where = _constant_text(key), _constant_text(target)
            if exported is not None and where is not None:
                module.lazy[exported] = _lazy_module(module, where)


def _constant_text(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _lazy_module(module: Module, target: str) -> str:
    """`._client` or `api_error` as written in a lazy table -> the absolute module name."""
    level = len(target) - len(target.lstrip("."))
    return _import_base(module, max(level, 1), target.lstrip(".") or None)


def _alias_target(node: ast.stmt) -> ast.expr | None:
    """`Client = ClearStreet`: the name an assignment merely renames (None for real values)."""
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name | ast.Attribute):
        return node.value
    return None
