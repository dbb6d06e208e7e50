"""The Stainless surface's input annotations (`input_types.py`) and its optional arguments'
conditions: each rule on its own, with the types that tell them apart."""

from __future__ import annotations

from sdkwright.ir.nodes import (
    Alias,
    Enum,
    EnumMember,
    Field,
    ListOf,
    LiteralOf,
    MapOf,
    Named,
    Nullable,
    Operation,
    Parameter,
    Primitive,
    Response,
    TypeRef,
    UnionOf,
)
from sdkwright.targets.python.input_types import input_annotation, is_base64, names_used
from sdkwright.targets.python.views.definitions import key_annotation
from sdkwright.targets.python.views.methods import method_context

TEXT, NUMBER = Primitive("str"), Primitive("float")
DEFINITIONS = {
    "Ticker": Alias("Ticker", "ticker", "", TEXT, ""),
    "Status": Alias("Status", "status", "", LiteralOf(("A", "B")), ""),
    "Color": Enum("Color", "color", "", (EnumMember("RED", "red"),), "str", ""),
}


def test_arrays_are_sequence_not_str_list_or_iterable_by_their_items() -> None:
    def array(item: TypeRef) -> str:
        return input_annotation(ListOf(item), DEFINITIONS)

    assert array(TEXT) == "SequenceNotStr[str]"
    assert array(Named("Ticker", "alias")) == "SequenceNotStr[Ticker]"  # an alias of text
    assert array(UnionOf((NUMBER, TEXT))) == "SequenceNotStr[float | str]"  # may be text
    assert array(Named("Status", "alias")) == "list[Status]"  # enum values
    assert array(Named("Color", "enum")) == "list[Color]"
    assert array(LiteralOf(("x",))) == 'list[Literal["x"]]'
    assert array(Primitive("int")) == "Iterable[int]"
    assert array(Named("Item", "model")) == "Iterable[Item]"
    assert array(ListOf(Primitive("int"))) == "Iterable[Iterable[int]]"
    assert input_annotation(Nullable(ListOf(TEXT)), DEFINITIONS) == "SequenceNotStr[str] | None"
    assert input_annotation(MapOf(ListOf(TEXT)), DEFINITIONS) == "dict[str, SequenceNotStr[str]]"


def test_a_byte_string_takes_a_file_and_the_names_used_are_imported() -> None:
    byte = Primitive("str", "byte")
    assert input_annotation(byte, DEFINITIONS) == "str | Base64FileInput"
    assert is_base64(Nullable(byte)) and not is_base64(TEXT)
    abc, runtime = names_used(["Iterable[int]", "str | Base64FileInput", "SequenceNotStr[str]"])
    assert (abc, runtime) == ({"Iterable"}, {"Base64FileInput", "SequenceNotStr"})
    assert names_used(["MyIterable", "list[str]"]) == (set(), set())


def test_optional_arguments_default_to_omit_and_warn_only_when_given() -> None:
    deprecated = Parameter("old", "old", "query", TEXT, False, deprecated=True)
    success = Response("200", "ok", "empty", None)
    op = Operation(
        operation_id="listThings",
        method_name="list_things",
        http_method="GET",
        path="/things",
        summary="",
        description="",
        deprecated=False,
        parameters=(deprecated,),
        body=None,
        responses=(success,),
        success=success,
        example_is_synthesised=False,
        authenticated=False,
        source="#/paths/~1things/get",
    )
    stainless = method_context(op, DEFINITIONS, stainless=True)
    (argument,) = stainless.arguments
    assert (argument.annotation, argument.default) == ("str | Omit", "omit")
    assert stainless.deprecated_arguments == (("old", "not isinstance(old, NotGiven)"),)
    plain = method_context(op, DEFINITIONS)
    assert (plain.arguments[0].annotation, plain.arguments[0].default) == ("str | None", "None")
    assert plain.deprecated_arguments == (("old", "old is not None"),)


def test_a_key_named_apart_from_its_wire_name_says_the_wire_name_as_stainless_does() -> None:
    renamed = Field("from_", "from", Primitive("str"), False)
    same = Field("to", "to", Primitive("str"), False)
    annotation = key_annotation(renamed, {})
    assert annotation == 'Annotated[str, WireName(alias="from")]'
    assert names_used([annotation]) == (set(), {"WireName"})
    assert key_annotation(same, {}) == "str"
    # Only the Stainless surface's inputs (typed with the definitions) say it.
    assert key_annotation(renamed, None) == "str"
