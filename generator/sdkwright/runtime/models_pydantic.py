"""Base classes for the SDK's models and enums, and the tag reader of tagged unions.

Servers change before SDKs are regenerated, so models are forward compatible: a model keeps
fields it does not declare. An enum-typed field is `Literal[...values] | TheEnum`: a value from
the wire is the plain value (`"SENT"`), and one the spec does not list fails to validate, so
the response is built leniently with a warning (`_response`). An enum itself accepts values
it does not list (`TheEnum("NEW")`, a member created on the fly, equal to its plain value), so
that callers can send them; pydantic validates as the enum its members and its listed values.

Responses are parsed by pydantic (`decode_json`), which also writes request bodies from
models. A response that does not fit is built field by field (`_validation`) with
`model_fields` and `construct`: a model made without validation keeps the server's values.
"""

from __future__ import annotations

import enum
import typing
import warnings
from collections.abc import Sequence
from typing import Annotated, Any, ClassVar

import pydantic
import pydantic_core

from ._pydantic import DecodeError, adapter_for, decode_json, tag_reader, validate_data
from ._validation import ModelField, recursion_room

__all__ = [
    "BaseModel",
    "DecodeError",
    "OpenIntEnum",
    "OpenStrEnum",
    "construct",
    "decode_json",
    "dump_model",
    "model_fields",
    "models_of",
    "tag_reader",
    "validate_data",
]


class BaseModel(pydantic.BaseModel):
    """A response or request model.

    Python code sets fields by their Python names (or wire names): `Order(order_id=...)`.
    Data from the wire (`model_validate`, responses) is read by wire names only, so that a
    key spelled like a field's Python name, e.g. `order_id` beside `orderId`, stays a key of
    its own. Whether a field was sent at all (as opposed to sent as null) is in
    `model_fields_set`; `model_dump(by_alias=True, exclude_unset=True)` gives back what the
    server sent.

    A model builds its validator on first use, not on import: importing a module costs
    little, and models that refer to each other across modules are complete by then.
    """

    model_config = pydantic.ConfigDict(
        extra="allow",
        defer_build=True,
        validate_by_name=False,
        validate_by_alias=True,
        protected_namespaces=(),
    )

    # The Python names of the fields the API deprecates: setting one warns.
    _deprecated_fields: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, /, **data: Any) -> None:
        __tracebackhide__ = True
        for name in sorted(type(self)._deprecated_fields.intersection(data)):
            message = f"{type(self).__name__}.{name} is deprecated by the API"
            warnings.warn(message, DeprecationWarning, stacklevel=2)
        self.__pydantic_validator__.validate_python(data, self_instance=self, by_name=True)

    # pydantic calls an overridden __init__ from model_validate too, unless told it is the base
    # one: wire data must not go through the by-name reading above.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_rebuild(
        cls,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> bool | None:
        """pydantic's, with room for models nested deeper than Python's default recursion
        limit allows (a deferred build, on first use, builds every nested model at once)."""
        with recursion_room():
            return super().model_rebuild(
                force=force,
                raise_errors=raise_errors,
                _parent_namespace_depth=_parent_namespace_depth + 1,  # this frame
                _types_namespace=_types_namespace,
            )

    @pydantic.model_validator(mode="wrap")
    @classmethod
    def _unknown_keys_are_not_fields(
        cls, data: Any, handler: pydantic.ValidatorFunctionWrapHandler
    ) -> Any:
        # pydantic counts an unknown key as set under its own name, so an unknown `order_id`
        # would mark the field order_id (wire name `orderId`) as sent.
        model = handler(data)
        extra = getattr(model, "__pydantic_extra__", None)
        if extra and isinstance(data, dict):
            fields = cls.__pydantic_fields__
            for name in extra.keys() & fields.keys():
                alias = fields[name].validation_alias
                if isinstance(alias, str) and alias not in data:
                    model.__pydantic_fields_set__.discard(name)
        return model


