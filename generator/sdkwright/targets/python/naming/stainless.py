"""The Stainless public surface (`surface: stainless`, issue 19): what a Stainless SDK's users
call, from the same IR, so that code written against it keeps working.

Before naming, the neutral Api is reshaped (`before_naming`): one response type per method
(the first 2xx body, not a union with the others), pages only where the config names a page
class, an object body that may be null still flattened into keywords, every path parameter
refusing an empty value. The naming step then imposes the config's type names (each method's
`response:`, api.md's spelling, which import-config reads) on the classes the methods return
(`response_names`) and lets keywords shadow builtins (`type=`, `id=`). After naming,
`stainless_types.py` writes enums as `Literal[...]` aliases and lists the packages below
`types` that re-export every configured name.
Nothing here knows any one API: it reads the target's `resources:`.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace

from sdkwright.config_resources import MethodMapping, ResourceNode, ResourcesConfig, endpoint_key
from sdkwright.ir.nodes import (
    Alias,
    Api,
    Definition,
    Field,
    FieldPath,
    Model,
    Named,
    Nullable,
    Operation,
    Pagination,
    Primitive,
    RequestBody,
    Response,
    TypeRef,
    UnionOf,
)
from sdkwright.ir.resources import last_positional
from sdkwright.targets.python.naming.identifiers import class_name, snake
from sdkwright.targets.python.naming.reserved import CALL_OPTIONS

SURFACE = "stainless"
# Keyword arguments a Stainless method may not take: Python's keywords, the call options,
# and the builtins and modules a method body uses. The other builtins may be shadowed
# (`type=`, `id=`, `format=`), as Stainless does: the bodies do not call them.
ARGUMENT_RESERVED = (
    frozenset(keyword.kwlist)
    | CALL_OPTIONS
    | {"cls", "isinstance", "dict", "list", "str", "len", "datetime", "warnings", "pydantic"}
)

# Builtins a model's field may be named as its property is (`type`, `date`), as Stainless's
# models are: generated annotations never name them bare (a date is `datetime.date`).
FIELD_NAMES = frozenset({"type", "date"})

Methods = Mapping[str, MethodMapping]  # endpoint key -> the configured method


def configured_methods(resources: ResourcesConfig | None) -> dict[str, MethodMapping]:
    """Every method the config maps, by its endpoint (`config_resources.endpoint_key`)."""
    if resources is None:
        return {}
    return {endpoint_key(m.http_method, m.path): m for m in _methods(resources.root)}


def _methods(node: ResourceNode) -> Iterator[MethodMapping]:
    yield from node.methods
    for child in node.children:
        yield from _methods(child)


def nodes(node: ResourceNode) -> Iterator[ResourceNode]:
    yield node
    for child in node.children:
        yield from nodes(child)


def method_of(op: Operation, methods: Methods) -> MethodMapping | None:
    return methods.get(endpoint_key(op.http_method, op.path))


# -- before naming ------------------------------------------------------------------------


def before_naming(api: Api, methods: Methods) -> Api:
    """The neutral `api` reshaped as Stainless shapes its methods."""
    models = {d.key: d for d in api.definitions if isinstance(d, Model)}
    groups = tuple(
        replace(g, operations=tuple(_operation(op, methods, models) for op in g.operations))
        for g in api.groups
    )
    return replace(api, groups=groups)


def _operation(op: Operation, methods: Methods, models: Mapping[str, Model]) -> Operation:
    method = method_of(op, methods)
    parameters = tuple(
        replace(p, non_empty=True, type=date_or_text(p.type))
        if p.location == "path"
        else replace(p, type=date_or_text(p.type))
        for p in op.parameters
    )
    body = _body(op.body, models, method)
    if body is not None and body.fields is not None:
        body = replace(
            body, fields=tuple(replace(f, type=date_or_text(f.type)) for f in body.fields)
        )
    op = replace(
        op if op.positional else last_positional(op),  # Stainless's, where the config says none
        success=single_success(op.responses, op.success),
        parameters=parameters,
        body=body,
    )
    return replace(op, pagination=_configured_pages(op, method))


def date_or_text(type_: TypeRef) -> TypeRef:
    """An argument's date (or date-time) as Stainless takes it: the value or its ISO text."""
    if isinstance(type_, Primitive) and type_.name in ("date", "datetime"):
        return UnionOf((type_, Primitive("str")))
    if isinstance(type_, Nullable):
        inner = date_or_text(type_.inner)
        return type_ if inner is type_.inner else Nullable(inner)
    return type_


def _configured_pages(op: Operation, method: MethodMapping | None) -> Pagination | None:
    """Pages only where the config names a page class; that class where the list's response
    is a model holding its items (Stainless's page classes are that envelope)."""
    paging = op.pagination
    if paging is None or method is None or not method.paginated:
        return None
    envelope = op.success.type
    if isinstance(envelope, Named) and envelope.kind == "model" and len(paging.items.keys) == 1:
        return replace(paging, page_class=method.paginated)
    return paging


def single_success(responses: tuple[Response, ...], success: Response) -> Response:
    """The first 2xx response with a body (Stainless's return type), not a union of several;
    `success` (the IR's, whose example is checked) where that is the same response."""
    successes = sorted((r for r in responses if r.status.startswith("2")), key=lambda r: r.status)
    first = next((r for r in successes if r.kind != "empty"), None)
    if first is None or first.type == success.type:
        return success
    if first.status == success.status:  # the union the IR made of several 2xx bodies
        return replace(success, type=first.type, kind=first.kind)
    return first


