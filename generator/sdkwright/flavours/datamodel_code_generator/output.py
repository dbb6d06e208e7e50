"""The model types datamodel-code-generator writes for this flavour, registered by name (the
`output_model_type` option's values): each is a `ModelType` and what the library is told."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sdkwright.flavours.model_types import ModelType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.diagnostics import Diagnostic
    from sdkwright.ir.nodes import Api


def no_arguments() -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Output:
    """A model type datamodel-code-generator writes, and how to ask it for that type."""

    model_type: ModelType
    data_model_type: str  # the library's DataModelType value, e.g. "msgspec.Struct"
    # Fields named by their Python names, aliases of the wire names (else the wire names).
    aliases: bool = True
    # A spec default becomes the field's default (else it is told in the description).
    defaults: bool = True
    # More keyword arguments of the library's `generate`, made afresh for each call.
    arguments: Callable[[], dict[str, Any]] = no_arguments


OUTPUTS: dict[str, Output] = {}


def register(output: Output) -> Output:
    OUTPUTS[output.model_type.name] = output
    return output


def plain_unions(api: Api) -> tuple[Api, list[Diagnostic]]:
    """The Api as it is, with a warning per union the library's models make plain (`prepare`
    of the model types whose unions it writes without their tags)."""
    from sdkwright.flavours.datamodel_code_generator import unions

    return api, unions.untagged_warnings(api)
