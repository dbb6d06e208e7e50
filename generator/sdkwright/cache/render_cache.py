"""Rendered files reused across runs, so that a regeneration after a small spec change
renders only what the change touches.

Rendering is the largest part of a regeneration after a one-field change (on GitHub's spec,
0.37 s of render against 0.25 s of IR building), and most of it is per resource group (method
contexts with their samples, then templates) and per definition. Each such render unit is
cached under a key made of everything it reads:

- the run's scope: generator code, templates, flavour, and the Api with its definitions and
  groups left out (title, package, client name, auth...);
- the unit's own context (a definition and its imports; a resource group);
- the definitions it looked up while rendering, recorded by `TrackedDefinitions` and checked
  against their current fingerprints before a unit is reused.

A unit may also leave a value for later renders (a group's method contexts, which README.md
and api.md list): it is kept pickled and unpickled when first used.

A unit renders with nothing else in reach: templates get the Api without its definitions and
groups, and the definitions only through the tracking map. A unit that iterates over every
definition is not cached (it depends on all of them). A cached unit is therefore reused only
when a cold render would give the same text, which tests check on real spec changes.

The cache is one entry per output folder in the local store (`cache/store.py`); the values
units leave are pickles inside it, trusted like the compiled templates beside it. An entry
that cannot be read is an empty cache; one that cannot be written costs only the next run's
time.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from sdkwright.cache.store import Store, load_entry, path_key, save_entry
from sdkwright.ir.nodes import Definition

FORMAT = b"sdkwright render cache 4"  # the store's tag for its entries, and part of every key
MAX_CACHE_FILES = 64
TAG = FORMAT.decode()
_ABSENT = b"absent"


def fingerprint(value: object) -> bytes:
    """Equal for equal IR values in every process: the IR and render contexts are frozen
    dataclasses, tuples, lists, dicts and scalars (no sets, whose order follows the hash
    seed; tests check that fingerprints agree across processes)."""
    return hashlib.sha256(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)).digest()


class TrackedDefinitions(Mapping[str, Definition]):
    """The definitions as one render unit sees them: records the names it reads."""

    def __init__(self, definitions: Mapping[str, Definition]) -> None:
        self._definitions = definitions
        self.names: set[str] = set()
        self.shallow_names: set[str] = set()  # read through `shallow()` only
        self.read_all = False

    def __getitem__(self, name: str) -> Definition:
        self.names.add(name)
        return self._definitions[name]

    def __contains__(self, name: object) -> bool:
        if isinstance(name, str):
            self.names.add(name)
        return name in self._definitions

    def __iter__(self) -> Iterator[str]:
        self.read_all = True
        return iter(self._definitions)

    def __len__(self) -> int:
        self.read_all = True
        return len(self._definitions)

    def shallow(self) -> Mapping[str, Definition]:
        """A view for code that reads only what `shallow_fingerprint` covers (the class
        name, module and kind: enough to import a definition or to know it is a union)."""
        return _ShallowView(self, self._definitions)


class _ShallowView(Mapping[str, Definition]):
    def __init__(self, tracker: TrackedDefinitions, definitions: Mapping[str, Definition]) -> None:
        self._tracker = tracker
        self._definitions = definitions

    def __getitem__(self, name: str) -> Definition:
        self._tracker.shallow_names.add(name)
        return self._definitions[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tracker)

    def __len__(self) -> int:
        return len(self._tracker)


def shallow_fingerprint(definition: Definition) -> bytes:
    return fingerprint((definition.name, definition.module, type(definition).__name__))


Files = dict[str, str]  # relative path -> rendered text
# definition name -> its fingerprint when the unit was rendered; SHALLOW + name for a name
# read through `TrackedDefinitions.shallow()` only
Reads = dict[str, bytes]
SHALLOW = "<"  # never the start of a class name
Render = Callable[[Mapping[str, Definition]], tuple[Files, Any]]
# What the cache file keeps per unit key: files, reads, and the value left, pickled.
Stored = tuple[Files, Reads, bytes]


class Rendered:
    """One unit's files, and the value it left for later renders (unpickled on demand)."""

    def __init__(self, files: Files, value: Any = None, pickled: bytes = b"") -> None:
        self.files = files
        self._value = value
        self._pickled = pickled

    @property
    def value(self) -> Any:
        if self._pickled and self._value is None:
            self._value = pickle.loads(self._pickled)
        return self._value

    def pickled(self) -> bytes:
        """The value as the cache keeps it (b"" for None): how it crosses processes."""
        if not self._pickled and self._value is not None:
            self._pickled = pickle.dumps(self._value, pickle.HIGHEST_PROTOCOL)
        return self._pickled


