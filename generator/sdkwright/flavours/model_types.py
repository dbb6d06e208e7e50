"""Model types as plugins: how generated code builds, reads and dumps one kind of model class.

The views ask a plan's `ModelType` instead of naming model types: the sample values of
generated tests and READMEs (`model_from_data`, `enum_from_value`), how a paginated method
reads a page's fields (`read`, `item_id`), how a test dumps a result back to wire data, what
the SDK must depend on, which runtime module supports it (`runtime`), and what the model type
changes in the Api before anything is rendered (`prepare`, called once). The default is pydantic v2 models, written by the templates;
the datamodel-code-generator flavour adds its own (`flavours/datamodel_code_generator/`).

Model types are fingerprinted with the plan by the render cache: their functions must be
module-level (pickled by name), and this module stays light (the no-op path imports it).
"""

from __future__ import annotations

from dataclasses import dataclass

TYPE_CHECKING = False
if TYPE_CHECKING:  # types only: the no-op path imports this module
    from collections.abc import Callable
    from typing import Literal

    from sdkwright.diagnostics import Diagnostic
    from sdkwright.ir.nodes import Api, FieldPath

    # (root expression, path of fields, default when a field is absent) -> expression
    Access = Callable[[str, FieldPath, str], str]
    Prepare = Callable[[Api], tuple[Api, list[Diagnostic]]]
    # Where enum-typed values also take the enum's literal values (targets/python/literal_enums.py):
    # "everywhere" (parameters, bodies, model fields, responses), "inputs" (parameters and body
    # fields: the models are another library's), "none" (its enums are Literal aliases already).
    EnumScope = Literal["everywhere", "inputs", "none"]


def attribute_access(root: str, path: FieldPath, default: str, *, unset: bool = False) -> str:
    """`root.a.b`, guarded where an intermediate attribute may be None. With `unset`, it may
    also be a falsy placeholder of absence (msgspec's UNSET): the guards test truth instead."""
    from sdkwright.targets.python.pytext import identifier

    attributes, optional = path.attributes, path.optional
    expression, guards = root, []
    for index, attribute in enumerate(attributes):
        expression = f"{expression}.{identifier(attribute)}"
        if optional[index] and index < len(attributes) - 1:
            guards.append(expression if unset else f"{expression} is not None")
    if attributes and optional[-1] and (unset or default != "None"):
        expression = f"({expression} or {default})"
    return f"{expression} if {' and '.join(guards)} else {default}" if guards else expression


def unchanged(api: Api) -> tuple[Api, list[Diagnostic]]:
    return api, []


@dataclass(frozen=True)
class ModelType:
    """One kind of model class, as the views and templates use it."""

    name: str  # templates compare it: `plan.model_type == "dataclasses"`
    kind: str  # in words, for the generated README and docstrings
    # How generated code reads a result's fields, and an item's id after `items[-1]`.
    read: Access = attribute_access
    item_id: str = ".id"
    # How sample code (tests, README) builds a model from wire data, and an enum from a value.
    model_from_data: str = "{name}.model_validate({data})"
    enum_from_value: str = "{name}({value})"
    # How generated tests turn a `{value}` of type `{type}` back into wire data; `adapter`
    # (tests/conftest.py) keeps one pydantic TypeAdapter per type for the whole run.
    dump_result: str = (
        'adapter({type}).dump_python({value}, mode="json", by_alias=True, exclude_unset=True)'
    )
    # Whether the model type writes enums as `Literal[...]` aliases (mypy takes no
    # `type[...]` of one, so a call or test that parses one casts it).
    enums_are_literals: bool = False
    # What the SDK needs for its models besides pydantic (which the runtime uses anyway).
    requirements: tuple[str, ...] = ()
    prepare: Prepare = unchanged
    # The runtime's support of this model type (validating, dumping), copied into the SDK as
    # `_models.py`: a module of sdkwright/runtime/, or a path (a model type from outside).
    runtime: str = "models_pydantic.py"
    # Where enum-typed values also take the enum's literal values (`EnumScope`).
    literal_enums: EnumScope = "everywhere"


PYDANTIC = ModelType("pydantic", "pydantic v2 models")
