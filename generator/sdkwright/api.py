"""The library entry points: generate an SDK in memory, then write it or check it.

result = generate(target)            # load, validate, build the IR, render, format
write_result(result, target.output)  # merge hand edits, write what changed, as one transaction,
                                     # and record what each overlay action matched (the lock)
report = check(target)               # is target.output what the spec gives? why not?

`up_to_date(target)` is the no-op decision (`sdkwright.output.freshness`): it answers from the
manifest and hashes alone, before anything is loaded.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sdkwright import heap
from sdkwright.cache.render_cache import RenderCache
from sdkwright.cache.store import read_bytes
from sdkwright.config import Target, target_options, template_folders
from sdkwright.config_client import with_client_config
from sdkwright.depth import with_room_for_deep_specs
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, has_errors
from sdkwright.ir import examples, security
from sdkwright.ir.nodes import Api, Release
from sdkwright.output import MANIFEST_NAME, freshness, inputs, provenance, regenerate
from sdkwright.output.manifest import FileEntry, Manifest, parse_manifest, read_manifest, sha256
from sdkwright.output.merge import read_pristine
from sdkwright.output.write import (
    Change,
    pending_transaction,
    recover,
    refuse_foreign_folder,
    refuse_untracked_overwrites,
)
from sdkwright.progress import Progress
from sdkwright.release.changelog import CHANGELOG, changelog_source, changelog_text
from sdkwright.spec import vendor_extensions
from sdkwright.spec.lenient_codes import lenient_candidates
from sdkwright.spec.locate import locate, locate_meanwhile
from sdkwright.spec.resolve import SpecSet, load_spec
from sdkwright.spec.validate import validate
from sdkwright.targets.python import format, render, units
from sdkwright.targets.python.naming.step import NamingOptions, build_named_api

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.output.drift import CheckReport
    from sdkwright.spec.overlays import ActionReport
    from sdkwright.surface.generated import SurfaceLock

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
    # Where `write_result` records them: the lock file and the target's name in it.
    overlay_lock: tuple[Path, str] | None = field(default=None, compare=False)
    # The generated SDK's public surface and where it is locked (surface/lock.py), for a
    # target that has a surface lock.
    surface_lock: SurfaceLock | None = field(default=None, compare=False)
    # The inputs' texts by their hash, kept in the pristine store (`output/inputs.py`).
    sources: Mapping[str, bytes] = field(default_factory=dict, compare=False)


def load_and_validate(
    spec: Path,
    *,
    full: bool = False,
    allow_remote: bool = False,
    spec_root: Path | None = None,
    overlays: Sequence[Path] = (),
    lenient: bool = False,
) -> tuple[SpecSet | None, list[Diagnostic]]:
    """The loaded spec and its diagnostics; `lenient` repairs (or skips) what is invalid in
    it (spec/lenient), and the spec returned is the repaired one."""
    try:
        specs, diagnostics = load_spec(
            spec, allow_remote=allow_remote, spec_root=spec_root, overlays=overlays
        )
    except GenerationFailed as failure:
        return None, failure.diagnostics
    specs, notes = vendor_extensions.translate(specs)  # other generators' x-... extensions
    diagnostics += notes
    refs_ok = not has_errors(diagnostics)

    def validated(specs: SpecSet) -> list[Diagnostic]:
        return validate(specs, full=full, refs_ok=refs_ok)

    # The lenient passes are imported only where they run or may help (an import of 3 ms).
    if lenient:
        from sdkwright.spec import lenient as lenient_mode

        return lenient_mode.validate_leniently(specs, validated, diagnostics)
    found = [*diagnostics, *validated(specs)]
    if not lenient_candidates(found):
        return specs, found
    from sdkwright.spec import lenient as lenient_mode

    return specs, lenient_mode.mention(specs, diagnostics, found, validated)


def up_to_date(target: Target) -> str | None:
    """None when target.output is exactly what generating it would give; else why not."""
    return freshness.target_stale_reason(target)


@heap.staged
@with_room_for_deep_specs
def generate(
    target: Target,
    *,
    full_validation: bool = False,
    strict: bool = False,
    progress: Progress | None = None,
    changelog_entry: str | None = None,
) -> Result:
    """Everything but writing. Never raises for a bad spec: problems come back as diagnostics.
    `changelog_entry`: a bump's, put first in CHANGELOG.md (`release/bump.py`)."""
    progress = progress or Progress()
    progress.stage("loading")
    specs, diagnostics = load_and_validate(
        target.spec,
        full=full_validation,
        allow_remote=target.allow_remote_refs,
        spec_root=target.spec_root,
        overlays=target.overlays,
        lenient=target.lenient,
    )
    if specs is None or has_errors(diagnostics) or (strict and _has_warnings(diagnostics)):
        return Result({}, diagnostics)
    heap.settle()
    progress.stage("building")
    try:
        pinned_methods, pinned_classes = _pinned_names(target)
    except GenerationFailed as failure:  # an unreadable surface lock
        return Result({}, diagnostics + failure.diagnostics)
    if not target.is_python:  # another language's target: its own naming step and templates
        from sdkwright.targets.typescript.render import render_target  # not paid by Python's

        templates = provenance.templates_digest(template_folders(target))
        api, rendered, found = render_target(specs, target, pinned_methods, pinned_classes)
        diagnostics += locate(found, specs.documents.values())
        if has_errors(found) or (strict and _has_warnings(found)):
            return Result({}, diagnostics, api)
        return _finish(
            target, specs, api, rendered, templates, diagnostics, progress, changelog_entry
        )
    release = Release(target.version, target.license, target.copyright)
    options = NamingOptions(
        package=target.package,
        client_name=target.client_name,
        names=target.names,
        pinned_methods=pinned_methods,
        pinned_classes=pinned_classes,
        release=release,
        surface=target.surface,
    )
    api, build_diagnostics = build_named_api(specs, options, target.security, target.resources)
    if target.webhook_signature:
        api = replace(api, webhook_signature=target.webhook_signature)
    api = with_client_config(api, target.client)
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
    heap.settle()  # before the forks too: a collection in a child would copy what it walks
    located = locate_meanwhile(build_diagnostics, list(specs.documents.values()))
    # Hashed before rendering: a template edited mid-run then shows as a change next time.
    templates = provenance.templates_digest(template_folders(target))
    progress.stage("rendering", f"rendering {len(api.operations)} operations")
    early = format.Early(target.formatter, target.package) if _all_new(target.output) else None
    try:
        try:
            cache = RenderCache.for_output(str(target.output), f"{CODE_IDENTITY} {templates}")
            rendered = render.render_plan(
                prepared.api,
                plan,
                target.flavour,
                cache,
                str(target.templates) if target.templates else None,
                early.start if early is not None else None,
            )
        finally:
            diagnostics += located()  # also when rendering fails: the child is waited for
        return _finish(
            target, specs, api, rendered, templates, diagnostics, progress, changelog_entry, early
        )
    finally:
        if early is not None:
            early.close()  # a child whose result was not taken (a failure) is stopped


