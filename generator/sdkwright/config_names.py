"""A target's `names:` overrides: operationId -> method, schema key -> class, tag -> group."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from typing import Any

from sdkwright.config_files import Failure, escape

Pairs = tuple[tuple[str, str], ...]

NAME_KINDS = ("operations", "schemas", "tags")
_METHOD = re.compile(r"[a-z_][a-z0-9_]*")
_CLASS = re.compile(r"[A-Z][A-Za-z0-9_]*")


@dataclass(frozen=True)
class NameOverrides:
    """Names the config imposes: operationId -> method, schema key -> class, tag -> group."""

    operations: Pairs = ()
    schemas: Pairs = ()
    tags: Pairs = ()

    def __bool__(self) -> bool:
        return bool(self.operations or self.schemas or self.tags)


def read_names(value: Any, pointer: str, failure: Failure) -> NameOverrides:
    """The target's `names:` overrides, each name checked (a located error otherwise)."""
    if value is None:
        return NameOverrides()
    if not isinstance(value, dict):
        raise failure(pointer, "'names' must be a mapping")
    for key in sorted(set(value) - set(NAME_KINDS)):
        raise failure(
            f"{pointer}/{escape(key)}",
            f"unknown key '{key}' in names",
            f"allowed: {list(NAME_KINDS)}",
        )
    found: dict[str, Pairs] = {}
    for kind in NAME_KINDS:
        table = value.get(kind) or {}
        if not isinstance(table, dict):
            raise failure(f"{pointer}/{kind}", f"'names.{kind}' must be a mapping")
        for source, name in table.items():
            _check_name(kind, str(source), name, f"{pointer}/{kind}/{escape(str(source))}", failure)
        found[kind] = tuple(sorted((str(k), str(v)) for k, v in table.items()))
    return NameOverrides(found["operations"], found["schemas"], found["tags"])


def _check_name(kind: str, source: str, name: Any, pointer: str, failure: Failure) -> None:
    pattern, example = {
        "operations": (_METHOD, "'cancel_instruction'"),
        "schemas": (_CLASS, "'PositionInstruction'"),
        "tags": (_METHOD, "'positions'"),
    }[kind]
    if not isinstance(name, str) or not pattern.fullmatch(name) or keyword.iskeyword(name):
        raise failure(
            pointer,
            f"'{name}' is not a usable name for {kind[:-1]} '{source}'",
            f"use a Python identifier like {example}",
            code="config.name",
        )
