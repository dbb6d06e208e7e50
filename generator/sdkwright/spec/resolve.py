"""$ref resolution across one or many files (JSON Reference semantics).

References are never expanded in place: the IR builder follows them on demand, which keeps
reference cycles finite and lets every node keep the file and pointer it came from.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PureWindowsPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location
from sdkwright.spec.load import (
    DEFAULT_LIMITS,
    Document,
    Limits,
    join_pointer,
    load_document,
    locate,
    parse_document,
    split_pointer,
)

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


class RefError(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class RefPolicy:
    """Which files a spec may pull in: files inside the root spec's folder, and remote
    documents only when the user opted in (generation never uses the network otherwise)."""

    root_folder: Path
    allow_remote: bool = False
    limits: Limits = DEFAULT_LIMITS
    timeout_s: float = 20.0


DocumentKey = Path | str  # a resolved local path, or a URL


def document_key(file_part: str, base: Document, policy: RefPolicy) -> DocumentKey:
    """Where a $ref's file part points, or a RefError saying why it may not be followed."""
    raw = unquote(file_part)
    if base.url or "://" in raw:
        url = urljoin(base.url, file_part) if base.url else file_part
        if urlsplit(url).scheme not in ("http", "https"):
            raise RefError(
                f"reference '{file_part}' uses an unsupported scheme",
                "refer to a file by a relative path",
            )
        if not policy.allow_remote:
            raise RefError(
                f"remote reference '{url}' refused",
                "generation uses no network unless --allow-remote-refs is given; or download the file and refer to it by a relative path",
            )
        return url
    if Path(raw).is_absolute() or PureWindowsPath(raw).is_absolute():
        raise RefError(
            f"absolute file reference '{file_part}' refused",
            "refer to files by paths relative to the spec",
        )
    path = (base.path.parent / raw).resolve()  # follows symlinks, so they cannot escape either
    if not path.is_relative_to(policy.root_folder):
        raise RefError(
            f"file reference '{file_part}' leaves the spec's folder ({policy.root_folder})",
            "keep every file of the spec in the root spec's folder or below it, or widen the folder with --spec-root",
        )
    return path


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

    @property
    def root_node(self) -> Node:
        return Node(self.root, "", self.root.data)

    def deref(self, node: Node, max_hops: int = 64) -> Node:
        """Follow `$ref` chains from `node` to a value that is not a reference."""
        seen: set[tuple[str, str]] = set()
        while isinstance(node.value, dict) and isinstance(node.value.get("$ref"), str):
            key = (node.document.name, node.pointer)
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
        key = document_key(file_part, base, self.policy)
        document = self.documents.get(key)
        if document is None:
            raise RefError(f"referenced file '{file_part}' not found", f"looked for {key}")
        return document


_Trail = tuple[Any, str | int] | None  # (parent trail, token), None at the start


def iter_refs(node: Node) -> Iterator[tuple[str, str]]:
    """Every ($ref string, JSON pointer of the object holding it) below `node`.

    Runs over every value of every document: the path to a value is kept as a chain of
    (parent, token) pairs and joined into a pointer only for the objects that hold a $ref."""
    stack: list[tuple[_Trail, Any]] = [(None, node.value)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str):
                yield ref, _pointer(node.pointer, path)
            stack.extend(
                ((path, key), child)
                for key, child in value.items()
                if isinstance(child, (dict, list))
            )
        elif isinstance(value, list):
            stack.extend(
                ((path, index), child)
                for index, child in enumerate(value)
                if isinstance(child, (dict, list))
            )


def _pointer(base: str, path: _Trail) -> str:
    tokens: list[str | int] = []
    while path is not None:
        path, token = path
        tokens.append(token if isinstance(token, int) else str(token))
    return join_pointer(base, *reversed(tokens))


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
    refs: list[tuple[str, str, Document]] = []
    while pending:
        document = pending.popleft()
        for ref, pointer in iter_refs(Node(document, "", document.data)):
            refs.append((ref, pointer, document))
            loaded = _load_referenced(
                ref.partition("#")[0], document, documents, policy, diagnostics
            )
            if loaded is not None:
                pending.append(loaded)
    specs = SpecSet(root, documents, policy)
    specs.overlays = applied
    diagnostics.extend(note for document in documents.values() for note in document.notes)
    diagnostics.extend(applied.notes if applied is not None else ())
    diagnostics.extend(_check_targets(specs, refs))
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


def fetch_document(url: str, policy: RefPolicy) -> Document:
    """A remote document, read with a timeout and no more than the size limit."""
    name = url
    from urllib.request import urlopen  # here: its import costs every run 20 ms

    try:
        with urlopen(url, timeout=policy.timeout_s) as response:  # http(s) only: checked above
            raw = response.read(policy.limits.max_bytes + 1)
    except (OSError, ValueError) as error:
        message = f"cannot fetch remote reference: {error}"
        raise GenerationFailed(
            [Diagnostic(Level.ERROR, "load.remote", message, Location(name))]
        ) from None
    is_json = urlsplit(url).path.lower().endswith(".json")
    document = parse_document(
        raw, Path(urlsplit(url).path or "remote"), name, is_json=is_json, limits=policy.limits
    )
    return replace(document, url=url)


def _check_targets(specs: SpecSet, refs: list[tuple[str, str, Document]]) -> list[Diagnostic]:
    diagnostics = []
    for ref, pointer, document in refs:
        try:
            specs.deref(Node(document, pointer, {"$ref": ref}))
        except RefError as error:
            location = document.location(join_pointer(pointer, "$ref"))
            diagnostics.append(
                Diagnostic(Level.ERROR, "ref.unresolved", str(error), location, error.hint)
            )
    return diagnostics
