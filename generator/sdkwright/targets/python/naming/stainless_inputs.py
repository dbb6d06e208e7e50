"""Which definitions the Stainless surface names: those the config's `models` list (api.md's
types, at any level: `<package>.types.SortDirection` as well as `types.v1.FieldRef`), and the
responses and params the folders export. Stainless writes any other enum inline and any other
object a keyword takes as a TypedDict named after the keyword (`body_params`,
`nested_params`)."""

from __future__ import annotations

from collections.abc import Iterator

from sdkwright.config_resources import ResourceNode, ResourcesConfig
from sdkwright.ir.nodes import Api
from sdkwright.targets.python.naming.stainless import class_of

Exports = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def configured_models(
    api: Api, resources: ResourcesConfig | None, exports: Exports
) -> tuple[str, ...]:
    """The definitions named by the config's `models` or exported from a folder, sorted."""
    defined = {d.name for d in api.definitions}
    listed = (
        {class_of(q) for node in _walk(resources.root) for q in node.models}
        if resources is not None
        else set()
    )
    exported = {definition for _, names in exports for _, definition in names}
    return tuple(sorted((listed | exported) & defined))


def _walk(node: ResourceNode) -> Iterator[ResourceNode]:
    yield node
    for child in node.children:
        yield from _walk(child)
