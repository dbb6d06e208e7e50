"""Local caches that make a regeneration after a small edit cheap: parsed YAML entries and
compiled templates, under `fastpath.cache_dir()`. Each is keyed by a hash of its source, so a
stale entry is never used, and each is optional: a cache that cannot be read or written only
makes a run slower.

Parsing a large YAML spec again after a small edit: only the entries that changed.

libyaml parses Stripe's 4 MB spec in about 1.8 s, more than everything else a regeneration
does after a one-field change. Specs are block-style mappings whose big parts (`paths`,
`components/schemas`) are long lists of independent entries, so the text is cut into those
entries (a line indented exactly like its siblings starts the next one), each entry is parsed
on its own, and the parsed values are cached by the hash of their text. After an edit, only
the entries whose text changed are parsed again; the others come from a marshal file in the
local cache (`fastpath.cache_dir()`), which loads in milliseconds.

A cut that is not a clean YAML boundary makes some entry unparseable on its own: a quoted or
flow scalar left open, an alias whose anchor is in another entry. Then, and for documents with
directives, document markers, complex keys or tabs in indentation, the whole text is parsed at
once exactly as before. Both ways give equal values (tests compare them on real specs).
"""

from __future__ import annotations

import hashlib
import itertools
import marshal
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator import fastpath

TYPE_CHECKING = False
if TYPE_CHECKING:
    import jinja2

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml is part of PyYAML's wheels
    from yaml import SafeLoader  # type: ignore[assignment]

# Smaller texts parse faster than the cache loads; entries smaller than this stay whole.
MIN_TEXT_CHARS = 256 * 1024
MIN_SPLIT_CHARS = 16 * 1024
MAX_DEPTH = 3
MAX_CACHE_FILES = 64
CACHE_FORMAT = f"1 pyyaml {yaml.__version__} {SafeLoader.__name__}"


class Unsplittable(Exception):
    """The text's layout is not one this module can cut safely."""


@dataclass(frozen=True)
class Block:
    """One mapping entry: `lines[start:end]` of the text, its key at column `indent`.
    `children` is set when the entry's value is a mapping that was cut further."""

    start: int
    end: int
    indent: int
    children: tuple[Block, ...] | None = None


def load_yaml(text: str, path: Path | None = None) -> Any:
    """`yaml.load(text, CSafeLoader)`, reusing the parsed entries that did not change."""
    if len(text) < MIN_TEXT_CHARS:
        return yaml.load(text, Loader=SafeLoader)
    lines = text.split("\n")
    try:
        blocks = split(lines, 0, len(lines), 0, 0)
    except Unsplittable:
        return yaml.load(text, Loader=SafeLoader)
    cache = _read_cache(path)
    fresh: dict[bytes, Any] = {}
    try:
        value = _assemble(lines, blocks, cache, fresh)
    except (yaml.YAMLError, Unsplittable):
        return yaml.load(text, Loader=SafeLoader)  # errors are reported from the whole text
    if path is not None and fresh.keys() != cache.keys():
        _write_cache(path, fresh)
    return value


# -- cutting -----------------------------------------------------------------------------


def split(lines: list[str], start: int, end: int, indent: int, depth: int) -> tuple[Block, ...]:
    """The entries of the block mapping in `lines[start:end]` whose keys sit at `indent`."""
    starts = [i for i in range(start, end) if _starts_entry(lines[i], indent)]
    if not starts or _has_content_before(lines, start, starts[0]):
        raise Unsplittable("content before the first key")
    bounds = [*starts, end]
    return tuple(
        _block(lines, begin, finish, indent, depth) for begin, finish in itertools.pairwise(bounds)
    )


def _starts_entry(line: str, indent: int) -> bool:
    """A line that begins a sibling entry: exactly `indent` spaces, then a key."""
    if len(line) <= indent or line[indent] in " #\r" or line[:indent].strip(" "):
        return False
    if line[: indent + 1].startswith("\t") or "\t" in line[:indent]:
        raise Unsplittable("tab in indentation")
    head = line[indent:]
    if head[0] == "-" and (len(head) == 1 or head[1] in " \r"):
        return False  # an item of a sequence that is the previous entry's value
    if head.startswith(("? ", "---", "...", "%")) or head in ("?", "?\r"):
        raise Unsplittable("complex key, directive or document marker")
    return True


def _has_content_before(lines: list[str], start: int, first: int) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in lines[start:first])


