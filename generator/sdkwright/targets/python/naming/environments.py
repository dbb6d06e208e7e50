"""The names of a client's environments (`environment="sandbox"`), from its servers.

A server is named by the words of its description that the other servers' descriptions do
not all share, and that say nothing of every server ("API", "server"): "Clear Street
Development API" beside "Clear Street API" is `development`. The first server, when nothing
is left of its description, is `production` (the default environment); any other server
without words of its own, or whose name another server took, is `server_<n>` by position.
A long description gives its first three such words.
"""

from __future__ import annotations

from sdkwright.config_client import ENVIRONMENT_NAME
from sdkwright.ir.names import words
from sdkwright.ir.nodes import Server

# Words that describe any server, so never tell two apart.
_GENERIC = frozenset({"api", "server", "servers", "environment", "endpoint", "url", "base"})
# A name is a word or two ("eu_sandbox"); a description's sentence is cut to its first words.
_MOST_WORDS = 3


def environment_names(servers: tuple[Server, ...]) -> tuple[tuple[str, str], ...]:
    """(name, URL) of each server, in the spec's order: the first is the default."""
    described = [[w.lower() for w in words(s.description)] for s in servers]
    shared = set.intersection(*(set(d) for d in described)) if described else set()
    names: list[str] = []
    for position, own_words in enumerate(described, start=1):
        fallback = f"server_{position}"
        own = [w for w in own_words if w not in shared and w not in _GENERIC][:_MOST_WORDS]
        candidate = "_".join(own) or ("production" if position == 1 else fallback)
        name = candidate if ENVIRONMENT_NAME.fullmatch(candidate) else fallback
        names.append(fallback if name in names else name)
    return tuple(zip(names, (s.url for s in servers), strict=True))
