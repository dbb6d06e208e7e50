"""A real Chroma vector database (chromadb 1.5.9, Apache-2.0) driven through an SDK generated from
the OpenAPI 3.1 description it serves at `/openapi.json`.

The server is the Rust binary inside the chromadb wheel, installed `--no-deps` (the dependencies
are those of the Python client library, about 430 MB the server never loads) and started with
the call the package's own `chroma` script makes: `chromadb_rust_bindings.cli(argv)`.

What this server shows that a mock of its spec cannot:

- real offset pagination (`limit` + `offset`): iterating a list fetches exactly the pages there
  are, and stops after a short page (issue 13, point 6);
- its answers break its own schema: `GET .../databases` is declared to return `Vec`, a list of
  collections (the one component its spec generator named `Vec`), but returns databases
  (point 4): the lenient response mode must keep the data and name the failing fields;
- the spec says `{collection_id}` is a UUID, but GET and DELETE look the collection up by name
  (`by-id/{collection_id}` takes the UUID) while PUT takes the UUID: the tests use what the
  server reads, which only a server can tell;
- a missing collection is a 404 with the server's JSON error body, kept on `NotFoundError`;
- the declared `x-chroma-token` API key reaches the server on every call. Chroma's open-source
  server does not check it (1.x leaves authentication to a proxy), so rejection of a wrong
  credential is shown by the Jupyter server's tests.

Each scenario runs on the sync and the async client.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from helpers import describe, run_generated_tests
from real_server import (
    GeneratedSdk,
    Server,
    ServerPackage,
    all_items,
    drive,
    fetch_spec,
    generate_sdk,
    install,
    issue13,
    parsed,
    serving,
)

pytestmark = pytest.mark.slow

PACKAGE = ServerPackage("chromadb-1.5.9", "chromadb==1.5.9", no_deps=True)
RUN_CLI = (
    "import sys, chromadb_rust_bindings; chromadb_rust_bindings.cli(['chroma', *sys.argv[1:]])"
)
TENANT = "default_tenant"
TOKEN = "e2e-chroma-token"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    python = install(PACKAGE)
    data = tmp_path_factory.mktemp("chroma-data")

    def command(port: int) -> list[str]:
        return [
            str(python),
            "-c",
            RUN_CLI,
            "run",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--path",
            str(data),
        ]

    with serving(command, ready_path="/api/v2/heartbeat", log=data / "server.log") as running:
        yield running


@pytest.fixture(scope="module")
def sdk(server: Server, tmp_path_factory: pytest.TempPathFactory) -> GeneratedSdk:
    folder = tmp_path_factory.mktemp("chroma-sdk")
    spec = fetch_spec(f"{server.base_url}/openapi.json", folder / "chroma.json")
    return generate_sdk(spec, folder / "sdk", "chroma_api", "Chroma")


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database(server: Server, request: pytest.FixtureRequest) -> str:
    """A fresh database for one test and mode, made directly over HTTP (set-up, not under test)."""
    name = request.node.name.replace("[", "-").rstrip("]")
    created = httpx.post(
        f"{server.base_url}/api/v2/tenants/{TENANT}/databases", json={"name": name}
    )
    assert created.status_code == 200, created.text
    return name


class Chroma:
    """Direct HTTP access to the server, to set up state and check effects independently of
    the SDK under test."""

    def __init__(self, base_url: str, database: str) -> None:
        self.collections = f"{base_url}/api/v2/tenants/{TENANT}/databases/{database}/collections"

    def create(self, name: str, metadata: dict[str, Any] | None = None) -> dict[str, Any]:
        response = httpx.post(self.collections, json={"name": name, "metadata": metadata})
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def get(self, name: str) -> httpx.Response:
        return httpx.get(f"{self.collections}/{name}")


@pytest.fixture
def chroma(server: Server, database: str) -> Chroma:
    return Chroma(server.base_url, database)


Run = Callable[..., Any]


@pytest.fixture
def sent(mode: str) -> list[httpx.Request]:
    """Every request the SDK's client sent in a test, in order."""
    return []


