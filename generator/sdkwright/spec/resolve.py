"""$ref resolution across one or many files (JSON Reference semantics).

References are never expanded in place: the IR builder follows them on demand, which keeps
reference cycles finite and lets every node keep the file and pointer it came from.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location
from sdkwright.spec import map_refs, refs
from sdkwright.spec.edits import Change, apply
from sdkwright.spec.load import (
    DEFAULT_LIMITS,
    Document,
    Limits,
    load_document,
)
from sdkwright.spec.locate import locate
from sdkwright.spec.pointers import join_pointer, split_pointer
from sdkwright.spec.ref_files import (
    DocumentKey,
    RefPolicy,
    document_key,
    fetch_document,
    missing_file,
)
from sdkwright.spec.ref_files import RefError as RefError  # re-exported, as before

# The name of a plain-name fragment (`#money`), as JSON Schema 2020-12 allows for $anchor.
_ANCHOR_NAME = re.compile(r"[A-Za-z_][-A-Za-z0-9._]*")

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.spec.overlays import Applied


@dataclass(frozen=True)
class Node:
    """A value in the spec, with where it lives: the base for relative refs and diagnostics."""

    document: Document
    pointer: str
    value: Any

    def child(self, *tokens: str | int) -> Node:
        value = self.value
        for token in tokens:
            value = value[token]
        return Node(self.document, join_pointer(self.pointer, *tokens), value)

    def get(self, key: str) -> Node | None:
        if isinstance(self.value, dict) and key in self.value:
            return self.child(key)
        return None

    @property
    def location(self) -> Location:
        return self.document.location(self.pointer)


class SpecSet:
    """The root document and every file it references, loaded once."""

    def __init__(
        self,
        root: Document,
        documents: dict[DocumentKey, Document],
        policy: RefPolicy | None = None,
    ) -> None:
        self.root = root
        self.documents = documents
        self.policy = policy or RefPolicy(root.path.parent)
        self.overlays: Applied | None = None  # set when overlays were applied to the root
        # Each $ref string is followed once per document: a large spec names the same few
        # schemas thousands of times. Documents are not changed after loading.
        self._targets: dict[tuple[int, str], Node] = {}
        self._anchors: dict[int, dict[str, list[str]]] = {}  # by id(document), when asked
        self.swagger2 = refs.is_swagger2(root.data)

    @property
    def root_node(self) -> Node:
        return Node(self.root, "", self.root.data)

    def with_changes(self, changes: dict[str, list[Change]]) -> SpecSet:
        """A SpecSet whose documents have `changes` (by document name) made, on copies."""
        documents = {
            key: replace(d, data=apply(d.data, changes[d.name])) if d.name in changes else d
            for key, d in self.documents.items()
        }
        root = next(d for key, d in documents.items() if self.documents[key] is self.root)
        changed = SpecSet(root, documents, self.policy)
        changed.overlays = self.overlays
        return changed

    def deref(self, node: Node) -> Node:
        """Follow `$ref` chains from `node` to a value that is not a reference."""
        seen: set[tuple[str, str]] = set()
        while isinstance(node.value, dict) and isinstance(node.value.get("$ref"), str):
            key = (node.document.name, node.pointer)
            if key in seen:
                raise RefError("the reference points back to itself", "break the $ref cycle")
            if len(seen) >= self.policy.limits.max_ref_hops:
                raise chain_too_long(len(seen) + 1, self.policy.limits.max_ref_hops)
            seen.add(key)
            node = self.target(node.value["$ref"], node.document)
        return node

    def parameters(self, owner: Node, locations: tuple[str, ...]) -> list[Node]:
        """The parameter objects of a path item or operation whose `in` is one of
        `locations`, references followed (broken ones are the loader's to report)."""
        parameters = owner.get("parameters")
        if parameters is None or not isinstance(parameters.value, list):
            return []
        found = []
        for index in range(len(parameters.value)):
            try:
                parameter = self.deref(parameters.child(index))
            except RefError:
                continue
            if isinstance(parameter.value, dict) and parameter.value.get("in") in locations:
                found.append(parameter)
        return found

    def target(self, ref: str, base: Document) -> Node:
        key = (id(base), ref)
        found = self._targets.get(key)
        if found is None:
            found = self._targets[key] = self._find_target(ref, base)
        return found

    def _find_target(self, ref: str, base: Document) -> Node:
        file_part, _, fragment = ref.partition("#")
        document = self._document_for(file_part, base)
        pointer = unquote(fragment)
        if pointer and not pointer.startswith("/"):
            return self._anchored(document, pointer, ref)
        value = document.data
        for token in split_pointer(pointer):
            if isinstance(value, dict) and token in value:
                value = value[token]
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value = value[int(token)]
            else:
                where = f" in {document.name}" if document is not base else ""
                raise RefError(
                    f"$ref target '{ref}' does not exist{where}", f"no value at '{pointer}'"
                )
        return Node(document, pointer, value)

    def _anchored(self, document: Document, name: str, ref: str) -> Node:
        """The schema declaring `$anchor: name` (JSON Schema 2020-12, OpenAPI 3.1)."""
        if not _ANCHOR_NAME.fullmatch(name):
            raise RefError(
                f"unsupported reference fragment '#{name}'",
                "use a JSON pointer such as '#/components/schemas/Name', or an $anchor's name",
            )
        anchors = self._anchors.get(id(document))
        if anchors is None:
            anchors = self._anchors[id(document)] = refs.anchors(
                document.data, swagger2=self.swagger2, root_document=document is self.root
            )
        pointers = anchors.get(name, [])
        if len(pointers) != 1:
            where = f" in {document.name}" if document is not self.root else ""
            if not pointers:
                raise RefError(
                    f"$ref target '{ref}': no schema declares $anchor '{name}'{where}",
                    f"add `$anchor: {name}` to the schema, or refer to it by a JSON pointer",
                )
            raise RefError(
                f"$ref target '{ref}' is ambiguous: $anchor '{name}' is declared {len(pointers)} times{where} ({', '.join(sorted(pointers))})",
                "give each $anchor a name of its own",
            )
        return Node(document, pointers[0], _value_at(document.data, pointers[0]))

    def _document_for(self, file_part: str, base: Document) -> Document:
        if not file_part:
            return base
        key = document_key(file_part, base, self.policy)
        document = self.documents.get(key)
        if document is None:
            if isinstance(key, str):
                raise RefError(
                    f"remote document '{key}' not loaded", "see the error reported for it"
                )
            raise missing_file(file_part, key)
        return document


def iter_refs(
    node: Node, *, swagger2: bool = False, root_document: bool = True
) -> Iterator[tuple[str, str]]:
    """Every ($ref string, JSON pointer of the object holding it) below `node`, none inside
    data (examples, defaults, enums, `x-` extensions: see refs.py)."""
    for trail, value in refs.objects(node.value, swagger2=swagger2, root_document=root_document):
        ref = value.get("$ref")
        if isinstance(ref, str):
            yield ref, refs.pointer(node.pointer, trail)


def _value_at(data: Any, pointer: str) -> Any:
    value = data
    for token in split_pointer(pointer):
        value = value[int(token)] if isinstance(value, list) else value[token]
    return value


def chain_too_long(hops: int, limit: int) -> RefError:
    return RefError(
        f"the chain of $refs from here is {hops:,} references long, over the limit of {limit}",
        "point the $ref at the value itself: a real spec needs two or three hops",
        "limit.ref-chain",
    )


def display_path(path: Path) -> str:
    """How diagnostics name a file: relative to the working folder when it is inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_spec(
    path: Path,
    *,
    allow_remote: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    spec_root: Path | None = None,
    overlays: Sequence[Path] = (),
) -> tuple[SpecSet, list[Diagnostic]]:
    """Load the root spec, apply `overlays` to it in order (spec/overlays), then load,
    transitively, every file its $refs name; check every $ref.

    File references must stay inside `spec_root` (by default the root spec's folder).
    """
    root = load_document(path.resolve(), display_name=display_path(path), limits=limits)
    if not isinstance(root.data, dict):
        message = "the spec must be a mapping (an OpenAPI document)"
        hint = "an empty file, or a list or scalar at the top, is not an OpenAPI document"
        problem = Diagnostic(Level.ERROR, "load.not-a-mapping", message, root.location(""), hint)
        raise GenerationFailed(locate([problem], [root]))
    applied = None
    if overlays:
        from sdkwright.spec.overlays import apply_overlays  # imports JSONPath only when used

        applied = apply_overlays(root, [(p.resolve(), display_path(p)) for p in overlays], limits)
        root = applied.document
    policy = RefPolicy((spec_root or root.path.parent).resolve(), allow_remote, limits)
    documents: dict[DocumentKey, Document] = {root.path: root}
    pending: deque[Document] = deque([root])
    diagnostics: list[Diagnostic] = []
    sites: list[tuple[str, str, Document]] = []
    swagger2 = refs.is_swagger2(root.data)
    while pending:
        document = pending.popleft()
        found = iter_refs(
            Node(document, "", document.data), swagger2=swagger2, root_document=document is root
        )
        for ref, pointer in found:
            sites.append((ref, pointer, document))
            loaded = _load_referenced(
                ref.partition("#")[0], document, documents, policy, diagnostics
            )
            if loaded is not None:
                pending.append(loaded)
    specs = SpecSet(root, documents, policy)
    specs.overlays = applied
    whole_maps = list(map_refs.found(specs, sites, map_refs.ALWAYS))
    if whole_maps:
        specs = specs.with_changes(map_refs.changes(whole_maps))
    diagnostics.extend(note for document in documents.values() for note in document.notes)
    diagnostics.extend(applied.notes if applied is not None else ())
    diagnostics.extend(_check_targets(specs, sites))
    return specs, locate(diagnostics, documents.values())


def _load_referenced(
    file_part: str,
    base: Document,
    documents: dict[DocumentKey, Document],
    policy: RefPolicy,
    diagnostics: list[Diagnostic],
) -> Document | None:
    """The document a $ref names, loaded once; refusals are reported by `_check_targets`."""
    if not file_part:
        return None
    try:
        key = document_key(file_part, base, policy)
    except RefError:
        return None
    if key in documents:
        return None
    try:
        if isinstance(key, str):
            document = fetch_document(key, policy)
        elif key.is_file():
            document = load_document(key, display_name=display_path(key), limits=policy.limits)
        else:
            return None
    except GenerationFailed as failure:
        diagnostics.extend(failure.diagnostics)
        return None
    documents[key] = document
    return document


def check_refs(specs: SpecSet, sites: list[tuple[str, str, Document]]) -> list[Diagnostic]:
    """`_check_targets` for documents changed after loading (lenient mode leaving out a
    unit that something refers to), located."""
    return locate(_check_targets(specs, sites), specs.documents.values())


_Site = tuple[str, str]  # (document name, pointer of an object holding a $ref)


def _check_targets(specs: SpecSet, sites: list[tuple[str, str, Document]]) -> list[Diagnostic]:
    """An error for each $ref that leads nowhere, into a cycle, or through too many hops; a
    chain too long is reported once, at its start, not at each of its thousands of links."""
    outcomes, following = _chains(specs, sites)
    limit = specs.policy.limits.max_ref_hops
    too_long = {s for s, hops in outcomes.items() if isinstance(hops, int) and hops > limit}
    heads = too_long - {following[s] for s in too_long if following.get(s) in too_long}
    diagnostics = []
    for _, pointer, document in sites:
        outcome = outcomes[(document.name, pointer)]
        if isinstance(outcome, int):
            if (document.name, pointer) not in heads:
                continue
            outcome = chain_too_long(outcome, limit)
        location = document.location(join_pointer(pointer, "$ref"))
        diagnostics.append(
            Diagnostic(Level.ERROR, outcome.code, str(outcome), location, outcome.hint)
        )
    return diagnostics


def _chains(
    specs: SpecSet, sites: list[tuple[str, str, Document]]
) -> tuple[dict[_Site, int | RefError], dict[_Site, _Site]]:
    """For each $ref: the number of hops to a value that is not a reference, or why there is
    none; and the $ref each one leads to. Each link is followed once (a chain of n links
    costs n steps, not n squared)."""
    outcomes: dict[_Site, int | RefError] = {}
    following: dict[_Site, _Site] = {}
    for ref, pointer, document in sites:
        path: list[_Site] = []
        on_path: set[_Site] = set()
        node = Node(document, pointer, {"$ref": ref})
        outcome: int | RefError = 0
        while isinstance(node.value, dict) and isinstance(node.value.get("$ref"), str):
            site = (node.document.name, node.pointer)
            if path:
                following[path[-1]] = site
            if site in outcomes:
                outcome = outcomes[site]
                break
            if site in on_path:
                outcome = RefError("the reference points back to itself", "break the $ref cycle")
                break
            path.append(site)
            on_path.add(site)
            try:
                node = specs.target(node.value["$ref"], node.document)
            except RefError as error:
                outcome = error
                break
        for site in reversed(path):
            outcome = outcome + 1 if isinstance(outcome, int) else outcome
            outcomes[site] = outcome
    return outcomes, following
