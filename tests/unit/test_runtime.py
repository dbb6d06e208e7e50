"""Tests of the runtime modules copied into every generated SDK.

The templates are rendered into a throwaway package, ``rtpkg``, and exercised
through real httpx clients on top of ``httpx.MockTransport``: no network.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import importlib
import json
import logging
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import httpx
import jinja2
import jinja2.meta
import pydantic
import pytest
from sdkwright import flavours
from sdkwright.targets.python.engine import environment

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates" / "python" / "httpx"
MODULES = ("_types", "_exceptions", "_streaming", "_response", "_retries", "_base_client")
PACKAGE = "rtpkg"
BASE_URL = "https://api.example.test/api"

Handler = Callable[[httpx.Request], httpx.Response]


# --- Fixtures ---------------------------------------------------------------


@pytest.fixture(scope="module")
def package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("runtime")
    pkg = root / PACKAGE
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    # The httpx flavour's runtime, rendered by the generator's own environment: the
    # templates are shared with other flavours through Jinja (see the test below).
    env = environment(("httpx",))
    plan = flavours.get("httpx")
    assert plan is not None
    for name in MODULES:
        template = env.get_template(f"{name}.py.jinja")
        rendered = template.render(banner="# test banner", plan=plan.resolve({}))
        (pkg / f"{name}.py").write_text(rendered)
    return pkg


@pytest.fixture(scope="module")
def rt(package_dir: Path) -> Iterator[SimpleNamespace]:
    sys.path.insert(0, str(package_dir.parent))
    try:
        yield SimpleNamespace(
            types=importlib.import_module(f"{PACKAGE}._types"),
            exc=importlib.import_module(f"{PACKAGE}._exceptions"),
            base=importlib.import_module(f"{PACKAGE}._base_client"),
            response=importlib.import_module(f"{PACKAGE}._response"),
            retries=importlib.import_module(f"{PACKAGE}._retries"),
            streaming=importlib.import_module(f"{PACKAGE}._streaming"),
        )
    finally:
        sys.path.remove(str(package_dir.parent))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]


class Recorder:
    """A MockTransport handler that remembers requests and replays a response."""

    def __init__(self, response: httpx.Response | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.response = response if response is not None else httpx.Response(200)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.response

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def make_client(rt: SimpleNamespace, handler: Handler, **kwargs: Any) -> Any:
    http_client = httpx.Client(transport=httpx.MockTransport(handler))
    kwargs.setdefault("base_url", BASE_URL)
    # One attempt per call, so that error tests see each error once; retry tests opt in.
    kwargs.setdefault("max_retries", 0)
    return rt.base.SyncAPIClient(http_client=http_client, **kwargs)


def make_async_client(rt: SimpleNamespace, handler: Handler, **kwargs: Any) -> Any:
    http_client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    kwargs.setdefault("base_url", BASE_URL)
    kwargs.setdefault("max_retries", 0)
    return rt.base.AsyncAPIClient(http_client=http_client, **kwargs)


def json_response(status: int, body: object, **kwargs: Any) -> httpx.Response:
    return httpx.Response(status, json=body, **kwargs)


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Pet(pydantic.BaseModel):
    name: str
    pet_type: str = pydantic.Field(alias="petType")
    nickname: str | None = None
    color: Color | None = None
    born: dt.date | None = None


class Owner(pydantic.BaseModel):
    id: int


# --- Templates ----------------------------------------------------------------


@pytest.mark.parametrize("name", MODULES)
def test_templates_read_nothing_of_the_spec(name: str) -> None:
    """The runtime is the same in every SDK of a flavour: its templates read only the banner
    and the flavour's plan (the switches that let the requests flavour share them), never
    the Api or anything else from the spec."""
    env = environment(("httpx",))
    source = (TEMPLATE_DIR / f"{name}.py.jinja").read_text()
    assert jinja2.meta.find_undeclared_variables(env.parse(source)) <= {"banner", "plan"}


# Generated SDKs support Python 3.10, older than the interpreter running this.
@pytest.mark.parametrize("python_version", [None, "3.10"])
def test_rendered_modules_pass_mypy_strict(package_dir: Path, python_version: str | None) -> None:
    version_args = ["--python-version", python_version] if python_version else []
    cache_dir = package_dir.parent / f".mypy_cache_{python_version or 'default'}"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            *version_args,
            "--cache-dir",
            str(cache_dir),
            PACKAGE,
        ],
        cwd=package_dir.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _ruff() -> str:
    ruff = Path(sys.executable).with_name("ruff")
    if ruff.exists():
        return str(ruff)
    found = shutil.which("ruff")
    if found is None:
        pytest.skip("ruff is not installed")
    return found


# The runtime supports Python 3.10; also check under ruff's default target.
@pytest.mark.parametrize("target", [None, "py310"])
def test_rendered_modules_pass_ruff(package_dir: Path, target: str | None) -> None:
    ruff = _ruff()
    target_args = ["--target-version", target] if target else []
    check = subprocess.run(
        [ruff, "check", "--no-cache", "--extend-select", "I", *target_args, PACKAGE],
        cwd=package_dir.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run(
        [ruff, "format", "--no-cache", "--check", "--diff", PACKAGE],
        cwd=package_dir.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


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


def test_path_param_rejects_empty_values(rt: SimpleNamespace) -> None:
    with pytest.raises(ValueError, match="empty"):
        rt.base.path_param("")


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


def test_extra_body_cannot_merge_into_a_list(rt: SimpleNamespace) -> None:
    client = make_client(rt, Recorder())
    options = rt.types.RequestOptions(extra_body={"beta": True})
    with pytest.raises(TypeError, match="extra_body"):
        client.request("POST", "/v1/pets", cast_to=type(None), json_body=[1], options=options)


def _timeout_of(request: httpx.Request) -> dict[str, float | None]:
    return cast("dict[str, float | None]", request.extensions["timeout"])


def test_timeouts(rt: SimpleNamespace) -> None:
    recorder = Recorder()
    RequestOptions = rt.types.RequestOptions

    client = make_client(rt, recorder)
    client.request("GET", "/v1/pets", cast_to=type(None))
    assert _timeout_of(recorder.last) == rt.base.DEFAULT_TIMEOUT.as_dict()
    assert _timeout_of(recorder.last)["connect"] == 5.0

    client.request("GET", "/v1/pets", cast_to=type(None), options=RequestOptions(timeout=1.5))
    assert set(_timeout_of(recorder.last).values()) == {1.5}

    per_phase = httpx.Timeout(10.0, read=30.0)
    client.request("GET", "/v1/pets", cast_to=type(None), options=RequestOptions(timeout=per_phase))
    assert _timeout_of(recorder.last) == per_phase.as_dict()

    client = make_client(rt, recorder, timeout=7.0)
    client.request("GET", "/v1/pets", cast_to=type(None))
    assert set(_timeout_of(recorder.last).values()) == {7.0}

    # None means "no timeout", not "use the default".
    client.request("GET", "/v1/pets", cast_to=type(None), options=RequestOptions(timeout=None))
    assert set(_timeout_of(recorder.last).values()) == {None}


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


# --- Errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "class_name"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (503, "InternalServerError"),
        (418, "APIStatusError"),
    ],
)
def test_status_errors(rt: SimpleNamespace, status: int, class_name: str) -> None:
    body = {"error": {"message": "nope"}}
    response = json_response(status, body, headers={"x-request-id": "req_123"})
    client = make_client(rt, Recorder(response))
    with pytest.raises(rt.exc.APIStatusError) as info:
        client.request("GET", "/v1/pets/1", cast_to=Pet)
    error = info.value
    assert type(error) is getattr(rt.exc, class_name)
    assert isinstance(error, rt.exc.APIError)
    assert error.status_code == status
    assert error.body == body
    assert error.request_id == "req_123"
    assert error.headers["x-request-id"] == "req_123"
    assert error.response is not None
    assert error.request.url == f"{BASE_URL}/v1/pets/1"
    assert str(error) == error.message
    assert error.message == f'Error code: {status} - {{"error":{{"message":"nope"}}}}'


def test_status_error_with_text_body_and_alternate_request_id(
    rt: SimpleNamespace,
) -> None:
    response = httpx.Response(
        502,
        text="Bad gateway",
        headers={"request-id": "r-9"},
        request=httpx.Request("GET", BASE_URL),
    )
    error = rt.exc.status_error_for(response)
    assert isinstance(error, rt.exc.InternalServerError)
    assert error.body == "Bad gateway"
    assert error.request_id == "r-9"
    assert error.message == "Error code: 502 - Bad gateway"


def test_status_error_with_empty_body(rt: SimpleNamespace) -> None:
    request = httpx.Request("GET", BASE_URL)
    error = rt.exc.status_error_for(httpx.Response(404, request=request))
    assert isinstance(error, rt.exc.NotFoundError)
    assert error.body is None
    assert error.request_id is None
    assert error.message == "Error code: 404"


def test_status_error_message_is_truncated(rt: SimpleNamespace) -> None:
    request = httpx.Request("GET", BASE_URL)
    response = httpx.Response(500, text="x" * 10_000, request=request)
    error = rt.exc.status_error_for(response)
    assert len(error.message) < 1000
    assert error.message.endswith("(truncated)")
    assert error.body == "x" * 10_000  # the body itself is kept whole


@pytest.mark.parametrize(
    ("raised", "class_name"),
    [
        (httpx.ReadTimeout("slow"), "APITimeoutError"),
        (httpx.ConnectTimeout("slow"), "APITimeoutError"),
        (httpx.ConnectError("refused"), "APIConnectionError"),
        (httpx.RemoteProtocolError("garbled"), "APIConnectionError"),
    ],
)
def test_transport_errors(
    rt: SimpleNamespace, raised: httpx.TransportError, class_name: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise raised

    client = make_client(rt, handler)
    with pytest.raises(rt.exc.APIConnectionError) as info:
        client.request("GET", "/v1/pets", cast_to=type(None))
    assert type(info.value) is getattr(rt.exc, class_name)
    assert info.value.__cause__ is raised
    assert info.value.request.url == f"{BASE_URL}/v1/pets"


def test_exception_tree(rt: SimpleNamespace) -> None:
    exc = rt.exc
    assert issubclass(exc.APITimeoutError, exc.APIConnectionError)
    for name in ("APIConnectionError", "APIResponseValidationError", "APIStatusError"):
        assert issubclass(getattr(exc, name), exc.APIError)
    assert issubclass(exc.APIError, Exception)
    assert set(exc.__all__) == {
        name
        for name, value in vars(exc).items()
        if not name.startswith("_")
        and (isinstance(value, type) and issubclass(value, exc.APIError))
    } | {"status_error_for"}


# --- Response casting -------------------------------------------------------------


def test_cast_to_raw_types(rt: SimpleNamespace) -> None:
    response = httpx.Response(200, content=b"caf\xc3\xa9")
    client = make_client(rt, Recorder(response))
    assert client.request("GET", "/x", cast_to=type(None)) is None
    assert client.request("GET", "/x", cast_to=str) == "café"
    assert client.request("GET", "/x", cast_to=bytes) == b"caf\xc3\xa9"
    raw = client.request("GET", "/x", cast_to=httpx.Response)
    assert isinstance(raw, httpx.Response)
    assert raw.content == b"caf\xc3\xa9"


def test_cast_to_models(rt: SimpleNamespace) -> None:
    recorder = Recorder(json_response(200, {"name": "Rex", "petType": "dog"}))
    client = make_client(rt, recorder)
    pet = client.request("GET", "/v1/pets/1", cast_to=Pet)
    assert pet == Pet(name="Rex", petType="dog")

    recorder.response = json_response(200, [{"name": "Rex", "petType": "dog"}])
    pets = client.request("GET", "/v1/pets", cast_to=list[Pet])
    assert pets == [Pet(name="Rex", petType="dog")]

    recorder.response = json_response(200, {"id": 7})
    either = client.request("GET", "/v1/x", cast_to=cast(Any, Pet | Owner))
    assert either == Owner(id=7)

    recorder.response = json_response(200, {"a": 1})
    assert client.request("GET", "/v1/x", cast_to=dict[str, int]) == {"a": 1}


def test_invalid_body_raises_response_validation_error(rt: SimpleNamespace) -> None:
    client = make_client(rt, Recorder(json_response(200, {"name": 1})))
    with pytest.raises(rt.exc.APIResponseValidationError) as info:
        client.request("GET", "/v1/pets/1", cast_to=Pet)
    error = info.value
    assert isinstance(error, rt.exc.APIError)
    assert isinstance(error.__cause__, pydantic.ValidationError)
    assert error.body == {"name": 1}
    assert error.status_code == 200
    assert error.response.status_code == 200


def test_non_json_body_raises_response_validation_error(rt: SimpleNamespace) -> None:
    client = make_client(rt, Recorder(httpx.Response(200, text="<html>")))
    with pytest.raises(rt.exc.APIResponseValidationError) as info:
        client.request("GET", "/v1/pets/1", cast_to=Pet)
    assert info.value.body == "<html>"


def test_empty_body_raises_response_validation_error(rt: SimpleNamespace) -> None:
    client = make_client(rt, Recorder(httpx.Response(200)))
    with pytest.raises(rt.exc.APIResponseValidationError) as info:
        client.request("GET", "/v1/pets/1", cast_to=Pet)
    assert info.value.body is None


# --- Lifecycle --------------------------------------------------------------------


def test_injected_http_client_is_not_closed(rt: SimpleNamespace) -> None:
    http_client = httpx.Client(transport=httpx.MockTransport(Recorder()))
    with rt.base.SyncAPIClient(base_url=BASE_URL, http_client=http_client) as client:
        client.request("GET", "/v1/pets", cast_to=type(None))
    client.close()
    assert not http_client.is_closed
    http_client.close()


def test_own_http_client_is_closed(rt: SimpleNamespace) -> None:
    with rt.base.SyncAPIClient(base_url=BASE_URL) as client:
        assert isinstance(client, rt.base.SyncAPIClient)
    assert client._client.is_closed


# --- Async client -----------------------------------------------------------------


def test_async_client_round_trip(rt: SimpleNamespace) -> None:
    recorder = Recorder(json_response(200, [{"name": "Rex", "petType": "dog"}]))

    async def main() -> None:
        client = make_async_client(rt, recorder, default_headers={"X-App": "1"})
        async with client:
            pets = await client.request(
                "POST",
                f"/v1/owners/{rt.base.path_param('a/b')}/pets",
                cast_to=list[Pet],
                params={"tags": ["a", "b"], "cursor": None},
                headers={"X-Flag": False},
                json_body=Pet(name="Rex", petType="dog"),
                options=rt.types.RequestOptions(timeout=3.0),
            )
        assert pets == [Pet(name="Rex", petType="dog")]

    asyncio.run(main())
    request = recorder.last
    assert request.url.raw_path == b"/api/v1/owners/a%2Fb/pets?tags=a&tags=b"
    assert request.headers["x-app"] == "1"
    assert request.headers["x-flag"] == "false"
    assert request.headers["accept"] == "application/json"
    assert json.loads(request.content) == {"name": "Rex", "petType": "dog"}
    assert set(_timeout_of(request).values()) == {3.0}


def test_async_client_errors(rt: SimpleNamespace) -> None:
    async def main() -> None:
        client = make_async_client(rt, Recorder(json_response(429, {"error": "slow down"})))
        with pytest.raises(rt.exc.RateLimitError) as info:
            await client.request("GET", "/v1/pets", cast_to=type(None))
        assert info.value.body == {"error": "slow down"}

        def timeout(request: httpx.Request) -> httpx.Response:
            raise httpx.ReadTimeout("slow", request=request)

        with pytest.raises(rt.exc.APITimeoutError):
            await make_async_client(rt, timeout).request("GET", "/", cast_to=str)

        def refused(request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectError("refused", request=request)

        with pytest.raises(rt.exc.APIConnectionError) as conn_info:
            await make_async_client(rt, refused).request("GET", "/", cast_to=str)
        assert type(conn_info.value) is rt.exc.APIConnectionError

        invalid = make_async_client(rt, Recorder(json_response(200, [1])))
        with pytest.raises(rt.exc.APIResponseValidationError):
            await invalid.request("GET", "/", cast_to=Pet)

    asyncio.run(main())


def test_async_injected_http_client_is_not_closed(rt: SimpleNamespace) -> None:
    async def main() -> tuple[httpx.AsyncClient, Any]:
        http_client = httpx.AsyncClient(transport=httpx.MockTransport(Recorder()))
        async with rt.base.AsyncAPIClient(base_url=BASE_URL, http_client=http_client) as client:
            assert await client.request("GET", "/", cast_to=bytes) == b""
        async with rt.base.AsyncAPIClient(base_url=BASE_URL) as own:
            pass
        assert not http_client.is_closed
        await http_client.aclose()
        return http_client, own

    _, own = asyncio.run(main())
    assert own._client.is_closed


# --- Retry policy ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "retryable"),
    [
        *[(status, True) for status in (408, 429, 500, 502, 503, 599)],
        *[(status, False) for status in (400, 401, 403, 404, 409, 422)],
    ],
)
def test_retryable_statuses(rt: SimpleNamespace, status: int, retryable: bool) -> None:
    assert rt.retries.is_retryable_status(status) is retryable


@pytest.mark.parametrize(
    ("method", "headers", "idempotent"),
    [
        ("GET", {}, True),
        ("delete", {}, True),
        ("PUT", {}, True),
        ("POST", {}, False),
        ("PATCH", {}, False),
        ("POST", {"Idempotency-Key": "k"}, True),
        ("POST", {"idempotency-key": ""}, False),
        ("PATCH", {"X-Request-Key": "k"}, False),  # not the header this check looks for
    ],
)
def test_idempotent_requests(
    rt: SimpleNamespace, method: str, headers: dict[str, str], idempotent: bool
) -> None:
    assert rt.retries.is_idempotent(method, httpx.Headers(headers), "Idempotency-Key") is idempotent


def test_backoff_doubles_with_jitter_up_to_the_cap(rt: SimpleNamespace) -> None:
    policy = rt.retries.RetryPolicy(max_retries=5, initial_delay=0.5, max_delay=8.0)
    for retries_taken, ceiling in [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)]:
        delays = [policy.backoff(retries_taken) for _ in range(200)]
        assert all(0.75 * ceiling <= d <= ceiling for d in delays), (retries_taken, delays)
        assert len(set(delays)) > 1  # jittered
    assert policy.backoff(10_000) <= 8.0  # no overflow on absurd retry counts


def test_default_retry_policy(rt: SimpleNamespace) -> None:
    policy = rt.retries.RetryPolicy()
    assert (policy.max_retries, policy.initial_delay, policy.max_delay) == (2, 0.5, 8.0)
    assert rt.base.SyncAPIClient(base_url=BASE_URL).max_retries == 2


@pytest.mark.parametrize(
    "arguments",
    [{"max_retries": -1}, {"initial_delay": -0.1}, {"max_delay": -1.0}],
)
def test_retry_policy_rejects_negative_values(
    rt: SimpleNamespace, arguments: dict[str, Any]
) -> None:
    with pytest.raises(ValueError):
        rt.retries.RetryPolicy(**arguments)


NOW = 1_700_000_000.0  # 2023-11-14 22:13:20 GMT


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({}, None),
        ({"retry-after": "3"}, 3.0),
        ({"Retry-After": "0.25"}, 0.25),
        ({"retry-after": "-4"}, 0.0),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after-ms": "20", "retry-after": "9"}, 0.02),  # the precise one wins
        ({"retry-after-ms": "soon", "retry-after": "9"}, 9.0),
        ({"retry-after": "Tue, 14 Nov 2023 22:13:50 GMT"}, 30.0),
        ({"retry-after": "Tue, 14 Nov 2023 22:13:50"}, 30.0),  # no zone means GMT
        ({"retry-after": "Tue, 14 Nov 2023 22:13:00 GMT"}, 0.0),  # in the past
        ({"retry-after": "tomorrow"}, None),
        ({"retry-after": "nan"}, None),
        ({"retry-after": "inf"}, None),
    ],
)
def test_retry_after(rt: SimpleNamespace, headers: dict[str, str], seconds: float | None) -> None:
    assert rt.retries.retry_after(httpx.Headers(headers), now=NOW) == seconds


def test_retry_after_replaces_backoff_within_the_cap(rt: SimpleNamespace) -> None:
    policy = rt.retries.RetryPolicy(initial_delay=5.0, max_delay=5.0)
    assert policy.delay(0, httpx.Headers({"retry-after": "0.01"})) == 0.01
    assert policy.delay(0, httpx.Headers({"retry-after": "60"})) == 60.0
    assert policy.delay(0, httpx.Headers({"retry-after": "61"})) is None  # too long: give up
    assert 3.75 <= policy.delay(0, httpx.Headers()) <= 5.0
    assert 3.75 <= policy.delay(0, None) <= 5.0


# --- Retries on the wire --------------------------------------------------------------


Reply = httpx.Response | Exception


class Script:
    """A MockTransport handler replaying one reply per request, then 200s."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies.pop(0) if self.replies else httpx.Response(200, json={"ok": True})
        if isinstance(reply, Exception):
            raise reply
        return reply


