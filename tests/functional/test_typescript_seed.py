"""Issue 17's seed test: `DELETE /v1/accounts/{account_id}/positions/instructions/{instruction_id}`
with a bearer token, through the TypeScript SDK of the seed spec (the golden
generated/clearstreet_ts, compiled by tsc), run by Node against a local HTTP server."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import GENERATED
from typescript_tools import Reply, ScriptedServer, built_sdk, run_node

ENVELOPE = {
    "metadata": {"request_id": "req-42"},
    "error": None,
    "data": {
        "id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02",
        "account_id": 122503,
        "instruction_id": "ui-20260424-001",
        "instruction_type": "EXERCISE",
        "instrument_id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02",
        "quantity": "1",
        "status": "CANCEL_REQUESTED",
        "symbol": "AAPL  280121C00195000",
        "accepted_quantity": None,
        "created_at": "2026-04-24T14:30:00Z",
        "rejection_reason": None,
        "updated_at": "2026-04-24T14:31:00Z",
    },
}
CANCEL = """
  const result = await client.positions.cancelPositionInstruction({
    accountId: 122503,
    instructionId: 'ui 2026/001',
  });
  return {
    status: result.data.status,
    id: result.data.id,
    requestId: result.metadata.request_id,
    error: result.error,
    acceptedQuantity: result.data.accepted_quantity,
  };
"""
EXPECTED = {
    "status": "CANCEL_REQUESTED",
    "id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02",
    "requestId": "req-42",
    "error": None,
    "acceptedQuantity": None,
}


@pytest.fixture(scope="module")
def seed_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_sdk(GENERATED / "clearstreet_ts", tmp_path_factory.mktemp("ts") / "sdk")


def test_the_seed_call_sends_its_request_and_parses_the_instruction(seed_sdk: Path) -> None:
    server = ScriptedServer([Reply(200, ENVELOPE)])
    with server.running() as url:
        client = (
            "const client = new sdk.ClearStreet({ apiKey: 'tok-1', baseURL: process.env.URL });"
        )
        printed = run_node(seed_sdk, client + CANCEL, {"URL": url})
    assert printed == {"ok": True, "value": EXPECTED}
    (request,) = server.received
    assert request.method == "DELETE"
    # Path parameters are percent-encoded: a space and a slash stay inside their segment.
    assert request.path == "/v1/accounts/122503/positions/instructions/ui%202026%2F001"
    assert request.headers["authorization"] == "Bearer tok-1"
    assert request.headers["accept"] == "application/json"
    assert request.body == b"" and "content-type" not in request.headers


def test_the_token_and_base_url_come_from_the_environment(seed_sdk: Path) -> None:
    server = ScriptedServer([Reply(200, ENVELOPE)])
    with server.running() as url:
        env = {"CLEAR_STREET_API_KEY": "from-env", "CLEAR_STREET_BASE_URL": url + "/"}
        printed = run_node(seed_sdk, "const client = new sdk.ClearStreet();" + CANCEL, env)
    assert printed == {"ok": True, "value": EXPECTED}
    assert server.received[0].headers["authorization"] == "Bearer from-env"


def test_a_client_without_a_token_says_how_to_give_one(seed_sdk: Path) -> None:
    printed = run_node(seed_sdk, "new sdk.ClearStreet(); return 'constructed';")
    assert printed["ok"] is False and printed["error"] == "SDKError"
    assert "CLEAR_STREET_API_KEY" in str(printed["message"])


def test_a_terminal_instruction_is_a_conflict_error_with_its_body(seed_sdk: Path) -> None:
    error = {"code": 409, "message": "Instruction is in a terminal state"}
    server = ScriptedServer([Reply(409, error, (("x-request-id", "req-409"),))])
    with server.running() as url:
        client = "const client = new sdk.ClearStreet({ apiKey: 't', baseURL: process.env.URL });"
        printed = run_node(seed_sdk, client + CANCEL, {"URL": url})
    assert printed["error"] == "ConflictError" and printed["isAPIError"] is True
    assert (printed["status"], printed["body"], printed["requestId"]) == (409, error, "req-409")
    assert len(server.received) == 3  # DELETE is idempotent: 409 retried, twice by default


def test_the_request_id_comes_from_the_body_when_no_header_has_one(seed_sdk: Path) -> None:
    """The target's `request_id: {body: metadata.request_id}`: the envelope's id, after the
    usual headers (which win when present)."""
    envelope = {"metadata": {"request_id": "req-in-body"}, "error": {"message": "gone"}}
    replies = [Reply(404, envelope), Reply(404, envelope, (("x-request-id", "req-header"),))]
    server = ScriptedServer(replies)
    with server.running() as url:
        client = "const client = new sdk.ClearStreet({ apiKey: 't', baseURL: process.env.URL });"
        first = run_node(seed_sdk, client + CANCEL, {"URL": url})
        second = run_node(seed_sdk, client + CANCEL, {"URL": url})
    assert (first["error"], first["requestId"]) == ("NotFoundError", "req-in-body")
    assert (second["error"], second["requestId"]) == ("NotFoundError", "req-header")


def test_with_response_reads_the_request_id_where_the_errors_do(seed_sdk: Path) -> None:
    server = ScriptedServer([Reply(200, ENVELOPE)])  # no request-id header: the envelope's
    script = """
  const client = new sdk.ClearStreet({ apiKey: 't', baseURL: process.env.URL });
  const { data, requestId } = await client.positions
    .cancelPositionInstruction({ accountId: 1, instructionId: 'i' })
    .withResponse();
  return [requestId, data.data.status];
"""
    with server.running() as url:
        printed = run_node(seed_sdk, script, {"URL": url})
    assert printed == {"ok": True, "value": ["req-42", "CANCEL_REQUESTED"]}
