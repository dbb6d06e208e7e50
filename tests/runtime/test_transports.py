"""The transports, the only runtime modules that import an HTTP library: each one on its
own, and the core's clients over requests (the rest of these tests drive them over httpx)."""

from __future__ import annotations

import ast
import asyncio
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
import requests
import requests.adapters
from runtime_support import BASE_URL, assemble, forget
from sdkwright.targets.python.runtime_files import SOURCE

TRANSPORTS = sorted(p.stem.removeprefix("http_") for p in SOURCE.glob("http_*.py"))


@pytest.fixture(scope="module")
def rq() -> Iterator[SimpleNamespace]:
    yield assemble("rtrequests", http="requests")
    forget("rtrequests")


def _public_names(path: Path) -> set[str]:
    """The public names a module (or stub) defines at its top level."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return {name for name in names if not name.startswith("_")}


@pytest.mark.parametrize("http", TRANSPORTS)
def test_a_transport_defines_exactly_the_interface(http: str) -> None:
    """What the core may ask of `_http` (the stub it is type-checked against in place) is
    what each transport defines, and all it makes public."""
    assert _public_names(SOURCE / f"http_{http}.py") == _public_names(SOURCE / "_http.pyi")


def _libraries(path: Path) -> set[str]:
    """The top-level names of what a module imports (relative imports left out)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted(SOURCE.glob("*.py")), ids=lambda p: p.name)
def test_only_a_transport_imports_its_http_library_and_a_model_module_its_own(path: Path) -> None:
    own = path.stem.partition("_")[2] if path.stem.startswith(("http_", "models_")) else ""
    if path.name == "_httpx_clients.py":  # httpx's own: copied only into SDKs over httpx
        own = "httpx"
    assert _libraries(path) & ({"httpx", "requests", "msgspec"} - {own}) == set()


# --- httpx -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base_url", "path", "expected"),
    [
        ("https://a.test/api/", "/v1/x", "https://a.test/api/v1/x"),
        ("https://a.test", "/v1/x", "https://a.test/v1/x"),
        ("https://a.test/api?key=1", "/v1/x", "https://a.test/api/v1/x?key=1"),
    ],
)
def test_httpx_urls_go_below_the_base_path(
    rt: SimpleNamespace, base_url: str, path: str, expected: str
) -> None:
    join = rt.http.url_joiner(rt.http.parse_base_url(base_url))
    assert str(httpx.URL(join(path))) == expected


@pytest.mark.parametrize(
    ("status", "error"), [(200, False), (399, False), (400, True), (599, True)]
)
def test_httpx_error_statuses(rt: SimpleNamespace, status: int, error: bool) -> None:
    assert rt.http.is_error(httpx.Response(status)) is error
    assert rt.http.reason(httpx.Response(404)) == "Not Found"


# --- requests ----------------------------------------------------------------------


class _Adapter(requests.adapters.BaseAdapter):
    """Answers every request with `responses` in turn, recording what it was sent with."""

    def __init__(self, *responses: tuple[int, bytes]) -> None:
        super().__init__()
        self.responses = list(responses)
        self.sent: list[tuple[requests.PreparedRequest, dict[str, Any]]] = []

    def send(
        self, request: requests.PreparedRequest, *args: Any, **kwargs: Any
    ) -> requests.Response:  # type: ignore[override]
        self.sent.append((request, kwargs))
        status, body = self.responses.pop(0) if self.responses else (200, b'{"ok": true}')
        response = requests.Response()
        response.status_code, response._content, response.request = status, body, request
        response.reason = {200: "OK", 404: "Not Found", 503: "Service Unavailable"}.get(status, "")
        response.headers.update({"content-type": "application/json"})
        return response

    def close(self) -> None:
        pass


def _session(adapter: _Adapter) -> requests.Session:
    session = requests.Session()
    session.mount("https://", adapter)
    return session


def test_requests_client_round_trip(rq: SimpleNamespace) -> None:
    adapter = _Adapter((503, b"busy"), (200, b'{"name": "Rex"}'))
    session = _session(adapter)
    session.headers["X-Session"] = "kept"
    client = rq.base.SyncAPIClient(
        base_url=BASE_URL + "/", http_client=session, default_headers={"X-Default": "d"}
    )
    client._sleep = lambda seconds: None
    result = client.request(
        "GET",
        "v1/pets",
        cast_to=dict[str, str],
        params={"tag": ["a", "b"]},
        options=rq.types.RequestOptions(timeout=(1.0, 2.0)),
    )
    assert result == {"name": "Rex"}
    request, sent_with = adapter.sent[-1]
    assert request.url == f"{BASE_URL}/v1/pets?tag=a&tag=b"
    assert (request.headers["X-Session"], request.headers["x-default"]) == ("kept", "d")
    assert sent_with["timeout"] == (1.0, 2.0)
    assert len(adapter.sent) == 2  # the 503 was retried
    assert client.base_url == BASE_URL and client.timeout == (5.0, 60.0)


def test_requests_errors_and_raw_responses(rq: SimpleNamespace) -> None:
    client = rq.base.SyncAPIClient(
        base_url=BASE_URL, http_client=_session(_Adapter((404, b"gone")))
    )
    with pytest.raises(rq.exc.NotFoundError, match="404 - gone") as info:
        client.request("DELETE", "/v1/pets/1", cast_to=type(None))
    assert isinstance(info.value.response, requests.Response)
    raw_call = rq.response.to_raw_response_wrapper(
        lambda: client.request("GET", "/v1/pets", cast_to=dict[str, bool])
    )
    raw = raw_call()
    assert (raw.status_code, raw.parse(), raw.text(), list(raw.iter_bytes())) == (
        200,
        {"ok": True},
        '{"ok": true}',
        [b'{"ok": true}'],
    )


def test_requests_has_no_async_client(rq: SimpleNamespace) -> None:
    """The core's async client is in every SDK; over requests it refuses to start, and the
    transport's async half refuses to read, rather than block or half work."""
    with pytest.raises(TypeError, match="requests has no async API"):
        rq.base.AsyncAPIClient(base_url=BASE_URL)
    response = requests.Response()
    for call in (rq.http.async_read(response), rq.http.async_close(response)):
        with pytest.raises(TypeError, match="requests has no async API"):
            asyncio.run(call)
    with pytest.raises(TypeError, match="requests has no async API"):
        rq.http.async_iter_bytes(response, None)


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("https://a.test/api/", "https://a.test/api/v1/x"),
        ("https://a.test/api?key=1", "https://a.test/api/v1/x?key=1"),
    ],
)
def test_requests_urls_go_below_the_base_path(
    rq: SimpleNamespace, base_url: str, expected: str
) -> None:
    assert rq.http.url_joiner(rq.http.parse_base_url(base_url))("/v1/x") == expected
