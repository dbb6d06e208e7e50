"""An operation's Python names: its method, keyword arguments (body fields, then parameters,
each clear of the call options and of one another), and the attribute paths pagination reads.

Arguments are named in the order the spec declares them, so the first of two that would share
a name keeps it; they are then laid out required first, by location (path, query, header,
cookie). The idempotency key's parameter is optional (the SDK makes a key when none is given),
added as `idempotency_key` when the spec does not declare it.
"""

from __future__ import annotations

from collections.abc import Mapping

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir.matching import endpoint_key
from sdkwright.ir.nodes import (
    Alias,
    Definition,
    Field,
    FieldPath,
    ListOf,
    Model,
    Named,
    Nullable,
    Operation,
    Pagination,
    Parameter,
    Primitive,
    RequestBody,
    Response,
    TypeRef,
)
from sdkwright.targets.python.naming import overrides, stainless
from sdkwright.targets.python.naming.copies import with_fields
from sdkwright.targets.python.naming.identifiers import (
    method_name,
    parameter_name,
    python_identifier,
    snake,
)
from sdkwright.targets.python.naming.reserved import CALL_OPTIONS, is_reserved_member
from sdkwright.targets.python.naming.typerefs import TypeNamer

_LOCATION_ORDER = {"path": 0, "query": 1, "header": 2, "cookie": 3}
IDEMPOTENCY_KEY = "idempotency_key"
_MEMBER_HINT = (
    "choose another name in names.operations or x-sdkwright-name (no dunder name, no _client)"
)


