"""The Stainless surface's types (issue 19): which schemas are types of their own and how
their fields are spelled, as Stainless writes them.

- A schema api.md lists that is no class (an array, a string) is an alias of its own
  (`AccountList = List[Account]`, `InstrumentIDOrSymbol = str`): the IR keeps it named
  (`kept_names`), and fields that refer to it name it.
- A response model's required field that may be null is optional, `None` when absent
  (`content: Optional[str] = None`, as openai-python's `ChatCompletionMessage`): a server
  that leaves it out still parses (`output_models`, before naming).
- An object schema that says nothing of its keys or values (`{type: object}`) is `object`,
  in models and arguments alike, and `{type: null}` is `None` (`free_form_objects`, after
  naming).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from sdkwright.config_resources import ResourcesConfig
from sdkwright.ir.nodes import (
    ANY,
    Api,
    ListOf,
    MapOf,
    Model,
    Nullable,
    Operation,
    Primitive,
    TypeRef,
    UnionOf,
)
from sdkwright.ir.schemas import NULL_ONLY, named_component
from sdkwright.targets.python import pytypes
from sdkwright.targets.python.naming.stainless import class_of, nodes, retype

OBJECT = Primitive("object")
NULL = Primitive("null")


def kept_names(resources: ResourcesConfig | None) -> Iterator[str]:
    """The types the config lists (api.md's), as the IR compares component schemas with them
    (`ir.schemas.named_component`): Stainless gives each a module of its own."""
    for node in nodes(resources.root) if resources is not None else ():
        yield from (named_component(class_of(qualified)) for qualified in node.models)


def output_models(api: Api) -> Api:
    """`api` with the models no argument reaches written as responses: a required field
    that may be null optional."""
    inputs = _input_definitions(api)
    definitions = tuple(
        _nullable_optional(d) if isinstance(d, Model) and d.key not in inputs else d
        for d in api.definitions
    )
    return replace(api, definitions=definitions)


def _nullable_optional(model: Model) -> Model:
    fields = tuple(
        replace(f, required=False) if f.required and isinstance(f.type, Nullable) else f
        for f in model.fields
    )
    return model if fields == model.fields else replace(model, fields=fields)


def _input_definitions(api: Api) -> set[str]:
    """The keys of the definitions an operation's arguments reach (a model sent as a body,
    say): those stay as the spec says, since users build them."""
    by_key = {d.key: d for d in api.definitions}
    stack = [
        name
        for op in api.operations
        for found in _input_types(op)
        for name in pytypes.referenced_names(found)
    ]
    seen: set[str] = set()
    while stack:
        key = stack.pop()
        definition = by_key.get(key)
        if key in seen or definition is None:
            continue
        seen.add(key)
        stack.extend(pytypes.definition_references(definition))
    return seen


def _input_types(op: Operation) -> Iterator[TypeRef]:
    yield from (p.type for p in op.parameters)
    if op.body is not None:
        yield op.body.type
        yield from (f.type for f in op.body.fields or ())


def free_form_objects(api: Api) -> Api:
    """`api` with every free-form object (`MapOf.free_form`) typed `object`."""
    return retype(api, _object_type)


def _object_type(type_: TypeRef) -> TypeRef:
    match type_:
        case MapOf(value, free_form=True) if value == ANY:
            return OBJECT
        case Nullable(inner) if inner == NULL_ONLY:
            return NULL  # `{type: null}`: `None`
        case MapOf(value):
            return replace(type_, value=_object_type(value))
        case ListOf(item):
            return ListOf(_object_type(item))
        case Nullable(inner):
            return Nullable(_object_type(inner))
        case UnionOf(members):
            return replace(type_, members=tuple(_object_type(m) for m in members))
    return type_
