"""IR -> {relative path: text} through Jinja2 templates. No I/O besides reading templates.

Templates print names the IR decided and spec text through the escaping filters of
`sdkwright.targets.python.pytext`; they never see raw spec strings as template source.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache, partial
from pathlib import Path
from typing import Any, Protocol

import jinja2

from sdkwright import flavours
from sdkwright.cache import template_bytecode
from sdkwright.cache.render_cache import RenderCache, TrackedDefinitions
from sdkwright.ir import examples
from sdkwright.ir.nodes import (
    MISSING,
    Alias,
    Api,
    Definition,
    Enum,
    Field,
    FieldPath,
    Model,
    Named,
    Nullable,
    Operation,
    Pagination,
    Parameter,
    ResourceGroup,
    Security,
    SecurityScheme,
    UnionOf,
)
from sdkwright.targets.python import datamodel, naming, pytext, pytypes, wire
from sdkwright.targets.python.runtime_files import runtime_files

RUNTIME_MODULES = flavours.RUNTIME_MODULES  # the httpx flavour's


class Imported(Protocol):
    """What an import line reads of a definition."""

    @property
    def name(self) -> str: ...
    @property
    def module(self) -> str: ...


@dataclass(frozen=True)
class ImportedDefinition:
    """What an import line needs of a definition, and all a template can read of it: cached
    renders depend on these two names only (`sdkwright.cache.render_cache`)."""

    name: str
    module: str


def imported(definition: Imported) -> ImportedDefinition:
    return ImportedDefinition(definition.name, definition.module)


def templates_root() -> Path:
    """Templates ship inside the installed package; in a checkout they sit beside it."""
    package = Path(__file__).resolve().parents[2]  # sdkwright/
    installed = package / "templates"
    return installed if installed.is_dir() else package.parents[1] / "templates"


def template_loader(folders: tuple[str, ...], user: str | None = None) -> jinja2.BaseLoader:
    """Templates by name from the user's folder, else the flavour's folders in order.

    Every built-in stays reachable under a prefix, so that a template can extend the one it
    replaces: `builtin:NAME` is what the flavour would use without the user's folder, and
    `httpx:NAME` (any folder under templates/) that folder's own.
    """
    root = templates_root()
    built_in = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(root / f)) for f in folders])
    prefixed: dict[str, jinja2.BaseLoader] = {
        folder.name: jinja2.FileSystemLoader(str(folder))
        for folder in sorted(root.iterdir())
        if folder.is_dir()
    }
    prefixed["builtin"] = built_in
    by_prefix = jinja2.PrefixLoader(prefixed, delimiter=":")
    own = [jinja2.FileSystemLoader(user)] if user else []
    return jinja2.ChoiceLoader([*own, built_in, by_prefix])


# Their names are also in template_bytecode.FILTERS: the compiler checks them.
TEMPLATE_FILTERS: dict[str, Callable[..., Any]] = {
    "pystr": pytext.string_literal,
    "tomlstr": pytext.toml_string,
    "pyvalue": pytext.value_literal,
    "docstring": pytext.docstring_text,
    "docblock": pytext.docstring_block,
    "comment": pytext.comment_text,
    "markdown": pytext.markdown_text,
    "ident": pytext.identifier,
    "annotation": pytypes.annotation,
    "pascal": naming.pascal,
}


@cache
def environment(
    flavour: str | tuple[str, ...] = "httpx", user_templates: str | None = None
) -> jinja2.Environment:
    """The Jinja environment of a flavour (its name, or its template folders in search
    order) with, optionally, the user's template folder in front."""
    if isinstance(flavour, str):
        found = flavours.get(flavour)
        folders = found.resolve({}).folders if found is not None else (flavour,)
    else:
        folders = flavour
    env = jinja2.Environment(
        loader=template_loader(folders, user_templates),
        bytecode_cache=template_bytecode.bytecode_cache(str(templates_root())),
        undefined=jinja2.StrictUndefined,
        **template_bytecode.OPTIONS,
    )
    env.filters.update(TEMPLATE_FILTERS)
    env.globals.update(TEMPLATE_GLOBALS, missing=MISSING)
    return env


def banner(api: Api, comment: str = "#") -> str:
    source = pytext.comment_text(Path(api.source_name).name)
    text = f"File generated from {source} by sdkwright. Do not edit: regenerate it instead."
    return f"<!-- {text} -->" if comment == "<!--" else f"{comment} {text}"


def package_version(api_version: str) -> str:
    """A PEP 440 version for the SDK package: '1.2.0' stays, a date '2025-10-31' becomes 2025.10.31."""
    candidate = api_version.strip().lstrip("vV").replace("-", ".")
    if re.fullmatch(r"\d+(\.\d+)*", candidate):
        return ".".join(str(int(part)) for part in candidate.split("."))
    return "0.0.0"


def render_sdk(
    api: Api,
    flavour: str = "httpx",
    cache: RenderCache | None = None,
    *,
    options: Mapping[str, str] | None = None,
    user_templates: str | None = None,
) -> dict[str, str]:
    """Every file of the SDK. With a `cache`, the per-definition and per-group files come
    from the previous run where nothing they read has changed (`sdkwright.cache.render_cache`).

    The flavour (`sdkwright.flavours`) with its `options` decides the template folders, the
    runtime modules, whether there is an async client and who writes the models."""
    registered = flavours.get(flavour)
    if registered is None:
        raise ValueError(f"unknown flavour {flavour!r}; registered: {flavours.names()}")
    plan = registered.resolve(options or {})
    token = pytypes.MODEL_FROM_DATA.set(plan.model_from_data)
    enum_token = pytypes.ENUM_FROM_VALUE.set(plan.enum_from_value)
    try:
        return _render_sdk(api, plan, flavour, cache, user_templates)
    finally:
        pytypes.ENUM_FROM_VALUE.reset(enum_token)
        pytypes.MODEL_FROM_DATA.reset(token)


