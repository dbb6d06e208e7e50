"""Repairs at the top of a document: where the API is served, written the other version's way."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from sdkwright.spec import map_refs
from sdkwright.spec.edits import Change
from sdkwright.spec.lenient.fixes import Fix
from sdkwright.spec.lenient.walk import ref_sites
from sdkwright.spec.resolve import Node, SpecSet

_VARIABLE = re.compile(r"{([^}]*)}")
_SWAGGER2_SERVER_KEYS = ("host", "basePath", "schemes")


def maps_by_reference(specs: SpecSet) -> list[Fix]:
    """A map of named objects other than `properties` given whole by `$ref` (map_refs.py)."""
    fixes = []
    for found in map_refs.found(specs, ref_sites(specs), map_refs.LENIENT):
        message, done = map_refs.describe(found)
        node = Node(found.document, found.pointer, None)
        change = Change(found.pointer, found.entries)
        fixes.append(Fix(node, "lenient.map-by-reference", message, done, (change,)))
    return fixes


def servers_in_swagger2(specs: SpecSet) -> list[Fix]:
    """An OpenAPI 3 `servers` list in a Swagger 2.0 file: its first URL becomes `host`,
    `basePath` and `schemes` (where the file does not give them already)."""
    root = specs.root_node
    servers = root.value.get("servers")
    if not specs.swagger2 or servers is None:
        return []
    url = _first_url(servers)
    parts = urlsplit(url) if url is not None else None
    changes = [Change("/servers")]
    if parts is not None and parts.netloc:
        given = {
            "host": parts.netloc,
            "basePath": parts.path.rstrip("/") or "/",
            "schemes": [parts.scheme] if parts.scheme in ("http", "https") else None,
        }
        changes += [
            Change(f"/{key}", value)
            for key, value in given.items()
            if value is not None and key not in root.value
        ]
        done = f"read {url} as host, basePath and schemes"
    else:
        done = "dropped it (it holds no absolute URL)"
    message = "`servers` is OpenAPI 3's; Swagger 2.0 says host, basePath and schemes"
    node = root.child("servers")
    return [Fix(node, "lenient.swagger2-servers", message, done, tuple(changes))]


def swagger2_server_in_openapi3(specs: SpecSet) -> list[Fix]:
    """Swagger 2.0's host, basePath and schemes in an OpenAPI 3 document: a `servers` entry
    (when it has none)."""
    root = specs.root_node
    present = [k for k in _SWAGGER2_SERVER_KEYS if k in root.value]
    if specs.swagger2 or not present:
        return []
    changes = [Change(f"/{key}") for key in present]
    host = root.value.get("host")
    done = f"removed {', '.join(present)}"
    if isinstance(host, str) and "servers" not in root.value:
        schemes = root.value.get("schemes")
        scheme = schemes[0] if isinstance(schemes, list) and schemes else "https"
        base = root.value.get("basePath")
        url = f"{scheme}://{host}{base if isinstance(base, str) else ''}".rstrip("/")
        changes.append(Change("/servers", [{"url": url}]))
        done = f"read them as servers: [{{url: {url}}}]"
    message = f"{', '.join(present)} {'is' if len(present) == 1 else 'are'} Swagger 2.0's; OpenAPI 3 says `servers`"
    return [Fix(root.child(present[0]), "lenient.openapi3-host", message, done, tuple(changes))]


def _first_url(servers: Any) -> str | None:
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
        return None
    server = servers[0]
    url = server.get("url")
    if not isinstance(url, str):
        return None
    variables = server.get("variables")
    variables = variables if isinstance(variables, dict) else {}
    return _VARIABLE.sub(lambda m: _default(variables, m.group(1)), url)


def _default(variables: dict[str, Any], name: str) -> str:
    variable = variables.get(name)
    default = variable.get("default") if isinstance(variable, dict) else None
    return str(default) if default is not None else ""
