"""Server URLs: the API's (the client's default base URL) and an operation's own.

OpenAPI 3 lets a path item or an operation declare `servers` of its own (uploads on another
host, say); the first one is used, its variables at their defaults, as for the API's.
"""

from __future__ import annotations

from sdkwright.spec.resolve import Node


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