def _render_sdk(
    api: Api,
    plan: flavours.Plan,
    flavour: str,
    cache: RenderCache | None,
    user_templates: str | None,
) -> dict[str, str]:
    external_models = plan.models != "templates"
    if external_models:
        api = datamodel.with_models_module(api)
    if external_models and plan.model_type == "msgspec":
        api, _ = datamodel.for_msgspec(api)  # its warnings come from datamodel.diagnostics
    elif external_models and plan.model_type == "typeddict":
        api = datamodel.for_typed_dicts(api)
    env = environment(plan.folders, user_templates)
    definitions = {d.name: d for d in api.definitions}
    package = pytext.identifier(api.package)
    common = {
        "api": api,
        "package": package,
        "package_version": package_version(api.version),
        "banner": banner(api),
        "definitions": definitions,
        # What templates may ask of the flavour (sdkwright.flavours.Plan): `plan.asynchronous`,
        # `plan.folders` (`{% extends plan.folders[1] ~ ":NAME" %}` reaches the next one), ...
        "plan": plan,
        # The clients to write: templates loop over these for sync and async code.
        "modes": ("sync", "async") if plan.asynchronous else ("sync",),
        "prefixes": ("Async", "") if plan.asynchronous else ("",),
    }
    # What every cached unit may read besides its own context: the Api without its parts.
    unit_common = {**common, "api": replace(api, definitions=(), groups=())}
    cache = cache or RenderCache()
    cache.begin(
        definitions, scope=(flavour, {k: v for k, v in unit_common.items() if k != "definitions"})
    )
    files: dict[str, str] = {}

    def text(template: str, context: Mapping[str, Any]) -> str:
        return env.get_template(template).render(context)

    def put(path: str, template: str, **context: Any) -> None:
        files[path] = text(template, {**common, **context})

    files |= runtime_files(plan, package, banner(api))
    put(f"{package}/__init__.py", "__init__.py.jinja")
    put(f"{package}/_client.py", "_client.py.jinja")
    put(f"{package}/resources/__init__.py", "resources/__init__.py.jinja")
    put(f"{package}/types/__init__.py", "types/__init__.py.jinja")
    files[f"{package}/py.typed"] = ""
    if external_models:
        files[f"{package}/types/{datamodel.MODULE}.py"] = datamodel.render_models(
            api, plan.model_type, banner(api)
        )
    cycles = cyclic_neighbours(definitions)
    for definition in () if external_models else api.definitions:
        path = f"{package}/types/{definition.module}.py"
        imports = definition_imports(definition, cycles, definitions)
        imports = replace(
            imports,
            top=tuple(map(imported, imports.top)),
            deferred=tuple(map(imported, imports.deferred)),
        )
        unit = {path: ("types/definition.py.jinja", {"d": definition, "imports": imports})}
        key = (path, definition.name, imports)  # the definition itself is a read, see unit()
        render_unit = partial(_render_files, text, unit_common, unit)
        files |= cache.unit(key, render_unit, also_reads=(definition.name,)).files
    groups = [
        (group, cache.unit(("group", group), partial(_render_group, text, unit_common, group)))
        for group in api.groups
    ]
    for _, rendered in groups:
        files |= rendered.files
    groups_calls = [(group, rendered.value) for group, rendered in groups]
    # README.md and api.md read the whole Api: rendered every time, from the groups' contexts.
    put("README.md", "README.md.jinja", groups_calls=groups_calls, banner=banner(api, "<!--"))
    put("api.md", "api.md.jinja", groups_calls=groups_calls, banner=banner(api, "<!--"))
    put("tests/__init__.py", "tests/__init__.py.jinja")
    put("tests/conftest.py", "tests/conftest.py.jinja")
    put("pyproject.toml", "pyproject.toml.jinja")
    cache.save()
    return files


def _render_files(
    text: Callable[[str, Mapping[str, Any]], str],
    common: Mapping[str, Any],
    contexts: Mapping[str, tuple[str, Mapping[str, Any]]],
    definitions: Mapping[str, Definition],
) -> tuple[dict[str, str], None]:
    """Files rendered from their templates and contexts, seeing `definitions` only."""
    files = {
        path: text(template, {**common, **context, "definitions": definitions})
        for path, (template, context) in contexts.items()
    }
    return files, None


def _render_group(
    text: Callable[[str, Mapping[str, Any]], str],
    common: Mapping[str, Any],
    group: ResourceGroup,
    definitions: Mapping[str, Definition],
) -> tuple[dict[str, str], list[MethodContext]]:
    """A resource group's module and tests, and its method contexts (README lists them)."""
    calls = [method_context(op, definitions) for op in group.operations]
    # Imports need only the names, modules and kinds of the definitions they name: a new
    # field in a model that many groups return re-renders none of them.
    names = definitions.shallow() if isinstance(definitions, TrackedDefinitions) else definitions
    package = common["package"]
    contexts = {
        f"{package}/resources/{group.module}.py": (
            "resources/group.py.jinja",
            {"group": group, "calls": calls, "imports": _imported(group_imports(group, names))},
        ),
        f"tests/test_{group.module}.py": (
            "tests/test_group.py.jinja",
            {"group": group, "calls": calls, "imports": _imported(test_imports(calls, names))},
        ),
    }
    return _render_files(text, common, contexts, definitions)[0], calls