def retrying_client(rt: SimpleNamespace, script: Script, **kwargs: Any) -> tuple[Any, list[float]]:
    """A client with the default retry policy that records its waits instead of sleeping."""
    kwargs.setdefault("max_retries", 2)
    client = make_client(rt, script, **kwargs)
    sleeps: list[float] = []
    client._sleep = sleeps.append
    return client, sleeps


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(408),
        httpx.Response(429),
        httpx.Response(500),
        httpx.Response(502),
        httpx.Response(503),
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
    ],
)
def test_transient_failures_are_retried(rt: SimpleNamespace, failure: Reply) -> None:
    script = Script(failure, failure)
    client, sleeps = retrying_client(rt, script)
    assert client.request("GET", "/v1/pets", cast_to=dict[str, bool]) == {"ok": True}
    assert len(script.requests) == 3
    assert 0.375 <= sleeps[0] <= 0.5 and 0.75 <= sleeps[1] <= 1.0


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
def test_final_statuses_are_not_retried(rt: SimpleNamespace, status: int) -> None:
    script = Script(httpx.Response(status))
    client, sleeps = retrying_client(rt, script)
    with pytest.raises(rt.exc.APIStatusError) as info:
        client.request("DELETE", "/v1/instructions/1", cast_to=type(None))
    assert info.value.status_code == status
    assert len(script.requests) == 1 and sleeps == []


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (httpx.Response(503), "InternalServerError"),
        (httpx.Response(429), "RateLimitError"),
        (httpx.ReadTimeout("slow"), "APITimeoutError"),
        (httpx.ReadError("reset"), "APIConnectionError"),
    ],
)
def test_the_last_failure_is_raised_after_max_retries(
    rt: SimpleNamespace, failure: Reply, error: str
) -> None:
    script = Script(*[failure] * 10)
    client, sleeps = retrying_client(rt, script, max_retries=3)
    with pytest.raises(rt.exc.APIError) as info:
        client.request("GET", "/v1/pets", cast_to=type(None))
    assert type(info.value) is getattr(rt.exc, error)
    assert len(script.requests) == 4 and len(sleeps) == 3


