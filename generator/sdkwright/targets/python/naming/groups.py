"""Resource groups: the neutral IR's tags -> the client's attributes (`client.orders`), their
classes and modules, with methods unique within each group.

The config may map tags to groups (`names.tags`): several tags may share one, and a tag
mapped to `things` joins the group of an unmapped tag `Things`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from sdkwright.ir.nodes import Operation, ResourceGroup
from sdkwright.targets.python.naming import overrides
from sdkwright.targets.python.naming.copies import with_fields
from sdkwright.targets.python.naming.identifiers import class_name, python_identifier, snake
from sdkwright.targets.python.naming.reserved import WEBHOOK_TESTS_MODULE


def groups(
    operations: list[Operation],
    tags: Mapping[str, str],
    descriptions: Mapping[str, str],
    reserved_classes: set[str],
    client_attributes: frozenset[str],
    taken_attributes: set[str] | None = None,
) -> tuple[ResourceGroup, ...]:
    """`operations` (named, in the spec's order) in groups ordered by attribute name, none
    taking one of the `client_attributes` (members and credentials of the client) or, when
    given, of the `taken_attributes` (those and the configured resources', which the groups'
    attributes join)."""
    by_tag: dict[str, list[Operation]] = defaultdict(list)
    for tag, operation in overrides.regroup([(op.tag, op) for op in operations], tags):
        by_tag[tag].append(operation)
    grouped = overrides.group_descriptions(descriptions, tags)
    found = []
    # A group's module names its tests (tests/test_<module>.py), the payloads' tests one more.
    taken = set(client_attributes) if taken_attributes is None else taken_attributes
    taken.add(WEBHOOK_TESTS_MODULE)
    for tag in sorted(by_tag, key=snake):
        attribute = python_identifier(snake(tag), "default", taken)
        taken.add(attribute)
        found.append(
            ResourceGroup(
                attribute,
                group_class_name(tag, reserved_classes),
                attribute,
                str(grouped.get(tag) or ""),
                _free_aliases(_unique_method_names(by_tag[tag])),
                tag,
                accessor=attribute,
            )
        )
    return tuple(found)


def group_class_name(tag: str, reserved: set[str]) -> str:
    """`Positions` for tag 'Positions', or `PositionsResource` when a model, the client or
    another group already owns the name (or its Async/WithRawResponse forms)."""
    base = class_name(tag)
    for candidate in (base, base + "Resource", base + "Operations"):
        forms = {
            candidate,
            "Async" + candidate,
            candidate + "WithRawResponse",
            candidate + "WithStreamingResponse",
        }
        if not forms & reserved:
            reserved.update(forms | {"Async" + f for f in forms})
            return candidate
    name = base + "Resource"
    while name in reserved:
        name += "_"
    reserved.add(name)
    return name


def _free_aliases(operations: tuple[Operation, ...]) -> tuple[Operation, ...]:
    """Deprecated aliases that no method of the group, nor an earlier alias, already has."""
    taken = {op.method_name for op in operations}
    result = []
    for operation in operations:
        free = tuple(a for a in operation.aliases if a not in taken)
        taken.update(free)
        result.append(
            operation if free == operation.aliases else with_fields(operation, aliases=free)
        )
    return tuple(result)


def _unique_method_names(operations: list[Operation]) -> tuple[Operation, ...]:
    seen: set[str] = set()
    result = []
    for operation in operations:
        name = operation.method_name
        if name in seen:
            name = python_identifier(f"{name}_{operation.http_method}", name)
        while name in seen:
            name += "_"
        seen.add(name)
        result.append(
            operation if name == operation.method_name else with_fields(operation, method_name=name)
        )
    return tuple(result)
