"""The errors `--lenient` repairs or skips (`spec/lenient/`), apart from its passes: a
generation without it looks for them among the spec's errors, and imports the passes only
when it finds one (to say that --lenient would help)."""

from __future__ import annotations

from collections.abc import Iterable

from sdkwright.diagnostics import Diagnostic, Level

# A $ref that leads nowhere (or refused: outside the folder, remote, a cycle, too long).
REF_CODES = frozenset({"ref.unresolved", "limit.ref-chain"})
# Errors about the document's structure: those a unit can be skipped for.
SKIPPABLE_CODES = frozenset({"spec.schema", "spec.openapi"}) | REF_CODES
# Errors that --lenient repairs or skips: their hint says so when it is off.
LENIENT_CODES = (
    SKIPPABLE_CODES
    | REF_CODES
    | {
        "rule.duplicate-operation-id",
        "rule.undeclared-path-parameter",
    }
)


def lenient_candidates(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The errors among `diagnostics` that --lenient might repair or skip."""
    return [d for d in diagnostics if d.level is Level.ERROR and d.code in LENIENT_CODES]
