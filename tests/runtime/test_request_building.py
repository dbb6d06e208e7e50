"""The runtime builds requests: path, query, headers, bodies, timeouts, credentials."""

from __future__ import annotations

import datetime as dt
import json
import logging
from types import SimpleNamespace

import httpx
import pytest
from runtime_support import (
    BASE_URL,
    PACKAGE,
    Color,
    Pet,
    Recorder,
    make_client,
    timeout_of,
)

# --- _types -------------------------------------------------------------------


def test_not_given_is_a_falsy_sentinel(rt: SimpleNamespace) -> None:
    import copy

    not_given = rt.types.NOT_GIVEN
    assert not not_given
    assert repr(not_given) == "NOT_GIVEN"
    assert isinstance(not_given, rt.types.NotGiven)
    assert copy.deepcopy(not_given) is not_given


def test_request_options_are_frozen_with_defaults(rt: SimpleNamespace) -> None:
    options = rt.types.RequestOptions()
    assert options.extra_headers is None
    assert options.extra_query is None
    assert options.extra_body is None
    assert options.timeout is rt.types.NOT_GIVEN
    assert options.max_retries is rt.types.NOT_GIVEN
    with pytest.raises(AttributeError):
        options.timeout = 1.0


# --- path_param ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("../x", "..%2Fx"),
        ("a/b", "a%2Fb"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("a b?c#d", "a%20b%3Fc%23d"),
        (42, "42"),
        (True, "true"),
        (Color.BLUE, "blue"),
        (dt.date(2024, 5, 1), "2024-05-01"),
        (dt.datetime(2024, 5, 1, 12, 30, tzinfo=dt.UTC), "2024-05-01T12%3A30%3A00Z"),
    ],
)
def test_path_param(rt: SimpleNamespace, value: object, expected: str) -> None:
    assert rt.base.path_param(value) == expected


def test_an_empty_path_param_is_sent_where_the_path_allows_it(rt: SimpleNamespace) -> None:
    """Issue 13, point 3: `/files/{path}` with "" is `/files/` (a server's root listing)."""
    assert rt.base.path_param("") == ""
    assert rt.base.path_param([]) == ""
    recorder = Recorder()
    client = make_client(rt, recorder)
    client.request("GET", f"/files/{rt.base.path_param('')}", cast_to=type(None))
    assert recorder.last.url.raw_path == b"/api/files/"


@pytest.mark.parametrize("empty", ["", [], {}])
def test_an_empty_path_param_between_two_slashes_is_refused_naming_it(
    rt: SimpleNamespace, empty: object
) -> None:
    """A whole segment with more path after it: empty, it would call another route."""
    with pytest.raises(ValueError) as raised:
        rt.base.path_param(empty, argument="account_id")
    assert (
        str(raised.value) == f"Expected a non-empty value for `account_id` but received {empty!r}"
    )
    # Label and matrix styles are never empty: they start with "." or ";name=".
    assert rt.base.path_param("", "label", argument="id") == "."
    assert rt.base.path_param("", "matrix", name="id", argument="id") == ";id="
    assert rt.base.path_param(0, argument="id") == "0"


def test_path_param_cannot_escape_its_segment(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    for evil in ("../admin", ".."):
        client.request("GET", f"/v1/pets/{rt.base.path_param(evil)}", cast_to=type(None))
    assert recorder.requests[0].url.raw_path == b"/api/v1/pets/..%2Fadmin"
    assert recorder.requests[1].url.raw_path == b"/api/v1/pets/%2E%2E"


# --- Request building -------------------------------------------------------------


@pytest.mark.parametrize(
    "base_url", ["https://api.example.test/api", "https://api.example.test/api/"]
)
def test_url_keeps_the_base_path(rt: SimpleNamespace, base_url: str) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder, base_url=base_url)
    client.request("GET", "/v1/pets", cast_to=type(None))
    assert str(recorder.last.url) == "https://api.example.test/api/v1/pets"
    assert client.base_url == httpx.URL(base_url)


def test_url_without_base_path(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder, base_url="https://api.example.test")
    client.request("DELETE", "/v1/pets/1", cast_to=type(None))
    assert recorder.last.method == "DELETE"
    assert str(recorder.last.url) == "https://api.example.test/v1/pets/1"


