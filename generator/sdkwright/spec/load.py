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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from sdkwright.cache import parsed_yaml
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location
from sdkwright.spec import invisible, positions, values, yamlcore
from sdkwright.spec.keys import key_text
from sdkwright.spec.keys import stringify_keys as stringify_keys  # re-exported, as before
from sdkwright.spec.locate import locate
from sdkwright.spec.pointers import escape_token as escape_token  # re-exported, as before
from sdkwright.spec.pointers import join_pointer
from sdkwright.spec.pointers import split_pointer as split_pointer
from sdkwright.spec.pointers import unescape_token as unescape_token

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
    # Set when overlays changed `data`: pointer -> the document and pointer it was written at.
    origin: Callable[[str], tuple[Document, str]] | None = None

    @property
    def name(self) -> str:
        return self.display_name or str(self.path)

    def positions(self, pointers: Iterable[str]) -> dict[str, tuple[int, int]]:
        """Line and column (1-based) of the value at each pointer, or of its nearest parent.

        One pass over the parser's events for any number of pointers: cheaper than building
        a node tree (Stripe's spec: 0.25 s against 1.2 s), and only done when reporting.
        """
        return positions.positions(values.position_text(self.text), pointers)

    def position(self, pointer: str) -> tuple[int, int]:
        return self.positions([pointer])[pointer or ""]

    def location(self, pointer: str) -> Location:
        """A location whose line and column are filled in later, by `locate`."""
        return Location(self.name, 0, 0, pointer or "/")


@dataclass(frozen=True)
class Limits:
    """What a spec may cost before sdkwright refuses it, instead of hanging or crashing.

    Real specs stay far below: Stripe's is 4 MB, under 200,000 values, 40 levels deep.
    """

    max_bytes: int = 32 * 1024 * 1024
    max_depth: int = 200
    # Containers and their entries, counted with YAML aliases expanded ("billion laughs").
    max_values: int = 2_000_000
    max_ref_hops: int = 64  # a $ref to a $ref to ...: real specs use two or three


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
    _check_size_unparsed(text, name, limits)
    may_share = not is_json and has_yaml_anchor(text)
    # Large YAML without anchors is parsed entry by entry, unchanged entries from a cache
    # (cache/parsed_yaml.py); anchors keep the one-pass parse, whose sharing check_shape sees.
    cache_key = None if may_share else path
    noted = values.noted()
    try:
        data, suspect = _parse_json(text, name) if is_json else _parse_yaml(text, name, cache_key)
    except RecursionError:
        raise _too_deep(name, text, limits) from None
    document = Document(path=path, text=text, data=data, display_name=name)
    problem = check_shape(data, limits, may_share=may_share)
    if problem is not None:
        code, message, pointer = problem
        raise GenerationFailed(
            locate(
                [_error(code, message, document.location(pointer), _LIMIT_HINTS[code])], [document]
            )
        )
    notes: list[Diagnostic] = []
    if suspect or values.noted() != noted:
        document, notes = _json_values(document)
    if not is_json:
        notes += [
            _odd_key_note(document, pointer, key)
            for pointer, key in stringify_keys(document.data)
            if not isinstance(key, int) or isinstance(key, bool)
        ]
    if invisible.may_hold_invisible(text):
        notes += [
            Diagnostic(
                Level.WARNING,
                invisible.CODE,
                f"invisible format character: {found}",
                document.location(pointer),
                invisible.HINT,
            )
            for pointer, found in invisible.places(document.data)
        ]
    return replace(document, notes=tuple(locate(notes, [document]))) if notes else document


def _json_values(document: Document) -> tuple[Document, list[Diagnostic]]:
    """The document with JSON values only, and a warning for each value made one
    (values.py); a GenerationFailed for those refused."""
    data, findings = values.check(document.data)
    notes = [
        Diagnostic(
            Level.ERROR if f.is_error else Level.WARNING,
            f.code,
            f.message,
            document.location(f.pointer),
            _VALUE_HINTS[f.code],
        )
        for f in findings
    ]
    if any(n.level is Level.ERROR for n in notes):
        raise GenerationFailed(locate(notes, [document]))
    return replace(document, data=data), notes


