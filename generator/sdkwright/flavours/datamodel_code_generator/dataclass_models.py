"""Standard-library dataclasses written by datamodel-code-generator: pydantic parses responses
into them and dumps bodies from them (types/__init__.py tells it their wire names)."""

from __future__ import annotations

from sdkwright.flavours.datamodel_code_generator.output import Output, plain_unions, register
from sdkwright.flavours.model_types import ModelType

DATACLASSES = ModelType(
    "dataclasses",
    "dataclasses",
    model_from_data="TypeAdapter({name}).validate_python({data})",
    literal_enums="inputs",
    prepare=plain_unions,
    runtime="models_dataclasses.py",
)
register(Output(DATACLASSES, "dataclasses.dataclass"))