def _imported(imports: dict[str, Any]) -> dict[str, Any]:
    return {**imports, "definitions": [imported(d) for d in imports["definitions"]]}


# -- definitions -------------------------------------------------------------------------


# What annotations import from pydantic, and from the runtime's `_models` (see
# pytypes.typing_needs).
PYDANTIC_NAMES = frozenset({"AwareDatetime", "Field"})
MODELS_NAMES = frozenset({"tag_reader"})


@dataclass(frozen=True)
class DefinitionImports:
    typing: tuple[str, ...]
    datetime: bool
    pydantic: tuple[str, ...]
    # From the runtime's `_models`: the base class, and `tag_reader` for tagged unions.
    models_base: tuple[str, ...]
    top: tuple[Imported, ...]
    # Definitions of the same reference cycle, imported at the end of the module.
    deferred: tuple[Imported, ...]
    # In a reference cycle (itself included): an alias then waits for its names (TypeAliasType).
    cyclic: bool = False
    typing_extensions: tuple[str, ...] = ()
    pydantic_module: bool = False  # `import pydantic` (pydantic.Tag, pydantic.Discriminator)


def definition_imports(
    definition: Definition,
    cycles: Mapping[str, frozenset[str]],
    all_definitions: Mapping[str, Definition],
) -> DefinitionImports:
    needs = pytypes.definition_needs(definition)
    references = sorted(pytypes.definition_references(definition) - {definition.name})
    same_cycle = cycles.get(definition.name, frozenset())
    top = tuple(all_definitions[n] for n in references if n not in same_cycle)
    deferred = tuple(all_definitions[n] for n in references if n in same_cycle)
    base: tuple[str, ...] = ()
    if isinstance(definition, Model):
        base = ("BaseModel",)
    elif isinstance(definition, Enum):
        base = ("OpenIntEnum",) if definition.value_type == "int" else ("OpenStrEnum",)
    cyclic = definition.name in cycles
    lazy_alias = cyclic and isinstance(definition, Alias)
    if lazy_alias:
        needs = needs - {"TypeAlias"}
    if deprecated_fields(definition):
        needs = needs | {"ClassVar"}
    return DefinitionImports(
        typing=tuple(sorted(needs & {"Any", "Annotated", "ClassVar", "Literal", "TypeAlias"})),
        datetime="datetime" in needs,
        pydantic=tuple(sorted(needs & PYDANTIC_NAMES)),
        models_base=base + tuple(sorted(needs & MODELS_NAMES)),
        top=top,
        deferred=deferred,
        cyclic=cyclic,
        typing_extensions=("TypeAliasType",) if lazy_alias else (),
        pydantic_module="pydantic" in needs,
    )


