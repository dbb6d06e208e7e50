"""`DefaultAioHttpClient` (runtime/_aiohttp.py, the SDKs' `aiohttp` extra): an async client
whose requests go through aiohttp, to a real server on 127.0.0.1; and, without the extra,
an error that says what to install."""

from __future__ import annotations

import asyncio
import importlib
import sys
from types import SimpleNamespace
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from pydantic import BaseModel


class Pet(BaseModel):
    name: str


def _aiohttp_module(rt: SimpleNamespace) -> Any:
    return importlib.import_module(f"{rt.package}._aiohttp")


def test_requests_go_through_aiohttp_to_a_real_server(rt: SimpleNamespace) -> None:
    seen: list[dict[str, str]] = []

    async def pet(request: web.Request) -> web.Response:
        seen.append({"path": request.path_qs, "agent": request.headers.get("X-Test", "")})
        return web.json_response({"name": "Rex"}, headers={"x-request-id": "r1"})

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/v1/pets/{id}", pet)
        async with TestServer(app, host="127.0.0.1") as server:
            http_client = _aiohttp_module(rt).DefaultAioHttpClient()
            assert type(http_client).__mro__[1].__module__.startswith("httpx_aiohttp")
            client = rt.base.AsyncAPIClient(
                base_url=str(server.make_url("/")),
                http_client=http_client,
                default_headers={"X-Test": "yes"},
                max_retries=0,
            )
            found = await client.request("GET", "/v1/pets/7", cast_to=Pet, params={"x": 1})
            assert found == Pet(name="Rex")
            await client.close()

    asyncio.run(main())
    assert seen == [{"path": "/v1/pets/7?x=1", "agent": "yes"}]


def test_without_the_extra_making_one_says_what_to_install(
    rt: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = f"{rt.package}._aiohttp"
    monkeypatch.setitem(sys.modules, "httpx_aiohttp", None)  # as if not installed
    monkeypatch.delitem(sys.modules, name, raising=False)
    module = importlib.import_module(name)
    try:
        with pytest.raises(RuntimeError, match=r"`aiohttp` extra"):
            module.DefaultAioHttpClient()
    finally:
        sys.modules.pop(name, None)  # the next import finds the library again
