"""The model-type interface: what the runtime's core asks of the module that supports the
SDK's kind of models.

Each model-type module (`models_pydantic.py`, `models_dataclasses.py`, `models_typeddict.py`,
`models_msgspec.py`) defines these names, and whatever its generated models import from it
(`BaseModel`, `wire_names`, ...), and is copied into the SDKs with those models as
`_models.py`. This stub is never copied: it states the interface, and lets mypy check the
core against it where the core stands; each SDK is checked against its real module
(tests/runtime).

Adding a model type: a module defining every name below, and a flavour whose plan names it
(`Plan.model_type`); the core does not change.
"""

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ._validation import ModelField

_T = TypeVar("_T")

class DecodeError(Exception):
    """What `decode_json` raises for a body that does not fit the type (or is no JSON)."""

def decode_json(content: bytes, tp: type[_T]) -> _T:
    """A response body, JSON, decoded and validated into `tp`."""

def dump_model(value: object) -> object | None:
    """An instance of this model type's own classes as JSON data (by wire names, without the
    fields the caller left unset), or None for any other value. pydantic models are not
    asked: the core dumps those itself, whatever the model type."""

def tag_reader(key: str, attribute: str = "") -> Callable[[Any], str | None]:
    """For the generated code: reads the tag of a tagged union (`_pydantic.tag_reader`)."""

def validate_data(data: object, tp: Any) -> object:
    """Decoded JSON validated into `tp`, raising when it does not fit: `_validation` walks a
    response that broke its type with it, part by part."""

def model_fields(tp: object) -> Sequence[ModelField] | None:
    """The fields (Python name, wire name, annotation, required) of one of this model type's
    classes; None for any other type."""

def construct(tp: Any, values: dict[str, object], extra: dict[str, object]) -> object:
    """An instance of the class `tp` made of `values` (by Python name) without validation,
    its required fields that did not come None, keeping `extra` keys where it can."""
