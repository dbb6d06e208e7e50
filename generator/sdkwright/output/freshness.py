"""The no-op decision: is an output folder already what generating it again would give?

Answered from the manifest alone, before any spec is loaded, validated or rendered: the
inputs' hashes, the templates' hash, the generator and formatter versions and the target's
options must all be what the manifest recorded (`output/provenance.py` computes them), and
every file it lists must still hold the bytes it recorded. Then `generate` and `check` have
nothing to do, and cost little more than hashing the inputs. The command line and the library
(`api.up_to_date`, `api.check`) both ask here.

Two facts the committed manifest cannot hold live in the folder's stamp, in the local cache
(`cache/stamps.py`):

* In a source checkout the version number does not identify the generator's code (it changes
  between releases), so the stamp records a hash of the code that wrote or verified the
  folder; a checkout without a matching stamp never takes the fast path.
* The stats (size, mtime, ctime, inode) of output files whose bytes were hashed and matched,
  so that later runs need not read them again. As in git's index, a stat recorded within
  RACY_WINDOW_NS of the file's last change is not trusted: a same-tick edit could keep it.

Only cheap standard modules are imported (no pathlib, dataclasses or yaml; the config only
for a target that comes from it).
"""

from __future__ import annotations

import json
import os
import time

from sdkwright import defaults
from sdkwright.cache import stamps
from sdkwright.cache.store import Stat, read_bytes, read_with_stat
from sdkwright.output import IGNORE_NAME, MANIFEST_NAME, TXN_DIR_NAME
from sdkwright.output.provenance import (
    GENERATOR,
    code_identity,
    input_digest,
    installed_formatter,
    sha256,
    templates_digest,
)

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from sdkwright.config import Target

RACY_WINDOW_NS = 2_000_000_000
UNDECIDED = "the flags-only fast path cannot decide: the target's own one can"  # covers filesystems with 1 s (ext3) or 2 s (FAT) timestamps


def target_stale_reason(target: Target) -> str | None:
    """None when `target.output` is exactly what generating `target` would give; else why not."""
    from sdkwright.config import target_options, template_folders

    reason = stale_reason(
        str(target.spec),
        str(target.output),
        target_options(target),
        target.formatter,
        template_folders(target),
    )
    if reason is None and target.overlays and target.lock is not None:
        reason = _overlay_lock_reason(str(target.lock), target.name)
    if reason is None and target.surface_lock is not None:
        reason = _surface_lock_reason(str(target.surface_lock), target.name)
    return reason


def _surface_lock_reason(lock: str, name: str) -> str | None:
    """The surface lock has no entry for the target yet: generating writes it."""
    raw = read_bytes(lock)
    try:
        locked = raw is not None and name in json.loads(raw)["targets"]
    except (ValueError, KeyError, TypeError):
        return "the surface lock is unreadable"
    return None if locked else "the surface lock has no entry for the target"


def _overlay_lock_reason(lock: str, name: str) -> str | None:
    """Why `check` would fail on the overlay lock when nothing changed since generation: the
    lock has no entry for the target, or records an action that matched or changed nothing
    (`spec/overlays/lock.py`). The shortcut must answer as the full run does."""
    raw = read_bytes(lock)
    try:
        entries = json.loads(raw)["targets"][name] if raw is not None else None
        dead = entries is not None and any(
            not entry["matched"] or not entry["changed"] for entry in entries
        )
    except (ValueError, KeyError, TypeError):
        return "the overlay lock is unreadable"
    if entries is None:
        return "the overlay lock has no entry for the target"
    return "an overlay action matches or changes nothing" if dead else None