def test_max_retries_per_call_then_operation_then_client(rt: SimpleNamespace) -> None:
    RequestOptions = rt.types.RequestOptions

    def attempts(client_limit: int, operation_limit: int | None, call_limit: Any) -> int:
        script = Script(*[httpx.Response(503)] * 10)
        client, _ = retrying_client(rt, script, max_retries=client_limit)
        with pytest.raises(rt.exc.InternalServerError):
            client.request(
                "GET",
                "/v1/pets",
                cast_to=type(None),
                options=RequestOptions(max_retries=call_limit),
                operation_max_retries=operation_limit,
            )
        return len(script.requests)

    not_given = rt.types.NOT_GIVEN
    assert attempts(2, None, not_given) == 3
    assert attempts(2, 0, not_given) == 1
    assert attempts(2, 4, not_given) == 5
    assert attempts(2, 0, 1) == 2
    assert attempts(5, None, 0) == 1
    with pytest.raises(ValueError, match="max_retries"):
        attempts(2, None, -1)


@pytest.mark.parametrize("method", ["POST", "PATCH"])
@pytest.mark.parametrize(
    "failure", [httpx.Response(503), httpx.Response(429), httpx.ReadError("reset")]
)
def test_non_idempotent_requests_without_a_key_are_never_repeated(
    rt: SimpleNamespace, method: str, failure: Reply
) -> None:
    script = Script(failure)
    client, sleeps = retrying_client(rt, script)
    with pytest.raises(rt.exc.APIError):
        client.request(method, "/v1/orders", cast_to=type(None), json_body={"qty": 1})
    assert len(script.requests) == 1 and sleeps == []


