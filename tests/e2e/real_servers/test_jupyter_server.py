"""A real Jupyter Server (jupyter-server 2.21.1, BSD-3-Clause) driven through an SDK generated from
the Swagger 2.0 description it serves at `/api/spec.yaml`.

What this server shows that a mock of its spec cannot:

- its spec declares no security scheme, yet every call needs `Authorization: token ...`
  (403 without it): `api_key=` must not be offered unless it is sent (issue 13, point 2);
- `DELETE /api/contents/{path}` answers 204 with no body, read raw and streamed (point 1);
- `GET /api/contents/` with an empty path is the root listing (point 3);
- its answers break its own schema: `Contents.content` is declared a string but is a list for a
  directory and null when not asked for, `mimetype` and `format` are required strings that come
  as null (point 4): the lenient response mode must keep the data and say which fields broke;
- effects happen for real: files appear, change and disappear in the server's root folder.

Each scenario runs on the sync and the async client.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import describe, run_generated_tests, sdkwright
from real_server import (
    GeneratedSdk,
    Server,
    ServerPackage,
    drive,
    fetch_spec,
    generate_sdk,
    install,
    issue13,
    parsed,
    serving,
    streamed,
)

pytestmark = pytest.mark.slow

PACKAGE = ServerPackage(
    "jupyter-server-2.21.1", "jupyter-server==2.21.1", pins="jupyter-server.txt"
)
TOKEN = "e2e-secret-token"
AUTH = {"Authorization": f"token {TOKEN}"}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the server serves: the tests read and write it directly to check effects."""
    return tmp_path_factory.mktemp("jupyter-root")


