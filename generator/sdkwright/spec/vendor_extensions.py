"""Other generators' OpenAPI extensions, read as sdkwright's own (issue 16).

A spec written for Speakeasy, Fern or Stainless carries what its authors decided about the
SDK: method and group names, pagination, retries, what to leave out. Before validation, the
extensions that map onto sdkwright's features are translated into sdkwright's (on copies of
the documents, `SpecSet.with_changes`); sdkwright's own extension wins where both are given.
Every other extension of those three generators is listed once, as a note. The README's
table ("Other generators' extensions") says what each one becomes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.spec.edits import DELETE, Change
from sdkwright.spec.pointers import join_pointer
from sdkwright.spec.resolve import Node, SpecSet
from sdkwright.spec.validate import iter_operations

PREFIXES = ("x-speakeasy-", "x-fern-", "x-stainless-")
NAME = "x-sdkwright-name"
GROUP = "x-sdkwright-group"
PAGINATION = "x-sdkwright-pagination"
RETRIES = "x-sdkwright-retries"
METHOD_NAMES = ("x-speakeasy-name-override", "x-fern-sdk-method-name")
GROUPS = ("x-speakeasy-group", "x-fern-sdk-group-name")
IGNORES = ("x-speakeasy-ignore", "x-fern-ignore", "x-stainless-skip")
PAGINATIONS = ("x-speakeasy-pagination", "x-fern-pagination")
RETRY_POLICIES = ("x-speakeasy-retries", "x-fern-retries")
# Read, and nothing to do: sdkwright's enums already accept values they do not know.
ALREADY_SO = ("x-speakeasy-unknown-values",)
MAPPED = frozenset(METHOD_NAMES + GROUPS + IGNORES + PAGINATIONS + RETRY_POLICIES + ALREADY_SO)
_ANY_PREFIX = re.compile(r"x-(?:speakeasy|fern|stainless)-")
_WORD_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|[-\s.]+")


def translate(specs: SpecSet) -> tuple[SpecSet, list[Diagnostic]]:
    """The spec with the mapped extensions translated, and a note per unmapped extension
    name (once, at its first place). Costs a text search when the spec has none."""
    if not any(_ANY_PREFIX.search(d.text) for d in specs.documents.values()):
        return specs, []
    changes: dict[str, list[Change]] = defaultdict(list)
    notes: list[Diagnostic] = []
    root = specs.root_node
    for change in _retries(root.value, ""):
        changes[root.document.name].append(change)
    for _, _, _, operation in iter_operations(specs):
        found, more = _operation(operation)
        changes[operation.document.name].extend(found)
        notes += more
    for document, change in _ignored_properties(specs):
        changes[document].append(change)
    notes += _unmapped(specs)
    return (specs.with_changes(changes) if changes else specs), notes


def _operation(node: Node) -> tuple[list[Change], list[Diagnostic]]:
    value: Mapping[str, Any] = node.value
    if any(_ignored(value.get(key)) for key in IGNORES):
        return [Change(node.pointer, DELETE)], []
    changes: list[Change] = []
    notes: list[Diagnostic] = []
    name = _first_string(value, METHOD_NAMES)
    if name and NAME not in value:
        changes.append(Change(join_pointer(node.pointer, NAME), _snake(name)))
    group = next((value[k] for k in GROUPS if k in value), None)
    if group is not None and GROUP not in value:
        parts = [group] if isinstance(group, str) else group
        if isinstance(parts, list) and parts and all(isinstance(p, str) for p in parts):
            changes.append(Change(join_pointer(node.pointer, GROUP), "_".join(map(_snake, parts))))
            if len(parts) > 1 or "." in parts[0]:
                notes.append(_note(node, "nested groups are joined into one: `a.b` is `a_b`"))
    if PAGINATION not in value:
        declared = _pagination(value)
        if declared is not None:
            changes.append(Change(join_pointer(node.pointer, PAGINATION), declared))
        elif any(key in value for key in PAGINATIONS):
            message = "this pagination cannot be read as sdkwright's (inputs in the request body, or no style sdkwright has); ignored"
            notes.append(_note(node, message, Level.WARNING))
    changes += _retries(value, node.pointer)
    return changes, notes


def _ignored(value: Any) -> bool:
    """`true`, or (x-stainless-skip) a list of languages that names Python."""
    return value is True or (isinstance(value, list) and "python" in value)


def _first_string(value: Mapping[str, Any], keys: tuple[str, ...]) -> str:
    found = next((value[k] for k in keys if isinstance(value.get(k), str)), "")
    return str(found)


def _snake(name: str) -> str:
    """`getUser`, `get-user` or `GetUser` -> `get_user`: the other generators adapt a name's
    case to each language, as sdkwright does."""
    return "_".join(part for part in _WORD_BREAK.split(name) if part).lower()


def _retries(value: Mapping[str, Any], pointer: str) -> list[Change]:
    """Speakeasy's `strategy: none` or Fern's `disabled: true`: never retry; Speakeasy's
    backoff: the client's retry policy (its intervals and status codes are the client's)."""
    if RETRIES in value or not isinstance(value, dict):
        return []
    speakeasy = value.get("x-speakeasy-retries")
    fern = value.get("x-fern-retries")
    retries: bool | None = None
    if isinstance(speakeasy, dict) and speakeasy.get("strategy") in ("none", "backoff"):
        retries = speakeasy["strategy"] == "backoff"
    elif isinstance(fern, dict) and isinstance(fern.get("disabled"), bool):
        retries = not fern["disabled"]
    return [] if retries is None else [Change(join_pointer(pointer, RETRIES), retries)]


def _pagination(value: Mapping[str, Any]) -> dict[str, str] | None:
    speakeasy = value.get("x-speakeasy-pagination")
    if isinstance(speakeasy, dict):
        return _speakeasy_pagination(speakeasy)
    fern = value.get("x-fern-pagination")
    if isinstance(fern, dict):
        return _fern_pagination(fern)
    return None


def _path(expression: Any) -> str:
    """`$.data.items`, `$response.data.items` -> `data.items`; `$request.page` -> `page`."""
    text = str(expression or "")
    for prefix in ("$response.", "$request.", "$."):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return "" if text in ("$", "$response") else text


def _speakeasy_pagination(declared: Mapping[str, Any]) -> dict[str, str] | None:
    inputs = {
        str(i.get("type")): str(i.get("name"))
        for i in declared.get("inputs") or []
        if isinstance(i, dict) and i.get("in", "parameters") == "parameters"
    }
    found = declared.get("outputs")
    outputs: dict[str, Any] = found if isinstance(found, dict) else {}
    result = {"items": _path(outputs.get("results", "$"))}
    kind = declared.get("type")
    if kind == "offsetLimit" and ("offset" in inputs or "page" in inputs):
        style = "offset" if "offset" in inputs else "page"
        result |= {"style": style, "parameter": inputs[style]}
        if "limit" in inputs:
            result["limit"] = inputs["limit"]
    elif kind == "cursor" and "cursor" in inputs and outputs.get("nextCursor"):
        next_cursor = _path(outputs["nextCursor"])
        result |= {"style": "cursor", "parameter": inputs["cursor"], "next": next_cursor}
    elif kind == "url" and outputs.get("nextUrl"):
        result |= {"style": "next_url", "next": _path(outputs["nextUrl"])}
    else:
        return None
    return result


def _fern_pagination(declared: Mapping[str, Any]) -> dict[str, str] | None:
    """Fern's offset counts pages unless `step` names the page size (then it counts items)."""
    result = {"items": _path(declared.get("results", "$response"))}
    if declared.get("cursor") and declared.get("next_cursor"):
        result |= {"style": "cursor", "parameter": _path(declared["cursor"])}
        result["next"] = _path(declared["next_cursor"])
    elif declared.get("offset"):
        style = "offset" if declared.get("step") else "page"
        result |= {"style": style, "parameter": _path(declared["offset"])}
        if declared.get("step"):
            result["limit"] = _path(declared["step"])
    elif declared.get("next_uri"):
        result |= {"style": "next_url", "next": _path(declared["next_uri"])}
    else:
        return None
    if declared.get("has-next-page"):
        result["has_more"] = _path(declared["has-next-page"])
    return result


