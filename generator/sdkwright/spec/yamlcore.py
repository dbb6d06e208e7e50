"""The YAML loader for specs: libyaml's CSafeLoader with YAML 1.2's core schema.

PyYAML resolves plain scalars by YAML 1.1's rules, where `on`, `off`, `yes` and `no` are
booleans, `12:30` is the integer 750, `012` is octal and `2020-01-02` is a date. OpenAPI
documents are YAML 1.2 (as the JavaScript tools that render them read them), where all of
those but `012` (twelve) are strings: a string enum `[on, off]` must stay `"on"` and `"off"`.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Iterator
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

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: Any) -> str:
        """The node's tag, as PyYAML's resolver gives it, remembered: libyaml asks for every
        node (175,000 in Stripe's spec, of 11,000 kinds: the same keys and words recur), and
        the answer depends on nothing else (SpecLoader has no path resolvers)."""
        key = (kind, value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            if len(_RESOLVED) < MAX_RESOLVED and (value is None or len(value) <= 64):
                _RESOLVED[key] = tag
        return tag


# Bounded: a spec of a million distinct short words keeps no more than this.
MAX_RESOLVED = 50_000
_RESOLVED: dict[tuple[type[yaml.Node], str | None, Any], str] = {}


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
    """`yaml.load(text, Loader=SpecLoader)`: the same value, the same errors. libyaml
    composes the node tree; PyYAML's constructor, written in Python, then builds the values
    through a generator and a memo per collection, which costs more than composing (0.21 s
    of Stripe's 0.49 s). A plain tree, as specs are, is built here in a fifth of that time;
    anything else (an alias, a merge key, a tag on a collection, a key that is not a scalar,
    nesting deeper than real specs do) leaves the whole tree to PyYAML's constructor."""
    loader = SpecLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _plain_value(loader, node)
        except (_NotPlain, TypeError):  # TypeError: a key that cannot be one (PyYAML says so)
            return loader.construct_document(node)
    finally:
        loader.dispose()


class _NotPlain(Exception):
    """The tree holds something only PyYAML's constructor builds as it should."""


_STR, _MAP, _SEQ = _YAML_TAG + "str", _YAML_TAG + "map", _YAML_TAG + "seq"
_SPECIAL_KEYS = frozenset({_YAML_TAG + "merge", _YAML_TAG + "value"})  # `<<` and `=`
_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode
# Deeper trees go to PyYAML's constructor, whose recursion gives up where it always did
# (Stripe's spec is 40 levels deep; a hostile one of 400 must fail as before).
_PLAIN_DEPTH = 100


def _plain_value(loader: SpecLoader, root: yaml.Node) -> Any:
    """The value of a tree of plain mappings, sequences and scalars, each scalar built by
    the loader's own constructor for its tag (a string is the node's text, as
    `construct_yaml_str` gives it); _NotPlain for anything else."""
    return _value(root, 1, loader, _scalar_constructors(), set())


def _value(
    node: yaml.Node,
    depth: int,
    loader: SpecLoader,
    constructors: dict[str, Callable[..., Any]],
    seen: set[int],
) -> Any:
    # A function of its arguments, not a closure: a closure calling itself is a reference
    # cycle, which keeps the loader (and its text) alive while the collector is off.
    kind = type(node)
    if kind is _SCALAR:
        tag = node.tag
        if tag == _STR:
            return node.value
        construct = constructors.get(tag)
        if construct is None:
            raise _NotPlain
        return construct(loader, node)
    if id(node) in seen or depth > _PLAIN_DEPTH:  # seen: an alias, whose values are shared
        raise _NotPlain
    seen.add(id(node))
    if kind is _MAPPING and node.tag == _MAP:
        mapping = {}
        for key, item in node.value:
            if type(key) is not _SCALAR or key.tag in _SPECIAL_KEYS:
                raise _NotPlain
            # A repeated key: the later value wins.
            mapping[_value(key, depth, loader, constructors, seen)] = _value(
                item, depth + 1, loader, constructors, seen
            )
        return mapping
    if kind is _SEQUENCE and node.tag == _SEQ:
        return [_value(item, depth + 1, loader, constructors, seen) for item in node.value]
    raise _NotPlain


@functools.cache
def _scalar_constructors() -> dict[str, Callable[..., Any]]:
    """SpecLoader's constructors that build a value at once: those that are generators
    (collections, built in two steps) are left to PyYAML's constructor."""
    return {
        tag: construct
        for tag, construct in SpecLoader.yaml_constructors.items()
        if tag is not None and not inspect.isgeneratorfunction(construct)
    }