def test_headers_merge_in_order(rt: SimpleNamespace) -> None:
    class BearerClient(rt.base.SyncAPIClient):  # type: ignore[name-defined,misc]
        @property
        def auth_headers(self) -> dict[str, str]:
            return {"Authorization": "Bearer from-auth", "X-Key": "from-auth"}

    recorder = Recorder()
    client = BearerClient(
        base_url=BASE_URL,
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
        default_headers={
            "Authorization": "Bearer from-default",
            "X-Default": "default",
            "X-Key": "from-default",
            "X-Call": "from-default",
            "X-Extra": "from-default",
        },
    )
    client.request(
        "GET",
        "/v1/pets",
        cast_to=type(None),
        headers={
            "x-call": "from-call",
            "X-Extra": "from-call",
            "X-Skipped-None": None,
            "X-Skipped-Not-Given": rt.types.NOT_GIVEN,
            "X-Default": None,  # None leaves the lower layer untouched
            "X-Flag": True,
            "X-Count": 3,
            "X-Color": Color.RED,
        },
        options=rt.types.RequestOptions(extra_headers={"x-extra": "from-options"}),
    )
    headers = recorder.last.headers
    assert headers["accept"] == "application/json"
    assert headers["user-agent"] == f"{PACKAGE}/python"
    assert headers["authorization"] == "Bearer from-auth"
    assert headers["x-key"] == "from-auth"
    assert headers["x-default"] == "default"
    assert headers["x-call"] == "from-call"
    assert headers["x-extra"] == "from-options"
    assert headers.get_list("x-extra") == ["from-options"]
    assert headers["x-flag"] == "true"
    assert headers["x-count"] == "3"
    assert headers["x-color"] == "red"
    assert "x-skipped-none" not in headers
    assert "x-skipped-not-given" not in headers
    assert "content-type" not in headers  # no body, no content type


def test_per_call_headers_can_override_auth(rt: SimpleNamespace) -> None:
    class BearerClient(rt.base.SyncAPIClient):  # type: ignore[name-defined,misc]
        @property
        def auth_headers(self) -> dict[str, str]:
            return {"Authorization": "Bearer secret"}

    recorder = Recorder()
    client = BearerClient(
        base_url=BASE_URL,
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
    )
    client.request("GET", "/v1/pets", cast_to=type(None), headers={"authorization": "Basic other"})
    assert recorder.last.headers.get_list("authorization") == ["Basic other"]


def test_query_encoding(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    client.request(
        "GET",
        "/v1/pets",
        cast_to=type(None),
        params={
            "tags": ["a", "b c"],
            "ids": (1, 2),
            "active": True,
            "deleted": False,
            "color": Color.BLUE,
            "since": dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC),
            "on": dt.date(2024, 5, 1),
            "limit": 10,
            "cursor": None,
            "after": rt.types.NOT_GIVEN,
            "empty": [],
        },
    )
    assert recorder.last.url.params.multi_items() == [
        ("tags", "a"),
        ("tags", "b c"),
        ("ids", "1"),
        ("ids", "2"),
        ("active", "true"),
        ("deleted", "false"),
        ("color", "blue"),
        ("since", "2024-05-01T12:00:00Z"),
        ("on", "2024-05-01"),
        ("limit", "10"),
    ]