def test_a_caller_supplied_idempotency_key_makes_a_post_retryable(rt: SimpleNamespace) -> None:
    script = Script(httpx.Response(503), httpx.ReadError("reset"))
    client, _ = retrying_client(rt, script)
    options = rt.types.RequestOptions(extra_headers={"Idempotency-Key": "mine"})
    client.request("POST", "/v1/orders", cast_to=type(None), json_body={}, options=options)
    assert [r.headers["idempotency-key"] for r in script.requests] == ["mine"] * 3


def test_idempotency_key_is_generated_once_per_call_and_reused(rt: SimpleNamespace) -> None:
    script = Script(httpx.Response(500), httpx.Response(503))
    client, _ = retrying_client(rt, script)
    for _ in range(2):
        client.request(
            "PATCH",
            "/v1/orders/1",
            cast_to=type(None),
            json_body={"qty": 2},
            idempotency_header="X-Request-Key",
        )
    keys = [r.headers["x-request-key"] for r in script.requests]
    assert len(keys) == 4
    assert keys[0] == keys[1] == keys[2] != keys[3]  # three attempts of call 1, then call 2
    assert all(str(uuid.UUID(key)) == key for key in keys)
    assert all(json.loads(r.content) == {"qty": 2} for r in script.requests)


@pytest.mark.parametrize(
    ("headers", "options"),
    [
        ({"X-Request-Key": "from-argument"}, None),
        (None, {"extra_headers": {"x-request-key": "from-argument"}}),
    ],
)
def test_idempotency_key_given_by_the_caller_is_kept(
    rt: SimpleNamespace, headers: dict[str, str] | None, options: dict[str, Any] | None
) -> None:
    script = Script(httpx.Response(503))
    client, _ = retrying_client(rt, script)
    client.request(
        "POST",
        "/v1/orders",
        cast_to=type(None),
        headers=headers,
        options=rt.types.RequestOptions(**(options or {})),
        idempotency_header="X-Request-Key",
    )
    assert [r.headers.get_list("x-request-key") for r in script.requests] == [
        ["from-argument"],
        ["from-argument"],
    ]


