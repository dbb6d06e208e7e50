"""Package and client names from a spec's `info.title` (`defaults.names_from_title`)."""

from __future__ import annotations

import pytest
from sdkwright import defaults
from sdkwright.targets.python import naming


@pytest.mark.parametrize(
    ("title", "package", "client"),
    [
        ("Clear Street Trading API", "clear_street_trading", "ClearStreetTrading"),
        ("Acme REST API", "acme", "Acme"),
        ("Billing Service", "billing", "Billing"),
        ("Kitchen Sink API", "kitchen_sink", "KitchenSink"),
        ("Swagger Petstore - OpenAPI 3.0", "swagger_petstore", "SwaggerPetstore"),
        ("Payments API (beta)", "payments", "Payments"),
        ("OpenAI API", "open_ai", "OpenAI"),  # the title's own capitals stay in the class
        ("GitHub v3 REST API", "github_v3", "GitHubV3"),
        ("Class", "class_", "Class"),  # a keyword gets the usual underscore
    ],
)
def test_the_title_names_the_package_and_client(title: str, package: str, client: str) -> None:
    assert defaults.names_from_title(title, "specs/whatever-1.yaml") == (package, client)


def test_the_env_prefix_follows_the_titled_client() -> None:
    _, client = defaults.names_from_title(
        "Clear Street Trading API", "clearstreet-trading-3.1.json"
    )
    assert naming.env_prefix(client) == "CLEAR_STREET_TRADING"


@pytest.mark.parametrize("title", ["", "API", "REST API", "日本 API", "  -  "])
def test_a_title_that_gives_no_name_falls_back_to_the_file_name(title: str) -> None:
    assert defaults.names_from_title(title, "specs/acme-api.yaml") == ("acme_api", "AcmeApi")


def test_kept_options_override_nothing_given_and_yield_to_flags() -> None:
    kept = {"package": "acme", "client_name": "Acme", "flavour": "requests", "formatter": "black"}
    given: dict[str, str | None] = {"package": "other", "client_name": None, "formatter": None}
    found = defaults.resolve_flags(given, kept)
    assert found == {**kept, "package": "other"}
    assert defaults.differing_flags(given, kept) == ["--package 'other' (generated with 'acme')"]


def test_a_kept_flavours_options_do_not_follow_another_flavour() -> None:
    kept = {"flavour": "datamodel-code-generator", "flavour_options": '{"a": "b"}'}
    assert "flavour_options" not in defaults.resolve_flags({"flavour": "httpx"}, kept)
    assert defaults.resolve_flags({"flavour": "datamodel-code-generator"}, kept) == kept
