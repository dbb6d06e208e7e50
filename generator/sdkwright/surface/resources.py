"""Clients and their resource trees, read from source: `client.v1.positions.cancel(...)`.

A resource is a class that a client (or another resource) exposes through a property, usually
a lazy `cached_property` returning it, or a class-level annotation set in `__init__`. Its public
functions are its methods. `.with_raw_response` and `.with_streaming_response` are flags of the
resource, not sub-resources. On the client itself only functions that call an endpoint count as
methods (the rest is runtime: `copy`, `close`, ...).

The endpoint of a method comes from the call in its body: `self._get("/path")`,
`self._get_api_list(...)`, `self._client.request("GET", f"/v1/{path_param(x)}")`,
`path_template("/v1/{x}", x=x)`; else from a "`GET /path`" line of its docstring.
"""

from __future__ import annotations

import ast
import copy
import re

from sdkwright.surface.aliases import expand_private_aliases
from sdkwright.surface.annotations import is_sentinel_default, normalise, omittable
from sdkwright.surface.classes import ancestor_names, ancestry, class_node
from sdkwright.surface.index import Definition, ImportRef, Module, PackageIndex
from sdkwright.surface.model import OMITTED, Client, ClientOption, Method, Param, Resource

_VERBS = ("get", "post", "put", "patch", "delete", "head", "options")
_RESPONSE_VIEWS = {"with_raw_response", "with_streaming_response"}
_PROPERTY_DECORATORS = {"property", "cached_property"}
_MAX_DEPTH = 12
_DOC_ENDPOINT = re.compile(r"`(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/[^`\s]*)`")
_CREDENTIAL = re.compile(r"(^|_)(api_?key|key|token|secret|password|username|credentials?)$")


