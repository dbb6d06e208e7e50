"""What a spec change does to SDK users: `sdkwright diff OLD_SPEC NEW_SPEC`.

Both specs are built into the IR, so the comparison speaks the SDK's names (`client.orders
.create_order(quantity=...)`, `Order.symbol`), not the spec's. Every change is classified
for code that uses the SDK:

* breaking (major): an operation, parameter, model, field or enum value removed; a new
  required parameter; a parameter made required; an input type narrowed; an output type
  widened or a field that may now be missing; a type changed incompatibly;
* non-breaking (minor): an operation, model, optional parameter or field, or enum value
  added (enums are open: the SDK accepts values it does not know); an input widened; a
  deprecation;
* patch: what users cannot see in their code: paths, HTTP methods, documentation.

Which way data flows decides a type change: users build inputs (parameters, request bodies)
and read outputs (responses). A model used both ways gets the strictest reading.

Pure functions: IR in, a report out, rendered as Markdown or JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sdkwright.diagnostics import Diagnostic, has_errors
from sdkwright.ir.nodes import (
    ANY,
    Alias,
    Api,
    Definition,
    Enum,
    Field,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Operation,
    Primitive,
    TypeRef,
    UnionOf,
)
from sdkwright.targets.python import pytypes

Kind = Literal["added", "removed", "changed"]
Bump = Literal["major", "minor", "patch"]
Direction = Literal["input", "output", "both"]
Relation = Literal["same", "wider", "narrower", "different"]
BUMP_ORDER: tuple[str, ...] = ("none", "patch", "minor", "major")


@dataclass(frozen=True)
class ApiChange:
    kind: Kind
    element: str  # operation, parameter, field, enum value, model, enum, alias, return type, client
    name: str  # as SDK users write it
    detail: str
    bump: Bump

    @property
    def breaking(self) -> bool:
        return self.bump == "major"


@dataclass(frozen=True)
class DiffReport:
    changes: tuple[ApiChange, ...]

    @property
    def bump(self) -> str:
        """The semver bump the change implies: major, minor, patch or none."""
        return max((c.bump for c in self.changes), key=BUMP_ORDER.index, default="none")

    @property
    def breaking(self) -> tuple[ApiChange, ...]:
        return tuple(c for c in self.changes if c.breaking)


def build_ir(spec: Path, package: str, client_name: str) -> tuple[Api | None, list[Diagnostic]]:
    """The IR of one spec, as `generate` would build it; None when the spec has errors."""
    from sdkwright.api import load_and_validate
    from sdkwright.targets.python.naming.step import NamingOptions, build_named_api

    specs, diagnostics = load_and_validate(spec)
    if specs is None or has_errors(diagnostics):
        return None, diagnostics
    api, build_diagnostics = build_named_api(specs, NamingOptions(package, client_name))
    diagnostics += build_diagnostics
    return (None if has_errors(diagnostics) else api), diagnostics


def compare(old: Api, new: Api) -> DiffReport:
    flows = _merge_flows(data_flows(old), data_flows(new))
    changes = [
        *_client_changes(old, new),
        *_operation_changes(old, new),
        *_definition_changes(old, new, flows),
    ]
    return DiffReport(tuple(changes))


# -- types -------------------------------------------------------------------------------


def relation(old: TypeRef, new: TypeRef) -> Relation:
    """How the set of values `new` admits compares with `old`'s."""
    if old == new:
        return "same"
    old_nullable, old_core = _split_null(old)
    new_nullable, new_core = _split_null(new)
    if old_nullable != new_nullable:
        nullability: Relation = "wider" if new_nullable else "narrower"
        return _combine(nullability, relation(old_core, new_core))
    if old_nullable:
        return relation(old_core, new_core)
    return _core_relation(old, new)


