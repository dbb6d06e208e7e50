"""Schema objects -> IR types, for every spec version.

A schema becomes a class (Model, Enum or Alias) when it needs a name: objects with
properties, enums, and unions defined as components. Everything else is inlined as a type
expression. Component schemas are registered first, so a reference can be answered before
the class it names is converted, which is how recursive schemas terminate.

A class is known by its key (its JSON pointer) and keeps where its name comes from (its
component key, or the context it sits in: see ir/names.py), in the order classes are found:
the target's naming step gives out names in that order.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir import media, objects, unions
from sdkwright.ir.names import (
    NAME_EXTENSION,
    ComponentOrigin,
    DefinitionName,
    ExternalOrigin,
    InlineOrigin,
    NameOrigin,
    NamePart,
    context_label,
)
from sdkwright.ir.nodes import (
    ANY,
    Alias,
    Component,
    Definition,
    Enum,
    EnumMember,
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
from sdkwright.ir.shapes import (
    ClassKind,
    class_kind,
    description_of,
    enum_value_type,
    enum_values,
    is_null_schema,
    non_null_members,
    nullable,
    ref_context,
    ref_contexts,
    without_member,
)
from sdkwright.spec.resolve import Node, RefError, SpecSet

Key = tuple[Path, str]
# Keywords that shape a value in ways a type cannot say: a schema that has no type of its own
# besides them degrades (with a warning).
_UNSUPPORTED_KEYWORDS = ("not", "if", "then", "else", "prefixItems", "$dynamicRef")

_STRING_FORMATS: dict[str, PrimitiveName] = {
    "date-time": "datetime",
    "date": "date",
    "binary": "bytes",
}
# `{type: null}`: a value that can only be null, `Nullable(NULL_ONLY)`: any to most targets (its
# format marks it for those that name the null type, as the Stainless surface does).
NULL_ONLY = Primitive("any", "null")
_SIMPLE_TYPES: dict[str, PrimitiveName] = {
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "string": "str",
}


@dataclass
class SchemaConverter:
    specs: SpecSet
    version: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # By key: a class's key is its JSON pointer (`file#pointer` outside the root file).
    definitions: dict[str, Definition] = field(default_factory=dict)
    # Where each class's name comes from, in the order classes were found.
    origins: dict[str, NameOrigin] = field(default_factory=dict)
    # The component schemas, class or not (None: the spec has no components map).
    components: list[Component] | None = None
    _named: dict[Key, Named] = field(default_factory=dict)
    _where: dict[str, Location] = field(default_factory=dict)  # a class's key -> its schema's
    _inline_stack: set[Key] = field(default_factory=set)
    # Aliases whose members accept null below the top level (`anyOf: [A, {anyOf: [B, null]}]`):
    # the alias leaves None out, so every reference adds it.
    _nullable_aliases: set[str] = field(default_factory=set)
    _members: dict[tuple[type, str | int], EnumMember] = field(default_factory=dict)
    # Models whose fields are being converted, and the unions that met one of them as a
    # variant: a variant's tag field is known only once its model is complete.
    _building: set[str] = field(default_factory=set)
    _unsettled: list[tuple[UnionOf, Node]] = field(default_factory=list)
    # Component schemas that are no class (an array, a string) but stay named, as aliases:
    # those a target lists by name (`named_component`), e.g. `AccountList = list[Account]`.
    kept_names: frozenset[str] = frozenset()
    # Whether an allOf part beside a union part (`allOf: [{oneOf: [...]}, {required: [a]}]`)
    # leaves its properties optional, as Stainless reads it (`objects.fields`).
    optional_beside_unions: bool = False

    # -- classes and where their names come from -----------------------------------------

    def register_components(self, components: Node) -> None:
        """Register every class-worthy component schema before anything is converted."""
        self.components = []
        for key in components.value:
            node = components.child(key)
            kind = class_kind(node.value) or self._kept_alias(str(key), node.value)
            named = self._register(node, kind, ComponentOrigin(str(key))) if kind else None
            requested = node.value.get(NAME_EXTENSION) if isinstance(node.value, dict) else None
            definition = named.name if named is not None else ""
            self.components.append(Component(str(key), definition, requested, node.location))

    def _kept_alias(self, key: str, schema: object) -> ClassKind | None:
        """ "alias" for a component the target keeps named that is not a reference."""
        keep = named_component(key) in self.kept_names
        return "alias" if keep and isinstance(schema, dict) and "$ref" not in schema else None

    def _register(self, node: Node, kind: ClassKind, origin: NameOrigin) -> Named:
        key = self._key(node)
        named = Named(key, kind)
        self._named[(node.document.path, node.pointer)] = named
        self.origins[key] = origin
        self._where[key] = node.location
        return named

    def _key(self, node: Node) -> str:
        if node.document.path == self.specs.root.path:
            return node.pointer
        folder = self.specs.root.path.parent
        return f"{Path(os.path.relpath(node.document.path, folder)).as_posix()}#{node.pointer}"

    def _register_inline(self, context: list[NamePart], node: Node, kind: ClassKind) -> Named:
        return self._register(node, kind, InlineOrigin(tuple(context)))

    def member_of(self, node: Node) -> Named | None:
        """The class the schema at `node` became, if it is one."""
        return self._named.get((node.document.path, node.pointer))

    def label(self, key: str) -> str:
        """How diagnostics name a class: by its component key, else by where it is."""
        origin = self.origins.get(key)
        if isinstance(origin, ComponentOrigin):
            return origin.key
        return origin.label.removesuffix("#") if isinstance(origin, ExternalOrigin) else key

    def _sole_member(self, node: Node) -> Node:
        """The node whose content makes a class: the one non-null member of a nullable
        oneOf/anyOf written around an inline schema, or the node itself."""
        schema = node.value
        if not isinstance(schema, dict) or schema.get("properties") or enum_values(schema):
            return node
        members = non_null_members(schema)
        if len(members) != 1 or not isinstance(members[0], dict) or "$ref" in members[0]:
            return node
        keyword = "oneOf" if schema.get("oneOf") else "anyOf"
        index = next(i for i, m in enumerate(schema[keyword]) if m is members[0])
        return self._sole_member(node.child(keyword).child(index))

    # -- conversion ----------------------------------------------------------------------

    def define_components(self, components: Node) -> None:
        for key in components.value:
            named = self.member_of(components.child(key))
            if named is not None and named.name not in self.definitions:
                self._define(components.child(key), named)

    def convert(self, node: Node, context: list[NamePart]) -> TypeRef:
        """The IR type of the schema at `node`; `context` names inline classes it needs."""
        schema = node.value
        if not isinstance(schema, dict):
            if schema is True or schema is None:
                return ANY
            self.warn(node, "schema.invalid", "a schema must be an object; using Any")
            return ANY
        if "$ref" in schema:
            return self._convert_ref(node, context)
        type_, is_nullable = self._convert_plain(node, context)
        return nullable(type_) if is_nullable else type_

    def _convert_ref(self, node: Node, context: list[NamePart]) -> TypeRef:
        try:
            target = self.specs.deref(node)
        except RefError:
            return ANY  # reported by the loader
        key = (target.document.path, target.pointer)
        known = self._named.get(key)
        kind = class_kind(target.value) if known is None else None
        if kind is not None:
            known = self._register_external(target, kind)
        if known is not None:
            if known.name not in self.definitions:
                self._define(target, known)
            return self._nullable_named(known, target.value)
        if key in self._inline_stack:
            self.warn(
                node, "schema.cycle", "a reference cycle through non-object schemas; using Any"
            )
            return ANY
        self._inline_stack.add(key)
        try:
            return self.convert(target, [ref_context(target)] if target.pointer else context)
        finally:
            self._inline_stack.discard(key)

    def _register_external(self, target: Node, kind: ClassKind) -> Named:
        """A class-worthy schema referenced from outside `components` (e.g. another file):
        named after its key or file, and when that is taken, after the folders around it."""
        contexts = tuple(tuple(words) for words in ref_contexts(target))
        label = f"{target.document.path.name}#{target.pointer}"
        return self._register(target, kind, ExternalOrigin(contexts, label))

    def _nullable_named(self, named: Named, schema: dict[str, Any]) -> TypeRef:
        _, is_nullable = self._null_flags(schema)
        is_nullable = is_nullable or named.name in self._nullable_aliases
        return Nullable(named) if is_nullable else named

    def _null_flags(self, schema: dict[str, Any]) -> tuple[list[str], bool]:
        raw = schema.get("type")
        types = raw if isinstance(raw, list) else ([raw] if isinstance(raw, str) else [])
        is_nullable = (
            "null" in types or schema.get("nullable") is True or None in (schema.get("enum") or [1])
        )
        members = schema.get("oneOf") or schema.get("anyOf") or []
        is_nullable = is_nullable or any(is_null_schema(m) for m in members)
        return [t for t in types if t != "null"], is_nullable

    def _convert_plain(self, node: Node, context: list[NamePart]) -> tuple[TypeRef, bool]:
        named = self.member_of(node)
        if named is None:
            return self._convert_unnamed(node, context)
        if named.name not in self.definitions:
            self._define(node, named)
        is_nullable = self._null_flags(node.value)[1]
        return named, is_nullable or named.name in self._nullable_aliases

    def _convert_unnamed(self, node: Node, context: list[NamePart]) -> tuple[TypeRef, bool]:
        """The type of a schema that is no class of its own (or is its own class's body)."""
        schema = node.value
        types, is_nullable = self._null_flags(schema)
        if "const" in schema:
            return self._literal([schema["const"]], node), is_nullable
        if "enum" in schema:
            return self._inline_enum(node, context), is_nullable
        if schema.get("oneOf") or schema.get("anyOf"):
            union, union_nullable = unions.union(self, node, context)
            return union, is_nullable or union_nullable
        if schema.get("allOf"):
            return self._all_of(node, context), is_nullable
        if len(types) > 1:
            members = tuple(self._simple(t, schema, node, context) for t in types)
            return UnionOf(members), is_nullable
        if not types and schema.get("type") in ("null", ["null"]):
            return NULL_ONLY, True
        type_name = types[0] if types else ("object" if "properties" in schema else "")
        if not type_name and "patternProperties" in schema:
            type_name = "object"
        if not type_name:
            self._warn_unsupported(node, context, "Any")
        return self._simple(type_name, schema, node, context), is_nullable

    def _warn_unsupported(self, node: Node, context: list[NamePart], loose: str) -> None:
        """A schema shaped by keywords the generator cannot express is typed `loose`: say so."""
        keywords = [k for k in _UNSUPPORTED_KEYWORDS if k in node.value]
        if keywords:
            where = context_label(tuple(context), self.label) or "at this pointer"
            self.warn(
                node,
                "schema.unsupported",
                f"schema {where} uses {', '.join(repr(k) for k in keywords)}, which the SDK "
                f"cannot express; typed {loose}",
            )

    def _simple(
        self, type_name: str, schema: dict[str, Any], node: Node, context: list[NamePart]
    ) -> TypeRef:
        if type_name == "object":
            return self._object(node, context)
        if type_name == "array":
            items = node.get("items")
            if items is None:
                self._warn_unsupported(node, context, "list[Any]")
            return ListOf(self.convert(items, [*context, "Item"]) if items is not None else ANY)
        if type_name == "string":
            format_ = str(schema.get("format") or "")
            return Primitive(_STRING_FORMATS.get(format_, "str"), format_)
        if type_name == "file":  # Swagger 2.0
            return Primitive("bytes", "binary")
        if type_name in _SIMPLE_TYPES:
            return Primitive(_SIMPLE_TYPES[type_name], str(schema.get("format") or ""))
        if type_name:
            self.warn(node, "schema.unknown-type", f"unknown type '{type_name}'; using Any")
        return ANY

    def _object(self, node: Node, context: list[NamePart]) -> TypeRef:
        schema = node.value
        if schema.get("properties"):
            named = self._register_inline(context, node, "model")
            self._define(node, named)
            return named
        extra = node.get("additionalProperties")
        if extra is not None and isinstance(extra.value, dict) and extra.value:
            return MapOf(self.convert(extra, [*context, "Value"]))
        patterns = node.get("patternProperties")
        if patterns is not None and isinstance(patterns.value, dict) and patterns.value:
            # Keys are not checked against their patterns; values are typed.
            values = [
                self.convert(patterns.child(key), [*context, "Value"]) for key in patterns.value
            ]
            unique = list(dict.fromkeys(values))
            return MapOf(unique[0] if len(unique) == 1 else UnionOf(tuple(unique)))
        return MapOf(ANY, free_form=extra is None and patterns is None)

    def _literal(self, values: list[Any], node: Node) -> TypeRef:
        usable = tuple(v for v in values if isinstance(v, (str, int, bool)))
        if len(usable) != len(values):
            numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
            loose = "float" if numbers else "Any"
            self.warn(
                node,
                "schema.literal",
                f"a const or enum value that is not a string, integer or boolean; using {loose}",
            )
            return Primitive("float") if numbers else ANY
        integers = any(isinstance(v, int) and not isinstance(v, bool) for v in usable)
        return LiteralOf(usable, node.location if integers else None)

    def _inline_enum(self, node: Node, context: list[NamePart]) -> TypeRef:
        values = enum_values(node.value)
        if len(values) == 1 or (values and not enum_value_type(node.value)):
            return self._literal(values, node)
        if not values:
            return ANY
        named = self._register_inline(context, node, "enum")
        self._define(node, named)
        return named

    def _all_of(self, node: Node, context: list[NamePart]) -> TypeRef:
        parts = node.child("allOf")
        if len(parts.value) == 1 and not node.value.get("properties"):
            return self.convert(parts.child(0), context)
        named = self._register_inline(context, node, "model")
        self._define(node, named)
        return named

    # -- definitions ---------------------------------------------------------------------

    def _define(self, node: Node, named: Named) -> None:
        key = named.name
        extras: dict[str, Any] = {
            "key": key,
            "origin": self.origins[key],
            "where": self._where[key],
        }
        description = description_of(node.value)
        body = self._sole_member(node)
        if body is not node:
            description = description or description_of(body.value)
        if named.kind == "enum":
            self.definitions[key] = self._enum(body, key, description, extras)
            return
        if named.kind == "alias":
            # Register first: a union may refer back to itself through its variants.
            self.definitions[key] = Alias(key, "", description, ANY, node.pointer, **extras)
            if enum_values(body.value):
                type_, nested_null = self._literal(enum_values(body.value), body), False
            elif class_kind(node.value) is None:  # kept named (`kept_names`): its plain type
                type_, nested_null = self._convert_unnamed(node, [DefinitionName(key)])[0], False
            else:
                type_, nested_null = unions.union(self, body, [DefinitionName(key)])
                type_ = without_member(type_, named)
            if nested_null and not self._null_flags(node.value)[1]:
                self._nullable_aliases.add(key)
            example = media.schema_example(node.value)
            self.definitions[key] = Alias(
                key, "", description, type_, node.pointer, **extras, example=example
            )
            return
        self.definitions[key] = Model(key, "", description, (), node.pointer, **extras)
        self._building.add(key)
        fields = tuple(objects.fields(self, body, key))
        self._building.discard(key)
        deprecated = node.value.get("deprecated") is True or body.value.get("deprecated") is True
        self.definitions[key] = Model(
            key,
            "",
            description,
            fields,
            node.pointer,
            deprecated,
            **extras,
            example=media.schema_example(node.value),
        )
        if self._unsettled and not self._building:
            self._settle_unions()

    def _enum(self, node: Node, key: str, description: str, extras: dict[str, Any]) -> Enum:
        values = enum_values(node.value)
        value_type = enum_value_type(node.value)
        assert value_type, "only enums of strings or of integers become classes"
        if value_type == "str" and not all(isinstance(v, str) for v in values):
            self.warn(
                node,
                "schema.enum-values",
                f"string enum {self.label(key)} lists values that are not strings; they are "
                "read as strings",
            )
            values = [v if isinstance(v, str) else str(v) for v in values]
        members = tuple(self._member(v) for v in values)
        return Enum(key, "", description, members, value_type, node.pointer, **extras)

    def _member(self, value: str | int) -> EnumMember:
        """One member object per value (members are values here, and Stripe's enums list
        fifteen thousand, most of them many times)."""
        key = (type(value), value)
        member = self._members.get(key)
        if member is None:
            member = self._members[key] = EnumMember("", value)
        return member

    def still_building(self, members: list[TypeRef]) -> bool:
        """Whether one of `members` is a model whose fields are still being converted."""
        return any(isinstance(m, Named) and m.name in self._building for m in members)

    def settle_later(self, union: UnionOf, node: Node) -> None:
        self._unsettled.append((union, node))

    def _settle_unions(self) -> None:
        """Tell apart the variants of the unions met while one of their models was still being
        built (a model that refers back to its own union), now that every model is complete."""
        settled = {id(u): unions.told_apart(self, node, u) for u, node in self._unsettled}
        self._unsettled.clear()
        for key, definition in self.definitions.items():
            if isinstance(definition, Model):
                types = [unions.with_settled(f.type, settled) for f in definition.fields]
                if any(t is not f.type for t, f in zip(types, definition.fields, strict=True)):
                    fields = tuple(
                        f if t is f.type else replace(f, type=t)
                        for t, f in zip(types, definition.fields, strict=True)
                    )
                    self.definitions[key] = replace(definition, fields=fields)
            elif isinstance(definition, Alias):
                settled_type = unions.with_settled(definition.type, settled)
                if settled_type is not definition.type:
                    self.definitions[key] = replace(definition, type=settled_type)

    def warn(self, node: Node, code: str, message: str, level: Level = Level.WARNING) -> None:
        self.diagnostics.append(Diagnostic(level, code, message, node.location))


def named_component(name: str) -> str:
    """A component's key or a listed type's name as `kept_names` compares them: letters and
    digits only, case ignored (`InstrumentIdOrSymbol` is api.md's `InstrumentIDOrSymbol`)."""
    return "".join(c for c in name.lower() if c.isalnum())
