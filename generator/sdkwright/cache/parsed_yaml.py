"""Parsing a large YAML spec again after a small edit: only the entries that changed.

libyaml parses Stripe's 4 MB spec in about 1.8 s, more than everything else a regeneration
does after a one-field change. Specs are block-style mappings whose big parts (`paths`,
`components/schemas`) are long lists of independent entries, so the text is cut into those
entries (a line indented exactly like its siblings starts the next one), each entry is parsed
on its own, and the parsed values are cached by the hash of their text. After an edit, only
the entries whose text changed are parsed again; the others come from the spec file's entry in
the local cache (`cache/store.py`), which loads in milliseconds. A stale entry is never used
(each is keyed by the hash of its text), and the cache is optional: one that cannot be read or
written only makes a run slower.

A cut that is not a clean YAML boundary makes some entry unparseable on its own: a quoted or
flow scalar left open, an alias whose anchor is in another entry. Then, and for documents with
directives, document markers, complex keys or tabs in indentation, the whole text is parsed at
once exactly as before. Both ways give equal values (tests compare them on real specs).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import marshal
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sdkwright import forked
from sdkwright.cache.store import Store, path_key
from sdkwright.spec import yamlcore
from sdkwright.spec.yamlcore import SpecLoader

# Smaller texts parse faster than the cache loads; entries smaller than this stay whole.
MIN_TEXT_CHARS = 256 * 1024
MIN_SPLIT_CHARS = 16 * 1024
MAX_DEPTH = 3
MAX_CACHE_FILES = 64
CACHE_FORMAT = f"sdkwright parsed yaml 3, pyyaml {yaml.__version__} {SpecLoader.__mro__[1].__name__} YAML 1.2 core"


class Unsplittable(Exception):
    """The text's layout is not one this module can cut safely."""


@dataclass(frozen=True)
class Block:
    """One mapping entry: `text[start:end]`, its key at column `indent`. `children` is set
    when the entry's value is a mapping that was cut further."""

    start: int
    end: int
    indent: int
    children: tuple[Block, ...] | None = None


def load_yaml(text: str, path: Path | None = None) -> Any:
    """`yamlcore.load(text)`, reusing the parsed entries that did not change."""
    if len(text) < MIN_TEXT_CHARS:
        return yamlcore.load(text)
    try:
        blocks = split(text, 0, len(text), 0, 0)
    except Unsplittable:
        return yamlcore.load(text)
    cache = _read_cache(path)
    fresh: dict[bytes, Any] = {}
    try:
        cache = _parse_ahead(text, blocks, cache)
        value = _assemble(text, blocks, cache, fresh)
    except (yaml.YAMLError, Unsplittable):
        return yamlcore.load(text)  # errors are reported from the whole text
    if path is not None and fresh.keys() != cache.keys():
        _write_cache(path, fresh)
    return value


# -- cutting -----------------------------------------------------------------------------
# Regular expressions over the whole text: a Python loop over Stripe's 100,000 lines, three
# levels deep, costs a fifth of the parse the cache saves.

_CONTENT_LINE = re.compile(r"^( *)([^ \r\n#])", re.MULTILINE)  # not blank, not a comment
# Line-start patterns are anchored on "\n", not on a multi-line "^": the regex engine tries
# "^" at every character, five times slower on a 4 MB text. The first line is matched apart.
_FORBIDDEN = r"(?:%|---|\.\.\.|\?[ \r\n]|\?$| *\t)"  # directive, marker, complex key, tab


