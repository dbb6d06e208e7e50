"""What a lenient repair finds: a located warning and the changes that repair (or skip) it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.spec.edits import Change
from sdkwright.spec.resolve import Node, SpecSet

SILENCE = "fix the spec to silence this warning"


@dataclass(frozen=True)
class Fix:
    """One repair: the warning, located at `node`, and the changes it makes to the document
    `node` is in (pointers in that document)."""

    node: Node
    code: str
    message: str
    done: str  # what the repair did, said in the hint
    changes: tuple[Change, ...]

    def diagnostic(self) -> Diagnostic:
        hint = f"{self.done}; {SILENCE}"
        return Diagnostic(Level.WARNING, self.code, self.message, self.node.location, hint)


Pass = Callable[[SpecSet], list[Fix]]
