"""The config keys a TypeScript target honours (issue 17): `names` (and the spec's
`x-sdkwright-name`, tests/unit/test_typescript_overrides.py), `environments` (the client's
`environment` option), `request_id` and `templates`. The SDK, generated from a config, compiles
with `tsc --strict`, passes its generated tests and its docs' snippets type-check; Node runs it
against a local server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import SPECS, describe
from sdkwright import api
from sdkwright.config import load_targets
from typescript_tools import (
    Reply,
    ScriptedServer,
    built_sdk,
    check_snippets,
    generate_configured,
    node_tests,
    run_node,
)

INSTRUCTION = {"data": {"id": "i-1", "status": "CANCEL_REQUESTED"}, "metadata": {}}
SERVER = ScriptedServer([Reply(200, INSTRUCTION)])


def _generate(folder: Path, extra: str) -> api.Result:
    spec = SPECS / "clearstreet.yaml"
    result: api.Result = generate_configured(folder, spec, "clearstreet", "ClearStreet", extra)
    return result


@pytest.fixture(scope="module")
def configured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("configured")
    with SERVER.running() as url:
        extra = f"""\
            names:
              operations: {{cancel_position_instruction: cancel}}
              schemas: {{PositionInstruction: Instruction}}
              tags: {{Positions: holdings}}
            environments:
              production: https://api.example.com
              local: {url}
            """
        result = _generate(folder, extra)
        assert [d.code for d in result.diagnostics if d.code.startswith("naming.override")] == []
        yield built_sdk(folder / "sdk", folder / "built"), url


CANCEL = "await client.holdings.cancel({ accountId: 1, instructionId: 'i-1' });"


def test_names_and_environments_compile_and_pass_the_generated_tests(
    configured: tuple[Path, str],
) -> None:
    sdk, _ = configured
    models = (sdk / "src" / "models.ts").read_text()
    assert "export interface Instruction {" in models and "PositionInstruction {" not in models
    passed = node_tests(sdk)
    assert passed.returncode == 0 and "# pass 1\n" in passed.stdout, describe(passed)
    # The operation's, six sections' (the environments one among them), api.md's.
    count, checked = check_snippets(sdk)
    assert count == 1 + 7 and checked.returncode == 0, describe(checked)


def test_the_environment_option_picks_a_server(configured: tuple[Path, str]) -> None:
    sdk, url = configured
    script = f"""
  const chosen = new sdk.ClearStreet({{ apiKey: 't', environment: 'local', maxRetries: 0 }});
  const client = chosen;
  {CANCEL}
  return [new sdk.ClearStreet({{ apiKey: 't' }}).baseURL, chosen.baseURL, sdk.ENVIRONMENTS];
"""
    received = len(SERVER.received)
    printed = run_node(sdk, script)
    assert printed == {
        "ok": True,
        "value": [
            "https://api.example.com",
            url,
            {"production": "https://api.example.com", "local": url},
        ],
    }
    (request,) = SERVER.received[received:]
    assert request.path == "/v1/accounts/1/positions/instructions/i-1"


@pytest.mark.parametrize(
    ("options", "env", "expected"),
    [
        ("{ environment: 'local', baseURL: 'http://x' }", {}, "not both"),
        ("{ environment: 'nope' }", {}, 'Unknown environment "nope": one of production, local.'),
        ("{ environment: 'local' }", {"CLEAR_STREET_BASE_URL": "http://env"}, "Ambiguous base URL"),
        ("{ environment: 'local', baseURL: null }", {"CLEAR_STREET_BASE_URL": "http://env"}, ""),
        ("{}", {"CLEAR_STREET_BASE_URL": "http://env"}, "http://env"),
    ],
)
def test_environment_and_base_url_precedence(
    configured: tuple[Path, str], options: str, env: dict[str, str], expected: str
) -> None:
    """As the Python SDKs decide: the variable is used without an environment; with one, it is
    ambiguous unless `baseURL: null` says to ignore it."""
    sdk, url = configured
    script = f"return new sdk.ClearStreet({{ apiKey: 't', ...{options} }}).baseURL;"
    printed = run_node(sdk, script, env)
    if not expected or expected.startswith("http"):
        assert printed == {"ok": True, "value": expected or url}
    else:
        assert printed["ok"] is False and printed["error"] == "SDKError"
        assert expected in str(printed["message"])


def test_a_users_templates_come_first_and_extend_the_built_in_ones(tmp_path: Path) -> None:
    folder = tmp_path / "sdk-templates"
    folder.mkdir()
    (folder / "README.md.jinja").write_text(
        '{% extends "builtin:README.md.jinja" %}\n'
        "{% block intro %}\nReviewed by the {{ api.client_name }} team.\n{% endblock %}\n"
    )
    result = _generate(tmp_path, "templates: sdk-templates\n")
    readme = result.files["README.md"].decode()
    assert "\nReviewed by the ClearStreet team.\n\n## Install" in readme
    assert "A typed TypeScript client" not in readme and "## Errors" in readme
    (target,) = load_targets(tmp_path / "sdkwright.yaml")
    assert api.up_to_date(target) is None
    (folder / "README.md.jinja").write_text("{{ api.title }}\n")  # a user's edit
    assert "template" in str(api.up_to_date(target))
    rendered = api.generate(target)
    assert rendered.files["README.md"].decode() == "Clear Street Trading API\n"


def test_request_id_places_replace_the_usual_headers(tmp_path: Path) -> None:
    _generate(tmp_path, "request_id: {header: [X-Trace], body: meta.rid}\n")
    sdk = built_sdk(tmp_path / "sdk", tmp_path / "built")
    replies = [
        Reply(500, {"meta": {"rid": "from-body"}}, (("x-request-id", "usual"),)),
        Reply(409, {"meta": {"rid": "from-body"}}, (("x-trace", "traced"),)),
        Reply(400, {"meta": {"rid": 7}}),  # not a string: no id
    ]
    server = ScriptedServer(replies)
    script = """
  const client = new sdk.ClearStreet({ apiKey: 't', baseURL: process.env.URL, maxRetries: 0 });
  const ids = [];
  for (let i = 0; i < 3; i++) {
    try {
      await client.positions.cancelPositionInstruction({ accountId: 1, instructionId: 'i' });
    } catch (error) {
      ids.push([error.status, error.requestId]);
    }
  }
  return ids;
"""
    with server.running() as url:
        printed = run_node(sdk, script, {"URL": url})
    assert printed == {"ok": True, "value": [[500, "from-body"], [409, "traced"], [400, None]]}
