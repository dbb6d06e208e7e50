"""Lenient generation (`--lenient`, `lenient: true` on a target): the structural errors that
published specs are known to have are repaired, or the smallest unit holding them skipped,
each with one located warning, and the SDK is generated.

Each repair is a pass (a small function of the loaded spec, in operations.py, schemas.py,
document.py) that says what it found and what to change; the changes are made on copies
(spec/edits.py), so the values the loader parsed stay as they were, and every warning points
at the file, line and column the problem was written at. What is still invalid afterwards is
skipped (skip.py): a property, a parameter, a response, an operation or a path item (a
schema whose $ref leads nowhere is read as any value). Nothing here runs unless asked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.spec.edits import Change
from sdkwright.spec.lenient import document, operations, schemas
from sdkwright.spec.lenient.fixes import Fix, Pass
from sdkwright.spec.lenient.skip import skips
from sdkwright.spec.lenient.walk import ref_sites
from sdkwright.spec.lenient_codes import REF_CODES, lenient_candidates
from sdkwright.spec.locate import locate
from sdkwright.spec.resolve import SpecSet, check_refs

PASSES: tuple[Pass, ...] = (
    document.maps_by_reference,
    document.servers_in_swagger2,
    document.swagger2_server_in_openapi3,
    operations.stray_responses,
    operations.responses_without_description,
    schemas.not_a_schema,
    schemas.file_type,
    schemas.required_flags,
    schemas.nullable_in_31,
    schemas.schema_examples,
    operations.examples_lists,
    operations.parameters_without_type,
    operations.optional_path_parameters,
    operations.undeclared_path_parameters,
    operations.duplicate_operation_ids,
)
MAX_SKIP_ROUNDS = 3  # a skip can uncover another error (a parameter gone leaves a variable)
LENIENT_HINT = (
    "or pass --lenient (`lenient: true` on the target) to repair or skip it with a warning"
)

Validator = Callable[[SpecSet], list[Diagnostic]]


def repair(specs: SpecSet, passes: tuple[Pass, ...] = PASSES) -> tuple[SpecSet, list[Diagnostic]]:
    """The spec with every repair made, and a warning for each."""
    notes: list[Diagnostic] = []
    for find in passes:
        fixes = find(specs)
        if fixes:
            specs = with_fixes(specs, fixes)
            notes += [fix.diagnostic() for fix in fixes]
    return specs, notes


def validate_leniently(
    specs: SpecSet, validate: Validator, loaded: Sequence[Diagnostic] = ()
) -> tuple[SpecSet, list[Diagnostic]]:
    """Repair, validate, and skip what is still invalid (and repair what that uncovers),
    a unit holding a $ref that leads nowhere included. `loaded`: the loader's diagnostics,
    whose reference errors are found again once something was skipped."""
    specs, notes = repair(specs)
    found = [*loaded, *validate(specs)]
    for _ in range(MAX_SKIP_ROUNDS):
        fixes = skips(specs, found)
        if not fixes:
            break
        specs = with_fixes(specs, fixes)
        notes += [fix.diagnostic() for fix in fixes]
        specs, more = repair(specs)
        notes += more
        kept = [d for d in loaded if d.level is not Level.ERROR or d.code not in REF_CODES]
        found = [*kept, *validate(specs), *check_refs(specs, ref_sites(specs))]
    return specs, locate(notes, specs.documents.values()) + found


def with_fixes(specs: SpecSet, fixes: list[Fix]) -> SpecSet:
    """A new SpecSet whose documents have the fixes' changes made."""
    changes: dict[str, list[Change]] = defaultdict(list)
    for fix in fixes:
        changes[fix.node.document.name].extend(fix.changes)
    return specs.with_changes(changes)


def mention(
    specs: SpecSet, loaded: list[Diagnostic], diagnostics: list[Diagnostic], validate: Validator
) -> list[Diagnostic]:
    """`diagnostics` (the loader's, `loaded`, and validation's), the errors --lenient would
    repair or skip with a hint that says so: found by trying it, which costs a spec that
    fails anyway (only when it has errors of that kind)."""
    candidates = lenient_candidates(diagnostics)
    if not candidates:
        return diagnostics
    _, after = validate_leniently(specs, validate, loaded)
    left = {_key(d) for d in after if d.level is Level.ERROR}
    return [
        replace(d, hint=f"{d.next_step}; {LENIENT_HINT}" if d.next_step else LENIENT_HINT)
        if d in candidates and _key(d) not in left
        else d
        for d in diagnostics
    ]


def _key(diagnostic: Diagnostic) -> tuple[str, str, str | None, str | None]:
    where = diagnostic.location
    return (
        diagnostic.code,
        diagnostic.message,
        where.file if where else None,
        where.pointer if where else None,
    )
