"""The comparator's classification rules, one per test, on small hand-built surfaces."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from sdkwright.surface import (
    compare_surfaces,
    has_incompatible,
    load_accepted,
    report_to_json,
    report_to_markdown,
)
from sdkwright.surface.model import (
    Client,
    ClientOption,
    ErrorClass,
    Export,
    Field,
    Method,
    PageClass,
    Param,
    Resource,
    Surface,
    TypeDef,
)
from sdkwright.surface.report import Change, Report

CLIENT = "Acme"


def param(name: str, kind: str = "keyword", type: str = "str", required: bool = False) -> Param:
    return Param(name, kind, type, required, None if required else "omitted")


def method(
    *params: Param, name: str = "get", returns: str = "Thing", path: str = "/things/{id}"
) -> Method:
    return Method(name, params, returns, False, "GET", path)


def surface(
    *methods: Method,
    path: str = "things",
    types: tuple[TypeDef, ...] = (),
    options: tuple[ClientOption, ...] = (),
    raw: bool = True,
    errors: tuple[ErrorClass, ...] = (),
    pages: tuple[PageClass, ...] = (),
    exports: tuple[Export, ...] = (),
) -> Surface:
    parts = path.split(".")
    node = Resource(parts[-1], path, "Things", tuple(methods), (), raw, raw)
    for depth in range(len(parts) - 1, 0, -1):
        node = Resource(parts[depth - 1], ".".join(parts[:depth]), "Node", (), (node,))
    root = Resource("", "", CLIENT, (), (node,))
    client = Client(CLIENT, "acme._client", False, options, root)
    return Surface("acme", (client,), exports, types, errors, pages)


def model(name: str, *fields: Field, kind: str = "model", module: str = "acme.types") -> TypeDef:
    return TypeDef(name, module, kind, f"{module}.{name.lower()}", fields=fields)


def literal(name: str, *values: str, module: str = "acme.types") -> TypeDef:
    return TypeDef(name, module, "literal", f"{module}.x", values=tuple(f'"{v}"' for v in values))


def field(name: str, type: str = "str", required: bool = True) -> Field:
    return Field(name, type, required, "None" in type)


def changes(old: Surface, new: Surface) -> list[tuple[str, str, str]]:
    """(id, status, severity) of each change."""
    return [(c.id, c.status, c.severity) for c in compare_surfaces(old, new).changes]


M = f"{CLIENT}.things.get"


def test_identical_surfaces_have_no_changes() -> None:
    old = surface(method(param("id", "positional", required=True)))
    report = compare_surfaces(old, old)
    assert report.changes == () and not has_incompatible(report)


def test_a_removed_method_is_missing_and_breaking() -> None:
    old = surface(method(), method(name="list"))
    assert changes(old, surface(method())) == [
        (f"method:{CLIENT}.things.list", "missing", "breaking")
    ]


def test_a_new_method_is_compatible() -> None:
    report = compare_surfaces(surface(method()), surface(method(), method(name="list")))
    assert [(c.status, c.severity) for c in report.changes] == [("new", "compatible")]
    assert not has_incompatible(report)


def test_a_new_optional_parameter_is_compatible() -> None:
    assert changes(surface(method()), surface(method(param("limit", type="int")))) == [
        (f"param:{M}(limit)", "new", "compatible")
    ]


def test_a_new_required_parameter_is_breaking() -> None:
    assert changes(
        surface(method()), surface(method(param("limit", type="int", required=True)))
    ) == [(f"param:{M}(limit)", "new", "breaking")]


def test_a_removed_parameter_is_breaking() -> None:
    assert changes(surface(method(param("limit", type="int"))), surface(method())) == [
        (f"param:{M}(limit)", "missing", "breaking")
    ]


def test_a_renamed_keyword_is_one_breaking_entry() -> None:
    old = surface(method(param("account", type="int", required=True)))
    new = surface(method(param("account_id", type="int", required=True)))
    report = compare_surfaces(old, new)
    assert [(c.id, c.status, c.severity) for c in report.changes] == [
        (f"param:{M}(account)", "missing", "breaking")
    ]
    assert report.changes[0].detail == "renamed to `account_id`"


def test_positional_to_keyword_only_is_breaking() -> None:
    old = surface(method(param("id", "positional", required=True)))
    new = surface(method(param("id", "keyword", required=True)))
    assert changes(old, new) == [(f"param:{M}(id)", "changed", "breaking")]


def test_keyword_to_positional_is_compatible() -> None:
    old = surface(method(param("id", "keyword", required=True)))
    new = surface(method(param("id", "positional", required=True)))
    assert changes(old, new) == [(f"param:{M}(id)", "changed", "compatible")]


def test_reordered_positional_parameters_are_breaking() -> None:
    a, b = param("a", "positional", required=True), param("b", "positional", required=True)
    assert changes(surface(method(a, b)), surface(method(b, a))) == [
        (f"param:{M}(a).position", "changed", "breaking"),
        (f"param:{M}(b).position", "changed", "breaking"),
    ]


def test_optional_to_required_is_breaking_and_back_is_compatible() -> None:
    optional, required = surface(method(param("q"))), surface(method(param("q", required=True)))
    assert (f"param:{M}(q).required", "changed", "breaking") in changes(optional, required)
    assert (f"param:{M}(q).required", "changed", "compatible") in changes(required, optional)


def test_a_narrower_parameter_type_is_breaking_a_wider_one_compatible() -> None:
    wide, narrow = (
        surface(method(param("q", type="int | str"))),
        surface(method(param("q", type="int"))),
    )
    assert changes(wide, narrow) == [(f"param:{M}(q).type", "changed", "breaking")]
    assert changes(narrow, wide) == [(f"param:{M}(q).type", "changed", "compatible")]
    as_list = surface(method(param("q", type="list[Item]")))
    as_iterable = surface(method(param("q", type="Iterable[Item]")))
    assert changes(as_list, as_iterable) == [(f"param:{M}(q).type", "changed", "compatible")]


def test_a_literal_value_added_is_compatible_for_a_parameter_and_a_note_for_a_return() -> None:
    before = surface(method(param("side", type='Literal["buy"]'), returns='Literal["ok"]'))
    after = surface(
        method(param("side", type='Literal["buy", "sell"]'), returns='Literal["ok", "queued"]')
    )
    assert changes(before, after) == [
        (f"param:{M}(side).type", "changed", "compatible"),
        (f"return:{M}", "changed", "note"),
    ]


def test_another_return_class_is_breaking() -> None:
    assert changes(
        surface(method(returns="ThingResponse")), surface(method(returns="GetThingResponse"))
    ) == [(f"return:{M}", "changed", "breaking")]


def test_a_changed_default_is_a_note() -> None:
    old = surface(method(Param("limit", "keyword", "int", False, "10")))
    new = surface(method(Param("limit", "keyword", "int", False, "20")))
    assert changes(old, new) == [(f"param:{M}(limit).default", "changed", "note")]


def test_a_keyword_now_only_accepted_by_kwargs_is_a_note() -> None:
    old = surface(method(param("limit", type="int")))
    new = surface(method(Param("params", "var_keyword", "object", False)))
    assert changes(old, new) == [
        (f"param:{M}(limit)", "missing", "note"),
        (f"param:{M}(params)", "new", "compatible"),
    ]


def test_literal_alias_values_by_side() -> None:
    used_as_input = model("Params", field("side", "Side"), kind="typeddict")
    used_as_output = model("Order", field("status", "Status"))
    old = surface(
        types=(used_as_input, used_as_output, literal("Side", "buy"), literal("Status", "new"))
    )
    new = surface(
        types=(
            used_as_input,
            used_as_output,
            literal("Side", "buy", "sell"),
            literal("Status", "done"),
        )
    )
    assert changes(old, new) == [
        ('value:acme.types.Status="new"', "missing", "compatible"),
        ('value:acme.types.Side="sell"', "new", "compatible"),
        ('value:acme.types.Status="done"', "new", "note"),
    ]
    removed = surface(
        types=(used_as_input, used_as_output, literal("Side"), literal("Status", "new"))
    )
    assert ('value:acme.types.Side="buy"', "missing", "breaking") in changes(old, removed)


def test_model_fields_removed_added_and_made_optional() -> None:
    old = surface(types=(model("Order", field("id"), field("status")),))
    new = surface(
        types=(
            model(
                "Order", field("id", "str | None", required=False), field("note", required=False)
            ),
        )
    )
    assert changes(old, new) == [
        ("field:acme.types.Order.status", "missing", "breaking"),
        ("field:acme.types.Order.id.required", "changed", "breaking"),
        ("field:acme.types.Order.id.type", "changed", "breaking"),
        ("field:acme.types.Order.note", "new", "compatible"),
    ]


def test_a_new_required_typeddict_field_is_breaking() -> None:
    old = surface(types=(model("Params", field("a"), kind="typeddict"),))
    new = surface(types=(model("Params", field("a"), field("b"), kind="typeddict"),))
    assert changes(old, new) == [("field:acme.types.Params.b", "new", "breaking")]


def test_a_field_with_another_wire_name_is_breaking() -> None:
    old = surface(types=(model("Page", Field("from_", "str", True, False, "from")),))
    new = surface(types=(model("Page", Field("from_", "str", True, False, "From")),))
    assert changes(old, new) == [("field:acme.types.Page.from_.alias", "changed", "breaking")]


def test_a_literal_alias_turned_enum_class_is_breaking() -> None:
    old = surface(types=(literal("Side", "buy"),))
    enum = TypeDef(
        "Side", "acme.types", "enum", "acme.types.side", values=('"buy"',), members=("BUY",)
    )
    assert changes(old, surface(types=(enum,))) == [
        ("type:acme.types.Side.kind", "changed", "breaking")
    ]


def test_an_enum_member_removed_is_breaking() -> None:
    enum = TypeDef(
        "Side",
        "acme.types",
        "enum",
        "acme.types.side",
        values=('"buy"', '"sell"'),
        members=("BUY", "SELL"),
    )
    fewer = replace(enum, values=('"buy"',), members=("BUY",))
    assert ("member:acme.types.Side.SELL", "missing", "breaking") in changes(
        surface(types=(enum,)), surface(types=(fewer,))
    )


def test_a_type_moved_to_another_module_is_breaking() -> None:
    old = surface(types=(model("Order", field("id"), module="acme.types.v1"),))
    new = surface(types=(model("Order", field("id"), module="acme.types"),))
    report = compare_surfaces(old, new)
    assert [(c.id, c.status, c.severity) for c in report.changes] == [
        ("type:acme.types.v1.Order", "changed", "breaking")
    ]
    assert report.changes[0].detail == "moved: import it from acme.types"


def test_a_removed_public_type_is_breaking_a_nested_one_a_note() -> None:
    nested = replace(model("Item", field("x")), public=False)
    assert changes(surface(types=(model("Order"), nested)), surface()) == [
        ("type:acme.types.Item", "missing", "note"),
        ("type:acme.types.Order", "missing", "breaking"),
    ]


def test_a_moved_method_is_one_change_and_its_signature_is_compared() -> None:
    old = surface(method(param("id", "positional", required=True)), path="v1.things")
    new = surface(method(param("id", "keyword", required=True)), path="things")
    assert changes(old, new) == [
        (f"resource:{CLIENT}.v1", "missing", "breaking"),
        (f"resource:{CLIENT}.v1.things", "missing", "breaking"),
        (f"method:{CLIENT}.v1.things.get", "changed", "breaking"),
        (f"param:{CLIENT}.v1.things.get(id)", "changed", "breaking"),
        (f"resource:{CLIENT}.things", "new", "compatible"),
    ]


def test_another_endpoint_is_breaking() -> None:
    assert changes(
        surface(method(path="/things/{id}")), surface(method(path="/items/{item_id}"))
    ) == [(f"endpoint:{M}", "changed", "breaking")]
    assert (
        changes(surface(method(path="/things/{id}")), surface(method(path="/things/{thing_id}")))
        == []
    )


def test_a_resource_without_raw_responses_is_breaking() -> None:
    assert changes(surface(method()), surface(method(), raw=False)) == [
        (f"resource:{CLIENT}.things.with_raw_response", "changed", "breaking"),
        (f"resource:{CLIENT}.things.with_streaming_response", "changed", "breaking"),
    ]


def test_errors_removed_or_no_longer_subclasses_are_breaking() -> None:
    base = (
        ErrorClass("APIError", "acme", ("AcmeError", "Exception")),
        ErrorClass("AcmeError", "acme", ("Exception",)),
    )
    flatter = (ErrorClass("APIError", "acme", ("Exception",)),)
    assert changes(surface(errors=base), surface(errors=flatter)) == [
        ("error:acme.AcmeError", "missing", "breaking"),
        ("error:acme.APIError", "changed", "breaking"),
    ]


def test_page_classes_and_exports_removed_are_breaking() -> None:
    old = surface(
        pages=(PageClass("SyncCursorPage", "acme.pagination", False, 1),),
        exports=(Export("omit", "value"),),
    )
    assert changes(old, surface()) == [
        ("export:acme.omit", "missing", "breaking"),
        ("page:acme.pagination.SyncCursorPage", "missing", "breaking"),
    ]


def test_client_options_env_changed_and_renamed() -> None:
    key = ClientOption("api_key", "keyword", "str | None", False, "None", "ACME_API_KEY", True)
    moved = surface(options=(replace(key, env="ACME_KEY"),))
    assert changes(surface(options=(key,)), moved) == [
        (f"option:{CLIENT}(api_key).env", "changed", "breaking")
    ]
    renamed = surface(options=(replace(key, name="bearer_token"),))
    report = compare_surfaces(surface(options=(key,)), renamed)
    assert [(c.id, c.detail) for c in report.changes] == [
        (f"option:{CLIENT}(api_key)", "renamed to `bearer_token`")
    ]


def test_accepting_a_change_makes_the_report_compatible(tmp_path: Path) -> None:
    report = compare_surfaces(surface(method(), method(name="list")), surface(method()))
    (change,) = report.changes
    assert has_incompatible(report)
    text_file, json_file = tmp_path / "accept.txt", tmp_path / "accept.json"
    text_file.write_text(f"# reviewed\n{change.id}  # gone on purpose\n\n")
    json_file.write_text(json.dumps([change.id]))
    for accepted in (load_accepted(text_file), load_accepted(json_file)):
        assert accepted == {change.id}
        assert not has_incompatible(report, accepted)
        rendered = json.loads(report_to_json(report, accepted))
        assert rendered["changes"][0]["accepted"] is True and rendered["summary"]["accepted"] == 1
        assert "(accepted)" in report_to_markdown(report, accepted)


def test_markdown_counts_every_entry_even_when_listing_a_few() -> None:
    entries = tuple(
        Change(f"method:X.m{i}", "method", "missing", "breaking", "gone") for i in range(5)
    )
    text = report_to_markdown(Report("old", "new", entries), limit=2)
    assert "| method | 5 | 0 | 0 | 5 |" in text
    assert "... and 3 more" in text and text.count("`method:X.m") == 2


def test_a_field_renamed_with_the_same_wire_name_is_one_breaking_entry() -> None:
    old = surface(types=(model("Account", field("type")),))
    new = surface(types=(model("Account", Field("type_", "str", True, False, "type")),))
    report = compare_surfaces(old, new)
    assert [(c.id, c.status, c.severity, c.detail) for c in report.changes] == [
        (
            "field:acme.types.Account.type",
            "missing",
            "breaking",
            "renamed to `type_` (same wire name)",
        )
    ]


def test_a_page_class_is_compared_as_a_page_not_also_as_a_type() -> None:
    page = PageClass("SyncCursorPage", "acme.pagination", False, 1)
    as_type = TypeDef("SyncCursorPage", "acme.pagination", "model", "acme.pagination", False)
    assert changes(surface(pages=(page,), types=(as_type,)), surface()) == [
        ("page:acme.pagination.SyncCursorPage", "missing", "breaking")
    ]


def test_a_type_still_re_exported_from_its_old_module_has_not_moved() -> None:
    old = surface(types=(model("Order", field("id"), module="acme.types.v1"),))
    reexported = replace(
        model("Order", field("id"), module="acme.types"),
        exported_from=("acme.types", "acme.types.v1"),
    )
    assert changes(old, surface(types=(reexported,))) == []


def test_any_and_object_type_arguments_serve_the_same_uses() -> None:
    from sdkwright.surface.typerel import INPUT, OUTPUT, type_change

    old, new = "list[dict[str, object]] | None", "list[dict[str, Any]] | None"
    assert type_change(old, new, OUTPUT) is None and type_change(old, new, INPUT) is None
    narrower = type_change("list[dict[str, int]]", "list[dict[str, str]]", OUTPUT)
    assert narrower is not None and narrower.severity == "breaking"
