"""Definitions as model modules need them: reference cycles, field declarations, deprecated
fields."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from sdkwright.ir import shapes
from sdkwright.ir.nodes import MISSING, Definition, Enum, Field, Model, Nullable, Primitive
from sdkwright.targets.python import input_types, pytext, pytypes


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


def deprecated_fields(definition: Definition) -> str:
    """The Python names of a model's deprecated fields as a frozenset ("" for none)."""
    if not isinstance(definition, Model):
        return ""
    names = [pytext.string_literal(f.name) for f in definition.fields if f.deprecated]
    return "frozenset({" + ", ".join(names) + "})" if names else ""


def _default_argument(field: Field, definitions: Mapping[str, Definition]) -> tuple[str, str]:
    """`Field`'s keyword for the field's default and its expression: a mutable value (a list,
    a mapping, a model) comes from a `default_factory`, so that instances share none."""
    value = field.default
    if value is MISSING or value is None:
        return "default", "None"
    core = field.type.inner if isinstance(field.type, Nullable) else field.type
    definition = definitions.get(getattr(core, "name", ""))
    if isinstance(definition, Enum):
        member = next(m for m in definition.members if m.value == value)
        return "default", f"{pytext.identifier(definition.name)}.{pytext.identifier(member.name)}"
    if isinstance(core, Primitive) and core.name in ("date", "datetime"):
        parsed = shapes.parsed_date(value, core.name)
        assert parsed is not None  # the IR keeps only defaults that parse
        return "default", _date_literal(parsed)
    if value in ([], {}) and definition is None:  # not a model built from {}
        return "default_factory", type(value).__name__
    if isinstance(value, (list, dict)):
        return "default_factory", "lambda: " + pytypes.python_value(value, core, definitions)
    return "default", pytext.value_literal(value)


def _date_literal(value: datetime.date) -> str:
    """A date or date-time as a constructor call (`fromisoformat` reads "Z" only from 3.11)."""
    if not isinstance(value, datetime.datetime):
        return f"datetime.date({value.year}, {value.month}, {value.day})"
    parts = [value.year, value.month, value.day, value.hour, value.minute, value.second]
    arguments = ", ".join(map(str, parts + ([value.microsecond] if value.microsecond else [])))
    offset = value.utcoffset()
    if offset is None:
        return f"datetime.datetime({arguments})"
    zone = (
        "datetime.timezone.utc"
        if not offset
        else f"datetime.timezone(datetime.timedelta(seconds={int(offset.total_seconds())}))"
    )
    return f"datetime.datetime({arguments}, tzinfo={zone})"


def key_declaration(field: Field, inputs: Mapping[str, Definition] | None = None) -> str:
    """A TypedDict's key for a field (`body_params`): by its Python name, `NotRequired`
    when the field is optional; `inputs` (the definitions): typed as the Stainless surface's
    inputs are (`input_types`)."""
    annotation = key_annotation(field, inputs)
    if not field.required:
        annotation = f"NotRequired[{annotation}]"
    return f"{pytext.identifier(field.name)}: {annotation}"


def key_annotation(field: Field, inputs: Mapping[str, Definition] | None) -> str:
    """A TypedDict key's type; as the Stainless surface's inputs, with the wire name where it
    differs from the key (`from_: Annotated[..., WireName(alias="from")]`), as Stainless's
    TypedDicts say it."""
    if inputs is None:
        return pytypes.annotation(field.type)
    annotation = input_types.input_annotation(field.type, inputs)
    if field.wire_name == field.name:
        return annotation
    return f"Annotated[{annotation}, WireName(alias={pytext.string_literal(field.wire_name)})]"


def field_declaration(field: Field, definitions: Mapping[str, Definition]) -> str:
    """`name: Type = default`, with the wire name as alias when the two differ."""
    annotation = pytypes.annotation(field.type)
    # Responses leave write-only properties out, even required ones.
    optional = not field.required or field.write_only
    if optional and not annotation.endswith("| None") and annotation != "None":
        annotation += " | None"
    arguments = []
    keyword = "default"
    if optional:
        keyword, expression = _default_argument(field, definitions)
        arguments.append(expression)
    if field.name != field.wire_name or keyword != "default":
        alias = pytext.string_literal(field.wire_name)
        if arguments:
            arguments[0] = f"{keyword}={arguments[0]}"
        if field.name != field.wire_name:
            arguments += [f"validation_alias={alias}", f"serialization_alias={alias}"]
        value = "Field(" + ", ".join(arguments) + ")"
    else:
        value = arguments[0] if arguments else ""
    declaration = f"{pytext.identifier(field.name)}: {annotation}"
    return f"{declaration} = {value}" if value else declaration
