"""Repairs of operations and parameters, as real specs get them wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sdkwright.spec.edits import DELETE, Change
from sdkwright.spec.lenient.fixes import Fix
from sdkwright.spec.lenient.walk import deref, parameters, select, unique
from sdkwright.spec.pointers import join_pointer
from sdkwright.spec.resolve import Node, SpecSet
from sdkwright.spec.validate import iter_operations

_STATUS = re.compile(r"(?:default|[1-5](?:\d\d|XX))")
_TEMPLATE_VARIABLE = re.compile(r"{([^}/]+)}")


def stray_responses(specs: SpecSet) -> list[Fix]:
    """`default:` (or `'404':`) written on the operation instead of under `responses`."""
    fixes = []
    for path, method, _, operation in iter_operations(specs):
        responses = operation.value.get("responses")
        for key in [k for k in operation.value if _STATUS.fullmatch(k)]:
            at = join_pointer(operation.pointer, key)
            if isinstance(responses, dict) and key in responses:
                changes: tuple[Change, ...] = (Change(at),)
                done = f"skipped it: `responses` already has '{key}'"
            elif isinstance(responses, dict) or responses is None:
                target = join_pointer(operation.pointer, "responses")
                move = Change(join_pointer(target, key), operation.value[key])
                create = () if responses is not None else (Change(target, {}),)
                changes, done = (*create, move, Change(at)), "moved it under `responses`"
                responses = {**(responses or {}), key: None}
            else:
                continue
            message = f"{method.upper()} {path}: response '{key}' is written on the operation, not under `responses`"
            fixes.append(
                Fix(operation.child(key), "lenient.stray-response", message, done, changes)
            )
    return fixes


def responses_without_description(specs: SpecSet) -> list[Fix]:
    """A response with no `description`, which every version requires: an empty one; a
    response written as text: that text as its description."""
    fixes = []
    for path, method, _, operation in iter_operations(specs):
        for response in select(specs, operation, ("responses", "*")):
            node = deref(specs, response)
            if node is None:
                continue
            status = response.pointer.rpartition("/")[2]
            if isinstance(node.value, str):
                message = (
                    f"{method.upper()} {path}: response '{status}' is text, not a Response Object"
                )
                change = Change(node.pointer, {"description": node.value})
                fixes.append(
                    Fix(
                        node,
                        "lenient.response-description",
                        message,
                        "read the text as its description",
                        (change,),
                    )
                )
            elif isinstance(node.value, dict) and "description" not in node.value:
                message = f"{method.upper()} {path}: response '{status}' has no description"
                change = Change(join_pointer(node.pointer, "description"), "")
                fixes.append(
                    Fix(
                        node,
                        "lenient.response-description",
                        message,
                        "gave it an empty one",
                        (change,),
                    )
                )
    return fixes


def undeclared_path_parameters(specs: SpecSet) -> list[Fix]:
    """A `{variable}` of the path that no parameter declares: a required string parameter."""
    fixes = []
    for path, method, item, operation in iter_operations(specs):
        declared = {
            p.value.get("name")
            for owner in (item, operation)
            for p in specs.parameters(owner, ("path",))
        }
        missing = [v for v in dict.fromkeys(_TEMPLATE_VARIABLE.findall(path)) if v not in declared]
        listed = operation.value.get("parameters")
        at = join_pointer(operation.pointer, "parameters")
        for variable in missing:
            create = () if isinstance(listed, list) else (Change(at, []),)
            listed = []
            added = Change(join_pointer(at, "-"), _path_parameter(variable, specs.swagger2))
            message = f"{method.upper()} {path}: path variable '{variable}' is not declared as a path parameter"
            done = f"added a required string path parameter '{variable}'"
            fixes.append(
                Fix(operation, "lenient.undeclared-path-parameter", message, done, (*create, added))
            )
    return fixes


def _path_parameter(name: str, swagger2: bool) -> dict[str, Any]:
    kind: dict[str, Any] = {"type": "string"}
    return {
        "name": name,
        "in": "path",
        "required": True,
        **(kind if swagger2 else {"schema": kind}),
    }


def optional_path_parameters(specs: SpecSet) -> list[Fix]:
    """A path parameter without `required: true`: the path cannot be built without it."""
    return [
        Fix(
            parameter,
            "lenient.optional-path-parameter",
            f"path parameter '{parameter.value.get('name')}' is not marked `required: true`",
            "made it required, as every path parameter is",
            (Change(join_pointer(parameter.pointer, "required"), True),),
        )
        for parameter in parameters(specs)
        if isinstance(parameter.value, dict)
        and parameter.value.get("in") == "path"
        and parameter.value.get("required") is not True
    ]


def parameters_without_type(specs: SpecSet) -> list[Fix]:
    """A parameter with neither schema nor content (3.x) or type (2.0): sent as text."""
    fixes = []
    for parameter in parameters(specs):
        value = parameter.value
        if not isinstance(value, dict) or not isinstance(value.get("name"), str):
            continue
        if specs.swagger2:
            if value.get("in") == "body" or "type" in value:
                continue
            change = Change(join_pointer(parameter.pointer, "type"), "string")
        elif "schema" in value or "content" in value:
            continue
        else:
            change = Change(join_pointer(parameter.pointer, "schema"), {"type": "string"})
        message = f"parameter '{value['name']}' has no {'type' if specs.swagger2 else 'schema'}"
        fixes.append(
            Fix(
                parameter,
                "lenient.parameter-without-type",
                message,
                "typed it as a string",
                (change,),
            )
        )
    return fixes


def duplicate_operation_ids(specs: SpecSet) -> list[Fix]:
    """An operationId used again: the later ones get a numbered name of their own (not an
    operation met again through a path item that another one refers to: renaming it would
    rename both)."""
    operations = unique(op for _, _, _, op in iter_operations(specs))
    found = [(op, op.value.get("operationId")) for op in operations]
    taken = {i for _, i in found if isinstance(i, str)}
    seen: set[str] = set()
    fixes = []
    for operation, operation_id in found:
        if not isinstance(operation_id, str):
            continue
        if operation_id not in seen:
            seen.add(operation_id)
            continue
        renamed = next(n for n in _numbered(operation_id) if n not in taken)
        taken.add(renamed)
        node = operation.child("operationId")
        message = f"operationId '{operation_id}' is used more than once"
        done = f"renamed this one '{renamed}'"
        fixes.append(
            Fix(
                node,
                "lenient.duplicate-operation-id",
                message,
                done,
                (Change(node.pointer, renamed),),
            )
        )
    return fixes


def _numbered(name: str) -> Iterator[str]:
    number = 2
    while True:
        yield f"{name}_{number}"
        number += 1


def examples_lists(specs: SpecSet) -> list[Fix]:
    """`examples: [...]` on a parameter, media type or header, where OpenAPI 3 wants a map
    of Example Objects: the first item becomes its `example`."""
    if specs.swagger2:
        return []
    owners = parameters(specs)
    for _, _, _, operation in iter_operations(specs):
        owners += select(specs, operation, ("requestBody", "content", "*"))
        owners += select(specs, operation, ("responses", "*", "content", "*"))
        owners += select(specs, operation, ("responses", "*", "headers", "*"))
    return [fix for owner in owners if (fix := examples_list_fix(specs, owner)) is not None]


def examples_list_fix(specs: SpecSet, owner: Node, *, schema: bool = False) -> Fix | None:
    """`examples` given as a list where the object takes a map (or, for a 3.0 or 2.0
    schema, takes none): replaced by `example`, its first item."""
    node = deref(specs, owner)
    if node is None or not isinstance(node.value, dict):
        return None
    examples = node.value.get("examples")
    if not isinstance(examples, list):
        return None
    at = join_pointer(node.pointer, "examples")
    changes: tuple[Change, ...] = (Change(at, DELETE),)
    if examples and "example" not in node.value:
        changes = (Change(join_pointer(node.pointer, "example"), examples[0]), *changes)
    where = "a schema of this OpenAPI version" if schema else "this object"
    message = f"`examples` is a list, which {where} does not take"
    done = "kept its first item as `example`" if len(changes) == 2 else "dropped it"
    return Fix(node.child("examples"), "lenient.examples-list", message, done, changes)
