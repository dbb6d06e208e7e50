"""The README's "Enums and request bodies": an enum-typed argument and a whole body of this API
that show the two forms each takes (`literal_enums`, `body_params`); none where it has none."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise

from sdkwright.ir.nodes import (
    Api,
    Definition,
    Enum,
    ListOf,
    LiteralOf,
    MapOf,
    Named,
    Nullable,
    TypeRef,
    UnionOf,
)
from sdkwright.targets.python import pytext
from sdkwright.targets.python.body_params import is_param


@dataclass(frozen=True)
class EnumArgument:
    method: str  # `group.method`
    argument: str
    value: str  # a Python literal of the enum's first value
    member: str  # `Enum.MEMBER`


@dataclass(frozen=True)
class WholeBody:
    method: str
    model: str
    param: str


@dataclass(frozen=True)
class InputForms:
    enum: EnumArgument | None
    body: WholeBody | None


def input_forms(api: Api, definitions: Mapping[str, Definition]) -> InputForms:
    return InputForms(
        next(_enum_arguments(api, definitions), None), next(_whole_bodies(api, definitions), None)
    )


def _enum_arguments(api: Api, definitions: Mapping[str, Definition]) -> Iterator[EnumArgument]:
    for group in api.groups:
        for op in group.operations:
            for p in op.parameters:
                enum = _enum_of(p.type, definitions)
                if enum is not None and enum.members:
                    first = enum.members[0]
                    yield EnumArgument(
                        f"{group.attribute}.{op.method_name}",
                        p.name,
                        pytext.value_literal(first.value),
                        f"{pytext.identifier(enum.name)}.{pytext.identifier(first.name)}",
                    )


def _enum_of(type_: TypeRef, definitions: Mapping[str, Definition]) -> Enum | None:
    """The enum of a `Literal[...] | TheEnum` input (optional or not)."""
    core = type_.inner if isinstance(type_, Nullable) else type_
    if not isinstance(core, UnionOf) or len(core.members) != 2:
        return None
    literal, named = core.members
    if not isinstance(literal, LiteralOf) or not isinstance(named, Named):
        return None
    found = definitions.get(named.name)
    return found if isinstance(found, Enum) else None


def _whole_bodies(api: Api, definitions: Mapping[str, Definition]) -> Iterator[WholeBody]:
    for group in api.groups:
        for op in group.operations:
            if op.body is None or op.body.fields is not None:
                continue
            names = _model_and_param(op.body.type, definitions)
            if names is not None:
                yield WholeBody(f"{group.attribute}.{op.method_name}", *names)


def _model_and_param(
    type_: TypeRef, definitions: Mapping[str, Definition]
) -> tuple[str, str] | None:
    """(model, its TypedDict) of the first `Model | ModelParam` in a body's type."""
    match type_:
        case Nullable(inner) | ListOf(inner) | MapOf(inner):
            return _model_and_param(inner, definitions)
        case UnionOf(members):
            for model, param in pairwise(members):
                if isinstance(param, Named) and is_param(definitions[param.name]):
                    assert isinstance(model, Named)
                    return pytext.identifier(model.name), pytext.identifier(param.name)
    return None
