"""Diagnostics from the IR build get their line and column, whether a forked child or this
process finds them (`spec.locate.locate_meanwhile`, `sdkwright.forked`)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from sdkwright import api, forked
from sdkwright.config_flags import target_from_flags
from sdkwright.targets.python import format
from spec_helpers import json_response, openapi, write_spec

SPEC = openapi(
    paths={
        "/notes": {
            "post": {
                "operationId": "add_note",
                "requestBody": {
                    "content": {"application/x-www-form-urlencoded": {"schema": {"type": "string"}}}
                },
                "responses": {"200": json_response({"type": "string"})},
            }
        }
    }
)


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_build_warnings_are_located(
    platform: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    format.ruff_binary()  # found for the platform it runs on, before pretending another
    monkeypatch.setattr(forked.sys, "platform", platform)
    forks: list[int] = []
    real_fork = os.fork

    def counted_fork() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(forked.os, "fork", counted_fork)
    spec = write_spec(tmp_path, SPEC)
    result = api.generate(target_from_flags(spec, tmp_path / "sdk", "notes", None, "ruff"))
    assert result.files
    located = [d for d in result.diagnostics if d.code == "body.not-an-object"]
    assert len(located) == 1 and located[0].location is not None
    where = located[0].location
    assert (where.line, where.column) > (1, 1)
    assert where.pointer.endswith("/content/application~1x-www-form-urlencoded/schema")
    # Only a process without threads forks (other tests of the session may have left some).
    alone = threading.active_count() == 1
    assert len(forks) == (1 if platform == "linux" and alone else 0)