def flags_stale_reason(spec: str, output: str, given: Mapping[str, str | None]) -> str | None:
    """`target_stale_reason` of the target `generate SPEC -o OUTPUT` makes from the flags
    `given` and the options the folder keeps, without importing the config machinery
    (`config.target_from_flags`). Another flavour than the default, or its options, need that
    machinery: then the answer is UNDECIDED."""
    found = defaults.resolve_flags(given, defaults.kept_options(output))
    if "package" not in found or "client_name" not in found:
        return "no manifest records the names"
    if found.get("flavour", defaults.FLAVOUR) != defaults.FLAVOUR or "flavour_options" in found:
        return UNDECIDED
    options = defaults.base_options(
        found["package"],
        found["client_name"],
        lenient=found.get("lenient") == "true",
        version=found.get("version", defaults.VERSION),
        license=found.get("license", defaults.LICENSE),
        copyright=found.get("copyright", ""),
    )
    formatter = found.get("formatter", defaults.FORMATTER)
    return stale_reason(spec, output, options, formatter, defaults.FLAVOUR)


def record_verified(output: str, manifest: bytes, code: str) -> None:
    """Record that `code` wrote or verified `output`, whose manifest is now `manifest`."""
    stamps.write_stamp(output, sha256(manifest), code)


def stale_reason(
    spec: str,
    output: str,
    options: Mapping[str, str],
    formatter: str,
    flavour: str | Sequence[str] = defaults.FLAVOUR,
) -> str | None:
    """None when `output` is exactly what generating `spec` would give; else why it may not be.
    `flavour`: a built-in flavour's name, or the template folders in search order.

    Each test is cheaper than the next, and the first that fails answers.
    """
    if os.path.exists(os.path.join(output, TXN_DIR_NAME)):
        return "an interrupted generation left files to finish"
    raw = read_bytes(os.path.join(output, MANIFEST_NAME))
    if raw is None:
        return "no manifest"
    try:
        manifest = json.loads(raw)
        recorded = _recorded(manifest)
    except (ValueError, KeyError, TypeError, AttributeError):
        return "the manifest is unreadable"
    generator, recorded_formatter, templates, recorded_options, inputs, files, ignore = recorded
    if generator != GENERATOR:
        return f"generated by {generator}"
    if recorded_options != dict(options):
        return "the target's options changed"
    if recorded_formatter != installed_formatter(formatter):
        return "the formatter changed"
    if templates != templates_digest(flavour):
        return "the templates changed"
    if ignore != _ignore_digest(output):
        return f"the ignore file {IGNORE_NAME} changed"
    changed = _changed_input(os.path.dirname(os.path.abspath(spec)), inputs, spec)
    if changed is not None:
        return f"the spec changed ({changed})"
    stamp = stamps.read_stamp(output)
    code = code_identity()
    manifest_digest = sha256(raw)
    if code != GENERATOR and not _stamp_matches(stamp, manifest_digest, code):
        return "this checkout's generator code has not generated or checked the folder yet"
    return _verify_outputs(output, files, stamp, manifest_digest, code)


def _recorded(
    manifest: dict[str, object],
) -> tuple[str, str, str, dict[str, str], dict[str, str], dict[str, str], str | None]:
    """The manifest's fields as `output/manifest.py` writes them, read without its classes.
    Each file maps to the hash it had when written ("": deleted by hand, and to stay so)."""
    files = manifest["files"]
    inputs = manifest["inputs"]
    if not isinstance(files, dict) or not isinstance(inputs, dict):
        raise TypeError("files and inputs must be objects")
    options = manifest.get("options")
    ignore = manifest.get("ignore")
    return (
        str(manifest["generator"]),
        str(manifest["formatter"]),
        str(manifest.get("templates", "")),
        dict(options) if isinstance(options, dict) else {},
        {str(k): str(v) for k, v in inputs.items()},
        {str(path): str(entry.get("written", entry["output"])) for path, entry in files.items()},
        None if ignore is None else str(ignore),
    )


