"""IR types -> Python type expressions, imports and sample values for generated code."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import quote

from sdkwright.flavours.model_types import PYDANTIC, ModelType
from sdkwright.ir import examples
from sdkwright.ir.nodes import (
    Alias,
    Definition,
    Enum,
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
from sdkwright.targets.python import pytext
from sdkwright.targets.python.companions import is_companion

_PRIMITIVES = {
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "datetime": "datetime.datetime",
    "date": "datetime.date",
    "bytes": "bytes",
    "any": "Any",
    "object": "object",
    "null": "None",
}


def annotation(type_: TypeRef) -> str:
    """The type as a Python annotation, e.g. `list[Order] | None`."""
    match type_:
        case Primitive(name):
            return _PRIMITIVES[name]
        case Named(name):
            return pytext.identifier(name)
        case ListOf(item):
            return f"list[{annotation(item)}]"
        case MapOf(value):
            return f"dict[str, {annotation(value)}]"
        case Nullable(inner):
            return f"{annotation(inner)} | None"
        case LiteralOf(values):
            return "Literal[" + ", ".join(pytext.value_literal(v) for v in values) + "]"
        case UnionOf(members, discriminator, dispatch):
            if dispatch is not None:
                return _tagged_union(members, dispatch)
            union = " | ".join(
                "AwareDatetime" if _needs_offset(m, members) else annotation(m) for m in members
            )
            if discriminator:
                return f"Annotated[{union}, Field(discriminator={pytext.string_literal(discriminator)})]"
            return union
    raise AssertionError(type_)  # pragma: no cover


def _tagged_union(members: tuple[TypeRef, ...], dispatch: TagDispatch) -> str:
    """`Annotated[Annotated[A, pydantic.Tag("a")] | ..., pydantic.Discriminator(...)]`: a
    member with several tags is listed once per tag. The runtime's `tag_reader` reads the tag
    from wire data by its wire name, from a model by its Python name."""
    choices = " | ".join(
        f"Annotated[{annotation(m)}, pydantic.Tag({pytext.string_literal(tag)})]"
        for m in members
        for tag in dispatch.tags_of(m)
    )
    reader = pytext.string_literal(dispatch.key)
    if dispatch.attribute != dispatch.key:
        reader += ", " + pytext.string_literal(dispatch.attribute)
    return f"Annotated[{choices}, pydantic.Discriminator(tag_reader({reader}))]"


def static_annotation(type_: TypeRef) -> str:
    """The annotation without what only pydantic reads (the `Annotated[...]` of a union told
    apart by its tags): mypy takes no Annotated[...] as a cast target."""
    core, optional = (type_.inner, True) if isinstance(type_, Nullable) else (type_, False)
    if isinstance(core, UnionOf):
        core = replace(core, discriminator="", dispatch=None)
    return annotation(Nullable(core) if optional else core)


def upload_annotation(type_: TypeRef) -> str:
    """A multipart field's annotation: binary parts take files (`FileTypes`), as httpx does."""
    match type_:
        case Primitive("bytes"):
            return "FileTypes"
        case ListOf(item):
            return f"list[{upload_annotation(item)}]"
        case Nullable(inner):
            return f"{upload_annotation(inner)} | None"
    return annotation(type_)


def cast_target(
    type_: TypeRef, definitions: Mapping[str, Definition], literal_enums: bool = False
) -> str:
    """The `cast_to=` expression of a result of `type_`. mypy takes no `type[Literal[...]]`
    (nor a union holding one): those are cast to Any, and the call's declared return type
    tells mypy what `request()` returns. `literal_enums`: the model type writes enums as
    literals."""
    runtime = annotation(type_)
    if not needs_cast(type_, definitions, literal_enums):
        return runtime
    if holds_literal(type_, definitions, literal_enums):
        return f"cast(Any, {runtime})"
    return f"cast(type[{static_annotation(type_)}], {runtime})"