def _core_relation(old: TypeRef, new: TypeRef) -> Relation:
    if new == ANY:
        return "wider"
    if old == ANY:
        return "narrower"
    if isinstance(old, UnionOf) or isinstance(new, UnionOf):
        return _set_relation(set(_members(old)), set(_members(new)))
    if isinstance(old, LiteralOf) and isinstance(new, LiteralOf):
        return _set_relation(set(old.values), set(new.values))
    if isinstance(old, ListOf) and isinstance(new, ListOf):
        return relation(old.item, new.item)
    if isinstance(old, MapOf) and isinstance(new, MapOf):
        return relation(old.value, new.value)
    if isinstance(old, Primitive) and isinstance(new, Primitive):
        return _primitive_relation(old, new)
    if isinstance(old, LiteralOf) and isinstance(new, Primitive | Named):
        return "wider"  # a constant became a free value of its type (or an enum)
    if isinstance(new, LiteralOf) and isinstance(old, Primitive | Named):
        return "narrower"
    if isinstance(old, Named) and old.kind == "enum" and isinstance(new, Primitive):
        return "wider"  # enum -> plain str/int: every old value is still accepted
    if isinstance(new, Named) and new.kind == "enum" and isinstance(old, Primitive):
        return "narrower"
    return "different"


def _primitive_relation(old: Primitive, new: Primitive) -> Relation:
    if old.name == new.name:
        return "same"  # int32 -> int64 or a new string format: the same Python type
    if (old.name, new.name) == ("int", "float"):
        return "wider"
    if (old.name, new.name) == ("float", "int"):
        return "narrower"
    return "different"


def _split_null(type_: TypeRef) -> tuple[bool, TypeRef]:
    return (True, type_.inner) if isinstance(type_, Nullable) else (False, type_)


def _members(type_: TypeRef) -> tuple[TypeRef, ...]:
    return type_.members if isinstance(type_, UnionOf) else (type_,)


def _set_relation(old: set[object], new: set[object]) -> Relation:
    if old == new:
        return "same"
    if old < new:
        return "wider"
    if new < old:
        return "narrower"
    return "different"


def _combine(first: Relation, second: Relation) -> Relation:
    if first == "same":
        return second
    if second in ("same", first):
        return first
    return "different"


def type_bump(change: Relation, direction: Direction) -> Bump:
    """Inputs may widen (callers' values still fit), outputs may narrow (readers' code still
    handles every value); anything else can break a caller."""
    if change == "wider" and direction == "input":
        return "minor"
    if change == "narrower" and direction == "output":
        return "patch"
    return "major"


def annotation(type_: TypeRef) -> str:
    return pytypes.annotation(type_)


# -- data flow ---------------------------------------------------------------------------


def data_flows(api: Api) -> dict[str, Direction]:
    """For each definition, whether users build it (input), read it (output) or both."""
    definitions = {d.name: d for d in api.definitions}
    inputs: set[str] = set()
    outputs: set[str] = set()
    for op in api.operations:
        for type_ in _input_types(op):
            _reach(type_, definitions, inputs)
        for response in op.responses:
            if response.type is not None:
                _reach(response.type, definitions, outputs)
    return {
        name: "both"
        if name in inputs and name in outputs
        else "input"
        if name in inputs
        else "output"
        for name in inputs | outputs
    }


def _merge_flows(
    old: Mapping[str, Direction], new: Mapping[str, Direction]
) -> dict[str, Direction]:
    """A definition whose flow differs between the versions gets the strictest reading."""
    merged = dict(old)
    for name, direction in new.items():
        merged[name] = direction if merged.get(name, direction) == direction else "both"
    return merged


def _input_types(op: Operation) -> Iterator[TypeRef]:
    yield from (p.type for p in op.parameters)
    if op.body is not None:
        yield op.body.type
        yield from (f.type for f in op.body.fields or ())


def _reach(type_: TypeRef, definitions: Mapping[str, Definition], seen: set[str]) -> None:
    for name in _named(type_):
        if name in seen or name not in definitions:
            continue
        seen.add(name)
        definition = definitions[name]
        if isinstance(definition, Model):
            for f in definition.fields:
                _reach(f.type, definitions, seen)
        elif isinstance(definition, Alias):
            _reach(definition.type, definitions, seen)


def _named(type_: TypeRef) -> Iterator[str]:
    match type_:
        case Named(name):
            yield name
        case ListOf(item):
            yield from _named(item)
        case MapOf(value):
            yield from _named(value)
        case Nullable(inner):
            yield from _named(inner)
        case UnionOf(members):
            for member in members:
                yield from _named(member)


