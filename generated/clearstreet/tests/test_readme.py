# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Every Python snippet of README.md and api.md, run as it is written: each request is
answered with its operation's documented example (or one synthesised from the schema), so a
snippet that fails to import, build its arguments, call the API or read its result fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import MockAPI

ROOT = Path(__file__).resolve().parents[1]
DOCS = (ROOT / "README.md", ROOT / "api.md")
BASE_URL = "https://api.example.test"
# The credentials the snippets' clients read from the environment.
CREDENTIALS: list[str] = ["CLEAR_STREET_API_KEY"]
# (method, path, status, content type, body of the first answer, of the next ones: a page's
# items emptied, so that paging stops), the most specific path first.
ROUTES: list[tuple[str, str, int, str, bytes, bytes]] = [
    (
        "DELETE",
        "/v1/accounts/[^/]+/positions/instructions/[^/]+",
        200,
        "application/json",
        b'{"metadata": {"request_id": "request_id", "next_page_token": "U3RhaW5sZXNzIHJvY2tz", "page_number": 0, "previous_page_token": "U3RhaW5sZXNzIHJvY2tz", "total_items": 0, "total_pages": 0}, "error": {"code": 400, "message": "Order quantity must be greater than zero", "details": [{"foo": "bar"}]}, "data": {"id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02", "account_id": 122503, "instruction_id": "ui-20260424-001", "instruction_type": "EXERCISE", "instrument_id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02", "quantity": "1", "status": "SENT", "symbol": "AAPL  280121C00195000", "accepted_quantity": null, "created_at": "2026-04-24T14:30:00Z", "rejection_reason": null, "updated_at": "2026-04-24T14:30:00Z"}}',
        b'{"metadata": {"request_id": "request_id", "next_page_token": "U3RhaW5sZXNzIHJvY2tz", "page_number": 0, "previous_page_token": "U3RhaW5sZXNzIHJvY2tz", "total_items": 0, "total_pages": 0}, "error": {"code": 400, "message": "Order quantity must be greater than zero", "details": [{"foo": "bar"}]}, "data": {"id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02", "account_id": 122503, "instruction_id": "ui-20260424-001", "instruction_type": "EXERCISE", "instrument_id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02", "quantity": "1", "status": "SENT", "symbol": "AAPL  280121C00195000", "accepted_quantity": null, "created_at": "2026-04-24T14:30:00Z", "rejection_reason": null, "updated_at": "2026-04-24T14:30:00Z"}}',
    ),
]


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


class Router:
    """Answers each request with its operation's route; remembers what it could not answer."""

    def __init__(self) -> None:
        self.answered: dict[int, int] = {}
        self.unknown: list[str] = []

    def __call__(self, method: str, path: str) -> tuple[int, bytes, dict[str, str]]:
        for index, (verb, pattern, status, content_type, first, later) in enumerate(ROUTES):
            if verb == method and re.fullmatch(f"(?:/.*)?{pattern}", path):
                seen = self.answered.get(index, 0)
                self.answered[index] = seen + 1
                headers = {"Content-Type": content_type} if content_type else {}
                return status, later if seen else first, headers
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
    monkeypatch.setenv("CLEAR_STREET_BASE_URL", BASE_URL)
    router = Router()
    every_client.router = router
    # The README's own code, as a reader would run it: exec is the point of this test.
    exec(compile(code, str(ROOT / where), "exec"), {"__name__": "readme_snippet"})  # noqa: S102
    assert not router.unknown, f"requests no operation of the API answers: {router.unknown}"
