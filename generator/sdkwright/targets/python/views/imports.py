"""The import lines of generated modules: a model's, a resource group's and its tests'.

What an import line reads of a definition is its class name and module only: imports name
definitions as `ImportedDefinition`s, so that cached renders depend on these two names
(`sdkwright.cache.render_cache`: a new field in a model that many groups return re-renders
none of them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sdkwright.ir.nodes import Alias, Definition, Enum, Model, ResourceGroup
from sdkwright.targets.python import body_params, input_types, pytypes
from sdkwright.targets.python.views.definitions import deprecated_fields, key_annotation

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.targets.python.views.methods import MethodContext

# What annotations import from pydantic, and from the runtime's `_models` (see
# pytypes.typing_needs).
PYDANTIC_NAMES = frozenset({"AwareDatetime", "Field"})
MODELS_NAMES = frozenset({"tag_reader", "models_of"})


class Imported(Protocol):
    """What an import line reads of a definition."""

    @property
    def name(self) -> str: ...
    @property
    def module(self) -> str: ...


@dataclass(frozen=True)
class ImportedDefinition:
    """What an import line needs of a definition, and all a template can read of it."""

    name: str
    module: str


def imported(definition: Imported) -> ImportedDefinition:
    return ImportedDefinition(definition.name, definition.module)


@dataclass(frozen=True)
class DefinitionImports:
    typing: tuple[str, ...]
    datetime: bool
    pydantic: tuple[str, ...]
    # From the runtime's `_models`: the base class, and `tag_reader` for tagged unions.
    models_base: tuple[str, ...]
    top: tuple[Imported, ...]
    # Definitions of the same reference cycle, imported at the end of the module.
    deferred: tuple[Imported, ...]
    # In a reference cycle (itself included): an alias then waits for its names (TypeAliasType).
    cyclic: bool = False
    typing_extensions: tuple[str, ...] = ()
    pydantic_module: bool = False  # `import pydantic` (pydantic.Tag, pydantic.Discriminator)
    # A TypedDict typed as the Stainless surface's inputs: from collections.abc, from `_types`.
    abc: tuple[str, ...] = ()
    runtime_types: tuple[str, ...] = ()


def definition_imports(
    definition: Definition,
    cycles: Mapping[str, frozenset[str]],
    all_definitions: Mapping[str, Definition],
    stainless: bool = False,
) -> DefinitionImports:
    """A model module's imports; the definitions it names as `ImportedDefinition`s.
    `stainless`: a TypedDict's keys are typed as the Stainless surface's inputs."""
    needs = pytypes.definition_needs(definition)
    references = sorted(pytypes.definition_references(definition) - {definition.name})
    same_cycle = cycles.get(definition.name, frozenset())
    top = tuple(imported(all_definitions[n]) for n in references if n not in same_cycle)
    deferred = tuple(imported(all_definitions[n]) for n in references if n in same_cycle)
    base: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()
    abc: set[str] = set()
    runtime: set[str] = set()
    if body_params.is_param(definition):
        needs = needs - {"Field"}
        if isinstance(definition, Model):
            optional = any(not f.required for f in definition.fields)
            extensions = ("NotRequired", "TypedDict") if optional else ("TypedDict",)
            if stainless:
                keys = [key_annotation(f, all_definitions) for f in definition.fields]
                abc, runtime = input_types.names_used(keys)
                if "WireName" in runtime:
                    needs = needs | {"Annotated"}
    elif isinstance(definition, Model):
        base = ("BaseModel",)
    elif isinstance(definition, Enum):
        base = ("OpenIntEnum",) if definition.value_type == "int" else ("OpenStrEnum",)
    cyclic = definition.name in cycles
    lazy_alias = cyclic and isinstance(definition, Alias)
    if lazy_alias:
        needs = needs - {"TypeAlias"}
    if deprecated_fields(definition) and not body_params.is_param(definition):
        needs = needs | {"ClassVar"}
    return DefinitionImports(
        typing=tuple(sorted(needs & {"Any", "Annotated", "ClassVar", "Literal", "TypeAlias"})),
        datetime="datetime" in needs,
        pydantic=tuple(sorted(needs & PYDANTIC_NAMES)),
        models_base=base + tuple(sorted(needs & MODELS_NAMES)),
        top=top,
        deferred=deferred,
        cyclic=cyclic,
        typing_extensions=tuple(sorted({*extensions, *(("TypeAliasType",) if lazy_alias else ())})),
        pydantic_module="pydantic" in needs,
        abc=tuple(sorted(abc)),
        runtime_types=tuple(sorted(runtime)),
    )


def test_imports(
    calls: Sequence[MethodContext], definitions: Mapping[str, Definition]
) -> dict[str, Any]:
    """Tests name the return types (to dump results) and whatever their sample values build."""
    names: set[str] = set()
    needs: set[str] = set()
    for call in calls:
        names.update(call.sample_names)
        success = call.op.success
        if success.type is not None and success.kind == "json":
            names.update(pytypes.referenced_names(success.type))
            needs |= pytypes.typing_needs(success.type)
    return {
        "definitions": [imported(definitions[n]) for n in sorted(names - {"datetime"})],
        "typing": sorted(needs & {"Any", "Literal", "Annotated"}),
        "datetime": "datetime" in names or "datetime" in needs,
        "field": "Field" in needs,
        "pydantic": sorted(needs & PYDANTIC_NAMES),
        "pydantic_module": "pydantic" in needs,
        "models": sorted(needs & MODELS_NAMES),
    }


def group_imports(
    group: ResourceGroup, definitions: Mapping[str, Definition], literal_enums: bool = False
) -> dict[str, Any]:
    """A resource module's imports: every type its methods' signatures name (`literal_enums`:
    the model type writes enums as literals, which results cast)."""
    names: set[str] = set()
    needs: set[str] = set()
    uploads = False
    for op in group.operations:
        types = [p.type for p in op.parameters]
        if op.body is not None:
            types += (
                [f.type for f in op.body.fields] if op.body.fields is not None else [op.body.type]
            )
        if op.pagination is not None:
            types.append(op.pagination.item_type)
        if op.success.type is not None and op.success.kind == "json":
            types.append(op.success.type)
        for type_ in types:
            names.update(pytypes.referenced_names(type_))
            needs |= pytypes.typing_needs(type_)
        if (
            op.success.type is not None
            and pytypes.needs_cast(op.success.type, definitions, literal_enums)
            and op.success.kind == "json"
        ):
            needs.add("cast")
            if pytypes.holds_literal(op.success.type, definitions, literal_enums):
                needs.add("Any")
        if op.aliases:  # a deprecated alias passes its keyword arguments on: **kwargs: Any
            needs.add("Any")
        whole_body = op.body.type if op.body is not None and op.body.fields is None else None
        converted = [whole_body] if whole_body is not None else []
        converted += [f.type for f in op.body.fields or ()] if op.body is not None else []
        for type_ in converted:
            if body_params.takes_params(type_, definitions):  # `models_of(x, list[Model])`
                needs.add("models_of")
                names.update(pytypes.referenced_names(body_params.models_only(type_, definitions)))
        if op.body is not None and op.body.encoding == "multipart":
            uploads |= any(
                "FileTypes" in pytypes.upload_annotation(f.type) for f in op.body.fields or ()
            )
    return {
        "definitions": [imported(definitions[n]) for n in sorted(names)],
        "typing": sorted(needs & {"Any", "Literal", "Annotated", "cast"}),
        "datetime": "datetime" in needs,
        "field": "Field" in needs,
        "pydantic": sorted(needs & PYDANTIC_NAMES),
        "pydantic_module": "pydantic" in needs,
        "models": sorted(needs & MODELS_NAMES),
        "uploads": uploads,
    }
