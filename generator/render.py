"""IR -> {relative path: text} through Jinja2 templates. No I/O besides reading templates.

Templates print names the IR decided and spec text through the escaping filters of
`generator.pytext`; they never see raw spec strings as template source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache, partial
from pathlib import Path
from typing import Any, Protocol

import jinja2

from generator import caches, naming, pytext, pytypes
from generator.ir import examples
from generator.ir.nodes import (
    MISSING,
    Api,
    Definition,
    Enum,
    Field,
    Model,
    Nullable,
    Operation,
    Parameter,
    ResourceGroup,
)
from generator.render_cache import RenderCache, TrackedDefinitions

RUNTIME_MODULES = (
    "_base_client.py",
    "_exceptions.py",
    "_types.py",
    "_models.py",
    "_pagination.py",
    "_response.py",
    "_retries.py",
    "_streaming.py",
)


class Imported(Protocol):
    """What an import line reads of a definition."""

    @property
    def name(self) -> str: ...
    @property
    def module(self) -> str: ...


@dataclass(frozen=True)
class ImportedDefinition:
    """What an import line needs of a definition, and all a template can read of it: cached
    renders depend on these two names only (`generator.render_cache`)."""

    name: str
    module: str


def imported(definition: Imported) -> ImportedDefinition:
    return ImportedDefinition(definition.name, definition.module)


def templates_root() -> Path:
    """Templates ship inside the installed package; in a checkout they sit beside it."""
    here = Path(__file__).resolve().parent
    installed = here / "templates"
    return installed if installed.is_dir() else here.parent / "templates"


@cache
def environment(flavour: str = "httpx") -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_root() / flavour)),
        bytecode_cache=caches.template_cache(),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        pystr=pytext.string_literal,
        tomlstr=pytext.toml_string,
        pyvalue=pytext.value_literal,
        docstring=pytext.docstring_text,
        docblock=pytext.docstring_block,
        comment=pytext.comment_text,
        markdown=pytext.markdown_text,
        ident=pytext.identifier,
        annotation=pytypes.annotation,
    )
    env.filters["pascal"] = naming.pascal
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
    api: Api, flavour: str = "httpx", cache: RenderCache | None = None
) -> dict[str, str]:
    """Every file of the SDK. With a `cache`, the per-definition and per-group files come
    from the previous run where nothing they read has changed (`generator.render_cache`)."""
    env = environment(flavour)
    definitions = {d.name: d for d in api.definitions}
    package = pytext.identifier(api.package)
    common = {
        "api": api,
        "package": package,
        "package_version": package_version(api.version),
        "banner": banner(api),
        "definitions": definitions,
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

    for module in RUNTIME_MODULES:
        put(f"{package}/{module}", f"{module}.jinja")
    put(f"{package}/__init__.py", "__init__.py.jinja")
    put(f"{package}/_client.py", "_client.py.jinja")
    put(f"{package}/resources/__init__.py", "resources/__init__.py.jinja")
    put(f"{package}/types/__init__.py", "types/__init__.py.jinja")
    files[f"{package}/py.typed"] = ""
    cycles = cyclic_neighbours(definitions)
    for definition in api.definitions:
        path = f"{package}/types/{definition.module}.py"
        imports = definition_imports(definition, cycles, definitions)
        imports = replace(
            imports,
            top=tuple(map(imported, imports.top)),
            deferred=tuple(map(imported, imports.deferred)),
        )
        context = {"d": definition, "imports": imports}
        unit = {path: ("types/definition.py.jinja", context)}
        files |= cache.unit(unit, partial(_render_files, text, unit_common, unit)).files
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


@dataclass(frozen=True)
class DefinitionImports:
    typing: tuple[str, ...]
    datetime: bool
    pydantic: tuple[str, ...]
    models_base: tuple[str, ...]
    top: tuple[Imported, ...]
    deferred: tuple[Imported, ...]


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
    return DefinitionImports(
        typing=tuple(sorted(needs & {"Any", "Literal", "Annotated", "TypeAlias"})),
        datetime="datetime" in needs,
        pydantic=("Field",) if "Field" in needs else (),
        models_base=base,
        top=top,
        deferred=deferred,
    )


def cyclic_neighbours(definitions: Mapping[str, Definition]) -> dict[str, frozenset[str]]:
    """For each model in a reference cycle, the other definitions of its cycle (Tarjan's SCC)."""
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
                    if len(component) > 1:
                        for member in component:
                            result[member] = frozenset(component) - {member}
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


def _attribute_access(
    root: str, attributes: tuple[str, ...], optional: tuple[bool, ...], default: str
) -> str:
    """`root.a.b`, guarded where an intermediate attribute may be None."""
    expression, guards = root, []
    for index, attribute in enumerate(attributes):
        expression = f"{expression}.{pytext.identifier(attribute)}"
        if optional[index] and index < len(attributes) - 1:
            guards.append(f"{expression} is not None")
    if attributes and optional[-1] and default != "None":
        expression = f"({expression} or {default})"
    return f"{expression} if {' and '.join(guards)} else {default}" if guards else expression


def page_context(op: Operation, definitions: Mapping[str, Definition]) -> PageContext | None:
    paging = op.pagination
    if paging is None:
        return None
    items = _attribute_access("response", paging.items.attributes, paging.items.optional, "[]")
    cursor = "dict[str, str]" if paging.style == "next_url" else "str"
    parameter = next((p for p in op.parameters if p.name == paging.parameter), None)
    if parameter is not None:
        cursor = pytypes.annotation(
            parameter.type.inner if isinstance(parameter.type, Nullable) else parameter.type
        )
    if paging.style in ("cursor", "next_url"):
        assert paging.next is not None
        following = _attribute_access(
            "response", paging.next.attributes, paging.next.optional, "None"
        )
        following = f"next_url_query({following})" if paging.style == "next_url" else following
    elif paging.style == "after_last":
        assert paging.has_more is not None
        has_more = _attribute_access(
            "response", paging.has_more.attributes, paging.has_more.optional, "None"
        )
        following = f"items[-1].id if {has_more} and items else None"
    elif paging.style == "offset":
        following = "(cursor or 0) + len(items)"
    else:
        following = "(cursor or 1) + 1"
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
    )


