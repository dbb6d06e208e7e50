"""What the TypeScript runtime (`runtime_ts/*.ts`) brings into every SDK: its modules, copied
into the SDK's `src/`, and the names they take, which the naming step keeps clear of. Read
from the sources, so the names follow the runtime as it changes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

RUNTIME = Path(__file__).resolve().parents[2] / "runtime_ts"


@cache
def runtime_exports() -> frozenset[str]:
    """Every name the runtime (`runtime_ts/*.ts`, re-exported by core.ts) exports: index.ts
    exports them beside the SDK's types, which therefore take none of them."""
    text = "\n".join(source for _, source in runtime_files())
    found = re.findall(
        r"^export (?:abstract )?(?:class|function|interface|type|const) (\w+)", text, re.M
    )
    return frozenset(found)


@cache
def runtime_files() -> tuple[tuple[str, str], ...]:
    """The runtime's modules, (file name, source), each copied into the SDK's `src/`."""
    return tuple(
        (path.name, path.read_text(encoding="utf-8")) for path in sorted(RUNTIME.glob("*.ts"))
    )


@cache
def client_members() -> frozenset[str]:
    """The members of the runtime's `BaseClient`: a resource property takes none of them."""
    text = (RUNTIME / "core.ts").read_text(encoding="utf-8")
    body = text.split("export class BaseClient", 1)[1].split("\n}\n", 1)[0]
    pattern = r"^  (?:(?:readonly|protected|private|public|static|async) )*([A-Za-z_$][\w$]*)\b"
    return frozenset(re.findall(pattern, body, re.M))
