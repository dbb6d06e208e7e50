"""Docstrings of generated models, fields and methods (wrapped and escaped by `pytext`)."""

from __future__ import annotations

from sdkwright.ir.nodes import Definition, Field, Model, Operation, UnionOf
from sdkwright.targets.python import pytext, pytypes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.targets.python.views.methods import MethodContext


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
