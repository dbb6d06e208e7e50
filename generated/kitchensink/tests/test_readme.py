# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
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
CREDENTIALS: list[str] = ["KITCHEN_SINK_API_KEY"]
# (method, path, status, content type, body of the first answer, of the next ones: a page's
# items emptied, so that paging stops), the most specific path first.
ROUTES: list[tuple[str, str, int, str, bytes, bytes]] = [
    ("GET", "/stores/[^/]+/inventory", 200, "application/json", b'{"key": 1}', b'{"key": 1}'),
    (
        "POST",
        "/stores/[^/]+/orders",
        201,
        "application/json",
        b'{"id": "3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b", "pet_id": 1, "quantity": 1, "priority": 2, "status": "in-progress", "reference": "ORD-7", "placed_at": "2026-01-02T03:04:05Z", "ship_date": "2026-01-05", "note": null}',
        b'{"id": "3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b", "pet_id": 1, "quantity": 1, "priority": 2, "status": "in-progress", "reference": "ORD-7", "placed_at": "2026-01-02T03:04:05Z", "ship_date": "2026-01-05", "note": null}',
    ),
    (
        "GET",
        "/departments/[^/]+",
        200,
        "application/json",
        b'{"id": 1, "name": "string", "members": [{"id": 1, "name": "string", "manages": {"id": 1, "name": "string", "members": []}}]}',
        b'{"id": 1, "name": "string", "members": [{"id": 1, "name": "string", "manages": {"id": 1, "name": "string", "members": []}}]}',
    ),
    (
        "GET",
        "/categories",
        200,
        "application/json",
        b'[{"id": 10, "name": "Dogs", "children": [{"id": 11, "name": "Hounds", "children": [{"id": 12, "name": "Beagles", "children": []}]}]}, {"id": 20, "name": "Cats", "children": []}]',
        b'[{"id": 10, "name": "Dogs", "children": [{"id": 11, "name": "Hounds", "children": [{"id": 12, "name": "Beagles", "children": []}]}]}, {"id": 20, "name": "Cats", "children": []}]',
    ),
    (
        "GET",
        "/profiles/[^/]+",
        200,
        "application/json",
        b'{"user_id": "0b9c2f4e-1d3a-4c5b-9e8f-7a6b5c4d3e2f", "username": "alice", "class": "gold", "2fa_enabled": true, "created-by": "signup-form", "reactions": {"total_count": 5, "+1": 3, "-1": 1, "laugh": 1}, "avatar": "aGVsbG8=", "score": 97.5, "joined_on": "2024-02-29", "last_seen": null, "preferences": {"theme": "dark", "language": "en"}}',
        b'{"user_id": "0b9c2f4e-1d3a-4c5b-9e8f-7a6b5c4d3e2f", "username": "alice", "class": "gold", "2fa_enabled": true, "created-by": "signup-form", "reactions": {"total_count": 5, "+1": 3, "-1": 1, "laugh": 1}, "avatar": "aGVsbG8=", "score": 97.5, "joined_on": "2024-02-29", "last_seen": null, "preferences": {"theme": "dark", "language": "en"}}',
    ),
    (
        "GET",
        "/stores/[^/]+",
        200,
        "application/json",
        b'{"code": "north-1", "name": "North Side Pets", "address": {"street": "1 Main Street", "city": "Springfield", "postal_code": "12345", "country": "US"}, "opening_hours": {"open": "09:00", "close": "17:30"}, "labels": {"parking": "yes", "floor": "ground"}, "created-by": "admin", "created_at": "2026-01-02T03:04:05Z", "updated_at": null}',
        b'{"code": "north-1", "name": "North Side Pets", "address": {"street": "1 Main Street", "city": "Springfield", "postal_code": "12345", "country": "US"}, "opening_hours": {"open": "09:00", "close": "17:30"}, "labels": {"parking": "yes", "floor": "ground"}, "created-by": "admin", "created_at": "2026-01-02T03:04:05Z", "updated_at": null}',
    ),
    (
        "GET",
        "/pets/[^/]+",
        200,
        "application/json",
        b'{"pet_type": "cat", "id": 2, "name": "Tom", "nickname": null, "lives_left": 7, "indoor": false, "status": "sold", "created_at": "2026-01-02T03:04:05Z"}',
        b'{"pet_type": "cat", "id": 2, "name": "Tom", "nickname": null, "lives_left": 7, "indoor": false, "status": "sold", "created_at": "2026-01-02T03:04:05Z"}',
    ),
    (
        "PUT",
        "/pets/[^/]+",
        200,
        "application/json",
        b'{"pet_type": "dog", "id": 1, "name": "Rex", "breed": "Beagle", "birth_date": "2020-05-17", "nickname": "Rexy", "status": "available", "tags": [], "category": {"id": 10, "name": "Dogs", "children": [{"id": 11, "name": "Hounds", "children": []}]}, "weight_kg": 12.25, "legacy_code": "D-0001", "created_at": "2026-01-02T03:04:05Z"}',
        b'{"pet_type": "dog", "id": 1, "name": "Rex", "breed": "Beagle", "birth_date": "2020-05-17", "nickname": "Rexy", "status": "available", "tags": [], "category": {"id": 10, "name": "Dogs", "children": [{"id": 11, "name": "Hounds", "children": []}]}, "weight_kg": 12.25, "legacy_code": "D-0001", "created_at": "2026-01-02T03:04:05Z"}',
    ),
    ("DELETE", "/pets/[^/]+", 204, "", b"", b""),
    (
        "GET",
        "/pets",
        200,
        "application/json",
        b'[{"pet_type": "dog", "id": 1, "name": "Rex", "breed": "Beagle", "birth_date": "2020-05-17", "nickname": null, "status": "available", "tags": ["friendly", "small"], "category": {"id": 10, "name": "Dogs", "children": []}, "weight_kg": 11.5, "legacy_code": "D-0001", "created_at": "2026-01-02T03:04:05Z"}, {"pet_type": "cat", "id": 2, "name": "Tom", "nickname": "Tommy", "lives_left": 9, "indoor": true, "status": "pending", "created_at": "2026-01-02T03:04:05Z"}]',
        b"[]",
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
    monkeypatch.setenv("KITCHEN_SINK_BASE_URL", BASE_URL)
    router = Router()
    every_client.router = router
    # The README's own code, as a reader would run it: exec is the point of this test.
    exec(compile(code, str(ROOT / where), "exec"), {"__name__": "readme_snippet"})  # noqa: S102
    assert not router.unknown, f"requests no operation of the API answers: {router.unknown}"