# A unit's outcome before the cache records it (`RenderCache.outcome`, `RenderCache.adopt`):
# its key, its render (None: the previous run's is still valid) and what it read (None: it
# is not kept, having read every definition).
Outcome = tuple[bytes, Rendered | None, Reads | None]


class RenderCache:
    """Units of the previous run for one output folder, and those of this run."""

    def __init__(self, path: str | None = None, identity: str = "") -> None:
        self._path = path
        self._identity = identity
        self._scope = b""
        self._definitions: Mapping[str, Definition] = {}
        self._fingerprints: dict[str, bytes] = {}
        self._previous: dict[bytes, Stored] = {}
        self._current: dict[bytes, Stored] = {}
        self._dirty = False
        self.reused = 0
        self.rendered = 0

    @classmethod
    def for_output(cls, output: str, identity: str) -> RenderCache:
        """The cache of an output folder; `identity` names the code and templates that render."""
        return cls(Store.local("render", TAG, MAX_CACHE_FILES).path(path_key(output)), identity)

    def begin(self, definitions: Mapping[str, Definition], scope: object) -> None:
        """Start a render of an SDK whose units all read `scope` (see the module docstring)."""
        self._definitions = definitions
        self._scope = fingerprint((FORMAT, self._identity, scope))
        self._fingerprints.clear()
        self._current.clear()
        self._dirty = False
        self.reused = self.rendered = 0
        self._previous = self._load() if self._path is not None else {}

    def unit(self, context: object, render: Render, also_reads: tuple[str, ...] = ()) -> Rendered:
        """`render`'s output for `context`, from the previous run when nothing it read changed.

        `also_reads` names definitions the render sees in full besides those it looks up (the one a
        model's file renders): `context` names them instead of holding them, so that each
        definition is fingerprinted once a run, however many units read it."""
        return self.adopt(*self.outcome(context, render, also_reads))

    def outcome(self, context: object, render: Render, also_reads: tuple[str, ...] = ()) -> Outcome:
        """What `unit` does, but not recorded in this run yet: a forked child works out the
        outcomes of its units and its parent adopts them (`targets/python/parallel.py`)."""
        key = hashlib.sha256(self._scope + fingerprint(context)).digest()
        previous = self._previous.get(key)
        if previous is not None and self._still_valid(previous[1]):
            return key, None, None
        tracked = TrackedDefinitions(self._definitions)
        rendered = Rendered(*render(tracked))
        if tracked.read_all:
            return key, rendered, None
        reads = {name: self._fingerprint(name) for name in tracked.names.union(also_reads)}
        for name in tracked.shallow_names - tracked.names:
            reads[SHALLOW + name] = self._fingerprint(SHALLOW + name)
        return key, rendered, reads

    def adopt(self, key: bytes, rendered: Rendered | None, reads: Reads | None) -> Rendered:
        """Record a unit's outcome in this run; the unit's files and value."""
        if rendered is None:
            previous = self._current[key] = self._previous[key]
            self.reused += 1
            return Rendered(previous[0], pickled=previous[2])
        self.rendered += 1
        if reads is not None:
            self._current[key] = (rendered.files, reads, rendered.pickled())
            self._dirty = True
        return rendered

    def save(self) -> None:
        """Keep this run's units for the next one (only when they differ from the last)."""
        if self._path is None or not (self._dirty or self._current.keys() != self._previous.keys()):
            return
        save_entry(self._path, TAG, self._current, MAX_CACHE_FILES)

    def _load(self) -> dict[bytes, Stored]:
        assert self._path is not None
        units = load_entry(self._path, TAG)  # None: missing, truncated, or of other code
        return units if isinstance(units, dict) else {}

    def _still_valid(self, reads: Reads) -> bool:
        return all(self._fingerprint(name) == seen for name, seen in reads.items())

    def _fingerprint(self, read: str) -> bytes:
        known = self._fingerprints.get(read)
        if known is None:
            shallow = read.startswith(SHALLOW)
            definition = self._definitions.get(read[1:] if shallow else read)
            if definition is None:
                known = _ABSENT
            else:
                known = shallow_fingerprint(definition) if shallow else fingerprint(definition)
            self._fingerprints[read] = known
        return known
