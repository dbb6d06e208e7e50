"""Annotations normalise to one spelling per type, so that two SDKs compare by meaning."""

from __future__ import annotations

import ast

import pytest
from sdkwright.surface.annotations import (
    is_sentinel_default,
    literal_values,
    normalise,
    omittable,
    union_members,
)


def _expr(text: str) -> ast.expr:
    return ast.parse(text, mode="eval").body


@pytest.mark.parametrize(
    ("annotation", "expected"),
    [
        ("Optional[List[str]]", "list[str] | None"),
        ("typing.Union[int, None]", "int | None"),
        ("None | int", "int | None"),
        ("Union[str, int]", "int | str"),
        ("Dict[str, typing_extensions.Literal['b', 'a']]", 'dict[str, Literal["a", "b"]]'),
        ("Literal['b'] | Literal['a'] | None", 'Literal["a", "b"] | None'),
        ("Annotated[Union[str, datetime.date], PropertyInfo(format='iso8601')]", "date | str"),
        ("Required[Iterable[params_module.Instruction]]", "Iterable[Instruction]"),
        ("datetime.datetime", "datetime"),
        ("'Optional[Account]'", "Account | None"),
        ("str | NotGiven | Omit", "str"),
        ("Literal[True, 1, None]", "Literal[1, None, True]"),
        ("Tuple[int, ...]", "tuple[int, ...]"),
    ],
)
def test_normalise(annotation: str, expected: str) -> None:
    assert normalise(_expr(annotation)) == expected


def test_no_annotation_is_empty_text() -> None:
    assert normalise(None) == ""


def test_sentinels_mark_omittable_parameters() -> None:
    assert omittable(_expr("Optional[bool] | Omit"))
    assert omittable(_expr("Union[int, NotGiven]"))
    assert not omittable(_expr("int | None"))
    assert is_sentinel_default(_expr("omit")) and is_sentinel_default(_expr("NotGiven()"))
    assert not is_sentinel_default(_expr("None"))


def test_union_members_split_literal_values() -> None:
    assert union_members('Literal["a", "b"] | int | None') == [
        'Literal["a"]',
        'Literal["b"]',
        "int",
        "None",
    ]


def test_literal_values_only_of_literals() -> None:
    assert literal_values(_expr("Literal['x'] | Literal['y']")) == ['"x"', '"y"']
    assert literal_values(_expr("Literal['x'] | int")) == []


def test_a_pathologically_nested_annotation_is_reported_not_raised() -> None:
    node: ast.expr = ast.Name("int")
    for _ in range(5000):  # deeper than any parser allows: only a built tree gets here
        node = ast.Subscript(ast.Name("List"), node)
    assert normalise(node) == "<too deeply nested>"