@pytest.fixture
def call(sdk: GeneratedSdk, server: Server, mode: str, sent: list[httpx.Request]) -> Run:
    """`call(scenario, **client_options)`: the scenario on a client whose requests are recorded."""

    def run(scenario: Callable[[Any], Any], **options: Any) -> Any:
        def make_client() -> Any:
            if mode == "sync":
                http = httpx.Client(event_hooks={"request": [sent.append]})
                return sdk.package.Chroma(base_url=server.base_url, http_client=http, **options)

            async def record(request: httpx.Request) -> None:
                sent.append(request)

            http_async = httpx.AsyncClient(event_hooks={"request": [record]})
            return sdk.package.AsyncChroma(
                base_url=server.base_url, http_client=http_async, **options
            )

        options.setdefault("api_key", TOKEN)
        return drive(mode, make_client, scenario)

    return run


# --- What already works -----------------------------------------------------------------------


def test_the_generated_tests_pass(sdk: GeneratedSdk) -> None:
    """The SDK's own tests, which check every operation against mocks of the spec, pass: what
    fails below against the real server, they cannot see."""
    result = run_generated_tests(sdk.folder)
    assert result.returncode == 0, describe(result)


def test_heartbeat_and_version(call: Run) -> None:
    assert call(lambda c: c.system.heartbeat()).nanosecond_heartbeat > 0
    assert call(lambda c: c.system.version()) == "1.0.0"


def test_create_a_collection(call: Run, chroma: Chroma, database: str) -> None:
    created = call(
        lambda c: c.collection.create_collection(
            tenant=TENANT, database=database, name="papers", metadata={"topic": "e2e"}
        )
    )
    assert (created.name, created.tenant, created.database) == ("papers", TENANT, database)
    assert created.metadata == {"topic": "e2e"}
    assert chroma.get("papers").json()["id"] == str(created.id)


def test_read_a_collection_by_name_and_by_id(call: Run, chroma: Chroma, database: str) -> None:
    made = chroma.create("notes", {"size": 3})
    by_name = call(
        lambda c: c.collection.get_collection(
            tenant=TENANT, database=database, collection_id="notes"
        )
    )
    by_id = call(
        lambda c: c.collection.get_collection_by_id(
            tenant=TENANT, database=database, collection_id=made["id"]
        )
    )
    assert str(by_name.id) == str(by_id.id) == made["id"]
    assert by_name.metadata == {"size": 3}


def test_list_collections_across_pages(
    call: Run, chroma: Chroma, database: str, sent: list[httpx.Request]
) -> None:
    names = [f"coll-{index}" for index in range(5)]
    for name in names:
        chroma.create(name)
    listed = call(
        lambda c: all_items(
            c.collection.list_collections(tenant=TENANT, database=database, limit=2)
        )
    )
    assert sorted(item.name for item in listed) == names
    offsets = [request.url.params.get("offset", "0") for request in sent]
    assert offsets[:3] == ["0", "2", "4"]
    assert all(request.url.params["limit"] == "2" for request in sent)


def test_update_a_collection(call: Run, chroma: Chroma, database: str) -> None:
    made = chroma.create("draft", {"state": "old"})
    updated = call(
        lambda c: c.collection.update_collection(
            tenant=TENANT,
            database=database,
            collection_id=made["id"],
            new_name="final",
            new_metadata={"state": "new"},
        )
    )
    assert updated == {}
    after = chroma.get("final")
    assert (after.status_code, after.json()["id"], after.json()["metadata"]) == (
        200,
        made["id"],
        {"state": "new"},
    )


def test_delete_a_collection(call: Run, chroma: Chroma, database: str) -> None:
    chroma.create("doomed")
    deleted = call(
        lambda c: c.collection.delete_collection(
            tenant=TENANT, database=database, collection_id="doomed"
        )
    )
    assert deleted == {}
    assert chroma.get("doomed").status_code == 404


