"""$ref resolution across one or many files (JSON Reference semantics).

References are never expanded in place: the IR builder follows them on demand, which keeps
reference cycles finite and lets every node keep the file and pointer it came from.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import Diagnostic, GenerationFailed, Level, Location
from generator.load import Document, join_pointer, load_document, locate, split_pointer


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


class RefError(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class SpecSet:
    """The root document and every file it references, loaded once."""

    def __init__(self, root: Document, documents: dict[Path, Document]) -> None:
        self.root = root
        self.documents = documents

    @property
    def root_node(self) -> Node:
        return Node(self.root, "", self.root.data)

    def deref(self, node: Node, max_hops: int = 64) -> Node:
        """Follow `$ref` chains from `node` to a value that is not a reference."""
        seen: set[tuple[Path, str]] = set()
        while isinstance(node.value, dict) and isinstance(node.value.get("$ref"), str):
            key = (node.document.path, node.pointer)
            if key in seen or len(seen) >= max_hops:
                raise RefError("the reference points back to itself", "break the $ref cycle")
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
        file_part, _, fragment = ref.partition("#")
        document = self._document_for(file_part, base)
        pointer = unquote(fragment)
        if pointer and not pointer.startswith("/"):
            raise RefError(
                f"unsupported reference fragment '#{fragment}'",
                "use a JSON pointer such as '#/components/schemas/Name'",
            )
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

    def _document_for(self, file_part: str, base: Document) -> Document:
        if not file_part:
            return base
        if "://" in file_part:
            raise RefError(
                f"remote reference '{file_part}' refused",
                "generation never uses the network: download the file and refer to it by a relative path",
            )
        path = (base.path.parent / unquote(file_part)).resolve()
        document = self.documents.get(path)
        if document is None:
            raise RefError(f"referenced file '{file_part}' not found", f"looked for {path}")
        return document


def iter_refs(node: Node) -> Iterator[tuple[str, str]]:
    """Every ($ref string, JSON pointer of the object holding it) below `node`."""
    stack: list[tuple[str, Any]] = [(node.pointer, node.value)]
    while stack:
        pointer, value = stack.pop()
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str):
                yield ref, pointer
            for key, child in value.items():
                if isinstance(child, (dict, list)):
                    stack.append((join_pointer(pointer, str(key)), child))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                if isinstance(child, (dict, list)):
                    stack.append((join_pointer(pointer, index), child))


def load_spec(path: Path) -> tuple[SpecSet, list[Diagnostic]]:
    """Load the root spec and, transitively, every file its $refs name; check every $ref."""
    root = load_document(path.resolve(), display_name=str(path))
    if not isinstance(root.data, dict):
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR,
                    "load.not-a-mapping",
                    "the spec must be a mapping (an OpenAPI document)",
                    root.location(""),
                )
            ]
        )
    documents = {root.path: root}
    pending: deque[Document] = deque([root])
    diagnostics: list[Diagnostic] = []
    refs: list[tuple[str, str, Document]] = []
    while pending:
        document = pending.popleft()
        for ref, pointer in iter_refs(Node(document, "", document.data)):
            refs.append((ref, pointer, document))
            loaded = _load_referenced(ref, document, documents, root, diagnostics, pointer)
            if loaded is not None:
                pending.append(loaded)
    specs = SpecSet(root, documents)
    diagnostics.extend(_check_targets(specs, refs))
    return specs, locate(diagnostics, documents.values())


def _load_referenced(
    ref: str,
    base: Document,
    documents: dict[Path, Document],
    root: Document,
    diagnostics: list[Diagnostic],
    pointer: str,
) -> Document | None:
    file_part = ref.partition("#")[0]
    if not file_part or "://" in file_part:
        return None
    path = (base.path.parent / unquote(file_part)).resolve()
    if path in documents or not path.is_file():
        return None
    try:
        display = str(path.relative_to(Path.cwd()))
    except ValueError:
        display = str(path)
    try:
        document = load_document(path, display_name=display)
    except GenerationFailed as failure:
        diagnostics.extend(failure.diagnostics)
        return None
    documents[path] = document
    return document


def _check_targets(specs: SpecSet, refs: list[tuple[str, str, Document]]) -> list[Diagnostic]:
    diagnostics = []
    for ref, pointer, document in refs:
        try:
            specs.target(ref, document)
        except RefError as error:
            location = document.location(join_pointer(pointer, "$ref"))
            diagnostics.append(
                Diagnostic(Level.ERROR, "ref.unresolved", str(error), location, error.hint)
            )
    return diagnostics
