"""A definition's Python names: its class and module, its fields' attributes, its enum members."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from sdkwright.ir.names import spelled_symbols
from sdkwright.ir.nodes import Alias, Definition, Enum, EnumMember, Model
from sdkwright.targets.python.naming.copies import with_fields
from sdkwright.targets.python.naming.identifiers import field_name, unique_member_names
from sdkwright.targets.python.naming.typerefs import TypeNamer


def field_names(wire_names: list[str], allowed: frozenset[str] = frozenset()) -> dict[str, str]:
    """Python names for an object's properties: distinct, and none spelled like another
    property's wire name (a constructor keyword must name one field, not two), so a property
    that is its own Python name keeps it: 'a' is `a`, while 'A' beside it is `a_`. `allowed`:
    reserved names a property may have all the same (the Stainless surface's `type`)."""
    wires = set(wire_names)
    plain = {w: w if w in allowed else field_name(w) for w in wire_names}
    names = {w: w for w in wire_names if plain[w] == w}
    taken = set(names.values())
    for wire_name in wire_names:
        if wire_name in names:
            continue
        name = plain[wire_name]
        if name in taken or name in wires:
            name = field_name(spelled_symbols(wire_name))
        while name in taken or name in wires:
            name += "_"
        taken.add(name)
        names[wire_name] = name
    return names


def named_definition(
    definition: Definition,
    types: TypeNamer,
    fields: Mapping[str, Mapping[str, str]],
    module: str,
) -> Definition:
    name = types.classes[definition.key]
    names = {"name": name, "module": module, "origin": None, "where": None}
    if isinstance(definition, Model):
        attributes = fields[definition.key]
        named_fields = tuple(
            with_fields(f, name=attributes[f.wire_name], type=types(f.type))
            for f in definition.fields
        )
        return with_fields(definition, fields=named_fields, **names)
    if isinstance(definition, Enum):
        members = unique_member_names([m.value for m in definition.members])
        named_members = tuple(
            _member(n, m.value, m.description)
            for n, m in zip(members, definition.members, strict=True)
        )
        return with_fields(definition, members=named_members, **names)
    assert isinstance(definition, Alias)
    return with_fields(definition, type=types(definition.type), **names)


# Enum members are values with names: one object for each (Stripe lists 15,000, most many
# times). Typed: 1 and "1" are different values.
@lru_cache(maxsize=None, typed=True)
def _member(name: str, value: str | int, description: str) -> EnumMember:
    return EnumMember(name, value, description)
