"""Declared discriminators whose tag fields are not all literals -> which member each tag picks.

A union's `discriminator` names its tag property and may map tag values to schemas: by a
reference relative to the document that holds the discriminator (`models/attach.yml`,
`#/components/schemas/Attach`, `other.yml#/attach`) or by a bare component name (`Attach`).
Several tags may pick the same variant; a tag mapped to a schema that is not a variant picks
the one variant that extends it (allOf), when there is exactly one. A variant the mapping
leaves out is tagged with the constant its tag property holds, when it has one (data can hold
no other value: Spotify's TrackObject is "track", not "TrackObject"), else with its component
name (OpenAPI's implicit mapping).

Tags that every variant requires as a literal tell the variants apart by themselves (see
ir/unions.py); for the others, the dispatch says which member each tag picks (in Python, a
function that reads the tag and a `Tag` per member, see pytypes.annotation). When the tags
cannot be told, the caller warns with the Problem and keeps the plain union.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sdkwright.ir.nodes import Named, TagDispatch
from sdkwright.spec.load import split_pointer
from sdkwright.spec.resolve import Node, RefError, SpecSet

# The union member a schema is (its class), or None when it is not one.
MemberOf = Callable[[Node], Named | None]
# How messages name a member: from its key.
Label = Callable[[str], str]
Key = tuple[Path, str]  # where a schema is: its file and JSON pointer


@dataclass(frozen=True)
class Variant:
    node: Node  # the variant's schema, references followed
    member: Named  # the union's member it became


@dataclass(frozen=True)
class Problem:
    node: Node
    message: str


def variants(specs: SpecSet, union: Node, member_of: MemberOf) -> list[Variant]:
    """The schemas of the union's variants: nested inline unions flattened into them, as
    the union's members are."""
    found: list[Variant] = []
    _collect(specs, union, member_of, found, frozenset())
    return found


def _collect(
    specs: SpecSet,
    union: Node,
    member_of: MemberOf,
    found: list[Variant],
    seen: frozenset[Key],
) -> None:
    keyword = "oneOf" if union.value.get("oneOf") else "anyOf"
    items = union.get(keyword)
    if items is None or not isinstance(items.value, list):
        return
    for index in range(len(items.value)):
        try:
            node = specs.deref(items.child(index))
        except RefError:
            continue  # reported by the loader
        key = (node.document.path, node.pointer)
        member = member_of(node)
        if member is not None:
            found.append(Variant(node, member))
        elif key not in seen and _is_union(node.value):
            _collect(specs, node, member_of, found, seen | {key})


def dispatch(
    specs: SpecSet,
    union: Node,
    key: str,
    members: Sequence[Named],
    found: Sequence[Variant],
    constants: Mapping[Named, tuple[str, ...]],
    label: Label,
) -> TagDispatch | Problem:
    """The tags of every member of the union at `union` (whose discriminator names `key`;
    `constants`: the values a member's tag property is limited to, where it is a constant),
    or the Problem that leaves the union undispatched. The dispatch's attribute is left to
    the target's naming step."""
    discriminator = union.child("discriminator")
    tags: dict[str, Named] = {}
    mapping = discriminator.get("mapping")
    if mapping is not None:
        if not isinstance(mapping.value, dict):
            return Problem(mapping, "the discriminator's mapping is not an object")
        for tag, target in mapping.value.items():
            entry = mapping.child(tag)
            if not isinstance(tag, str) or not isinstance(target, str):
                return Problem(entry, f"mapping entry {tag!r}: a tag and its schema are strings")
            picked = _mapped_member(specs, entry, target, found, label)
            if isinstance(picked, str):
                return Problem(entry, f"tag '{tag}' maps to {picked}")
            tags[tag] = picked
    for member in [m for m in members if m not in tags.values()]:
        names = [_component_name(specs, v.node) for v in found if v.member == member]
        # Data can hold nothing but the constant: it is the tag, whatever the schema's name.
        for tag in constants.get(member) or [n for n in names if n]:
            tags.setdefault(tag, member)
    untagged = [label(m.name) for m in members if m not in tags.values()]
    if untagged:
        return Problem(
            discriminator,
            f"variant {', '.join(untagged)} has no tag: no mapping entry picks it, its tag "
            "property is not a constant and it is not a component schema (whose name would be "
            "its tag)",
        )
    ordered = tuple((tag, m) for m in members for tag, picked in tags.items() if picked == m)
    return TagDispatch(key, "", ordered)


def _mapped_member(
    specs: SpecSet, entry: Node, target: str, found: Sequence[Variant], label: Label
) -> Named | str:
    """The member a mapping entry's schema is, or why there is none."""
    try:
        node = specs.deref(_reference(specs, entry, target))
    except RefError as error:
        return f"'{target}', which cannot be found: {error}"
    wanted = (node.document.path, node.pointer)
    for variant in found:
        if (variant.node.document.path, variant.node.pointer) == wanted:
            return variant.member
    extending = list(dict.fromkeys(v.member for v in found if _extends(specs, v.node, wanted)))
    if len(extending) == 1:
        return extending[0]
    if not extending:
        return f"'{target}', which is none of the union's variants, and no variant extends it"
    names = ", ".join(label(m.name) for m in extending)
    return f"'{target}', which is none of the union's variants, and several extend it ({names})"


def _reference(specs: SpecSet, entry: Node, target: str) -> Node:
    """A node that refers to the mapping entry's schema: a bare name names a component
    schema; anything else is a reference relative to the entry's document."""
    if "#" not in target and "/" not in target:
        schemas = specs.root_node.get("components")
        schemas = schemas.get("schemas") if schemas is not None else None
        if schemas is not None and isinstance(schemas.value, dict) and target in schemas.value:
            return schemas.child(target)
    return Node(entry.document, entry.pointer, {"$ref": target})


def _component_name(specs: SpecSet, node: Node) -> str:
    """The name of the component schema at `node` ("" for a schema elsewhere)."""
    tokens = split_pointer(node.pointer)
    in_components = len(tokens) == 3 and tokens[:2] == ["components", "schemas"]
    return tokens[2] if in_components and node.document.path == specs.root.path else ""


def _is_union(schema: object) -> bool:
    return isinstance(schema, dict) and bool(schema.get("oneOf") or schema.get("anyOf"))


def _extends(
    specs: SpecSet,
    node: Node,
    wanted: Key,
    seen: frozenset[Key] = frozenset(),
) -> bool:
    """Whether the schema at `node` includes the schema `wanted` through allOf."""
    parts = node.get("allOf")
    if parts is None or not isinstance(parts.value, list):
        return False
    for index in range(len(parts.value)):
        try:
            part = specs.deref(parts.child(index))
        except RefError:
            continue
        key = (part.document.path, part.pointer)
        if key == wanted:
            return True
        if key not in seen and _extends(specs, part, wanted, seen | {key}):
            return True
    return False
