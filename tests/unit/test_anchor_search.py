"""`load.has_yaml_anchor` answers exactly what searching the whole text with `_YAML_ANCHOR`
answers (it only looks where there is an `&`, which is what makes it fast)."""

from __future__ import annotations

import random

import pytest
from sdkwright.spec.load import _YAML_ANCHOR, has_yaml_anchor

ALPHABET = "& a\n\t[{,:-}]\r\x85x"


def test_it_agrees_with_the_regex_on_random_texts() -> None:
    randomly = random.Random(20261124)
    for _ in range(20000):
        text = "".join(randomly.choice(ALPHABET) for _ in range(randomly.randint(0, 12)))
        assert has_yaml_anchor(text) == (_YAML_ANCHOR.search(text) is not None), repr(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &base {x: 1}\nb: *base\n", True),
        ("&root\n", True),
        ("- &item 1\n", True),
        ("q: a&b\n", False),  # in a plain scalar
        ("url: /x?a=1&b=2\n", False),
        ("", False),
    ],
)
def test_examples(text: str, expected: bool) -> None:
    assert has_yaml_anchor(text) is expected