def _all_new(output: Path) -> bool:
    """Whether no file of `output` can be reused as it is (no manifest: a first generation):
    then every rendered file is formatted, and formatting may start early."""
    return read_manifest(output) is None and not pending_transaction(output)


def _finish(
    target: Target,
    specs: SpecSet,
    api: Api,
    rendered: dict[str, str],
    templates: str,
    diagnostics: list[Diagnostic],
    progress: Progress,
    changelog_entry: str | None,
    early: format.Early | None = None,
) -> Result:
    """The rendered files formatted, with CHANGELOG.md and the manifest: the Result."""
    if pending_transaction(target.output):  # a committed write to finish (`check` stops
        recover(target.output)  # before this): what it wrote is the last generation
    heap.settle()
    previous = read_manifest(target.output)
    rendered[CHANGELOG] = _changelog(api, target.output, previous, changelog_entry)
    try:
        formatted = _format_with_cache(rendered, target, previous, progress, early)
    except GenerationFailed as failure:
        return Result({}, diagnostics + failure.diagnostics, api)
    manifest = Manifest(
        generator=provenance.GENERATOR,
        formatter=provenance.formatter_version(target.formatter),
        inputs=inputs.input_hashes(specs),
        files=formatted.entries,
        templates=templates,
        options=target_options(target),
    )
    files = {**formatted.files, MANIFEST_NAME: manifest.to_bytes()}
    sources = inputs.input_texts(specs)
    reports = specs.overlays.reports if specs.overlays is not None else ()
    lock = (target.lock, target.name) if target.lock is not None and target.overlays else None
    return Result(
        files,
        diagnostics,
        api,
        manifest,
        formatted.count,
        formatted.unchanged,
        reports,
        lock,
        _surface_lock(target, files, api),
        sources,
    )


