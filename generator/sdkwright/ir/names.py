"""What names are made of, before any language spells them.

The IR names nothing in a target language. It keeps the spec's texts (wire names, operationIds,
tags, titles), the words they are made of (`words`), and for every definition the *origin* of
its name: a component key, the context an inline schema sits in, or the file and folders of a
schema outside the components. A target's naming step turns these into identifiers with its
own case, reserved words and collision rules (see `sdkwright.targets.python.naming`).

Word splitting lives here, once, so that every target reads the same words from a spec text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

# Where a spec asks for a name of its choosing (on a component schema or an operation).
NAME_EXTENSION = "x-sdkwright-name"
# Words spelled in mixed case whose parts are no words ('O' 'Auth', 'Git' 'Hub', 'I' 'Pv6'): each
# is one word wherever it is written so, with the number it ends with (OAuth2, IPv6).
COMPOUND_WORDS = (
    "OAuth",
    "OpenID",
    "OpenAPI",
    "GraphQL",
    "MySQL",
    "NoSQL",
    "PostgreSQL",
    "GitHub",
    "GitLab",
    "IPv",
    "iOS",
    "macOS",
)
# One word each, tried in this order at every position of a text:
_WORD = re.compile(
    rf"(?:{'|'.join(COMPOUND_WORDS)})\d*(?![a-z])"  # a compound word: OAuth, IPv6, GitHub
    r"|[A-Z]{2,}s(?![a-z])"  # an acronym in the plural: IPs, URLs, IDs
    r"|[A-Z]+\d*(?=[A-Z][a-z])"  # an acronym before a capitalised word: HTTP|Server, V1|Pod
    r"|[A-Z]?[a-z]+\d*"  # a word and the number it ends with: list, Core, v1, oauth2
    r"|[A-Z]+\d*"  # an acronym: ID, V1, S3
    r"|\d+[a-z]*"  # a number and the letters after it: 50p, 2fa, 1st
)
# A symbol that starts a text says something ('+1', '-1'): it is read as a word.
_LEADING_SYMBOLS = {
    "+": "plus",
    "-": "minus",
    "@": "at",
    "$": "dollar",
    "#": "hash",
    "*": "star",
    "!": "not",
}
_SYMBOL_WORDS = {
    "-": "dash",
    ".": "dot",
    "+": "plus",
    "/": "slash",
    " ": "space",
    ":": "colon",
    "@": "at",
    "*": "star",
    "#": "hash",
    "&": "and",
    "|": "or",
    "=": "eq",
    "<": "lt",
    ">": "gt",
    "!": "not",
    "~": "tilde",
    "%": "percent",
    ",": "comma",
    "$": "dollar",
    "(": "open",
    ")": "close",
}


@cache  # pure, and asked for the same few thousand texts again and again
def words(text: str) -> tuple[str, ...]:
    """The words of any spelling (camelCase, kebab-case, 'Spaced words', snake_case), their
    case kept: `cancelPositionInstruction` -> ('cancel', 'Position', 'Instruction').

    Acronyms and numbers stay with their word: `listCoreV1NamespacedPod` -> ('list', 'Core',
    'V1', 'Namespaced', 'Pod'), `getOAuthClients` -> ('get', 'OAuth', 'Clients'),
    `floatingIPs_list` -> ('floating', 'IPs', 'list'), `HTTPServer` -> ('HTTP', 'Server').

    Accented letters lose their accents ('café' -> 'cafe') rather than the letter.
    """
    stripped = unicodedata.normalize("NFKD", text.strip()).encode("ascii", "ignore").decode()
    found = _WORD.findall(stripped)
    if stripped[:1] in _LEADING_SYMBOLS:
        return (_LEADING_SYMBOLS[stripped[0]], *found)
    return tuple(found)


def spelled_symbols(text: str) -> str:
    """'a-b' -> 'a dash b': a second spelling for names that collide once symbols are dropped."""
    return "".join(f" {_SYMBOL_WORDS[c]} " if c in _SYMBOL_WORDS else c for c in text)


def same_words(first: str, second: str) -> bool:
    """Whether two texts say the same words, whatever their case and separators."""
    return [w.lower() for w in words(first)] == [w.lower() for w in words(second)]


# -- where a definition's name comes from ---------------------------------------------------


@dataclass(frozen=True)
class DefinitionName:
    """The name a target gives another definition (its parent), by the definition's key."""

    key: str


@dataclass(frozen=True)
class Term:
    """A spec text that stands on its own in a name (an operationId, a property's wire name):
    a target spells its words as one unit before joining them to the rest; `fallback`
    stands in when it has none."""

    text: str
    fallback: str = ""


@dataclass(frozen=True)
class Hint:
    """A text naming a union variant (its title, type or first property): left out where the
    name made so far already ends with it. `title`: the text is the variant's own `title`
    (a name the spec gives it, which the Stainless surface binds it under)."""

    text: str
    title: bool = False


# A context is read left to right: the plain texts, parents' names, terms and hints that an
# inline schema's name is made of, e.g. (DefinitionName(<Order's key>), Term("line_items"), "Item").
NamePart = str | DefinitionName | Term | Hint
Context = tuple[NamePart, ...]


@dataclass(frozen=True)
class ComponentOrigin:
    """A component schema (`components/schemas`, Swagger 2.0 `definitions`): named after its key."""

    key: str


@dataclass(frozen=True)
class InlineOrigin:
    """A schema written inline: named after where it sits."""

    context: Context


@dataclass(frozen=True)
class ExternalOrigin:
    """A schema referenced from outside the components (e.g. another file): named after its key
    or file name, else with the folders around it, nearest first. `label` says where it is."""

    contexts: tuple[tuple[str, ...], ...]
    label: str


NameOrigin = ComponentOrigin | InlineOrigin | ExternalOrigin


def context_label(context: Context, label_of: Callable[[str], str]) -> str:
    """A context as diagnostics show it: 'Order.line_items.Item' (`label_of` a parent's key)."""
    parts = [
        label_of(p.key) if isinstance(p, DefinitionName) else p if isinstance(p, str) else p.text
        for p in context
    ]
    return ".".join(p for p in parts if p)
