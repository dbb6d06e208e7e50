"""pydantic v2 models written by datamodel-code-generator (the flavour's default)."""

from __future__ import annotations

from typing import Any

from sdkwright.flavours.datamodel_code_generator.output import Output, plain_unions, register
from sdkwright.flavours.model_types import ModelType


def arguments() -> dict[str, Any]:
    # Clients and tests build models by their Python names, responses by wire names.
    return {"allow_population_by_field_name": True}


PYDANTIC_V2 = ModelType(
    "pydantic_v2", "pydantic v2 models", prepare=plain_unions, literal_enums="inputs"
)
register(Output(PYDANTIC_V2, "pydantic_v2.BaseModel", arguments=arguments))
