"""msgspec structs written by datamodel-code-generator: decoded by msgspec without pydantic;
an absent field is msgspec's UNSET, and unions msgspec cannot decode are loosened."""

from __future__ import annotations

from sdkwright.flavours.datamodel_code_generator.output import Output, register
from sdkwright.flavours.model_types import ModelType, attribute_access

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.diagnostics import Diagnostic
    from sdkwright.ir.nodes import Api, FieldPath


def unset_access(root: str, path: FieldPath, default: str) -> str:
    return attribute_access(root, path, default, unset=True)


def prepare(api: Api) -> tuple[Api, list[Diagnostic]]:
    """The unions msgspec cannot decode loosened, with a warning for each."""
    from sdkwright.flavours.datamodel_code_generator import unions

    return unions.loosened_for_msgspec(api)


MSGSPEC = ModelType(
    "msgspec",
    "msgspec structs",
    read=unset_access,
    item_id=".id or None",
    model_from_data="msgspec.convert({data}, {name})",
    # msgspec's `convert` passes a value of that type through, and fails on any other.
    dump_result="msgspec.to_builtins(msgspec.convert({value}, {type}))",
    requirements=("msgspec>=0.19",),
    literal_enums="inputs",
    prepare=prepare,
    runtime="models_msgspec.py",
)
# A default is told in the description, not filled in: a struct would send it, where the SDK
# sends only what the caller set (the server applies it).
register(Output(MSGSPEC, "msgspec.Struct", defaults=False))