def recorded_customisations(output: str) -> list[tuple[str, str]]:
    """The hand edits the manifest of `output` records, as `check` lists them: (path,
    status) for files written with hand edits merged in, deleted by hand, or ignored."""
    raw = read_bytes(os.path.join(output, MANIFEST_NAME))
    try:
        manifest = json.loads(raw) if raw is not None else {}
        listed = [
            (str(path), "kept-deleted" if entry["written"] == "" else "customised")
            for path, entry in manifest.get("files", {}).items()
            if "written" in entry
        ]
        listed += [(str(path), "ignored") for path in manifest.get("ignored", ())]
    except (ValueError, KeyError, TypeError, AttributeError):
        return []
    return sorted(listed)


def customisations_text(listed: Sequence[tuple[str, str]], limit: int = 100) -> str:
    """`check`'s lines for the hand edits a regeneration keeps (not drift)."""
    if not listed:
        return ""
    lines = [f"  kept hand edits ({len(listed)}; `sdkwright customisations` prints them):"]
    lines += [f"    {status}: {path}" for path, status in listed[:limit]]
    if len(listed) > limit:
        lines.append(f"  ... and {len(listed) - limit} more files")
    return "\n".join(lines) + "\n"


def _ignore_digest(output: str) -> str | None:
    try:
        with open(os.path.join(output, IGNORE_NAME), "rb") as stream:
            return sha256(stream.read())
    except OSError:  # none (the common case): one failed open
        return None


def _changed_input(spec_folder: str, inputs: Mapping[str, str], spec: str) -> str | None:
    """The first input whose bytes changed; the root spec must be among the inputs."""
    if os.path.basename(spec) not in inputs:
        return os.path.basename(spec)
    for relative, digest in inputs.items():
        data = read_bytes(os.path.join(spec_folder, relative))
        if data is None or input_digest(data) != digest:
            return relative
    return None


def _stamp_matches(stamp: stamps.Stamp | None, manifest_digest: str, code: str) -> bool:
    return (
        stamp is not None and stamp.get("manifest") == manifest_digest and stamp.get("code") == code
    )


def _verify_outputs(
    output: str,
    files: Mapping[str, str],
    stamp: stamps.Stamp | None,
    manifest_digest: str,
    code: str,
) -> str | None:
    """Every listed file must hold the recorded bytes: trusted from a stat the stamp recorded
    earlier (outside the racy window), else hashed. Stats of hashed files are recorded."""
    trusted = _trusted_stats(stamp, manifest_digest, code)
    started_ns = time.time_ns()
    fresh: dict[str, Stat] = {}
    prefix = os.path.join(output, "")  # joined by hand below: hundreds of files
    for relative, digest in files.items():
        path = prefix + relative
        if not digest:  # deleted by hand, and kept deleted by the last generation
            if os.path.lexists(path):
                return f"{relative} was restored"
            continue
        if relative in trusted:
            stat = _stat(path)
            if stat is not None and trusted[relative] == stat:
                fresh[relative] = stat
                continue
        found = read_with_stat(path)
        if found is None:
            return f"{relative} is missing"
        stat, data = found
        if sha256(data) != digest:
            return f"{relative} was edited"
        if stat[2] < started_ns - RACY_WINDOW_NS:
            fresh[relative] = stat
    if fresh.keys() != trusted.keys():
        stamps.write_stamp(output, manifest_digest, code, fresh, started_ns)
    return None


def _stat(path: str) -> Stat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _trusted_stats(stamp: stamps.Stamp | None, manifest_digest: str, code: str) -> dict[str, Stat]:
    if stamp is None or not _stamp_matches(stamp, manifest_digest, code):
        return {}
    stats = stamp.get("stats")
    recorded_ns = stamp.get("recorded_ns")
    if not isinstance(stats, dict) or not isinstance(recorded_ns, int):
        return {}
    trusted: dict[str, Stat] = {}
    for relative, value in stats.items():
        if isinstance(value, tuple) and len(value) == 4 and all(type(v) is int for v in value):
            size, mtime, ctime, inode = value
            if ctime < recorded_ns - RACY_WINDOW_NS:  # else a same-tick edit could hide
                trusted[relative] = (size, mtime, ctime, inode)
    return trusted
