"""OAuth 2 client credentials: an SDK whose spec declares a `clientCredentials` flow takes
`client_id=` and `client_secret=`, fetches its token from the flow's `tokenUrl`, keeps it until
shortly before it expires, renews it once when the API answers 401, and fetches one token at a
time however many threads or tasks call. Over real HTTP exchanges with `httpx.MockTransport`.
"""

from __future__ import annotations

import asyncio
import base64
import importlib
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from urllib.parse import parse_qs

import httpx
import pytest
from helpers import describe, mypy_strict, sdkwright

SPEC = """\
openapi: 3.0.3
info: {title: Ledger, version: "1"}
servers: [{url: "https://api.ledger.example/v1"}]
security: [{oauth: [ledger.read]}]
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.ledger.example/oauth/token
          scopes: {ledger.read: read the ledger, ledger.write: write it}
paths:
  /entries:
    get:
      operationId: listEntries
      responses:
        "200":
          description: The entries.
          content:
            application/json:
              schema: {type: array, items: {type: string}}
"""
TOKEN_URL = "https://auth.ledger.example/oauth/token"


class Server:
    """The token endpoint and the API: tokens t1, t2, ... each valid until revoked."""

    def __init__(self, expires_in: float = 3600) -> None:
        self.expires_in = expires_in
        self.token_requests: list[httpx.Request] = []
        self.issued: list[str] = []
        self.revoked: set[str] = set()
        self.api_tokens: list[str] = []
        self.lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            with self.lock:
                self.token_requests.append(request)
                token = f"t{len(self.token_requests)}"
                self.issued.append(token)
            time.sleep(0.05)  # long enough for concurrent callers to meet here
            body = {"access_token": token, "token_type": "Bearer", "expires_in": self.expires_in}
            return httpx.Response(200, json=body)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        self.api_tokens.append(token)
        if token not in self.issued or token in self.revoked:
            return httpx.Response(401, json={"error": "invalid_token"})
        return httpx.Response(200, json=["e1", "e2"])


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("oauth")
    (root / "ledger.yaml").write_text(SPEC)
    result = sdkwright("generate", root / "ledger.yaml", "-o", root / "sdk", "--package", "ledger")
    assert result.returncode == 0, describe(result)
    return root


@pytest.fixture(scope="module")
def sdk(project: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(project / "sdk"))
    try:
        yield importlib.import_module("ledger")
    finally:
        sys.path.remove(str(project / "sdk"))
        for name in [m for m in sys.modules if m.split(".")[0] == "ledger"]:
            del sys.modules[name]


def client_for(sdk: ModuleType, server: Server, **credentials: str) -> object:
    http = httpx.Client(transport=httpx.MockTransport(server))
    given = credentials or {"client_id": "app 1", "client_secret": "s3:cret"}
    return sdk.Ledger(http_client=http, max_retries=0, **given)


def test_the_client_fetches_a_token_once_and_sends_it(sdk: ModuleType) -> None:
    server = Server()
    client = client_for(sdk, server)
    assert client.entries.list_entries() == ["e1", "e2"]  # type: ignore[attr-defined]
    assert client.entries.list_entries() == ["e1", "e2"]  # type: ignore[attr-defined]
    (token_request,) = server.token_requests
    assert server.api_tokens == ["t1", "t1"]
    assert token_request.method == "POST"
    form = parse_qs(token_request.content.decode())
    assert form == {"grant_type": ["client_credentials"], "scope": ["ledger.read ledger.write"]}
    user = base64.b64decode(token_request.headers["Authorization"].removeprefix("Basic "))
    assert user == b"app%201:s3%3Acret"  # RFC 6749 2.3.1: form-encoded, then basic auth
    assert token_request.headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_a_token_about_to_expire_is_renewed_first(sdk: ModuleType) -> None:
    server = Server(expires_in=1)  # renewed half a second early, at most 30 s early
    client = client_for(sdk, server)
    client.entries.list_entries()  # type: ignore[attr-defined]
    client.entries.list_entries()  # type: ignore[attr-defined]
    time.sleep(0.6)
    client.entries.list_entries()  # type: ignore[attr-defined]
    assert server.api_tokens == ["t1", "t1", "t2"]


