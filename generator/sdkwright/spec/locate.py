"""Line and column for diagnostics that only know their file and JSON pointer.

A diagnostic is made with `Document.location(pointer)` (line 0: not known yet); `locate` fills
in where the value is written, in the file that wrote it when overlays changed the document.
Finding positions means one more pass over the spec's text (`Document.positions`), so it is
done once, for every diagnostic of a stage together, and on a large spec by a forked child
while this process renders (`locate_meanwhile`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from sdkwright import forked
from sdkwright.diagnostics import Diagnostic

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.spec.load import Document


def locate(diagnostics: list[Diagnostic], documents: Iterable[Document]) -> list[Diagnostic]:
    """Fill in line and column for diagnostics that only know their file and pointer."""
    by_name = {d.name: d for d in documents}
    diagnostics = [_traced(d, by_name) for d in diagnostics]
    pending: dict[str, set[str]] = {}
    for diagnostic in diagnostics:
        where = diagnostic.location
        if where is not None and where.line == 0 and where.file in by_name:
            pending.setdefault(where.file, set()).add(_raw_pointer(where.pointer))
    positions = {name: by_name[name].positions(pointers) for name, pointers in pending.items()}
    return [_located(d, positions) for d in diagnostics]


def locate_meanwhile(
    diagnostics: list[Diagnostic], documents: list[Document]
) -> Callable[[], list[Diagnostic]]:
    """Line and column for `diagnostics`, computed by a forked child while this process
    renders: finding them means one more pass over the spec's text, 0.1 s on GitHub's spec
    and 0.4 s on Stripe's (0.1 s is a tenth of a one-field regeneration). Where fork is not
    the platform's way (macOS, Windows), in a process with threads, or when anything fails,
    they are computed here, in turn (`sdkwright.forked`)."""
    if not any(d.location is not None and d.location.line == 0 for d in diagnostics):
        return lambda: diagnostics
    import pickle

    child = forked.fork(lambda: pickle.dumps(locate(diagnostics, documents)), needs_a_core=False)
    if child is None:
        return lambda: locate(diagnostics, documents)

    def result() -> list[Diagnostic]:
        data = child.result()
        located: list[Diagnostic] = (
            pickle.loads(data) if data is not None else locate(diagnostics, documents)
        )
        return located

    return result


def _traced(diagnostic: Diagnostic, by_name: dict[str, Document]) -> Diagnostic:
    """Pointed at the file that wrote the value, when overlays changed the document."""
    where = diagnostic.location
    document = by_name.get(where.file) if where is not None and where.line == 0 else None
    if where is None or document is None or document.origin is None:
        return diagnostic
    source, pointer = document.origin(_raw_pointer(where.pointer))
    by_name.setdefault(source.name, source)
    return replace(diagnostic, location=replace(where, file=source.name, pointer=pointer or "/"))


def _raw_pointer(pointer: str) -> str:
    return "" if pointer == "/" else pointer


def _located(
    diagnostic: Diagnostic, positions: dict[str, dict[str, tuple[int, int]]]
) -> Diagnostic:
    where = diagnostic.location
    if where is None or where.line != 0 or where.file not in positions:
        return diagnostic
    line, column = positions[where.file][_raw_pointer(where.pointer)]
    return replace(diagnostic, location=replace(where, line=line, column=column))
