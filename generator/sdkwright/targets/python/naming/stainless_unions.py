"""The Stainless surface's unions (issue 19): an inline variant of a named union is importable
from the union's module under the name its `title` gives it.

Stainless writes such a variant into the union's own module, named by its title and exported
from no package (`types/v1/structured_action.py` defines `OpenChart` beside `StructuredAction`;
openai-python's `chat_completion_content_part_param.py` defines `File` beside its union).
sdkwright gives every class a module and a name unique in the SDK (two unions may both hold a
variant titled `ContentPartChart`, and a title may be a component's name), so the union's
module binds each titled variant under its title instead (`OpenChart = StructuredActionOpenChart`,
`Alias.variant_names`): the same class, importable under the old name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from sdkwright.ir.names import DefinitionName, Hint, InlineOrigin
from sdkwright.ir.nodes import Alias, Definition
from sdkwright.targets.python import pytypes
from sdkwright.targets.python.naming.identifiers import class_name
from sdkwright.targets.python.naming.reserved import PYTHON_RESERVED, TYPES_RUNTIME_NAMES


def titled_variants(
    neutral: Iterable[Definition], classes: Mapping[str, str]
) -> dict[str, list[tuple[str, str]]]:
    """Union key -> (title's class name, variant's class) of each inline variant with a
    title, in the order the IR found them: those whose name context is the union's, then
    the variant's title (`Hint(title=True)`)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for definition in neutral:
        origin = definition.origin
        if not isinstance(origin, InlineOrigin) or len(origin.context) < 2:
            continue
        parent, hint = origin.context[-2:]
        if isinstance(parent, DefinitionName) and isinstance(hint, Hint) and hint.title:
            name = class_name(hint.text)
            found.setdefault(parent.key, []).append((name, classes[definition.key]))
    return found


def with_variant_names(
    named: Iterable[Definition], variants: Mapping[str, list[tuple[str, str]]]
) -> list[Definition]:
    """The named definitions, each union alias with its titled variants' bindings. A title
    that is already a name in the union's module (the union's, a member's, a runtime name
    the module imports, another variant's) is left out: its class keeps only its own name."""
    result: list[Definition] = []
    for definition in named:
        found = variants.get(definition.key, []) if isinstance(definition, Alias) else []
        if not found or not isinstance(definition, Alias):
            result.append(definition)
            continue
        members = set(pytypes.referenced_names(definition.type))
        taken = {definition.name} | set(TYPES_RUNTIME_NAMES) | set(PYTHON_RESERVED)
        bound: list[tuple[str, str]] = []
        for name, variant in found:
            clash = name in taken or (name in members and name != variant)
            if variant in members and not clash and name.isidentifier():
                bound.append((name, variant))
                taken.add(name)
        result.append(replace(definition, variant_names=tuple(bound)) if bound else definition)
    return result
