"""Spec validation: the OpenAPI meta-schema, then sdkwright's own rules.

By default the meta-schemas that openapi-spec-validator ships are checked with jsonschema-rs
(milliseconds, where openapi-spec-validator's own walk takes about a second on Clear Street's
spec and 6-23 s on large ones). `full=True` (`sdkwright validate`, `generate --full-validation`)
runs openapi-spec-validator itself as well, for the checks that go beyond its meta-schema.
Each rule of ours is a small function with a stable code, so users can tell them apart.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.spec import full_validation, refs
from sdkwright.spec.locate import locate
from sdkwright.spec.pointers import join_pointer
from sdkwright.spec.resolve import Node, RefError, SpecSet

HTTP_METHODS = full_validation.HTTP_METHODS
MAX_SCHEMA_ERRORS = 20
_TEMPLATE_VARIABLE = re.compile(r"{([^}/]+)}")


def spec_version(document: dict[str, Any]) -> str | None:
    """'2.0', '3.0' or '3.1', or None when the document says nothing we know."""
    openapi = document.get("openapi")
    if isinstance(openapi, str):
        for version in ("3.0", "3.1"):
            if openapi.startswith(version + "."):
                return version
        return None
    return "2.0" if str(document.get("swagger")) == "2.0" else None


def validate(specs: SpecSet, *, full: bool = False, refs_ok: bool = True) -> list[Diagnostic]:
    """Diagnostics for the spec; `full` adds openapi-spec-validator's own checks, which
    need every $ref to resolve (`refs_ok`)."""
    root = specs.root_node
    version = spec_version(root.value)
    if version is None:
        message = (
            "not an OpenAPI 2.0, 3.0 or 3.1 document (no 'openapi: 3.x.y' or 'swagger: \"2.0\"')"
        )
        hint = "start the document with `openapi: 3.1.0` (or the version it follows)"
        return locate([_at(root, Level.ERROR, "spec.version", message, hint)], [root.document])
    try:
        view, origins = validation_view(specs)
    except _ViewTooLarge as error:
        problem = _too_large(error, specs.policy.limits.max_values)
        return locate([problem], specs.documents.values())
    diagnostics = list(_meta_schema_errors(root, view, origins, version))
    if full and refs_ok and not diagnostics:
        diagnostics.extend(full_validation.errors(specs, version))
    for rule in RULES:
        diagnostics.extend(rule(specs))
    return locate(diagnostics, specs.documents.values())


def _at(node: Node, level: Level, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(level, code, message, node.location, hint)


@cache
def _meta_validator(version: str) -> Any:
    import jsonschema_rs

    folder = {"2.0": "v2.0", "3.0": "v3.0", "3.1": "v3.1"}[version]
    # Located, not imported: importing openapi_spec_validator costs ~0.2 s of start-up.
    package = importlib.util.find_spec("openapi_spec_validator")
    assert package is not None and package.submodule_search_locations is not None
    location = next(iter(package.submodule_search_locations))
    schema_file = Path(location, "resources", "schemas", folder, "schema.json")
    return jsonschema_rs.validator_for(json.loads(schema_file.read_text(encoding="utf-8")))


# Followed before validating (refs.FOLLOWED_UNDER); everywhere else a `$ref` stays as written.
_FOLLOWED_UNDER = refs.FOLLOWED_UNDER


def validation_view(specs: SpecSet) -> tuple[Any, dict[str, Node]]:
    """The root document with those `$ref`s followed, and where each followed value came
    from (view pointer -> node), to locate errors in the file they are in. A single-file
    spec is validated as written. _ViewTooLarge when following them would expand the
    document past Limits.max_values (`properties` maps that refer to maps that refer ...)."""
    root = specs.root_node
    viewer = _Viewer(specs)
    if len(specs.documents) == 1:
        return root.value, viewer.origins
    return viewer.view(root, "", False, 0), viewer.origins


class _ViewTooLarge(Exception):
    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node = node


class _Viewer:
    """Builds the view. A value followed from many places is built once and shared; its
    size counts at each place, as a validator walks it there: the budget holds however
    the references multiply (ten levels each referring ten times to the level below)."""

    def __init__(self, specs: SpecSet) -> None:
        self.specs = specs
        self.origins: dict[str, Node] = {}
        self.left = specs.policy.limits.max_values
        self.shared: dict[tuple[str, str], tuple[Any, int]] = {}  # target -> (view, size)

    def view(self, node: Node, pointer: str, follow: bool, depth: int) -> Any:
        value = node.value
        if not (follow and isinstance(value, dict) and isinstance(value.get("$ref"), str)):
            return self._build(node, pointer, depth)
        try:
            target = self.specs.deref(node)
        except RefError:
            return value  # reported by the loader
        if depth >= 64:
            return value
        self.origins[pointer] = target
        key = (target.document.name, target.pointer)
        if key in self.shared:
            built, size = self.shared[key]
            self._spend(size, target)
            return built
        left = self.left
        built = self._build(target, pointer, depth)
        self.shared[key] = (built, left - self.left)
        return built

    def _build(self, node: Node, pointer: str, depth: int) -> Any:
        self._spend(1, node)
        value = node.value
        if isinstance(value, dict):
            in_paths = pointer.count("/") == 2 and pointer.startswith("/paths/")
            return {
                key: self.view(
                    node.child(key),
                    join_pointer(pointer, key),
                    key in _FOLLOWED_UNDER or (in_paths and key in HTTP_METHODS),
                    depth + 1,
                )
                for key in value
            }
        if isinstance(value, list):
            return [
                self.view(node.child(i), join_pointer(pointer, i), False, depth + 1)
                for i in range(len(value))
            ]
        return value

    def _spend(self, values: int, node: Node) -> None:
        self.left -= values
        if self.left < 0:
            raise _ViewTooLarge(node)


def _too_large(error: _ViewTooLarge, limit: int) -> Diagnostic:
    message = (
        f"following the $refs under properties, descriptions and operations expands the "
        f"document past {limit:,} values (here, by the time it was stopped)"
    )
    hint = "refer to schemas by $ref, not to properties maps whose schemas refer to more of them"
    return Diagnostic(Level.ERROR, "limit.values", message, error.node.location, hint)


def _meta_schema_errors(
    root: Node, view: Any, origins: dict[str, Node], version: str
) -> Iterator[Diagnostic]:
    for count, error in enumerate(_meta_validator(version).iter_errors(view)):
        if count >= MAX_SCHEMA_ERRORS:
            return
        pointer = join_pointer("", *error.instance_path)
        node = _origin(root, pointer, origins)
        message = full_validation.first_line(error.message)
        yield Diagnostic(Level.ERROR, "spec.schema", message, node.location)


def _origin(root: Node, pointer: str, origins: dict[str, Node]) -> Node:
    """The node a view pointer stands for: inside a followed $ref, the referenced file's."""
    for prefix, target in sorted(origins.items(), key=lambda item: -len(item[0])):
        if pointer == prefix or pointer.startswith(prefix + "/"):
            return Node(target.document, target.pointer + pointer[len(prefix) :], None)
    return Node(root.document, pointer, None)