def cyclic_neighbours(definitions: Mapping[str, Definition]) -> dict[str, frozenset[str]]:
    """For each definition in a reference cycle, the definitions of its cycle, itself included
    (Tarjan's strongly connected components; a definition that names itself is a cycle)."""
    graph = {
        name: sorted(pytypes.definition_references(d) & definitions.keys())
        for name, d in definitions.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: dict[str, frozenset[str]] = {}
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(graph[start]))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in graph[node]:
                        for member in component:
                            result[member] = frozenset(component)
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(graph[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return result


# -- operations --------------------------------------------------------------------------


@dataclass(frozen=True)
class Argument:
    name: str
    annotation: str
    default: str
    description: str
    deprecated: bool


@dataclass(frozen=True)
class MethodContext:
    """What one method's code, docs and tests need, worked out once."""

    op: Operation
    arguments: tuple[Argument, ...]
    return_annotation: str
    cast_to: str
    path_expression: str
    query: tuple[Parameter, ...]
    headers: tuple[Parameter, ...]
    body_fields: tuple[Field, ...] | None
    has_body: bool
    sample_arguments: tuple[tuple[str, str], ...]
    sample_names: tuple[str, ...]  # sorted, not a set: contexts are fingerprinted by pickle
    expected_path: str
    expected_query: tuple[tuple[str, str], ...]
    expected_headers: tuple[tuple[str, str], ...]
    expected_body: Any
    response_status: int
    response_literal: str
    page: PageContext | None = None
    # (wire name, expression) of what the request sends, values shaped for their style.
    query_items: tuple[tuple[str, str], ...] = ()
    header_items: tuple[tuple[str, str], ...] = ()
    cookie_items: tuple[tuple[str, str], ...] = ()
    body_items: tuple[tuple[str, str], ...] | None = None
    content_type: str = ""  # of a body that is not JSON
    security: str = ""  # the `security=` literal of an operation not using the default
    # (argument, the condition that it was passed): "legacy is not None" and the like
    deprecated_arguments: tuple[tuple[str, str], ...] = ()
    helpers: tuple[str, ...] = ()  # what the call uses from _base_client besides path_param
    expected_cookies: str = ""
    expected_form: tuple[tuple[str, str], ...] | None = None
    expected_parts: tuple[str, ...] | None = None
    expected_content: str = ""  # an expression of the raw body's bytes


@dataclass(frozen=True)
class PageContext:
    """A paginated method: it returns a page of `item` and fetches the following ones lazily."""

    item: str
    cursor: str  # the cursor's type, without None
    parameter: str  # the query parameter the cursor replaces ("" for next-URL paging)
    items_function: str
    next_function: str
    items_expression: str
    next_expression: str
    merges_query: bool  # next-URL paging re-sends the next URL's query parameters
    limit: str = ""  # the argument asking for a page size: a shorter page is the last
    # The same two for results not read by plain attributes (flavours.Plan.result_access):
    # (access, items, next cursor), "keys" for TypedDicts, "unset" for msgspec structs.
    other_reads: tuple[tuple[str, str, str], ...] = ()

    def read(self, access: str) -> tuple[str, str]:
        """The items and next-cursor expressions for results read the `access` way."""
        for name, items, following in self.other_reads:
            if name == access:
                return items, following
        return self.items_expression, self.next_expression


def _attribute_access(root: str, path: FieldPath, default: str, *, unset: bool = False) -> str:
    """`root.a.b`, guarded where an intermediate attribute may be None. With `unset`, it may
    also be msgspec's UNSET, which is falsy: the guards test truth instead."""
    attributes, optional = path.attributes, path.optional
    expression, guards = root, []
    for index, attribute in enumerate(attributes):
        expression = f"{expression}.{pytext.identifier(attribute)}"
        if optional[index] and index < len(attributes) - 1:
            guards.append(expression if unset else f"{expression} is not None")
    if attributes and optional[-1] and (unset or default != "None"):
        expression = f"({expression} or {default})"
    return f"{expression} if {' and '.join(guards)} else {default}" if guards else expression


def _unset_access(root: str, path: FieldPath, default: str) -> str:
    return _attribute_access(root, path, default, unset=True)


# Names the page functions' parameters take: a guard's variable must not shadow them.
_PAGE_NAMES = frozenset({"response", "cursor", "items"})


def _key_access(root: str, path: FieldPath, default: str) -> str:
    """`root["a"]["b"]`: a key that may be absent is read with `.get`, and an intermediate
    value that may be None is bound (`:=`) and tested, which type checkers follow."""
    expression, guards, used = root, [], set(_PAGE_NAMES)
    for index, key in enumerate(path.keys):
        optional = path.optional[index]
        literal = pytext.string_literal(key)
        expression = f"{expression}.get({literal})" if optional else f"{expression}[{literal}]"
        if optional and index < len(path.keys) - 1:
            name = pytext.identifier(path.attributes[index])
            while name in used:
                name += "_"
            used.add(name)
            guards.append(f"({name} := {expression}) is not None")
            expression = name
    if path.keys and path.optional[-1] and default != "None":
        expression = f"({expression} or {default})"
    return f"{expression} if {' and '.join(guards)} else {default}" if guards else expression


Access = Callable[[str, FieldPath, str], str]


def _balanced(expression: str) -> bool:
    """Whether `expression`'s parentheses pair up (from the inside of `(...)`: one group)."""
    depth = 0
    for char in expression:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return bool(expression) and depth == 0


def _page_expressions(paging: Pagination, access: Access, item_id: str) -> tuple[str, str]:
    """The items of a page and the cursor of the next one, read through `access`."""
    items = access("response", paging.items, "[]")
    if paging.style in ("cursor", "next_url"):
        assert paging.next is not None
        following = access("response", paging.next, "None")
        if paging.style == "next_url":
            bare = following[1:-1] if following.startswith("(") and following.endswith(")") else ""
            following = f"next_url_query({bare if _balanced(bare) else following})"
    elif paging.style == "after_last":
        assert paging.has_more is not None
        has_more = access("response", paging.has_more, "None")
        following = f"items[-1]{item_id} if {has_more} and items else None"
    elif paging.style == "offset":
        following = "(cursor or 0) + len(items)"
    else:
        following = "(cursor or 1) + 1"
    return items, following


def page_context(op: Operation, definitions: Mapping[str, Definition]) -> PageContext | None:
    paging = op.pagination
    if paging is None:
        return None
    items, following = _page_expressions(paging, _attribute_access, ".id")
    other_reads = (
        ("keys", *_page_expressions(paging, _key_access, '["id"]')),
        ("unset", *_page_expressions(paging, _unset_access, ".id or None")),
    )
    cursor = "dict[str, str]" if paging.style == "next_url" else "str"
    parameter = next((p for p in op.parameters if p.name == paging.parameter), None)
    if parameter is not None:
        cursor = pytypes.annotation(
            parameter.type.inner if isinstance(parameter.type, Nullable) else parameter.type
        )
    name = op.method_name
    return PageContext(
        item=pytypes.annotation(paging.item_type),
        cursor=cursor,
        parameter=paging.parameter,
        items_function=f"_{name}_items",
        next_function=f"_{name}_next_cursor",
        items_expression=items,
        next_expression=following,
        merges_query=paging.style == "next_url",
        limit=paging.limit,
        other_reads=other_reads,
    )


def method_context(op: Operation, definitions: Mapping[str, Definition]) -> MethodContext:
    success = op.success
    if success.kind == "events":  # the async flavour's is AsyncEventStream
        return_annotation, cast_to = "EventStream", "EventStream"
    elif success.kind == "empty" or success.type is None:
        return_annotation, cast_to = "None", "type(None)"
    else:
        return_annotation = pytypes.annotation(success.type)
        cast_to = return_annotation
        if pytypes.needs_cast(success.type, definitions):
            static = pytypes.static_annotation(success.type)
            cast_to = f"cast(type[{static}], {return_annotation})"
    samples = _parameter_samples(op, definitions)
    body_sample = _body_sample(op, definitions)
    sample_names: set[str] = set()
    sample_arguments = tuple(_sample_arguments(op, samples, body_sample, definitions, sample_names))
    return MethodContext(
        op=op,
        arguments=tuple(_arguments(op)),
        return_annotation=return_annotation,
        cast_to=cast_to,
        path_expression=_path_expression(op),
        query=tuple(p for p in op.parameters if p.location == "query"),
        headers=tuple(p for p in op.parameters if p.location == "header"),
        body_fields=op.body.fields if op.body is not None else None,
        has_body=op.body is not None,
        sample_arguments=sample_arguments,
        sample_names=tuple(sorted(sample_names)),
        expected_path=_expected_path(op, samples),
        expected_query=tuple(_expected_pairs(op, samples, "query")),
        expected_headers=tuple(_expected_pairs(op, samples, "header")),
        expected_body=_expected_body(op, body_sample),
        response_status=int(success.status) if success.status.isdigit() else 200,
        response_literal=pytext.value_literal(success.example)
        if success.example is not MISSING
        else "None",
        page=page_context(op, definitions),
        **_wire_context(op, definitions, samples, body_sample),
    )


def _wire_context(
    op: Operation, definitions: Mapping[str, Definition], samples: dict[str, Any], body_sample: Any
) -> dict[str, Any]:
    """The request's values as sent (styles applied) and as the tests expect them."""
    items, body_items = _request_expressions(op, definitions)
    body = op.body
    return {
        "query_items": tuple(items["query"]),
        "header_items": tuple(items["header"]),
        "cookie_items": tuple(items["cookie"]),
        "body_items": tuple(body_items) if body_items is not None else None,
        "content_type": body.media_type if body is not None and body.encoding != "json" else "",
        "security": _security_literal(op.security),
        "deprecated_arguments": _deprecated_arguments(op),
        "helpers": tuple(sorted(_helpers(items, body_items))),
        "expected_cookies": "; ".join(
            f"{p.wire_name}={wire.header_text(samples[p.name], p.explode, p.type)}"
            for p in op.parameters
            if p.location == "cookie" and samples[p.name] is not None
        ),
        **_expected_body_context(op, body_sample),
    }


def _request_expressions(
    op: Operation, definitions: Mapping[str, Definition]
) -> tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str]] | None]:
    """(wire name, expression) per query, header and cookie parameter, and per body field."""
    cursor = op.pagination.parameter if op.pagination is not None else ""
    items: dict[str, list[tuple[str, str]]] = {"query": [], "header": [], "cookie": []}
    for p in op.parameters:
        if p.location == "path":
            continue
        expression = wire.value_expression(
            p.name, p.location, p.style, p.explode, p.type, definitions
        )
        items[p.location].append((p.wire_name, "cursor" if p.name == cursor else expression))
    body = op.body
    if body is None or body.fields is None:
        return items, None
    styles = {s.wire_name: s for s in body.field_styles} if body.encoding == "form" else {}
    body_items = []
    for f in body.fields:
        style = styles.get(f.wire_name)
        expression = pytext.identifier(f.name)
        if style is not None:
            expression = wire.value_expression(
                f.name, "form", style.style, style.explode, f.type, definitions
            )
        body_items.append((f.wire_name, expression))
    return items, body_items