def holds_literal(
    type_: TypeRef,
    definitions: Mapping[str, Definition],
    literal_enums: bool = False,
    seen: frozenset[str] = frozenset(),
) -> bool:
    """Whether `type_` is a literal, or a union of or alias to one, at its top level."""
    match type_:
        case LiteralOf():
            return True
        case Nullable(inner):
            return holds_literal(inner, definitions, literal_enums, seen)
        case UnionOf(members):
            return any(holds_literal(m, definitions, literal_enums, seen) for m in members)
        case Named(name) if literal_enums and isinstance(definitions[name], Enum):
            return True
        case Named(name) if name not in seen and isinstance(definitions[name], Alias):
            alias = definitions[name]
            assert isinstance(alias, Alias)
            return holds_literal(alias.type, definitions, literal_enums, seen | {name})
    return False


def needs_cast(
    type_: TypeRef, definitions: Mapping[str, Definition], literal_enums: bool = False
) -> bool:
    """Whether `cast_to=` needs `cast(type[...], ...)`: unions and literals are not classes
    (nor enums where `literal_enums`: the model type writes them as literals)."""
    match type_:
        case Primitive(name):
            return name == "any"
        case Named(name):
            definition = definitions[name]
            return isinstance(definition, Alias) or (literal_enums and isinstance(definition, Enum))
        case ListOf() | MapOf():
            return False
    return True


def map_named(type_: TypeRef, named: Callable[[Named], TypeRef]) -> TypeRef:
    """`type_` with each `Named` in it replaced by `named(it)`. A union member replaced by a
    union is flattened into the union, which is then a plain one: its tags told the old
    members apart."""
    match type_:
        case Named():
            return named(type_)
        # `type_` itself where nothing in it changed: callers rebuild only what did.
        case ListOf(item):
            new = map_named(item, named)
            return type_ if new is item else ListOf(new)
        case MapOf(value):
            new = map_named(value, named)
            return type_ if new is value else MapOf(new)
        case Nullable(inner):
            new = map_named(inner, named)
            return type_ if new is inner else Nullable(new)
        case UnionOf(members):
            written = [map_named(m, named) for m in members]
            if all(new is old for new, old in zip(written, members, strict=True)):
                return type_
            if written == list(members):
                return type_
            flat = [
                part
                for member, new in zip(members, written, strict=True)
                for part in (new.members if isinstance(new, UnionOf) and new != member else (new,))
            ]
            return UnionOf(tuple(flat))
    return type_


def referenced_names(type_: TypeRef) -> Iterator[str]:
    match type_:
        case Named(name):
            yield name
        case ListOf(item) | Nullable(item):
            yield from referenced_names(item)
        case MapOf(value):
            yield from referenced_names(value)
        case UnionOf(members):
            for member in members:
                yield from referenced_names(member)


def typing_needs(type_: TypeRef) -> set[str]:
    """What the annotation uses from outside: 'datetime', 'Any', 'Literal', 'Annotated', the
    `pydantic` module, names from pydantic ('Field') and from the runtime's `_models`."""
    match type_:
        case Primitive(name):
            return (
                {"datetime"}
                if name in ("datetime", "date")
                else ({"Any"} if name == "any" else set())
            )
        case ListOf(item) | Nullable(item):
            return typing_needs(item)
        case MapOf(value):
            return typing_needs(value)
        case LiteralOf():
            return {"Literal"}
        case UnionOf(members, discriminator, dispatch):
            needs = {"Annotated", "Field"} if discriminator else set()
            if dispatch is not None:
                needs = {"Annotated", "pydantic", "tag_reader"}
            for member in members:
                needs |= typing_needs(member)
                if _needs_offset(member, members):
                    needs.add("AwareDatetime")
            return needs
    return set()


def _needs_offset(member: TypeRef, members: tuple[TypeRef, ...]) -> bool:
    """A date-time member beside a date one is written `AwareDatetime`: pydantic's datetime
    takes "2020-01-02" as midnight and its date takes "2020-01-02T00:00:00Z", so only the
    UTC offset every RFC 3339 date-time carries tells the two apart."""
    return (
        isinstance(member, Primitive)
        and member.name == "datetime"
        and any(isinstance(m, Primitive) and m.name == "date" for m in members)
    )