def test_missing_collection_is_not_found(sdk: GeneratedSdk, call: Run, database: str) -> None:
    with pytest.raises(sdk.package.NotFoundError) as raised:
        call(
            lambda c: c.collection.get_collection(
                tenant=TENANT, database=database, collection_id="absent"
            )
        )
    assert raised.value.status_code == 404
    assert raised.value.body == {
        "error": "NotFoundError",
        "message": "Collection [absent] does not exist",
    }


def test_records_add_count_and_get_a_page(call: Run, chroma: Chroma, database: str) -> None:
    made = chroma.create("vectors")
    ids = [f"v{index}" for index in range(4)]

    def scenario(client: Any) -> Any:
        records = client.record
        where = {"tenant": TENANT, "database": database, "collection_id": made["id"]}
        return (
            records.collection_add(
                **where, ids=ids, embeddings=[[float(i), 1.0] for i in range(4)]
            ),
            records.collection_count(**where),
            records.collection_get(**where, limit=2, offset=1, include=["embeddings"]),
        )

    def run_all(client: Any) -> Any:
        added, count, page = scenario(client)
        if not hasattr(added, "__await__"):
            return added, count, page

        async def gather() -> tuple[Any, Any, Any]:
            return await added, await count, await page

        return gather()

    added, count, page = call(run_all)
    assert added == {}
    assert count == 4
    assert page.ids == ["v1", "v2"]
    assert page.embeddings == [[1.0, 1.0], [2.0, 1.0]]


def test_the_declared_api_key_reaches_the_server(
    call: Run, database: str, sent: list[httpx.Request]
) -> None:
    count = call(lambda c: c.collection.count_collections(tenant=TENANT, database=database))
    assert count == 0
    assert [request.headers.get("x-chroma-token") for request in sent] == [TOKEN]


def test_raw_response_of_delete(call: Run, chroma: Chroma, database: str) -> None:
    chroma.create("raw-one")
    status, value = call(
        lambda c: parsed(
            c.with_raw_response.collection.delete_collection(
                tenant=TENANT, database=database, collection_id="raw-one"
            )
        )
    )
    assert (status, value) == (200, {})


# --- Issue 13, point 6: offset pagination stops after a short page -----------------------------
# Was: one more request after a short page (fixed on branch `runtime`).


@issue13(point=6)
def test_pagination_stops_after_a_short_page(
    call: Run, chroma: Chroma, database: str, sent: list[httpx.Request]
) -> None:
    for index in range(5):
        chroma.create(f"item-{index}")
    listed = call(
        lambda c: all_items(
            c.collection.list_collections(tenant=TENANT, database=database, limit=2)
        )
    )
    assert len(listed) == 5
    offsets = [request.url.params.get("offset", "0") for request in sent]
    assert offsets == ["0", "2", "4"], "a page of 1 < limit 2 is the last: no request at offset 5"


# --- Point 4: the server breaks its own schema ---------------------------------------------------
# `GET /api/v2/tenants/{tenant}/databases` is declared to return `Vec` (collections, with a
# required `configuration_json`, `log_position` and `version`); the server returns databases
# (`id`, `name`, `tenant`): the spec is wrong about its own response, and the lenient mode keeps
# the databases, naming the fields they lack.


@issue13(point=4)
def test_list_databases_keeps_the_data_and_warns(
    call: Run, database: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="chroma_api"):
        listed = call(lambda c: all_items(c.database.list_databases(tenant=TENANT)))
    assert database in [item.name for item in listed]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings, "no WARNING about the response that broke its schema"
    assert all(word in warnings[0] for word in ("configuration_json", "log_position", "version"))


@issue13(point=4)
def test_list_databases_strict_names_each_failing_field(sdk: GeneratedSdk, call: Run) -> None:
    with pytest.raises(sdk.package.APIResponseValidationError) as raised:
        call(
            lambda c: all_items(c.database.list_databases(tenant=TENANT)),
            strict_response_validation=True,
        )
    message = str(raised.value)
    assert all(word in message for word in ("configuration_json", "log_position", "version")), (
        message
    )
