"""Server URLs: the API's (the client's default base URL) and an operation's own.

OpenAPI 3 lets a path item or an operation declare `servers` of its own (uploads on another
host, say); the first one is used, its variables at their defaults, as for the API's.
"""

from __future__ import annotations

from sdkwright.ir.nodes import Server
from sdkwright.spec.resolve import Node

# Where a relative server URL is resolved: the client has no host to resolve it against.
LOCAL_HOST = "http://localhost"


def first_url(servers: object) -> str | None:
    """The first server's URL with its variables at their defaults; None without one."""
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
        return None
    url = str(servers[0].get("url") or "")
    variables = servers[0].get("variables")
    for name, variable in variables.items() if isinstance(variables, dict) else ():
        if isinstance(variable, dict):
            url = url.replace("{" + str(name) + "}", str(variable.get("default", "")))
    return url


def operation_server(item: Node, operation: Node, api_url: str | None) -> str:
    """The server an operation declares (or else its path item), "" when it declares none
    or the API's own."""
    for owner in (operation, item):
        url = first_url(owner.value.get("servers"))
        if url is not None:
            same = api_url is not None and url.rstrip("/") == api_url.rstrip("/")
            return "" if same else url.rstrip("/")
    return ""


def absolute(url: str) -> str:
    """`url` as a client's base URL: a relative one below `LOCAL_HOST`, no trailing slash."""
    if "://" not in url:
        url = LOCAL_HOST + ("" if url.startswith("/") else "/") + url
    return url.rstrip("/")


def api_servers(servers: object) -> tuple[Server, ...]:
    """The API's servers, when it lists more than one: what the client's `environment=`
    chooses from (a single server is just the default base URL)."""
    if not isinstance(servers, list):
        return ()
    listed = [s for s in servers if isinstance(s, dict) and isinstance(s.get("url"), str)]
    if len(listed) < 2:
        return ()
    return tuple(
        Server(absolute(first_url([s]) or ""), str(s.get("description") or "")) for s in listed
    )
