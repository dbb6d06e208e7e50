"""What a spec change does to SDK users: `sdkwright diff OLD_SPEC NEW_SPEC`.

Both specs are built into the IR, so the comparison speaks the SDK's names (`client.orders
.create_order(quantity=...)`, `Order.symbol`), not the spec's. Every change is classified
for code that uses the SDK:

* breaking (major): an operation, parameter, model, field or enum value removed; a new
  required parameter; a parameter made required; an input type narrowed; an output type
  widened or a field that may now be missing; a type changed incompatibly;
* non-breaking (minor): an operation, model, optional parameter or field, or enum value
  added (an SDK still parses values it does not know, with a warning); an input widened; a
  deprecation;
* patch: what users cannot see in their code: paths, HTTP methods, documentation.

Which way data flows decides a type change: users build inputs (parameters, request bodies)
and read outputs (responses). A model used both ways gets the strictest reading.

Pure functions: IR in, a report out, rendered as Markdown or JSON. Types are compared in
`relations`, the client and its operations in `operations`, definitions in `definitions`;
`report` holds the result and writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sdkwright.diagnostics import Diagnostic, has_errors
from sdkwright.diff.definitions import definition_changes
from sdkwright.diff.operations import Argument, arguments, client_changes, operation_changes
from sdkwright.diff.relations import (
    Direction,
    Relation,
    data_flows,
    merge_flows,
    relation,
    type_bump,
)
from sdkwright.diff.report import ApiChange, Bump, DiffReport, Kind, render_json, render_markdown
from sdkwright.ir.nodes import Api

__all__ = [
    "ApiChange",
    "Argument",
    "Bump",
    "DiffReport",
    "Direction",
    "Kind",
    "Relation",
    "arguments",
    "build_ir",
    "compare",
    "data_flows",
    "relation",
    "render_json",
    "render_markdown",
    "type_bump",
]


def build_ir(
    spec: Path,
    package: str,
    client_name: str,
    overlays: Sequence[Path] = (),
    lenient: bool = False,
) -> tuple[Api | None, list[Diagnostic]]:
    """The IR of one spec (with its target's overlays, leniently when it is), as `generate`
    would build it; None when the spec has errors."""
    from sdkwright.api import load_and_validate
    from sdkwright.targets.python.naming.step import NamingOptions, build_named_api

    specs, diagnostics = load_and_validate(spec, overlays=overlays, lenient=lenient)
    if specs is None or has_errors(diagnostics):
        return None, diagnostics
    api, build_diagnostics = build_named_api(specs, NamingOptions(package, client_name))
    diagnostics += build_diagnostics
    return (None if has_errors(diagnostics) else api), diagnostics


def compare(old: Api, new: Api) -> DiffReport:
    flows = merge_flows(data_flows(old), data_flows(new))
    changes = [
        *client_changes(old, new),
        *operation_changes(old, new),
        *definition_changes(old, new, flows),
    ]
    return DiffReport(tuple(changes))
