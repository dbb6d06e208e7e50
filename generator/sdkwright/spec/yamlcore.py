"""The YAML loader for specs: libyaml's CSafeLoader with YAML 1.2's core schema.

PyYAML resolves plain scalars by YAML 1.1's rules, where `on`, `off`, `yes` and `no` are
booleans, `12:30` is the integer 750, `012` is octal and `2020-01-02` is a date. OpenAPI
documents are YAML 1.2 (as the JavaScript tools that render them read them), where all of
those but `012` (twelve) are strings: a string enum `[on, off]` must stay `"on"` and `"off"`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - libyaml is part of PyYAML's wheels
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_REPLACED = {_BOOL, _INT, _FLOAT, _TIMESTAMP}

# The core schema's plain scalars (YAML 1.2.2, section 10.3.2).
_CORE_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_CORE_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_CORE_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class SpecLoader(_SafeLoader):
    """CSafeLoader (its C parser, its safe constructors) resolving by the core schema."""


SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in _REPLACED]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}
# (tag, pattern, first characters): also what a dumper must quote (spec/overlays/diff.py).
CORE_RESOLVERS = (
    (_BOOL, _CORE_BOOL, "tTfF"),
    (_INT, _CORE_INT, "-+0123456789"),
    (_FLOAT, _CORE_FLOAT, "-+0123456789."),
)
for _tag, _pattern, _first in CORE_RESOLVERS:
    SpecLoader.add_implicit_resolver(_tag, _pattern, list(_first))


def _construct_int(loader: SpecLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 16) if text.startswith("0x") else int(text, 10)


def _construct_bool(loader: SpecLoader, node: yaml.ScalarNode) -> bool:
    return str(loader.construct_scalar(node)).lower() == "true"


SpecLoader.add_constructor(_INT, _construct_int)
SpecLoader.add_constructor(_BOOL, _construct_bool)


def load(text: str) -> Any:
    return yaml.load(text, Loader=SpecLoader)
