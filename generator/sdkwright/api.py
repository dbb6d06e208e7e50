"""The library entry points: generate an SDK in memory, then write it or check it.

result = generate(target)            # load, validate, build the IR, render, format
write_result(result, target.output)  # write only what changed, as one transaction
report = check(target)               # is target.output what the spec gives? why not?

`up_to_date(target)` is the no-op decision (`sdkwright.output.freshness`): it answers from the
manifest and hashes alone, before anything is loaded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sdkwright.cache.render_cache import RenderCache
from sdkwright.cache.store import read_bytes
from sdkwright.config import Target, target_options, template_folders
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, has_errors
from sdkwright.ir import examples, security
from sdkwright.ir.build import BuildOptions, build_api
from sdkwright.ir.nodes import Api
from sdkwright.output import MANIFEST_NAME, freshness, provenance
from sdkwright.output.manifest import FileEntry, Manifest, read_manifest, sha256
from sdkwright.output.write import (
    Change,
    apply_changes,
    pending_transaction,
    plan_changes,
    recover,
    refuse_foreign_folder,
    refuse_untracked_overwrites,
)
from sdkwright.progress import Progress
from sdkwright.spec.load import locate
from sdkwright.spec.resolve import SpecSet, load_spec
from sdkwright.spec.validate import validate
from sdkwright.targets.python import format, render

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.output.drift import CheckReport
    from sdkwright.spec.overlays import ActionReport

# Taken once all of the generator's modules are imported: the code this process runs.
CODE_IDENTITY = provenance.code_identity()


@dataclass(frozen=True)
class Result:
    """A generated SDK in memory: {relative path: bytes}, with its manifest and diagnostics."""

    files: dict[str, bytes]
    diagnostics: list[Diagnostic]
    api: Api | None = None
    manifest: Manifest | None = None
    formatted_count: int = field(default=0, compare=False)
    # Files read from the output folder during generation and found to hold exactly these
    # bytes already: planning the write need not read them again.
    unchanged: frozenset[str] = field(default=frozenset(), compare=False)
    # What each overlay action matched and did (spec/overlays/lock.py compares it with the lock).
    overlay_reports: tuple[ActionReport, ...] = field(default=(), compare=False)


def load_and_validate(
    spec: Path,
    *,
    full: bool = False,
    allow_remote: bool = False,
    spec_root: Path | None = None,
    overlays: Sequence[Path] = (),
) -> tuple[SpecSet | None, list[Diagnostic]]:
    try:
        specs, diagnostics = load_spec(
            spec, allow_remote=allow_remote, spec_root=spec_root, overlays=overlays
        )
    except GenerationFailed as failure:
        return None, failure.diagnostics
    diagnostics += validate(specs, full=full, refs_ok=not has_errors(diagnostics))
    return specs, diagnostics


def up_to_date(target: Target) -> str | None:
    """None when target.output is exactly what generating it would give; else why not."""
    return freshness.target_stale_reason(target)


def generate(
    target: Target,
    *,
    full_validation: bool = False,
    strict: bool = False,
    progress: Progress | None = None,
) -> Result:
    """Everything but writing. Never raises for a bad spec: problems come back as diagnostics."""
    progress = progress or Progress()
    progress.stage("loading")
    specs, diagnostics = load_and_validate(
        target.spec,
        full=full_validation,
        allow_remote=target.allow_remote_refs,
        spec_root=target.spec_root,
        overlays=target.overlays,
    )
    if specs is None or has_errors(diagnostics) or (strict and _has_warnings(diagnostics)):
        return Result({}, diagnostics)
    progress.stage("building")
    options = BuildOptions(
        package=target.package,
        client_name=target.client_name,
        names=target.names,
        security=target.security,
    )
    api, build_diagnostics = build_api(specs, options)
    if has_errors(build_diagnostics) or (strict and _has_warnings(build_diagnostics)):
        return Result({}, diagnostics + locate(build_diagnostics, specs.documents.values()), api)
    # Once: what the flavour's model type changes in the Api, with a warning for what it
    # cannot represent precisely (e.g. unions msgspec cannot decode).
    plan = target.plan()
    prepared = plan.prepare(api)
    build_diagnostics += prepared.diagnostics
    build_diagnostics += examples.budget_warnings(api)  # tests whose examples stop at "..."
    if target.security is None:  # a client that takes no credential, say so
        build_diagnostics += security.declared_none(specs.root_node, api.spec_version)
    located = _locate_meanwhile(build_diagnostics, specs)
    # Hashed before rendering: a template edited mid-run then shows as a change next time.
    templates = provenance.templates_digest(template_folders(target))
    progress.stage("rendering", f"rendering {len(api.operations)} operations")
    try:
        cache = RenderCache.for_output(str(target.output), f"{CODE_IDENTITY} {templates}")
        rendered = render.render_plan(
            prepared.api,
            plan,
            target.flavour,
            cache,
            user_templates=str(target.templates) if target.templates else None,
        )
    finally:
        diagnostics += located()  # also when rendering fails: the child is waited for
    previous = read_manifest(target.output)
    try:
        formatted = _format_with_cache(rendered, target, previous, progress)
    except GenerationFailed as failure:
        return Result({}, diagnostics + failure.diagnostics, api)
    manifest = Manifest(
        generator=provenance.GENERATOR,
        formatter=provenance.formatter_version(target.formatter),
        inputs=_input_hashes(specs),
        files=formatted.entries,
        templates=templates,
        options=target_options(target),
    )
    files = {**formatted.files, MANIFEST_NAME: manifest.to_bytes()}
    reports = specs.overlays.reports if specs.overlays is not None else ()
    return Result(files, diagnostics, api, manifest, formatted.count, formatted.unchanged, reports)


def _locate_meanwhile(
    diagnostics: list[Diagnostic], specs: SpecSet
) -> Callable[[], list[Diagnostic]]:
    """Line and column for `diagnostics`, computed by a forked child while this process
    renders: finding them means one more pass over the spec's text, 0.1 s on GitHub's spec
    and 0.4 s on Stripe's (0.1 s is a tenth of a one-field regeneration). Where fork is not
    the platform's way (macOS, Windows), in a process with threads, or when anything fails,
    they are computed here, in turn."""
    documents = list(specs.documents.values())
    if not any(d.location is not None and d.location.line == 0 for d in diagnostics):
        return lambda: diagnostics
    import threading  # forking a process with threads can deadlock the child

    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return lambda: locate(diagnostics, documents)
    import pickle

    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's coverage is not collected
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as stream:
                stream.write(pickle.dumps(locate(diagnostics, documents)))
        finally:
            os._exit(0)  # no clean-up of the parent's state (buffers, temporary files)
    os.close(write_end)

    def result() -> list[Diagnostic]:
        with os.fdopen(read_end, "rb") as stream:
            data = stream.read()
        os.waitpid(child, 0)
        try:
            located: list[Diagnostic] = pickle.loads(data)
        except (pickle.UnpicklingError, EOFError, ValueError):
            return locate(diagnostics, documents)
        return located

    return result


def _input_hashes(specs: SpecSet) -> dict[str, str]:
    """Keyed relative to the root spec's folder: the same in every checkout and output folder.
    Hashes of the text as parsed, so the fast path can hash the file without parsing it."""
    spec_folder = specs.root.path.parent
    overlays = specs.overlays.overlays if specs.overlays is not None else ()
    return {
        Path(os.path.relpath(document.path, spec_folder)).as_posix(): sha256(document.text.encode())
        for document in (*specs.documents.values(), *overlays)
    }


def _has_warnings(diagnostics: list[Diagnostic]) -> bool:
    return any(d.level is Level.WARNING for d in diagnostics)


@dataclass(frozen=True)
class _Formatted:
    files: dict[str, bytes]
    entries: dict[str, FileEntry]  # what the manifest records per file
    count: int  # files given to the formatter
    unchanged: frozenset[str]  # reused as they are on disk


def _format_with_cache(
    rendered: dict[str, str], target: Target, previous: Manifest | None, progress: Progress
) -> _Formatted:
    """Reuse a file on disk when its render is unchanged since it was formatted and written.
    Every hash is taken once: on a large SDK, hashing is a tenth of a regeneration."""
    renders = {p: sha256(text.encode()) for p, text in rendered.items()}
    formatter = provenance.formatter_version(target.formatter)
    same_tools = previous is not None and previous.formatter == formatter
    reusable: dict[str, bytes] = {}
    entries: dict[str, FileEntry] = {}
    for path in rendered:
        entry = previous.files.get(path) if previous is not None and same_tools else None
        if entry is None or entry.render != renders[path]:
            continue
        data = read_bytes(os.path.join(target.output, path))  # None when missing
        if data is not None and sha256(data) == entry.output:
            reusable[path], entries[path] = data, entry
    pending = {p: t for p, t in rendered.items() if p not in reusable}
    formatting = [p for p in pending if p.endswith(".py")]
    progress.stage("formatting", f"formatting {len(formatting)} files")
    formatted = format.format_python(pending, target.formatter, first_party=target.package)
    files = dict(reusable)
    for path in pending:
        files[path] = formatted.get(path, rendered[path]).encode()
        entries[path] = FileEntry(renders[path], sha256(files[path]))
    ordered = {p: files[p] for p in rendered}
    return _Formatted(
        ordered, {p: entries[p] for p in rendered}, len(formatting), frozenset(reusable)
    )


def write_result(
    result: Result, folder: Path, *, force: bool = False, progress: Progress | None = None
) -> list[Change]:
    """Write what changed as one transaction: a kill leaves the old tree or the new one."""
    recover(folder)
    previous = read_manifest(folder)
    refuse_foreign_folder(folder, previous, force)
    changes = plan_changes(result.files, folder, previous, result.unchanged)
    refuse_untracked_overwrites(changes, folder, previous, force)
    if progress is not None:
        progress.stage("writing", f"writing {len(changes)} files")
    apply_changes(changes, folder, progress.advance if progress is not None else None)
    _stamp(folder, result)
    return changes


def _stamp(folder: Path, result: Result) -> None:
    """Record that this code wrote or verified `folder` (see `sdkwright.output.freshness`)."""
    manifest_bytes = result.files.get(MANIFEST_NAME)
    if manifest_bytes is not None:
        freshness.record_verified(str(folder), manifest_bytes, CODE_IDENTITY)


def check_result(result: Result, folder: Path) -> list[Change]:
    """What would change on disk; an empty list means the folder is in sync."""
    return plan_changes(result.files, folder, read_manifest(folder), result.unchanged)


def check(
    target: Target,
    *,
    full_validation: bool = False,
    strict: bool = False,
    fast_path: bool = True,
) -> CheckReport:
    """Is target.output what target.spec gives, and if not, what differs and why. Writes
    nothing in the output folder (only the local fast-path cache)."""
    from sdkwright.output.drift import (
        CheckReport,
        Drift,
        classify,
        drift_causes,
        interrupted_report,
    )

    if pending_transaction(target.output):
        return interrupted_report(target)
    if fast_path and up_to_date(target) is None:
        return CheckReport(
            target.name, str(target.spec), str(target.output), "up-to-date", fast=True
        )
    result = generate(target, full_validation=full_validation, strict=strict)
    if not result.files or result.manifest is None:
        return CheckReport(
            target.name,
            str(target.spec),
            str(target.output),
            "error",
            diagnostics=tuple(result.diagnostics),
        )
    previous = read_manifest(target.output)
    changes = plan_changes(result.files, target.output, previous, result.unchanged)
    drifts = tuple(Drift(c, classify(c, previous, result.manifest)) for c in changes)
    if not drifts:
        _stamp(target.output, result)
    return CheckReport(
        target.name,
        str(target.spec),
        str(target.output),
        "drift" if drifts else "up-to-date",
        drifts=drifts,
        causes=drift_causes(previous, result.manifest, drifts),
        diagnostics=tuple(result.diagnostics),
    )
