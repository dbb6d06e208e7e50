"""Auto-pagination of the TypeScript SDKs over real HTTP: the paging spec of
tests/paging_fixture.py (a list endpoint in each style) generated to TypeScript, compiled by
tsc and run by Node against the server serving three pages for each. `for await` goes through
every item once, in order, sending the right cursors; pages are fetched lazily and offer page
access (`items`, `body`, `response`, `hasNextPage()`, `getNextPage()`, `iterPages()`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from paging_fixture import ALL_ITEMS, PAGES, SPEC, PagingServer
from sdkwright import api
from sdkwright.config import Target
from typescript_tools import Reply, ScriptedServer, built_sdk, run_node

CLIENT = "const client = new sdk.PagingDemo({ baseURL: process.env.URL, maxRetries: 0 });\n"
COLLECT = "const ids = [];\nfor await (const item of CALL) ids.push(item.id);\nreturn ids;"


@pytest.fixture(scope="module")
def paging_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ts-paging")
    spec = folder / "paging.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    target = Target(
        "paging", spec, folder / "out", "pagingdemo", "PagingDemo", language="typescript"
    )
    result = api.generate(target)
    assert result.files and not result.diagnostics, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    return built_sdk(target.output, folder / "sdk")


@pytest.fixture
def server() -> Iterator[PagingServer]:
    paging = PagingServer()
    paging.thread.start()
    yield paging
    paging.httpd.server_close()


def run(sdk: Path, server: PagingServer, code: str) -> object:
    printed = run_node(sdk, CLIENT + code, {"URL": server.base_url})
    assert printed["ok"] is True, printed
    return printed["value"]


def collect(call: str) -> str:
    return COLLECT.replace("CALL", call)


def test_for_await_goes_through_every_page_of_a_cursor_envelope(
    paging_sdk: Path, server: PagingServer
) -> None:
    code = collect("client.positions.listPositions({ accountId: 7, pageSize: 3 })")
    assert run(paging_sdk, server, code) == ALL_ITEMS
    sent = server.queries_for("/v1/accounts/7/positions")
    assert [q.get("page_token") for q in sent] == [None, "tok-2", "tok-3"]
    assert all(q["page_size"] == "3" for q in sent)  # the call's other parameters stay


def test_pages_are_fetched_lazily_and_offer_page_access(
    paging_sdk: Path, server: PagingServer
) -> None:
    code = """
    const page = await client.positions.listPositions({ accountId: 7 });
    const first = {
      items: page.items.map((p) => p.id),
      requestId: page.body.metadata.request_id,
      status: page.response.status,
      more: page.hasNextPage(),
    };
    const second = await page.getNextPage();
    const pages = [];
    for await (const each of page.iterPages()) pages.push(each.items.map((p) => p.id));
    const last = await second.getNextPage();
    let error = null;
    try { last.getNextPage(); } catch (e) { error = e.name; }
    return { first, second: second.items.map((p) => p.id), pages, lastMore: last.hasNextPage(), error };
    """
    assert run(paging_sdk, server, code) == {
        "first": {"items": PAGES[0], "requestId": "r0", "status": 200, "more": True},
        "second": PAGES[1],
        "pages": PAGES,
        "lastMore": False,
        "error": "SDKError",
    }
    # One request per page asked for: 1 + getNextPage + iterPages' two + the last one.
    tokens = [q.get("page_token") for q in server.queries_for("/v1/accounts/7/positions")]
    assert tokens == [None, "tok-2", "tok-2", "tok-3", "tok-3"]


def test_breaking_out_of_the_loop_fetches_no_further_page(
    paging_sdk: Path, server: PagingServer
) -> None:
    code = """
    const ids = [];
    for await (const item of client.positions.listPositions({ accountId: 7 })) {
      ids.push(item.id);
      if (ids.length === 4) break;
    }
    return ids;
    """
    assert run(paging_sdk, server, code) == ALL_ITEMS[:4]
    assert len(server.queries_for("/v1/accounts/7/positions")) == 2


@pytest.mark.parametrize(
    ("call", "path", "parameter", "sent"),
    [
        ("orders.listOrders()", "/orders", "offset", [None, "3", "6", "9"]),
        ("events.listEvents()", "/events", "since", [None, "cursor-2", "cursor-3"]),
        ("charges.listCharges()", "/charges", "starting_after", [None, "p3", "p6"]),
        ("reports.listReports()", "/reports", "resume", [None, "r-2", "r-3"]),
    ],
)
def test_every_style_returns_every_item_once_in_order(
    paging_sdk: Path,
    server: PagingServer,
    call: str,
    path: str,
    parameter: str,
    sent: list[str | None],
) -> None:
    assert run(paging_sdk, server, collect("client." + call)) == ALL_ITEMS
    assert [q.get(parameter) for q in server.queries_for(path)] == sent


@pytest.mark.parametrize(
    ("call", "path", "parameter", "sent"),
    [
        # 9 items: 4 + 4 + 1, and the page of 1 is the last.
        ("orders.listOrders({ limit: 4 })", "/orders", "offset", [None, "4", "8"]),
        ("photos.listPhotos({ perPage: 4 })", "/photos", "page", [None, "2", "3"]),
        # Pages of 3 as asked, all full: only an empty page can end them.
        ("photos.listPhotos({ perPage: 3 })", "/photos", "page", [None, "2", "3", "4"]),
        # Without a size asked for, a short page says nothing.
        ("photos.listPhotos()", "/photos", "page", [None, "2", "3", "4"]),
        # A page number to start from is the first cursor.
        ("photos.listPhotos({ page: 2, perPage: 3 })", "/photos", "page", ["2", "3", "4"]),
    ],
)
def test_a_page_shorter_than_the_size_asked_for_is_the_last(
    paging_sdk: Path,
    server: PagingServer,
    call: str,
    path: str,
    parameter: str,
    sent: list[str | None],
) -> None:
    expected = ALL_ITEMS[3:] if "page: 2" in call else ALL_ITEMS
    assert run(paging_sdk, server, collect("client." + call)) == expected
    assert [q.get(parameter) for q in server.queries_for(path)] == sent


def test_a_cursor_that_does_not_move_stops_the_iteration(paging_sdk: Path) -> None:
    again = {"metadata": {"request_id": "r", "next_page_token": "again"}, "data": [{"id": "x"}]}
    scripted = ScriptedServer([Reply(200, again)])
    code = collect("client.positions.listPositions({ accountId: 1, pageToken: 'again' })")
    with scripted.running() as url:
        printed = run_node(paging_sdk, CLIENT + code, {"URL": url})
    assert printed == {"ok": True, "value": ["x"]}
    assert len(scripted.received) == 1


def test_an_error_page_throws_from_the_loop(paging_sdk: Path) -> None:
    first = {"metadata": {"request_id": "r", "next_page_token": "t2"}, "data": [{"id": "x"}]}
    scripted = ScriptedServer([Reply(200, first), Reply(404, {"message": "gone"})])
    code = collect("client.positions.listPositions({ accountId: 1 })")
    with scripted.running() as url:
        printed = run_node(paging_sdk, CLIENT + code, {"URL": url})
    assert (printed["error"], printed["status"], printed["body"]) == (
        "NotFoundError",
        404,
        {"message": "gone"},
    )
    assert [r.path for r in scripted.received] == [
        "/v1/accounts/1/positions",
        "/v1/accounts/1/positions?page_token=t2",
    ]


def test_a_page_gives_its_response_too(paging_sdk: Path, server: PagingServer) -> None:
    code = """
    const { data, response } = await client.charges.listCharges().withResponse();
    const raw = await client.charges.listCharges().asResponse();
    return { items: data.items.map((c) => c.id), status: response.status, raw: (await raw.json()).has_more };
    """
    assert run(paging_sdk, server, code) == {"items": PAGES[0], "status": 200, "raw": True}
    assert len(server.queries_for("/charges")) == 2  # no page after the first is fetched