def test_a_refused_token_is_renewed_once(sdk: ModuleType) -> None:
    server = Server()
    client = client_for(sdk, server)
    client.entries.list_entries()  # type: ignore[attr-defined]
    server.revoked.add("t1")
    assert client.entries.list_entries() == ["e1", "e2"]  # type: ignore[attr-defined]
    assert server.api_tokens == ["t1", "t1", "t2"]
    server.revoked |= {"t2", "t3"}  # and the next token the endpoint issues
    with pytest.raises(sdk.AuthenticationError):
        client.entries.list_entries()  # type: ignore[attr-defined]
    assert server.api_tokens[3:] == ["t2", "t3"]  # one renewal, then the 401 is raised
    assert len(server.token_requests) == 3


def test_a_given_token_wins_and_nothing_is_fetched(sdk: ModuleType) -> None:
    server = Server()
    server.issued.append("mine")
    client = client_for(sdk, server, api_key="mine", client_id="a", client_secret="b")
    client.entries.list_entries()  # type: ignore[attr-defined]
    assert server.token_requests == [] and server.api_tokens == ["mine"]


def test_a_refusing_token_endpoint_raises_its_status_error(sdk: ModuleType) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert str(request.url) == TOKEN_URL, "no API call without a token"
        return httpx.Response(400, json={"error": "invalid_client"})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = sdk.Ledger(http_client=http, max_retries=0, client_id="a", client_secret="b")
    with pytest.raises(sdk.BadRequestError) as raised:
        client.entries.list_entries()
    assert str(raised.value.request.url) == TOKEN_URL and "invalid_client" in str(raised.value)


def test_threads_share_one_fetch(sdk: ModuleType) -> None:
    server = Server()
    client = client_for(sdk, server)
    threads = [threading.Thread(target=client.entries.list_entries) for _ in range(8)]  # type: ignore[attr-defined]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(server.token_requests) == 1 and server.api_tokens == ["t1"] * 8


def test_async_tasks_share_one_fetch(sdk: ModuleType) -> None:
    server = Server()

    async def handler(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0.05 if str(request.url) == TOKEN_URL else 0)
        return server(request)

    async def calls() -> list[object]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        client = sdk.AsyncLedger(http_client=http, client_id="a", client_secret="b")
        return list(await asyncio.gather(*(client.entries.list_entries() for _ in range(8))))

    assert asyncio.run(calls()) == [["e1", "e2"]] * 8
    assert len(server.token_requests) == 1


def test_the_credentials_come_from_the_environment(
    sdk: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEDGER_CLIENT_ID", "env-id")
    monkeypatch.setenv("LEDGER_CLIENT_SECRET", "env-secret")
    monkeypatch.delenv("LEDGER_API_KEY", raising=False)
    server = Server()
    http = httpx.Client(transport=httpx.MockTransport(server))
    sdk.Ledger(http_client=http).entries.list_entries()
    user = base64.b64decode(server.token_requests[0].headers["Authorization"][6:])
    assert user == b"env-id:env-secret"


def test_the_sdk_type_checks(project: Path) -> None:
    checked = mypy_strict(project / "sdk", "ledger")
    assert checked.returncode == 0, describe(checked)


def test_a_token_response_without_a_token_is_an_error(sdk: ModuleType) -> None:
    oauth = importlib.import_module("ledger._oauth")

    def handler(request: httpx.Request) -> httpx.Response:
        assert str(request.url) == TOKEN_URL, "no API call without a token"
        return httpx.Response(200, json={"token_type": "Bearer"})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = sdk.Ledger(http_client=http, max_retries=0, client_id="a", client_secret="b")
    with pytest.raises(oauth.OAuthTokenError, match="no access_token"):
        client.entries.list_entries()
