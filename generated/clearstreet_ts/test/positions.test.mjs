// File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
// Tests of the PositionsResource methods: each call against a local server answering with
// the documented example, checking the request and the parsed result. With TEST_API_BASE_URL
// (a Prism mock server of the spec, say), each call goes there and must succeed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import * as sdk from '../dist/index.js';

const REMOTE = process.env.TEST_API_BASE_URL;
const CREDENTIALS = {
  apiKey: 'test-credential',
};

/** A server answering every request with `status` and `body` as JSON; it records requests. */
async function serve(status, body) {
  const requests = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: request.method, url: request.url, headers: request.headers, text });
      const data = body === undefined ? '' : JSON.stringify(body);
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) };
}

test("positions.cancelPositionInstruction", async () => {
  const server = REMOTE ? null : await serve(200, {"metadata": {"request_id": "request_id", "next_page_token": "U3RhaW5sZXNzIHJvY2tz", "page_number": 0, "previous_page_token": "U3RhaW5sZXNzIHJvY2tz", "total_items": 0, "total_pages": 0}, "error": {"code": 400, "message": "Order quantity must be greater than zero", "details": [{"foo": "bar"}]}, "data": {"id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02", "account_id": 122503, "instruction_id": "ui-20260424-001", "instruction_type": "EXERCISE", "instrument_id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02", "quantity": "1", "status": "SENT", "symbol": "AAPL  280121C00195000", "accepted_quantity": null, "created_at": "2026-04-24T14:30:00Z", "rejection_reason": null, "updated_at": "2026-04-24T14:30:00Z"}});
  try {
    const client = new sdk.ClearStreet({ ...CREDENTIALS, baseURL: REMOTE ?? server.url, maxRetries: 0 });
    const result = await client.positions.cancelPositionInstruction({"accountId": 1, "instructionId": "string"});
    if (server === null) return;
    const [request] = server.requests;
    assert.equal(request.method, "DELETE");
    assert.equal(request.url.split('?')[0], "/v1/accounts/1/positions/instructions/string");
    assert.deepEqual(result, {"metadata": {"request_id": "request_id", "next_page_token": "U3RhaW5sZXNzIHJvY2tz", "page_number": 0, "previous_page_token": "U3RhaW5sZXNzIHJvY2tz", "total_items": 0, "total_pages": 0}, "error": {"code": 400, "message": "Order quantity must be greater than zero", "details": [{"foo": "bar"}]}, "data": {"id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02", "account_id": 122503, "instruction_id": "ui-20260424-001", "instruction_type": "EXERCISE", "instrument_id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02", "quantity": "1", "status": "SENT", "symbol": "AAPL  280121C00195000", "accepted_quantity": null, "created_at": "2026-04-24T14:30:00Z", "rejection_reason": null, "updated_at": "2026-04-24T14:30:00Z"}});
  } finally {
    await server?.close();
  }
});
