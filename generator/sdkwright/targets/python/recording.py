"""The whole Api for the templates of cached units, through a proxy that records what they read.

The render cache (`sdkwright.cache.render_cache`) reuses a unit's files while everything the
unit read is unchanged: the definitions it looked up, by name, in the map the cache hands it.
`Facts` is that map with the Api's attributes in it too, under `api.<attribute>` (never a class
name: names have no dots), and `ApiReads` is the `api` a unit's templates see: each attribute
they read is looked up there once, so the cache fingerprints it with the unit's reads. A
template may read any fact of the Api (how many models it has, every operation) and the
cached file stays exactly what a cold render gives.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

from sdkwright.ir.nodes import Api, Definition

PREFIX = "api."
# Every attribute a template can read of an Api: its fields, and its properties.
API_ATTRIBUTES = (*(f.name for f in dataclasses.fields(Api)), "operations")


class Facts(dict[str, Any]):
    """Definitions by name and the Api's attributes by `api.<attribute>`: what a cached unit
    may read. A dict, so that looking a definition up costs what it did; iterating it (or
    asking its length) gives the definitions only, as templates that loop over them expect."""

    def __init__(self, api: Api, definitions: Mapping[str, Definition]) -> None:
        super().__init__(definitions)
        self._definitions = definitions
        for attribute in API_ATTRIBUTES:
            self[PREFIX + attribute] = getattr(api, attribute)

    def __iter__(self) -> Iterator[str]:
        return iter(self._definitions)

    def __len__(self) -> int:
        return len(self._definitions)

    def keys(self) -> Any:
        return self._definitions.keys()

    def values(self) -> Any:
        return self._definitions.values()

    def items(self) -> Any:
        return self._definitions.items()


def api_fact(reads: Mapping[str, Any], attribute: str, default: Any) -> Any:
    """An attribute of the Api as a unit's views read it: from `reads` (recorded, so the cached
    unit depends on it) where `reads` holds the Api's facts, else `default`."""
    try:
        return reads[PREFIX + attribute]
    except KeyError:
        return default


class ApiReads:
    """The Api as a cached unit's templates see it: an attribute is read from `reads` (the
    cache's tracking view of `Facts`) the first time, then kept on the proxy."""

    def __init__(self, reads: Mapping[str, Any]) -> None:
        self._reads = reads

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):  # copy, pickle and the like probe for protocols
            raise AttributeError(attribute)
        try:
            value = self._reads[PREFIX + attribute]
        except KeyError:
            raise AttributeError(attribute) from None
        setattr(self, attribute, value)
        return value

    def __repr__(self) -> str:
        return "<Api, read by a cached render unit>"