def _odd_key_note(document: Document, pointer: str, key: object) -> Diagnostic:
    message = f"the key {key!r} is not a string; read as '{key_text(key)}'"
    hint = "quote the key if the text is what you meant"
    return Diagnostic(
        Level.WARNING, "load.non-string-key", message, document.location(pointer), hint
    )


_VALUE_HINTS = {
    "limit.number": "write the number as a string, or give a shorter one; no real API needs it",
    "load.yaml-tag": "remove the tag: an OpenAPI document is JSON, whose types are text, numbers, booleans, null, lists and mappings",
    "load.surrogate": "write the character itself, or a pair of escapes (\\ud83d\\ude00 for one emoji)",
}
_LIMIT_HINTS = {
    "limit.depth": "a real spec is rarely nested more than 40 levels; flatten it with named components",
    "limit.values": "Stripe's spec holds under 200,000 values; a document this large (often through YAML aliases) is probably hostile",
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
            return _too_many_values(limits, _path_to(data, value))
    return None


def _check_depth(data: Any, limits: Limits) -> tuple[str, str, str] | None:
    """Level by level, without pointers: only a failure needs one (found afterwards)."""
    level = [data] if isinstance(data, (dict, list)) else []
    depth, size = 1, 0
    while level:
        if depth > limits.max_depth:
            return (
                "limit.depth",
                f"the document is nested more than {limits.max_depth} levels deep",
                _path_to(data, level[0]),
            )
        size += len(level) + sum(len(value) for value in level)
        if size > limits.max_values:
            return _too_many_values(limits, _path_to(data, level[0]))
        level = [
            child
            for value in level
            for child in (value.values() if isinstance(value, dict) else value)
            if isinstance(child, (dict, list))
        ]
        depth += 1
    return None


def _too_many_values(limits: Limits, pointer: str) -> tuple[str, str, str]:
    return (
        "limit.values",
        f"the document expands to more than {limits.max_values:,} values",
        pointer,
    )


def value_bound(text: str) -> int:
    """At least the values `check_shape` counts in `text` (each brings a separator, a
    bracket or a line of its own), from counts that take milliseconds on 32 MiB."""
    separators = sum(text.count(s) for s in ("\n", ",", "- ", ": ", "[", "{"))
    return 2 * separators + 2


def _check_size_unparsed(text: str, name: str, limits: Limits) -> None:
    """Before parsing: refuse a text that holds more values than the limit (JSON and YAML
    parsers build every one, YAML's a node of some 400 bytes first), counted on the parser's
    event stream, which keeps none. Only texts that could hold that many are counted."""
    if value_bound(text) <= limits.max_values:
        return
    found = positions.too_many_values(values.position_text(text), limits.max_values)
    if found is not None:
        pointer, line, column = found
        message = f"the document holds more than {limits.max_values:,} values"
        location = Location(name, line, column, pointer or "/")
        raise GenerationFailed(
            [_error("limit.values", message, location, _LIMIT_HINTS["limit.values"])]
        )


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


def _too_deep(name: str, text: str, limits: Limits) -> GenerationFailed:
    """The parser ran out of stack: where the text first nests deeper than the limit."""
    found = positions.too_deep(values.position_text(text), limits.max_depth)
    pointer, line, column = found if found is not None else ("", 1, 1)
    message = f"the document is nested more than {limits.max_depth} levels deep"
    location = Location(name, line, column, pointer or "/")
    return GenerationFailed([_error("limit.depth", message, location, _LIMIT_HINTS["limit.depth"])])


def _parse_json(text: str, name: str) -> tuple[Any, bool]:
    try:
        return values.parse_json(text)
    except json.JSONDecodeError as error:
        location = Location(name, error.lineno, error.colno)
        raise GenerationFailed(
            [_error("load.json-syntax", f"invalid JSON: {error.msg}", location)]
        ) from None


def _parse_yaml(text: str, name: str, cache_key: Path | None = None) -> tuple[Any, bool]:
    """The value, and False: values.noted() tells whether the YAML had values to check."""
    try:
        if cache_key is not None:
            return parsed_yaml.load_yaml(text, cache_key), False
        return yamlcore.load(text), False
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
