"""Client options from the spec and the target (issue 15): the environments `environment=`
chooses from (named from the servers' descriptions, or the target's `environments:`) and
where request ids are read (`request_id:`); every mistake a located diagnostic."""

from __future__ import annotations

from pathlib import Path

import pytest
from sdkwright.config import load_targets, target_options
from sdkwright.config_client import ClientConfig, with_client_config
from sdkwright.ir.nodes import Server
from sdkwright.targets.python.naming.environments import environment_names
from spec_helpers import build, openapi
from test_config import BASE, failure, write

# --- Names from the servers' descriptions ------------------------------------------------


@pytest.mark.parametrize(
    ("descriptions", "names"),
    [
        (
            ["Clear Street API", "Clear Street Development API", "Clear Street Local API"],
            ["production", "development", "local"],
        ),
        (["Production", "Sandbox", "Local server"], ["production", "sandbox", "local"]),
        (["", "Staging EU"], ["production", "staging_eu"]),
        (["Main", ""], ["main", "server_2"]),
        (["Prod server", "Prod server"], ["production", "server_2"]),  # the same words
        (["Sandbox A", "sandbox-a", "B"], ["sandbox_a", "server_2", "b"]),  # a name taken
        (["1st", "Ünïcode test"], ["server_1", "unicode_test"]),  # names start with a letter
        (["EU", "The staging host for EU customers"], ["production", "the_staging_host"]),
    ],
)
def test_servers_are_named_from_their_own_words(descriptions: list[str], names: list[str]) -> None:
    servers = tuple(Server(f"https://{i}.example.test", d) for i, d in enumerate(descriptions))
    named = environment_names(servers)
    assert [name for name, _ in named] == names
    assert [url for _, url in named] == [s.url for s in servers]


def test_a_spec_with_several_servers_gets_environments_variables_at_their_defaults(
    tmp_path: Path,
) -> None:
    spec = openapi()
    spec["servers"] = [
        {"url": "https://api.example.test/v1/", "description": "Production"},
        {
            "url": "https://{region}.sandbox.example.test/v1",
            "description": "Sandbox",
            "variables": {"region": {"default": "eu", "enum": ["eu", "us"]}},
        },
        {"url": "/local", "description": "Local"},
    ]
    api, _ = build(tmp_path, spec)
    assert api.environments == (
        ("production", "https://api.example.test/v1"),
        ("sandbox", "https://eu.sandbox.example.test/v1"),
        ("local", "http://localhost/local"),
    )
    assert api.base_url == "https://api.example.test/v1"
    assert api.servers is None  # named: the environments replace them


def test_one_server_gives_no_environment_choice(tmp_path: Path) -> None:
    spec = openapi()
    spec["servers"] = [{"url": "https://api.example.test", "description": "Production"}]
    assert build(tmp_path, spec)[0].environments == ()


def test_the_target_s_environments_replace_the_spec_s_and_give_the_default_url(
    tmp_path: Path,
) -> None:
    spec = openapi()
    spec["servers"] = [{"url": "https://a.example.test"}, {"url": "https://b.example.test"}]
    api, _ = build(tmp_path, spec)
    configured = ClientConfig(environments=(("live", "https://live.example.test"),))
    changed = with_client_config(api, configured)
    assert changed.environments == (("live", "https://live.example.test"),)
    assert changed.base_url == "https://live.example.test"
    assert with_client_config(api, ClientConfig()).environments == api.environments


# --- The target's `environments:` and `request_id:` ----------------------------------------


def test_a_target_reads_its_environments_and_request_ids(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        BASE
        + """\
    environments:
      production: https://api.example.test/v1/
      sandbox: http://localhost:8080
    request_id: {header: [X-Trace-Id, X-Request-Id], body: metadata.request_id}
""",
    )
    (target,) = load_targets(path)
    assert target.client == ClientConfig(
        (("production", "https://api.example.test/v1"), ("sandbox", "http://localhost:8080")),
        ("x-trace-id", "x-request-id"),
        ("metadata", "request_id"),
    )
    assert "client" in target_options(target)  # a change regenerates
    (plain,) = load_targets(write(tmp_path, BASE))
    assert not plain.client and "client" not in target_options(plain)


def test_a_request_id_with_only_a_body_path_keeps_the_usual_headers(tmp_path: Path) -> None:
    (target,) = load_targets(write(tmp_path, BASE + "    request_id: {body: data.id}\n"))
    assert target.client.request_id_headers == ()  # the runtime's usual list
    assert target.client.request_id_body == ("data", "id")


@pytest.mark.parametrize(
    ("extra", "message", "line", "column", "pointer"),
    [
        ("    environments: []\n", "non-empty mapping", 6, 19, "/targets/0/environments"),
        (
            "    environments: {Prod: https://a.example.test}\n",
            "environment name 'Prod' must be lower_snake_case",
            6,
            26,
            "/targets/0/environments/Prod",
        ),
        (
            "    environments: {prod: /v1}\n",
            "environment 'prod' needs an absolute http(s) URL, not '/v1'",
            6,
            26,
            "/targets/0/environments/prod",
        ),
        (
            "    environments: {prod: ftp://a.example.test}\n",
            "needs an absolute http(s) URL",
            6,
            26,
            "/targets/0/environments/prod",
        ),
        (
            "    request_id: x-id\n",
            "'request_id' must be a mapping",
            6,
            17,
            "/targets/0/request_id",
        ),
        (
            "    request_id: {headers: X-Id}\n",
            "unknown key 'headers' in request_id",
            6,
            18,
            "/targets/0/request_id/headers",
        ),
        (
            "    request_id: {header: [X-Id, 'bad header']}\n",
            "'bad header' is not a header name",
            6,
            33,
            "/targets/0/request_id/header/1",
        ),
        (
            "    request_id: {header: []}\n",
            "'header' must be a header name or a list of them",
            6,
            26,
            "/targets/0/request_id/header",
        ),
        (
            "    request_id: {body: metadata..id}\n",
            "'body' must be a dotted path",
            6,
            24,
            "/targets/0/request_id/body",
        ),
    ],
)
def test_client_option_mistakes_are_located(
    tmp_path: Path, extra: str, message: str, line: int, column: int, pointer: str
) -> None:
    code, found, *where = failure(write(tmp_path, BASE + extra))
    assert code == "config.invalid"
    assert message in found
    assert where == [line, column, pointer]