class _OpenEnum(enum.Enum):
    """Validated by pydantic from its members, or from the values it lists (made members), and
    sent as their values. Beside the `Literal[...]` of every annotation, a value from the wire
    validates as the Literal's (a plain value), and one it does not list fails."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: object, handler: pydantic.GetCoreSchemaHandler
    ) -> pydantic_core.CoreSchema:
        schemas = pydantic_core.core_schema
        listed = schemas.literal_schema([member.value for member in cls])
        return schemas.union_schema(
            [
                schemas.is_instance_schema(cls),
                schemas.no_info_after_validator_function(cls, listed),
            ],
            serialization=schemas.plain_serializer_function_ser_schema(_enum_value),
        )


def _enum_value(member: object) -> object:
    # A value the spec does not list, kept as it came by a lenient parse, is sent as it is.
    return member.value if isinstance(member, enum.Enum) else member


class OpenStrEnum(str, _OpenEnum):
    """A string enum that also accepts values added to the API after generation."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)


class OpenIntEnum(int, _OpenEnum):
    """An integer enum that also accepts values added to the API after generation."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"VALUE_{value}"
        member._value_ = value
        return member


def models_of(body: object, tp: Any) -> object:
    """A request body given as dicts of fields by Python name (the `...Param` TypedDicts of
    `types`) made the models of `tp`, so that it is sent as those would be (by wire name,
    only the fields given); models in it stay as they are, and so does anything that holds no
    dict (a model, None, NOT_GIVEN)."""
    if not isinstance(body, (dict, list, tuple)):
        return body
    return adapter_for(tp).validate_python(body, by_alias=False, by_name=True)


def dump_model(value: object) -> object | None:
    """Nothing: the models here are pydantic's, which the core dumps itself (``_encoding``)."""
    return None


def model_fields(tp: object) -> Sequence[ModelField] | None:
    """The fields of a pydantic model class (wire name: its validation alias or alias); None
    for anything else, a root model included (its value is no object of fields)."""
    if not isinstance(tp, type) or not issubclass(tp, pydantic.BaseModel):
        return None
    if issubclass(tp, pydantic.RootModel):
        return None
    fields = []
    hints: dict[str, Any] | None = None
    for name, info in tp.model_fields.items():
        alias = info.validation_alias if isinstance(info.validation_alias, str) else info.alias
        annotation: Any = info.annotation
        if _unresolved(annotation):  # a model of an import cycle, defined after this one
            hints = _type_hints(tp) if hints is None else hints
            annotation = hints.get(name, Any)
        if info.metadata:  # constraints, discriminators
            arguments = (annotation, *info.metadata)
            annotation = Annotated[arguments]
        fields.append((name, alias or name, annotation, info.is_required()))
    return fields


def _unresolved(annotation: object) -> bool:
    """Whether pydantic kept a forward reference in `annotation` (it resolves them when it
    builds the validator, not in the field's annotation)."""
    if isinstance(annotation, (str, typing.ForwardRef)):
        return True
    return any(_unresolved(argument) for argument in typing.get_args(annotation))


def _type_hints(tp: type) -> dict[str, Any]:
    """The class's annotations resolved in its module, now that every module has loaded;
    {} where one still cannot be (its fields are then kept as they came)."""
    try:
        return typing.get_type_hints(tp, include_extras=True)
    except (NameError, TypeError):
        return {}


def construct(tp: Any, values: dict[str, object], extra: dict[str, object]) -> object:
    """A model of `values` as they are (only the fields that came are set; required ones that
    did not are None), keeping `extra` where the model keeps unknown fields."""
    model = tp.model_construct(_fields_set=set(values), **values)
    for name in tp.model_fields.keys() - model.__dict__.keys():
        model.__dict__[name] = None
    if tp.model_config.get("extra") == "allow":
        object.__setattr__(model, "__pydantic_extra__", dict(extra))
    return model
