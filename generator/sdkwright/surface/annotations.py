"""Annotations as comparable text: two spellings of the same type print the same string.

    Optional[List[str]]            -> list[str] | None
    typing.Union[int, None]        -> int | None
    Literal["b"] | Literal["a"]    -> Literal["a", "b"]
    Annotated[str, PropertyInfo()] -> str
    Required[Iterable[Item]]       -> Iterable[Item]
    datetime.date, mod.Instruction -> date, Instruction
    str | NotGiven | Omit          -> str  (the sentinel says "may be left out": see `omittable`)

Union members are sorted (None last) and deduplicated; module prefixes are dropped, so names
compare by what the user writes after `from package.types import ...`.
"""

from __future__ import annotations

import ast
import json

# typing's capitalised aliases of builtins, and other spellings of the same thing.
_ALIASES = {
    "List": "list",
    "Dict": "dict",
    "Set": "set",
    "FrozenSet": "frozenset",
    "Tuple": "tuple",
    "Type": "type",
    "Text": "str",
    "DefaultDict": "defaultdict",
    "NoneType": "None",
}
# Wrappers that say something about the field or parameter, not about its values.
_TRANSPARENT = {"Annotated", "Required", "NotRequired", "ReadOnly", "Final", "ClassVar"}
# Sentinels of "not given": a union with one of them is an optional parameter, not a type.
SENTINEL_TYPES = frozenset({"NotGiven", "Omit", "NotGivenOr"})
SENTINEL_VALUES = frozenset({"NOT_GIVEN", "not_given", "omit", "NotGiven", "Omit", "NOT_SET"})


def normalise(node: ast.expr | None) -> str:
    """The comparable text of an annotation ("" when there is none)."""
    if node is None:
        return ""
    try:
        return _render(node)
    except RecursionError:
        return "<too deeply nested>"


def omittable(node: ast.expr | None) -> bool:
    """Whether the annotation is a union with a not-given sentinel (`X | NotGiven`)."""
    if node is None:
        return False
    return any(_name(member) in SENTINEL_TYPES for member in _union_members(node))


def is_sentinel_default(node: ast.expr | None) -> bool:
    """Whether a default is a not-given sentinel (`omit`, `NOT_GIVEN`, `NotGiven()`)."""
    if isinstance(node, ast.Call):
        node = node.func
    return node is not None and _name(node) in SENTINEL_VALUES


def strip_wrapper(node: ast.expr, names: frozenset[str]) -> tuple[ast.expr, str | None]:
    """`Required[X]` -> (X, "Required") for a wrapper in `names`; anything else unchanged."""
    if isinstance(node, ast.Subscript) and _name(node.value) in names:
        inner = node.slice.elts[0] if isinstance(node.slice, ast.Tuple) else node.slice
        return inner, _name(node.value)
    return node, None


def annotated_metadata(node: ast.expr) -> list[ast.expr]:
    """The metadata of `Annotated[X, meta, ...]` (looking through Required/NotRequired)."""
    inner, _ = strip_wrapper(node, frozenset({"Required", "NotRequired", "ReadOnly"}))
    annotated = isinstance(inner, ast.Subscript) and _name(inner.value) == "Annotated"
    if annotated and isinstance(inner, ast.Subscript) and isinstance(inner.slice, ast.Tuple):
        return list(inner.slice.elts[1:])
    return []


def union_members(text: str) -> list[str]:
    """The members of a normalised annotation, Literal values split one per member."""
    try:
        node = ast.parse(text, mode="eval").body
    except SyntaxError:
        return [text]
    members: list[str] = []
    for member in _union_members(node):
        if isinstance(member, ast.Subscript) and _name(member.value) == "Literal":
            members.extend(f"Literal[{value}]" for value in _literal_values(member))
        else:
            members.append(_render(member))
    return members


def literal_values(node: ast.expr) -> list[str]:
    """The values of a Literal (or a union of Literals), as sorted JSON text; [] if not one."""
    values: list[str] = []
    for member in _union_members(node):
        if not (isinstance(member, ast.Subscript) and _name(member.value) == "Literal"):
            return []
        values.extend(_literal_values(member))
    return sorted(set(values))


def _name(node: ast.expr) -> str:
    """The last component of a name: `typing.List` -> `List`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return ""


def _parse_string(text: str) -> ast.expr | None:
    try:
        return ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        return None


def _union_members(node: ast.expr) -> list[ast.expr]:
    """The members of a union however it is spelled, nested unions flattened."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parsed = _parse_string(node.value)
        return _union_members(parsed) if parsed is not None else [node]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union_members(node.left) + _union_members(node.right)
    if isinstance(node, ast.Subscript):
        head = _name(node.value)
        elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if head == "Union":
            return [m for element in elements for m in _union_members(element)]
        if head == "Optional":
            return [*_union_members(elements[0]), ast.Constant(None)]
        if head in ("Annotated", "Required", "NotRequired", "ReadOnly"):
            return _union_members(elements[0])
    return [node]


def _render(node: ast.expr) -> str:
    members = _union_members(node)
    if len(members) > 1:
        return _render_union(members)
    return _render_single(members[0])


def _render_union(members: list[ast.expr]) -> str:
    literals: list[str] = []
    rendered: set[str] = set()
    has_none = False
    for member in members:
        if _name(member) in SENTINEL_TYPES:
            continue
        if isinstance(member, ast.Subscript) and _name(member.value) == "Literal":
            literals.extend(_literal_values(member))
            continue
        text = _render_single(member)
        if text == "None":
            has_none = True
        else:
            rendered.add(text)
    parts = sorted(rendered)
    if literals:
        parts.insert(0, f"Literal[{', '.join(sorted(set(literals)))}]")
    if has_none:
        parts.append("None")
    return " | ".join(parts) if parts else "None"


def _render_single(node: ast.expr) -> str:
    if isinstance(node, ast.Constant):
        if node.value is None:
            return "None"
        if node.value is Ellipsis:
            return "..."
        if isinstance(node.value, str):
            parsed = _parse_string(node.value)
            return _render(parsed) if parsed is not None else node.value
        return repr(node.value)
    if isinstance(node, ast.Name | ast.Attribute):
        name = _name(node)
        return _ALIASES.get(name, name)
    if isinstance(node, ast.Subscript):
        return _render_subscript(node)
    if isinstance(node, ast.List | ast.Tuple):  # Callable[[A, B], R]'s argument list
        return "[" + ", ".join(_render(element) for element in node.elts) + "]"
    return ast.unparse(node)


def _render_subscript(node: ast.Subscript) -> str:
    head = _name(node.value)
    elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    if head == "Literal":
        return f"Literal[{', '.join(sorted(set(_literal_values(node))))}]"
    if head in _TRANSPARENT:
        return _render(elements[0])
    arguments = ", ".join(_render(element) for element in elements)
    return f"{_ALIASES.get(head, head)}[{arguments}]"


def _literal_values(node: ast.Subscript) -> list[str]:
    elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    values: list[str] = []
    for element in elements:
        if isinstance(element, ast.Subscript) and _name(element.value) == "Literal":
            values.extend(_literal_values(element))
        elif isinstance(element, ast.Constant):
            value = element.value
            values.append(json.dumps(value) if isinstance(value, str) else repr(value))
        else:  # an enum member: Literal[Color.RED]
            values.append(ast.unparse(element))
    return values