class ResourceReader:
    def __init__(self, index: PackageIndex, page_names: frozenset[str]) -> None:
        self.index = index
        self.page_names = page_names
        self.annotations: list[tuple[Module, ast.expr]] = []  # every signature annotation read

    def client(self, name: str, found: Definition, aliases: tuple[str, ...]) -> Client:
        names = [name, *ancestor_names(self.index, found)]
        is_async = name.startswith("Async") or any("Async" in n for n in names[1:])
        options, env_vars = self._options(found)
        root = self.resource(found, "", "", frozenset(), is_root=True)
        return Client(name, found.module.name, is_async, options, root, aliases, env_vars)

    def resource(
        self, found: Definition, name: str, path: str, seen: frozenset[str], is_root: bool = False
    ) -> Resource:
        node = class_node(found)
        assert node is not None
        key = f"{found.module.name}.{found.name}"
        seen = seen | {key}
        methods: list[Method] = []
        children: list[Resource] = []
        views: set[str] = set()
        for statement in node.body:
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                child = self._child(
                    found, statement.target.id, statement.annotation, None, path, seen
                )
                children.extend([child] if child else [])
            if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if statement.name.startswith("_") or _decorated(statement, {"overload"}):
                continue
            if _decorated(statement, _PROPERTY_DECORATORS):
                if statement.name in _RESPONSE_VIEWS:
                    views.add(statement.name)
                    continue
                child = self._child(found, statement.name, statement.returns, statement, path, seen)
                children.extend([child] if child else [])
            elif not _decorated(statement, {"staticmethod", "classmethod"}):
                method = self.method(found.module, statement)
                if not is_root or method.http_method:
                    methods.append(method)
        return Resource(
            name,
            path,
            found.name,
            tuple(sorted(methods, key=lambda m: m.name)),
            tuple(sorted(children, key=lambda r: r.name)),
            "with_raw_response" in views,
            "with_streaming_response" in views,
        )

    def _child(
        self,
        owner: Definition,
        name: str,
        annotation: ast.expr | None,
        function: ast.FunctionDef | ast.AsyncFunctionDef | None,
        path: str,
        seen: frozenset[str],
    ) -> Resource | None:
        local = self.index.local_imports(owner.module, function) if function else None
        target = None
        if annotation is not None:
            target = self.index.resolve_expr(owner.module, annotation, local)
        if not isinstance(target, Definition) and function is not None:
            target = self._returned_class(owner.module, function, local)
        if not isinstance(target, Definition) or class_node(target) is None:
            return None
        if f"{target.module.name}.{target.name}" in seen or path.count(".") >= _MAX_DEPTH:
            return None
        child = self.resource(target, name, f"{path}.{name}" if path else name, seen)
        return child if _is_resource(child) else None

    def _returned_class(
        self, module: Module, function: ast.AST, local: dict[str, ImportRef] | None
    ) -> Definition | None:
        for node in ast.walk(function):
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Call):
                found = self.index.resolve_expr(module, node.value.func, local)
                if isinstance(found, Definition):
                    return found
        return None

    def method(self, module: Module, node: ast.FunctionDef | ast.AsyncFunctionDef) -> Method:
        for annotation in _annotations(node):
            self.annotations.append((module, annotation))
        http_method, path = endpoint(node)
        returns = node.returns
        paginated = None
        if isinstance(returns, ast.Subscript):
            head = normalise(returns.value)
            paginated = head if head in self.page_names else None
        return Method(
            node.name,
            self.parameters(module, node.args),
            normalise(self.expand(module, returns)),
            isinstance(node, ast.AsyncFunctionDef),
            http_method,
            path,
            paginated,
        )

    def _options(self, found: Definition) -> tuple[tuple[ClientOption, ...], tuple[str, ...]]:
        for owner in [found, *ancestry(self.index, found)]:
            node = class_node(owner)
            init = _function(node, "__init__") if node else None
            if isinstance(owner, Definition) and init is not None:
                params = self.parameters(owner.module, init.args)
                reads = env_reads(owner.module, init)
                names = [p.name for p in params]
                by_option: dict[str, str] = {}
                for variable, target in reads:
                    option = _option_for(target, names)
                    if option and option not in by_option:
                        by_option[option] = variable
                options = tuple(
                    ClientOption(
                        p.name,
                        p.kind,
                        p.type,
                        p.required,
                        p.default,
                        by_option.get(p.name),
                        bool(_CREDENTIAL.search(p.name)),
                    )
                    for p in params
                )
                return options, tuple(sorted({variable for variable, _ in reads}))
        return (), ()

    def expand(self, module: Module, node: ast.expr | None) -> ast.expr | None:
        return expand_private_aliases(self.index, module, node) if node is not None else None

    def parameters(self, module: Module, args: ast.arguments) -> tuple[Param, ...]:
        """The parameters, private runtime aliases in their annotations spelled out."""
        expanded = copy.copy(args)
        for field_name in ("posonlyargs", "args", "kwonlyargs"):
            setattr(expanded, field_name, [self._arg(module, a) for a in getattr(args, field_name)])
        expanded.vararg = self._arg(module, args.vararg) if args.vararg else None
        expanded.kwarg = self._arg(module, args.kwarg) if args.kwarg else None
        return parameters(expanded, skip_self=True)

    def _arg(self, module: Module, argument: ast.arg) -> ast.arg:
        clone = copy.copy(argument)
        clone.annotation = self.expand(module, argument.annotation)
        return clone


def _is_resource(node: Resource) -> bool:
    """A class of API methods: it calls endpoints, offers raw responses, or holds resources
    (a helper such as a query-string builder is none of these)."""
    calls = any(method.http_method for method in node.methods)
    return calls or node.raw_response or node.streaming_response or bool(node.children)