@functools.cache
def _line_patterns(body: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`body` at the start of the region's first line, and after any line break."""
    return re.compile(body), re.compile("\n" + body)


def _line_starts(body: str, text: str, start: int, end: int) -> list[int]:
    """Where lines matching `body` start in `text[start:end]` (`start` begins a line)."""
    first, rest = _line_patterns(body)
    found = [start] if first.match(text, start, end) else []
    return found + [m.start() + 1 for m in rest.finditer(text, start, end)]


def _entry_line(indent: int) -> str:
    """A line that begins a sibling entry at `indent`; a sequence item (`- `) at that column
    belongs to the previous entry's value."""
    return rf" {{{indent}}}(?=[^ \t\r\n#])(?!-(?:[ \r\n]|$))"


def split(text: str, start: int, end: int, indent: int, depth: int) -> tuple[Block, ...]:
    """The entries of the block mapping in `text[start:end]` whose keys sit at `indent`."""
    if depth == 0 and _line_starts(_FORBIDDEN, text, start, end):
        raise Unsplittable("a directive, document marker, complex key or tab indentation")
    starts = _line_starts(_entry_line(indent), text, start, end)
    first_content = _CONTENT_LINE.search(text, start, end)
    if not starts or first_content is None or first_content.start() < starts[0]:
        raise Unsplittable("content before the first key")
    bounds = [*starts, end]
    return tuple(
        _block(text, begin, finish, indent, depth) for begin, finish in itertools.pairwise(bounds)
    )


def _block(text: str, begin: int, end: int, indent: int, depth: int) -> Block:
    child_indent = _nested_mapping_indent(text, begin, end, indent)
    if depth + 1 >= MAX_DEPTH or end - begin < MIN_SPLIT_CHARS or child_indent is None:
        return Block(begin, end, indent)
    try:
        children = split(text, _line_end(text, begin, end), end, child_indent, depth + 1)
    except Unsplittable:
        return Block(begin, end, indent)
    return Block(begin, end, indent, children)


def _line_end(text: str, begin: int, end: int) -> int:
    """Where the line after the one at `begin` starts (or `end`)."""
    found = text.find("\n", begin, end)
    return end if found < 0 else found + 1


def _nested_mapping_indent(text: str, begin: int, end: int, indent: int) -> int | None:
    """The indentation of the entry's value when it is a block mapping on the next lines
    (`key:` alone on its line), else None."""
    after = _line_end(text, begin, end)
    key_line = text[begin:after].rstrip("\r\n")
    if not key_line.endswith(":") or "#" in key_line or key_line.lstrip().startswith(("'", '"')):
        return None
    child = _CONTENT_LINE.search(text, after, end)
    if child is None:
        return None
    child_indent = len(child.group(1))
    line = text[child.start(2) : _line_end(text, child.start(2), end)].rstrip("\r\n")
    is_item = line == "-" or line.startswith("- ")
    return child_indent if child_indent > indent and not is_item else None


# -- parsing and caching -----------------------------------------------------------------


def _assemble(
    text: str, blocks: tuple[Block, ...], cache: dict[bytes, Any], fresh: dict[bytes, Any]
) -> dict[Any, Any]:
    mapping: dict[Any, Any] = {}
    for block in blocks:
        if block.children is None:
            # The entry as it stands in the document, line break included: a block scalar at
            # its end keeps (or chomps) the same final line break as in a whole parse.
            key, value = _parse_entry(text[block.start : block.end], block.indent, cache, fresh)
        else:
            key_line = text[block.start : _line_end(text, block.start, block.end)]
            key, _ = _parse_entry(key_line, block.indent, cache, fresh)
            value = _assemble(text, block.children, cache, fresh)
        mapping[key] = value  # a repeated key: the later value wins, as in a whole parse
    return mapping


def _parse_entry(
    text: str, indent: int, cache: dict[bytes, Any], fresh: dict[bytes, Any]
) -> tuple[Any, Any]:
    """Parse one `key: value` entry (from cache when its text was seen before)."""
    digest = _digest(text, indent)
    if digest in cache:
        parsed = fresh[digest] = cache[digest]
    else:
        parsed = _parse_one(text, indent)
        if _marshallable(parsed):
            fresh[digest] = parsed
    ((key, value),) = parsed.items()
    return key, value


def _digest(text: str, indent: int) -> bytes:
    return hashlib.blake2b(f"{indent}\0{text}".encode(), digest_size=16).digest()


def _parse_one(text: str, indent: int) -> dict[Any, Any]:
    parsed = yamlcore.load(_dedent(text, indent))
    if not isinstance(parsed, dict) or len(parsed) != 1:
        raise Unsplittable("an entry did not parse as one key")
    return parsed


# -- both cores ----------------------------------------------------------------------------
# With the cache cold (a first generation, or an edit of most of the spec), the entries are
# independent parses: a forked child parses a half while this process parses the other, and
# sends its values back as marshal, which loads in a hundredth of the parse. Below this much
# text to parse, forking and sending cost more than the half saves.
MIN_PARALLEL_CHARS = 512 * 1024

Entry = tuple[bytes, str, int]  # digest, text, indentation


def _parse_ahead(text: str, blocks: tuple[Block, ...], cache: dict[bytes, Any]) -> dict[bytes, Any]:
    """`cache` with the values of the entries it lacks, parsed on both cores where that pays
    (else `cache` as it is: `_assemble` parses what is missing). Never fails: an entry that
    does not parse is left to `_assemble`, which reports it as the serial path does."""
    missing = [entry for entry in _entries(text, blocks) if entry[0] not in cache]
    if sum(len(entry[1]) for entry in missing) < MIN_PARALLEL_CHARS:
        return cache
    mine, theirs = forked.halves(missing, lambda entry: len(entry[1]))
    child = forked.fork(lambda: marshal.dumps(_parse_all(theirs)))
    if child is None:
        return cache
    try:
        parsed = _parse_all(mine)
        data = child.result()
    finally:
        child.close()
    if data is not None:
        parsed |= marshal.loads(data)
    return {**cache, **parsed}


def _entries(text: str, blocks: tuple[Block, ...]) -> list[Entry]:
    """The entries `_assemble` parses whole (not the key lines of those cut further)."""
    found = []
    for block in blocks:
        if block.children is None:
            entry = text[block.start : block.end]
            found.append((_digest(entry, block.indent), entry, block.indent))
        else:
            found += _entries(text, block.children)
    return found


def _parse_all(entries: list[Entry]) -> dict[bytes, Any]:
    """The marshallable values of the entries that parse as one key each."""
    parsed = {}
    for digest, entry, indent in entries:
        try:
            value = _parse_one(entry, indent)
        except (yaml.YAMLError, Unsplittable):
            continue  # `_assemble` parses it again and fails as the serial path does
        if _marshallable(value):
            parsed[digest] = value
    return parsed


def _dedent(text: str, indent: int) -> str:
    """Up to `indent` leading spaces off every line (blank and comment lines may have fewer)."""
    return _dedent_pattern(indent).sub("", text) if indent else text


@functools.cache
def _dedent_pattern(indent: int) -> re.Pattern[str]:
    return re.compile(rf"^ {{0,{indent}}}", re.MULTILINE)


def _marshallable(value: Any) -> bool:
    """Dates and other non-JSON values that YAML may produce cannot be cached as marshal."""
    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True


def _store() -> Store:
    return Store.local("parse", CACHE_FORMAT, MAX_CACHE_FILES)


def _read_cache(path: Path | None) -> dict[bytes, Any]:
    entries = _store().load(path_key(str(path))) if path is not None else None
    return entries if isinstance(entries, dict) else {}


def _write_cache(path: Path, entries: dict[bytes, Any]) -> None:
    """Only this text's entries are kept, so the entry stays the size of one parse."""
    _store().save(path_key(str(path)), entries)
