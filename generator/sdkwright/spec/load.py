"""Read spec files (YAML or JSON) into Python values, keeping the text for locations.

YAML goes through libyaml's CSafeLoader (pure-Python SafeLoader where libyaml is missing),
with YAML 1.2's core schema (generator/yamlcore.py): the C loader parses Stripe's 4 MB spec
about five times faster. Line and column numbers are only needed when something is
reported, so they are computed lazily, by composing the text once more (see
`Document.position`), instead of slowing every load down.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from sdkwright.cache import parsed_yaml
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location
from sdkwright.spec.yamlcore import SpecLoader

JSON_SUFFIXES = frozenset({".json"})
# An anchor (`&name`) where YAML allows one; only then can values be shared by aliases.
_YAML_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s,\[\]{}]+", re.MULTILINE)


def has_yaml_anchor(text: str) -> bool:
    """`_YAML_ANCHOR.search(text)`, tried only just before each `&`: the search alone tries
    every position of the text, 0.18 s on Stripe's 4 MB spec (which has three `&`)."""
    at = text.find("&")
    while at >= 0:
        if _YAML_ANCHOR.match(text, max(at - 1, 0)):
            return True
        at = text.find("&", at + 1)
    return False


@dataclass(frozen=True, eq=False)
class Document:
    """One parsed spec file."""

    path: Path
    text: str
    data: Any
    display_name: str = field(default="")
    url: str = ""  # set for a remote document (relative refs in it resolve against the URL)
    notes: tuple[Diagnostic, ...] = ()  # warnings found while loading

    @property
    def name(self) -> str:
        return self.display_name or str(self.path)

    def positions(self, pointers: Iterable[str]) -> dict[str, tuple[int, int]]:
        """Line and column (1-based) of the value at each pointer, or of its nearest parent.

        One pass over the parser's events for any number of pointers: cheaper than building
        a node tree (Stripe's spec: 0.25 s against 1.2 s), and only done when reporting.
        """
        wanted = {p or "" for p in pointers}
        prefixes = {prefix for p in wanted for prefix in _prefixes(p)}
        found = _event_positions(self.text, prefixes)
        return {p: _nearest(p, found) for p in wanted}

    def position(self, pointer: str) -> tuple[int, int]:
        return self.positions([pointer])[pointer or ""]

    def location(self, pointer: str) -> Location:
        """A location whose line and column are filled in later, by `locate`."""
        return Location(self.name, 0, 0, pointer or "/")


def _prefixes(pointer: str) -> Iterator[str]:
    tokens = pointer.split("/")
    for end in range(1, len(tokens) + 1):
        yield "/".join(tokens[:end])


def _nearest(pointer: str, found: dict[str, tuple[int, int]]) -> tuple[int, int]:
    for prefix in reversed(list(_prefixes(pointer))):
        if prefix in found:
            return found[prefix]
    return (1, 1)


@dataclass
class _Frame:
    pointer: str
    is_mapping: bool
    expecting_key: bool = True
    key: str = ""
    index: int = 0

    def child_pointer(self) -> str:
        token = self.key if self.is_mapping else str(self.index)
        return self.pointer + "/" + escape_token(token)

    def value_done(self) -> None:
        if self.is_mapping:
            self.expecting_key = True
        else:
            self.index += 1


def _event_positions(text: str, wanted: set[str]) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    stack: list[_Frame] = []
    try:
        for event in yaml.parse(text, Loader=SpecLoader):
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                if stack:
                    stack[-1].value_done()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            top = stack[-1] if stack else None
            if top is not None and top.is_mapping and top.expecting_key:
                top.key = str(getattr(event, "value", ""))
                top.expecting_key = False
                if isinstance(event, yaml.CollectionStartEvent):  # a complex key: skip it
                    stack.append(_Frame("\0", isinstance(event, yaml.MappingStartEvent)))
                continue
            pointer = top.child_pointer() if top is not None else ""
            mark = event.start_mark
            if pointer in wanted and mark is not None:
                found[pointer] = (mark.line + 1, mark.column + 1)
                if len(found) == len(wanted):
                    return found
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append(_Frame(pointer, isinstance(event, yaml.MappingStartEvent)))
            elif top is not None:
                top.value_done()
    except yaml.YAMLError:
        pass
    return found


def locate(diagnostics: list[Diagnostic], documents: Iterable[Document]) -> list[Diagnostic]:
    """Fill in line and column for diagnostics that only know their file and pointer."""
    by_name = {d.name: d for d in documents}
    pending: dict[str, set[str]] = {}
    for diagnostic in diagnostics:
        where = diagnostic.location
        if where is not None and where.line == 0 and where.file in by_name:
            pending.setdefault(where.file, set()).add(_raw_pointer(where.pointer))
    positions = {name: by_name[name].positions(pointers) for name, pointers in pending.items()}
    return [_located(d, positions) for d in diagnostics]


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


def escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def split_pointer(pointer: str) -> list[str]:
    if pointer in ("", "/"):
        return []
    return [unescape_token(t) for t in pointer.lstrip("/").split("/")]


def join_pointer(pointer: str, *tokens: str | int) -> str:
    # Called for every node the IR builder visits: escaping only when needed is 3x faster.
    base = "" if pointer == "/" else pointer
    for token in tokens:
        text = token if type(token) is str else str(token)
        if "~" in text or "/" in text:
            text = escape_token(text)
        base = f"{base}/{text}"
    return base


@dataclass(frozen=True)
class Limits:
    """What a spec may cost before sdkwright refuses it, instead of hanging or crashing.

    Real specs stay far below: Stripe's is 4 MB, about 600,000 values, 40 levels deep.
    """

    max_bytes: int = 32 * 1024 * 1024
    max_depth: int = 200
    max_values: int = 5_000_000  # counted with YAML aliases expanded ("billion laughs")


DEFAULT_LIMITS = Limits()


def load_document(path: Path, display_name: str = "", limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse one file; a problem becomes a GenerationFailed carrying a located diagnostic."""
    name = display_name or str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise GenerationFailed([_too_big(size, limits, name)])
        raw = path.read_bytes()
    except OSError as error:
        raise GenerationFailed(
            [_error("load.unreadable", f"cannot read spec: {error.strerror}", Location(name, 1, 1))]
        ) from None
    return parse_document(
        raw, path, name, is_json=path.suffix.lower() in JSON_SUFFIXES, limits=limits
    )


def parse_document(
    raw: bytes, path: Path, name: str, *, is_json: bool, limits: Limits = DEFAULT_LIMITS
) -> Document:
    if len(raw) > limits.max_bytes:
        raise GenerationFailed([_too_big(len(raw), limits, name)])
    text = _decode(raw, name)
    may_share = not is_json and has_yaml_anchor(text)
    # Large YAML without anchors is parsed entry by entry, unchanged entries from a cache
    # (cache/parsed_yaml.py); anchors keep the one-pass parse, whose sharing check_shape sees.
    cache_key = None if may_share else path
    data = _parse_json(text, name) if is_json else _parse_yaml(text, name, cache_key)
    document = Document(path=path, text=text, data=data, display_name=name)
    problem = check_shape(data, limits, may_share=may_share)
    if problem is not None:
        code, message, pointer = problem
        raise GenerationFailed(
            locate(
                [_error(code, message, document.location(pointer), _LIMIT_HINTS[code])], [document]
            )
        )
    if is_json:
        return document
    odd_keys = stringify_keys(data)
    notes = [
        _odd_key_note(document, pointer, key)
        for pointer, key in odd_keys
        if not isinstance(key, int) or isinstance(key, bool)
    ]
    return replace(document, notes=tuple(locate(notes, [document])))


def stringify_keys(data: Any) -> list[tuple[str, object]]:
    """Make every mapping key a string, as JSON and OpenAPI require: YAML reads `200:` as an
    integer and `true:` as a boolean. Returns (pointer, original key) for each key changed."""
    changed: list[tuple[str, object]] = []
    seen: set[int] = set()
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, pointer = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, dict) and not all(type(key) is str for key in value):
            items = list(value.items())
            value.clear()
            for key, item in items:
                text = key if type(key) is str else _key_text(key)
                if text is not key:
                    changed.append((join_pointer(pointer, text), key))
                value[text] = item
        stack.extend((child, join_pointer(pointer, token)) for token, child in _containers(value))
    return changed


def _key_text(key: object) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    return "null" if key is None else str(key)


def _odd_key_note(document: Document, pointer: str, key: object) -> Diagnostic:
    message = f"the key {key!r} is not a string; read as '{_key_text(key)}'"
    hint = "quote the key if the text is what you meant"
    return Diagnostic(
        Level.WARNING, "load.non-string-key", message, document.location(pointer), hint
    )


_LIMIT_HINTS = {
    "limit.depth": "a real spec is rarely nested more than 40 levels; flatten it with named components",
    "limit.values": "YAML anchors and aliases expand to too much data; a spec that needs this is probably hostile",
    "limit.alias-cycle": "an alias inside its own anchor makes an infinite document; use a $ref instead",
}


def _too_big(size: int, limits: Limits, name: str) -> Diagnostic:
    message = f"the spec is {size / 1_048_576:.1f} MiB, over the {limits.max_bytes / 1_048_576:.0f} MiB limit"
    return _error(
        "limit.size",
        message,
        Location(name, 1, 1),
        "split it into files joined by $ref, or raise the limit",
    )


def check_shape(
    data: Any, limits: Limits, *, may_share: bool = True
) -> tuple[str, str, str] | None:
    """(code, message, pointer) when the document is too deep, too large once YAML aliases
    are expanded, or contains itself; None when it is fine. One pass over distinct values.

    Without YAML anchors (`may_share=False`) values cannot be shared, and a plain depth walk,
    three times cheaper, is enough.
    """
    if not may_share:
        return _check_depth(data, limits)
    measured: dict[int, tuple[int, int]] = {}  # id -> (depth, values with aliases expanded)
    in_progress: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        value, children_done = stack.pop()
        key = id(value)
        if key in measured:
            continue
        children = _containers(value)
        if not children_done:
            if key in in_progress:
                return (
                    "limit.alias-cycle",
                    "the document contains itself through a YAML alias",
                    _path_to(data, value),
                )
            in_progress.add(key)
            stack.append((value, True))
            stack.extend((child, False) for _, child in children if id(child) not in measured)
            continue
        in_progress.discard(key)
        if any(id(child) not in measured for _, child in children):
            return (
                "limit.alias-cycle",
                "the document contains itself through a YAML alias",
                _path_to(data, value),
            )
        depth = 1 + max((measured[id(child)][0] for _, child in children), default=0)
        size = 1 + len(value) + sum(measured[id(child)][1] for _, child in children)
        measured[key] = (depth, size)
        if depth > limits.max_depth:
            return (
                "limit.depth",
                f"the document is nested more than {limits.max_depth} levels deep",
                _path_to(data, value),
            )
        if size > limits.max_values:
            return (
                "limit.values",
                f"the document expands to more than {limits.max_values:,} values",
                _path_to(data, value),
            )
    return None


def _check_depth(data: Any, limits: Limits) -> tuple[str, str, str] | None:
    """Level by level, without pointers: only a failure needs one (found afterwards)."""
    level = [data] if isinstance(data, (dict, list)) else []
    depth = 1
    while level:
        if depth > limits.max_depth:
            return (
                "limit.depth",
                f"the document is nested more than {limits.max_depth} levels deep",
                _path_to(data, level[0]),
            )
        level = [
            child
            for value in level
            for child in (value.values() if isinstance(value, dict) else value)
            if isinstance(child, (dict, list))
        ]
        depth += 1
    return None


def _containers(value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [(str(k), v) for k, v in value.items() if isinstance(v, (dict, list))]
    if isinstance(value, list):
        return [(str(i), v) for i, v in enumerate(value) if isinstance(v, (dict, list))]
    return []


def _path_to(root: Any, target: Any) -> str:
    """A JSON pointer to `target` (the first found, breadth first; "" when it is the root)."""
    queue: list[tuple[Any, str]] = [(root, "")]
    seen: set[int] = set()
    while queue:
        value, pointer = queue.pop(0)
        if value is target:
            return pointer
        if id(value) in seen:
            continue
        seen.add(id(value))
        queue.extend((child, join_pointer(pointer, token)) for token, child in _containers(value))
    return ""


def _error(code: str, message: str, location: Location, hint: str = "") -> Diagnostic:
    return Diagnostic(Level.ERROR, code, message, location, hint)


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        location = Location(name, line, column)
        raise GenerationFailed(
            [
                _error(
                    "load.encoding",
                    f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
                    location,
                    "save the spec as UTF-8",
                )
            ]
        ) from None


def _too_deep(name: str) -> GenerationFailed:
    return GenerationFailed(
        [
            _error(
                "limit.depth",
                "the document is nested too deeply to parse",
                Location(name, 1, 1),
                _LIMIT_HINTS["limit.depth"],
            )
        ]
    )


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise _too_deep(name) from None
    except json.JSONDecodeError as error:
        location = Location(name, error.lineno, error.colno)
        raise GenerationFailed(
            [_error("load.json-syntax", f"invalid JSON: {error.msg}", location)]
        ) from None


def _parse_yaml(text: str, name: str, cache_key: Path | None = None) -> Any:
    try:
        if cache_key is not None:
            return parsed_yaml.load_yaml(text, cache_key)
        return yaml.load(text, Loader=SpecLoader)
    except RecursionError:
        raise _too_deep(name) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        location = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name, 1, 1)
        problem = error.problem or error.context or "syntax error"
        raise GenerationFailed(
            [_error("load.yaml-syntax", f"invalid YAML: {problem}", location)]
        ) from None
    except yaml.reader.ReaderError as error:
        # libyaml refuses some characters (NUL, other controls) before parsing anything.
        before = text[: error.position]
        location = Location(name, before.count("\n") + 1, error.position - before.rfind("\n"))
        message = f"invalid YAML: character {error.character!r} is not allowed"
        hint = "remove the control character (YAML allows tabs, newlines and printable text)"
        raise GenerationFailed([_error("load.yaml-syntax", message, location, hint)]) from None
    except yaml.YAMLError as error:
        raise GenerationFailed(
            [_error("load.yaml-syntax", f"invalid YAML: {error}", Location(name, 1, 1))]
        ) from None
