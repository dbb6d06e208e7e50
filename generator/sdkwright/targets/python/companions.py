"""Definitions the Python target adds beside a spec's own (`body_params`' TypedDicts of models,
`literal_enums`' Literal aliases of large enums): their names, unique among the SDK's classes
and modules, and the mark their keys carry."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sdkwright.ir.nodes import Definition


def companion_names(
    of: Iterable[str], suffix: str, definitions: Mapping[str, Definition]
) -> dict[str, tuple[str, str]]:
    """(`<Name><suffix>`, `<module>_<suffix>`) for each definition named in `of`, unique
    among every class and module of the SDK (an underscore added while one is taken)."""
    taken = {d.name for d in definitions.values()} | {d.module for d in definitions.values()}
    names = {}
    for name in of:
        candidate, module = name + suffix, definitions[name].module + "_" + suffix.lower()
        while candidate in taken or module in taken:
            candidate, module = candidate + "_", module + "_"
        taken |= {candidate, module}
        names[name] = (candidate, module)
    return names


def companion_key(mark: str, definition: Definition) -> str:
    """A companion's key: the key of the definition it is made from, marked."""
    return f"{mark}:{definition.key}"


def is_companion(mark: str, definition: Definition) -> bool:
    return definition.key.startswith(f"{mark}:")
