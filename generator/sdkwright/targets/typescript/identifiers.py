"""TypeScript identifiers from spec text: camelCase members, PascalCase types.

Words come from the IR's one splitter (`sdkwright.ir.names.words`), as for every target.
A name that would start with a digit starts with `_`; a name TypeScript reserves, or one the
SDK's own code already uses, moves on to the next candidate the naming step offers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from sdkwright.ir.names import words

# ECMAScript's reserved words, strict mode's, and the names TypeScript gives to types.
RESERVED = frozenset(
    [
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "as",
        "implements",
        "interface",
        "let",
        "package",
        "private",
        "protected",
        "public",
        "static",
        "yield",
        "any",
        "boolean",
        "constructor",
        "declare",
        "get",
        "module",
        "require",
        "number",
        "set",
        "string",
        "symbol",
        "type",
        "from",
        "of",
        "unknown",
        "never",
        "object",
        "undefined",
        "bigint",
        "await",
        "async",
        "arguments",
        "eval",
    ]
)
# Global names the generated files use, and the namespace resource modules import the
# SDK's types as (`Models`): a type of the SDK must not shadow them.
GLOBALS = frozenset(
    [
        "Array",
        "Record",
        "Promise",
        "Error",
        "Object",
        "String",
        "Number",
        "Boolean",
        "Date",
        "Symbol",
        "Map",
        "Set",
        "JSON",
        "Math",
        "Blob",
        "File",
        "FormData",
        "Headers",
        "Request",
        "Response",
        "URL",
        "URLSearchParams",
        "AbortController",
        "AbortSignal",
        "RequestInit",
        "ReadableStream",
        "Uint8Array",
        "ArrayBuffer",
        "Partial",
        "Readonly",
        "Models",
    ]
)
_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def is_identifier(text: str) -> bool:
    return bool(_IDENTIFIER.match(text)) and text not in RESERVED


def _safe(name: str, fallback: str) -> str:
    name = name or fallback
    return "_" + name if name[:1].isdigit() else name


@cache
def pascal(text: str, fallback: str = "Model") -> str:
    return _safe("".join(w[:1].upper() + w[1:] for w in words(text)), fallback)


@cache
def camel(text: str, fallback: str = "value") -> str:
    parts = [w.lower() if w.isupper() else w for w in words(text)]
    joined = "".join(p[:1].upper() + p[1:] for p in parts)
    return _safe(joined[:1].lower() + joined[1:], fallback)


def screaming(text: str) -> str:
    return "_".join(w.upper() for w in words(text))


class Registry:
    """Unique names handed out in turn: the first free candidate of each list, case-sensitive
    (TypeScript's names are; these never become file names)."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._taken: set[str] = set(reserved) | RESERVED

    def taken(self, name: str) -> bool:
        return name in self._taken

    def claim(self, candidates: Iterable[str]) -> tuple[str, bool]:
        """The first free candidate, and whether it stepped past the first."""
        listed = list(candidates)
        for index, candidate in enumerate(listed):
            if candidate not in self._taken:
                self._taken.add(candidate)
                return candidate, index > 0
        name = listed[-1]
        while name in self._taken:
            name += "_"
        self._taken.add(name)
        return name, True