def definition_references(definition: Definition) -> set[str]:
    if isinstance(definition, Model):
        return {n for f in definition.fields for n in referenced_names(f.type)}
    if isinstance(definition, Alias):
        return set(referenced_names(definition.type))
    return set()


def definition_needs(definition: Definition) -> set[str]:
    if isinstance(definition, Model):
        needs: set[str] = set()
        for field in definition.fields:
            needs |= typing_needs(field.type)
            if field.name != field.wire_name or isinstance(field.default, (list, dict)):
                needs.add("Field")  # an alias, or a default_factory
        return needs
    if isinstance(definition, Alias):
        return typing_needs(definition.type) | {"TypeAlias"}
    return set()


# -- sample values in generated code ---------------------------------------------------------


def python_value(
    value: Any,
    type_: TypeRef,
    definitions: Mapping[str, Definition],
    used: set[str] | None = None,
    models: ModelType = PYDANTIC,
) -> str:
    """A Python expression of type `type_` holding the JSON `value` (which fits the type),
    models and enums built as `models` builds them.

    Names the expression needs (classes, 'datetime') are added to `used`.
    """
    used = set() if used is None else used
    match type_:
        case Nullable(inner):
            return (
                "None" if value is None else python_value(value, inner, definitions, used, models)
            )
        case Primitive("datetime"):
            used.add("datetime")
            return f"datetime.datetime.fromisoformat({pytext.string_literal(value)})"
        case Primitive("date"):
            used.add("datetime")
            return f"datetime.date.fromisoformat({pytext.string_literal(value)})"
        case Primitive("bytes"):
            return "b" + pytext.string_literal(str(value))
        case ListOf(item):
            return (
                "["
                + ", ".join(python_value(v, item, definitions, used, models) for v in value)
                + "]"
            )
        case MapOf(item):
            pairs = (
                f"{pytext.string_literal(str(k))}: {python_value(v, item, definitions, used, models)}"
                for k, v in value.items()
            )
            return "{" + ", ".join(pairs) + "}"
        case UnionOf(members, _, dispatch):
            tagged = None
            if dispatch is not None and isinstance(value, dict):
                tagged = dispatch.member_for(value.get(dispatch.key))
            member = tagged or next(
                (m for m in members if examples.problem(value, m, definitions) is None), members[0]
            )
            return python_value(value, member, definitions, used, models)
        case Named(name):
            return _named_value(value, definitions[name], definitions, used, models)
    return pytext.value_literal(value)


def _named_value(
    value: Any,
    definition: Definition,
    definitions: Mapping[str, Definition],
    used: set[str],
    models: ModelType,
) -> str:
    if isinstance(definition, Alias):
        return python_value(value, definition.type, definitions, used, models)
    if isinstance(definition, Model) and is_companion("params", definition):
        return _typed_dict_value(value, definition, definitions, used, models)
    name = pytext.identifier(definition.name)
    if isinstance(definition, Enum):
        form = models.enum_from_value
        if "{name}" in form:
            used.add(name)
        return form.format(name=name, value=pytext.value_literal(value))
    used.add(name)
    return models.model_from_data.format(name=name, data=pytext.value_literal(value))


def _typed_dict_value(
    value: Any,
    definition: Model,
    definitions: Mapping[str, Definition],
    used: set[str],
    models: ModelType,
) -> str:
    """A `<Model>Param` TypedDict's value: a dict of the fields by Python name."""
    by_wire = {f.wire_name: f for f in definition.fields}
    pairs = (
        f"{pytext.string_literal(by_wire[k].name)}: "
        f"{python_value(v, by_wire[k].type, definitions, used, models)}"
        for k, v in value.items()
        if k in by_wire
    )
    return "{" + ", ".join(pairs) + "}"


def wire_text(value: Any, type_: TypeRef) -> str:
    """How the runtime writes a JSON value into a path, query or header."""
    core = type_.inner if isinstance(type_, Nullable) else type_
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(core, Primitive) and core.name == "datetime":
        return examples.canonical_datetime(value) or str(value)
    return str(value)


def quoted_path_segment(value: Any, type_: TypeRef) -> str:
    text = wire_text(value, type_)
    if text in (".", ".."):
        return text.replace(".", "%2E")
    return quote(text, safe="")
