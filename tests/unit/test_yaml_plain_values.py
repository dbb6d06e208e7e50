"""`yamlcore.load` builds plain trees itself and leaves anything else to PyYAML's constructor:
either way the value (types, order, sharing) and the errors are `yaml.load`'s with
SpecLoader, on every YAML spec of the corpus, on hand-made edge cases and on generated
documents."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import SHARED_SPECS, SPECS, needs_shared_specs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sdkwright.spec import yamlcore
from sdkwright.spec.yamlcore import SpecLoader


def pyyaml(text: str) -> Any:
    return yaml.load(text, Loader=SpecLoader)


def same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (1 == True == 1.0 in Python), keys in
    the same order; NaN equals NaN."""
    if type(a) is not type(b) or getattr(a, "tag", None) != getattr(b, "tag", None):
        return False
    if isinstance(a, dict):
        return len(a) == len(b) and all(
            same(ka, kb) and same(va, vb)
            for (ka, va), (kb, vb) in zip(a.items(), b.items(), strict=True)
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def yaml_files() -> list[Path]:
    found = [p for root in (SHARED_SPECS, SPECS) for p in root.rglob("*.y*ml")]
    return sorted(p for p in found if p.suffix in (".yaml", ".yml"))


@needs_shared_specs
def test_every_yaml_spec_reads_the_same() -> None:
    files = yaml_files()
    assert len(files) > 100  # the corpus's specs, DigitalOcean's 2,907 files among them
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        try:
            expected = pyyaml(text)
        except yaml.YAMLError as error:
            with pytest.raises(type(error)) as raised:
                yamlcore.load(text)
            assert str(raised.value) == str(error), path
            continue
        assert same(yamlcore.load(text), expected), path


SCALARS = """\
text: plain
quoted: "12"
single: '0x1F'
int: 12
negative: -7
octal: 0o17
hex: 0x1F
leading_zero: 012
underscored: 1_000
huge: 123456789012345678901234567890123456789
float: 1.5
exponent: 6.02e23
infinite: -.inf
not_a_number: .nan
bools: [true, True, FALSE, yes, no, on, off]
nulls: [null, Null, ~, ]
empty:
date: 2020-01-02
time: 12:30
binary: !!binary aGVsbG8=
stamp: !!timestamp 2001-12-14t21:59:43.10-05:00
forced_str: !!str 12
forced_int: !!int "12"
forced_float: !!float 1
200: {description: ok}
true: a boolean key
~: a null key
1.5: a float key
block: |
  two
  lines
folded: >-
  one
  line
"""


@pytest.mark.parametrize(
    "text",
    [
        SCALARS,
        "",
        "# only a comment\n",
        "just a scalar\n",
        "- a\n- [b, {c: d}]\n- {}\n- []\n",
        "a: 1\na: 2\nb: 3\n",  # a repeated key: the later value wins
        "{a: [1, 2, {b: c}], 'd': \"e\"}\n",
        "%YAML 1.2\n---\na: b\n...\n",
        "base: &base {a: 1, b: 2}\nmerged:\n  <<: *base\n  b: 3\n",  # a merge key
        "=: value key\n",
        "a: !!set {x, y}\nb: !!omap [{x: 1}, {y: 2}]\nc: !!pairs [{x: 1}, {x: 2}]\n",
        "a: !custom value\n",  # an unknown tag: PyYAML's error
        "a: !!map scalar\n",  # a collection's tag on a scalar: PyYAML's error
        "? [a, b]\n: unhashable key\n",
        "? {a: b}\n: unhashable key\n",
        "a: 1\n---\nb: 2\n",  # two documents
        "a: [1, 2\n",  # a flow sequence left open
        "a: b\n c: d\n",
        "\ufeffa: b\r\nc: d\r\n",
    ],
)
def test_edge_cases_read_the_same(text: str) -> None:
    try:
        expected = pyyaml(text)
    except yaml.YAMLError as error:
        with pytest.raises(type(error)) as raised:
            yamlcore.load(text)
        assert str(raised.value) == str(error)
        return
    assert same(yamlcore.load(text), expected)


def test_aliases_share_values_as_pyyaml_shares_them() -> None:
    text = "a: &shared {k: [1, 2]}\nb: *shared\nc: &items [x, y]\nd: [*items, *items]\n"
    value = yamlcore.load(text)
    assert same(value, pyyaml(text))
    assert value["a"] is value["b"] and value["d"][0] is value["d"][1] is value["c"]


def test_a_recursive_alias_reads_as_pyyaml_reads_it() -> None:
    value = yamlcore.load("a: &loop [1, *loop]\n")
    assert value["a"][1] is value["a"]  # the list contains itself, as PyYAML builds it


@pytest.mark.parametrize("depth", [90, 101, 400, 990])
def test_deep_nesting_reads_as_pyyaml_reads_it(depth: int) -> None:
    """Past 100 levels the tree is left to PyYAML's constructor, which builds collections
    without recursing (libyaml stops at 1,000 levels): whatever it does there stays."""
    text = "[" * depth + "]" * depth
    expected, value, levels = pyyaml(text), yamlcore.load(text), 1
    while expected:  # nested lists, compared a level at a time (== would recurse too deep)
        assert type(value) is list and len(value) == len(expected) == 1
        value, expected, levels = value[0], expected[0], levels + 1
    assert value == [] and levels == depth


# Generated documents: JSON-like trees with the scalars YAML reads in more than one way,
# written by PyYAML's dumper in block and flow style, some with shared (anchored) parts.
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["on", "off", "yes", "012", "0o7", "0x1f", "1_0", "12:30", "~", ".inf"]),
)
_keys = st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.none())
_trees = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=4)),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=_trees, flow=st.sampled_from([None, True, False]), shared=st.booleans())
def test_generated_documents_read_the_same(tree: Any, flow: bool | None, shared: bool) -> None:
    document = {"first": tree, "second": tree if shared else None}  # shared: an anchor
    text = yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True)
    expected = pyyaml(text)
    value = yamlcore.load(text)
    assert same(value, expected)
    if shared and isinstance(tree, (dict, list)):
        assert (value["first"] is value["second"]) == (expected["first"] is expected["second"])