def _body(
    body: RequestBody | None, models: Mapping[str, Model], method: MethodMapping | None
) -> RequestBody | None:
    if body is None or body.encoding != "json":
        return body
    if body.fields is None:
        model = _nullable_model(body.type, models)
        if model is not None:  # `oneOf: [null, Model]`: its properties, all optional
            return replace(body, fields=_fields(model))
    if body.fields is None and method is not None and method.body_param:
        return replace(body, argument=method.body_param)
    return body


def _nullable_model(type_: TypeRef, models: Mapping[str, Model]) -> Model | None:
    inner = type_.inner if isinstance(type_, Nullable) else type_
    if isinstance(inner, Named) and inner.kind == "model":
        return models.get(inner.name)
    return None


def _fields(model: Model) -> tuple[Field, ...]:
    return tuple(
        Field("", f.wire_name, f.type, False, f.description, f.default, f.deprecated)
        for f in model.fields
        if not f.read_only
    )


def body_argument(op: Operation, body: RequestBody | None, is_list: bool) -> str:
    """The keyword of a whole body Stainless does not flatten (an array, say: `is_list`, a
    named alias of one too), when the config gives none: the plural noun the method ends
    with (`submit_orders(orders=[...])`)."""
    if body is None or body.fields is not None or body.argument:
        return body.argument if body is not None else ""
    if not is_list:
        return ""
    words = snake(op.method_name).split("_")
    last = words[-1] if words else ""
    return last if last.endswith("s") and argument_allowed(last) else ""


def argument_allowed(name: str) -> bool:
    return name not in ARGUMENT_RESERVED and name.isidentifier()


# -- naming -------------------------------------------------------------------------------


def class_of(qualified: str) -> str:
    return qualified.rpartition(".")[2]


def response_names(api: Api, methods: Methods) -> tuple[dict[str, str], dict[str, str]]:
    """(definition key -> the class name the config gives the response of a method that
    returns it; qualified name -> key, for each configured name, the aliases included).
    The first method to name a definition names its class; the others export an alias. A
    paginated method's `response` is its item type, and a name a component schema has stays
    that component's."""
    names: dict[str, str] = {}
    keys: dict[str, str] = {}
    components = {class_name(c.key): c.definition for c in api.components or ()}
    taken: set[str] = set()
    for op in sorted(api.operations, key=lambda o: o.position):
        method = method_of(op, methods)
        key = _returned_key(op.success.type)
        if method is None or not method.response or method.paginated or key is None:
            continue
        if components.get(class_of(method.response), key) != key:
            continue
        keys[method.response] = key
        wanted = class_of(method.response)
        if key not in names and wanted not in taken:
            names[key] = wanted
            taken.add(wanted)
    return names, keys


def model_names(
    api: Api, resources: ResourcesConfig | None, taken: Mapping[str, str]
) -> dict[str, str]:
    """Component key -> the spelling the config's `models` give a class that sdkwright would
    name otherwise only by case (`APIError` for `ApiError`, `InstrumentIDOrSymbol`): api.md's
    names, never recomputed. `taken`: names already given (a definition key -> its name)."""
    if resources is None or api.components is None:
        return {}
    derived: dict[str, list[str]] = {}
    for component in api.components:
        if component.definition:
            derived.setdefault(class_name(component.key).lower(), []).append(component.definition)
    given = set(taken.values())
    names: dict[str, str] = {}
    for node in nodes(resources.root):
        for qualified in node.models:
            wanted = class_of(qualified)
            found = derived.get(wanted.lower(), [])
            if len(found) == 1 and found[0] not in taken and wanted not in given:
                names.setdefault(found[0], wanted)
                given.add(wanted)
    return names


def _returned_key(type_: TypeRef | None) -> str | None:
    if isinstance(type_, Nullable):
        type_ = type_.inner
    return type_.name if isinstance(type_, Named) else None


def retype(api: Api, change: Callable[[TypeRef], TypeRef]) -> Api:
    """`api` with `change` applied to every type it names."""

    def fields(found: tuple[Field, ...]) -> tuple[Field, ...]:
        return tuple(replace(f, type=change(f.type)) for f in found)

    def definition(d: Definition) -> Definition:
        if isinstance(d, Model):
            return replace(d, fields=fields(d.fields))
        return replace(d, type=change(d.type)) if isinstance(d, Alias) else d

    def response(r: Response) -> Response:
        return r if r.type is None else replace(r, type=change(r.type))

    def path(p: FieldPath) -> FieldPath:
        return replace(p, type=change(p.type))

    def pagination(p: Pagination | None) -> Pagination | None:
        if p is None:
            return None
        return replace(
            p,
            item_type=change(p.item_type),
            items=path(p.items),
            next=p.next and path(p.next),
            has_more=p.has_more and path(p.has_more),
        )

    def body(b: RequestBody | None) -> RequestBody | None:
        if b is None:
            return None
        return replace(
            b, type=change(b.type), fields=None if b.fields is None else fields(b.fields)
        )

    def operation(op: Operation) -> Operation:
        return replace(
            op,
            parameters=tuple(replace(p, type=change(p.type)) for p in op.parameters),
            body=body(op.body),
            responses=tuple(response(r) for r in op.responses),
            success=response(op.success),
            pagination=pagination(op.pagination),
        )

    return replace(
        api,
        definitions=tuple(definition(d) for d in api.definitions),
        groups=tuple(
            replace(g, operations=tuple(operation(op) for op in g.operations)) for g in api.groups
        ),
        webhooks=tuple(replace(w, payload=change(w.payload)) for w in api.webhooks),
    )
