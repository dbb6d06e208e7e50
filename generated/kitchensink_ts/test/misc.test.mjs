// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
// Tests of the MiscResource methods: each call against a local server answering with
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

test("misc.listCategories", async () => {
  const server = REMOTE ? null : await serve(200, [{"id": 10, "name": "Dogs", "children": [{"id": 11, "name": "Hounds", "children": [{"id": 12, "name": "Beagles", "children": []}]}]}, {"id": 20, "name": "Cats", "children": []}]);
  try {
    const client = new sdk.KitchenSink({ ...CREDENTIALS, baseURL: REMOTE ?? server.url, maxRetries: 0 });
    const result = await client.misc.listCategories();
    if (server === null) return;
    const [request] = server.requests;
    assert.equal(request.method, "GET");
    assert.equal(request.url.split('?')[0], "/categories");
    assert.deepEqual(result, [{"id": 10, "name": "Dogs", "children": [{"id": 11, "name": "Hounds", "children": [{"id": 12, "name": "Beagles", "children": []}]}]}, {"id": 20, "name": "Cats", "children": []}]);
  } finally {
    await server?.close();
  }
});

test("misc.getUserProfile", async () => {
  const server = REMOTE ? null : await serve(200, {"user_id": "0b9c2f4e-1d3a-4c5b-9e8f-7a6b5c4d3e2f", "username": "alice", "class": "gold", "2fa_enabled": true, "created-by": "signup-form", "reactions": {"total_count": 5, "+1": 3, "-1": 1, "laugh": 1}, "avatar": "aGVsbG8=", "score": 97.5, "joined_on": "2024-02-29", "last_seen": null, "preferences": {"theme": "dark", "language": "en"}});
  try {
    const client = new sdk.KitchenSink({ ...CREDENTIALS, baseURL: REMOTE ?? server.url, maxRetries: 0 });
    const result = await client.misc.getUserProfile({"username": "string", "locale": "string"});
    if (server === null) return;
    const [request] = server.requests;
    assert.equal(request.method, "GET");
    assert.equal(request.url.split('?')[0], "/profiles/string");
    assert.deepEqual(result, {"user_id": "0b9c2f4e-1d3a-4c5b-9e8f-7a6b5c4d3e2f", "username": "alice", "class": "gold", "2fa_enabled": true, "created-by": "signup-form", "reactions": {"total_count": 5, "+1": 3, "-1": 1, "laugh": 1}, "avatar": "aGVsbG8=", "score": 97.5, "joined_on": "2024-02-29", "last_seen": null, "preferences": {"theme": "dark", "language": "en"}});
  } finally {
    await server?.close();
  }
});

test("misc.getDepartment", async () => {
  const server = REMOTE ? null : await serve(200, {"id": 1, "name": "string", "members": [{"id": 1, "name": "string", "manages": {"id": 1, "name": "string", "members": []}}]});
  try {
    const client = new sdk.KitchenSink({ ...CREDENTIALS, baseURL: REMOTE ?? server.url, maxRetries: 0 });
    const result = await client.misc.getDepartment({"departmentId": 1, "depth": 1});
    if (server === null) return;
    const [request] = server.requests;
    assert.equal(request.method, "GET");
    assert.equal(request.url.split('?')[0], "/departments/1");
    assert.deepEqual(result, {"id": 1, "name": "string", "members": [{"id": 1, "name": "string", "manages": {"id": 1, "name": "string", "members": []}}]});
  } finally {
    await server?.close();
  }
});