def iter_operations(specs: SpecSet) -> Iterator[tuple[str, str, Node, Node]]:
    """(path, method, path item node, operation node) for every operation, refs followed."""
    paths = specs.root_node.get("paths")
    if paths is None or not isinstance(paths.value, dict):
        return
    for path in paths.value:
        try:
            item = specs.deref(paths.child(path))
        except RefError:
            continue  # reported by the loader
        if not isinstance(item.value, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            try:
                operation = specs.deref(operation)  # an operation may sit in a file of its own
            except RefError:
                continue
            if isinstance(operation.value, dict):
                yield path, method, item, operation


def rule_unique_operation_ids(specs: SpecSet) -> Iterable[Diagnostic]:
    first_seen: dict[str, Node] = {}
    for _, _, _, operation in iter_operations(specs):
        operation_id = operation.get("operationId")
        if operation_id is None or not isinstance(operation_id.value, str):
            continue
        earlier = first_seen.setdefault(operation_id.value, operation_id)
        if earlier is not operation_id:
            yield _at(
                operation_id,
                Level.ERROR,
                "rule.duplicate-operation-id",
                f"operationId '{operation_id.value}' is used twice (first at {earlier.location})",
                "operationIds name the SDK's methods: make each one unique",
            )


def rule_path_parameters_declared(specs: SpecSet) -> Iterable[Diagnostic]:
    for path, method, item, operation in iter_operations(specs):
        declared = {
            p.value.get("name")
            for owner in (item, operation)
            for p in specs.parameters(owner, ("path",))
        }
        for variable in _TEMPLATE_VARIABLE.findall(path):
            if variable not in declared:
                yield _at(
                    operation,
                    Level.ERROR,
                    "rule.undeclared-path-parameter",
                    f"{method.upper()} {path}: path variable '{variable}' is not declared as a path parameter",
                    f"add a parameter with name: {variable}, in: path, required: true",
                )
        for name in sorted(n for n in declared if isinstance(n, str) and "{" + n + "}" not in path):
            yield _at(
                operation,
                Level.WARNING,
                "rule.unused-path-parameter",
                f"{method.upper()} {path}: path parameter '{name}' does not appear in the path",
                "remove the parameter or add it to the path template",
            )


RULES: tuple[Callable[[SpecSet], Iterable[Diagnostic]], ...] = (
    rule_unique_operation_ids,
    rule_path_parameters_declared,
)
