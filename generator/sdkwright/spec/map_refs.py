"""A map of named objects given whole by `$ref` (`properties: {$ref: 'attributes.yml#/ids'}`),
read as the referenced map, each entry a reference to the entry there.

No version of OpenAPI or JSON Schema allows it: a Reference Object stands for one schema,
response, header..., never for a map of them; read literally, `properties: {$ref: ...}` is one
property named `$ref` whose schema is a string, which no schema is. Published multi-file specs
write it all the same (DigitalOcean, for `properties`), and bundlers that inline every JSON
Reference accept it. So `properties` maps by reference are followed whatever the mode, as
validation already did (validate.validation_view); any other map of named objects is followed
by --lenient, with a warning.

Each entry becomes a reference to the entry of the map it names, written relative to the
file holding the map: the entries keep their own file, so the references inside them still
resolve from where they were written, and nothing is copied (a map that refers to maps
cannot multiply the document).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import quote

from sdkwright.spec import refs
from sdkwright.spec.edits import Change
from sdkwright.spec.load import Document
from sdkwright.spec.pointers import split_pointer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.spec.resolve import Node, SpecSet

ALWAYS = frozenset({"properties"})
# The maps of named objects OpenAPI and JSON Schema have (refs.py names them).
LENIENT = frozenset(
    {
        "patternProperties",
        "dependentSchemas",
        "$defs",
        "definitions",
        "schemas",
        "parameters",
        "headers",
        "responses",
        "requestBodies",
        "securitySchemes",
        "callbacks",
        "links",
        "pathItems",
        "encoding",
        "content",
        "variables",
        "examples",
    }
)
_SAFE = "/~:@!$&'()*+,;=-._"  # what a fragment keeps as it is (RFC 3986)


@dataclass(frozen=True)
class MapRef:
    """A map at `pointer` of `document` given by `$ref`, and the entries it stands for."""

    document: Document
    pointer: str
    keyword: str
    entries: dict[str, object]


def found(
    specs: SpecSet, sites: Iterable[tuple[str, str, Document]], keywords: frozenset[str]
) -> Iterator[MapRef]:
    """The maps among `sites` ((ref, pointer of the object holding it, document)) that a
    `$ref` gives whole, for the `keywords` asked, with the entries they become."""
    from sdkwright.spec.resolve import RefError

    for ref, pointer, document in sites:
        if pointer.rpartition("/")[2] not in keywords:  # no keyword needs escaping
            continue
        tokens = split_pointer(pointer)
        if not _is_keyword(specs, document, tokens):
            continue
        holder = _value_at(document.data, tokens)
        try:
            target = specs.deref(specs.target(ref, document))
        except RefError:
            continue  # reported by the loader
        if not isinstance(target.value, dict) or not isinstance(holder, dict):
            continue
        entries: dict[str, object] = {
            key: {"$ref": reference(target.child(key), document)} for key in target.value
        }
        entries.update((k, v) for k, v in holder.items() if k != "$ref")  # written beside it
        yield MapRef(document, pointer, tokens[-1], entries)


def changes(maps: Iterable[MapRef]) -> dict[str, list[Change]]:
    """The changes that make each map its entries, by document name."""
    by_document: dict[str, list[Change]] = defaultdict(list)
    for found_map in maps:
        by_document[found_map.document.name].append(Change(found_map.pointer, found_map.entries))
    return by_document


def reference(target: Node, base: Document) -> str:
    """A `$ref` to `target` written in `base`."""
    fragment = "#" + quote(target.pointer, safe=_SAFE)
    if target.document is base:
        return fragment
    if target.document.url:
        return target.document.url + fragment
    relative = os.path.relpath(target.document.path, base.path.parent)
    return quote(relative.replace(os.sep, "/"), safe=_SAFE) + fragment


def _is_keyword(specs: SpecSet, document: Document, tokens: list[str]) -> bool:
    """The last token is the keyword of a map (not, say, a property named `properties`)."""
    context = refs.context_of(
        document.data, tokens, swagger2=specs.swagger2, root_document=document is specs.root
    )
    return context == tokens[-1]


def _value_at(data: object, tokens: list[str]) -> object:
    value = data
    for token in tokens:
        value = value[int(token)] if isinstance(value, list) else value[token]  # type: ignore[index]
    return value


def describe(found_map: MapRef) -> tuple[str, str]:
    """The warning's message and what was done, for a map followed by --lenient."""
    message = f"`{found_map.keyword}` is given whole by $ref, which OpenAPI allows only for a single object"
    count = len(found_map.entries)
    return message, f"read the {count} entr{'y' if count == 1 else 'ies'} of the map it refers to"
