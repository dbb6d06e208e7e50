"""Changes to the client and its operations: methods, their arguments and return types."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from sdkwright.diff.relations import annotation, type_change
from sdkwright.diff.report import ApiChange, code
from sdkwright.ir.nodes import Api, Operation, TypeRef


def client_changes(old: Api, new: Api) -> Iterator[ApiChange]:
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


def operation_changes(old: Api, new: Api) -> Iterator[ApiChange]:
    before, after = _operations(old), _operations(new)
    for name in sorted(before.keys() - after.keys()):
        yield ApiChange("removed", "operation", name, f"{_endpoint(before[name])} is gone", "major")
    for name in sorted(after.keys() - before.keys()):
        yield ApiChange("added", "operation", name, f"calls {_endpoint(after[name])}", "minor")
    for name in sorted(before.keys() & after.keys()):
        yield from _one_operation(name, before[name], after[name])


def _endpoint(op: Operation) -> str:
    return code(f"{op.http_method.upper()} {op.path}")


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
    yield from type_change("parameter", name, old.type, new.type, "input")
    if new.deprecated and not old.deprecated:
        yield ApiChange("changed", "parameter", name, "deprecated", "minor")


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
        yield from type_change("return type", name, old_type, new_type, "output")
    if (old.pagination is None) != (new.pagination is None):
        detail = "now returns pages" if new.pagination is not None else "no longer returns pages"
        yield ApiChange("changed", "return type", name, detail, "major")


def _returned(type_: TypeRef | None) -> str:
    return "`None`" if type_ is None else f"`{annotation(type_)}`"
