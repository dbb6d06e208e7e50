"""What the model types datamodel-code-generator writes change in the Api's unions, and the
warnings for what they cannot represent precisely (called from their `prepare`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir.nodes import (
    ANY,
    Alias,
    Api,
    Definition,
    Enum,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Operation,
    Primitive,
    Response,
    TypeRef,
    UnionOf,
)

UnionMap = Callable[[UnionOf], TypeRef]


def _map_unions(type_: TypeRef, change: UnionMap) -> TypeRef:
    """`type_` with `change` applied to every union in it, the innermost first."""
    if isinstance(type_, ListOf):
        return ListOf(_map_unions(type_.item, change))
    if isinstance(type_, MapOf):
        return MapOf(_map_unions(type_.value, change))
    if isinstance(type_, Nullable):
        return Nullable(_map_unions(type_.inner, change))
    if isinstance(type_, UnionOf):
        members = tuple(_map_unions(m, change) for m in type_.members)
        return change(replace(type_, members=members))
    return type_


def _map_definition(definition: Definition, change: UnionMap) -> Definition:
    if isinstance(definition, Model):
        fields = tuple(replace(f, type=_map_unions(f.type, change)) for f in definition.fields)
        return replace(definition, fields=fields)
    if isinstance(definition, Alias):
        return replace(definition, type=_map_unions(definition.type, change))
    return definition


def _map_responses(op: Operation, change: UnionMap) -> Operation:
    """The operation with `change` applied to the unions of its responses' types."""

    def response(r: Response) -> Response:
        return r if r.type is None else replace(r, type=_map_unions(r.type, change))

    return replace(op, success=response(op.success), responses=tuple(map(response, op.responses)))


# -- unions without their tags (every model type but msgspec) --------------------------------


def untagged_warnings(api: Api) -> list[Diagnostic]:
    """The definitions holding a union told apart by tags that its variants type as plain
    strings: datamodel-code-generator is given plain unions (see writer.type_schema), so
    pydantic picks their variant by fit there; the clients' own unions keep their tags."""
    found: list[Diagnostic] = []
    for definition in api.definitions:
        if isinstance(definition, Model):
            types = [f.type for f in definition.fields]
        else:
            types = [definition.type] if isinstance(definition, Alias) else []
        if any(_tag_dispatched(t) for t in types):
            message = (
                f"{definition.name}: a union whose variants are told apart by a tag they type as"
                " a plain string is a plain union in datamodel-code-generator's models (pydantic"
                " picks the variant that fits best)"
            )
            location = Location(api.source_name, pointer=definition.source)
            hint = "give each variant its tag as a const, or use the httpx or requests flavour"
            found.append(
                Diagnostic(Level.WARNING, "datamodel.tagged-union", message, location, hint)
            )
    return found


def _tag_dispatched(type_: TypeRef) -> bool:
    if isinstance(type_, UnionOf):
        return type_.dispatch is not None or any(_tag_dispatched(m) for m in type_.members)
    if isinstance(type_, ListOf):
        return _tag_dispatched(type_.item)
    if isinstance(type_, MapOf):
        return _tag_dispatched(type_.value)
    return isinstance(type_, Nullable) and _tag_dispatched(type_.inner)


# -- TypedDicts: discriminators by wire name ---------------------------------------------------


def discriminators_by_wire_name(api: Api) -> Api:
    """The Api with each union's discriminator named by its wire name: a TypedDict's key.
    (The models module's unions carry none; the clients' return types name it for pydantic.)"""
    definitions = {d.name: d for d in api.definitions}

    def by_wire_name(union: UnionOf) -> TypeRef:
        wire = _wire_name(union, definitions)
        return replace(union, discriminator=wire) if wire else union

    groups = tuple(
        replace(g, operations=tuple(_map_responses(op, by_wire_name) for op in g.operations))
        for g in api.groups
    )
    return replace(api, groups=groups)


def _wire_name(union: UnionOf, definitions: Mapping[str, Definition]) -> str:
    """The wire name of `union`'s discriminator field ("" without one)."""
    for member in union.members:
        model = definitions.get(member.name) if isinstance(member, Named) else None
        if isinstance(model, Model):
            for f in model.fields:
                if f.name == union.discriminator:
                    return f.wire_name
    return ""