class OperationNamer:
    def __init__(
        self,
        types: TypeNamer,
        configured: Mapping[str, str],
        diagnostics: list[Diagnostic],
        pinned: Mapping[str, str] | None = None,
        *,
        stainless_arguments: bool = False,
    ) -> None:
        self.types = types
        self.configured = configured  # operationId -> method name, from the config
        self.pinned = pinned or {}  # endpoint -> the method name the surface lock keeps
        self.diagnostics = diagnostics
        self.imposed: dict[str, str] = {}  # operationId -> the method name the user imposed
        # Stainless's keywords: the spec's spelling even where it shadows a builtin (`type=`)
        self.stainless = stainless_arguments

    def _is_list(self, body: RequestBody | None) -> bool:
        """Whether the neutral body is an array, or a named alias of one (`OrderList`)."""
        found = body.type if body is not None else None
        if isinstance(found, Named):
            definition = self.types.definitions.get(found.name)
            found = definition.type if isinstance(definition, Alias) else found
        return isinstance(found, ListOf)

    def __call__(self, op: Operation) -> Operation:
        body, argument_names = self._body(op.body)
        parameters = self._parameters(op, argument_names)
        name, aliases = self._pinned(op, self._method_name(op))
        if self.stainless and body is not None:
            named_op = with_fields(op, method_name=name)
            argument = stainless.body_argument(named_op, body, self._is_list(op.body))
            body = with_fields(body, argument=argument) if argument else body
        return with_fields(
            op,
            method_name=name,
            aliases=aliases,
            parameters=parameters,
            body=body,
            responses=tuple(self._response(r) for r in op.responses),
            success=self._response(op.success),
            pagination=self._pagination(op, parameters),
            requested_name=None,
            where=None,
        )

    def _response(self, response: Response) -> Response:
        named = None if response.type is None else self.types(response.type)
        return response if named is response.type else with_fields(response, type=named)

    def _method_name(self, op: Operation) -> str:
        if op.resource_method:  # the config's resources: an identifier already
            self.imposed[op.operation_id] = op.resource_method
            return op.resource_method
        imposed, problem = overrides.method_name(
            op.operation_id, op.requested_name, self.configured
        )
        if problem:
            self.diagnostics.append(
                Diagnostic(Level.WARNING, "naming.override-invalid", problem, op.where)
            )
        derived = method_name(op.operation_id)
        if imposed and is_reserved_member(imposed):
            problem = (
                f"operation '{op.operation_id}' cannot be method '{imposed}': the resource "
                f"class needs that name (it would replace its {imposed}); named {derived}"
            )
            self.diagnostics.append(
                Diagnostic(Level.WARNING, "naming.reserved-member", problem, op.where, _MEMBER_HINT)
            )
            imposed = ""
        if imposed:
            self.imposed[op.operation_id] = imposed
        return imposed or derived

    def _pinned(self, op: Operation, name: str) -> tuple[str, tuple[str, ...]]:
        """The method name the surface lock keeps for the operation's endpoint, with the name
        its operationId now gives as a deprecated alias; a name the user imposes wins."""
        kept = self.pinned.get(endpoint_key(op.http_method, op.path))
        if kept is None or kept == name or op.operation_id in self.imposed:
            return name, ()
        return kept, (name,)

    # -- keyword arguments ---------------------------------------------------------------

    def _body(self, body: RequestBody | None) -> tuple[RequestBody | None, set[str]]:
        """The body with its fields named, and the argument names they take."""
        if body is None:
            return None, set(CALL_OPTIONS)
        fields = body.fields
        if fields is not None and isinstance(body.type, Named):
            fields = self._flattened(body.type.name, fields)
        elif fields is not None:
            fields = self._form_fields(fields)
        named = with_fields(body, type=self.types(body.type), fields=fields)
        return named, set(CALL_OPTIONS) | {f.name for f in fields or ()}

    def _argument_name(self, wire_name: str) -> str:
        if self.stainless:
            return python_identifier(snake(wire_name), "param", stainless.ARGUMENT_RESERVED)
        return parameter_name(wire_name)

    def _flattened(self, model_key: str, fields: tuple[Field, ...]) -> tuple[Field, ...]:
        """An object body's properties, named like the model's fields (Stainless: like
        arguments); a property named like a call option steps aside."""
        attributes = dict(self.types.fields[model_key])
        if self.stainless:
            attributes = {f.wire_name: self._argument_name(f.wire_name) for f in fields}
        taken = set(CALL_OPTIONS) | set(attributes.values())
        named = []
        for field in fields:
            name = attributes[field.wire_name]
            if name in CALL_OPTIONS:
                while name in taken:
                    name += "_"
                taken.add(name)
            named.append(with_fields(field, name=name, type=self.types(field.type)))
        return tuple(named)

    def _form_fields(self, fields: tuple[Field, ...]) -> tuple[Field, ...]:
        """Swagger 2.0 form fields: named like parameters, the required first."""
        taken = set(CALL_OPTIONS)
        named = []
        for field in fields:
            name = python_identifier(parameter_name(field.wire_name), "field", taken)
            taken.add(name)
            named.append(with_fields(field, name=name, type=self.types(field.type)))
        return tuple(sorted(named, key=lambda f: not f.required))

    def _parameters(self, op: Operation, reserved: set[str]) -> tuple[Parameter, ...]:
        taken = set(reserved)
        named = []
        for parameter in op.parameters:
            name = self._argument_name(parameter.wire_name)
            if name in taken:
                name = python_identifier(
                    snake(f"{parameter.location} {parameter.wire_name}"), "param", taken
                )
            while name in taken:
                name += "_"
            taken.add(name)
            named.append(with_fields(parameter, name=name, type=self.types(parameter.type)))
        named.sort(key=lambda p: (not p.required, _LOCATION_ORDER[p.location]))
        return _with_idempotency_key(op.idempotency_header, named, reserved)

    # -- pagination ----------------------------------------------------------------------

    def _pagination(self, op: Operation, parameters: tuple[Parameter, ...]) -> Pagination | None:
        paging = op.pagination
        if paging is None:
            return None
        query = {p.wire_name: p.name for p in parameters if p.location == "query"}
        wire_name = paging.parameter_wire_name
        response = op.success.type
        assert response is not None, "only operations that return something page"
        return with_fields(
            paging,
            parameter=query.get(wire_name, "") if wire_name else "",
            limit=query.get(paging.limit_wire_name, "") if paging.limit_wire_name else "",
            items=self._path(response, paging.items),
            item_type=self.types(paging.item_type),
            next=None if paging.next is None else self._path(response, paging.next),
            has_more=None if paging.has_more is None else self._path(response, paging.has_more),
        )

    def _path(self, response: TypeRef, path: FieldPath) -> FieldPath:
        """The attribute names of a path of wire names, from the (neutral) response type."""
        attributes = []
        current = response
        for wire_name in path.keys:
            model = _model(current, self.types.definitions)
            attributes.append(self.types.fields[model.key][wire_name])
            current = next(f.type for f in model.fields if f.wire_name == wire_name)
        return with_fields(path, attributes=tuple(attributes), type=self.types(path.type))


def _model(type_: TypeRef, definitions: Mapping[str, Definition]) -> Model:
    core = type_.inner if isinstance(type_, Nullable) else type_
    assert isinstance(core, Named), core
    model = definitions[core.name]
    assert isinstance(model, Model), model
    return model


def _with_idempotency_key(
    header: str, parameters: list[Parameter], reserved: set[str]
) -> tuple[Parameter, ...]:
    """The parameter carrying the idempotency key made optional, or added."""
    if not header:
        return tuple(parameters)
    existing = [
        p for p in parameters if p.location == "header" and p.wire_name.lower() == header.lower()
    ]
    if existing:
        return tuple(with_fields(p, required=False) if p in existing else p for p in parameters)
    taken = reserved | {p.name for p in parameters}
    name = IDEMPOTENCY_KEY
    while name in taken:
        name += "_"
    key = Parameter(
        name=name,
        wire_name=header,
        location="header",
        type=Primitive("str"),
        required=False,
        description="Idempotency key; a new one is generated per call when not given.",
    )
    return (*parameters, key)