def _helpers(
    items: dict[str, list[tuple[str, str]]], body_items: list[tuple[str, str]] | None
) -> set[str]:
    expressions = [e for pairs in items.values() for _, e in pairs]
    return wire.helpers_used(expressions + [e for _, e in body_items or []])


def _deprecated_arguments(op: Operation) -> tuple[tuple[str, str], ...]:
    """When an optional argument the API deprecates is passed (it then warns), as conditions:
    parameters default to None, body fields to NOT_GIVEN. Required ones cannot warn."""
    fields = op.body.fields if op.body is not None and op.body.fields is not None else ()
    return (
        *(
            (p.name, f"{p.name} is not None")
            for p in op.parameters
            if p.deprecated and not p.required
        ),
        *(
            (f.name, f"not isinstance({f.name}, NotGiven)")
            for f in fields
            if f.deprecated and not f.required
        ),
    )


def _security_literal(security: Security | None) -> str:
    """`(("api_key",), ("oauth", "app_id"))`; "" for None (the API's default)."""
    if security is None:
        return ""
    return _tuple_literal([_tuple_literal([pytext.string_literal(n) for n in r]) for r in security])


def _tuple_literal(items: list[str]) -> str:
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _expected_body_context(op: Operation, body_sample: Any) -> dict[str, Any]:
    body = op.body
    if body is None or body.encoding == "json":
        return {}
    if body.encoding == "form" and isinstance(body_sample, dict) and body.fields is not None:
        styles = {s.wire_name: s for s in body.field_styles}
        pairs: list[tuple[str, str]] = []
        for f in body.fields:
            if f.wire_name not in body_sample:
                continue
            style = styles.get(f.wire_name)
            pairs += wire.wire_pairs(
                f.wire_name,
                body_sample[f.wire_name],
                style.style if style is not None else "form",
                style.explode if style is not None else True,
                f.type,
            )
        return {"expected_form": tuple(sorted(pairs))}
    if body.encoding == "multipart" and isinstance(body_sample, dict):
        names = (f.wire_name for f in body.fields or () if f.wire_name in body_sample)
        return {"expected_parts": tuple(sorted(set(names)))}
    if body.encoding in ("binary", "text"):
        return {"expected_content": pytext.string_literal(str(body_sample)) + ".encode()"}
    return {}