def test_retry_after_is_honoured_and_a_long_one_ends_the_retries(rt: SimpleNamespace) -> None:
    script = Script(
        httpx.Response(429, headers={"retry-after-ms": "30"}),
        httpx.Response(503, headers={"retry-after": "0"}),
        httpx.Response(429, headers={"retry-after": "120"}),
    )
    client, sleeps = retrying_client(rt, script, max_retries=5)
    with pytest.raises(rt.exc.RateLimitError) as info:
        client.request("GET", "/v1/pets", cast_to=type(None))
    assert sleeps == [0.03, 0.0]
    assert len(script.requests) == 3
    assert info.value.headers["retry-after"] == "120"


def test_retry_decisions_are_logged_without_credentials(
    rt: SimpleNamespace, caplog: pytest.LogCaptureFixture
) -> None:
    class BearerClient(rt.base.SyncAPIClient):  # type: ignore[name-defined,misc]
        @property
        def auth_headers(self) -> dict[str, str]:
            return {"Authorization": "Bearer top-secret"}

    script = Script(httpx.Response(503), httpx.Response(503), httpx.Response(503))
    client = BearerClient(
        base_url=BASE_URL,
        http_client=httpx.Client(transport=httpx.MockTransport(script)),
        max_retries=1,
        initial_retry_delay=0.0,
    )
    with caplog.at_level(logging.DEBUG, logger=PACKAGE), pytest.raises(rt.exc.APIStatusError):
        client.request("GET", "/v1/pets", cast_to=type(None))
    with caplog.at_level(logging.DEBUG, logger=PACKAGE), pytest.raises(rt.exc.APIStatusError):
        client.request("POST", "/v1/pets", cast_to=type(None))
    messages = [r.getMessage() for r in caplog.records if r.name == PACKAGE]
    url = f"{BASE_URL}/v1/pets"
    assert f"Retrying GET {url} in 0.000 s (retry 1 of 1) after 503 Service Unavailable" in messages
    assert f"Giving up on GET {url} after 2 attempts: 503 Service Unavailable" in messages
    assert any(m.startswith(f"Not retrying POST {url} (503 Service Unavailable)") for m in messages)
    assert sum(m.startswith("Response:") and "ms)" in m for m in messages) == 3
    assert "top-secret" not in caplog.text


