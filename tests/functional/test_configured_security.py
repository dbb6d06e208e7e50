"""Auth the spec does not declare (issue 13, point 2): the client never offers a credential
it cannot send. A spec with no security scheme gives a client without `api_key=` and a
`security.none` warning saying how to declare one; a target that declares its scheme in
`sdkwright.yaml` (bearer, basic, API key in a header, query or cookie) gets a client that
sends it, except to operations the spec marks anonymous."""

from __future__ import annotations

import base64
import inspect
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import orders_sdk
import pytest
from helpers import describe, mypy_strict, run_generated_tests
from sdkwright import api
from sdkwright.config import Target, load_targets
from sdkwright.diagnostics import GenerationFailed

# A notebook-like server: every call needs a token, the spec says nothing about it.
SPEC = """\
openapi: 3.0.3
info: {title: Notes, version: "1"}
servers: [{url: https://notes.example}]
paths:
  /notes/{note_id}:
    get:
      operationId: getNote
      parameters:
        - {name: note_id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: a note
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
  /status:
    get:
      operationId: getStatus
      security: []
      responses:
        "204": {description: up}
"""
# The same, declaring a scheme the server does not use.
SPEC_WITH_A_SCHEME = (
    SPEC.replace("paths:", "security: [{key: []}]\npaths:")
    + """\
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Wrong}
"""
)
TOKEN = "t-123"


def _generate(folder: Path, spec: str, security: str | None = None) -> api.Result:
    (folder / "notes.yaml").write_text(spec)
    config = textwrap.dedent(
        """\
        targets:
          - name: notes
            spec: notes.yaml
            output: sdk
            package: notes
            client_name: Notes
        """
    )
    if security is not None:
        config += f"    security: {security}\n"
    (folder / "sdkwright.yaml").write_text(config)
    (target,) = load_targets(folder / "sdkwright.yaml")
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    return result


@pytest.fixture
def generated(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[ModuleType, Any]]:
    spec, security = request.param
    result = _generate(tmp_path, spec, security)
    with orders_sdk.imported(tmp_path / "sdk", "notes") as module:
        yield module, result


def _sent(
    module: ModuleType, call: str, monkeypatch: pytest.MonkeyPatch, **options: Any
) -> httpx.Request:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return (
            httpx.Response(200, json={"id": "n1"})
            if "notes" in request.url.path
            else httpx.Response(204)
        )

    http_client = httpx.Client(transport=httpx.MockTransport(handler))
    client = module.Notes(http_client=http_client, **options)
    if call == "note":
        client.notes.get_note(note_id="n1")
    else:
        client.status.get_status()
    return sent[0]


