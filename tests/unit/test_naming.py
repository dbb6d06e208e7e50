"""sdkwright.targets.python.naming: spec text -> Python identifiers, enum members and unique class names."""

from __future__ import annotations

import keyword
import re

import pytest
from sdkwright.targets.python import naming
from sdkwright.targets.python.naming import NameRegistry


def is_safe_identifier(name: str) -> bool:
    return name.isascii() and name.isidentifier() and not keyword.iskeyword(name)


# -- case conversion -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "snake", "pascal", "screaming"),
    [
        ("createdAt", "created_at", "CreatedAt", "CREATED_AT"),
        ("created-at", "created_at", "CreatedAt", "CREATED_AT"),
        ("created_at", "created_at", "CreatedAt", "CREATED_AT"),
        ("Created at", "created_at", "CreatedAt", "CREATED_AT"),
        ("  spaced  out words ", "spaced_out_words", "SpacedOutWords", "SPACED_OUT_WORDS"),
        (
            "x-rate-limit-remaining",
            "x_rate_limit_remaining",
            "XRateLimitRemaining",
            "X_RATE_LIMIT_REMAINING",
        ),
        ("HTTPServer", "http_server", "HTTPServer", "HTTP_SERVER"),
        (
            "getHTTPResponseCode",
            "get_http_response_code",
            "GetHTTPResponseCode",
            "GET_HTTP_RESPONSE_CODE",
        ),
        ("userID", "user_id", "UserID", "USER_ID"),
        ("APIKey", "api_key", "APIKey", "API_KEY"),
        ("XMLHttpRequest", "xml_http_request", "XMLHttpRequest", "XML_HTTP_REQUEST"),
    ],
)
def test_case_conversions(text: str, snake: str, pascal: str, screaming: str) -> None:
    assert naming.snake(text) == snake
    assert naming.pascal(text) == pascal
    assert naming.screaming(text) == screaming


def test_env_prefix_splits_pascal_case_words() -> None:
    assert naming.env_prefix("ClearStreet") == "CLEAR_STREET"
    assert naming.env_prefix("Acme") == "ACME"


# -- identifiers ---------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["class", "import", "from", "return", "lambda", "async", "await"])
def test_keywords_get_a_trailing_underscore(word: str) -> None:
    assert naming.field_name(word) == word + "_"
    assert naming.parameter_name(word) == word + "_"
    assert naming.method_name(word) == word + "_"


@pytest.mark.parametrize("word", sorted({*keyword.softkwlist, "match", "case", "type"} - {"_"}))
def test_soft_keywords_get_a_trailing_underscore(word: str) -> None:
    assert naming.field_name(word) == word + "_"
    assert naming.parameter_name(word) == word + "_"


@pytest.mark.parametrize(
    ("text", "expected"), [("None", "None_"), ("true", "True_"), ("false", "False_")]
)
def test_class_names_that_are_keywords_are_escaped(text: str, expected: str) -> None:
    assert naming.class_name(text) == expected


def test_leading_digits_are_spelled_out() -> None:
    assert naming.field_name("2fa_enabled") == "two_fa_enabled"
    assert naming.class_name("2fa") == "TwoFa"
    assert naming.method_name("3ds_check") == "three_ds_check"


def test_github_reaction_names_are_distinct_and_safe() -> None:
    plus, minus = naming.field_name("+1"), naming.field_name("-1")
    assert (plus, minus) == ("plus_1", "minus_1")
    assert naming.class_name("+1") == "Plus1"


def test_dashes_become_underscores() -> None:
    assert naming.field_name("created-by") == "created_by"
    assert naming.parameter_name("X-Request-Id") == "x_request_id"


def test_a_leading_symbol_is_spelled_out() -> None:
    assert naming.field_name("$ref") == "dollar_ref"
    assert naming.field_name("@type") == "at_type"


@pytest.mark.parametrize("text", ["", "   ", "_", "__", "日本語", "🙂"])
def test_names_without_usable_characters_fall_back(text: str) -> None:
    assert naming.field_name(text) == "field"
    assert naming.parameter_name(text) == "param"
    assert naming.method_name(text) == "call"
    assert naming.class_name(text) == "Model"
    assert naming.module_name(naming.class_name(text)) == "model"


@pytest.mark.parametrize("text", ["café", "naïve_name", "Ärger", "ﬁle_size", "größe", "µs"])
def test_non_ascii_names_become_ascii_identifiers(text: str) -> None:
    for name in (naming.field_name(text), naming.class_name(text), naming.method_name(text)):
        assert is_safe_identifier(name), name


