"""The runtime's source files imported where they stand, and what the runtime tests share.

A generated SDK holds the runtime as one flat package: the core modules, its transport as
`_http` and its model type's support as `_models`. `assemble` builds that package from
`sdkwright/runtime/` without copying anything: a package module whose `__path__` is the
source folder (so `rt._base_client` is `sdkwright/runtime/_base_client.py` itself), with
the chosen transport and model-type modules loaded under the names `_http` and `_models`.
Tracebacks and coverage point at the source; several transports and model types live side
by side in one test session, each in a package of its own.

(The files an SDK gets, banner included, are checked as shipped by test_shipped.py.)
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import importlib.util
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from types import ModuleType, SimpleNamespace
from typing import Any, cast

import httpx
import pydantic
from sdkwright.targets.python.runtime_files import SOURCE

PACKAGE = "rtpkg"  # what the tests import the runtime as
BASE_URL = "https://api.example.test/api"
MODULES = {
    "types": "_types",
    "exc": "_exceptions",
    "encoding": "_encoding",
    "base": "_base_client",
    "response": "_response",
    "retries": "_retries",
    "streaming": "_streaming",
    "pagination": "_pagination",
    "http": "_http",
    "models": "_models",
}

Handler = Callable[[httpx.Request], httpx.Response]


def assemble(package: str, http: str = "httpx", model_type: str = "pydantic") -> SimpleNamespace:
    """The runtime over `http` with `model_type` models, as the package `package` (its
    modules by their short names: `rt.base`, `rt.http`, ...)."""
    root = ModuleType(package)
    root.__path__ = [str(SOURCE)]
    sys.modules[package] = root
    for name, source in (("_http", f"http_{http}.py"), ("_models", f"models_{model_type}.py")):
        spec = importlib.util.spec_from_file_location(f"{package}.{name}", SOURCE / source)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        setattr(root, name, module)
    return SimpleNamespace(
        package=package,
        **{short: importlib.import_module(f"{package}.{name}") for short, name in MODULES.items()},
    )


def forget(package: str) -> None:
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]


class Recorder:
    """A MockTransport handler that remembers requests and replays a response."""

    def __init__(self, response: httpx.Response | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.response = response if response is not None else httpx.Response(200)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.response

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def make_client(rt: SimpleNamespace, handler: Handler, **kwargs: Any) -> Any:
    http_client = httpx.Client(transport=httpx.MockTransport(handler))
    kwargs.setdefault("base_url", BASE_URL)
    # One attempt per call, so that error tests see each error once; retry tests opt in.
    kwargs.setdefault("max_retries", 0)
    return rt.base.SyncAPIClient(http_client=http_client, **kwargs)


def make_async_client(rt: SimpleNamespace, handler: Handler, **kwargs: Any) -> Any:
    http_client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    kwargs.setdefault("base_url", BASE_URL)
    kwargs.setdefault("max_retries", 0)
    return rt.base.AsyncAPIClient(http_client=http_client, **kwargs)


def timeout_of(request: httpx.Request) -> dict[str, float | None]:
    return cast("dict[str, float | None]", request.extensions["timeout"])


def json_response(status: int, body: object, **kwargs: Any) -> httpx.Response:
    return httpx.Response(status, json=body, **kwargs)


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Pet(pydantic.BaseModel):
    name: str
    pet_type: str = pydantic.Field(alias="petType")
    nickname: str | None = None
    color: Color | None = None
    born: dt.date | None = None


class Owner(pydantic.BaseModel):
    id: int


Reply = httpx.Response | Exception


class Script:
    """A MockTransport handler replaying one reply per request, then 200s."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies.pop(0) if self.replies else httpx.Response(200, json={"ok": True})
        if isinstance(reply, Exception):
            raise reply
        return reply


def retrying_client(rt: SimpleNamespace, script: Script, **kwargs: Any) -> tuple[Any, list[float]]:
    """A client with the default retry policy that records its waits instead of sleeping."""
    kwargs.setdefault("max_retries", 2)
    client = make_client(rt, script, **kwargs)
    sleeps: list[float] = []
    client._sleep = sleeps.append
    return client, sleeps


def pets_endpoint(client: Any) -> Callable[..., list[Pet]]:
    """A stand-in for a generated method."""

    def list_pets(*, limit: int) -> list[Pet]:
        return cast(
            "list[Pet]",
            client.request("GET", "/v1/pets", cast_to=list[Pet], params={"limit": limit}),
        )

    return list_pets


class Trickle(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body sent chunk by chunk, remembering how far the reader got."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.sent = 0
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.sent += 1
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            self.sent += 1
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True