def test_extra_query_replaces_adds_and_removes(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    client.request(
        "GET",
        "/v1/pets",
        cast_to=type(None),
        params={"limit": 10, "order": "asc"},
        options=rt.types.RequestOptions(extra_query={"limit": 5, "beta": True, "order": None}),
    )
    assert recorder.last.url.params.multi_items() == [
        ("limit", "5"),
        ("beta", "true"),
    ]


def test_query_rejects_nested_objects(rt: SimpleNamespace) -> None:
    client = make_client(rt, Recorder())
    with pytest.raises(TypeError, match="filter"):
        client.request("GET", "/v1/pets", cast_to=type(None), params={"filter": {}})


def test_arrays_of_objects_send_each_object_as_json(rt: SimpleNamespace) -> None:
    """Issue 13, point 8: a model in an array went out as its repr ("name='Rex' ...")."""
    recorder = Recorder()
    client = make_client(rt, recorder)
    rex = Pet(name="Rex", petType="dog", color=Color.RED)
    client.request(
        "GET",
        "/v1/pets",
        cast_to=type(None),
        params={
            "pets": [rex, {"b": 2.0, "a": [1.5, None]}, "plain"],
            "pairs": rt.base.delimited([["a", "b"], ["c"]]),
            "tags": rt.base.delimited(["a", "b"]),
            "deep": rt.base.deep_object([rex]),
        },
        headers={"X-Pets": rt.base.delimited([rex])},
    )
    sent = recorder.last
    assert sent.url.params.multi_items() == [
        ("pets", '{"color":"red","name":"Rex","petType":"dog"}'),  # unset fields left out
        ("pets", '{"a":[1.5,null],"b":2}'),  # keys sorted, 2.0 is the JSON number 2
        ("pets", "plain"),
        ("pairs", '[["a","b"],["c"]]'),  # not delimited: the items would be ambiguous
        ("tags", "a,b"),
        ("deep[0][name]", "Rex"),
        ("deep[0][petType]", "dog"),
        ("deep[0][color]", "red"),
    ]
    assert json.loads(sent.url.params["pets"]) == {"color": "red", "name": "Rex", "petType": "dog"}
    assert sent.headers["x-pets"] == '[{"color":"red","name":"Rex","petType":"dog"}]'


def test_json_items_are_ascii_and_refuse_nan(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    client.request(
        "GET", "/v1/pets", cast_to=type(None), headers={"X-F": rt.base.delimited([{"n": "é"}])}
    )
    assert recorder.last.headers["x-f"] == '[{"n":"\\u00e9"}]'
    with pytest.raises(ValueError):
        client.request("GET", "/v1/pets", cast_to=type(None), params={"f": [{"x": float("nan")}]})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("docs/guide.md", "docs/guide.md"),
        ("a:b@c!$&'()*+,;=", "a:b@c!$&'()*+,;="),
        ("a b?c#d[e]", "a%20b%3Fc%23d%5Be%5D"),
        ("../etc/./x/..", "%2E%2E/etc/%2E/x/%2E%2E"),
        ("a%2Fb 50%", "a%2Fb%2050%25"),  # the value's own triple passes, a lone % does not
    ],
)
def test_keep_reserved(rt: SimpleNamespace, value: str, expected: str) -> None:
    assert rt.base.keep_reserved(rt.base.path_param(value)) == expected


