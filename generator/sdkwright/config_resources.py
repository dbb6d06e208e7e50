"""A target's `resources:`: the SDK's resources and sub-resources, to any depth, and the
operations each one's methods call.

    resources:
      methods:                              # the client's own: client.ping()
        ping: get /ping
      v1:
        models: [acme.types.v1.Thing]       # read by the Stainless surface (issue 19)
        positions:                          # a key other than methods/models is a sub-resource
          methods:
            get_positions: get /v1/accounts/{account_id}/positions        # the short form
            cancel_position_instruction:
              endpoint: delete /v1/accounts/{account_id}/positions/instructions/{instruction_id}
              positional: [instruction_id]  # path parameters taken by position, in this order
    positional_params: last                 # every method takes its last path parameter by
                                            # position (default: none, all keyword-only)

A method maps to one operation by `method /path` (placeholders may be named differently
from the spec's). Operations that no method maps keep their tag groups (`client.<tag>`), with
one warning listing them. The other keys of a method (`response`, `params`, `paginated`,
`deprecated`, `body_param`) describe a Stainless surface (migrate/stainless/target.py); they
are checked here and read there.

`ResourceChecker` is the one checker of this shape: `config.py` runs it on a target read from
sdkwright.yaml, `migrate/stainless/target.py` on the target it writes.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location

POSITIONAL_CHOICES = ("none", "last")
METHOD_KEYS = {
    "endpoint",
    "positional",
    "response",
    "params",
    "paginated",
    "deprecated",
    "body_param",
}
MAX_DEPTH = 16
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")
_CLASS = re.compile(r"[A-Z][A-Za-z0-9_]*")
_QUALIFIED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\.[A-Z][A-Za-z0-9_]*")
_ENDPOINT = re.compile(r"(get|post|put|patch|delete|head|options|trace) (/\S*)")
_PLACEHOLDER = re.compile(r"{([^}]*)}")

# (JSON pointer, message, hint, whether the key rather than the value is wrong)
Report = Callable[[str, str, str, bool], None]
# A JSON pointer into the config (and whether its key is meant) -> where it is (file:line:col).
Where = Callable[..., Location]


@dataclass(frozen=True)
class MethodMapping:
    """One configured method: its name, the operation it calls, its positional parameters
    (the spec's wire names, in the order the method takes them) and where the config says so."""

    name: str
    http_method: str  # lowercase
    path: str  # placeholders as the config spells them
    positional: tuple[str, ...]  # as the config spells them (matched to the spec's by place)
    where: Location
    # The Stainless surface's (`surface: stainless`): qualified names of the method's response
    # and params types, its page class ("" for none) and its whole body's keyword.
    response: str = ""
    params: str = ""
    paginated: str = ""
    body_param: str = ""

    @property
    def endpoint(self) -> str:
        return f"{self.http_method} {self.path}"


@dataclass(frozen=True)
class ResourceNode:
    name: str  # "" for the client itself
    methods: tuple[MethodMapping, ...]
    children: tuple[ResourceNode, ...]
    where: Location
    models: tuple[str, ...] = ()  # qualified names of the types this resource exports


@dataclass(frozen=True)
class ResourcesConfig:
    root: ResourceNode
    positional_last: bool = False  # positional_params: last

    def as_json(self) -> object:
        """As the manifest records it (without locations): changing it means regenerating."""
        return {"root": _node_json(self.root), "positional_last": self.positional_last}


def endpoint_key(http_method: str, path: str) -> str:
    """`delete /v1/things/{}`: an endpoint whatever its placeholders are called."""
    return f"{http_method.lower()} {_PLACEHOLDER.sub('{}', path)}"


def placeholders(path: str) -> list[str]:
    return _PLACEHOLDER.findall(path)


def read_resources(
    value: Any, positional: Any, pointer: str, report: Report, where: Where
) -> ResourcesConfig | None:
    """The target's `resources` (at `pointer`) and `positional_params`, checked: every problem
    goes to `report`; None when there is none or something is wrong."""
    errors: list[str] = []

    def collect(pointer: str, message: str, hint: str, key: bool) -> None:
        errors.append(message)
        report(pointer, message, hint, key)

    target = pointer.rpartition("/")[0]
    if positional is not None and positional not in POSITIONAL_CHOICES:
        collect(
            f"{target}/positional_params",
            f"'positional_params' must be one of {list(POSITIONAL_CHOICES)}, not {positional!r}",
            "last: every method takes its last path parameter by position",
            False,
        )
    if value is None:  # positional_params alone applies to the tag groups' methods
        empty = ResourceNode("", (), (), where(pointer))
        return ResourcesConfig(empty, True) if positional == "last" and not errors else None
    checker = ResourceChecker(collect)
    if not isinstance(value, dict):
        collect(pointer, "'resources' must be a mapping of resource names", "", False)
    else:
        checker.resource(value, pointer, 0)
    if errors:
        return None
    return ResourcesConfig(_node("", value, pointer, where), positional == "last")


def read_target_resources(
    entry: Mapping[str, Any], pointer: str, where: Where
) -> ResourcesConfig | None:
    """A target's `resources` (at `pointer`) and `positional_params`; GenerationFailed with
    every problem, located, when something is wrong."""
    errors: list[Diagnostic] = []

    def report(at: str, message: str, hint: str, key: bool) -> None:
        errors.append(Diagnostic(Level.ERROR, "config.resources", message, where(at, key), hint))

    found = read_resources(
        entry.get("resources"), entry.get("positional_params"), pointer, report, where
    )
    if errors:
        raise GenerationFailed(errors)
    return found


def _node(name: str, value: dict[str, Any], pointer: str, where: Where) -> ResourceNode:
    methods = []
    for method, options in (value.get("methods") or {}).items():
        at = f"{pointer}/methods/{escape(method)}"
        entry = options if isinstance(options, dict) else {"endpoint": options}
        http_method, _, path = str(entry["endpoint"]).partition(" ")
        positional = tuple(entry.get("positional") or ())
        response, params, paginated, body_param = (
            str(entry.get(k) or "") for k in ("response", "params", "paginated", "body_param")
        )
        methods.append(
            MethodMapping(
                method,
                http_method,
                path,
                positional,
                where(at),
                response,
                params,
                paginated,
                body_param,
            )
        )
    children = tuple(
        _node(key, child, f"{pointer}/{escape(key)}", where)
        for key, child in value.items()
        if key not in ("methods", "models")
    )
    models = tuple(str(m) for m in value.get("models") or ())
    return ResourceNode(name, tuple(methods), children, where(pointer), models)


def _node_json(node: ResourceNode) -> object:
    found: dict[str, object] = {
        "name": node.name,
        "methods": [[m.name, m.endpoint, list(m.positional), *_surface(m)] for m in node.methods],
        "children": [_node_json(c) for c in node.children],
    }
    if node.models:  # only when given: manifests of targets without them stay as they were
        found["models"] = list(node.models)
    return found


def _surface(method: MethodMapping) -> list[str]:
    keys = (method.response, method.params, method.paginated, method.body_param)
    return list(keys) if any(keys) else []


class ResourceChecker:
    """Checks a `resources` tree: names, endpoints (each mapped once), positional parameters
    and the surface keys of each method; each problem goes to `report`."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.endpoints: dict[str, str] = {}  # endpoint -> pointer of its first method

    def error(self, pointer: str, message: str, hint: str = "", key: bool = False) -> None:
        self.report(pointer, message, hint, key)

    def resource(self, node: dict[str, Any], pointer: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            self.error(pointer, f"resources nest deeper than {MAX_DEPTH} levels")
            return
        methods: Any = node.get("methods") if isinstance(node.get("methods"), dict) else {}
        for key, value in node.items():
            where = f"{pointer}/{escape(key)}"
            if key == "methods":
                if self.mapping(value, where, None):
                    for name, method in value.items():
                        self.method(name, method, f"{where}/{escape(name)}")
            elif key == "models":
                self.qualified_list(value, where)
            elif not is_public_name(key):
                self.error(
                    where,
                    f"'{key}' is not a usable resource name",
                    "use a lowercase identifier starting with a letter, like 'positions'",
                    key=True,
                )
            elif key in methods:
                self.error(
                    where, f"'{key}' is both a method and a sub-resource here", "rename one", True
                )
            elif isinstance(value, dict):
                self.resource(value, where, depth + 1)
            else:
                self.error(
                    where, f"resource '{key}' must be a mapping (methods, models, sub-resources)"
                )

    def method(self, name: str, value: Any, pointer: str) -> None:
        if not is_public_name(name):
            self.error(
                pointer,
                f"'{name}' is not a usable method name",
                "use a lowercase identifier starting with a letter",
                key=True,
            )
        options = value if isinstance(value, dict) else {"endpoint": value}
        if isinstance(value, dict) and not self.mapping(value, pointer, METHOD_KEYS):
            return
        where = f"{pointer}/endpoint" if isinstance(value, dict) else pointer
        match = _ENDPOINT.fullmatch(str(options.get("endpoint", "")))
        if match is None:
            self.error(where, f"method '{name}' needs an endpoint like 'get /v1/things/{{id}}'")
            return
        endpoint = endpoint_key(match[1], match[2])
        if endpoint in self.endpoints:
            self.error(
                where, f"'{options['endpoint']}' is already mapped at {self.endpoints[endpoint]}"
            )
        self.endpoints.setdefault(endpoint, pointer)
        self.positional(options.get("positional"), placeholders(match[2]), match[2], pointer)
        for key in ("response", "params"):
            if key in options and not is_qualified(options[key]):
                self.error(
                    f"{pointer}/{key}",
                    f"'{options[key]}' is not a qualified class name like pkg.types.Name",
                )
        paginated = options.get("paginated")
        if paginated is not None and paginated is not False and not is_class(paginated):
            self.error(f"{pointer}/paginated", "'paginated' must be a page class name or false")
        if "deprecated" in options and not isinstance(options["deprecated"], bool):
            self.error(f"{pointer}/deprecated", "'deprecated' must be true or false")
        if "body_param" in options and not is_identifier(options["body_param"]):
            self.error(f"{pointer}/body_param", f"'{options['body_param']}' is not a keyword name")

    def positional(self, value: Any, names: list[str], path: str, pointer: str) -> None:
        if value is None:
            return
        if not isinstance(value, list):
            self.error(f"{pointer}/positional", "'positional' must be a list of path parameters")
            return
        for index, parameter in enumerate(value):
            if parameter not in names:
                self.error(
                    f"{pointer}/positional/{index}", f"'{parameter}' is not a parameter of {path}"
                )
            elif value.index(parameter) != index:
                self.error(f"{pointer}/positional/{index}", f"'{parameter}' is listed twice")

    def qualified_list(self, value: Any, pointer: str) -> None:
        if not isinstance(value, list):
            self.error(pointer, "expected a list of qualified class names (pkg.types.Name)")
            return
        for index, item in enumerate(value):
            if not is_qualified(item):
                self.error(
                    f"{pointer}/{index}",
                    f"'{item}' is not a qualified class name like pkg.types.Name",
                )

    def mapping(self, value: Any, pointer: str, allowed: set[str] | None) -> bool:
        if not isinstance(value, dict):
            self.error(pointer, "expected a mapping")
            return False
        unknown = sorted(set(value) - allowed) if allowed is not None else []
        for key in unknown:
            self.error(
                f"{pointer}/{escape(key)}",
                f"unknown key '{key}'",
                f"allowed keys: {sorted(allowed or ())}",
                key=True,
            )
        return True


def escape(name: str) -> str:
    """A key as one JSON pointer segment."""
    return name.replace("~", "~0").replace("/", "~1")


def is_identifier(value: Any) -> bool:
    return (
        isinstance(value, str)
        and bool(_IDENTIFIER.fullmatch(value))
        and not keyword.iskeyword(value)
    )


def is_public_name(value: Any) -> bool:
    """A name users call: an identifier not starting with '_' (the SDK's own attributes do)."""
    return is_identifier(value) and not str(value).startswith("_")


def is_class(value: Any) -> bool:
    return isinstance(value, str) and bool(_CLASS.fullmatch(value))


def is_qualified(value: Any) -> bool:
    return isinstance(value, str) and bool(_QUALIFIED.fullmatch(value))