def _arguments(op: Operation) -> list[Argument]:
    arguments = []
    for p in op.parameters:
        annotation = pytypes.annotation(p.type)
        if p.required:
            arguments.append(Argument(p.name, annotation, "", p.description, p.deprecated))
        else:
            optional = annotation if annotation.endswith("| None") else f"{annotation} | None"
            arguments.append(Argument(p.name, optional, "None", p.description, p.deprecated))
    body = op.body
    if body is not None and body.fields is not None:
        for f in body.fields:
            annotation = pytypes.annotation(f.type)
            if body.encoding == "multipart":
                annotation = pytypes.upload_annotation(f.type)
            if f.required:
                arguments.append(Argument(f.name, annotation, "", f.description, f.deprecated))
            else:
                arguments.append(
                    Argument(
                        f.name, f"{annotation} | NotGiven", "NOT_GIVEN", f.description, f.deprecated
                    )
                )
    elif body is not None:
        annotation = pytypes.annotation(body.type)
        if body.encoding == "binary":
            annotation = "BinaryContent"
        default = "" if body.required else "NOT_GIVEN"
        arguments.append(
            Argument(
                "body",
                annotation if body.required else f"{annotation} | NotGiven",
                default,
                body.description,
                False,
            )
        )
    return sorted(arguments, key=lambda a: a.default != "")


def _path_expression(op: Operation) -> str:
    """The path as an f-string; literal parts escaped, variables through `path_param`."""
    by_wire = {p.wire_name: p for p in op.path_parameters}
    pieces: list[str] = []
    rest = op.path
    has_variable = False
    while rest:
        start = rest.find("{")
        end = rest.find("}", start)
        if start < 0 or end < 0 or rest[start + 1 : end] not in by_wire:
            pieces.append(_fstring_literal(rest))
            break
        pieces.append(_fstring_literal(rest[:start]))
        parameter = by_wire[rest[start + 1 : end]]
        variable = pytext.identifier(parameter.name)
        call = wire.path_call(variable, parameter.wire_name, parameter.style, parameter.explode)
        pieces.append("{" + call + "}")
        has_variable = True
        rest = rest[end + 1 :]
    if not has_variable:
        return pytext.string_literal(op.path)
    return 'f"' + "".join(pieces) + '"'


def _fstring_literal(text: str) -> str:
    inner = pytext.string_literal(text)[1:-1]
    return inner.replace("{", "{{").replace("}", "}}")


def _parameter_samples(op: Operation, definitions: Mapping[str, Definition]) -> dict[str, Any]:
    samples = {}
    for p in op.parameters:
        usable = (
            p.example is not MISSING and examples.problem(p.example, p.type, definitions) is None
        )
        value = p.example if usable else examples.synthesise(p.type, definitions)
        if p.location == "path" and (value is None or value == "" or value == [] or value == {}):
            value = "value"
        samples[p.name] = value
    return samples


def _body_sample(op: Operation, definitions: Mapping[str, Definition]) -> Any:
    body = op.body
    if body is None:
        return MISSING
    if (
        body.example is not MISSING
        and examples.problem(body.example, body.type, definitions) is None
    ):
        return body.example
    if body.fields is not None and not isinstance(body.type, Named):
        # Fields without a model (Swagger 2.0 form data): a value for each.
        return {f.wire_name: examples.synthesise(f.type, definitions) for f in body.fields}
    return examples.synthesise(body.type, definitions)


def _sample_arguments(
    op: Operation,
    samples: dict[str, Any],
    body_sample: Any,
    definitions: Mapping[str, Definition],
    used: set[str],
) -> list[tuple[str, str]]:
    pairs = [
        (p.name, pytypes.python_value(samples[p.name], p.type, definitions, used))
        for p in op.parameters
    ]
    body = op.body
    if body is not None and body.fields is not None and isinstance(body_sample, dict):
        for f in body.fields:
            if f.wire_name in body_sample:
                pairs.append(
                    (
                        f.name,
                        pytypes.python_value(body_sample[f.wire_name], f.type, definitions, used),
                    )
                )
    elif body is not None:
        pairs.append(("body", pytypes.python_value(body_sample, body.type, definitions, used)))
    return pairs


def _expected_path(op: Operation, samples: dict[str, Any]) -> str:
    """The path as httpx sends it: literal parts percent-encoded as httpx does, values as
    `path_param` does."""
    by_wire = {p.wire_name: p for p in op.path_parameters}
    pieces = re.split(r"(\{[^{}]*\})", op.path)
    expected = []
    for piece in pieces:
        parameter = by_wire.get(piece[1:-1]) if piece.startswith("{") else None
        if parameter is None:
            expected.append(wire.path_literal(piece))
            continue
        segment = partial(pytypes.quoted_path_segment, type_=parameter.type)
        value = samples[parameter.name]
        expected.append(
            wire.path_text(parameter.wire_name, value, parameter.style, parameter.explode, segment)
        )
    return "".join(expected)