def test_cookie_parameters_cannot_add_cookies(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    client.request(
        "GET",
        "/v1/pets",
        cast_to=type(None),
        cookies={"sid": "x; admin=1", "tags": rt.base.delimited(["a", "b"]), "pct": "100%"},
    )
    assert recorder.last.headers["cookie"] == "sid=x%3B%20admin=1; tags=a,b; pct=100%25"


def test_given_or_keeps_the_fixed_value_of_a_path_key_unless_given(rt: SimpleNamespace) -> None:
    """Issue 13, point 7: `/responses?beta=true` with a declared `beta` parameter."""
    given_or = rt.base.given_or
    assert given_or(None, "true") == "true"
    assert given_or(rt.types.NOT_GIVEN, "true") == "true"
    assert given_or(False, "true") is False
    assert given_or([], "true") == []
    recorder = Recorder()
    client = make_client(rt, recorder)
    client.request(
        "GET",
        "/v1/pets",
        cast_to=type(None),
        params={"mode": ["a", "b"], "beta": given_or(None, "true")},
        options=rt.types.RequestOptions(extra_query={"mode": "c"}),
    )
    assert recorder.last.url.params.multi_items() == [("mode", "c"), ("beta", "true")]


def test_json_body_from_model_uses_aliases_and_skips_unset(
    rt: SimpleNamespace,
) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    pet = Pet(name="Rex", petType="dog", nickname=None, born=dt.date(2020, 1, 2))
    client.request("POST", "/v1/pets", cast_to=type(None), json_body=pet)
    request = recorder.last
    assert request.headers["content-type"] == "application/json"
    # nickname was set explicitly (to null), color never was.
    assert json.loads(request.content) == {
        "name": "Rex",
        "petType": "dog",
        "nickname": None,
        "born": "2020-01-02",
    }


def test_json_body_is_serialized_recursively(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    body = {
        "pet": Pet(name="Rex", petType="dog"),
        "pets": (Pet(name="Tom", petType="cat", color=Color.RED),),
        "color": Color.BLUE,
        "at": dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC),
        "note": None,
        "skipped": rt.types.NOT_GIVEN,
        "nested": {"skipped": rt.types.NOT_GIVEN, "n": [1, 2.5, "x"]},
    }
    client.request(
        "POST",
        "/v1/pets",
        cast_to=type(None),
        json_body=body,
        options=rt.types.RequestOptions(extra_body={"extra": Color.RED, "note": 1}),
    )
    assert json.loads(recorder.last.content) == {
        "pet": {"name": "Rex", "petType": "dog"},
        "pets": [{"name": "Tom", "petType": "cat", "color": "red"}],
        "color": "blue",
        "at": "2024-05-01T12:00:00Z",
        "note": 1,
        "nested": {"n": [1, 2.5, "x"]},
        "extra": "red",
    }


def test_json_null_body_is_sent(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    client.request("PUT", "/v1/pets/1/owner", cast_to=type(None), json_body=None)
    assert recorder.last.content == b"null"
    assert recorder.last.headers["content-type"] == "application/json"


def test_no_body_when_not_given(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    client.request("POST", "/v1/pets/1/feed", cast_to=type(None))
    assert recorder.last.content == b""


def test_extra_body_alone_becomes_the_body(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    options = rt.types.RequestOptions(extra_body={"beta": True})
    client.request("POST", "/v1/pets", cast_to=type(None), options=options)
    assert json.loads(recorder.last.content) == {"beta": True}


def test_extra_body_of_any_json_value_is_the_whole_body_of_a_method_without_one(
    rt: SimpleNamespace,
) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    options = rt.types.RequestOptions(extra_body=[1, "two"])
    client.request("POST", "/v1/pets", cast_to=type(None), options=options)
    assert json.loads(recorder.last.content) == [1, "two"]


def test_extra_body_that_is_no_mapping_cannot_merge_into_an_object(rt: SimpleNamespace) -> None:
    client = make_client(rt, Recorder())
    options = rt.types.RequestOptions(extra_body=[1])
    with pytest.raises(TypeError, match="as a mapping"):
        client.request("POST", "/v1/pets", cast_to=type(None), json_body={"a": 1}, options=options)


def test_omit_in_extra_headers_leaves_a_header_out_a_default_one_too(rt: SimpleNamespace) -> None:
    omit = rt.types.omit
    headers = rt.encoding.merge_headers(
        {"X-Default": "1"}, {}, None, {"X-Default": omit, "Accept": omit, "X-A": "2"}
    )
    assert "x-default" not in headers and "accept" not in headers and headers["x-a"] == "2"
    assert not omit and repr(omit) == "omit"


def test_extra_body_cannot_merge_into_a_list(rt: SimpleNamespace) -> None:
    client = make_client(rt, Recorder())
    options = rt.types.RequestOptions(extra_body={"beta": True})
    with pytest.raises(TypeError, match="extra_body"):
        client.request("POST", "/v1/pets", cast_to=type(None), json_body=[1], options=options)


def test_timeouts(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    RequestOptions = rt.types.RequestOptions

    client = make_client(rt, recorder)
    client.request("GET", "/v1/pets", cast_to=type(None))
    assert timeout_of(recorder.last) == rt.base.DEFAULT_TIMEOUT.as_dict()
    assert timeout_of(recorder.last)["connect"] == 5.0

    client.request("GET", "/v1/pets", cast_to=type(None), options=RequestOptions(timeout=1.5))
    assert set(timeout_of(recorder.last).values()) == {1.5}

    per_phase = httpx.Timeout(10.0, read=30.0)
    client.request("GET", "/v1/pets", cast_to=type(None), options=RequestOptions(timeout=per_phase))
    assert timeout_of(recorder.last) == per_phase.as_dict()

    client = make_client(rt, recorder, timeout=7.0)
    client.request("GET", "/v1/pets", cast_to=type(None))
    assert set(timeout_of(recorder.last).values()) == {7.0}

    # None means "no timeout", not "use the default".
    client.request("GET", "/v1/pets", cast_to=type(None), options=RequestOptions(timeout=None))
    assert set(timeout_of(recorder.last).values()) == {None}


def test_authorization_is_never_logged(
    rt: SimpleNamespace, caplog: pytest.LogCaptureFixture
) -> None:
    class BearerClient(rt.base.SyncAPIClient):  # type: ignore[name-defined,misc]
        @property
        def auth_headers(self) -> dict[str, str]:
            return {"Authorization": "Bearer top-secret"}

    client = BearerClient(
        base_url=BASE_URL,
        http_client=httpx.Client(transport=httpx.MockTransport(Recorder())),
    )
    with caplog.at_level(logging.DEBUG, logger=PACKAGE):
        client.request("GET", "/v1/pets", cast_to=type(None))
    messages = [r.getMessage() for r in caplog.records if r.name == PACKAGE]
    assert any("GET https://api.example.test/api/v1/pets" in m for m in messages)
    assert any("200" in m for m in messages)
    assert "top-secret" not in caplog.text
