"""TypedDicts written by datamodel-code-generator: results are plain dicts keyed by wire names,
validated by pydantic; generated code reads them by key and their enums are Literal aliases."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sdkwright.flavours.datamodel_code_generator.output import Output, register
from sdkwright.flavours.model_types import ModelType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.diagnostics import Diagnostic
    from sdkwright.ir.nodes import Api, FieldPath

# Names the page functions' parameters take: a guard's variable must not shadow them.
_PAGE_NAMES = frozenset({"response", "cursor", "items"})


def key_access(root: str, path: FieldPath, default: str) -> str:
    """`root["a"]["b"]`: a key that may be absent is read with `.get`, and an intermediate
    value that may be None is bound (`:=`) and tested, which type checkers follow."""
    from sdkwright.targets.python.pytext import identifier, string_literal

    expression, guards, used = root, [], set(_PAGE_NAMES)
    for index, key in enumerate(path.keys):
        optional = path.optional[index]
        literal = string_literal(key)
        expression = f"{expression}.get({literal})" if optional else f"{expression}[{literal}]"
        if optional and index < len(path.keys) - 1:
            name = identifier(path.attributes[index])
            while name in used:
                name += "_"
            used.add(name)
            guards.append(f"({name} := {expression}) is not None")
            expression = name
    if path.keys and path.optional[-1] and default != "None":
        expression = f"({expression} or {default})"
    return f"{expression} if {' and '.join(guards)} else {default}" if guards else expression


def prepare(api: Api) -> tuple[Api, list[Diagnostic]]:
    """Each union's discriminator named by its wire name, a TypedDict's key."""
    from sdkwright.flavours.datamodel_code_generator import unions

    return unions.discriminators_by_wire_name(api), unions.untagged_warnings(api)


def arguments() -> dict[str, Any]:
    return {
        # pydantic reads only typing_extensions' TypedDict before Python 3.12 (a new dict
        # each time: the library adds its own entries to it).
        "extra_template_data": defaultdict(
            dict, {"#all#": {"use_total_false_typeddict_backport": True}}
        ),
        # A key starting with "_" stays as it is (`_links`, not `field_links`).
        "special_field_name_prefix": "",
    }


TYPEDDICT = ModelType(
    "typeddict",
    "TypedDicts (plain dicts keyed by wire names)",
    read=key_access,
    item_id='["id"]',
    model_from_data="TypeAdapter({name}).validate_python({data})",
    enum_from_value="{value}",
    enums_are_literals=True,
    requirements=("typing-extensions>=4.12",),  # its TypedDict, which pydantic reads on 3.10
    literal_enums="none",
    prepare=prepare,
    runtime="models_typeddict.py",
)
# A TypedDict's keys are the wire names: it has no other names to give them.
register(Output(TYPEDDICT, "typing.TypedDict", aliases=False, arguments=arguments))
