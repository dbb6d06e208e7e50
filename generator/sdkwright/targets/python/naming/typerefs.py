"""Types of the neutral IR -> types the Python templates read.

A reference to a definition gets its class name; a union its discriminator attribute, when
its tag property has one Python name in every member (pydantic names the tag by its field
name); a tag dispatch the attribute it reads models by. A literal type mypy cannot write
becomes `int`, with a warning.
"""

from __future__ import annotations

from collections.abc import Mapping

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir.nodes import (
    Definition,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Primitive,
    TagDispatch,
    TypeRef,
    UnionOf,
)
from sdkwright.targets.python.naming.copies import with_fields

MYPY_LITERAL_FLOOR = -(2**63) + 1  # the smallest integer mypy reads in a Literal type
_PLAIN = "the union is left plain (pydantic picks the variant that fits best)"


class TypeNamer:
    """Renames types, each type object once (a type shared by several nodes stays shared)."""

    def __init__(
        self,
        definitions: Mapping[str, Definition],
        classes: Mapping[str, str],
        fields: Mapping[str, Mapping[str, str]],
        diagnostics: list[Diagnostic],
    ) -> None:
        self.definitions = definitions  # neutral, by key
        self.classes = classes  # key -> class name
        self.fields = fields  # model key -> wire name -> attribute name
        self.diagnostics = diagnostics
        self._done: dict[int, TypeRef] = {}

    def __call__(self, type_: TypeRef) -> TypeRef:
        if isinstance(type_, Primitive):
            return type_  # nothing to name, and the most common type by far
        done = self._done.get(id(type_))
        if done is None:
            done = self._done[id(type_)] = self._named(type_)
        return done

    def _named(self, type_: TypeRef) -> TypeRef:
        if isinstance(type_, Named):
            return Named(self.classes[type_.name], type_.kind)
        if isinstance(type_, Nullable):
            inner = self(type_.inner)
            return type_ if inner is type_.inner else Nullable(inner)
        if isinstance(type_, ListOf):
            item = self(type_.item)
            return type_ if item is type_.item else ListOf(item)
        if isinstance(type_, MapOf):
            value = self(type_.value)
            return type_ if value is type_.value else MapOf(value)
        if isinstance(type_, LiteralOf):
            return self._literal(type_)
        if isinstance(type_, UnionOf):
            return self._union(type_)
        return type_

    def _literal(self, literal: LiteralOf) -> TypeRef:
        if not writable(literal):
            # mypy rejects Literal[-9223372036854775808] ("arbitrary expression").
            self._warn(
                literal.declared_at,
                "schema.literal",
                f"a const or enum value below {MYPY_LITERAL_FLOOR} cannot be a Literal type; "
                "using int",
            )
            return Primitive("int")
        return literal

    def _union(self, union: UnionOf) -> TypeRef:
        members = tuple(self(m) for m in union.members)
        variants = [self.definitions[m.name] for m in union.members if isinstance(m, Named)]
        models = [v for v in variants if isinstance(v, Model)]
        discriminator = next(
            (name for wire in union.tag_properties if (name := self._tag_name(models, wire))), ""
        )
        dispatch = self._dispatch(union.dispatch, models, union.declared_at)
        if not discriminator and union.tag_properties and union.declared_at is not None:
            self._names_differ(union.tag_properties[0], models, union.declared_at)
        return with_fields(union, members=members, discriminator=discriminator, dispatch=dispatch)

    def _tag_name(self, variants: list[Model], wire_name: str) -> str:
        """The attribute name of the tag property `wire_name` when every variant has it as a
        literal Python can write, under one name ("" otherwise)."""
        names = set()
        for variant in variants:
            field = next((f for f in variant.fields if f.wire_name == wire_name), None)
            if field is None or not isinstance(field.type, LiteralOf) or not writable(field.type):
                return ""
            names.add(self.fields[variant.key][wire_name])
        return names.pop() if len(names) == 1 else ""

    def _dispatch(
        self, dispatch: TagDispatch | None, variants: list[Model], declared_at: Location | None
    ) -> TagDispatch | None:
        if dispatch is None:
            return None
        attributes = self._attributes(dispatch.key, variants)
        if len(attributes) > 1:
            self._names_differ(dispatch.key, variants, declared_at)
            return None
        return TagDispatch(
            dispatch.key,
            attributes[0] if attributes else dispatch.key,
            tuple((tag, self(member)) for tag, member in dispatch.tags),
        )

    def _attributes(self, wire_name: str, variants: list[Model]) -> list[str]:
        return sorted(
            {
                self.fields[v.key][f.wire_name]
                for v in variants
                for f in v.fields
                if f.wire_name == wire_name
            }
        )

    def _names_differ(self, key: str, variants: list[Model], declared_at: Location | None) -> None:
        attributes = self._attributes(key, variants)
        if len(attributes) > 1:
            self._warn(
                declared_at,
                "schema.discriminator",
                f"discriminator '{key}' is not used: its Python name differs between the "
                f"variants ({', '.join(attributes)}); {_PLAIN}",
            )

    def _warn(self, where: Location | None, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(Level.WARNING, code, message, where))


def writable(literal: LiteralOf) -> bool:
    """Whether mypy reads every value of the literal in a `Literal[...]` type."""
    return not any(isinstance(v, int) and v < MYPY_LITERAL_FLOOR for v in literal.values)
