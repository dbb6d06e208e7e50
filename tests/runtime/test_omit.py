"""`omit`, the default of the Stainless surface's optional arguments (`X | Omit = omit`): an
argument left out is not sent, wherever it goes (JSON body, query, header, cookie, form,
multipart), exactly as `NOT_GIVEN`; an explicit None is still JSON null in a body."""

from __future__ import annotations

import copy
import json
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