def test_plain_trees_are_built_without_pyyamls_constructor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The point of it: a spec-like tree never reaches PyYAML's constructor; an alias does."""
    called: list[int] = []

    def construct_document(self: SpecLoader, node: yaml.Node) -> Any:
        called.append(1)
        return yaml.constructor.BaseConstructor.construct_document(self, node)

    monkeypatch.setattr(SpecLoader, "construct_document", construct_document)
    assert same(yamlcore.load(SCALARS), pyyaml(SCALARS)) and called == [1]  # pyyaml() only
    called.clear()
    yamlcore.load("a: &x [1]\nb: *x\n")
    assert called == [1]


def test_loading_leaves_nothing_for_the_cyclic_collector() -> None:
    """A run keeps the collector off (`sdkwright.heap`): a reference cycle per load (a
    closure calling itself holds the loader and its text) would stay until the run ends."""
    import gc

    yamlcore.load(SCALARS)
    gc.collect()
    gc.disable()
    try:
        for _ in range(20):
            yamlcore.load(SCALARS)
            yamlcore.load("a: &x [1]\nb: *x\n")  # PyYAML's constructor too
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_remembered_tags_are_the_resolvers_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    """SpecLoader remembers each node's tag: the same, asked once or again, as the resolver
    gives it; long values are not kept, and no more than MAX_RESOLVED are."""
    monkeypatch.setattr(yamlcore, "_RESOLVED", {})
    monkeypatch.setattr(yamlcore, "MAX_RESOLVED", 40)
    loader = SpecLoader("")
    words = [*SCALARS.replace(":", " ").replace("[", " ").replace(",", " ").split(), ""]
    words += ["on", "012", "0o7", "1e3", ".NaN", "-.inf", "x" * 65, "null", "~"]
    kinds = [yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode]
    asked: list[tuple[type[yaml.Node], str | None, Any]] = [
        (yaml.ScalarNode, word, implicit)
        for word in words
        for implicit in [(True, False), (False, True), (False, False)]
    ]
    asked += [(kind, None, implicit) for kind in kinds[1:] for implicit in (True, False)]
    for _ in range(2):  # asked, then remembered
        for kind, word, implicit in asked:
            expected = yaml.resolver.BaseResolver.resolve(loader, kind, word, implicit)
            assert loader.resolve(kind, word, implicit) == expected, (kind, word)
    assert 0 < len(yamlcore._RESOLVED) <= 40
    assert all(value is None or len(value) <= 64 for _, value, _ in yamlcore._RESOLVED)
