"""`sdkwright diff` on two revisions of the Clear Street spec, derived by editing a copy.

The old revision adds an optional query parameter to the shipped spec; the new one, from the
old: removes a field, adds an operation, adds an enum value and makes the parameter required.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import SPECS, describe, sdkwright
from sdkwright import diff

OPTIONAL_PARAMETER = """\
        - name: comment
          in: query
          required: false
          description: Why the instruction is cancelled
          schema:
            type: string
"""
NEW_OPERATION = """\
    get:
      tags:
        - Positions
      summary: Get Position Instruction
      operationId: get_position_instruction
      parameters:
        - name: account_id
          in: path
          required: true
          schema: {type: integer, format: int64}
        - name: instruction_id
          in: path
          required: true
          schema: {type: string}
      responses:
        "200":
          description: The instruction
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/PositionInstruction"
"""
REJECTION_REASON = """\
        rejection_reason:
          type: [string, "null"]
          description: >-
            Human-readable explanation populated on any non-success terminal
            status — REJECTED, ENGINE_REJECTED, or CANCEL_FAILED. On a 207
            Multi-Status batch submit the top-level error field summarizes the
            batch; per-row detail continues to live here.
"""


def replaced(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def revisions(folder: Path) -> tuple[Path, Path]:
    shipped = (SPECS / "clearstreet.yaml").read_text()
    anchor = "          description: Server-assigned instruction id\n          required: true\n          schema:\n            type: string\n"
    old = replaced(shipped, anchor, anchor + OPTIONAL_PARAMETER)
    new = replaced(old, "    delete:\n", NEW_OPERATION + "    delete:\n")
    new = replaced(new, REJECTION_REASON, "")
    new = replaced(new, "        - UNKNOWN\n", "        - UNKNOWN\n        - EXPIRED\n")
    new = replaced(
        new,
        "          required: false\n          description: Why",
        "          required: true\n          description: Why",
    )
    (folder / "v1").mkdir()
    (folder / "v2").mkdir()
    old_path, new_path = folder / "v1" / "clearstreet.yaml", folder / "v2" / "clearstreet.yaml"
    old_path.write_text(old)
    new_path.write_text(new)
    return old_path, new_path


@pytest.fixture
def specs(tmp_path: Path) -> tuple[Path, Path]:
    return revisions(tmp_path)


def entries(report: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    return {(c["kind"], c["element"], c["name"], c["impact"]) for c in report["changes"]}


def test_each_edit_is_found_and_classified(specs: tuple[Path, Path]) -> None:
    apis = []
    for spec in specs:
        built, diagnostics = diff.build_ir(spec, "clearstreet", "ClearStreet")
        assert built is not None, [d.render() for d in diagnostics]
        apis.append(built)
    report = diff.compare(*apis)
    found = {(c.kind, c.element, c.name, c.bump) for c in report.changes}
    comment = "client.positions.cancel_position_instruction(comment=...)"
    assert found >= {
        ("removed", "field", "PositionInstruction.rejection_reason", "major"),
        ("changed", "parameter", comment, "major"),
        ("added", "operation", "client.positions.get_position_instruction()", "minor"),
        ("added", "enum value", "PositionInstructionStatus.EXPIRED", "minor"),
    }, found
    unexpected = {c for c in found if c[3] == "major"} - {
        ("removed", "field", "PositionInstruction.rejection_reason", "major"),
        ("changed", "parameter", comment, "major"),
    }
    assert not unexpected
    assert report.bump == "major" and len(report.breaking) == 2


def test_markdown_and_json_from_the_command(specs: tuple[Path, Path]) -> None:
    old, new = specs
    markdown = sdkwright("diff", old, new)
    assert markdown.returncode == 0, describe(markdown)
    text = markdown.stdout
    assert "**Semver bump: major** (2 breaking" in text
    breaking = text.index("### Breaking changes")
    non_breaking = text.index("### Non-breaking changes")
    assert (
        breaking < text.index("Removed field `PositionInstruction.rejection_reason`") < non_breaking
    )
    assert text.index("Added enum value `PositionInstructionStatus.EXPIRED`") > non_breaking
    as_json = sdkwright("diff", old, new, "--format", "json")
    assert as_json.returncode == 0, describe(as_json)
    report = json.loads(as_json.stdout)
    assert report["bump"] == "major" and report["breaking"] == 2
    assert (
        "added",
        "operation",
        "client.positions.get_position_instruction()",
        "non-breaking",
    ) in entries(report)


def test_exit_codes(specs: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = specs
    assert sdkwright("diff", old, new, "--fail-on-breaking").returncode == 1
    same = sdkwright("diff", old, old, "--fail-on-breaking", "--format", "json")
    assert same.returncode == 0 and json.loads(same.stdout) == {
        "bump": "none",
        "breaking": 0,
        "changes": [],
    }
    minor = sdkwright("diff", new, new.parent.parent / "v1" / "clearstreet.yaml")
    assert minor.returncode == 0  # the way back is breaking too, but not asked to fail
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: [unclosed\n")
    failed = sdkwright("diff", old, broken)
    assert failed.returncode == 2 and "cannot compare" in failed.stderr
