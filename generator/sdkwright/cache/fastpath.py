"""The no-op fast path: is an output folder already what generating it again would give?

Answered from the manifest alone, before any spec is loaded, validated or rendered: the
inputs' hashes, the templates' hash, the generator and formatter versions and the target's
options must all be what the manifest recorded, and every file it lists must still hold the
bytes it recorded. Then `generate` and `check` have nothing to do, and cost little more than
hashing the inputs.

This module only imports cheap standard modules (no pathlib, dataclasses or yaml): on
GitHub's 3 MB JSON spec the whole answer must take about as long as `json.loads` of the spec,
and interpreter start-up is a third of that budget.

Two facts the committed manifest cannot hold live in a local cache (SDKWRIGHT_CACHE_DIR, else
$XDG_CACHE_HOME/sdkwright, else ~/.cache/sdkwright), one small stamp per output folder:

* In a source checkout the version number does not identify the generator's code (it changes
  between releases), so the stamp records a hash of the code that wrote or verified the
  folder; a checkout without a matching stamp never takes the fast path.
* The stats (size, mtime, ctime, inode) of output files whose bytes were hashed and matched,
  so that later runs need not read them again. As in git's index, a stat recorded within
  RACY_WINDOW_NS of the file's last change is not trusted: a same-tick edit could keep it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import time

from sdkwright import __version__

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

MANIFEST_NAME = ".sdkwright-manifest.json"
# The default client flavour (templates/python/httpx); the manifest records it with the options.
FLAVOUR = "httpx"
TXN_DIR_NAME = ".sdkwright-txn"
GENERATOR = f"sdkwright {__version__}"
RACY_WINDOW_NS = 2_000_000_000  # covers filesystems with 1 s (ext3) or 2 s (FAT) timestamps
MAX_STAMPS = 256
_BOM = b"\xef\xbb\xbf"
# The installed package's folder (sdkwright/): this module lives in its cache/ folder.
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

Stat = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


def names_from_flags(spec: str, package: str | None, client_name: str | None) -> tuple[str, str]:
    """The package and client names a `generate SPEC -o OUT` run uses: given, else derived
    from the spec's file name (`acme-api.yaml` -> `acme_api`, `AcmeApi`)."""
    from sdkwright.targets.python import naming

    stem = os.path.splitext(os.path.basename(spec))[0]
    package = package or naming.python_identifier(naming.snake(stem), "sdk")
    return package, client_name or naming.class_name(package)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: str) -> bytes | None:
    found = read_with_stat(path)
    return found[1] if found is not None else None


