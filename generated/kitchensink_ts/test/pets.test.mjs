// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
// Tests of the PetsResource methods: each call against a local server answering with
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

test("pets.listPets", async () => {
  const server = REMOTE ? null : await serve(200, [{"pet_type": "dog", "id": 1, "name": "Rex", "breed": "Beagle", "birth_date": "2020-05-17", "nickname": null, "status": "available", "tags": ["friendly", "small"], "category": {"id": 10, "name": "Dogs", "children": []}, "weight_kg": 11.5, "legacy_code": "D-0001", "created_at": "2026-01-02T03:04:05Z"}, {"pet_type": "cat", "id": 2, "name": "Tom", "nickname": "Tommy", "lives_left": 9, "indoor": true, "status": "pending", "created_at": "2026-01-02T03:04:05Z"}]);
  try {
    const client = new sdk.KitchenSink({ ...CREDENTIALS, baseURL: REMOTE ?? server.url, maxRetries: 0 });
    const page = await client.pets.listPets({"name": "string", "status": "available", "tags": ["string"], "pageSize": 20, "offset": 0, "includeArchived": false, "queryFrom": "2026-01-02T03:04:05Z", "xRequestTag": "string"});
    const result = page.body;
    // for await goes through the same items (and no further than the first page: one request).
    const seen = [];
    for await (const item of page) {
      seen.push(item);
      if (seen.length >= page.items.length) break;
    }
    assert.deepEqual(seen, page.items);
    if (server === null) return;
    const [request] = server.requests;
    assert.equal(request.method, "GET");
    assert.equal(request.url.split('?')[0], "/pets");
    assert.deepEqual(page.items, [{"pet_type": "dog", "id": 1, "name": "Rex", "breed": "Beagle", "birth_date": "2020-05-17", "nickname": null, "status": "available", "tags": ["friendly", "small"], "category": {"id": 10, "name": "Dogs", "children": []}, "weight_kg": 11.5, "legacy_code": "D-0001", "created_at": "2026-01-02T03:04:05Z"}, {"pet_type": "cat", "id": 2, "name": "Tom", "nickname": "Tommy", "lives_left": 9, "indoor": true, "status": "pending", "created_at": "2026-01-02T03:04:05Z"}]);
    assert.deepEqual(result, [{"pet_type": "dog", "id": 1, "name": "Rex", "breed": "Beagle", "birth_date": "2020-05-17", "nickname": null, "status": "available", "tags": ["friendly", "small"], "category": {"id": 10, "name": "Dogs", "children": []}, "weight_kg": 11.5, "legacy_code": "D-0001", "created_at": "2026-01-02T03:04:05Z"}, {"pet_type": "cat", "id": 2, "name": "Tom", "nickname": "Tommy", "lives_left": 9, "indoor": true, "status": "pending", "created_at": "2026-01-02T03:04:05Z"}]);
  } finally {
    await server?.close();
  }
});

test("pets.getPet", async () => {
  const server = REMOTE ? null : await serve(200, {"pet_type": "cat", "id": 2, "name": "Tom", "nickname": null, "lives_left": 7, "indoor": false, "status": "sold", "created_at": "2026-01-02T03:04:05Z"});
  try {
    const client = new sdk.KitchenSink({ ...CREDENTIALS, baseURL: REMOTE ?? server.url, maxRetries: 0 });
    const result = await client.pets.getPet({"petId": 1});
    if (server === null) return;
    const [request] = server.requests;
    assert.equal(request.method, "GET");
    assert.equal(request.url.split('?')[0], "/pets/1");
    assert.deepEqual(result, {"pet_type": "cat", "id": 2, "name": "Tom", "nickname": null, "lives_left": 7, "indoor": false, "status": "sold", "created_at": "2026-01-02T03:04:05Z"});
  } finally {
    await server?.close();
  }
});

test("pets.putPet", async () => {
  const server = REMOTE ? null : await serve(200, {"pet_type": "dog", "id": 1, "name": "Rex", "breed": "Beagle", "birth_date": "2020-05-17", "nickname": "Rexy", "status": "available", "tags": [], "category": {"id": 10, "name": "Dogs", "children": [{"id": 11, "name": "Hounds", "children": []}]}, "weight_kg": 12.25, "legacy_code": "D-0001", "created_at": "2026-01-02T03:04:05Z"});
  try {
    const client = new sdk.KitchenSink({ ...CREDENTIALS, baseURL: REMOTE ?? server.url, maxRetries: 0 });
    const result = await client.pets.putPet({"petId": 1, "xRequestTag": "string", "body": {"pet_type": "dog", "id": 1, "name": "string", "breed": "string", "birth_date": "2026-01-02", "nickname": "string", "status": "available", "tags": ["string"], "category": {"id": 1, "name": "string", "children": [{"id": 1, "name": "string", "children": []}]}, "weight_kg": 1.5, "legacy_code": "string", "created_at": "2026-01-02T03:04:05Z"}});
    if (server === null) return;
    const [request] = server.requests;
    assert.equal(request.method, "PUT");
    assert.equal(request.url.split('?')[0], "/pets/1");
    assert.deepEqual(JSON.parse(request.text), {"pet_type": "dog", "id": 1, "name": "string", "breed": "string", "birth_date": "2026-01-02", "nickname": "string", "status": "available", "tags": ["string"], "category": {"id": 1, "name": "string", "children": [{"id": 1, "name": "string", "children": []}]}, "weight_kg": 1.5, "legacy_code": "string", "created_at": "2026-01-02T03:04:05Z"});
    assert.deepEqual(result, {"pet_type": "dog", "id": 1, "name": "Rex", "breed": "Beagle", "birth_date": "2020-05-17", "nickname": "Rexy", "status": "available", "tags": [], "category": {"id": 10, "name": "Dogs", "children": [{"id": 11, "name": "Hounds", "children": []}]}, "weight_kg": 12.25, "legacy_code": "D-0001", "created_at": "2026-01-02T03:04:05Z"});
  } finally {
    await server?.close();
  }
});

test("pets.deletePet", async () => {
  const server = REMOTE ? null : await serve(204, undefined);
  try {
    const client = new sdk.KitchenSink({ ...CREDENTIALS, baseURL: REMOTE ?? server.url, maxRetries: 0 });
    const result = await client.pets.deletePet({"petId": 1, "xRequestTag": "string"});
    if (server === null) return;
    const [request] = server.requests;
    assert.equal(request.method, "DELETE");
    assert.equal(request.url.split('?')[0], "/pets/1");
    void result;
  } finally {
    await server?.close();
  }
});