def _ignored_properties(specs: SpecSet) -> Iterator[tuple[str, Change]]:
    """A component schema's property marked ignored leaves the schema (and its required)."""
    schemas = (specs.root.data.get("components") or {}).get("schemas")
    if not isinstance(schemas, dict):
        return
    for name, schema in schemas.items():
        properties = schema.get("properties") if isinstance(schema, dict) else None
        if not isinstance(properties, dict):
            continue
        where = join_pointer("/components/schemas", name)
        gone = [
            key
            for key, prop in properties.items()
            if isinstance(prop, dict) and any(_ignored(prop.get(k)) for k in IGNORES)
        ]
        for key in gone:
            yield specs.root.name, Change(join_pointer(where, "properties", key), DELETE)
        required = schema.get("required")
        if gone and isinstance(required, list):
            kept = [r for r in required if r not in gone]
            yield specs.root.name, Change(join_pointer(where, "required"), kept)


def _unmapped(specs: SpecSet) -> list[Diagnostic]:
    """One note per extension of the three generators that sdkwright does not read."""
    first: dict[str, tuple[Node, int]] = {}
    for document in specs.documents.values():
        for pointer, key in _extension_keys(document.data, ""):
            if key in MAPPED:
                continue
            node, count = first.get(key, (Node(document, pointer, None), 0))
            first[key] = (node, count + 1)
    return [
        Diagnostic(
            Level.INFO,
            "extension.other-generator",
            f"{key} ({count} place{'s' if count > 1 else ''}) is another generator's extension"
            " that sdkwright does not read; ignored",
            Location(node.document.name, pointer=join_pointer(node.pointer, key)),
            "see the README's table of the extensions sdkwright reads",
        )
        for key, (node, count) in sorted(first.items())
    ]


def _extension_keys(value: Any, pointer: str) -> Iterator[tuple[str, str]]:
    """(pointer of the owner, key) for every key of the three generators' namespaces."""
    stack = [(value, pointer)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, dict):
            for key, child in current.items():
                if isinstance(key, str) and key.startswith(PREFIXES):
                    yield where, key
                elif isinstance(child, dict | list):
                    stack.append((child, join_pointer(where, str(key))))
        elif isinstance(current, list):
            stack.extend(
                (child, join_pointer(where, i))
                for i, child in enumerate(current)
                if isinstance(child, dict | list)
            )


def _note(node: Node, message: str, level: Level = Level.INFO) -> Diagnostic:
    return Diagnostic(level, "extension.other-generator", message, node.location)