def method_context(op: Operation, definitions: Mapping[str, Definition]) -> MethodContext:
    success = op.success
    if success.kind == "empty" or success.type is None:
        return_annotation, cast_to = "None", "type(None)"
    else:
        return_annotation = pytypes.annotation(success.type)
        cast_to = return_annotation
        if pytypes.needs_cast(success.type, definitions):
            cast_to = f"cast(type[{return_annotation}], {return_annotation})"
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
    )


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
    by_wire = {p.wire_name: p.name for p in op.path_parameters}
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
        pieces.append("{path_param(" + pytext.identifier(by_wire[rest[start + 1 : end]]) + ")}")
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
    path = op.path
    for p in op.path_parameters:
        path = path.replace(
            "{" + p.wire_name + "}", pytypes.quoted_path_segment(samples[p.name], p.type)
        )
    return path


def _expected_pairs(op: Operation, samples: dict[str, Any], location: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for p in op.parameters:
        value = samples[p.name]
        if p.location != location or value is None:
            continue
        values = value if isinstance(value, list) else [value]
        pairs.extend(
            (
                p.wire_name if location == "query" else p.wire_name.lower(),
                pytypes.wire_text(v, p.type),
            )
            for v in values
        )
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
    }


def group_imports(group: ResourceGroup, definitions: Mapping[str, Definition]) -> dict[str, Any]:
    names: set[str] = set()
    needs: set[str] = set()
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
    return {
        "definitions": [definitions[n] for n in sorted(names)],
        "typing": sorted(needs & {"Any", "Literal", "Annotated", "cast"}),
        "datetime": "datetime" in needs,
        "field": "Field" in needs,
    }


# -- template helpers --------------------------------------------------------------------


def definition_docstring(definition: Definition) -> str:
    text = definition.description.strip() or definition.name
    if isinstance(definition, Model) and definition.deprecated:
        text += "\n\nDeprecated: the API marks this schema as deprecated."
    return pytext.docstring_block(text, 4)


def field_docstring(field: Field) -> str:
    text = field.description.strip()
    if field.deprecated:
        text += ("\n\n" if text else "") + "Deprecated."
    return pytext.docstring_block(text, 4)


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
    if not field.required and not annotation.endswith("| None"):
        annotation += " | None"
    arguments = []
    if not field.required:
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
            text = " ".join(argument.description.split())
            note = " Deprecated." if argument.deprecated else ""
            lines.append(f"    {argument.name}: {text}{note}".rstrip())
        parts.append("\n".join(lines))
    return pytext.docstring_block("\n\n".join(parts), 8)


TEMPLATE_GLOBALS["method_docstring"] = method_docstring
