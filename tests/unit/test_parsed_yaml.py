"""The entry-by-entry YAML parse cache gives exactly what one whole parse gives.

When the text cannot be cut safely it falls back to the whole parse, so the values must be
equal for every layout; real specs (Stripe's 4 MB) are compared when ../shared/specs is here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import SHARED_SPECS, SPECS, needs_shared_specs
from sdkwright.cache import parsed_yaml

SAMPLE = """\
# a comment before the first key
openapi: 3.0.0
info:
  title: Sample
  description: |
    A block scalar.

    With a blank line and
    more text.
paths:
# a comment at a lower indentation
  /a:
    get:
      responses:
        "200": {description: ok}
  '/b: quoted':
    get:
      parameters:
      - name: x
        in: query
      responses:
        200:
          description: >-
            folded
            text
tags:
- name: a
- name: b
components:
  schemas:
    A: {type: object}
    B:
      type: string
      enum: [x, y]
    C:
      type: object
      properties:
        when: {type: string, example: !!timestamp 2020-01-01}
paths:
  /c: {}
"""


def whole(text: str) -> Any:
    return yaml.load(text, Loader=parsed_yaml.SpecLoader)


@pytest.fixture(autouse=True)
def small_texts_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut even small texts, so the samples exercise the cutting."""
    monkeypatch.setattr(parsed_yaml, "MIN_TEXT_CHARS", 0)
    monkeypatch.setattr(parsed_yaml, "MIN_SPLIT_CHARS", 0)


def test_the_sample_is_cut_and_equal_cold_and_warm(tmp_path: Path) -> None:
    blocks = parsed_yaml.split(SAMPLE, 0, len(SAMPLE), 0, 0)
    assert len(blocks) == 6 and blocks[2].children is not None  # paths, cut into /a and /b
    path = tmp_path / "sample.yaml"
    assert parsed_yaml.load_yaml(SAMPLE, path) == whole(SAMPLE)
    assert parsed_yaml.load_yaml(SAMPLE, path) == whole(SAMPLE)  # from the cache this time
    assert list(parsed_yaml.load_yaml(SAMPLE, path)) == [
        "openapi",
        "info",
        "paths",
        "tags",
        "components",
    ]


def test_an_edit_reparses_only_its_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sample.yaml"
    parsed_yaml.load_yaml(SAMPLE, path)
    edited = SAMPLE.replace("enum: [x, y]", "enum: [x, y, z]")
    expected = whole(edited)
    parsed: list[str] = []
    real_load = parsed_yaml.yamlcore.load

    def counting_load(text: str) -> Any:
        parsed.append(text)
        return real_load(text)

    monkeypatch.setattr(parsed_yaml.yamlcore, "load", counting_load)
    assert parsed_yaml.load_yaml(edited, path) == expected
    assert parsed == [
        "B:\n  type: string\n  enum: [x, y, z]\n",
        # A date (YAML 1.2 makes one only when tagged) is not a marshal value: the entry
        # holding one is parsed every time.
        "C:\n  type: object\n  properties:\n    when: {type: string, example: !!timestamp 2020-01-01}\n",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a: &anchor {x: 1}\nb: *anchor\n",  # an alias across entries
        "a: {x: 1,\ny: 2}\nb: 1\n",  # a flow mapping continued at the key's indentation
        "---\na: 1\nb: 2\n",  # a document marker
        "a: 1\n? b\n: 2\n",  # a complex key
        "a: 1\nb: 2\n",  # plain
        "a: 1\r\nb:\r\n  c: 2\r\n",  # CRLF
        "a: 1\na: 2\n",  # a repeated key: the later value wins
        "- 1\n- 2\n",  # not a mapping at all
        "a: |+\n  kept\n\nb: |-\n  stripped\nc: |\n  clipped",  # chomping, no final break
        "a:\n  b: |\n    x\n\n  c: 1\n",  # a block scalar ending a nested entry
    ],
)
def test_awkward_layouts_give_the_whole_parse(text: str, tmp_path: Path) -> None:
    assert parsed_yaml.load_yaml(text, tmp_path / "awkward.yaml") == whole(text)


def test_syntax_errors_are_the_whole_parse_errors(tmp_path: Path) -> None:
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        parsed_yaml.load_yaml("a: 1\nb: [unclosed\n", tmp_path / "broken.yaml")
    assert raised.value.problem_mark is not None and raised.value.problem_mark.line == 2


@pytest.mark.parametrize("name", ["clearstreet.yaml", "kitchensink.yaml"])
def test_the_shipped_specs(name: str, tmp_path: Path) -> None:
    text = (SPECS / name).read_text()
    assert parsed_yaml.load_yaml(text, tmp_path / name) == whole(text)


@needs_shared_specs
def test_stripe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # Stripe's real sizes: the thresholds as shipped
    text = (SHARED_SPECS / "stripe-spec3.yaml").read_text()
    expected = whole(text)
    assert len(parsed_yaml.split(text, 0, len(text), 0, 0)) == 6  # cut, not a fallback
    assert parsed_yaml.load_yaml(text, tmp_path / "stripe.yaml") == expected
    assert parsed_yaml.load_yaml(text, tmp_path / "stripe.yaml") == expected
