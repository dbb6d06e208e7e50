"""Named types, read from source: models, TypedDicts, enums, Literal and union aliases.

Public types are those a `types` package (`pkg.types`, `pkg.types.v1`, ...) exports; each is
recorded once, under the shortest module that exports it, with every other exporting module in
`exported_from`. Types that public ones refer to (a TypedDict nested in a params module, a model
only a field names) follow, marked `public=False`, under the module that defines them.

Fields include inherited ones (a response model extending `BaseResponse` has its `metadata`).
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable
from dataclasses import replace

from sdkwright.surface.annotations import (
    annotated_metadata,
    literal_values,
    normalise,
    strip_wrapper,
    union_members,
)
from sdkwright.surface.classes import ancestry, class_node, qualname, type_kind
from sdkwright.surface.index import Definition, Module, PackageIndex
from sdkwright.surface.model import Field, TypeDef

_SKIPPED_FIELDS = {"model_config", "model_fields", "__slots__"}
_ALIAS_KEYWORDS = ("alias", "validation_alias", "serialization_alias", "name")
_MAX_TYPES = 50_000


def is_types_module(name: str) -> bool:
    parts = name.split(".")
    return "types" in parts[1:] and not any(part.startswith("_") for part in parts)


class TypeReader:
    def __init__(self, index: PackageIndex) -> None:
        self.index = index
        self.found: dict[str, TypeDef] = {}  # definition's qualname -> its TypeDef
        self._exports: dict[str, list[tuple[str, Definition]]] = {}

    def read_public(self) -> None:
        for name in sorted(self.index.modules):
            module = self.index.modules[name]
            if module.is_package and is_types_module(name):
                for exported in self.index.exports(module):
                    found = self.index.resolve(module, exported)
                    if isinstance(found, Definition) and _is_type_definition(self.index, found):
                        key = f"{found.module.name}.{found.name}"
                        self._exports.setdefault(key, []).append((name, found))
        for key, places in sorted(self._exports.items()):
            modules = sorted({m for m, _ in places}, key=lambda m: (m.count("."), m))
            public = self._typedef(places[0][1], modules[0], True, tuple(modules))
            if public is not None:
                self.found[key] = public

    def follow_references(self, extra: Iterable[tuple[Module, ast.expr]] = ()) -> None:
        """Add the non-public types that recorded types and `extra` annotations refer to."""
        queue: list[tuple[Module, ast.expr]] = list(extra)
        for typedef in list(self.found.values()):
            queue += self._references(typedef)
        while queue and len(self.found) < _MAX_TYPES:
            module, annotation = queue.pop()
            for node in ast.walk(annotation):
                if not isinstance(node, ast.Name | ast.Attribute | ast.Constant):
                    continue
                found = self.index.resolve_expr(module, node)
                if not isinstance(found, Definition) or qualname(found) in self.found:
                    continue
                if not _is_type_definition(self.index, found) or not _may_be_referenced(found):
                    continue
                nested = self._typedef(found, found.module.name, False, ())
                if nested is not None:
                    self.found[qualname(found)] = nested
                    queue += self._references(nested)

    def types(self) -> tuple[TypeDef, ...]:
        bindings = self._bindings()
        found = [
            replace(t, bound_as=bindings[key]) if key in bindings else t
            for key, t in self.found.items()
        ]
        return tuple(sorted(found, key=lambda t: (t.module, t.name)))

    def _bindings(self) -> dict[str, tuple[str, ...]]:
        """Definition's qualname -> "module.Name" of every other name a module (not a
        package) of `types` exports it under: `from pkg.types.v1.structured_action import
        OpenChart` gives the class defined as `StructuredActionOpenChart`, as it does the
        one defined as `OpenChart` in an SDK that defines it there."""
        bindings: dict[str, list[str]] = {}
        for name in sorted(self.index.modules):
            module = self.index.modules[name]
            if module.is_package or not is_types_module(name):
                continue
            for exported in self.index.exports(module):
                found = self.index.resolve(module, exported)
                if not isinstance(found, Definition) or qualname(found) not in self.found:
                    continue
                if (found.module.name, found.name) != (name, exported):
                    bindings.setdefault(qualname(found), []).append(f"{name}.{exported}")
        return {key: tuple(keys) for key, keys in bindings.items()}

    def _references(self, typedef: TypeDef) -> list[tuple[Module, ast.expr]]:
        module = self.index.modules.get(typedef.defined_in)
        if module is None:
            return []
        node = module.defs.get(typedef.name)
        found: list[tuple[Module, ast.expr]] = []
        if isinstance(node, ast.ClassDef):
            definition = Definition(module, typedef.name, node)
            for owner in [definition, *ancestry(self.index, definition)]:
                owner_node = class_node(owner)
                if owner_node is not None and isinstance(owner, Definition):
                    found += [(owner.module, a) for a in _field_annotations(owner_node)]
        elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            found.append((module, node.value))
        return found

    def _typedef(
        self, found: Definition, module: str, public: bool, exported_from: tuple[str, ...]
    ) -> TypeDef | None:
        node = found.node
        defined_in = found.module.name
        if isinstance(node, ast.ClassDef):
            kind = type_kind(self.index, found)
            bases = tuple(normalise(base) for base in node.bases)
            fields: tuple[Field, ...] = ()
            values: tuple[str, ...] = ()
            members: tuple[str, ...] = ()
            if kind in ("model", "typeddict"):
                fields = self._fields(found, kind)
            elif kind == "enum":
                members, values = _enum_members(node)
            return TypeDef(
                found.name,
                module,
                kind,
                defined_in,
                public,
                exported_from,
                fields,
                values,
                members,
                (),
                bases,
            )
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if value is None:
            return None
        if _functional_typeddict(value):  # X = TypedDict("X", {"created-by": str}, total=False)
            assert isinstance(value, ast.Call)
            fields = _functional_fields(value)
            return TypeDef(
                found.name, module, "typeddict", defined_in, public, exported_from, fields
            )
        literals = tuple(literal_values(value))
        if literals:
            return TypeDef(
                found.name, module, "literal", defined_in, public, exported_from, values=literals
            )
        text = normalise(value)
        variants = union_members(text)
        kind = "union" if len(variants) > 1 else "alias"
        return TypeDef(
            found.name, module, kind, defined_in, public, exported_from, variants=tuple(variants)
        )

    def _fields(self, found: Definition, kind: str) -> tuple[Field, ...]:
        chain = [a for a in ancestry(self.index, found) if isinstance(a, Definition)]
        fields: dict[str, Field] = {}
        for owner in [*reversed(chain), found]:
            node = class_node(owner)
            if node is None or (type_kind(self.index, owner) != kind and owner is not found):
                continue
            total = _total(node)
            for statement in node.body:
                field = _field(statement, kind, total)
                if field is not None:
                    fields[field.name] = field
        return tuple(fields.values())


def _is_type_definition(index: PackageIndex, found: Definition) -> bool:
    if isinstance(found.node, ast.ClassDef):
        return True
    if isinstance(found.node, ast.Assign | ast.AnnAssign) and found.node.value is not None:
        in_types = "types" in found.module.name.split(".")[1:]
        return in_types or _is_type_alias(found.node) or _functional_typeddict(found.node.value)
    return False


def _functional_typeddict(value: ast.expr) -> bool:
    return isinstance(value, ast.Call) and normalise(value.func) == "TypedDict"


def _functional_fields(call: ast.Call) -> tuple[Field, ...]:
    """The fields of `TypedDict("Name", {"key": type, ...}, total=...)`: keys are wire names."""
    total = next(
        (
            bool(k.value.value)
            for k in call.keywords
            if k.arg == "total" and isinstance(k.value, ast.Constant)
        ),
        True,
    )
    table = call.args[1] if len(call.args) > 1 else None
    if not isinstance(table, ast.Dict):
        return ()
    fields = []
    for key, annotation in zip(table.keys, table.values, strict=True):
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            _, wrapper = strip_wrapper(annotation, frozenset({"Required", "NotRequired"}))
            required = wrapper == "Required" or (total and wrapper != "NotRequired")
            type_text = normalise(annotation)
            fields.append(Field(key.value, type_text, required, "None" in union_members(type_text)))
    return tuple(fields)


def _is_type_alias(node: ast.Assign | ast.AnnAssign) -> bool:
    return isinstance(node, ast.AnnAssign) and normalise(node.annotation) == "TypeAlias"


def _may_be_referenced(found: Definition) -> bool:
    """Types only: not runtime classes (sentinels, clients) that annotations also name."""
    parts = found.module.name.split(".")
    return "types" in parts or not any(part.startswith("_") for part in parts[1:])


def _total(node: ast.ClassDef) -> bool:
    for keyword in node.keywords:
        if keyword.arg == "total" and isinstance(keyword.value, ast.Constant):
            return bool(keyword.value.value)
    return True


def _field_annotations(node: ast.ClassDef) -> list[ast.expr]:
    return [s.annotation for s in node.body if isinstance(s, ast.AnnAssign)]


def _field(statement: ast.stmt, kind: str, total: bool) -> Field | None:
    if not isinstance(statement, ast.AnnAssign) or not isinstance(statement.target, ast.Name):
        return None
    name = statement.target.id
    annotation = statement.annotation
    if (
        name.startswith("_")
        or name in _SKIPPED_FIELDS
        or normalise(annotation).startswith("ClassVar")
    ):
        return None
    _, wrapper = strip_wrapper(annotation, frozenset({"Required", "NotRequired"}))
    type_text = normalise(annotation)
    nullable = "None" in union_members(type_text)
    alias = _alias(statement.value) or next(
        (a for a in map(_alias, annotated_metadata(annotation)) if a), None
    )
    if kind == "typeddict":
        required = wrapper == "Required" or (total and wrapper != "NotRequired")
        return Field(name, type_text, required, nullable, alias)
    required, default = _model_default(statement.value)
    return Field(name, type_text, required, nullable, alias, default)


def _alias(node: ast.expr | None) -> str | None:
    """The wire name a `Field(alias=...)`, `FieldInfo(alias=...)`, `PropertyInfo(alias=...)` gives."""
    if not isinstance(node, ast.Call):
        return None
    for keyword_name in _ALIAS_KEYWORDS:
        for keyword in node.keywords:
            value = keyword.value
            if keyword.arg == keyword_name and isinstance(value, ast.Constant):
                return value.value if isinstance(value.value, str) else None
    return None


def _model_default(value: ast.expr | None) -> tuple[bool, str | None]:
    """(required, default text) of a model field's right-hand side."""
    if value is None:
        return True, None
    if isinstance(value, ast.Call) and normalise(value.func) in ("Field", "FieldInfo", "field"):
        for keyword in value.keywords:
            if keyword.arg == "default":
                return False, ast.unparse(keyword.value)
            if keyword.arg in ("default_factory", "factory"):
                return False, f"{ast.unparse(keyword.value)}()"
        first = value.args[0] if value.args else None
        if first is not None and not (isinstance(first, ast.Constant) and first.value is Ellipsis):
            return False, ast.unparse(first)
        return True, None
    return False, ast.unparse(value)


def _enum_members(node: ast.ClassDef) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names: list[str] = []
    values: list[str] = []
    for statement in node.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name) and not target.id.startswith("_"):
                names.append(target.id)
                value = statement.value
                if isinstance(value, ast.Constant):
                    constant = value.value
                    values.append(
                        json.dumps(constant) if isinstance(constant, str) else repr(constant)
                    )
                else:
                    values.append(ast.unparse(value))
    return tuple(sorted(names)), tuple(sorted(values))