def test_async_retries(rt: SimpleNamespace) -> None:
    script = Script(
        httpx.Response(503),
        httpx.ConnectError("refused"),
        httpx.Response(200, json={"ok": True}),
        httpx.Response(500),
    )
    sleeps: list[float] = []

    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    async def main() -> None:
        client = make_async_client(rt, script, max_retries=2)
        client._sleep = record
        assert await client.request("GET", "/", cast_to=dict[str, bool]) == {"ok": True}
        with pytest.raises(rt.exc.InternalServerError):  # a POST without a key: one attempt
            await client.request("POST", "/", cast_to=type(None))
        await client.request("POST", "/", cast_to=type(None), idempotency_header="Idempotency-Key")

    asyncio.run(main())
    assert len(sleeps) == 2
    methods = [r.method for r in script.requests]
    assert methods == ["GET", "GET", "GET", "POST", "POST"]
    assert script.requests[4].headers["idempotency-key"]


def test_real_sleeps_between_attempts(rt: SimpleNamespace) -> None:
    script = Script(httpx.Response(503, headers={"retry-after-ms": "40"}))
    client = make_client(rt, script, max_retries=1)
    started = time.monotonic()
    client.request("GET", "/", cast_to=dict[str, bool])
    assert time.monotonic() - started >= 0.04
    assert len(script.requests) == 2


