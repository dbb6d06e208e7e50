# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Every Python snippet of README.md and api.md, run as it is written: each request is
answered with its operation's documented example (or one synthesised from the schema), so a
snippet that fails to import, build its arguments, call the API or read its result fails here.
Against a live server (TEST_API_BASE_URL) they are skipped: the examples answer them."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

from .conftest import LIVE_BASE_URL, MockAPI

pytestmark = pytest.mark.skipif(
    bool(LIVE_BASE_URL), reason="the snippets run against the spec's examples, not a server"
)

ROOT = Path(__file__).resolve().parents[1]
DOCS = (ROOT / "README.md", ROOT / "api.md")
BASE_URL = "https://api.example.test"
# The credentials the snippets' clients read from the environment.
CREDENTIALS: list[str] = ["CLEAR_STREET_API_KEY"]
# (method, path, status, kind of response, the test module and class whose response answers,
# where a page's items are: None for no page), the most specific path first.
ROUTES: list[tuple[str, str, int, str, str, str, tuple[str, ...] | None]] = [
    (
        "DELETE",
        "/v1/accounts/[^/]+/positions/instructions/[^/]+",
        200,
        "json",
        "test_positions",
        "TestCancelPositionInstruction",
        None,
    ),
]
EVENTS = b'event: update\ndata: {"n": 1}\n\ndata: done\n\n'


def snippets() -> list[tuple[str, str]]:
    """The docs' ```python blocks, each with where it starts (file:line)."""
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        found += [
            (f"{doc.name}:{text.count(chr(10), 0, match.start()) + 2}", match.group(1))
            for match in re.finditer(r"^```python\n(.*?)^```$", text, re.DOTALL | re.MULTILINE)
        ]
    return found


def answer(
    kind: str, module: str, test_class: str, items: tuple[str, ...] | None, again: bool
) -> tuple[bytes, str]:
    """The body and content type an operation's generated test answers with; a page asked
    for again gets its items emptied, the last page."""
    if kind == "events":
        return EVENTS, "text/event-stream"
    tests = importlib.import_module(f".{module}", __package__ or "tests")
    response = getattr(tests, test_class).response if test_class else None
    if kind in ("text", "bytes"):
        media = "text/plain" if kind == "text" else "application/octet-stream"
        return str(response).encode(), media
    if response is None:
        return b"", ""
    if again and items is not None:
        response = json.loads(json.dumps(response))
        if not items:
            response = []
        else:
            holder = response
            for key in items[:-1]:
                holder = holder.get(key, {}) if isinstance(holder, dict) else {}
            if isinstance(holder, dict):
                holder[items[-1]] = []
    return json.dumps(response).encode(), "application/json"


class Router:
    """Answers each request with its operation's route; remembers what it could not answer."""

    def __init__(self) -> None:
        self.answered: dict[int, int] = {}
        self.unknown: list[str] = []

    def __call__(self, method: str, path: str) -> tuple[int, bytes, dict[str, str]]:
        for index, (verb, pattern, status, kind, module, test_class, items) in enumerate(ROUTES):
            if verb == method and re.fullmatch(f"(?:/.*)?{pattern}", path):
                seen = self.answered.get(index, 0)
                self.answered[index] = seen + 1
                content, media = answer(kind, module, test_class, items, bool(seen))
                return status, content, {"Content-Type": media} if media else {}
        self.unknown.append(f"{method} {path}")
        return 404, b"", {}


def test_the_readme_has_snippets() -> None:
    assert any(where.startswith("README.md:") for where, _ in snippets())


@pytest.mark.parametrize(("where", "code"), snippets(), ids=[where for where, _ in snippets()])
def test_snippet_runs(
    where: str, code: str, every_client: MockAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in CREDENTIALS:
        monkeypatch.setenv(name, "test-credential")
    if "environment=" in code:  # a URL variable would make the environment ambiguous
        monkeypatch.delenv("CLEAR_STREET_BASE_URL", raising=False)
    else:
        monkeypatch.setenv("CLEAR_STREET_BASE_URL", BASE_URL)
    router = Router()
    every_client.router = router
    # The README's own code, as a reader would run it: exec is the point of this test.
    exec(compile(code, str(ROOT / where), "exec"), {"__name__": "readme_snippet"})  # noqa: S102
    assert not router.unknown, f"requests no operation of the API answers: {router.unknown}"
