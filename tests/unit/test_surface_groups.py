"""The migration report's groups (missing / changed incompatibly / changed compatibly / new) and
categories, one per test, on small hand-built surfaces (the builders of test_surface_compare)."""

from __future__ import annotations

import json
from dataclasses import replace

from sdkwright.migrate.stainless.migration_report import report_console, report_markdown
from sdkwright.surface import compare_surfaces
from sdkwright.surface.groups import blocking, group_counts, groups_to_json
from sdkwright.surface.model import ClientOption, ErrorClass, Field, PageClass, Surface
from sdkwright.surface.report import Report
from test_surface_compare import CLIENT, field, literal, method, model, param, surface

M = f"{CLIENT}.things.get"


def grouped(old: Surface, new: Surface) -> list[tuple[str, str, str]]:
    """(id, group, category) of each change, through the JSON the CLI writes."""
    data = json.loads(groups_to_json(compare_surfaces(old, new)))
    return [(c["id"], c["group"], c["category"]) for c in data["changes"]]


def test_methods_missing_changed_and_new() -> None:
    old = surface(method(param("id", "keyword", required=True)), method(name="list"))
    new = surface(
        method(param("id", "positional", required=True), returns="Other"),
        method(name="create"),
    )
    assert sorted(grouped(old, new)) == [
        (f"method:{CLIENT}.things.create", "new", "methods"),
        (f"method:{CLIENT}.things.list", "missing", "methods"),
        (f"param:{M}(id)", "compatible", "methods"),
        (f"return:{M}", "incompatible", "methods"),
    ]


def test_a_new_required_parameter_is_incompatible_though_new() -> None:
    new = surface(method(param("id", required=True)))
    assert grouped(surface(method()), new) == [(f"param:{M}(id)", "incompatible", "methods")]
    assert grouped(surface(method()), surface(method(param("q")))) == [
        (f"param:{M}(q)", "new", "methods")
    ]


def test_types_and_fields() -> None:
    old = surface(types=(model("Account", field("id"), field("name")), model("Gone")))
    new = surface(types=(model("Account", field("id", "int"), field("email", required=False)),))
    assert sorted(grouped(old, new)) == [
        ("field:acme.types.Account.email", "new", "types"),
        ("field:acme.types.Account.id.type", "incompatible", "types"),
        ("field:acme.types.Account.name", "missing", "types"),
        ("type:acme.types.Gone", "missing", "types"),
    ]


def test_enum_values_by_side() -> None:
    status = literal("Status", "open", "closed")
    takes = surface(method(param("status", type="Status")), types=(status,))
    fewer = surface(method(param("status", type="Status")), types=(literal("Status", "open"),))
    assert grouped(takes, fewer) == [('value:acme.types.Status="closed"', "missing", "enums")]
    returns = surface(method(returns="Status"), types=(status,))
    more = literal("Status", "open", "closed", "held")
    assert grouped(returns, surface(method(returns="Status"), types=(more,))) == [
        ('value:acme.types.Status="held"', "new", "enums")
    ]


def test_error_classes() -> None:
    base = (
        ErrorClass("APIError", "acme", ("AcmeError", "Exception")),
        ErrorClass("AcmeError", "acme", ("Exception",)),
    )
    flatter = (ErrorClass("APIError", "acme", ("Exception",)),)
    assert grouped(surface(errors=base), surface(errors=flatter)) == [
        ("error:acme.AcmeError", "missing", "errors"),
        ("error:acme.APIError", "incompatible", "errors"),
    ]


def test_page_classes() -> None:
    sync = PageClass("SyncCursorPage", "acme.pagination", False, 1)
    asynchronous = PageClass("AsyncCursorPage", "acme.pagination", True, 1)
    assert grouped(surface(pages=(sync,)), surface(pages=(asynchronous,))) == [
        ("page:acme.pagination.SyncCursorPage", "missing", "pagination"),
        ("page:acme.pagination.AsyncCursorPage", "new", "pagination"),
    ]


def test_client_constructor_options() -> None:
    key = ClientOption("api_key", "keyword", "str | None", False, "None", "ACME_API_KEY", True)
    timeout = ClientOption("timeout", "keyword", "float", False, "60")
    retries = ClientOption("max_retries", "keyword", "int", False, "2")
    old = surface(options=(key, timeout))
    new = surface(options=(replace(key, env="ACME_TOKEN"), retries))
    assert sorted(grouped(old, new)) == [
        (f"option:{CLIENT}(api_key).env", "incompatible", "client"),
        (f"option:{CLIENT}(max_retries)", "new", "client"),
        (f"option:{CLIENT}(timeout)", "missing", "client"),
    ]


def test_counts_cover_every_group_and_category() -> None:
    report = compare_surfaces(surface(method(), method(name="list")), surface(method()))
    counts = group_counts(report)
    assert counts["missing"]["methods"] == 1
    assert sum(n for group in counts.values() for n in group.values()) == 1
    assert set(counts) == {"missing", "incompatible", "compatible", "new"}


def test_accepted_ids_unblock_and_are_marked() -> None:
    old = surface(method(), method(name="list"), types=(model("Account", field("id")),))
    new = surface(method(), types=(model("Account", Field("id", "int", True, False)),))
    report = compare_surfaces(old, new)
    ids = {c.id for c in blocking(report)}
    assert ids == {f"method:{CLIENT}.things.list", "field:acme.types.Account.id.type"}
    partly = {f"method:{CLIENT}.things.list"}
    assert [c.id for c in blocking(report, partly)] == ["field:acme.types.Account.id.type"]
    assert blocking(report, ids) == ()
    data = json.loads(groups_to_json(report, ids))
    assert data["compatible"] is True and data["summary"]["accepted"] == 2
    assert json.loads(groups_to_json(report, partly))["compatible"] is False
    text = report_markdown(report, "old-sdk", ids)
    assert "**Compatible**" in text and text.count("(accepted)") == 2
    assert "**Not compatible**: 1 changes" in report_markdown(report, "old-sdk", partly)


def test_the_console_lists_only_what_blocks() -> None:
    report = compare_surfaces(surface(method(), method(name="list")), surface(method(name="list")))
    assert report.changes  # `get` missing
    text = report_console(report, "OUT/MIGRATION-REPORT.md")
    assert f"`method:{CLIENT}.things.get`" in text and "Full report: OUT/" in text
    empty = report_console(Report("a", "b", ()), "R")
    assert "Compatible: nothing is missing" in empty and "Missing:" not in empty
