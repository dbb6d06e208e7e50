"""Names as Stainless spells them: `get_account_by_id` -> `GetAccountByID`, `positions` -> `Position`.

A Stainless SDK's `api.md` spells every class name; `learn_spellings` reads how it capitalises
each word (`id` -> `ID`, `omni_ai` -> `OmniAI`) so that the names api.md does not spell (a params
class it only links) come out the same. Without api.md, `DEFAULT_SPELLINGS` is our reading of
Stainless's habit (acronyms in capitals); the singular of a resource name follows English rules
for the common endings. Both are guesses the migration report checks against the old SDK.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

DEFAULT_SPELLINGS = {
    "ai": "AI",
    "api": "API",
    "csv": "CSV",
    "html": "HTML",
    "http": "HTTP",
    "id": "ID",
    "ids": "IDs",
    "ip": "IP",
    "json": "JSON",
    "pdf": "PDF",
    "sdk": "SDK",
    "sso": "SSO",
    "uri": "URI",
    "url": "URL",
    "uuid": "UUID",
}
_WORDS = re.compile(
    r"[A-Z]{2,}s(?=[A-Z]|\d|$)|[A-Z]+(?=[A-Z][a-z]|\d|$)|[A-Z][a-z]+|[A-Z]+|[a-z]+|\d+"
)
_SNAKE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d+")
_INVARIANT = ("news", "data", "series", "species", "status", "metadata", "analysis", "settings")


def words(name: str) -> list[str]:
    """`AccountGetAccountByIDResponse` -> Account, Get, Account, By, ID, Response."""
    return _WORDS.findall(name)


def snake(name: str) -> str:
    """`setItem` -> `set_item`, `OmniAI` -> `omni_ai`, `already_snake` unchanged."""
    parts = [part for chunk in re.split(r"[^A-Za-z0-9]+", name) for part in _SNAKE.findall(chunk)]
    return "_".join(part.lower() for part in parts)


def learn_spellings(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """From (snake_case stem, ClassName) pairs, how each word is capitalised when that is not
    just its first letter: {"id": "ID", "ai": "AI"}."""
    learned: dict[str, str] = {}
    for stem, name in pairs:
        snake_words = [w for w in stem.split("_") if w]
        class_words = words(name)
        if len(snake_words) != len(class_words):
            continue
        if all(s == c.lower() for s, c in zip(snake_words, class_words, strict=True)):
            for s, c in zip(snake_words, class_words, strict=True):
                if c != s.capitalize():
                    learned[s] = c
    return learned


def pascal(stem: str, spellings: dict[str, str] | None = None) -> str:
    """`get_account_by_id` -> `GetAccountByID` (with the spellings given, else the defaults)."""
    table = DEFAULT_SPELLINGS if spellings is None else spellings
    return "".join(table.get(word, word.capitalize()) for word in stem.split("_") if word)


def singular(stem: str) -> str:
    """The singular of a snake_case resource name's last word: `positions` -> `position`."""
    head, _, last = stem.rpartition("_")
    return (head + "_" if head else "") + _singular_word(last)


def _singular_word(word: str) -> str:
    if word.endswith(_INVARIANT) or word.endswith(("ss", "us", "is")) or len(word) <= 2:
        return word
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word
