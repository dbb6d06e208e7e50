"""Changes to the definitions: models, their fields, enums and their values, aliases."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

from sdkwright.diff.relations import Direction, annotation, type_change
from sdkwright.diff.report import ApiChange, Bump
from sdkwright.ir.nodes import Alias, Api, Definition, Enum, Field, Model


def definition_changes(old: Api, new: Api, flows: Mapping[str, Direction]) -> Iterator[ApiChange]:
    before = {d.name: d for d in old.definitions}
    after = {d.name: d for d in new.definitions}
    for name in sorted(before.keys() - after.keys()):
        yield ApiChange("removed", _element(before[name]), name, "imports of it fail", "major")
    for name in sorted(after.keys() - before.keys()):
        yield ApiChange("added", _element(after[name]), name, "new type", "minor")
    for name in sorted(before.keys() & after.keys()):
        yield from _one_definition(before[name], after[name], flows.get(name, "both"))


def _element(definition: Definition) -> str:
    return {Model: "model", Enum: "enum", Alias: "alias"}[type(definition)]


def _one_definition(old: Definition, new: Definition, flow: Direction) -> Iterator[ApiChange]:
    if type(old) is not type(new):
        yield ApiChange(
            "changed",
            _element(new),
            new.name,
            f"is now a {_element(new)} (was a {_element(old)})",
            "major",
        )
    elif isinstance(old, Model) and isinstance(new, Model):
        yield from _model_changes(old, new, flow)
    elif isinstance(old, Enum) and isinstance(new, Enum):
        yield from _enum_changes(old, new)
    elif isinstance(old, Alias) and isinstance(new, Alias):
        yield from type_change("alias", new.name, old.type, new.type, flow)
    if old.description != new.description:
        yield ApiChange("changed", _element(new), new.name, "documentation changed", "patch")


def _model_changes(old: Model, new: Model, flow: Direction) -> Iterator[ApiChange]:
    before = {f.name: f for f in old.fields}
    after = {f.name: f for f in new.fields}
    for name in sorted(before.keys() - after.keys()):
        yield ApiChange("removed", "field", f"{new.name}.{name}", "code reading it breaks", "major")
    for name in sorted(after.keys() - before.keys()):
        yield _added_field(new.name, after[name], flow)
    for name in sorted(before.keys() & after.keys()):
        yield from _one_field(f"{new.name}.{name}", before[name], after[name], flow)
    if new.deprecated and not old.deprecated:
        yield ApiChange("changed", "model", new.name, "deprecated", "minor")


def _added_field(model: str, field: Field, flow: Direction) -> ApiChange:
    kind = "required" if field.required else "optional"
    # A new required field breaks code that builds the model; readers just get more.
    bump: Bump = "major" if field.required and flow != "output" else "minor"
    return ApiChange(
        "added", "field", f"{model}.{field.name}", f"new {kind} `{annotation(field.type)}`", bump
    )


def _one_field(name: str, old: Field, new: Field, flow: Direction) -> Iterator[ApiChange]:
    if new.required != old.required:
        # Required -> optional: readers may now get nothing; optional -> required: builders
        # must now pass it. Each is harmless only to the other side.
        harmless = "input" if old.required else "output"
        bump: Bump = "minor" if flow == harmless else "major"
        word = "now required" if new.required else "now optional (may be missing)"
        yield ApiChange("changed", "field", name, word, bump)
    yield from type_change("field", name, old.type, new.type, flow)
    if new.deprecated and not old.deprecated:
        yield ApiChange("changed", "field", name, "deprecated", "minor")


def _enum_changes(old: Enum, new: Enum) -> Iterator[ApiChange]:
    before = {m.value: m for m in old.members}
    after = {m.value: m for m in new.members}
    for value in sorted(before.keys() - after.keys(), key=str):
        yield ApiChange(
            "removed",
            "enum value",
            f"{new.name}.{before[value].name}",
            f"{json.dumps(value)} is gone",
            "major",
        )
    for value in sorted(after.keys() - before.keys(), key=str):
        yield ApiChange(
            "added",
            "enum value",
            f"{new.name}.{after[value].name}",
            f"new value {json.dumps(value)} (older SDKs still parse it, with a warning)",
            "minor",
        )
    for value in sorted(before.keys() & after.keys(), key=str):
        if before[value].name != after[value].name:
            yield ApiChange(
                "changed",
                "enum value",
                f"{new.name}.{before[value].name}",
                f"renamed to {new.name}.{after[value].name}",
                "major",
            )
    if old.value_type != new.value_type:
        yield ApiChange(
            "changed",
            "enum",
            new.name,
            f"values are now {new.value_type} (were {old.value_type})",
            "major",
        )