def parameters(args: ast.arguments, skip_self: bool) -> tuple[Param, ...]:
    positional = [*args.posonlyargs, *args.args]
    if skip_self and positional and positional[0].arg in ("self", "cls"):
        positional = positional[1:]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults += list(args.defaults)
    found = [_param(a, "positional", d) for a, d in zip(positional, defaults, strict=True)]
    if args.vararg:
        found.append(
            Param(args.vararg.arg, "var_positional", normalise(args.vararg.annotation), False)
        )
    found += [
        _param(a, "keyword", d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
    ]
    if args.kwarg:
        found.append(Param(args.kwarg.arg, "var_keyword", normalise(args.kwarg.annotation), False))
    return tuple(found)


def _param(argument: ast.arg, kind: str, default: ast.expr | None) -> Param:
    if default is None:
        return Param(argument.arg, kind, normalise(argument.annotation), True)
    if is_sentinel_default(default) or (omittable(argument.annotation) and _is_none(default)):
        text = OMITTED
    else:
        text = ast.unparse(default)
    return Param(argument.arg, kind, normalise(argument.annotation), False, text)


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def endpoint(function: ast.AST) -> tuple[str | None, str | None]:
    """(HTTP method, path) of the request a function makes, or (None, None)."""
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            found = _request_call(node.func.attr, node)
            if found:
                return found
    docstring = (
        ast.get_docstring(function)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        else None
    )
    match = _DOC_ENDPOINT.search(docstring or "")
    return (match[1], match[2]) if match else (None, None)


def _request_call(attribute: str, call: ast.Call) -> tuple[str, str] | None:
    verb = attribute.lstrip("_")
    if attribute.startswith("_") and verb in _VERBS and call.args:
        path = path_text(call.args[0])
        return (verb.upper(), path) if path else None
    if attribute == "_get_api_list" and call.args:
        path = path_text(call.args[0])
        method = next((k.value for k in call.keywords if k.arg == "method"), None)
        named = method.value if isinstance(method, ast.Constant) else "get"
        return (str(named).upper(), path) if path else None
    if attribute in ("request", "_request") and len(call.args) >= 2:
        first = call.args[0]
        if isinstance(first, ast.Constant) and str(first.value).lower() in _VERBS:
            path = path_text(call.args[1])
            return (str(first.value).upper(), path) if path else None
    return None


def path_text(node: ast.expr) -> str | None:
    """A request path as written, placeholders as `{name}`: literal, f-string, template call."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            elif isinstance(value, ast.FormattedValue):
                parts.append("{" + _placeholder(value.value) + "}")
        return "".join(parts)
    if isinstance(node, ast.Call) and node.args:  # path_template("/v1/{x}", x=x), "...".format()
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            return path_text(node.func.value)
        return path_text(node.args[0])
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = path_text(node.left), path_text(node.right)
        return left + right if left is not None and right is not None else None
    return None


def _placeholder(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call) and node.args:
        return _placeholder(node.args[0])
    return ast.unparse(node)


def env_reads(module: Module, function: ast.AST) -> list[tuple[str, str | None]]:
    """(environment variable, variable it is assigned to) for each read in the function and in
    the module-level functions it calls (two levels)."""
    functions = [function]
    for _ in range(2):
        called = {
            n.func.id
            for f in functions
            for n in ast.walk(f)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
        }
        more = [
            module.defs[name]
            for name in sorted(called)
            if isinstance(module.defs.get(name), ast.FunctionDef)
        ]
        functions += [f for f in more if f not in functions]
    reads: list[tuple[str, str | None]] = []
    for scope in functions:
        assigned: set[int] = set()
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for variable in _env_names(node.value):
                    reads += [(variable, _target_name(t)) for t in targets]
                assigned |= {id(n) for n in ast.walk(node.value)}
        fallback = _first_parameter(scope) if scope is not function else None
        for node in ast.walk(scope):
            if id(node) not in assigned:
                target = fallback if isinstance(node, ast.Return) else None
                reads += [(v, target) for v in _env_names(node, deep=isinstance(node, ast.Return))]
                if isinstance(node, ast.Return) and node.value is not None:
                    assigned |= {id(n) for n in ast.walk(node.value)}
    return reads


def _first_parameter(function: ast.AST) -> str | None:
    """A helper's first parameter: what `return x or os.environ.get(...)` resolves."""
    if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) and function.args.args:
        return function.args.args[0].arg
    return None


def _env_names(node: ast.AST, deep: bool = True) -> list[str]:
    found = []
    for child in ast.walk(node) if deep else [node]:
        key: ast.expr | None = None
        if isinstance(child, ast.Call) and child.args:
            name = ast.unparse(child.func)
            if name in ("os.environ.get", "environ.get", "os.getenv", "getenv"):
                key = child.args[0]
        elif isinstance(child, ast.Subscript) and ast.unparse(child.value) in (
            "os.environ",
            "environ",
        ):
            key = child.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            found.append(key.value)
    return found


def _target_name(target: ast.expr) -> str | None:
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    return None


def _option_for(target: str | None, options: list[str]) -> str | None:
    """The constructor option an environment read feeds: `api_key`, `base_url_env` -> base_url."""
    if target is None:
        return None
    if target in options:
        return target
    prefixed = [o for o in options if target.startswith(o + "_")]
    return max(prefixed, key=len) if prefixed else None


def _annotations(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.expr]:
    arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
    found = [a.annotation for a in arguments if a.annotation is not None]
    return found + ([node.returns] if node.returns is not None else [])


def _function(node: ast.ClassDef, name: str) -> ast.FunctionDef | None:
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef) and statement.name == name:
            return statement
    return None


def _decorated(node: ast.FunctionDef | ast.AsyncFunctionDef, names: set[str]) -> bool:
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if normalise(target) in names:
            return True
    return False