# -- client and operations ---------------------------------------------------------------


def _client_changes(old: Api, new: Api) -> Iterator[ApiChange]:
    if old.client_name != new.client_name or old.package != new.package:
        yield ApiChange(
            "changed",
            "client",
            new.client_name,
            f"`{old.package}.{old.client_name}` is now `{new.package}.{new.client_name}`",
            "major",
        )
    if _authentication(old) != _authentication(new):
        yield ApiChange(
            "changed",
            "client",
            new.client_name,
            f"authentication changed from {_authentication(old)} to {_authentication(new)}",
            "major",
        )
    if old.base_url != new.base_url:
        yield ApiChange(
            "changed", "client", new.client_name, f"default base URL is now {new.base_url}", "patch"
        )
    if old.version != new.version:
        yield ApiChange(
            "changed",
            "client",
            new.client_name,
            f"API version {old.version} -> {new.version}",
            "patch",
        )


def _authentication(api: Api) -> str:
    """How the client authenticates by default: its primary credential ("none" without)."""
    if not api.security_schemes:
        return "none"
    primary = api.security_schemes[0]
    if primary.kind == "api_key":
        return f"API key in {primary.location} {primary.parameter_name!r}"
    return "HTTP basic" if primary.kind == "basic" else "bearer token"


def _operations(api: Api) -> dict[str, Operation]:
    return {
        f"client.{group.attribute}.{op.method_name}()": op
        for group in api.groups
        for op in group.operations
    }


def _operation_changes(old: Api, new: Api) -> Iterator[ApiChange]:
    before, after = _operations(old), _operations(new)
    for name in sorted(before.keys() - after.keys()):
        yield ApiChange("removed", "operation", name, f"{_endpoint(before[name])} is gone", "major")
    for name in sorted(after.keys() - before.keys()):
        yield ApiChange("added", "operation", name, f"calls {_endpoint(after[name])}", "minor")
    for name in sorted(before.keys() & after.keys()):
        yield from _one_operation(name, before[name], after[name])


def _endpoint(op: Operation) -> str:
    return _code(f"{op.http_method.upper()} {op.path}")


def _one_operation(name: str, old: Operation, new: Operation) -> Iterator[ApiChange]:
    if (old.http_method, old.path) != (new.http_method, new.path):
        yield ApiChange(
            "changed",
            "operation",
            name,
            f"now calls {_endpoint(new)} (was {_endpoint(old)})",
            "patch",
        )
    if new.deprecated and not old.deprecated:
        yield ApiChange("changed", "operation", name, "deprecated", "minor")
    yield from _argument_changes(name, arguments(old), arguments(new))
    yield from _return_changes(name, old, new)
    if (old.summary, old.description) != (new.summary, new.description):
        yield ApiChange("changed", "operation", name, "documentation changed", "patch")


@dataclass(frozen=True)
class Argument:
    """A keyword argument of a generated method: a parameter, a body field, or `body`."""

    name: str
    type: TypeRef
    required: bool
    deprecated: bool


def arguments(op: Operation) -> dict[str, Argument]:
    """The method's keyword arguments, as `render` lays them out."""
    found = {p.name: Argument(p.name, p.type, p.required, p.deprecated) for p in op.parameters}
    body = op.body
    if body is not None and body.fields is not None:
        found.update(
            {f.name: Argument(f.name, f.type, f.required, f.deprecated) for f in body.fields}
        )
    elif body is not None:
        found["body"] = Argument("body", body.type, body.required, False)
    return found


def _argument_changes(
    operation: str, before: Mapping[str, Argument], after: Mapping[str, Argument]
) -> Iterator[ApiChange]:
    for name in sorted(before.keys() - after.keys()):
        yield ApiChange(
            "removed",
            "parameter",
            _call(operation, name),
            "callers passing it get a TypeError",
            "major",
        )
    for name in sorted(after.keys() - before.keys()):
        argument = after[name]
        required = "required" if argument.required else "optional"
        yield ApiChange(
            "added",
            "parameter",
            _call(operation, name),
            f"new {required} `{annotation(argument.type)}`",
            "major" if argument.required else "minor",
        )
    for name in sorted(before.keys() & after.keys()):
        yield from _one_argument(_call(operation, name), before[name], after[name])


