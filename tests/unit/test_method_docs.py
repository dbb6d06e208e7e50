"""Generated docstrings and runtime docs say true things (issue 15, "True docs"): an argument's
description wrapped under its own `Args:` entry, every request body documented, and runtime
modules (shared by every SDK) naming no operation of any API."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sdkwright.flavours.model_types import PYDANTIC
from sdkwright.targets.python.views import docstrings, methods
from spec_helpers import build, definitions, json_response, openapi, ref

RUNTIME = Path(docstrings.__file__).resolve().parents[3] / "runtime"
LONG = (
    "Filter to accounts whose full name contains this value (case-insensitive substring match,"
    " e.g. note: this line is long enough to wrap)."
)


def operation(tmp_path: Path) -> Any:
    schemas = {"Close": {"type": "object", "properties": {"qty": {"type": "integer"}}}}
    post = {
        "operationId": "close_positions",
        "parameters": [
            {
                "name": "account_name",
                "in": "query",
                "description": LONG,
                "schema": {"type": "string"},
            },
            {"name": "plain", "in": "query", "schema": {"type": "string"}},
        ],
        # A list: sent as a whole `body=` (an object's properties would be arguments).
        "requestBody": {
            "content": {"application/json": {"schema": {"type": "array", "items": ref("Close")}}}
        },
        "responses": {"200": json_response({"type": "string"})},
    }
    api, _ = build(tmp_path, openapi(schemas, {"/positions": {"post": post}}))
    return methods.method_context(api.operations[0], definitions(api), PYDANTIC)


def args_section(docstring: str) -> list[str]:
    lines = docstring.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "Args:")
    return [line for line in lines[start + 1 :] if line.strip()]


def test_a_long_description_hangs_under_its_own_entry(tmp_path: Path) -> None:
    entries = args_section(docstrings.method_docstring(operation(tmp_path)))
    first = next(i for i, line in enumerate(entries) if "account_name:" in line)
    continuation = entries[first + 1]
    # An entry sits 12 columns in; its continuation deeper, so no parser reads a new entry.
    assert entries[first].startswith(" " * 12 + "account_name: ")
    assert continuation.startswith(" " * 16) and not continuation.startswith(" " * 17)
    assert "note:" in " ".join(entries)


def test_every_request_body_is_documented(tmp_path: Path) -> None:
    entries = args_section(docstrings.method_docstring(operation(tmp_path)))
    body = [line for line in entries if line.strip().startswith("body: ")]
    assert body == [" " * 12 + "body: The request body, optional: `list[Close]`."]
    # An argument without a description still has no entry of its own.
    assert not any("plain:" in line for line in entries)


def test_runtime_docs_name_no_operation() -> None:
    """The runtime is copied into every SDK: a call like `client.accounts.list_accounts()`
    in its docs would name an operation most APIs do not have."""
    sources = sorted(RUNTIME.glob("*.py"))
    assert sources
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"client\.\w+\.\w+\(", text), source.name