# -- msgspec: unions it cannot decode ----------------------------------------------------------
#
# msgspec decodes a union only when the JSON alone picks the member: at most one member of
# each JSON kind (object, array, string, integer), except objects that are structs tagged by
# a discriminator. A union it cannot decode is loosened, with a warning, to the JSON value
# as it comes (`dict[str, Any]` when every member is an object, else `Any`).

LOOSE_OBJECT = MapOf(ANY)
_PRIMITIVE_KINDS = {
    "str": "string",
    "datetime": "string",
    "date": "string",
    "bytes": "string",
    "int": "integer",
}


def _kind(type_: TypeRef, definitions: Mapping[str, Definition]) -> str:
    """The JSON kind a value of `type_` is, for msgspec's union rules ("" for any kind)."""
    if isinstance(type_, Named):
        definition = definitions.get(type_.name)
        if isinstance(definition, Model):
            return "object"
        if isinstance(definition, Enum):
            return "string" if definition.value_type == "str" else "integer"
        return _kind(definition.type, definitions) if isinstance(definition, Alias) else ""
    if isinstance(type_, MapOf):
        return "object"
    if isinstance(type_, ListOf):
        return "array"
    if isinstance(type_, Primitive):
        return _PRIMITIVE_KINDS.get(type_.name, "")
    if isinstance(type_, LiteralOf):
        return "string" if all(isinstance(v, str) for v in type_.values) else ""
    return ""  # a nested union or a nullable: msgspec checks what it flattens to


def _undecodable(
    union: UnionOf, definitions: Mapping[str, Definition], tagged: frozenset[str]
) -> bool:
    kinds = [_kind(m, definitions) for m in union.members]
    objects_tagged = bool(union.discriminator) and all(
        isinstance(m, Named) and m.name in tagged
        for m, kind in zip(union.members, kinds, strict=True)
        if kind == "object"
    )
    return any(
        kinds.count(kind) > 1 and not (kind == "object" and objects_tagged)
        for kind in {"object", "array", "string", "integer"}
    )


def _tagged_structs(definitions: Mapping[str, Definition]) -> frozenset[str]:
    """The models datamodel-code-generator writes as tagged structs: the members of the
    discriminated unions among the definitions (a union only in an operation tags none)."""
    tagged: set[str] = set()

    def collect(union: UnionOf) -> TypeRef:
        if union.discriminator:
            tagged.update(m.name for m in union.members if isinstance(m, Named))
        return union

    for definition in definitions.values():
        _map_definition(definition, collect)
    return frozenset(tagged)


def _loosener(definitions: Mapping[str, Definition]) -> UnionMap:
    """A union msgspec cannot decode becomes a looser type; others stay as they are."""
    tagged = _tagged_structs(definitions)

    def loosen(union: UnionOf) -> TypeRef:
        if not _undecodable(union, definitions, tagged):
            return union
        kinds = {_kind(m, definitions) for m in union.members}
        return LOOSE_OBJECT if kinds == {"object"} else ANY

    return loosen


def loosened_for_msgspec(api: Api) -> tuple[Api, list[Diagnostic]]:
    """The Api with the unions msgspec cannot decode loosened, and a warning for each."""
    loosen = _loosener({d.name: d for d in api.definitions})
    loosened = tuple(_map_definition(d, loosen) for d in api.definitions)
    groups = tuple(
        replace(g, operations=tuple(_map_responses(op, loosen) for op in g.operations))
        for g in api.groups
    )
    diagnostics = [
        _loosened_warning(api, new.name, new.source)
        for old, new in zip(api.definitions, loosened, strict=True)
        if old != new
    ]
    diagnostics += [
        _loosened_warning(api, f"operation {old.operation_id}", old.source)
        for before, after in zip(api.groups, groups, strict=True)
        for old, new in zip(before.operations, after.operations, strict=True)
        if old != new
    ]
    return replace(api, definitions=loosened, groups=groups), diagnostics


def _loosened_warning(api: Api, what: str, pointer: str) -> Diagnostic:
    message = (
        f"{what}: a union msgspec cannot tell apart by its JSON alone (several objects without"
        " a discriminator, or several arrays, strings or integers) is read as plain JSON data"
        " with output_model_type msgspec"
    )
    return Diagnostic(
        Level.WARNING,
        "datamodel.msgspec-union",
        message,
        Location(api.source_name, pointer=pointer),
        hint="add a discriminator to the union, or use another output_model_type",
    )
