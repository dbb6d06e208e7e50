"""Class names for the IR's definitions, given out in the order the IR found them.

Names the user imposes (config `names.schemas`, the spec's `x-sdkwright-name`) go first;
then each definition's name is made from its origin (ir/names.py): a component after its key,
an inline schema after the context it sits in (its parents' class names, terms, hints), a
schema of another file after its key, file and folders. A name already taken moves to the
next candidate, with a `naming.collision` diagnostic; never to a number.
"""

from __future__ import annotations

from collections.abc import Mapping

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir.names import (
    ComponentOrigin,
    Context,
    DefinitionName,
    ExternalOrigin,
    Hint,
    InlineOrigin,
    Term,
    spelled_symbols,
)
from sdkwright.ir.nodes import Api, Definition
from sdkwright.targets.python.naming import overrides
from sdkwright.targets.python.naming.identifiers import class_name, pascal
from sdkwright.targets.python.naming.registry import NameRegistry
from sdkwright.targets.python.naming.reserved import RESOURCE_RUNTIME_NAMES, TYPES_RUNTIME_NAMES


def class_names(
    api: Api,
    client_name: str,
    configured: Mapping[str, str],
    diagnostics: list[Diagnostic],
    surface: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Definition key -> class name, for every definition of the neutral `api`. `surface`:
    definition key -> the name a target's surface gives it (the Stainless surface's response
    classes), had after the imposed names when free (else the class keeps a derived one)."""
    registry = NameRegistry(RESOURCE_RUNTIME_NAMES | {client_name, "Async" + client_name})
    registry.reserve(TYPES_RUNTIME_NAMES, "a name the SDK's types modules import")
    definitions = {d.key: d for d in api.definitions}
    names = _imposed_names(api, definitions, registry, configured, diagnostics)
    for key, name in (surface or {}).items():
        if key in definitions and key not in names and registry.owner(name) is None:
            registry.claim([name], definitions[key].source)
            names[key] = name
    for definition in api.definitions:
        if definition.key not in names:
            names[definition.key] = _derived_name(definition, names, registry, diagnostics)
    return names


def _imposed_names(
    api: Api,
    definitions: Mapping[str, Definition],
    registry: NameRegistry,
    configured: Mapping[str, str],
    diagnostics: list[Diagnostic],
) -> dict[str, str]:
    """Names from the config or `x-sdkwright-name` go first: derived names step aside."""
    names: dict[str, str] = {}
    if api.components is None:
        return names
    for component in api.components:
        name, problem = overrides.class_name(component.key, component.requested_name, configured)
        if problem:
            diagnostics.append(
                Diagnostic(Level.WARNING, "naming.override-invalid", problem, component.where)
            )
        if not component.definition or not name:
            continue
        owner = registry.owner(name)
        if owner is not None:
            taken = "a name the SDK reserves" if owner == "<reserved>" else f"taken by {owner}"
            diagnostics.append(
                Diagnostic(
                    Level.ERROR,
                    "naming.override-collision",
                    f"schema '{component.key}' cannot be named {name}: {taken}",
                    component.where,
                )
            )
            continue
        registry.claim([name], definitions[component.definition].source)
        names[component.definition] = name
    where = Location(api.source_name, pointer=_components_pointer(api))
    keys = [c.key for c in api.components]
    for problem in overrides.unknown_keys(configured, keys, "schemas"):
        diagnostics.append(Diagnostic(Level.WARNING, "naming.override-unknown", problem, where))
    return names


def _components_pointer(api: Api) -> str:
    return "/definitions" if api.spec_version == "2.0" else "/components/schemas"


def _derived_name(
    definition: Definition,
    names: Mapping[str, str],
    registry: NameRegistry,
    diagnostics: list[Diagnostic],
) -> str:
    origin = definition.origin
    where = definition.where or Location("", pointer=definition.source)
    if isinstance(origin, ComponentOrigin):
        preferred = class_name(origin.key)
        candidates = [preferred, class_name(spelled_symbols(origin.key)), preferred + "Schema"]
        name, moved = registry.claim(candidates, definition.source)
        message = f"schema '{origin.key}' is named {name}"
        level = Level.WARNING
    elif isinstance(origin, InlineOrigin):
        context = spelled_context(origin.context, names)
        preferred = class_name(" ".join(context))
        envelope = [preferred + "Envelope"] if context[-1:] == ["Response"] else []
        candidates = [preferred, *envelope, preferred + "Object", preferred + "Model"]
        name, moved = registry.claim(candidates, definition.source)
        message, level = f"inline schema named {name}", Level.INFO
    else:
        assert isinstance(origin, ExternalOrigin), definition.key
        candidates = [class_name(" ".join(words)) for words in origin.contexts]
        preferred = candidates[0]
        name, moved = registry.claim(candidates, origin.label)
        message = f"schema {origin.label} is named {name}"
        level = Level.WARNING
    if moved:
        taken = f"{preferred} is already taken by {registry.owner(preferred)}"
        diagnostics.append(Diagnostic(level, "naming.collision", f"{message}: {taken}", where))
    return name


def spelled_context(context: Context, names: Mapping[str, str]) -> list[str]:
    """A context as the texts a class name is made of: parents by their class names, terms
    as PascalCase words, hints left out where the name so far already ends with them."""
    texts: list[str] = []
    for part in context:
        if isinstance(part, str):
            texts.append(part)
        elif isinstance(part, DefinitionName):
            texts.append(names[part.key])
        elif isinstance(part, Term):
            texts.append(pascal(part.text) or part.fallback)
        else:
            assert isinstance(part, Hint)
            word = pascal(part.text)
            if not (word and class_name(" ".join(texts)).endswith(word)):
                texts.append(part.text)
    return texts
