"""The names a package's `__init__` exports, each with the module it comes from.

Every SDK exports its clients, errors, response classes and a few runtime names; the Stainless
surface adds what every Stainless SDK's package `__init__` exports too (`Client`,
`DefaultHttpxClient`, `ENVIRONMENTS`, `not_given`, `BaseModel`, `Stream`, `NoneType`,
`file_from_path`, httpx's `Transport` and `ProxiesTypes`, `DEFAULT_CONNECTION_LIMITS`), so that
code importing them keeps working.
"""

from __future__ import annotations

import re

from sdkwright.flavours import Plan
from sdkwright.ir.nodes import Api

ERRORS = (
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
)
_CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]+$")


def package_exports(api: Api, plan: Plan, aiohttp: bool) -> dict[str, str]:
    """Exported name -> its module (relative: `._client`), in the order `_MODULES` lists them."""
    client = api.client_name
    found = {"types": ".types"}
    if plan.asynchronous:
        found[f"Async{client}"] = "._client"
    found[client] = "._client"
    if aiohttp:
        found["DefaultAioHttpClient"] = "._aiohttp"
    found |= dict.fromkeys(ERRORS, "._exceptions")
    found["APIResponse"] = "._response"
    if plan.asynchronous:
        found["AsyncAPIResponse"] = "._response"
    found |= {
        "DEFAULT_MAX_RETRIES": "._retries",
        "ServerSentEvent": "._streaming",
        "NOT_GIVEN": "._types",
        "NotGiven": "._types",
        "RequestOptions": "._types",
    }
    if api.surface == "stainless":
        found |= _stainless_exports(api, plan)
    return found


def error_root(api: Api) -> str | None:
    """The Stainless surface's class above every error (`<Client>Error`), unless that name is
    one of the runtime's errors already."""
    name = f"{api.client_name}Error"
    if api.surface != "stainless" or name in ERRORS or name == "ErrorRoot":
        return None
    return name


def _stainless_exports(api: Api, plan: Plan) -> dict[str, str]:
    found = {"Client": "._client", "not_given": "._types", "Timeout": "._types"}
    found |= {"Omit": "._types", "omit": "._types", "NoneType": "._types"}
    found |= {"file_from_path": "._types", "Stream": "._streaming"}
    if plan.asynchronous:
        found["AsyncStream"] = "._streaming"
    found["DEFAULT_TIMEOUT"] = "._http"
    root = error_root(api)
    if root is not None:
        found[root] = "._error_root"
    if plan.asynchronous:
        found["AsyncClient"] = "._client"
    if api.environments:
        found["ENVIRONMENTS"] = "._client"
    if plan.transport == "http_httpx.py":  # runtime/_httpx_clients.py
        found["DefaultHttpxClient"] = "._httpx_clients"
        found |= dict.fromkeys(("Transport", "ProxiesTypes"), "._httpx_clients")
        found["DEFAULT_CONNECTION_LIMITS"] = "._httpx_clients"
        if plan.asynchronous:
            found["DefaultAsyncHttpxClient"] = "._httpx_clients"
    if plan.models.runtime == "models_pydantic.py":
        found["BaseModel"] = "._models"
    return found


def export_order(name: str) -> tuple[int, str]:
    """isort's order (ruff's too): constants, then classes, then the rest."""
    if _CONSTANT.match(name):
        return 0, name
    return (1 if name[0].isupper() else 2), name


def imports_by_module(exports: dict[str, str]) -> list[tuple[str, list[str]]]:
    """(module, names) for `from <module> import <names>`, modules and names in isort's order;
    `types` (the subpackage) is imported apart, as `from . import types`."""
    modules: dict[str, list[str]] = {}
    for name, module in exports.items():
        if name != "types":
            modules.setdefault(module, []).append(name)
    return [(m, sorted(names, key=export_order)) for m, names in sorted(modules.items())]