# --- Raw and streamed responses ----------------------------------------------------------


def pets_endpoint(client: Any) -> Callable[..., list[Pet]]:
    """A stand-in for a generated method."""

    def list_pets(*, limit: int) -> list[Pet]:
        return cast(
            "list[Pet]",
            client.request("GET", "/v1/pets", cast_to=list[Pet], params={"limit": limit}),
        )

    return list_pets


def test_raw_response(rt: SimpleNamespace) -> None:
    body = [{"name": "Rex", "petType": "dog"}]
    script = Script(
        httpx.Response(502),
        json_response(200, body, headers={"x-request-id": "req_9", "x-total": "1"}),
        json_response(200, body),
    )
    client, _ = retrying_client(rt, script)
    raw_list_pets = rt.response.to_raw_response_wrapper(pets_endpoint(client))
    assert raw_list_pets.__name__ == "list_pets"
    response = raw_list_pets(limit=5)
    assert isinstance(response, rt.response.APIResponse)
    assert response.status_code == 200
    assert response.headers["x-total"] == "1"
    assert response.request_id == "req_9"
    assert response.retries_taken == 1
    assert response.url == f"{BASE_URL}/v1/pets?limit=5"
    assert isinstance(response.http_response, httpx.Response)
    assert response.parse() == [Pet(name="Rex", petType="dog")]
    assert response.parse() is response.parse()  # parsed once
    assert response.json() == body
    # Outside the wrapper, the same function parses again.
    assert pets_endpoint(client)(limit=5) == [Pet(name="Rex", petType="dog")]


def test_raw_response_still_raises_status_errors(rt: SimpleNamespace) -> None:
    client = make_client(rt, Script(json_response(404, {"error": "no"})))
    with pytest.raises(rt.exc.NotFoundError) as info:
        rt.response.to_raw_response_wrapper(pets_endpoint(client))(limit=1)
    assert info.value.body == {"error": "no"}