@pytest.mark.parametrize("generated", [(SPEC, None)], indirect=True)
def test_a_spec_without_a_scheme_gives_a_client_without_credentials_and_a_warning(
    generated: tuple[ModuleType, api.Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module, result = generated
    [warning] = [d for d in result.diagnostics if d.code == "security.none"]
    assert warning.level.name == "WARNING"
    assert "declares no security scheme" in warning.message
    assert "security: {scheme: bearer}" in warning.hint
    assert warning.location is not None and warning.location.file.endswith("notes.yaml")
    assert "api_key" not in inspect.signature(module.Notes).parameters
    assert "api_key" not in inspect.signature(module.Notes.with_options).parameters
    readme = (tmp_path / "sdk" / "README.md").read_text()
    assert 'api_key="' not in readme and "NOTES_API_KEY" not in readme
    assert "client = Notes()" in readme and "security: {scheme: bearer}" in readme
    request = _sent(module, "note", monkeypatch)
    assert "authorization" not in request.headers


CONFIGURED = [
    ("{scheme: bearer}", {"api_key": TOKEN}, ("header", "authorization", f"Bearer {TOKEN}")),
    (
        "{scheme: basic}",
        {"username": "ann", "password": "pw"},
        ("header", "authorization", "Basic " + base64.b64encode(b"ann:pw").decode()),
    ),
    ("{scheme: api_key, in: header, name: X-Key}", {"api_key": TOKEN}, ("header", "x-key", TOKEN)),
    ("{scheme: api_key, in: query, name: token}", {"api_key": TOKEN}, ("query", "token", TOKEN)),
    (
        "{scheme: api_key, in: cookie, name: sid}",
        {"api_key": TOKEN},
        ("cookie", "Cookie", f"sid={TOKEN}"),
    ),
]


def _carried(request: httpx.Request, where: str, name: str) -> str | None:
    if where == "query":
        return request.url.params.get(name)
    value: str | None = request.headers.get(name)
    return value


@pytest.mark.parametrize(
    ("generated", "credentials", "expected"),
    [((SPEC, security), credentials, expected) for security, credentials, expected in CONFIGURED],
    indirect=["generated"],
    ids=["bearer", "basic", "header", "query", "cookie"],
)
def test_a_configured_scheme_is_sent_except_to_anonymous_operations(
    generated: tuple[ModuleType, api.Result],
    credentials: dict[str, str],
    expected: tuple[str, str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module, result = generated
    assert not [d for d in result.diagnostics if d.code.startswith("security.")]
    where, name, value = expected
    assert _carried(_sent(module, "note", monkeypatch, **credentials), where, name) == value
    # `security: []` in the spec: nothing is sent.
    assert _carried(_sent(module, "status", monkeypatch, **credentials), where, name) is None


@pytest.mark.parametrize("generated", [(SPEC, "{scheme: bearer, env: NOTES_TOKEN}")], indirect=True)
def test_a_configured_scheme_reads_its_environment_variable(
    generated: tuple[ModuleType, api.Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    module, _ = generated
    monkeypatch.setenv("NOTES_TOKEN", TOKEN)
    assert _sent(module, "note", monkeypatch).headers["authorization"] == f"Bearer {TOKEN}"
    monkeypatch.delenv("NOTES_TOKEN")
    with pytest.raises(ValueError, match="NOTES_TOKEN"):
        module.Notes()


@pytest.mark.parametrize("generated", [(SPEC, "{scheme: bearer, env: false}")], indirect=True)
def test_a_configured_scheme_may_read_no_environment_variable(
    generated: tuple[ModuleType, api.Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Stainless client option without `read_env` (issue 19): the client is made without
    the credential, reads no variable for it, and sends the one it is given."""
    module, _ = generated
    monkeypatch.setenv("NOTES_API_KEY", TOKEN)
    assert "authorization" not in _sent(module, "note", monkeypatch).headers
    assert module.Notes().api_key is None
    request = _sent(module, "note", monkeypatch, api_key=TOKEN)
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert "NOTES_API_KEY" not in inspect.getsource(module.Notes)


@pytest.mark.parametrize(
    "generated", [(SPEC, "{scheme: bearer, argument: bearer_token}")], indirect=True
)
def test_a_configured_scheme_takes_the_keyword_the_config_names(
    generated: tuple[ModuleType, api.Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Stainless SDK's `bearer_token=` (issue 19), read from `<PREFIX>_BEARER_TOKEN`."""
    module, _ = generated
    request = _sent(module, "note", monkeypatch, bearer_token=TOKEN)
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    with pytest.raises(TypeError):
        module.Notes(api_key=TOKEN)
    monkeypatch.setenv("NOTES_BEARER_TOKEN", TOKEN)
    assert _sent(module, "note", monkeypatch).headers["authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize(
    "generated",
    [(SPEC_WITH_A_SCHEME, "{scheme: api_key, in: header, name: X-Right}")],
    indirect=True,
)
def test_a_configured_scheme_replaces_the_specs(
    generated: tuple[ModuleType, api.Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    module, _ = generated
    request = _sent(module, "note", monkeypatch, api_key=TOKEN)
    assert request.headers.get("x-right") == TOKEN and "x-wrong" not in request.headers


@pytest.mark.slow
@pytest.mark.parametrize("security", [None, "{scheme: basic}", "{scheme: bearer, env: false}"])
def test_the_sdks_pass_their_tests_and_mypy(tmp_path: Path, security: str | None) -> None:
    _generate(tmp_path, SPEC, security)
    tests = run_generated_tests(tmp_path / "sdk")
    assert tests.returncode == 0 and " passed" in tests.stdout, describe(tests)
    checked = mypy_strict(tmp_path / "sdk", "notes")
    assert checked.returncode == 0, describe(checked)


@pytest.mark.parametrize(
    ("security", "pointer", "message"),
    [
        ("oauth", "/targets/0/security", "'security' must be a mapping"),
        ("{scheme: digest}", "/targets/0/security/scheme", "security scheme is 'digest'"),
        ("{scheme: bearer, header: X}", "/targets/0/security/header", "unknown key 'header'"),
        ("{scheme: api_key, name: X}", "/targets/0/security/in", "an api_key is sent 'in' one of"),
        ("{scheme: api_key, in: body, name: X}", "/targets/0/security/in", "sent 'in' one of"),
        ("{scheme: api_key, in: query}", "/targets/0/security/name", "needs the name of its query"),
        ("{scheme: bearer, in: header}", "/targets/0/security/in", "'in' is for api_key schemes"),
        ("{scheme: basic, env: PASS}", "/targets/0/security/env", "basic reads <PREFIX>_USERNAME"),
        ("{scheme: bearer, env: 'no spaces'}", "/targets/0/security/env", "environment variable"),
        ("{scheme: basic, env: false}", "/targets/0/security/env", "basic reads <PREFIX>_USERNAME"),
        ("{scheme: bearer, env: true}", "/targets/0/security/env", "not True"),
        ("{scheme: bearer, argument: Token}", "/targets/0/security/argument", "keyword name"),
        ("{scheme: basic, argument: user}", "/targets/0/security/argument", "username="),
    ],
)
def test_a_wrong_security_declaration_is_a_located_error(
    tmp_path: Path, security: str, pointer: str, message: str
) -> None:
    (tmp_path / "sdkwright.yaml").write_text(
        "targets:\n  - name: notes\n    spec: notes.yaml\n    output: sdk\n    package: notes\n"
        f"    security: {security}\n"
    )
    with pytest.raises(GenerationFailed) as raised:
        load_targets(tmp_path / "sdkwright.yaml")
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.code == "config.invalid"
    assert message in diagnostic.message
    assert diagnostic.location is not None
    assert (diagnostic.location.pointer, diagnostic.location.line) == (pointer, 6)


def test_the_configured_scheme_is_an_option_of_the_output(tmp_path: Path) -> None:
    """Changing it regenerates: the manifest records it."""
    (tmp_path / "sdkwright.yaml").write_text(
        "targets:\n  - name: notes\n    spec: notes.yaml\n    output: sdk\n    package: notes\n"
        "    security: {scheme: bearer}\n"
    )
    (target,) = load_targets(tmp_path / "sdkwright.yaml")
    assert isinstance(target, Target) and target.security is not None
    from sdkwright.config import target_options

    assert '"kind": "bearer"' in target_options(target)["security"]


def test_typescript_reads_no_variable_either(tmp_path: Path) -> None:
    """`env: false` on a TypeScript target: the client neither reads the variable nor
    refuses to be made without the credential."""
    (tmp_path / "notes.yaml").write_text(SPEC)
    (tmp_path / "sdkwright.yaml").write_text(
        "targets:\n  - name: notes\n    spec: notes.yaml\n    output: sdk\n    package: notes\n"
        "    client_name: Notes\n    language: typescript\n"
    )
    sources: dict[str, str] = {}
    for security in ("{scheme: bearer}", "{scheme: bearer, env: false}"):
        with (tmp_path / "sdkwright.yaml").open("a") as config:
            config.write(f"    security: {security}\n")
        (target,) = load_targets(tmp_path / "sdkwright.yaml")
        result = api.generate(target)
        found = next(v for k, v in result.files.items() if k.endswith("client.ts"))
        sources[security] = found.decode() if isinstance(found, bytes) else found
        text = (tmp_path / "sdkwright.yaml").read_text()
        (tmp_path / "sdkwright.yaml").write_text(text.rsplit("    security:", 1)[0])
    assert 'readEnv("NOTES_API_KEY")' in sources["{scheme: bearer}"]
    assert "No credential" in sources["{scheme: bearer}"]
    assert "NOTES_API_KEY" not in sources["{scheme: bearer, env: false}"]
    assert "No credential" not in sources["{scheme: bearer, env: false}"]
