"""Enums as users type them: every place that takes an enum takes its literal values too.

An enum-typed parameter or field is written `Literal["A", "B"] | Status` instead of `Status`,
so `sort_by="SYMBOL"` and `sort_by=SortBy.SYMBOL` are both well typed (`mypy --strict`), as
in the SDKs people know. With the models too ("everywhere": the pydantic models the
templates write), a response's enum field holds the plain value (`"SENT"`, an `int` for an
integer enum) matching the Literal: the runtime's open enums validate only their own members,
so a value the spec does not list is no member, and fails to validate: the response is then
built leniently (a warning; `strict_response_validation=True` raises).

This is a rewrite of the named Api's types, done once before rendering (`flavours.Plan.prepare`):
the views and templates see an ordinary union of a `LiteralOf` and the enum.
"""

from __future__ import annotations

from dataclasses import replace

from sdkwright.ir.nodes import (
    Alias,
    Api,
    Definition,
    Enum,
    Field,
    FieldPath,
    LiteralOf,
    Model,
    Named,
    Operation,
    Pagination,
    RequestBody,
    Response,
    TypeRef,
    UnionOf,
    Webhook,
)
from sdkwright.targets.python import pytypes
from sdkwright.targets.python.companions import companion_key, companion_names
from sdkwright.targets.python.naming.typerefs import writable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.flavours.model_types import EnumScope


# Enums of more values than this are written once, as an alias `<Enum>Values` in a module of
# its own, and named where they are used: inline, an enum of N values used in R places would
# write N x R values (a small hostile spec could make that gigabytes).
INLINE_VALUES = 64
_MARK = "values"  # of an alias's key (`companions`)


def with_literal_enums(api: Api, scope: EnumScope) -> Api:
    """`api` with each enum-typed input (and, "everywhere", each enum-typed model field and
    response) also taking the enum's literal values."""
    if scope == "none":
        return api
    # An enum with a value mypy cannot read in a Literal stays the enum alone (its members).
    enums = {d.name: d for d in api.definitions if isinstance(d, Enum) and writable(_literal(d))}
    everywhere = scope == "everywhere"
    large = sorted(n for n, e in enums.items() if len(e.members) > INLINE_VALUES)
    if not everywhere:  # the models module is another library's: no alias to add to it
        enums = {n: e for n, e in enums.items() if n not in large}
        large = []
    if not enums:
        return api
    definitions = {d.name: d for d in api.definitions}
    aliases = companion_names(large, "Values", definitions)
    rewrite = _Rewrite(enums, {n: name for n, (name, _) in aliases.items()})
    groups = tuple(
        replace(g, operations=tuple(rewrite.operation(op, everywhere) for op in g.operations))
        for g in api.groups
    )
    if not everywhere:
        return replace(api, groups=groups)
    rewritten = [rewrite.definition(d) for d in api.definitions]
    webhooks = tuple(rewrite.webhook(w) for w in api.webhooks)
    added = [_values_alias(enums[n], *aliases[n]) for n in sorted(rewrite.aliased)]
    every = sorted([*rewritten, *added], key=_name)
    return replace(api, groups=groups, definitions=tuple(every), webhooks=webhooks)


def _values_alias(enum: Enum, name: str, module: str) -> Alias:
    return Alias(
        name,
        module,
        f"The values of `{enum.name}`.",
        _literal(enum),
        enum.source,
        key=companion_key(_MARK, enum),
    )


def _literal(enum: Enum) -> LiteralOf:
    return LiteralOf(tuple(m.value for m in enum.members))


def _name(definition: Definition) -> str:
    return definition.name


class _Rewrite:
    def __init__(self, enums: dict[str, Enum], aliases: dict[str, str]) -> None:
        self._enums = enums
        self._aliases = aliases  # the enums written once, by their alias's name
        self.aliased: set[str] = set()  # those of them that are used

    def type(self, type_: TypeRef) -> TypeRef:
        return pytypes.map_named(type_, self._named)

    def _named(self, named: Named) -> TypeRef:
        if named.kind != "enum" or named.name not in self._enums:
            return named
        if named.name in self._aliases:
            self.aliased.add(named.name)
            return UnionOf((Named(self._aliases[named.name], "alias"), named))
        return UnionOf((_literal(self._enums[named.name]), named))

    def definition(self, definition: Definition) -> Definition:
        # What holds no enum is kept as it is (most of a large spec): rebuilding it equal
        # cost a tenth of a second on Stripe's.
        if isinstance(definition, Model):
            fields = tuple(self._field(f) for f in definition.fields)
            if all(new is old for new, old in zip(fields, definition.fields, strict=True)):
                return definition
            return replace(definition, fields=fields)
        if isinstance(definition, Alias):
            type_ = self.type(definition.type)
            return definition if type_ is definition.type else replace(definition, type=type_)
        return definition

    def _field(self, field: Field) -> Field:
        type_ = self.type(field.type)
        return field if type_ is field.type else replace(field, type=type_)

    def webhook(self, webhook: Webhook) -> Webhook:
        return replace(webhook, payload=self.type(webhook.payload))

    def operation(self, op: Operation, everywhere: bool) -> Operation:
        parameters = tuple(
            p if (type_ := self.type(p.type)) is p.type else replace(p, type=type_)
            for p in op.parameters
        )
        op = replace(op, parameters=parameters, body=self._body(op.body))
        if not everywhere:
            return op
        return replace(
            op,
            responses=tuple(self._response(r) for r in op.responses),
            success=self._response(op.success),
            pagination=self._pagination(op.pagination),
        )

    def _body(self, body: RequestBody | None) -> RequestBody | None:
        if body is None:
            return None
        fields = body.fields
        if fields is not None:
            fields = tuple(self._field(f) for f in fields)
        return replace(body, type=self.type(body.type), fields=fields)

    def _response(self, response: Response) -> Response:
        if response.type is None:
            return response
        return replace(response, type=self.type(response.type))

    def _pagination(self, pagination: Pagination | None) -> Pagination | None:
        if pagination is None:
            return None
        return replace(
            pagination,
            item_type=self.type(pagination.item_type),
            items=self._path(pagination.items),
            next=pagination.next and self._path(pagination.next),
            has_more=pagination.has_more and self._path(pagination.has_more),
        )

    def _path(self, path: FieldPath) -> FieldPath:
        return replace(path, type=self.type(path.type))
