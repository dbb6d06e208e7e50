// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
// Tests of the StoresResource methods: each call against a local server answering with
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

test("stores.getStore", async () => {
  const server = REMOTE ? null : await serve(200, {"code": "north-1", "name": "North Side Pets", "address": {"street": "1 Main Street", "city": "Springfield", "postal_code": "12345", "country": "US"}, "opening_hours": {"open": "09:00", "close": "17:30"}, "labels": {"parking": "yes", "floor": "ground"}, "created-by": "admin", "created_at": "2026-01-02T03:04:05Z", "updated_at": null});
  try {
    const client = new sdk.KitchenSink({ ...CREDENTIALS, baseURL: REMOTE ?? server.url, maxRetries: 0 });
    const result = await client.stores.getStore({"storeCode": "string"});
    if (server === null) return;
    const [request] = server.requests;
    assert.equal(request.method, "GET");
    assert.equal(request.url.split('?')[0], "/stores/string");
    assert.deepEqual(result, {"code": "north-1", "name": "North Side Pets", "address": {"street": "1 Main Street", "city": "Springfield", "postal_code": "12345", "country": "US"}, "opening_hours": {"open": "09:00", "close": "17:30"}, "labels": {"parking": "yes", "floor": "ground"}, "created-by": "admin", "created_at": "2026-01-02T03:04:05Z", "updated_at": null});
  } finally {
    await server?.close();
  }
});

test("stores.getStoreInventory", async () => {
  const server = REMOTE ? null : await serve(200, {"key": 1});
  try {
    const client = new sdk.KitchenSink({ ...CREDENTIALS, baseURL: REMOTE ?? server.url, maxRetries: 0 });
    const result = await client.stores.getStoreInventory({"storeCode": "string"});
    if (server === null) return;
    const [request] = server.requests;
    assert.equal(request.method, "GET");
    assert.equal(request.url.split('?')[0], "/stores/string/inventory");
    assert.deepEqual(result, {"key": 1});
  } finally {
    await server?.close();
  }
});

test("stores.createOrder", async () => {
  const server = REMOTE ? null : await serve(201, {"id": "3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b", "pet_id": 1, "quantity": 1, "priority": 2, "status": "in-progress", "reference": "ORD-7", "placed_at": "2026-01-02T03:04:05Z", "ship_date": "2026-01-05", "note": null});
  try {
    const client = new sdk.KitchenSink({ ...CREDENTIALS, baseURL: REMOTE ?? server.url, maxRetries: 0 });
    const result = await client.stores.createOrder({"storeCode": "string", "xRequestTag": "string", "body": {"pet_id": 1, "quantity": 1, "priority": 1, "note": "string"}});
    if (server === null) return;
    const [request] = server.requests;
    assert.equal(request.method, "POST");
    assert.equal(request.url.split('?')[0], "/stores/string/orders");
    assert.deepEqual(JSON.parse(request.text), {"pet_id": 1, "quantity": 1, "priority": 1, "note": "string"});
    assert.deepEqual(result, {"id": "3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b", "pet_id": 1, "quantity": 1, "priority": 2, "status": "in-progress", "reference": "ORD-7", "placed_at": "2026-01-02T03:04:05Z", "ship_date": "2026-01-05", "note": null});
  } finally {
    await server?.close();
  }
});
