"""The YAML loader for specs: libyaml's CSafeLoader with YAML 1.2's core schema.

PyYAML resolves plain scalars by YAML 1.1's rules, where `on`, `off`, `yes` and `no` are
booleans, `12:30` is the integer 750, `012` is octal and `2020-01-02` is a date. OpenAPI
documents are YAML 1.2 (as the JavaScript tools that render them read them), where all of
those but `012` (twelve) are strings: a string enum `[on, off]` must stay `"on"` and `"off"`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from sdkwright.spec import values

try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - libyaml is part of PyYAML's wheels
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

_YAML_TAG = "tag:yaml.org,2002:"
_BOOL = _YAML_TAG + "bool"
_INT = _YAML_TAG + "int"
_FLOAT = _YAML_TAG + "float"
_TIMESTAMP = _YAML_TAG + "timestamp"
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


def _construct_int(loader: SpecLoader, node: yaml.ScalarNode) -> int | values.HugeNumber:
    text = str(loader.construct_scalar(node))
    if text.startswith("0o"):
        return values.integer(text[2:], 8, "0o")
    return values.integer(text[2:], 16, "0x") if text.startswith("0x") else values.integer(text)


def _construct_bool(loader: SpecLoader, node: yaml.ScalarNode) -> bool:
    return str(loader.construct_scalar(node)).lower() == "true"


def _construct_tagged_text(loader: SpecLoader, node: yaml.ScalarNode) -> values.TaggedText:
    return values.tagged_text(str(loader.construct_scalar(node)), _short_tag(node.tag))


def _construct_set(loader: SpecLoader, node: yaml.MappingNode) -> Iterator[values.TaggedMapping]:
    values.note()
    mapping = values.TaggedMapping()
    yield mapping  # first, so that aliases inside the set can refer to it
    mapping.update(loader.construct_mapping(node))


def _construct_pairs(
    loader: SpecLoader, node: yaml.SequenceNode
) -> Iterator[values.TaggedSequence]:
    values.note()
    pairs = values.TaggedSequence()
    pairs.tag = _short_tag(node.tag)
    yield pairs
    pairs.extend(loader.construct_sequence(node))


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag


SpecLoader.add_constructor(_INT, _construct_int)
SpecLoader.add_constructor(_BOOL, _construct_bool)
# Tags whose Python values (bytes, datetime, set, tuples) JSON has no type for: see values.py.
for _tag in ("binary", "timestamp"):
    SpecLoader.add_constructor(_YAML_TAG + _tag, _construct_tagged_text)
SpecLoader.add_constructor(_YAML_TAG + "set", _construct_set)
for _tag in ("omap", "pairs"):
    SpecLoader.add_constructor(_YAML_TAG + _tag, _construct_pairs)


def load(text: str) -> Any:
    return yaml.load(text, Loader=SpecLoader)