Pins = tuple[tuple[str, str], ...]


def _pinned_names(target: Target) -> tuple[Pins, Pins]:
    """The method names (by endpoint) and class names (by shape) the target's surface lock
    keeps across renames in the spec; none without a lock."""
    if target.surface_lock is None or not target.surface_lock.is_file():
        return (), ()
    from sdkwright.surface import generated, lock

    locked = lock.read(target.surface_lock).get(target.name)
    if locked is None:
        return (), ()
    return generated.pinned_methods(locked.surface), generated.pinned_classes(locked.surface)


def _surface_lock(target: Target, files: dict[str, bytes], api: Api) -> SurfaceLock | None:
    """The SDK's surface, for a target whose surface is locked (every target of a config):
    read from the Python package's files, or from the TypeScript SDK's named Api."""
    if target.surface_lock is None:
        return None
    from sdkwright.surface.generated import SurfaceLock, surface_of_files
    from sdkwright.targets.typescript.surface import surface_of

    surface = surface_of_files(files, target.package) if target.is_python else surface_of(api)
    return SurfaceLock(target.surface_lock, target.name, target.version, surface)


def _changelog(api: Api, output: Path, previous: Manifest | None, entry: str | None) -> str:
    """CHANGELOG.md from the one the last generation wrote (hand edits merge in as usual)."""
    recorded = previous.files.get(CHANGELOG) if previous is not None else None
    last = read_pristine(output, recorded.output) if recorded is not None else None
    text = last.decode("utf-8", "replace") if last is not None else None
    banner = units.banner(api, "<!--")
    return changelog_text(text, api.release.version, changelog_source(api), entry, banner)


def _has_warnings(diagnostics: list[Diagnostic]) -> bool:
    return any(d.level is Level.WARNING for d in diagnostics)


@dataclass(frozen=True)
class _Formatted:
    files: dict[str, bytes]
    entries: dict[str, FileEntry]  # what the manifest records per file
    count: int  # files given to the formatter
    unchanged: frozenset[str]  # reused as they are on disk


def _format_with_cache(
    rendered: dict[str, str],
    target: Target,
    previous: Manifest | None,
    progress: Progress,
    early: format.Early | None = None,
) -> _Formatted:
    """Reuse a file on disk when its render is unchanged since it was formatted and written.
    Every hash is taken once: on a large SDK, hashing is a tenth of a regeneration."""
    renders = {p: sha256(text.encode()) for p, text in rendered.items()}
    formatter = provenance.formatter_version(target.formatter)
    same_tools = previous is not None and previous.formatter == formatter
    reusable: dict[str, bytes] = {}  # on disk, as generated
    generated: dict[str, bytes] = {}  # as generated, from the pristine store
    entries: dict[str, FileEntry] = {}
    for path in rendered:
        entry = previous.files.get(path) if previous is not None and same_tools else None
        if entry is None or entry.render != renders[path]:
            continue
        entry = FileEntry(entry.render, entry.output)  # as generated: writing adds the rest
        data = read_bytes(os.path.join(target.output, path))  # None when missing
        if data is not None and sha256(data) == entry.output:
            reusable[path], entries[path] = data, entry
        elif (pristine := read_pristine(target.output, entry.output)) is not None:
            generated[path], entries[path] = pristine, entry  # edited by hand since
    pending = {p: t for p, t in rendered.items() if p not in reusable and p not in generated}
    formatting = [p for p in pending if format.is_formatted(p)]
    progress.stage("formatting", f"formatting {len(formatting)} files")
    formatted = format.format_python(pending, target.formatter, target.package, early)
    files = {**reusable, **generated}
    for path in pending:
        files[path] = formatted.get(path, rendered[path]).encode()
        entries[path] = FileEntry(renders[path], sha256(files[path]))
    ordered = {p: files[p] for p in rendered}
    return _Formatted(
        ordered, {p: entries[p] for p in rendered}, len(formatting), frozenset(reusable)
    )


