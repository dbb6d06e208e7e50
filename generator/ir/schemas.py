"""Schema objects -> IR types, for every spec version.

A schema becomes a class (Model, Enum or Alias) when it needs a name: objects with
properties, enums, and unions defined as components. Everything else is inlined as a type
expression. Named components get their names first, so a reference can be answered before
the class it names is converted, which is how recursive schemas terminate.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from generator import naming
from generator.diagnostics import Diagnostic, Level
from generator.ir import examples
from generator.ir.nodes import (
    ANY,
    MISSING,
    Alias,
    Definition,
    Enum,
    EnumMember,
    Field,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Primitive,
    PrimitiveName,
    TypeRef,
    UnionOf,
)
from generator.resolve import Node, RefError, SpecSet

Key = tuple[Path, str]
ClassKind = Literal["model", "enum", "alias"]

_STRING_FORMATS: dict[str, PrimitiveName] = {
    "date-time": "datetime",
    "date": "date",
    "binary": "bytes",
}
_SIMPLE_TYPES: dict[str, PrimitiveName] = {
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "string": "str",
}


def strip_null(type_: TypeRef) -> tuple[TypeRef, bool]:
    if isinstance(type_, Nullable):
        return type_.inner, True
    return type_, False


def nullable(type_: TypeRef) -> TypeRef:
    return type_ if isinstance(type_, Nullable) else Nullable(type_)


def description_of(value: Any) -> str:
    if isinstance(value, dict):
        text = value.get("description") or value.get("title") or ""
        return text if isinstance(text, str) else ""
    return ""


def _is_null_schema(value: Any) -> bool:
    return isinstance(value, dict) and (value.get("type") == "null" or value.get("enum") == [None])


@dataclass
class SchemaConverter:
    specs: SpecSet
    version: str
    names: naming.NameRegistry
    diagnostics: list[Diagnostic] = field(default_factory=list)
    definitions: dict[str, Definition] = field(default_factory=dict)
    _named: dict[Key, Named] = field(default_factory=dict)
    _inline_stack: set[Key] = field(default_factory=set)

    # -- names ---------------------------------------------------------------------------

    def name_components(self, components: Node) -> None:
        """Give every class-worthy component schema its name before anything is converted."""
        for key in components.value:
            node = components.child(key)
            kind = self._class_kind(node.value)
            if kind is None:
                continue
            preferred = naming.class_name(key)
            candidates = [
                preferred,
                naming.class_name(naming.spelled_symbols(key)),
                preferred + "Schema",
            ]
            name, moved = self.names.claim(candidates, node.pointer)
            if moved:
                self._warn(
                    node,
                    "naming.collision",
                    f"schema '{key}' is named {name}: {preferred} is already taken by {self.names.owner(preferred)}",
                )
            self._named[(node.document.path, node.pointer)] = Named(name, kind)

    def claim_inline_name(self, context: list[str], node: Node) -> str:
        preferred = naming.class_name(" ".join(context))
        envelope = [preferred + "Envelope"] if context[-1:] == ["Response"] else []
        candidates = [preferred, *envelope, preferred + "Object", preferred + "Model"]
        name, moved = self.names.claim(candidates, node.pointer)
        if moved:
            self._warn(
                node,
                "naming.collision",
                f"inline schema named {name}: {preferred} is already taken by {self.names.owner(preferred)}",
                level=Level.INFO,
            )
        return name

    def _class_kind(self, schema: Any) -> ClassKind | None:
        if not isinstance(schema, dict) or "$ref" in schema:
            return None
        if "enum" in schema and [v for v in schema["enum"] if v is not None]:
            return "enum"
        members = [
            m for m in (schema.get("oneOf") or schema.get("anyOf") or []) if not _is_null_schema(m)
        ]
        if len(members) >= 2:
            return "alias"
        if schema.get("properties") or len(schema.get("allOf") or []) > 1:
            return "model"
        return None

    # -- conversion ----------------------------------------------------------------------

    def define_components(self, components: Node) -> None:
        for key in components.value:
            node = components.child(key)
            named = self._named.get((node.document.path, node.pointer))
            if named is not None and named.name not in self.definitions:
                self._define(node, named, [named.name])

    def convert(self, node: Node, context: list[str]) -> TypeRef:
        """The IR type of the schema at `node`; `context` names inline classes it needs."""
        schema = node.value
        if not isinstance(schema, dict):
            if schema is True or schema is None:
                return ANY
            self._warn(node, "schema.invalid", "a schema must be an object; using Any")
            return ANY
        if "$ref" in schema:
            return self._convert_ref(node, context)
        type_, is_nullable = self._convert_plain(node, context)
        return nullable(type_) if is_nullable else type_

    def _convert_ref(self, node: Node, context: list[str]) -> TypeRef:
        try:
            target = self.specs.deref(node)
        except RefError:
            return ANY  # reported by the loader
        key = (target.document.path, target.pointer)
        known = self._named.get(key)
        if known is None and self._class_kind(target.value) is not None:
            known = self._name_referenced(target)
        if known is not None:
            if known.name not in self.definitions:
                self._define(target, known, [known.name])
            return self._nullable_named(known, target.value)
        if key in self._inline_stack:
            self._warn(
                node, "schema.cycle", "a reference cycle through non-object schemas; using Any"
            )
            return ANY
        self._inline_stack.add(key)
        try:
            return self.convert(target, [_ref_context(target)] if target.pointer else context)
        finally:
            self._inline_stack.discard(key)

    def _name_referenced(self, target: Node) -> Named:
        """A class-worthy schema referenced from outside `components` (e.g. another file)."""
        kind = self._class_kind(target.value)
        assert kind is not None
        name, _ = self.names.claim([naming.class_name(_ref_context(target))], target.pointer)
        named = Named(name, kind)
        self._named[(target.document.path, target.pointer)] = named
        return named

    def _nullable_named(self, named: Named, schema: dict[str, Any]) -> TypeRef:
        _, is_nullable = self._null_flags(schema)
        return Nullable(named) if is_nullable else named

    def _null_flags(self, schema: dict[str, Any]) -> tuple[list[str], bool]:
        raw = schema.get("type")
        types = raw if isinstance(raw, list) else ([raw] if isinstance(raw, str) else [])
        is_nullable = (
            "null" in types or schema.get("nullable") is True or None in (schema.get("enum") or [1])
        )
        members = schema.get("oneOf") or schema.get("anyOf") or []
        is_nullable = is_nullable or any(_is_null_schema(m) for m in members)
        return [t for t in types if t != "null"], is_nullable

    def _convert_plain(self, node: Node, context: list[str]) -> tuple[TypeRef, bool]:
        schema = node.value
        types, is_nullable = self._null_flags(schema)
        key = (node.document.path, node.pointer)
        named = self._named.get(key)
        if named is not None:
            if named.name not in self.definitions:
                self._define(node, named, [named.name])
            return named, is_nullable
        if "const" in schema:
            return self._literal([schema["const"]], node), is_nullable
        if "enum" in schema:
            return self._inline_enum(node, context), is_nullable
        if schema.get("oneOf") or schema.get("anyOf"):
            union, union_nullable = self._union(node, context)
            return union, is_nullable or union_nullable
        if schema.get("allOf"):
            return self._all_of(node, context), is_nullable
        if len(types) > 1:
            members = tuple(self._simple(t, schema, node, context) for t in types)
            return UnionOf(members), is_nullable
        type_name = types[0] if types else ("object" if "properties" in schema else "")
        return self._simple(type_name, schema, node, context), is_nullable

    def _simple(
        self, type_name: str, schema: dict[str, Any], node: Node, context: list[str]
    ) -> TypeRef:
        if type_name == "object":
            return self._object(node, context)
        if type_name == "array":
            items = node.get("items")
            return ListOf(self.convert(items, [*context, "Item"]) if items is not None else ANY)
        if type_name == "string":
            format_ = str(schema.get("format") or "")
            return Primitive(_STRING_FORMATS.get(format_, "str"), format_)
        if type_name == "file":  # Swagger 2.0
            return Primitive("bytes", "binary")
        if type_name in _SIMPLE_TYPES:
            return Primitive(_SIMPLE_TYPES[type_name], str(schema.get("format") or ""))
        if type_name:
            self._warn(node, "schema.unknown-type", f"unknown type '{type_name}'; using Any")
        return ANY

    def _object(self, node: Node, context: list[str]) -> TypeRef:
        schema = node.value
        if schema.get("properties"):
            named = Named(self.claim_inline_name(context, node), "model")
            self._named[(node.document.path, node.pointer)] = named
            self._define(node, named, [named.name])
            return named
        extra = node.get("additionalProperties")
        if extra is not None and isinstance(extra.value, dict) and extra.value:
            return MapOf(self.convert(extra, [*context, "Value"]))
        return MapOf(ANY)

    def _literal(self, values: list[Any], node: Node) -> TypeRef:
        usable = tuple(v for v in values if isinstance(v, (str, int, bool)))
        if len(usable) != len(values):
            self._warn(
                node,
                "schema.literal",
                "a const or enum value that is not a string, integer or boolean; using Any",
            )
            return ANY
        return LiteralOf(usable)

    def _inline_enum(self, node: Node, context: list[str]) -> TypeRef:
        values = [v for v in node.value["enum"] if v is not None]
        if len(values) == 1:
            return self._literal(values, node)
        if not values:
            return ANY
        named = Named(self.claim_inline_name(context, node), "enum")
        self._named[(node.document.path, node.pointer)] = named
        self._define(node, named, [named.name])
        return named

    def _union(self, node: Node, context: list[str]) -> tuple[TypeRef, bool]:
        schema = node.value
        keyword = "oneOf" if schema.get("oneOf") else "anyOf"
        members_node = node.child(keyword)
        members: list[TypeRef] = []
        is_nullable = False
        for index, member in enumerate(members_node.value):
            if _is_null_schema(member):
                is_nullable = True
                continue
            member_type = self.convert(
                members_node.child(index), [*context, _variant_hint(member, index)]
            )
            member_type, member_nullable = strip_null(member_type)
            is_nullable = is_nullable or member_nullable
            for flat in member_type.members if isinstance(member_type, UnionOf) else (member_type,):
                if flat not in members:
                    members.append(flat)
        if not members:
            return ANY, is_nullable
        if len(members) == 1:
            return members[0], is_nullable
        return UnionOf(tuple(members), self._discriminator(node, members)), is_nullable

    def _discriminator(self, node: Node, members: list[TypeRef]) -> str:
        """The tag property, when pydantic can dispatch on it: every variant has it as a literal."""
        discriminator = node.value.get("discriminator")
        prop = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
        if not isinstance(prop, str):
            return ""
        for member in members:
            definition = self.definitions.get(member.name) if isinstance(member, Named) else None
            if not isinstance(definition, Model):
                return ""
            tag = next((f for f in definition.fields if f.wire_name == prop), None)
            if tag is None or not isinstance(tag.type, LiteralOf) or not tag.required:
                return ""
        return prop

    def _all_of(self, node: Node, context: list[str]) -> TypeRef:
        parts = node.child("allOf")
        if len(parts.value) == 1 and not node.value.get("properties"):
            return self.convert(parts.child(0), context)
        named = Named(self.claim_inline_name(context, node), "model")
        self._named[(node.document.path, node.pointer)] = named
        self._define(node, named, [named.name])
        return named

    # -- definitions ---------------------------------------------------------------------

    def _define(self, node: Node, named: Named, context: list[str]) -> None:
        module = naming.module_name(named.name)
        description = description_of(node.value)
        if named.kind == "enum":
            self.definitions[named.name] = self._enum(node, named.name, module, description)
            return
        if named.kind == "alias":
            # Register first: a union may refer back to itself through its variants.
            self.definitions[named.name] = Alias(named.name, module, description, ANY, node.pointer)
            type_, _ = self._union(node, context)
            self.definitions[named.name] = Alias(
                named.name, module, description, type_, node.pointer
            )
            return
        self.definitions[named.name] = Model(named.name, module, description, (), node.pointer)
        fields = tuple(self._fields(node, named.name))
        deprecated = node.value.get("deprecated") is True
        self.definitions[named.name] = Model(
            named.name, module, description, fields, node.pointer, deprecated
        )

    def _enum(self, node: Node, name: str, module: str, description: str) -> Enum:
        values = [v for v in node.value["enum"] if v is not None]
        if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            value_type = "int"
        else:
            if not all(isinstance(v, str) for v in values):
                self._warn(
                    node,
                    "schema.enum-values",
                    f"enum {name} mixes value types; values are kept as strings",
                )
            values = [v if isinstance(v, str) else str(v) for v in values]
            value_type = "str"
        member_names = naming.unique_member_names(list(values))
        members = tuple(EnumMember(n, v) for n, v in zip(member_names, values, strict=True))
        return Enum(name, module, description, members, value_type, node.pointer)  # type: ignore[arg-type]

    def object_parts(self, node: Node, seen: frozenset[Key] = frozenset()) -> Iterator[Node]:
        """The object schemas whose properties make up `node`, allOf parts flattened."""
        try:
            node = self.specs.deref(node)
        except RefError:
            return
        key = (node.document.path, node.pointer)
        if key in seen:
            message = "allOf includes this schema in itself; the cycle is cut here"
            self._warn(node, "schema.allof-cycle", message)
            return
        if not isinstance(node.value, dict):
            return
        parts = node.get("allOf")
        if parts is not None and isinstance(parts.value, list):
            for index in range(len(parts.value)):
                yield from self.object_parts(parts.child(index), seen | {key})
        yield node

    def _fields(self, node: Node, model_name: str) -> Iterator[Field]:
        properties: dict[str, Node] = {}
        required: set[str] = set()
        for part in self.object_parts(node):
            props = part.get("properties")
            if props is not None and isinstance(props.value, dict):
                for wire_name in props.value:
                    properties[wire_name] = props.child(wire_name)
            if isinstance(part.value.get("required"), list):
                required.update(r for r in part.value["required"] if isinstance(r, str))
        taken: set[str] = set()
        for wire_name, prop in properties.items():
            name = naming.field_name(wire_name)
            if name in taken:
                name = naming.field_name(naming.spelled_symbols(wire_name))
            while name in taken:
                name += "_"
            taken.add(name)
            yield self._field(prop, name, wire_name, wire_name in required, model_name)

    def _field(
        self, prop: Node, name: str, wire_name: str, required: bool, model_name: str
    ) -> Field:
        type_ = self.convert(prop, [model_name, naming.pascal(wire_name) or "Value"])
        schema = prop.value if isinstance(prop.value, dict) else {}
        description = description_of(schema) or self._target_description(prop)
        default = schema.get("default", MISSING)
        if default is not MISSING and not _usable_default(default, type_, self.definitions):
            self._warn(
                prop,
                "schema.default",
                f"default {default!r} of {model_name}.{wire_name} does not match its type; ignored",
                level=Level.INFO,
            )
            default = MISSING
        return Field(
            name=name,
            wire_name=wire_name,
            type=type_,
            required=required,
            description=description,
            default=default,
            deprecated=schema.get("deprecated") is True,
            read_only=schema.get("readOnly") is True,
            write_only=schema.get("writeOnly") is True,
        )

    def _target_description(self, prop: Node) -> str:
        if not isinstance(prop.value, dict) or "$ref" not in prop.value:
            return ""
        try:
            target = self.specs.deref(prop)
        except RefError:
            return ""
        if self._named.get((target.document.path, target.pointer)):
            return ""  # the class documents itself
        return description_of(target.value)

    def _warn(self, node: Node, code: str, message: str, level: Level = Level.WARNING) -> None:
        self.diagnostics.append(Diagnostic(level, code, message, node.location))


def _usable_default(value: Any, type_: TypeRef, definitions: dict[str, Definition]) -> bool:
    """Defaults are rendered as Python literals, so only scalars that fit the type qualify."""
    core, _ = strip_null(type_)
    if isinstance(core, Named):
        definition = definitions.get(core.name)
        return isinstance(definition, Enum) and value in [m.value for m in definition.members]
    if not isinstance(core, (Primitive, LiteralOf)) or isinstance(value, (dict, list)):
        return False
    if isinstance(core, Primitive) and core.name in ("datetime", "date", "bytes"):
        return False
    return examples.problem(value, type_, definitions) is None


def _ref_context(target: Node) -> str:
    tokens = target.pointer.rsplit("/", 1)
    if target.pointer and tokens[-1]:
        return tokens[-1]
    return target.document.path.stem


def _variant_hint(member: Any, index: int) -> str:
    """A word naming an inline union variant, from its title, its type or its first property."""
    if not isinstance(member, dict):
        return "Variant"
    if isinstance(member.get("title"), str):
        return str(member["title"])
    properties = member.get("properties")
    if isinstance(properties, dict) and properties:
        required = [r for r in member.get("required") or [] if r in properties]
        return "With " + str(required[0] if required else next(iter(properties)))
    type_name = member.get("type")
    return type_name if isinstance(type_name, str) else "Variant"