def _call(operation: str, argument: str) -> str:
    """`client.orders.create()` and `side` -> `client.orders.create(side=...)`."""
    return f"{operation.removesuffix('()')}({argument}=...)"


def _one_argument(name: str, old: Argument, new: Argument) -> Iterator[ApiChange]:
    if new.required and not old.required:
        yield ApiChange("changed", "parameter", name, "now required", "major")
    if old.required and not new.required:
        yield ApiChange("changed", "parameter", name, "now optional", "minor")
    yield from _type_change("parameter", name, old.type, new.type, "input")
    if new.deprecated and not old.deprecated:
        yield ApiChange("changed", "parameter", name, "deprecated", "minor")


def _type_change(
    element: str, name: str, old: TypeRef, new: TypeRef, direction: Direction
) -> Iterator[ApiChange]:
    change = relation(old, new)
    if change == "same":
        return
    word = {"wider": "widened", "narrower": "narrowed", "different": "changed"}[change]
    yield ApiChange(
        "changed",
        element,
        name,
        f"type {word}: `{annotation(old)}` -> `{annotation(new)}`",
        type_bump(change, direction),
    )


def _return_changes(name: str, old: Operation, new: Operation) -> Iterator[ApiChange]:
    old_type = old.success.type if old.success.kind != "empty" else None
    new_type = new.success.type if new.success.kind != "empty" else None
    if (old_type is None) != (new_type is None) or old.success.kind != new.success.kind:
        yield ApiChange(
            "changed",
            "return type",
            name,
            f"now returns {_returned(new_type)} (was {_returned(old_type)})",
            "major",
        )
    elif old_type is not None and new_type is not None:
        yield from _type_change("return type", name, old_type, new_type, "output")
    if (old.pagination is None) != (new.pagination is None):
        detail = "now returns pages" if new.pagination is not None else "no longer returns pages"
        yield ApiChange("changed", "return type", name, detail, "major")


def _returned(type_: TypeRef | None) -> str:
    return "`None`" if type_ is None else f"`{annotation(type_)}`"


# -- definitions -------------------------------------------------------------------------


def _definition_changes(old: Api, new: Api, flows: Mapping[str, Direction]) -> Iterator[ApiChange]:
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
        yield from _type_change("alias", new.name, old.type, new.type, flow)
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
    yield from _type_change("field", name, old.type, new.type, flow)
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
            f"new value {json.dumps(value)} (enums are open: older SDKs accept it too)",
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


# -- rendering ---------------------------------------------------------------------------

SECTIONS: tuple[tuple[Bump, str], ...] = (
    ("major", "Breaking changes"),
    ("minor", "Non-breaking changes"),
    ("patch", "Other changes"),
)


def render_markdown(report: DiffReport, old_name: str, new_name: str) -> str:
    """A changelog entry / PR comment."""
    counts = {bump: sum(1 for c in report.changes if c.bump == bump) for bump, _ in SECTIONS}
    lines = [
        f"## SDK changes: {_code(old_name)} -> {_code(new_name)}",
        "",
        f"**Semver bump: {report.bump}** ({counts['major']} breaking, "
        f"{counts['minor']} non-breaking, {counts['patch']} other)",
    ]
    for bump, title in SECTIONS:
        section = [c for c in report.changes if c.bump == bump]
        if section:
            lines += ["", f"### {title}", ""]
            lines += [
                f"- {c.kind.capitalize()} {c.element} {_code(c.name)}: {c.detail}" for c in section
            ]
    if not report.changes:
        lines += ["", "No change that SDK users can see."]
    return "\n".join(lines) + "\n"


def _code(text: str) -> str:
    """Inline code that survives backticks in spec-derived text."""
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render_json(report: DiffReport) -> str:
    return json.dumps(
        {
            "bump": report.bump,
            "breaking": len(report.breaking),
            "changes": [
                {
                    "kind": c.kind,
                    "element": c.element,
                    "name": c.name,
                    "detail": c.detail,
                    "impact": "breaking" if c.breaking else "non-breaking",
                    "bump": c.bump,
                }
                for c in report.changes
            ],
        },
        indent=2,
    )
