"""Docstrings of generated models, fields and methods (wrapped and escaped by `pytext`)."""

from __future__ import annotations

import re
import textwrap

from sdkwright.ir.nodes import Definition, Field, Model, Nullable, Operation, UnionOf
from sdkwright.targets.python import pytext, pytypes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.targets.python.views.methods import Argument, MethodContext

# A method's docstring sits 8 columns in; `pytext.docstring_block` wraps at 96.
ARGS_WIDTH = 96 - 8


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
    documented = [
        (a, _argument_text(a, call))
        for a in call.arguments
        if a.description or a.deprecated or a.name == "body"
    ]
    if documented:
        lines = ["Args:"]
        for argument, text in documented:
            # Continuation lines hang under the entry, so none reads as an entry of its own.
            lines += textwrap.wrap(
                f"    {argument.name}: {text}",
                width=ARGS_WIDTH,
                subsequent_indent=" " * 8,
                break_long_words=False,
                break_on_hyphens=False,
            )
        parts.append("\n".join(lines))
    returns = _returns_note(op)
    if returns:
        parts.append(returns)
    return pytext.docstring_block("\n\n".join(parts), 8)


def _argument_text(argument: Argument, call: MethodContext) -> str:
    """What an argument's entry says: its description; a whole request body without one
    says what it takes."""
    words = argument.description.split()
    body = call.op.body
    if not words and argument.name == "body" and body is not None:
        core = body.type.inner if isinstance(body.type, Nullable) else body.type
        models = re.sub(r" \| \w+Param\b", "", pytypes.annotation(core))
        dicts = " (models, or dicts of their fields)" if models != pytypes.annotation(core) else ""
        optional = ", optional" if not body.required else ""
        words = [f"The request body{optional}: `{models}`{dicts}."]
    return " ".join([*words, *(["Deprecated."] * argument.deprecated)])


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
