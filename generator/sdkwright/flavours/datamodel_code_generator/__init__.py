"""The datamodel-code-generator flavour: the models are written by datamodel-code-generator
(into `types/_datamodel.py`), the clients by the templates of the `client` option's flavour.

Its templates (templates/python/datamodel/) adapt the client's to the model type. Each model
type it can write is a module here registering an `output.Output` (a `ModelType` and how the
library is asked for it): adding one is adding a module and its name below.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdkwright.flavours import Flavour, Option, OptionValues, Plan, get, register
from sdkwright.flavours.datamodel_code_generator import (
    dataclass_models,
    msgspec_structs,
    pydantic_v2,
    typed_dicts,
)
from sdkwright.flavours.datamodel_code_generator.output import OUTPUTS, Output

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.ir.nodes import Api

MODEL_TYPES = (dataclass_models, msgspec_structs, pydantic_v2, typed_dicts)  # registered


@dataclass(frozen=True)
class DatamodelCodeGenerator:
    """The plan's model writer (`flavours.ModelWriter`): one module holds every model."""

    output: Output
    module: str = "_datamodel"
    distribution: str = "datamodel-code-generator"

    def prepare(self, api: Api) -> Api:
        from sdkwright.flavours.datamodel_code_generator.writer import with_models_module

        return with_models_module(api, self.module)

    def render(self, api: Api, banner: str) -> str:
        from sdkwright.flavours.datamodel_code_generator.writer import render_models

        return render_models(api, self.output, banner)


def plan(options: OptionValues) -> Plan:
    client = get(options["client"])
    assert client is not None, options["client"]  # one of the option's choices
    uses = client.resolve({})
    output = OUTPUTS[options["output_model_type"]]
    return Plan(
        ("datamodel", *uses.folders),
        uses.runtime_modules,
        uses.asynchronous,
        models=output.model_type,
        model_writer=DatamodelCodeGenerator(output),
        http=uses.http,
        transport=uses.transport,
    )


register(
    Flavour(
        "datamodel-code-generator",
        "models written by datamodel-code-generator, used by an httpx or requests client",
        plan,
        (
            Option(
                "output_model_type",
                tuple(sorted(OUTPUTS)),
                "pydantic_v2",
                "the kind of class datamodel-code-generator writes",
            ),
            Option("client", ("httpx", "requests"), "httpx", "the client flavour that uses them"),
        ),
    )
)
