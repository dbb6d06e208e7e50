"""OAuth 2 client credentials in the TypeScript SDKs over real HTTP, as the Python SDKs do
them (runtime/_oauth.py): given a client id and secret instead of a token, the client fetches
its token from the spec's token endpoint (basic authentication, the scopes), keeps it until
shortly before it expires, shares one fetch between concurrent calls, and fetches a new one
at once, once per call, when the API answers 401."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from sdkwright import api
from sdkwright.config import Target
from typescript_tools import Reply, ScriptedServer, built_sdk, run_node

ORDER = {"id": "o-1"}
FLOWS = {"clientCredentials": {"tokenUrl": "/oauth/token", "scopes": {"read": "", "write": ""}}}
SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Vault", "version": "1"},
    "servers": [{"url": "http://localhost:1"}],
    "security": [{"OAuth": ["read", "write"]}],
    "components": {"securitySchemes": {"OAuth": {"type": "oauth2", "flows": FLOWS}}},
    "paths": {
        "/orders/{id}": {
            "get": {
                "operationId": "get_order",
                "tags": ["Orders"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        }
    },
}
CLIENT = (
    "const client = new sdk.Vault({ clientId: 'my id', clientSecret: 's3cr:t',"
    " baseURL: process.env.URL, maxRetries: 0 });\n"
)
GET = "await client.orders.getOrder({ id: 'o-1' });\n"


def token(value: str, expires_in: float | None = 3600) -> Reply:
    body: dict[str, object] = {"access_token": value, "token_type": "Bearer"}
    if expires_in is not None:
        body["expires_in"] = expires_in
    return Reply(200, body)


@pytest.fixture(scope="module")
def vault_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ts-oauth")
    spec = folder / "vault.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    target = Target("vault", spec, folder / "out", "vault", "Vault", language="typescript")
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    return built_sdk(target.output, folder / "sdk")


def scenario(
    sdk: Path, replies: list[Reply], code: str, env: dict[str, str] | None = None
) -> tuple[dict[str, object], ScriptedServer]:
    server = ScriptedServer(replies)
    with server.running() as url:
        printed = run_node(sdk, code, {"URL": url, **(env or {})})
    return printed, server


def test_the_token_is_fetched_once_and_sent_as_a_bearer(vault_sdk: Path) -> None:
    code = CLIENT + GET + "return await client.orders.getOrder({ id: 'o-1' });"
    printed, server = scenario(vault_sdk, [token("t1"), Reply(200, ORDER)], code)
    assert printed == {"ok": True, "value": ORDER}
    fetch, first, second = server.received
    assert (fetch.method, fetch.path) == ("POST", "/oauth/token")
    # RFC 6749 2.3.1: the id and secret form-encoded, then basic authentication.
    assert (
        fetch.headers["authorization"] == "Basic " + base64.b64encode(b"my%20id:s3cr%3At").decode()
    )
    assert fetch.headers["content-type"] == "application/x-www-form-urlencoded"
    form = parse_qs(fetch.body.decode())
    assert form == {"grant_type": ["client_credentials"], "scope": ["read write"]}
    assert [r.path for r in (first, second)] == ["/orders/o-1", "/orders/o-1"]
    assert first.headers["authorization"] == second.headers["authorization"] == "Bearer t1"


def test_a_token_is_fetched_again_shortly_before_it_expires(vault_sdk: Path) -> None:
    """expires_in 1 s: renewed half-way through its life (the 30 s margin, at most half)."""
    code = CLIENT + GET + "await new Promise((r) => setTimeout(r, 700));\n" + GET
    replies = [token("t1", 1), Reply(200, ORDER), token("t2", 1), Reply(200, ORDER)]
    printed, server = scenario(vault_sdk, replies, code)
    assert printed["ok"] is True, printed
    assert [r.path for r in server.received] == ["/oauth/token", "/orders/o-1"] * 2
    assert [r.headers["authorization"] for r in server.received[1::2]] == [
        "Bearer t1",
        "Bearer t2",
    ]


def test_a_refused_token_is_renewed_once_per_call(vault_sdk: Path) -> None:
    refused = Reply(401, {"message": "token revoked"})
    replies = [token("t1"), refused, token("t2"), Reply(200, ORDER)]
    printed, server = scenario(vault_sdk, replies, CLIENT + "return " + GET)
    assert printed == {"ok": True, "value": ORDER}  # maxRetries 0: the renewal is no retry
    assert [r.headers.get("authorization", "")[:8] for r in server.received] == [
        "Basic bX",
        "Bearer t",
        "Basic bX",
        "Bearer t",
    ]
    assert server.received[3].headers["authorization"] == "Bearer t2"
    replies = [token("t1"), refused, token("t2"), refused]
    printed, server = scenario(vault_sdk, replies, CLIENT + GET)
    assert (printed["error"], printed["status"]) == ("AuthenticationError", 401)
    assert len(server.received) == 4  # refused twice: no third token


def test_concurrent_calls_share_one_token_fetch(vault_sdk: Path) -> None:
    code = CLIENT + (
        "const ids = ['a', 'b', 'c'];\n"
        "return await Promise.all(ids.map((id) => client.orders.getOrder({ id })));"
    )
    printed, server = scenario(vault_sdk, [token("t1"), Reply(200, ORDER)], code)
    assert printed == {"ok": True, "value": [ORDER] * 3}
    assert [r.path for r in server.received].count("/oauth/token") == 1
    assert len(server.received) == 4


def test_a_given_token_wins_and_credentials_come_from_the_environment(vault_sdk: Path) -> None:
    code = "const client = new sdk.Vault({ baseURL: process.env.URL });\n" + GET
    printed, server = scenario(vault_sdk, [Reply(200, ORDER)], code, {"VAULT_API_KEY": "tok"})
    assert printed["ok"] is True and len(server.received) == 1
    assert server.received[0].headers["authorization"] == "Bearer tok"
    env = {"VAULT_CLIENT_ID": "env-id", "VAULT_CLIENT_SECRET": "env-secret"}
    printed, server = scenario(vault_sdk, [token("t1"), Reply(200, ORDER)], code, env)
    assert printed["ok"] is True
    basic = base64.b64decode(server.received[0].headers["authorization"].removeprefix("Basic "))
    assert basic == b"env-id:env-secret"


def test_no_credential_at_all_says_how_to_give_one(vault_sdk: Path) -> None:
    printed = run_node(vault_sdk, "new sdk.Vault(); return 'constructed';")
    assert printed["ok"] is False and printed["error"] == "SDKError"
    assert "VAULT_CLIENT_ID" in str(printed["message"]) and "VAULT_API_KEY" in str(
        printed["message"]
    )


def test_a_token_response_without_a_token_is_an_oauth_error(vault_sdk: Path) -> None:
    printed, _ = scenario(vault_sdk, [Reply(200, {"error": "nope"})], CLIENT + GET)
    assert printed["error"] == "OAuthTokenError" and "access_token" in str(printed["message"])
    printed, server = scenario(vault_sdk, [Reply(400, {"error": "invalid_client"})], CLIENT + GET)
    assert (printed["error"], printed["body"]) == ("BadRequestError", {"error": "invalid_client"})
    assert len(server.received) == 1
