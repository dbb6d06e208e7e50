"""Schema objects -> IR types, for every spec version.

A schema becomes a class (Model, Enum or Alias) when it needs a name: objects with
properties, enums, and unions defined as components. Everything else is inlined as a type
expression. Named components get their names first, so a reference can be answered before
the class it names is converted, which is how recursive schemas terminate.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir import discriminators, examples, overrides
from sdkwright.ir.nodes import (
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
    TagDispatch,
    TypeRef,
    UnionOf,
)
from sdkwright.spec.resolve import Node, RefError, SpecSet
from sdkwright.targets.python import naming

Key = tuple[Path, str]
ClassKind = Literal["model", "enum", "alias"]
_MYPY_LITERAL_FLOOR = -(2**63) + 1  # the smallest integer mypy reads in a Literal type
# Keywords that shape a value in ways a Python type cannot say: a schema that has no type of
# its own besides them degrades (with a warning).
_UNSUPPORTED_KEYWORDS = ("not", "if", "then", "else", "prefixItems", "$dynamicRef")

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


def _non_null_members(schema: dict[str, Any]) -> list[Any]:
    return [m for m in (schema.get("oneOf") or schema.get("anyOf") or []) if not _is_null_schema(m)]


def _enum_values(schema: Any) -> list[Any]:
    values = schema.get("enum") if isinstance(schema, dict) else None
    return [v for v in values if v is not None] if isinstance(values, list) else []


def _enum_value_type(schema: dict[str, Any]) -> Literal["str", "int", ""]:
    """The value type of the enum class for a schema's values; "" when they need a Literal
    instead (booleans, or values of mixed types). A string enum stays one when a few values
    are not strings (YAML reads `yes` and `1` as such): they are read as their spelling."""
    values = _enum_values(schema)
    if values and all(isinstance(v, str) for v in values):
        return "str"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    if values and schema.get("type") == "string":
        return "str"
    return ""


@dataclass
class SchemaConverter:
    specs: SpecSet
    version: str
    names: naming.NameRegistry
    diagnostics: list[Diagnostic] = field(default_factory=list)
    definitions: dict[str, Definition] = field(default_factory=dict)
    _named: dict[Key, Named] = field(default_factory=dict)
    # Component schema key -> class name, from the target's `names.schemas`.
    class_names: Mapping[str, str] = field(default_factory=dict)
    _inline_stack: set[Key] = field(default_factory=set)
    # Aliases whose members accept null below the top level (`anyOf: [A, {anyOf: [B, null]}]`):
    # the alias leaves None out, so every reference adds it.
    _nullable_aliases: set[str] = field(default_factory=set)
    # Models whose fields are being converted, and the unions that met one of them as a
    # variant: a variant's tag field is known only once its model is complete.
    _building: set[str] = field(default_factory=set)
    _unsettled: list[tuple[UnionOf, Node]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.names.reserve(naming.RUNTIME_NAMES, "a name the SDK's types modules import")

    # -- names ---------------------------------------------------------------------------

    def name_components(self, components: Node) -> None:
        """Give every class-worthy component schema its name before anything is converted."""
        self._claim_imposed_names(components)
        for key in components.value:
            node = components.child(key)
            if (node.document.path, node.pointer) in self._named:
                continue
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

    def _claim_imposed_names(self, components: Node) -> None:
        """Names from the config or `x-sdkwright-name` go first: derived names step aside."""
        for key in components.value:
            node = components.child(key)
            kind = self._class_kind(node.value)
            name, problem = overrides.class_name(key, node.value, self.class_names)
            if problem:
                self._warn(node, "naming.override-invalid", problem)
            if kind is None or not name:
                continue
            owner = self.names.owner(name)
            if owner is not None:
                taken = "a name the SDK reserves" if owner == "<reserved>" else f"taken by {owner}"
                self._warn(
                    node,
                    "naming.override-collision",
                    f"schema '{key}' cannot be named {name}: {taken}",
                    level=Level.ERROR,
                )
                continue
            self.names.claim([name], node.pointer)
            self._named[(node.document.path, node.pointer)] = Named(name, kind)
        for problem in overrides.unknown_keys(self.class_names, components.value, "schemas"):
            self._warn(components, "naming.override-unknown", problem)

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
        values = _enum_values(schema)
        if values:
            return "enum" if _enum_value_type(schema) else "alias"
        members = _non_null_members(schema)
        if len(members) >= 2:
            return "alias"
        if len(members) == 1 and not schema.get("properties"):
            # `{oneOf: [{type: object, ...}, {type: null}]}`: the class of its one member.
            return self._class_kind(members[0])
        if schema.get("properties") or len(schema.get("allOf") or []) > 1:
            return "model"
        return None

    def _sole_member(self, node: Node) -> Node:
        """The node whose content makes a class: the one non-null member of a nullable
        oneOf/anyOf written around an inline schema, or the node itself."""
        schema = node.value
        if not isinstance(schema, dict) or schema.get("properties") or _enum_values(schema):
            return node
        members = _non_null_members(schema)
        if len(members) != 1 or not isinstance(members[0], dict) or "$ref" in members[0]:
            return node
        keyword = "oneOf" if schema.get("oneOf") else "anyOf"
        index = next(i for i, m in enumerate(schema[keyword]) if m is members[0])
        return self._sole_member(node.child(keyword).child(index))

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
        """A class-worthy schema referenced from outside `components` (e.g. another file):
        named after its key or file, and when that is taken, after the folders around it."""
        kind = self._class_kind(target.value)
        assert kind is not None
        candidates = [naming.class_name(" ".join(words)) for words in _ref_contexts(target)]
        owner = f"{target.document.path.name}#{target.pointer}"
        name, moved = self.names.claim(candidates, owner)
        if moved:
            self._warn(
                target,
                "naming.collision",
                f"schema {owner} is named {name}: {candidates[0]} is already taken by "
                f"{self.names.owner(candidates[0])}",
            )
        named = Named(name, kind)
        self._named[(target.document.path, target.pointer)] = named
        return named

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
            return named, is_nullable or named.name in self._nullable_aliases
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
        if not type_name and "patternProperties" in schema:
            type_name = "object"
        if not type_name:
            self._warn_unsupported(node, context, "Any")
        return self._simple(type_name, schema, node, context), is_nullable

    def _warn_unsupported(self, node: Node, context: list[str], loose: str) -> None:
        """A schema shaped by keywords the generator cannot express is typed `loose`: say so."""
        keywords = [k for k in _UNSUPPORTED_KEYWORDS if k in node.value]
        if keywords:
            self._warn(
                node,
                "schema.unsupported",
                f"schema {'.'.join(context) or 'at this pointer'} uses "
                f"{', '.join(repr(k) for k in keywords)}, which the SDK cannot express; "
                f"typed {loose}",
            )

    def _simple(
        self, type_name: str, schema: dict[str, Any], node: Node, context: list[str]
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
        patterns = node.get("patternProperties")
        if patterns is not None and isinstance(patterns.value, dict) and patterns.value:
            # Keys are not checked against their patterns; values are typed.
            values = [
                self.convert(patterns.child(key), [*context, "Value"]) for key in patterns.value
            ]
            unique = list(dict.fromkeys(values))
            return MapOf(unique[0] if len(unique) == 1 else UnionOf(tuple(unique)))
        return MapOf(ANY)

    def _literal(self, values: list[Any], node: Node) -> TypeRef:
        usable = tuple(v for v in values if isinstance(v, (str, int, bool)))
        if len(usable) != len(values):
            numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
            loose = "float" if numbers else "Any"
            self._warn(
                node,
                "schema.literal",
                f"a const or enum value that is not a string, integer or boolean; using {loose}",
            )
            return Primitive("float") if numbers else ANY
        if any(isinstance(v, int) and v < _MYPY_LITERAL_FLOOR for v in usable):
            # mypy rejects Literal[-9223372036854775808] ("arbitrary expression").
            self._warn(
                node,
                "schema.literal",
                f"a const or enum value below {_MYPY_LITERAL_FLOOR} cannot be a Literal type; using int",
            )
            return Primitive("int")
        return LiteralOf(usable)

    def _inline_enum(self, node: Node, context: list[str]) -> TypeRef:
        values = _enum_values(node.value)
        if len(values) == 1 or (values and not _enum_value_type(node.value)):
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
            hint = _variant_hint(member, index)
            # A title repeating the union's own name adds nothing to the variant's name.
            word = naming.pascal(hint)
            repeated = bool(word) and naming.class_name(" ".join(context)).endswith(word)
            member_type = self.convert(
                members_node.child(index), context if repeated else [*context, hint]
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
        members.sort(key=self._member_rank)
        if any(isinstance(m, Named) and m.name in self._building for m in members):
            union = UnionOf(tuple(members))
            self._unsettled.append((union, node))
            return union, is_nullable
        tag_field, dispatch = self._discriminator(node, members)
        return UnionOf(tuple(members), tag_field, dispatch), is_nullable

    def _settle_unions(self) -> None:
        """Tell apart the variants of the unions met while one of their models was still being
        built (a model that refers back to its own union), now that every model is complete."""
        settled: dict[int, UnionOf] = {}
        for union, node in self._unsettled:
            tag_field, dispatch = self._discriminator(node, list(union.members))
            settled[id(union)] = UnionOf(union.members, tag_field, dispatch)
        self._unsettled.clear()
        for name, definition in self.definitions.items():
            if isinstance(definition, Model):
                fields = tuple(
                    replace(f, type=_with_settled(f.type, settled)) for f in definition.fields
                )
                self.definitions[name] = replace(definition, fields=fields)
            elif isinstance(definition, Alias):
                self.definitions[name] = replace(
                    definition, type=_with_settled(definition.type, settled)
                )

    def _member_rank(self, member: TypeRef) -> int:
        """Where a member goes in its union (the spec's order otherwise). When no member
        matches a value exactly, pydantic takes the first that accepts it after a conversion:
        so string enums and literals (which convert nothing) come first, then integer enum
        classes (which take "5" and true), booleans, integer literals (0 or 1 would take false
        or true as its number, so after booleans), and a date-time member (which takes
        numbers and dates) after the members it would rob."""
        match member:
            case LiteralOf(values):
                return 0 if all(isinstance(v, str) for v in values) else 3
            case Named(name, "enum"):
                definition = self.definitions.get(name)
                return 0 if isinstance(definition, Enum) and definition.value_type == "str" else 1
            case Primitive("bool"):
                return 2
            case Primitive("datetime"):
                return 5
            case Primitive("date"):
                return 6
            case Primitive("any"):
                return 7
        return 4

    def _discriminator(self, node: Node, members: list[TypeRef]) -> tuple[str, TagDispatch | None]:
        """How pydantic tells the members apart: the Python name of a tag field every
        variant has as a literal (the declared discriminator's, or else a property every
        variant requires as a `const` or one-value enum, with no value shared by two
        variants); else, for a declared discriminator, the member each tag value picks."""
        discriminator = node.value.get("discriminator")
        declared = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
        models = [self.definitions.get(m.name) if isinstance(m, Named) else None for m in members]
        variants = [m for m in models if isinstance(m, Model)]
        if len(variants) != len(members):
            if isinstance(declared, str):
                self._warn(
                    node.child("discriminator"),
                    "schema.discriminator",
                    f"discriminator '{declared}' is not used: not every variant is an object "
                    "schema; the union is left plain (pydantic picks the variant that fits best)",
                )
            return "", None
        if isinstance(declared, str):
            name = _tag_name(variants, declared)
            if name:
                return name, None
            named = [m for m in members if isinstance(m, Named)]
            return "", self._tag_dispatch(node, declared, named, variants)
        for field_ in variants[0].fields:
            name = _tag_name(variants, field_.wire_name)
            if name:
                return name, None
        return "", None

    def _tag_dispatch(
        self, node: Node, key: str, members: list[Named], variants: list[Model]
    ) -> TagDispatch | None:
        """The declared discriminator `key` as tag values (see ir/discriminators.py); None,
        with a warning, when they cannot be told."""
        attributes = sorted({f.name for v in variants for f in v.fields if f.wire_name == key})
        if len(attributes) > 1:
            found: TagDispatch | discriminators.Problem = discriminators.Problem(
                node.child("discriminator"),
                f"its Python name differs between the variants ({', '.join(attributes)})",
            )
        else:
            variants_found = discriminators.variants(self.specs, node, self._member_of)
            attribute = attributes[0] if attributes else key
            constants = {m: _constant_tags(v, key) for m, v in zip(members, variants, strict=True)}
            found = discriminators.dispatch(
                self.specs, node, key, attribute, members, variants_found, constants
            )
        if isinstance(found, TagDispatch):
            return found
        self._warn(
            found.node,
            "schema.discriminator",
            f"discriminator '{key}' is not used: {found.message}; the union is left plain "
            "(pydantic picks the variant that fits best)",
        )
        return None

    def _member_of(self, node: Node) -> Named | None:
        return self._named.get((node.document.path, node.pointer))

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
        body = self._sole_member(node)
        if body is not node:
            description = description or description_of(body.value)
        if named.kind == "enum":
            self.definitions[named.name] = self._enum(body, named.name, module, description)
            return
        if named.kind == "alias":
            # Register first: a union may refer back to itself through its variants.
            self.definitions[named.name] = Alias(named.name, module, description, ANY, node.pointer)
            if _enum_values(body.value):
                type_, nested_null = self._literal(_enum_values(body.value), body), False
            else:
                type_, nested_null = self._union(body, context)
                type_ = _without_member(type_, named)
            if nested_null and not self._null_flags(node.value)[1]:
                self._nullable_aliases.add(named.name)
            self.definitions[named.name] = Alias(
                named.name, module, description, type_, node.pointer
            )
            return
        self.definitions[named.name] = Model(named.name, module, description, (), node.pointer)
        self._building.add(named.name)
        fields = tuple(self._fields(body, named.name))
        self._building.discard(named.name)
        deprecated = node.value.get("deprecated") is True or body.value.get("deprecated") is True
        self.definitions[named.name] = Model(
            named.name, module, description, fields, node.pointer, deprecated
        )
        if self._unsettled and not self._building:
            self._settle_unions()

    def _enum(self, node: Node, name: str, module: str, description: str) -> Enum:
        values = _enum_values(node.value)
        value_type = _enum_value_type(node.value)
        assert value_type, "only enums of strings or of integers become classes"
        if value_type == "str" and not all(isinstance(v, str) for v in values):
            self._warn(
                node,
                "schema.enum-values",
                f"string enum {name} lists values that are not strings; they are read as strings",
            )
            values = [v if isinstance(v, str) else str(v) for v in values]
        member_names = naming.unique_member_names(list(values))
        members = tuple(EnumMember(n, v) for n, v in zip(member_names, values, strict=True))
        return Enum(name, module, description, members, value_type, node.pointer)

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
        members = _non_null_members(node.value)
        keyword = "oneOf" if node.value.get("oneOf") else "anyOf"
        if len(members) == 1:  # `oneOf: [{...}]`: a wrapper around one schema
            index = next(i for i, m in enumerate(node.value[keyword]) if m is members[0])
            yield from self.object_parts(node.child(keyword).child(index), seen | {key})
        elif any(isinstance(m, dict) and ("properties" in m or "$ref" in m) for m in members):
            self._warn(
                node,
                "schema.unsupported",
                f"the {len(members)} {keyword} variants of this object are not merged into its "
                "fields: their properties are kept untyped, as extra fields",
            )
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
        names = field_names(list(properties))
        for wire_name, prop in properties.items():
            yield self._field(prop, names[wire_name], wire_name, wire_name in required, model_name)

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


def field_names(wire_names: list[str]) -> dict[str, str]:
    """Python names for an object's properties: distinct, and none spelled like another
    property's wire name (a constructor keyword must name one field, not two), so a property
    that is its own Python name keeps it: 'a' is `a`, while 'A' beside it is `a_`."""
    wires = set(wire_names)
    plain = {w: naming.field_name(w) for w in wire_names}
    names = {w: w for w in wire_names if plain[w] == w}
    taken = set(names.values())
    for wire_name in wire_names:
        if wire_name in names:
            continue
        name = plain[wire_name]
        if name in taken or name in wires:
            name = naming.field_name(naming.spelled_symbols(wire_name))
        while name in taken or name in wires:
            name += "_"
        taken.add(name)
        names[wire_name] = name
    return names


def _tag_name(variants: list[Model], wire_name: str) -> str:
    """The Python name of `wire_name` when every variant requires it as a literal and no two
    variants share a value ("" otherwise). pydantic names the tag by its field name, which
    must then be the same in every variant."""
    names: set[str] = set()
    seen: set[str | int | bool] = set()
    for variant in variants:
        tag = next((f for f in variant.fields if f.wire_name == wire_name), None)
        if tag is None or not tag.required or not isinstance(tag.type, LiteralOf):
            return ""
        values = set(tag.type.values)
        if values & seen:
            return ""
        seen |= values
        names.add(tag.name)
    return names.pop() if len(names) == 1 else ""


def _with_settled(type_: TypeRef, settled: Mapping[int, UnionOf]) -> TypeRef:
    """`type_` with each union of `settled` (by identity) replaced by its settled form."""
    match type_:
        case UnionOf(members):
            union = settled.get(id(type_), type_)
            assert isinstance(union, UnionOf)
            return replace(union, members=tuple(_with_settled(m, settled) for m in members))
        case ListOf(item):
            return replace(type_, item=_with_settled(item, settled))
        case MapOf(value):
            return replace(type_, value=_with_settled(value, settled))
        case Nullable(inner):
            return Nullable(_with_settled(inner, settled))
    return type_


def _constant_tags(variant: Model, wire_name: str) -> tuple[str, ...]:
    """The string values the variant's property `wire_name` is limited to, when its type is
    a literal (required or not); () otherwise."""
    tag = next((f for f in variant.fields if f.wire_name == wire_name), None)
    core = strip_null(tag.type)[0] if tag is not None else None
    if not isinstance(core, LiteralOf):
        return ()
    return tuple(v for v in core.values if isinstance(v, str))


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


# Folder names that say nothing about a schema: left out of names made from its path.
_GENERIC_FOLDERS = frozenset({"models", "schemas", "components", "definitions", "shared", "spec"})


def _ref_contexts(target: Node) -> list[list[str]]:
    """Names for a schema outside `components`, most natural first: its key (or file name),
    then with its file name and the folders above it, nearest first."""
    words = [_ref_context(target)]
    if target.pointer:
        words.insert(0, target.document.path.stem)
    contexts = [words[-1:], words] if len(words) > 1 else [words]
    for folder in reversed(target.document.path.parent.parts[-3:]):
        if folder.lower() not in _GENERIC_FOLDERS:
            words = [folder, *words]
            contexts.append(words)
    return contexts


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


def _without_member(type_: TypeRef, member: TypeRef) -> TypeRef:
    """A union without `member`: a union that lists itself (`E = int | E`) means the same
    without it, and mypy rejects such an alias."""
    if not isinstance(type_, UnionOf) or member not in type_.members:
        return type_
    rest = tuple(m for m in type_.members if m != member)
    if not rest:
        return ANY
    return rest[0] if len(rest) == 1 else replace(type_, members=rest)