@heap.staged
def write_result(
    result: Result,
    folder: Path,
    *,
    force: bool = False,
    markers: bool = False,
    progress: Progress | None = None,
) -> regenerate.Plan:
    """Merge hand edits with the new generation and write what changed as one transaction (a
    kill leaves the old tree or the new one), then record what the overlay actions matched
    in the target's lock. Conflicting files are left as they are, or with `markers` written
    with conflict markers: `plan.conflicts` lists them."""
    recover(folder)
    previous = read_manifest(folder)
    refuse_foreign_folder(folder, previous, force)
    plan = regenerate.plan(
        result.files,
        _manifest_of(result),
        folder,
        previous,
        markers=markers,
        force=force,
        unchanged=result.unchanged,
        sources=result.sources,
    )
    refuse_untracked_overwrites(plan.untracked, folder)
    heap.settle()
    if progress is not None:
        progress.stage("writing", f"writing {len(plan.changes)} files")
    regenerate.apply(plan, folder, progress.advance if progress is not None else None)
    freshness.record_verified(str(folder), plan.manifest_bytes, CODE_IDENTITY)
    if result.overlay_lock is not None:
        from sdkwright.spec.overlays import lock

        lock.record(*result.overlay_lock, result.overlay_reports)
    if result.surface_lock is not None:
        from sdkwright.surface import generated

        generated.record(result.surface_lock)
    return plan


def _manifest_of(result: Result) -> Manifest:
    manifest = result.manifest or parse_manifest(result.files.get(MANIFEST_NAME, b""))
    if manifest is None:
        raise ValueError("a result without its manifest cannot be written")
    return manifest


def overlay_lock_findings(result: Result) -> list[Diagnostic]:
    """Where the overlay actions no longer do what the lock recorded (`check` fails on the
    errors): an action that matches nothing, other nodes, or changes nothing."""
    if result.overlay_lock is None or not result.files:
        return []
    from sdkwright.spec.overlays import lock

    return lock.check(*result.overlay_lock, result.overlay_reports)


def surface_lock_findings(result: Result, accept_breaking: bool = False) -> list[Diagnostic]:
    """What changed in the SDK's public surface since the surface lock, one diagnostic per
    change: errors for breaking changes the target's version does not allow (`generate`
    refuses to write them, `check` fails), unless `accept_breaking`."""
    if result.surface_lock is None or not result.files:
        return []
    from sdkwright.surface.generated import lock_findings

    return lock_findings(result.surface_lock, accept_breaking)


def check_result(result: Result, folder: Path) -> list[Change]:
    """What writing `result` would change on disk (hand edits merged in, conflicts left as
    they are); an empty list means the folder is in sync."""
    previous = read_manifest(folder)
    return list(regenerate.plan(result.files, _manifest_of(result), folder, previous).changes)


def check(
    target: Target,
    *,
    full_validation: bool = False,
    strict: bool = False,
    fast_path: bool = True,
) -> CheckReport:
    """Is target.output what target.spec gives (hand edits a regeneration keeps aside), and if
    not, what differs and why; do the overlay actions still do what the lock recorded? Writes
    nothing in the output folder (only the local fast-path cache)."""
    from sdkwright.output.drift import (
        CheckReport,
        drift_causes,
        interrupted_report,
        lock_failed,
        plan_drifts,
    )

    if pending_transaction(target.output):
        return interrupted_report(target)
    if fast_path and up_to_date(target) is None:
        customised = tuple(freshness.recorded_customisations(str(target.output)))
        return CheckReport(
            target.name,
            str(target.spec),
            str(target.output),
            "up-to-date",
            fast=True,
            customisations=customised,
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
    plan = regenerate.plan(
        result.files, result.manifest, target.output, previous, unchanged=result.unchanged
    )
    drifts, customisations = plan_drifts(plan, result.files, previous, result.manifest)
    findings = tuple(overlay_lock_findings(result))
    surface_findings = tuple(surface_lock_findings(result))
    if not drifts and not plan.changes:
        freshness.record_verified(str(target.output), plan.manifest_bytes, CODE_IDENTITY)
    return CheckReport(
        target.name,
        str(target.spec),
        str(target.output),
        "drift" if drifts or lock_failed(findings + surface_findings) else "up-to-date",
        drifts=drifts,
        causes=drift_causes(previous, result.manifest, drifts),
        diagnostics=tuple(result.diagnostics),
        customisations=customisations,
        overlay_findings=findings,
        surface_findings=surface_findings,
    )