def _block(lines: list[str], begin: int, end: int, indent: int, depth: int) -> Block:
    size = sum(len(line) for line in lines[begin:end])
    child_indent = _nested_mapping_indent(lines, begin, end, indent)
    if depth + 1 >= MAX_DEPTH or size < MIN_SPLIT_CHARS or child_indent is None:
        return Block(begin, end, indent)
    try:
        children = split(lines, begin + 1, end, child_indent, depth + 1)
    except Unsplittable:
        return Block(begin, end, indent)
    return Block(begin, end, indent, children)


def _nested_mapping_indent(lines: list[str], begin: int, end: int, indent: int) -> int | None:
    """The indentation of the entry's value when it is a block mapping on the next lines
    (`key:` alone on its line), else None."""
    key_line = lines[begin].rstrip("\r")
    if not key_line.endswith(":") or "#" in key_line or key_line.lstrip().startswith(("'", '"')):
        return None
    for line in lines[begin + 1 : end]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        child = len(line) - len(line.lstrip(" "))
        is_item = stripped == "-" or stripped.startswith("- ")
        return child if child > indent and not is_item else None
    return None


# -- parsing and caching -----------------------------------------------------------------


def _assemble(
    lines: list[str], blocks: tuple[Block, ...], cache: dict[bytes, Any], fresh: dict[bytes, Any]
) -> dict[Any, Any]:
    mapping: dict[Any, Any] = {}
    for block in blocks:
        if block.children is None:
            key, value = _entry(_text(lines, block), block.indent, cache, fresh)
        else:
            key, _ = _entry(lines[block.start], block.indent, cache, fresh)
            value = _assemble(lines, block.children, cache, fresh)
        mapping[key] = value  # a repeated key: the later value wins, as in a whole parse
    return mapping


def _text(lines: list[str], block: Block) -> str:
    """The entry's text as it stands in the document, line break included: a block scalar
    at its end keeps (or chomps) the same final line break as in a whole parse."""
    text = "\n".join(lines[block.start : block.end])
    return text + "\n" if block.end < len(lines) else text


def _entry(
    text: str, indent: int, cache: dict[bytes, Any], fresh: dict[bytes, Any]
) -> tuple[Any, Any]:
    """Parse one `key: value` entry (from cache when its text was seen before)."""
    digest = hashlib.blake2b(f"{indent}\0{text}".encode(), digest_size=16).digest()
    if digest in cache:
        parsed = fresh[digest] = cache[digest]
    else:
        parsed = yaml.load(_dedent(text, indent), Loader=SafeLoader)
        if not isinstance(parsed, dict) or len(parsed) != 1:
            raise Unsplittable("an entry did not parse as one key")
        if _marshallable(parsed):
            fresh[digest] = parsed
    ((key, value),) = parsed.items()
    return key, value


def _dedent(text: str, indent: int) -> str:
    if not indent:
        return text
    return "\n".join(
        line[indent:] if line[:indent].isspace() else line.lstrip(" ") for line in text.split("\n")
    )


def _marshallable(value: Any) -> bool:
    """Dates and other non-JSON values that YAML may produce cannot be cached as marshal."""
    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True


def _cache_path(path: Path) -> str:
    key = hashlib.sha256(os.path.realpath(path).encode()).hexdigest()[:32]
    return os.path.join(fastpath.cache_dir(), "parse", f"{key}.marshal")


def _read_cache(path: Path | None) -> dict[bytes, Any]:
    if path is None:
        return {}
    data = fastpath.read_bytes(_cache_path(path))
    try:
        stored = marshal.loads(data) if data else None
    except (ValueError, EOFError, TypeError):
        return {}
    if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != CACHE_FORMAT:
        return {}
    entries = stored[1]
    return entries if isinstance(entries, dict) else {}


def _write_cache(path: Path, entries: dict[bytes, Any]) -> None:
    """Only this text's entries are kept, so the file stays the size of one parse."""
    target = _cache_path(path)
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        temporary = f"{target}.{os.getpid()}.tmp"
        with open(temporary, "wb") as stream:
            marshal.dump((CACHE_FORMAT, entries), stream)
        os.replace(temporary, target)
        fastpath.prune(os.path.dirname(target), MAX_CACHE_FILES)
    except OSError:
        return  # a cache that cannot be written only makes the next run slower


# -- compiled templates ------------------------------------------------------------------


def template_cache() -> jinja2.BytecodeCache:
    """Jinja's own bytecode cache (keyed by template name and source checksum, invalidated by
    Jinja and Python versions), made best effort: compiling the templates costs 0.1 s a run."""
    import jinja2

    class _BestEffortCache(jinja2.FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                os.makedirs(self.directory, exist_ok=True)
                super().dump_bytecode(bucket)
            except OSError:
                return

    return _BestEffortCache(os.path.join(fastpath.cache_dir(), "templates"))
