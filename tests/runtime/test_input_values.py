"""What the Stainless surface's arguments take, as the runtime sends it.

`omit`, the default of its optional arguments (`X | Omit = omit`): an argument left out is not
sent, wherever it goes (JSON body, query, header, cookie, form, multipart), exactly as
`NOT_GIVEN`; an explicit None is still JSON null in a body. Arrays typed `Iterable[X]` or
`SequenceNotStr[str]`: any iterable (a tuple, a generator, a set) is sent as an array."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from types import SimpleNamespace

from runtime_support import Recorder, make_client


def test_omit_is_a_falsy_not_given_that_survives_copying(rt: SimpleNamespace) -> None:
    omit = rt.types.omit
    assert isinstance(omit, rt.types.Omit) and isinstance(omit, rt.types.NotGiven)
    assert not omit and repr(omit) == "omit"
    assert copy.copy(omit) is omit and copy.deepcopy({"a": omit})["a"] is omit


def test_an_omitted_body_field_is_not_sent_and_none_is_json_null(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    omit = rt.types.omit
    body = {"name": omit, "note": None, "size": 1, "inner": {"left": omit, "right": None}}
    client.request("POST", "/v1/pets", cast_to=type(None), json_body=body)
    assert json.loads(recorder.last.content) == {
        "note": None,
        "size": 1,
        "inner": {"right": None},
    }


def test_omitted_query_header_and_cookie_parameters_are_not_sent(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    omit = rt.types.omit
    client.request(
        "GET",
        "/v1/pets",
        cast_to=type(None),
        params={"limit": omit, "cursor": None, "tags": rt.base.delimited(omit), "size": 2},
        headers={"X-Trace": omit, "X-Kept": "1"},
        cookies={"session": omit, "theme": "dark"},
    )
    request = recorder.last
    assert request.url.params.multi_items() == [("size", "2")]
    assert "x-trace" not in request.headers and request.headers["x-kept"] == "1"
    assert request.headers["cookie"] == "theme=dark"


def test_omitted_form_and_multipart_fields_are_not_sent(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    omit = rt.types.omit
    fields = {"name": "Rex", "tag": omit}
    form = "application/x-www-form-urlencoded"
    client.request("POST", "/v1/pets", cast_to=type(None), body=fields, content_type=form)
    assert recorder.last.content == b"name=Rex"
    multipart = "multipart/form-data"
    client.request("POST", "/v1/pets", cast_to=type(None), body=fields, content_type=multipart)
    content = recorder.last.content
    assert b'name="name"' in content and b'name="tag"' not in content


def test_an_omitted_whole_body_sends_no_body(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    client.request("POST", "/v1/pets", cast_to=type(None), json_body=rt.types.omit)
    assert recorder.last.content == b"" and "content-type" not in recorder.last.headers


# --- any iterable is an array (`Iterable[X]`, `SequenceNotStr[str]` arguments) -----------


def test_a_tuple_a_generator_or_a_set_is_a_json_array(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    body = {
        "ids": (1, 2),
        "tags": (tag for tag in ("a", "b")),
        "one": {"x"},
        "nested": [{"items": iter([{"k": 1}])}],
        "text": "ab",
    }
    client.request("POST", "/v1/pets", cast_to=type(None), json_body=body)
    assert json.loads(recorder.last.content) == {
        "ids": [1, 2],
        "tags": ["a", "b"],
        "one": ["x"],
        "nested": [{"items": [{"k": 1}]}],
        "text": "ab",
    }


def test_a_generator_is_a_query_array_in_every_style(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    base = rt.base
    params = {
        "tag": (t for t in ("a", "b")),
        "ids": base.delimited(iter((1, 2))),
        "deep": base.deep_object({"list": (x for x in ("p", "q"))}),
        "objects": base.delimited(iter([{"b": 1}])),
    }
    client.request("GET", "/v1/pets", cast_to=type(None), params=params)
    assert recorder.last.url.params.multi_items() == [
        ("tag", "a"),
        ("tag", "b"),
        ("ids", "1,2"),
        ("deep[list][0]", "p"),
        ("deep[list][1]", "q"),
        ("objects", '[{"b":1}]'),
    ]


def test_a_generator_is_repeated_form_fields_and_multipart_parts(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    client = make_client(rt, recorder)
    form = "application/x-www-form-urlencoded"
    fields = {"tag": (t for t in ("a", "b"))}
    client.request("POST", "/v1/pets", cast_to=type(None), body=fields, content_type=form)
    assert recorder.last.content == b"tag=a&tag=b"
    parts = {
        "tag": (t for t in ("x", "y")),
        "file": ("a.txt", b"data", "text/plain"),  # a tuple is one file, not an array
    }
    multipart = "multipart/form-data"
    client.request("POST", "/v1/pets", cast_to=type(None), body=parts, content_type=multipart)
    content = recorder.last.content
    assert content.count(b'name="tag"') == 2 and b"x" in content and b"y" in content
    assert content.count(b'name="file"') == 1 and b'filename="a.txt"' in content


def test_array_items_takes_iterables_only(rt: SimpleNamespace) -> None:
    import io
    from importlib import import_module

    array_items = import_module(f"{rt.package}._values").array_items
    assert array_items((1, 2)) == [1, 2] and array_items(x for x in "ab") == ["a", "b"]
    for no_array in ("ab", b"ab", {"a": 1}, io.BytesIO(b"x"), 3, None):
        assert array_items(no_array) is None, no_array


# --- `format: byte` given as a file (`Base64FileInput`) ------------------------------------


def test_base64_file_sends_a_file_or_a_path_as_its_content_in_base64(
    rt: SimpleNamespace, tmp_path: Path
) -> None:
    import io

    base64_file = rt.base.base64_file
    path = tmp_path / "token.bin"
    path.write_bytes(b"\x00\xffpage")
    assert base64_file(io.BytesIO(b"page 2")) == "cGFnZSAy"
    assert base64_file(path) == "AP9wYWdl"
    assert base64_file(io.StringIO("page 2")) == "cGFnZSAy"
    for kept in ("cGFnZSAy", None, rt.types.omit):  # text is sent as given; unset stays unset
        assert base64_file(kept) is kept