class Trickle(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body sent chunk by chunk, remembering how far the reader got."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.sent = 0
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.sent += 1
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            self.sent += 1
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


SSE_CHUNKS = [
    b": keep-alive\n\n",
    b'event: fill\nid: 1\ndata: {"qty"',
    b": 5}\n\ndata: a\r\ndata: b\r",
    b"\n\r\ndata: last\n\n",
    b"data: unfinished",
]


def test_streaming_response_reads_the_body_as_it_arrives(rt: SimpleNamespace) -> None:
    stream = Trickle(SSE_CHUNKS)
    headers = {"content-type": "text/event-stream"}
    client = make_client(rt, Script(httpx.Response(200, headers=headers, stream=stream)))

    def follow() -> str:
        return cast(str, client.request("GET", "/v1/events", cast_to=str))

    with rt.response.to_streamed_response_wrapper(follow)() as response:
        assert response.status_code == 200
        assert stream.sent == 0  # nothing read yet
        events = response.iter_events()
        first = next(events)
        assert (first.event, first.id, first.json()) == ("fill", "1", {"qty": 5})
        assert stream.sent == 3  # only as much as the first event needed
        rest = list(events)
    assert stream.closed
    assert [(e.event, e.data, e.id) for e in rest] == [
        ("message", "a\nb", "1"),
        ("message", "last", "1"),
    ]


def test_streaming_lines_bytes_and_parse(rt: SimpleNamespace) -> None:
    def stream_client(chunks: list[bytes]) -> Any:
        return make_client(rt, Script(httpx.Response(200, stream=Trickle(chunks))))

    def call(client: Any, cast_to: Any) -> Any:
        return rt.response.to_streamed_response_wrapper(
            lambda: client.request("GET", "/", cast_to=cast_to)
        )()

    with call(stream_client([b"caf\xc3", b"\xa9\r\nline 2\rline 3"]), str) as response:
        assert list(response.iter_lines()) == ["café", "line 2", "line 3"]
    with call(stream_client([b"ab", b"cd"]), bytes) as response:
        assert list(response.iter_bytes()) == [b"ab", b"cd"]
    with call(stream_client([b'[{"name": "Rex", ', b'"petType": "dog"}]']), list[Pet]) as response:
        assert response.parse() == [Pet(name="Rex", petType="dog")]


def test_streamed_error_status_is_read_into_the_exception(rt: SimpleNamespace) -> None:
    stream = Trickle([b'{"error": ', b'"busy"}'])
    client = make_client(rt, Script(httpx.Response(503, stream=stream)))
    wrapped = rt.response.to_streamed_response_wrapper(
        lambda: client.request("GET", "/", cast_to=str)
    )
    with pytest.raises(rt.exc.InternalServerError) as info, wrapped():
        pass
    assert info.value.body == {"error": "busy"}
    assert stream.closed


def test_async_raw_and_streamed_responses(rt: SimpleNamespace) -> None:
    stream = Trickle(SSE_CHUNKS)
    script = Script(
        json_response(200, [{"name": "Rex", "petType": "dog"}], headers={"request-id": "r"}),
        httpx.Response(200, stream=stream),
    )

    async def main() -> None:
        client = make_async_client(rt, script)

        async def list_pets() -> list[Pet]:
            return cast("list[Pet]", await client.request("GET", "/", cast_to=list[Pet]))

        response = await rt.response.async_to_raw_response_wrapper(list_pets)()
        assert isinstance(response, rt.response.AsyncAPIResponse)
        assert (response.status_code, response.request_id) == (200, "r")
        assert await response.parse() == [Pet(name="Rex", petType="dog")]
        assert await response.text() == '[{"name":"Rex","petType":"dog"}]'

        async def events() -> str:
            return cast(str, await client.request("GET", "/events", cast_to=str))

        async with rt.response.async_to_streamed_response_wrapper(events)() as streamed:
            assert stream.sent == 0
            received = [event.data async for event in streamed.iter_events()]
        assert received == ['{"qty": 5}', "a\nb", "last"]
        assert stream.closed

    asyncio.run(main())


def test_response_modes_do_not_leak_between_concurrent_tasks(rt: SimpleNamespace) -> None:
    async def main() -> None:
        client = make_async_client(rt, Script(*[json_response(200, [])] * 4))
        gate = asyncio.Event()

        async def list_pets() -> list[Pet]:
            await gate.wait()
            return cast("list[Pet]", await client.request("GET", "/", cast_to=list[Pet]))

        raw = asyncio.ensure_future(rt.response.async_to_raw_response_wrapper(list_pets)())
        plain = asyncio.ensure_future(list_pets())
        await asyncio.sleep(0)
        gate.set()
        assert isinstance(await raw, rt.response.AsyncAPIResponse)
        assert await plain == []

    asyncio.run(main())


# --- Server-sent events -------------------------------------------------------------------


def parse_events(
    rt: SimpleNamespace, *chunks: bytes
) -> list[tuple[str, str, str | None, int | None]]:
    lines = rt.streaming.iter_lines(iter(chunks))
    return [(e.event, e.data, e.id, e.retry) for e in rt.streaming.iter_events(lines)]


def test_sse_fields(rt: SimpleNamespace) -> None:
    text = (
        b"\xef\xbb\xbfdata: first\n\n"  # a byte order mark may open the stream
        b": a comment\n"
        b"event: update\ndata:no space\ndata:  two spaces\nid: 7\nretry: 1500\n\n"
        b"data\n\n"  # a field name alone: empty value
        b"id: 8\n\n"  # no data: no event, but the id is kept
        b"data: x\nretry: soon\nunknown: field\n\n"
        b"id: bad\0id\ndata: y\n\n"
    )
    assert parse_events(rt, text) == [
        ("message", "first", None, None),
        ("update", "no space\n two spaces", "7", 1500),
        ("message", "", "7", None),
        ("message", "x", "8", None),
        ("message", "y", "8", None),
    ]


@pytest.mark.parametrize("size", [1, 2, 3, 7, 1000])
def test_sse_line_endings_across_chunk_boundaries(rt: SimpleNamespace, size: int) -> None:
    text = "data: a\r\ndata: é\rdata: c\n\r\nevent: e\rdata: d\r\r".encode()
    chunks = [text[i : i + size] for i in range(0, len(text), size)]
    assert parse_events(rt, *chunks) == [
        ("message", "a\né\nc", None, None),
        ("e", "d", None, None),
    ]


def test_lines_keep_characters_that_splitlines_would_split_on(rt: SimpleNamespace) -> None:
    text = "a\u2028b\x0cc\nlast".encode()
    assert list(rt.streaming.iter_lines([text])) == ["a\u2028b\x0cc", "last"]


def test_server_sent_event_is_a_value(rt: SimpleNamespace) -> None:
    event = rt.streaming.ServerSentEvent(data='{"a": [1]}')
    assert (event.event, event.id, event.retry, event.json()) == ("message", None, None, {"a": [1]})
    assert event == rt.streaming.ServerSentEvent(data='{"a": [1]}', event="message")


def test_raw_page_wrapper_keeps_the_first_response_and_parses_to_the_page(
    rt: SimpleNamespace,
) -> None:
    script = Script(
        httpx.Response(503),
        json_response(200, [{"name": "Rex", "petType": "dog"}], headers={"x-page": "1"}),
        json_response(200, [], headers={"x-page": "2"}),
    )
    client, _ = retrying_client(rt, script)
    list_pets = pets_endpoint(client)

    def first_two_pages(*, limit: int) -> tuple[list[Pet], list[Pet]]:
        """A stand-in for a paginated method: it parses more than one response."""
        return list_pets(limit=limit), list_pets(limit=limit)

    response = rt.response.to_raw_page_wrapper(first_two_pages)(limit=1)
    assert isinstance(response, rt.response.APIResponse)
    assert (response.headers["x-page"], response.retries_taken) == ("1", 1)
    assert response.parse() == ([Pet(name="Rex", petType="dog")], [])
    assert len(script.requests) == 3

    async def main() -> Any:
        async_client = make_async_client(
            rt, Script(json_response(200, [], headers={"x-page": "a"}))
        )

        async def one_page() -> list[Pet]:
            return cast("list[Pet]", await async_client.request("GET", "/", cast_to=list[Pet]))

        raw = await rt.response.async_to_raw_page_wrapper(one_page)()
        return raw.headers["x-page"], await raw.parse()

    assert asyncio.run(main()) == ("a", [])