@pytest.fixture(scope="module")
def server(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    python = install(PACKAGE)
    home = tmp_path_factory.mktemp("jupyter-home")
    env = {
        f"JUPYTER_{kind}_DIR": str(home / kind.lower()) for kind in ("CONFIG", "DATA", "RUNTIME")
    }

    def command(port: int) -> list[str]:
        return [
            str(python),
            "-m",
            "jupyter_server",
            "--allow-root",  # CI runs as root
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            "--ServerApp.open_browser=False",
            f"--ServerApp.root_dir={root}",
            f"--IdentityProvider.token={TOKEN}",
            "--FileContentsManager.delete_to_trash=False",
        ]

    with serving(command, ready_path="/api", log=home / "server.log", env=env) as running:
        yield running


@pytest.fixture(scope="module")
def sdk(server: Server, tmp_path_factory: pytest.TempPathFactory) -> GeneratedSdk:
    folder = tmp_path_factory.mktemp("jupyter-sdk")
    spec = fetch_spec(f"{server.base_url}/api/spec.yaml", folder / "jupyter.yaml", AUTH)
    return generate_sdk(spec, folder / "sdk", "jupyter_api", "Jupyter")


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def folder(root: Path, mode: str, request: pytest.FixtureRequest) -> str:
    """A fresh folder of the server's root for one test and mode (its path, relative)."""
    name = request.node.name.replace("[", "-").rstrip("]")
    (root / name).mkdir()
    return name


Run = Callable[..., Any]


@pytest.fixture
def call(sdk: GeneratedSdk, server: Server, mode: str) -> Run:
    """`call(scenario, **client_options)`: the scenario on a client with the right token."""

    def run(scenario: Callable[[Any], Any], **options: Any) -> Any:
        client_class = sdk.package.Jupyter if mode == "sync" else sdk.package.AsyncJupyter
        options.setdefault("default_headers", AUTH)
        return drive(mode, lambda: client_class(base_url=server.base_url, **options), scenario)

    return run


# --- What already works -----------------------------------------------------------------------


def test_the_generated_tests_pass(sdk: GeneratedSdk) -> None:
    """The SDK's own tests, which check every operation against mocks of the spec, pass: what
    fails below against the real server, they cannot see."""
    result = run_generated_tests(sdk.folder)
    assert result.returncode == 0, describe(result)


def test_server_version(call: Run) -> None:
    assert call(lambda c: c.api.get_api()).version == "2.21.1"


def test_the_server_serves_its_spec_as_bytes(call: Run, sdk: GeneratedSdk) -> None:
    """`GET /api/spec.yaml` is a Swagger 2.0 `type: file` response: the method returns bytes."""
    assert call(lambda c: c.api_spec.get_api_spec_yaml()) == sdk.spec.read_bytes()


def test_read_a_file_with_its_content(call: Run, root: Path, folder: str) -> None:
    (root / folder / "notes.txt").write_text("first line\n")
    contents = call(
        lambda c: c.contents.get_api_contents_path(path=f"{folder}/notes.txt", content=1)
    )
    assert (contents.name, contents.path, contents.type_) == (
        "notes.txt",
        f"{folder}/notes.txt",
        "file",
    )
    assert (contents.content, contents.format, contents.mimetype) == (
        "first line\n",
        "text",
        "text/plain",
    )
    assert contents.size == len("first line\n")


def test_delete_removes_the_file(call: Run, root: Path, folder: str) -> None:
    (root / folder / "gone.txt").write_text("bye")
    assert call(lambda c: c.contents.delete_api_contents_path(path=f"{folder}/gone.txt")) is None
    assert not (root / folder / "gone.txt").exists()


def test_missing_file_is_not_found(sdk: GeneratedSdk, call: Run, folder: str) -> None:
    with pytest.raises(sdk.package.NotFoundError) as raised:
        call(lambda c: c.contents.get_api_contents_path(path=f"{folder}/absent.txt"))
    assert raised.value.status_code == 404
    assert "absent.txt" in str(raised.value.body)


@pytest.mark.parametrize("headers", [{}, {"Authorization": "token wrong"}], ids=["none", "wrong"])
def test_without_the_right_token_permission_is_denied(
    sdk: GeneratedSdk, call: Run, folder: str, headers: dict[str, str]
) -> None:
    with pytest.raises(sdk.package.PermissionDeniedError) as raised:
        call(lambda c: c.contents.get_api_contents_path(path=folder), default_headers=headers)
    assert raised.value.status_code == 403


def test_checkpoint_create_list_restore_delete(call: Run, root: Path, folder: str) -> None:
    """Restoring and deleting a checkpoint both answer 204: the methods return None."""
    path = f"{folder}/draft.txt"
    (root / path).write_text("version 1")
    checkpoint = call(lambda c: c.contents.post_api_contents_path_checkpoints(path=path))
    (root / path).write_text("version 2")
    listed = call(lambda c: c.contents.get_api_contents_path_checkpoints(path=path))
    assert [item.id for item in listed] == [checkpoint.id]
    restored = call(
        lambda c: c.contents.post_api_contents_path_checkpoints_checkpoint_id(
            path=path, checkpoint_id=checkpoint.id
        )
    )
    assert restored is None
    assert (root / path).read_text() == "version 1"
    deleted = call(
        lambda c: c.contents.delete_api_contents_path_checkpoints_checkpoint_id(
            path=path, checkpoint_id=checkpoint.id
        )
    )
    assert deleted is None
    assert call(lambda c: c.contents.get_api_contents_path_checkpoints(path=path)) == []


# --- Issue 13, point 1: the raw and streamed response of a body-less (204) call -----------------
# Was: the generated method wrote `return` only when the result was not None, so in raw/stream
# mode the APIResponse was dropped and the wrappers passed None on (fixed on branch `runtime`).


@issue13(point=1)
def test_raw_response_of_delete(call: Run, root: Path, folder: str) -> None:
    (root / folder / "raw.txt").write_text("x")
    raw = call(
        lambda c: c.with_raw_response.contents.delete_api_contents_path(path=f"{folder}/raw.txt")
    )
    assert raw is not None, "with_raw_response of a 204 call returned None (issue 13, point 1)"
    assert not (root / folder / "raw.txt").exists()


@issue13(point=1)
def test_raw_response_of_delete_parses_to_none(call: Run, root: Path, folder: str) -> None:
    (root / folder / "raw.txt").write_text("x")
    status, value = call(
        lambda c: parsed(
            c.with_raw_response.contents.delete_api_contents_path(path=f"{folder}/raw.txt")
        )
    )
    assert (status, value) == (204, None)


@issue13(point=1)
def test_streaming_response_of_delete(call: Run, root: Path, folder: str) -> None:
    (root / folder / "streamed.txt").write_text("x")
    status, body = call(
        lambda c: streamed(
            c.with_streaming_response.contents.delete_api_contents_path(
                path=f"{folder}/streamed.txt"
            )
        )
    )
    assert (status, body) == (204, b"")
    assert not (root / folder / "streamed.txt").exists()


# --- Point 2: a credential the spec does not declare ------------------------------------------
# Was: an unused `api_key=` when the spec has no scheme, shown in the README, and no warning.
# Now: no credential argument, a `security.none` warning, and a target may declare the scheme
# (sdkwright.yaml `security:`), which the client then sends.


@issue13(point=2)
def test_generation_warns_that_the_spec_declares_no_security(sdk: GeneratedSdk) -> None:
    assert "security.none" in sdk.diagnostics, sdk.diagnostics


@issue13(point=2)
def test_api_key_is_sent_or_not_offered(sdk: GeneratedSdk, call: Run, folder: str) -> None:
    """The client never offers a credential it cannot send: either it has no `api_key=`, or
    the server accepts the token given that way (today it is accepted and silently dropped)."""
    if "api_key" not in inspect.signature(sdk.package.Jupyter).parameters:
        return
    listing = call(
        lambda c: c.contents.get_api_contents_path(path=folder, content=0),
        api_key=TOKEN,
        default_headers={},
    )
    assert listing.type_ == "directory"


@pytest.fixture(scope="module")
def sdk_with_bearer(server: Server, tmp_path_factory: pytest.TempPathFactory) -> GeneratedSdk:
    """The SDK of a target that declares the scheme the spec leaves out (sdkwright.yaml:
    `security: {scheme: bearer}`: Jupyter reads `Authorization: bearer <token>` too)."""
    folder = tmp_path_factory.mktemp("jupyter-bearer-sdk")
    spec = fetch_spec(f"{server.base_url}/api/spec.yaml", folder / "jupyter.yaml", AUTH)
    return generate_sdk(spec, folder / "sdk", "jupyter_bearer", "Jupyter", "{scheme: bearer}")


@issue13(point=2)
@pytest.mark.parametrize(("token", "accepted"), [(TOKEN, True), ("wrong", False)])
def test_a_configured_scheme_is_sent_and_checked_by_the_server(
    sdk_with_bearer: GeneratedSdk,
    server: Server,
    mode: str,
    folder: str,
    token: str,
    accepted: bool,
) -> None:
    package = sdk_with_bearer.package
    assert "security.none" not in sdk_with_bearer.diagnostics
    client_class = package.Jupyter if mode == "sync" else package.AsyncJupyter

    def scenario(client: Any) -> Any:
        return client.contents.get_api_contents_path(path=folder, content=0)

    def run() -> Any:
        return drive(mode, lambda: client_class(base_url=server.base_url, api_key=token), scenario)

    if accepted:
        assert run().type_ == "directory"
    else:
        with pytest.raises(package.PermissionDeniedError):
            run()


# --- Point 3: an empty path parameter ----------------------------------------------------------
# Was: every empty path value refused ("path parameters must not be empty", naming none). Now a
# parameter ending the path may be empty; one between two slashes is refused, named. Once sent,
# the root listing also breaks the schema (point 4): the lenient mode keeps its data.


@issue13(point=3)
def test_empty_path_is_the_root_listing(call: Run, folder: str) -> None:
    root_listing = call(lambda c: c.contents.get_api_contents_path(path="", content=0))
    assert (root_listing.type_, root_listing.path) == ("directory", "")


# --- Point 5: `validate` refuses what `generate` accepts -----------------------------------------
# `GET /api/spec.yaml` answers a `type: file` schema, valid Swagger 2.0 for a response.
# Was: `validate` passed on openapi-spec-validator's 2.0 error for it, located at 1:1 (fixed
# on main).


@issue13(point=5)
def test_validate_accepts_the_spec_generate_accepts(sdk: GeneratedSdk) -> None:
    result = sdkwright("validate", sdk.spec)
    assert result.returncode == 0, describe(result)


# --- Point 4: the server breaks its own schema (CRUD through typed results) ----------------------
# Was: APIResponseValidationError ("Response body did not match the expected type.", no field
# named, pydantic's title `function-wrap[_unknown_keys_are_not_fields()]`) after the server did
# the work (the file written, renamed, saved: only the typed result refused), with no way to get
# the data. The spec is wrong about its own responses: it declares `Contents.content`, `format`
# and `mimetype` required strings; the server
# sends null for a model without content and a list of models as a directory's content. The
# issue asks for the data by default (one WARNING naming the model and each failing field) and
# an APIResponseValidationError listing the same with `strict_response_validation=True`.


@issue13(point=4)
def test_create_a_file(call: Run, root: Path, folder: str) -> None:
    created = call(
        lambda c: c.contents.put_api_contents_path(
            path_path=f"{folder}/new.txt", type_="file", format="text", content="hello"
        )
    )
    assert (created.name, created.path, created.type_) == ("new.txt", f"{folder}/new.txt", "file")
    assert (root / folder / "new.txt").read_text() == "hello"


@issue13(point=4)
def test_create_an_untitled_file(call: Run, root: Path, folder: str) -> None:
    created = call(
        lambda c: c.contents.post_api_contents_path(path=folder, type_="file", ext=".txt")
    )
    assert created.name == "untitled.txt"
    assert (root / folder / "untitled.txt").is_file()


@issue13(point=4)
def test_list_a_directory(call: Run, root: Path, folder: str) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (root / folder / name).write_text(name)
    listing = call(lambda c: c.contents.get_api_contents_path(path=folder))
    assert listing.type_ == "directory"
    assert sorted(item["name"] for item in listing.content) == ["a.txt", "b.txt", "c.txt"]


@issue13(point=4)
def test_rename_a_file(call: Run, root: Path, folder: str) -> None:
    (root / folder / "old.txt").write_text("kept")
    renamed = call(
        lambda c: c.contents.patch_api_contents_path(
            path_path=f"{folder}/old.txt", path=f"{folder}/new.txt"
        )
    )
    assert renamed.path == f"{folder}/new.txt"
    assert (root / folder / "new.txt").read_text() == "kept"
    assert not (root / folder / "old.txt").exists()


@issue13(point=4)
def test_save_over_a_file(call: Run, root: Path, folder: str) -> None:
    (root / folder / "saved.txt").write_text("before")
    saved = call(
        lambda c: c.contents.put_api_contents_path(
            path_path=f"{folder}/saved.txt", type_="file", format="text", content="after"
        )
    )
    assert saved.name == "saved.txt"
    assert (root / folder / "saved.txt").read_text() == "after"


@issue13(point=4)
def test_lenient_by_default_keeps_the_data_and_warns(
    call: Run, root: Path, folder: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A directory's `content` is a list of models (declared a string) and its `mimetype`
    null (declared a required string); its `format`, "json", fits and is not named."""
    (root / folder / "one.txt").write_text("1")
    with caplog.at_level(logging.WARNING, logger="jupyter_api"):
        listing = call(lambda c: c.contents.get_api_contents_path(path=folder))
    assert [item["name"] for item in listing.content] == ["one.txt"]
    assert listing.mimetype is None  # the server's value, kept
    assert listing.format == "json"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, warnings
    assert "the body does not match `Contents` in 2 places:" in warnings[0], warnings[0]
    assert "  content: expected str, got an array: [{" in warnings[0], warnings[0]
    assert "  mimetype: expected str, got null" in warnings[0], warnings[0]


@issue13(point=4)
@pytest.mark.parametrize("where", ["client", "with_options"])
def test_strict_response_validation_names_each_failing_field(
    sdk: GeneratedSdk, call: Run, folder: str, where: str
) -> None:
    """Without its content (`content=0`) a directory comes with `content`, `format` and
    `mimetype` all null, each declared a required string."""

    def scenario(client: Any) -> Any:
        if where == "with_options":
            client = client.with_options(strict_response_validation=True)
        return client.contents.get_api_contents_path(path=folder, content=0)

    options = {"strict_response_validation": True} if where == "client" else {}
    with pytest.raises(sdk.package.APIResponseValidationError) as raised:
        call(scenario, **options)
    message = str(raised.value)
    assert "the body does not match `Contents` in 3 places:" in message, message
    for field in ("content", "format", "mimetype"):
        assert f"  {field}: expected str, got null" in message, message
