"""Files, binary bodies and cookies in the TypeScript SDKs over real HTTP: multipart fields
typed `Uploadable` (a `Blob`, `File` or bytes), binary bodies typed `BinaryBody` (bytes, a
`Blob`, text or a `ReadableStream`), and cookie parameters sent after the credentials' cookie,
as the Python SDKs send them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sdkwright import api
from sdkwright.config import Target
from typescript_tools import Reply, ScriptedServer, built_sdk, run_node

STORED = {"204": {"description": "Stored."}}
SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Files", "version": "1"},
    "servers": [{"url": "http://localhost:1"}],
    "security": [{"Session": []}],
    "components": {
        "securitySchemes": {"Session": {"type": "apiKey", "in": "cookie", "name": "sid"}}
    },
    "paths": {
        "/files": {
            "post": {
                "operationId": "upload_file",
                "tags": ["Files"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file"],
                                "properties": {
                                    "file": {"type": "string", "format": "binary"},
                                    "extra": {
                                        "type": "array",
                                        "items": {"type": "string", "format": "binary"},
                                    },
                                    "purpose": {"type": "string"},
                                    "labels": {"type": "array", "items": {"type": "string"}},
                                    "attributes": {
                                        "type": "object",
                                        "properties": {"owner": {"type": "string"}},
                                    },
                                },
                            }
                        }
                    },
                },
                "responses": STORED,
            }
        },
        "/blobs/{name}": {
            "put": {
                "operationId": "put_blob",
                "tags": ["Files"],
                "parameters": [
                    {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/octet-stream": {
                            "schema": {"type": "string", "format": "binary"}
                        }
                    },
                },
                "responses": STORED,
            }
        },
        "/prefs": {
            "get": {
                "operationId": "get_prefs",
                "tags": ["Prefs"],
                "parameters": [
                    {"name": "theme", "in": "cookie", "schema": {"type": "string"}},
                    {
                        "name": "langs",
                        "in": "cookie",
                        "schema": {"type": "array", "items": {"type": "string"}},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    },
}
CLIENT = "const client = new sdk.Files({ apiKey: 'ck', baseURL: process.env.URL });\n"


@pytest.fixture(scope="module")
def files_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ts-files")
    spec = folder / "files.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    target = Target("files", spec, folder / "out", "files", "Files", language="typescript")
    result = api.generate(target)
    # Cookie parameters are sent now: no warning says otherwise.
    assert result.files and not result.diagnostics, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    return built_sdk(target.output, folder / "sdk")


def scenario(sdk: Path, code: str, replies: list[Reply] | None = None) -> ScriptedServer:
    server = ScriptedServer(replies or [Reply(204)])
    with server.running() as url:
        printed = run_node(sdk, CLIENT + code, {"URL": url})
    assert printed["ok"] is True, printed
    return server


def parts(content_type: str, body: bytes) -> list[tuple[str, str | None, str | None, bytes]]:
    """(name, file name, content type, content) of each part of a multipart body."""
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.partition("boundary=")[2].encode()
    found = []
    for chunk in body.split(b"--" + boundary)[1:-1]:
        head, _, content = chunk.removeprefix(b"\r\n").removesuffix(b"\r\n").partition(b"\r\n\r\n")
        text = head.decode()
        name = re.search(r'; name="([^"]*)"', text)
        filename = re.search(r'; filename="([^"]*)"', text)
        kind = re.search(r"Content-Type: (.*)", text, re.I)
        assert name is not None
        found.append(
            (
                name.group(1),
                filename.group(1) if filename else None,
                kind.group(1).strip() if kind else None,
                content,
            )
        )
    return found


def test_params_type_files_as_uploads_and_binary_bodies(files_sdk: Path) -> None:
    resource = (files_sdk / "src" / "resources" / "files.ts").read_text()
    assert (
        "body: { file: Uploadable; extra?: Array<Uploadable>; purpose?: string;"
        " labels?: Array<string>; attributes?: " in resource
    )
    assert "body: BinaryBody;" in resource


def test_a_multipart_body_sends_files_bytes_and_fields(files_sdk: Path) -> None:
    code = (
        "await client.files.uploadFile({ body: {\n"
        "  file: new File(['a,b\\n'], 'report.csv', { type: 'text/csv' }),\n"
        "  extra: [new Uint8Array([1, 2]), new Blob(['blob'])],\n"
        "  purpose: 'import', labels: ['x', 'y'], attributes: { owner: 'ann' },\n"
        "} });"
    )
    (request,) = scenario(files_sdk, code).received
    assert (request.method, request.path) == ("POST", "/files")
    assert parts(request.headers["content-type"], request.body) == [
        ("file", "report.csv", "text/csv", b"a,b\n"),
        ("extra", "upload", "application/octet-stream", b"\x01\x02"),
        ("extra", "upload", "application/octet-stream", b"blob"),
        ("purpose", None, None, b"import"),
        ("labels", None, None, b"x"),
        ("labels", None, None, b"y"),
        ("attributes", None, None, b'{"owner":"ann"}'),  # FormData gives text parts no type
    ]
    assert request.headers["cookie"] == "sid=ck"


@pytest.mark.parametrize(
    ("expression", "sent"),
    [
        ("new Uint8Array([0, 1, 255])", b"\x00\x01\xff"),
        ("new Uint8Array([7, 8]).buffer", b"\x07\x08"),
        ("new Blob(['from a blob'])", b"from a blob"),
        ("'text as it is'", b"text as it is"),
        (
            "new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('ab'));"
            " c.enqueue(new TextEncoder().encode('cd')); c.close(); } })",
            b"abcd",
        ),
    ],
)
def test_a_binary_body_is_sent_as_it_is_with_its_media_type(
    files_sdk: Path, expression: str, sent: bytes
) -> None:
    code = f"await client.files.putBlob({{ name: 'a b', body: {expression} }});"
    (request,) = scenario(files_sdk, code).received
    assert (request.method, request.path, request.body) == ("PUT", "/blobs/a%20b", sent)
    assert request.headers["content-type"] == "application/octet-stream"


def test_a_stream_body_is_never_retried(files_sdk: Path) -> None:
    """A stream is read once: a 503 is the caller's to handle, even for an idempotent PUT."""
    code = (
        "try {\n"
        "  await client.files.putBlob({ name: 'n', body: new ReadableStream({ start(c) {"
        " c.enqueue(new Uint8Array([1])); c.close(); } }) });\n"
        "} catch (error) { return error.status; }"
    )
    server = scenario(files_sdk, code, [Reply(503, None, (("Retry-After", "0"),))])
    assert len(server.received) == 1
    code = "await client.files.putBlob({ name: 'n', body: new Uint8Array([1]) });"
    server = scenario(files_sdk, code, [Reply(503, None, (("Retry-After", "0"),)), Reply(204)])
    assert len(server.received) == 2  # bytes can be sent again


def test_cookie_parameters_follow_the_credentials_cookie(files_sdk: Path) -> None:
    code = "await client.prefs.getPrefs({ theme: 'dark; x=1 \u00e9', langs: ['en', 'fr'] });"
    (request,) = scenario(files_sdk, code, [Reply(200, {})]).received
    # ";", spaces and non-ASCII percent-encoded, "=" and "," kept, as the Python SDKs send them.
    assert request.headers["cookie"] == "sid=ck; theme=dark%3B%20x=1%20%C3%A9; langs=en,fr"
    code = "await client.prefs.getPrefs();"
    (request,) = scenario(files_sdk, code, [Reply(200, {})]).received
    assert request.headers["cookie"] == "sid=ck"
