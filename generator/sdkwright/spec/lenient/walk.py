"""Where the lenient repairs look: operations, parameters and every place a schema belongs,
across files ($refs followed), each visited once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from sdkwright.spec.load import Document
from sdkwright.spec.resolve import Node, RefError, SpecSet, iter_refs
from sdkwright.spec.validate import iter_operations

_EVERY = "*"
# Where schemas sit below an operation, a path item, and the top of a document.
_OPERATION_SCHEMAS = (
    ("parameters", _EVERY, "schema"),
    ("parameters", _EVERY, "content", _EVERY, "schema"),
    ("requestBody", "content", _EVERY, "schema"),
    ("responses", _EVERY, "schema"),
    ("responses", _EVERY, "content", _EVERY, "schema"),
    ("responses", _EVERY, "headers", _EVERY, "schema"),
)
_PATH_ITEM_SCHEMAS = _OPERATION_SCHEMAS[:2]
_ROOT_SCHEMAS = (
    ("components", "schemas", _EVERY),
    ("components", "parameters", _EVERY, "schema"),
    ("components", "parameters", _EVERY, "content", _EVERY, "schema"),
    ("components", "requestBodies", _EVERY, "content", _EVERY, "schema"),
    ("components", "responses", _EVERY, "content", _EVERY, "schema"),
    ("components", "responses", _EVERY, "headers", _EVERY, "schema"),
    ("components", "headers", _EVERY, "schema"),
    ("definitions", _EVERY),  # Swagger 2.0
    ("parameters", _EVERY, "schema"),
    ("responses", _EVERY, "schema"),
)
# Keywords of a schema whose values are schemas: one, a map of them, a list of them.
_ONE_SCHEMA = (
    "items",
    "additionalItems",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")


@dataclass(frozen=True)
class Slot:
    """A value where a schema belongs, as written: `kind` is the keyword that holds it
    ("property" for an entry of `properties`, "schema" elsewhere at the top)."""

    node: Node
    kind: str


def ref_sites(specs: SpecSet) -> list[tuple[str, str, Document]]:
    """(ref, pointer of the object holding it, document) for every $ref of the spec."""
    return [
        (ref, pointer, document)
        for document in specs.documents.values()
        for ref, pointer in iter_refs(
            Node(document, "", document.data),
            swagger2=specs.swagger2,
            root_document=document is specs.root,
        )
    ]


def deref(specs: SpecSet, node: Node) -> Node | None:
    try:
        return specs.deref(node)
    except RefError:
        return None  # reported by the loader


def select(specs: SpecSet, node: Node, steps: Sequence[str]) -> list[Node]:
    """The values at `steps` below `node` (`*`: every entry of a map or list, `x-`
    extensions aside), $refs followed on the way; the values found are as written."""
    nodes = [node]
    for step in steps:
        found: list[Node] = []
        for parent in (deref(specs, n) for n in nodes):
            if parent is None:
                continue
            if step != _EVERY:
                child = parent.get(step)
                found.extend([child] if child is not None else [])
            elif isinstance(parent.value, dict):
                found.extend(parent.child(k) for k in parent.value if not k.startswith("x-"))
            elif isinstance(parent.value, list):
                found.extend(parent.child(i) for i in range(len(parent.value)))
        nodes = found
    return nodes


def parameters(specs: SpecSet) -> list[Node]:
    """Every parameter object (references followed), once."""
    root = specs.root_node
    listed = select(specs, root, ("components", "parameters", _EVERY))
    listed += select(specs, root, ("parameters", _EVERY))
    for _, _, item, operation in iter_operations(specs):
        listed += select(specs, item, ("parameters", _EVERY))
        listed += select(specs, operation, ("parameters", _EVERY))
    return unique(n for n in (deref(specs, p) for p in listed) if n is not None)


# The schema passes walk the same spec in turn: once, until one of them changes it (a
# changed spec is a new SpecSet).
_SCHEMAS: WeakKeyDictionary[SpecSet, list[Slot]] = WeakKeyDictionary()


def schemas(specs: SpecSet) -> list[Slot]:
    """Every value where a schema belongs, with the schemas inside it, once each."""
    found = _SCHEMAS.get(specs)
    if found is None:
        found = _SCHEMAS[specs] = list(_walk_schemas(specs))
    return found


def _walk_schemas(specs: SpecSet) -> Iterator[Slot]:
    stack = [Slot(n, "schema") for n in _schema_roots(specs)][::-1]
    seen: set[tuple[str, str]] = set()
    while stack:
        slot = stack.pop()
        key = (slot.node.document.name, slot.node.pointer)
        if key in seen:
            continue
        seen.add(key)
        yield slot
        stack.extend(reversed(list(_inner_slots(specs, slot.node))))


def _schema_roots(specs: SpecSet) -> list[Node]:
    root = specs.root_node
    found = [n for steps in _ROOT_SCHEMAS for n in select(specs, root, steps)]
    for _, _, item, operation in iter_operations(specs):
        found += [n for steps in _PATH_ITEM_SCHEMAS for n in select(specs, item, steps)]
        found += [n for steps in _OPERATION_SCHEMAS for n in select(specs, operation, steps)]
    return found


def _inner_slots(specs: SpecSet, node: Node) -> Iterator[Slot]:
    value = node.value
    if not isinstance(value, dict):
        return
    if isinstance(value.get("$ref"), str):
        target = deref(specs, node)
        if target is not None and target.value is not value:
            yield Slot(target, "schema")
    for key in _ONE_SCHEMA:
        child = node.get(key)
        if child is not None and isinstance(child.value, list):  # draft 4 tuple items
            yield from (Slot(child.child(i), key) for i in range(len(child.value)))
        elif child is not None:
            yield Slot(child, key)
    for key in _SCHEMA_MAPS:
        child = node.get(key)
        if child is not None and isinstance(child.value, dict):
            kind = "property" if key == "properties" else key
            yield from (Slot(child.child(name), kind) for name in child.value)
    for key in _SCHEMA_LISTS:
        child = node.get(key)
        if child is not None and isinstance(child.value, list):
            yield from (Slot(child.child(i), key) for i in range(len(child.value)))


def unique(nodes: Iterable[Node]) -> list[Node]:
    seen: set[tuple[str, str]] = set()
    found = []
    for node in nodes:
        key = (node.document.name, node.pointer)
        if key not in seen:
            seen.add(key)
            found.append(node)
    return found