def test_accented_letters_are_transliterated() -> None:
    assert naming.field_name("café") == "cafe"
    assert naming.field_name("naïve_name") == "naive_name"


@pytest.mark.parametrize(
    "word", ["json", "schema", "copy", "dict", "validate", "construct", "fields"]
)
def test_field_names_do_not_shadow_base_model_attributes(word: str) -> None:
    assert naming.field_name(word) == word + "_"


def test_field_names_do_not_shadow_any_pydantic_attribute() -> None:
    pydantic = pytest.importorskip("pydantic")
    public = [a for a in dir(pydantic.BaseModel) if not a.startswith("_")]
    assert [a for a in public if naming.field_name(a) == a] == []


def test_python_identifier_respects_extra_reserved_names() -> None:
    assert naming.python_identifier("timeout", "param", {"timeout", "timeout_"}) == "timeout__"
    assert naming.python_identifier("not valid", "param") == "param"
    assert naming.python_identifier("é", "param") == "param"


# -- enum members --------------------------------------------------------------------------


def test_enum_member_names_for_awkward_values() -> None:
    names = naming.unique_member_names(["in-progress", "2nd-attempt", "", "done"])
    assert names[0] == "IN_PROGRESS"
    assert names[1].startswith("VALUE_") and names[1].endswith("ATTEMPT")
    assert names[2] == "EMPTY"
    assert names[3] == "DONE"
    assert all(is_safe_identifier(n) for n in names)


def test_integer_enum_member_names() -> None:
    assert naming.unique_member_names([0, 1, -1, 404]) == [
        "VALUE_0",
        "VALUE_1",
        "VALUE_MINUS_1",
        "VALUE_404",
    ]


@pytest.mark.parametrize(
    "values",
    [
        ["a-b", "a_b"],
        ["a_b", "a-b"],
        ["a-b", "a.b", "a b", "a_b", "A-B"],
        ["ok", "OK", "Ok"],
        ["true", True, "TRUE"],
        ["+1", "-1", "1"],
    ],
)
def test_colliding_enum_values_get_distinct_unnumbered_names(values: list[object]) -> None:
    names = naming.unique_member_names(values)
    assert len(set(names)) == len(values)
    assert all(is_safe_identifier(n) for n in names)
    assert all(n == n.upper() for n in names)
    for value, name in zip(values, names, strict=True):
        if not re.search(r"\d$", str(value)):
            assert not name[-1].isdigit(), (value, name)


def test_spelled_symbols_disambiguate_a_dash() -> None:
    assert naming.unique_member_names(["a_b", "a-b"]) == ["A_B", "A_DASH_B"]


def test_dash_is_spelled_out_whatever_the_order() -> None:
    assert naming.unique_member_names(["a-b", "a_b"]) == ["A_DASH_B", "A_B"]


@pytest.mark.parametrize(
    "value", ["class", "None", "_missing_", "__init__", "mro", "name", "value"]
)
def test_enum_member_names_are_never_keywords_or_sunder_names(value: str) -> None:
    name = naming.enum_member_name(value)
    assert is_safe_identifier(name)
    assert not name.startswith("_")


# -- NameRegistry --------------------------------------------------------------------------


def test_registry_gives_the_first_free_candidate() -> None:
    names = NameRegistry()
    assert names.claim(["Pet", "PetSchema"], "a") == ("Pet", False)
    assert names.claim(["Pet", "PetSchema"], "b") == ("PetSchema", True)
    assert names.owner("Pet") == "a"
    assert names.owner("PetSchema") == "b"


def test_registry_collisions_are_case_insensitive() -> None:
    names = NameRegistry()
    names.claim(["Pet"], "a")
    assert names.claim(["PET", "Pets"], "b") == ("Pets", True)


def test_registry_reserved_names_are_never_handed_out() -> None:
    names = NameRegistry({"Client", "BaseModel"})
    assert names.claim(["client", "ClientModel"], "a") == ("ClientModel", True)
    assert names.owner("Client") == "<reserved>"


def test_registry_adds_words_not_numbers_when_every_candidate_is_taken() -> None:
    names = NameRegistry()
    names.claim(["Pet"], "a")
    names.claim(["PetSchema"], "b")
    first, moved = names.claim(["Pet", "PetSchema"], "c")
    second, _ = names.claim(["Pet", "PetSchema"], "d")
    assert moved
    assert len({first.lower(), second.lower(), "pet", "petschema"}) == 4
    assert not first[-1].isdigit() and not second[-1].isdigit()
