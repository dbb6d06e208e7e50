"""`sdkwright migrate stainless PATH [--spec SPEC] -o OUT`: a Stainless SDK checkout becomes an
sdkwright project that generates the same public surface, with a compatibility report.

    migrated = migrate(Path("clear-street-python"), Path("clearstreet-sdk"))
    migrated.report        # old surface (PATH's source) vs new (OUT's), surface.compare_surfaces

OUT gets `sdkwright.yaml` (one target: import-config's mapping of api.md/stainless.yml, plus
`surface: stainless`, `lenient: true` (Stainless generated from specs as published) and
`version:` the next minor release after the old one), the spec when it came from
`scripts/mock` (else the target names it by a relative path), the generated SDK at its root (an
installable project) and `MIGRATION-REPORT.md`. Nothing of the old repository's code or text
is copied: only the spec its mock embeds, which is the API's.

All or nothing: OUT is built in a staging folder beside it and moved into place at the end, so
a failure leaves OUT as it was. A previous migration in OUT is copied into the staging folder
first, so the generator merges any hand edits there as `generate` does. Every refusal is a
`GenerationFailed` with located diagnostics.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location, has_errors
from sdkwright.migrate.stainless.migration_report import report_markdown
from sdkwright.migrate.stainless.surface_config import SurfaceConfig
from sdkwright.surface.model import Surface
from sdkwright.surface.report import Report

CONFIG_NAME = "sdkwright.yaml"
REPORT_NAME = "MIGRATION-REPORT.md"
HEADER = "# Written by `sdkwright migrate stainless`"


@dataclass(frozen=True)
class Migrated:
    config: SurfaceConfig  # what was read from PATH
    output: Path
    spec: str  # as the target names it (relative to OUT)
    report: Report
    diagnostics: tuple[Diagnostic, ...]  # the readers' notes, import's and generation's warnings


def migrate(
    source: Path, output: Path, spec: Path | None = None, accepted: Collection[str] = ()
) -> Migrated:
    """Read `source`, write OUT (with its report, `accepted` ids marked), compare; raises
    GenerationFailed (nothing written) on bad input or a spec that does not generate. The
    report is returned, not judged: `surface.groups.blocking` does."""
    from sdkwright.migrate.stainless import read_repository

    _check_source(source)
    config = read_repository(source)
    errors = [_error(n.code, n.message, n.file, n.line) for n in config.notes if n.level == "error"]
    if errors:
        raise GenerationFailed(errors)
    embedded = _spec_bytes(source, spec)
    old = _old_surface(source, config.package)
    previous = _check_output(output)
    staging = _staging(output)
    try:
        if previous:
            shutil.copytree(output, staging, symlinks=True, dirs_exist_ok=True)
        named = _place_spec(staging, output, spec, embedded)
        found = _write_target(config, source, staging, named)
        version, generated = _generate(staging / CONFIG_NAME, config.package)
        found += generated
        report = _compare(old, staging, config, version)
        markdown = report_markdown(report, str(source), accepted)
        (staging / REPORT_NAME).write_text(markdown, encoding="utf-8")
        _swap(staging, output, previous)
    except GenerationFailed as failure:
        shutil.rmtree(staging, ignore_errors=True)
        raise GenerationFailed(_relocated(failure.diagnostics, staging, output)) from None
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise _fail("migrate.write", f"cannot write OUT: {error}", output) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Migrated(config, output, named, report, tuple(_relocated(found, staging, output)))


def _relocated(diagnostics: list[Diagnostic], staging: Path, output: Path) -> list[Diagnostic]:
    """Locations in the staging folder as the user sees them: in OUT, or where the spec is
    (a location may name the staging folder absolute or relative to the working folder)."""
    prefixes = {str(staging), os.path.relpath(staging)}
    moved = []
    for diagnostic in diagnostics:
        where = diagnostic.location
        prefix = next((p for p in prefixes if where and where.file.startswith(p)), None)
        if where is not None and prefix is not None:
            inside = where.file[len(prefix) :].lstrip(os.sep)
            file = os.path.normpath(os.path.join(output, inside))
            diagnostic = replace(diagnostic, location=replace(where, file=file))
        moved.append(diagnostic)
    return moved


def _error(code: str, message: str, file: str, line: int = 0, hint: str = "") -> Diagnostic:
    return Diagnostic(Level.ERROR, code, message, Location(file, line, 1 if line else 0), hint)


def _fail(code: str, message: str, where: Path, hint: str = "") -> GenerationFailed:
    return GenerationFailed([_error(code, message, str(where), hint=hint)])


def _check_source(source: Path) -> None:
    if not source.is_dir():
        raise _fail("migrate.source", "not a folder: PATH must be a Stainless SDK checkout", source)
    if not (source / "api.md").is_file():
        raise _fail(
            "migrate.no-api-md",
            "no api.md: not a Stainless SDK repository (its api.md lists the SDK's surface)",
            source / "api.md",
        )


def _spec_bytes(source: Path, spec: Path | None) -> bytes | None:
    """The embedded spec (None when --spec names one, which must exist)."""
    from sdkwright.migrate.stainless import embedded_spec

    if spec is not None:
        if not spec.is_file():
            raise _fail("migrate.spec", "the spec --spec names does not exist", spec)
        return None
    data, where, notes = embedded_spec(source)
    if data is not None:
        return data
    mock = source / "scripts" / "mock"
    said = f"; {notes[0].message}" if notes else ""
    if where is not None and where.kind == "url":
        said = f"; it names {where.location}: download it and pass --spec"
    raise _fail(
        "migrate.no-spec",
        f"no --spec given and {mock} embeds no spec{said}",
        mock,
        "pass --spec SPEC: the OpenAPI spec the SDK was generated from",
    )


def _check_output(output: Path) -> bool:
    """Whether OUT holds a previous migration (False: absent or empty); refuses anything else."""
    if output.exists() and not output.is_dir():
        raise _fail("migrate.output", "OUT exists and is not a folder", output)
    if not output.is_dir() or not any(output.iterdir()):
        parent = output.absolute().parent
        while not parent.exists():
            parent = parent.parent
        if not os.access(parent, os.W_OK):
            raise _fail("migrate.output", "cannot write beside OUT", parent)
        return False
    config = output / CONFIG_NAME
    if config.is_file() and config.read_text(encoding="utf-8", errors="replace").startswith(HEADER):
        return True
    raise _fail(
        "migrate.output",
        "OUT is not empty and holds no previous migration (no sdkwright.yaml written by it)",
        output,
        "choose an empty or new folder",
    )


def _staging(output: Path) -> Path:
    parent = output.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.migrating-", dir=parent))
    except OSError as error:
        raise _fail(
            "migrate.output", f"cannot write beside OUT: {error.strerror}", parent
        ) from None
    mask = os.umask(0o022)  # mkdtemp's folder is private; OUT gets the usual mode
    os.umask(mask)
    staging.chmod(0o777 & ~mask)
    return staging


def _place_spec(staging: Path, output: Path, spec: Path | None, embedded: bytes | None) -> str:
    """The spec as the target names it: the embedded one written into OUT, else a path
    relative to OUT (staging is OUT's sibling: the same relative path)."""
    if spec is not None:
        return Path(os.path.relpath(spec.absolute(), output.absolute())).as_posix()
    assert embedded is not None
    name = "openapi.json" if _is_json(embedded) else "openapi.yaml"
    (staging / name).write_bytes(embedded)
    return name


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


def _write_target(
    config: SurfaceConfig, source: Path, staging: Path, spec: str
) -> list[Diagnostic]:
    """A fresh `sdkwright.yaml`, or the previous migration's updated in place (its comments,
    other targets and keys kept, config_update.py)."""
    from sdkwright.config_update import existing_target, write_target
    from sdkwright.migrate.stainless.import_config import import_target
    from sdkwright.migrate.stainless.target import render_targets_yaml

    file = staging / CONFIG_NAME
    existing = existing_target(file, config.package)
    imported = import_target(config, source, staging / spec, staging, config.package, existing)
    target = migrated_target(imported.target, config, spec, existing)
    if existing is None:
        file.write_text(render_targets_yaml([target]), encoding="utf-8")
    else:
        write_target(file, target)
    return imported.diagnostics


def migrated_target(
    imported: dict[str, Any],
    config: SurfaceConfig,
    spec: str,
    existing: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """import-config's target with the migration's own keys, in a readable order. Once
    migrated, `version` and `lenient` are the project's: a previous migration's stay."""
    target: dict[str, Any] = {
        "name": imported["name"],
        "spec": spec,
        "output": ".",
        "package": imported["package"],
        "client_name": imported["client_name"],
        "surface": "stainless",
        "lenient": True,
    }
    if config.next_version:
        target["version"] = config.next_version
    for key in ("version", "lenient"):
        if existing is not None and key in existing:
            target[key] = existing[key]
    kept = {k: v for k, v in imported.items() if k not in target and k != "output"}
    return {**target, **kept}


def _generate(config: Path, name: str) -> tuple[str, list[Diagnostic]]:
    """The target's version, and what generating it said."""
    from sdkwright import api
    from sdkwright.config import load_targets

    (target,) = [t for t in load_targets(config) if t.name == name]
    result = api.generate(target)
    found = list(result.diagnostics)
    if not result.files or has_errors(found):
        raise GenerationFailed(
            found or [_error("migrate.generate", "nothing generated", str(config))]
        )
    found += api.surface_lock_findings(result)
    if has_errors(found):
        raise GenerationFailed(found)
    api.write_result(result, target.output, force=True)
    return target.version, found


def _old_surface(source: Path, package: str) -> Surface:
    from sdkwright.surface import extract_surface
    from sdkwright.surface.index import SurfaceError

    try:
        return extract_surface(source, package)
    except SurfaceError as error:
        raise _fail(
            "migrate.old-surface", f"the old SDK's source cannot be read: {error}", source
        ) from None


def _compare(old: Surface, staging: Path, config: SurfaceConfig, version: str) -> Report:
    from sdkwright.surface import compare_surfaces, extract_surface

    new = extract_surface(staging, config.package)
    old_name = f"{config.distribution or config.package} {config.version or ''}".strip()
    return compare_surfaces(old, new, old_name, f"{config.package} {version} (sdkwright)")


def _swap(staging: Path, output: Path, previous: bool) -> None:
    """Staging becomes OUT (the previous OUT removed only once the new one is in place)."""
    if output.is_dir() and not previous:
        output.rmdir()  # empty, checked
    if not previous:
        staging.rename(output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.previous-", dir=staging.parent))
    output.rename(retired / output.name)
    try:
        staging.rename(output)
    except OSError:
        (retired / output.name).rename(output)  # the previous OUT back in its place
        raise
    shutil.rmtree(retired, ignore_errors=True)
