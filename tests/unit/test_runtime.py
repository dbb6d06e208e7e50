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
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import httpx
import jinja2
import pydantic
import pytest

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates" / "httpx"
MODULES = ("_types", "_exceptions", "_base_client")
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
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    for name in MODULES:
        source = (TEMPLATE_DIR / f"{name}.py.jinja").read_text()
        rendered = env.from_string(source).render(banner="# test banner")
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
    return rt.base.SyncAPIClient(http_client=http_client, **kwargs)


def make_async_client(rt: SimpleNamespace, handler: Handler, **kwargs: Any) -> Any:
    http_client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    kwargs.setdefault("base_url", BASE_URL)
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
def test_templates_contain_no_jinja_beyond_the_banner(name: str) -> None:
    first, rest = (TEMPLATE_DIR / f"{name}.py.jinja").read_text().split("\n", 1)
    assert first == "{{ banner }}"
    for token in ("{{", "}}", "{%", "%}", "{#", "#}"):
        assert token not in rest, f"{name}: stray Jinja token {token!r}"


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