def _expected_pairs(op: Operation, samples: dict[str, Any], location: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for p in op.parameters:
        value = samples[p.name]
        if p.location != location or value is None:
            continue
        if location == "query":
            pairs += wire.wire_pairs(p.wire_name, value, p.style, p.explode, p.type)
        else:
            pairs.append((p.wire_name.lower(), wire.header_text(value, p.explode, p.type)))
    return sorted(pairs)


def _expected_body(op: Operation, body_sample: Any) -> Any:
    body = op.body
    if body is None:
        return MISSING
    if body.fields is not None and isinstance(body_sample, dict):
        wire_names = {f.wire_name for f in body.fields}
        return {k: v for k, v in body_sample.items() if k in wire_names}
    return body_sample


def test_imports(
    calls: list[MethodContext], definitions: Mapping[str, Definition]
) -> dict[str, Any]:
    """Tests name the return types (to dump results) and whatever their sample values build."""
    names: set[str] = set()
    needs: set[str] = set()
    for call in calls:
        names.update(call.sample_names)
        success = call.op.success
        if success.type is not None and success.kind == "json":
            names.update(pytypes.referenced_names(success.type))
            needs |= pytypes.typing_needs(success.type)
    return {
        "definitions": [definitions[n] for n in sorted(names - {"datetime"})],
        "typing": sorted(needs & {"Any", "Literal", "Annotated"}),
        "datetime": "datetime" in names or "datetime" in needs,
        "field": "Field" in needs,
        "pydantic": sorted(needs & PYDANTIC_NAMES),
        "pydantic_module": "pydantic" in needs,
        "models": sorted(needs & MODELS_NAMES),
    }


def group_imports(group: ResourceGroup, definitions: Mapping[str, Definition]) -> dict[str, Any]:
    names: set[str] = set()
    needs: set[str] = set()
    uploads = False
    for op in group.operations:
        types = [p.type for p in op.parameters]
        if op.body is not None:
            types += (
                [f.type for f in op.body.fields] if op.body.fields is not None else [op.body.type]
            )
        if op.pagination is not None:
            types.append(op.pagination.item_type)
        if op.success.type is not None and op.success.kind == "json":
            types.append(op.success.type)
        for type_ in types:
            names.update(pytypes.referenced_names(type_))
            needs |= pytypes.typing_needs(type_)
        if (
            op.success.type is not None
            and pytypes.needs_cast(op.success.type, definitions)
            and op.success.kind == "json"
        ):
            needs.add("cast")
        if op.body is not None and op.body.encoding == "multipart":
            uploads |= any(
                "FileTypes" in pytypes.upload_annotation(f.type) for f in op.body.fields or ()
            )
    return {
        "definitions": [definitions[n] for n in sorted(names)],
        "typing": sorted(needs & {"Any", "Literal", "Annotated", "cast"}),
        "datetime": "datetime" in needs,
        "field": "Field" in needs,
        "pydantic": sorted(needs & PYDANTIC_NAMES),
        "pydantic_module": "pydantic" in needs,
        "models": sorted(needs & MODELS_NAMES),
        "uploads": uploads,
    }


# -- template helpers --------------------------------------------------------------------


def definition_docstring(definition: Definition) -> str:
    text = definition.description.strip() or definition.name
    if isinstance(definition, Model) and definition.deprecated:
        text += "\n\nDeprecated: the API marks this schema as deprecated."
    return pytext.docstring_block(text, 4)


def field_docstring(field: Field) -> str:
    notes = [field.description.strip()]
    if field.read_only:
        notes.append("Read-only: set by the server; requests leave it out.")
    if field.write_only:
        notes.append("Write-only: sent in requests, never returned (so never required here).")
    if field.deprecated:
        notes.append("Deprecated.")
    return pytext.docstring_block("\n\n".join(n for n in notes if n), 4)


def deprecated_fields(definition: Definition) -> str:
    """The Python names of a model's deprecated fields as a frozenset ("" for none)."""
    if not isinstance(definition, Model):
        return ""
    names = [pytext.string_literal(f.name) for f in definition.fields if f.deprecated]
    return "frozenset({" + ", ".join(names) + "})" if names else ""


def _default_expression(field: Field, definitions: Mapping[str, Definition]) -> str:
    if field.default is MISSING or field.default is None:
        return "None"
    core = field.type.inner if hasattr(field.type, "inner") else field.type
    definition = definitions.get(getattr(core, "name", ""))
    if isinstance(definition, Enum):
        member = next(m for m in definition.members if m.value == field.default)
        return f"{pytext.identifier(definition.name)}.{pytext.identifier(member.name)}"
    return pytext.value_literal(field.default)


def field_declaration(field: Field, definitions: Mapping[str, Definition]) -> str:
    """`name: Type = default`, with the wire name as alias when the two differ."""
    annotation = pytypes.annotation(field.type)
    # Responses leave write-only properties out, even required ones.
    optional = not field.required or field.write_only
    if optional and not annotation.endswith("| None"):
        annotation += " | None"
    arguments = []
    if optional:
        arguments.append(_default_expression(field, definitions))
    if field.name != field.wire_name:
        alias = pytext.string_literal(field.wire_name)
        if arguments:
            arguments[0] = "default=" + arguments[0]
        arguments += [f"validation_alias={alias}", f"serialization_alias={alias}"]
        value = "Field(" + ", ".join(arguments) + ")"
    else:
        value = arguments[0] if arguments else ""
    declaration = f"{pytext.identifier(field.name)}: {annotation}"
    return f"{declaration} = {value}" if value else declaration


TEMPLATE_GLOBALS = {
    "definition_docstring": definition_docstring,
    "deprecated_fields": deprecated_fields,
    "field_docstring": field_docstring,
    "field_declaration": field_declaration,
}


def method_docstring(call: MethodContext) -> str:
    op = call.op
    summary = op.summary.strip() or op.method_name.replace("_", " ").capitalize()
    parts = [f"{summary}\n\n`{op.http_method.upper()} {op.path}`"]
    description = op.description.strip()
    if description and description != summary:
        parts.append(description)
    if op.deprecated:
        parts.append("Deprecated: the API marks this operation as deprecated.")
    documented = [a for a in call.arguments if a.description or a.deprecated]
    if documented:
        lines = ["Args:"]
        for argument in documented:
            text = " ".join(
                [*argument.description.split(), *(["Deprecated."] * argument.deprecated)]
            )
            lines.append(f"    {argument.name}: {text}")
        parts.append("\n".join(lines))
    returns = _returns_note(op)
    if returns:
        parts.append(returns)
    return pytext.docstring_block("\n\n".join(parts), 8)


def _returns_note(op: Operation) -> str:
    """Which body the result is, where several success statuses have one."""
    bodies = [
        r
        for r in op.responses
        if r.status.startswith("2") and r.kind != "empty" and r.type is not None
    ]
    if len(bodies) < 2:
        return ""
    if op.success.kind == "json" and isinstance(op.success.type, UnionOf):
        each = ", ".join(f"{r.status}: `{pytypes.annotation(r.type)}`" for r in bodies if r.type)
        return f"Returns:\n    The body of whichever success status the server sends ({each})."
    return f"Returns:\n    The {op.success.status} response's body; other success statuses are parsed as it."


TEMPLATE_GLOBALS["method_docstring"] = method_docstring


# -- credentials -------------------------------------------------------------------------


@dataclass(frozen=True)
class CredentialArgument:
    name: str
    env_var: str
    doc: str


@dataclass(frozen=True)
class ClientAuth:
    """What `_client.py` needs to take credentials and say what each scheme sends."""

    arguments: tuple[CredentialArgument, ...]
    required: str  # the argument the client cannot do without ("": none)
    credentials: tuple[tuple[str, str, str], ...]  # scheme, condition, Credential expression
    default_security: str  # a Security literal


def client_auth(api: Api) -> ClientAuth:
    schemes = api.security_schemes
    if not schemes:  # `api_key=` stays, unused, so that every client reads the same
        env_var = f"{api.env_prefix}_API_KEY"
        return ClientAuth((CredentialArgument("api_key", env_var, ""),), "", (), "()")
    arguments: list[CredentialArgument] = []
    credentials = []
    for scheme in schemes:
        what = _scheme_doc(scheme)
        arguments.append(CredentialArgument(scheme.argument, scheme.env_var, what))
        if scheme.kind == "basic":
            arguments.append(
                CredentialArgument(scheme.password_argument, scheme.password_env_var, "")
            )
            condition = f"{scheme.argument} and {scheme.password_argument} is not None"
            expression = f"basic_credential({scheme.argument}, {scheme.password_argument})"
        else:
            # An empty token is no credential: sent as `Bearer ` it would be an invalid header.
            condition = scheme.argument
            expression = _credential_expression(scheme.location, scheme.parameter_name, scheme)
        credentials.append((pytext.string_literal(scheme.name), condition, expression))
    primary = schemes[0]
    required = (
        primary.argument
        if len(schemes) == 1
        and primary.kind != "basic"
        and any(o.authenticated for o in api.operations)
        else ""
    )
    security = _security_literal(api.default_security)
    return ClientAuth(tuple(arguments), required, tuple(credentials), security)


def _scheme_doc(scheme: SecurityScheme) -> str:
    if scheme.kind == "basic":
        return f"With `{scheme.password_argument}`, for HTTP basic authentication"
    if scheme.kind == "bearer":
        return "A token, sent as `Authorization: Bearer ...`"
    where = "query parameter" if scheme.location == "query" else scheme.location
    return f"An API key, sent in the `{scheme.parameter_name}` {where}"


def _credential_expression(location: str, parameter: str, scheme: SecurityScheme) -> str:
    value = scheme.argument
    if scheme.kind == "bearer":
        value = f'f"Bearer {{{scheme.argument}}}"'
    key = {"header": "headers", "query": "query", "cookie": "cookies"}[location]
    return f"Credential({key}={{{pytext.string_literal(parameter)}: {value}}})"


TEMPLATE_GLOBALS["client_auth"] = client_auth

# The credential the generated tests' conftest gives every argument of the client.
TEST_CREDENTIAL = "test-api-key"


@dataclass(frozen=True)
class ExpectedAuth:
    """What a generated test expects an operation's request to carry for its security."""

    headers: tuple[tuple[str, str], ...]  # lower-case name, value
    query: tuple[tuple[str, str], ...]
    cookies: tuple[tuple[str, str], ...]


def expected_auth(api: Api, op: Operation) -> ExpectedAuth:
    """The first alternative of the operation's security: the tests give every credential."""
    security = api.default_security if op.security is None else op.security
    schemes = {s.name: s for s in api.security_schemes}
    found: dict[str, list[tuple[str, str]]] = {"header": [], "query": [], "cookie": []}
    for name in security[0] if security else ():
        scheme = schemes[name]
        value = TEST_CREDENTIAL
        if scheme.kind == "bearer":
            value = f"Bearer {TEST_CREDENTIAL}"
        elif scheme.kind == "basic":
            token = base64.b64encode(f"{TEST_CREDENTIAL}:{TEST_CREDENTIAL}".encode()).decode()
            value = f"Basic {token}"
        key = (
            scheme.parameter_name.lower() if scheme.location == "header" else scheme.parameter_name
        )
        found[scheme.location].append((key, value))
    return ExpectedAuth(tuple(found["header"]), tuple(found["query"]), tuple(found["cookie"]))


TEMPLATE_GLOBALS["expected_auth"] = expected_auth
