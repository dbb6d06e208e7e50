"""Path keys that hold more than a path: a fragment (`/oauth2/token#refresh`) or a query
(`/responses?beta=true`).

Published specs use a fragment to tell apart operations on the same path and method, and a
query to pin a parameter of one endpoint. Sent verbatim, neither is a valid request path. A
fragment is never sent (no URL's is): it only helps naming. A query becomes fixed query
parameters of every request of the path's operations; a parameter the operation declares under
the same name takes the caller's value when one is given, and the fixed value otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.spec.resolve import Node

FRAGMENT_HINT = (
    "tell the operations apart by operationId; the fragment only helps naming and is not sent"
)
QUERY_HINT = (
    "declare these as query parameters of the operations (an enum or a default pins a value); "
    "as written, they are sent with every request"
)


@dataclass(frozen=True)
class PathKey:
    """A key of `paths`, split as a URL is."""

    path: str  # what requests go to
    fragment: str  # after "#": never sent
    query: tuple[tuple[str, str], ...]  # after "?": fixed query parameters, decoded
    has_query: bool  # a "?" was there, even with nothing after it


def split(key: str) -> PathKey:
    """`/a?x=1#f` -> path `/a`, query (("x", "1"),), fragment `f` (a "?" after "#" is fragment)."""
    before_fragment, _, fragment = key.partition("#")
    path, question_mark, query = before_fragment.partition("?")
    pairs = tuple(parse_qsl(query, keep_blank_values=True))
    return PathKey(path, fragment, pairs, bool(question_mark))


def diagnostics(path_items: Iterable[tuple[str, Node]]) -> list[Diagnostic]:
    """One located diagnostic per path key holding a fragment (path.fragment, INFO: nothing is
    lost) or a query (path.query, WARNING: requests carry parameters the spec does not
    declare as such)."""
    found: list[Diagnostic] = []
    seen: set[str] = set()
    for key, item in path_items:
        if key in seen:
            continue
        seen.add(key)
        found += _key_diagnostics(key, split(key), item)
    return found


def _key_diagnostics(key: str, parts: PathKey, item: Node) -> list[Diagnostic]:
    found = []
    if "#" in key:
        found.append(
            Diagnostic(
                Level.INFO,
                "path.fragment",
                f"path '{key}': the fragment '#{parts.fragment}' is not sent; "
                f"requests go to '{parts.path}'",
                item.location,
                FRAGMENT_HINT,
            )
        )
    if parts.has_query:
        sent = "&".join(f"{name}={value}" for name, value in parts.query) or "nothing"
        found.append(
            Diagnostic(
                Level.WARNING,
                "path.query",
                f"path '{key}': the query is not part of the path; requests go to "
                f"'{parts.path}' with the fixed query parameters {sent} (a value the caller "
                "gives to a declared parameter of the same name replaces its fixed one)",
                item.location,
                QUERY_HINT,
            )
        )
    return found