def read_with_stat(path: str) -> tuple[Stat, bytes] | None:
    """A file's stat and bytes from one open: plain os calls, without `open()`'s buffered
    reader, cost half as much on the hundreds of small files of an SDK."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        st = os.fstat(descriptor)
        data = os.read(descriptor, st.st_size + 1)  # short only at the end of the file
        if len(data) > st.st_size:  # the file grew since fstat: read the rest
            chunks = [data]
            while chunks[-1]:
                chunks.append(os.read(descriptor, 1 << 20))
            data = b"".join(chunks)
        return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino), data
    except OSError:
        return None
    finally:
        os.close(descriptor)


def input_digest(data: bytes) -> str:
    """The hash the manifest records for a spec file: of its text as parsed, without a BOM."""
    return sha256_bytes(data[len(_BOM) :] if data.startswith(_BOM) else data)


def templates_root() -> str:
    """Where the Python target's templates are (templates/python/, a folder per flavour):
    inside an installed package, else beside it in a checkout (the same rule as
    `engine.templates_root`, kept here so the fast path need not import Jinja)."""
    installed = os.path.join(_PACKAGE, "templates")
    if not os.path.isdir(installed):
        installed = os.path.join(os.path.dirname(os.path.dirname(_PACKAGE)), "templates")
    return os.path.join(installed, "python")


def tree_digest(folder: str, suffix: str = "") -> str:
    """One hash of every file under `folder` (names and bytes), in a stable order.

    Dotfiles (editor swap files) and `__pycache__` are left out: they are never templates.
    """
    digest = hashlib.sha256()
    for relative in sorted(_walk(folder, suffix)):
        data = read_bytes(os.path.join(folder, relative)) or b""
        digest.update(f"{relative}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _walk(folder: str, suffix: str) -> Iterable[str]:
    for directory, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if f != "__pycache__" and not f.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.endswith(suffix):
                path = os.path.relpath(os.path.join(directory, name), folder)
                yield path.replace(os.sep, "/")


def templates_digest(flavour: str | Sequence[str]) -> str:
    """The hash of a built-in flavour's folder, or of template folders searched in order
    (a flavour's own, the ones it extends, a user's): one folder hashes as `tree_digest`."""
    if isinstance(flavour, str):
        return tree_digest(os.path.join(templates_root(), flavour))
    if len(flavour) == 1:
        return tree_digest(flavour[0])
    digest = hashlib.sha256()
    for folder in flavour:
        digest.update(f"{os.path.basename(folder)}\0{tree_digest(folder)}\0".encode())
    return digest.hexdigest()


def is_source_checkout() -> bool:
    """Installed wheels carry the templates inside the package; a checkout has them beside it."""
    return not os.path.isdir(os.path.join(_PACKAGE, "templates"))


@functools.cache
def code_identity() -> str:
    """What identifies the generator's code: the version for a release, and for a checkout
    (where the code changes without the version) the version plus a hash of the sources.
    Taken once per process: the code a process runs is the code it loaded, even if the
    files change meanwhile (another branch checked out, an edit)."""
    if not is_source_checkout():
        return GENERATOR
    return f"{GENERATOR}+{tree_digest(_PACKAGE, '.py')[:16]}"


def installed_version(distribution: str) -> str | None:
    """A distribution's version from its `.dist-info` folder name, without importlib.metadata
    (whose import alone costs more than the fast path's whole budget)."""
    prefix = distribution.replace("-", "_").lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and name.lower().startswith(prefix):
                return name[len(prefix) : -len(".dist-info")]
    return None


def formatter_version(formatter: str) -> str | None:
    """The formatter version string the manifest records (`ruff 0.17.6`), or None when it
    cannot be told cheaply (then the fast path is not taken: the slow path asks the binary)."""
    version = installed_version(formatter)
    return f"{formatter} {version}" if version else None


def cache_dir() -> str:
    explicit = os.environ.get("SDKWRIGHT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "sdkwright")


def _stamp_path(output: str) -> str:
    key = sha256_bytes(os.path.realpath(output).encode())[:32]
    return os.path.join(cache_dir(), "stamps", f"{key}.json")


def read_stamp(output: str) -> dict[str, object] | None:
    data = read_bytes(_stamp_path(output))
    try:
        stamp = json.loads(data) if data else None
    except ValueError:
        return None
    return stamp if isinstance(stamp, dict) else None


def write_stamp(
    output: str,
    manifest_digest: str,
    code: str,
    stats: Mapping[str, Stat] | None = None,
    recorded_ns: int = 0,
) -> None:
    """Best effort: a cache that cannot be written only makes the next run slower.

    `recorded_ns` is when the stats were taken (before the files were read).
    """
    path = _stamp_path(output)
    stamp = {
        "manifest": manifest_digest,
        "code": code,
        "recorded_ns": recorded_ns or time.time_ns(),
        "stats": {name: list(stat) for name, stat in (stats or {}).items()},
    }
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as stream:
            json.dump(stamp, stream, separators=(",", ":"))
        os.replace(temporary, path)
        prune(os.path.dirname(path), MAX_STAMPS)
    except OSError:
        return


def prune(folder: str, keep: int) -> None:
    """Keep a cache folder bounded: past `keep` files, drop the oldest (of folders long gone)."""
    names = os.listdir(folder)
    if len(names) <= keep:
        return
    paths = sorted((os.path.join(folder, n) for n in names), key=os.path.getmtime)
    for path in paths[: len(paths) - keep // 2]:
        try:
            os.unlink(path)
        except OSError:
            continue  # another run pruned it first


def _stat(path: str) -> Stat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def stale_reason(
    spec: str,
    output: str,
    options: Mapping[str, str],
    formatter: str,
    flavour: str | Sequence[str] = FLAVOUR,
) -> str | None:
    """None when `output` is exactly what generating `spec` would give; else why it may not be.

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
    generator, recorded_formatter, templates, recorded_options, inputs, files = recorded
    if generator != GENERATOR:
        return f"generated by {generator}"
    if recorded_options != dict(options):
        return "the target's options changed"
    if recorded_formatter != formatter_version(formatter):
        return "the formatter changed"
    if templates != templates_digest(flavour):
        return "the templates changed"
    changed = _changed_input(os.path.dirname(os.path.abspath(spec)), inputs, spec)
    if changed is not None:
        return f"the spec changed ({changed})"
    stamp = read_stamp(output)
    code = code_identity()
    manifest_digest = sha256_bytes(raw)
    if code != GENERATOR and not _stamp_matches(stamp, manifest_digest, code):
        return "this checkout's generator code has not generated or checked the folder yet"
    return _verify_outputs(output, files, stamp, manifest_digest, code)


def _recorded(
    manifest: dict[str, object],
) -> tuple[str, str, str, dict[str, str], dict[str, str], dict[str, str]]:
    files = manifest["files"]
    inputs = manifest["inputs"]
    if not isinstance(files, dict) or not isinstance(inputs, dict):
        raise TypeError("files and inputs must be objects")
    options = manifest.get("options")
    return (
        str(manifest["generator"]),
        str(manifest["formatter"]),
        str(manifest.get("templates", "")),
        dict(options) if isinstance(options, dict) else {},
        {str(k): str(v) for k, v in inputs.items()},
        {str(path): str(entry["output"]) for path, entry in files.items()},
    )


def _changed_input(spec_folder: str, inputs: Mapping[str, str], spec: str) -> str | None:
    """The first input whose bytes changed; the root spec must be among the inputs."""
    if os.path.basename(spec) not in inputs:
        return os.path.basename(spec)
    for relative, digest in inputs.items():
        data = read_bytes(os.path.join(spec_folder, relative))
        if data is None or input_digest(data) != digest:
            return relative
    return None


def _stamp_matches(stamp: dict[str, object] | None, manifest_digest: str, code: str) -> bool:
    return (
        stamp is not None and stamp.get("manifest") == manifest_digest and stamp.get("code") == code
    )


def _verify_outputs(
    output: str,
    files: Mapping[str, str],
    stamp: dict[str, object] | None,
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
        if relative in trusted:
            stat = _stat(path)
            if stat is not None and trusted[relative] == stat:
                fresh[relative] = stat
                continue
        found = read_with_stat(path)
        if found is None:
            return f"{relative} is missing"
        stat, data = found
        if sha256_bytes(data) != digest:
            return f"{relative} was edited"
        if stat[2] < started_ns - RACY_WINDOW_NS:
            fresh[relative] = stat
    if fresh.keys() != trusted.keys():
        write_stamp(output, manifest_digest, code, fresh, started_ns)
    return None


def _trusted_stats(
    stamp: dict[str, object] | None, manifest_digest: str, code: str
) -> dict[str, Stat]:
    if stamp is None or not _stamp_matches(stamp, manifest_digest, code):
        return {}
    stats = stamp.get("stats")
    recorded_ns = stamp.get("recorded_ns")
    if not isinstance(stats, dict) or not isinstance(recorded_ns, int):
        return {}
    trusted: dict[str, Stat] = {}
    for relative, value in stats.items():
        if isinstance(value, list) and len(value) == 4 and all(type(v) is int for v in value):
            size, mtime, ctime, inode = value
            if ctime < recorded_ns - RACY_WINDOW_NS:  # else a same-tick edit could hide
                trusted[relative] = (size, mtime, ctime, inode)
    return trusted
