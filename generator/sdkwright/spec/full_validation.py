"""openapi-spec-validator's full walk (`sdkwright validate`, `generate --full-validation`),
given the document as OpenAPI means it and with its errors put where they are.

It reads the root document itself, so it sees four things otherwise than sdkwright does:

- Swagger 2.0's `type: file` (a response that is a file, a form field that is one): it
  checks each schema against JSON Schema draft 4, which has no such type, and so refused
  what `generate` accepts. Where 2.0 allows `file` the OpenAPI meta-schema, checked before,
  has already said so: the walk sees `string`.
- `$ref: "#money"` (an OpenAPI 3.1 `$anchor`): it resolves only JSON pointers, so it gets
  the pointer sdkwright found.
- A `$ref` inside data (an example, a default, an `x-` extension) is text (refs.py): it
  would follow it, so the walk sees that key as `$ref ` (with a space).
- A `$ref` where OpenAPI allows none but real multi-file specs write one (DigitalOcean's
  operations, descriptions): quick validation follows it (validate.validation_view), so
  the walk sees what it leads to, as generation does.

Its errors about a schema carry the path inside that schema only (`/type`): the schema is
found by what sits at that path.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.spec import refs
from sdkwright.spec.load import Document
from sdkwright.spec.pointers import join_pointer
from sdkwright.spec.resolve import Node, RefError, SpecSet

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

MAX_ERRORS = 20
_DATA_REF = "$ref "


def errors(specs: SpecSet, version: str) -> Iterator[Diagnostic]:
    from openapi_spec_validator import (
        OpenAPIV2SpecValidator,
        OpenAPIV30SpecValidator,
        OpenAPIV31SpecValidator,
    )

    validator_class = {
        "2.0": OpenAPIV2SpecValidator,
        "3.0": OpenAPIV30SpecValidator,
        "3.1": OpenAPIV31SpecValidator,
    }[version]
    root = specs.root_node
    document = as_meant(specs)

    class Validator(validator_class):  # type: ignore[valid-type,misc]
        # Every file the spec refers to, as sdkwright read it: never read again from disk
        # (or fetched), and seen with the same changes as the root.
        resolver_handlers = dict.fromkeys(
            ("<all_urls>", "file", "http", "https"), _Documents(specs)
        )

    validator = Validator(document, base_uri=_uri(specs.root))
    try:
        for count, error in enumerate(validator.iter_errors()):
            if count >= MAX_ERRORS:
                return
            path = [str(token) for token in getattr(error, "absolute_path", ())]
            pointer = locate_path(document, path, getattr(error, "instance", None), specs.swagger2)
            message = first_line(str(error.message))
            yield Diagnostic(Level.ERROR, "spec.openapi", message, root.document.location(pointer))
    except Exception as error:
        message = f"openapi-spec-validator stopped early: {first_line(str(error) or type(error).__name__)}"
        yield Diagnostic(Level.WARNING, "spec.validator-crashed", message, root.location)


def first_line(message: str, limit: int = 300) -> str:
    line = message.strip().splitlines()[0] if message.strip() else "invalid value"
    return line if len(line) <= limit else line[: limit - 3] + "..."


class _Documents:
    """The validator's way to the files of the spec (its handler for every URI scheme)."""

    def __init__(self, specs: SpecSet) -> None:
        self.specs = specs
        self.by_uri = {_uri(d): d for d in specs.documents.values()}
        self.copies: dict[str, Any] = {}

    def __call__(self, uri: str) -> Any:
        document = self.by_uri.get(uri.partition("#")[0])
        if document is None:
            raise LookupError(f"'{uri}' is not a file of the spec")
        if uri not in self.copies:
            self.copies[uri] = as_meant(self.specs, document)
        return self.copies[uri]


def _uri(document: Document) -> str:
    return document.url or document.path.as_uri()


def as_meant(specs: SpecSet, document: Document | None = None) -> Any:
    """A copy of the root document (or of another file of the spec) with the changes
    above, and the `$ref`s that quick validation follows where OpenAPI allows none
    (refs.FOLLOWED_UNDER, operations in files of their own) followed the same way: what
    they bring from another file has its own `$ref`s made absolute, so that they resolve
    from where they were written."""
    root = specs.root
    start = document or root

    def copy(value: Any, context: str | None, base: Document, where: tuple[str, ...]) -> Any:
        if isinstance(value, list):
            return [copy(item, None if context is None else "", base, ()) for item in value]
        if not isinstance(value, dict):
            return value
        if context is None:  # data
            return {
                (_DATA_REF if k == "$ref" else k): copy(v, None, base, ()) for k, v in value.items()
            }
        in_path_item = base is root and len(where) == 2 and where[0] == "paths"
        result = {}
        for k, v in value.items():
            if not isinstance(k, str):
                result[k] = k
                continue
            node_base, child = base, v
            if k in refs.FOLLOWED_UNDER or (in_path_item and k in HTTP_METHODS):
                node_base, child = _followed(specs, base, v)
            inner = refs.child_context(context, k, child, specs.swagger2)
            below = (*where, k) if len(where) < 2 else ()
            result[k] = copy(child, inner, node_base, below)
        if specs.swagger2 and result.get("type") == "file":
            result["type"] = "string"
        ref = result.get("$ref")
        if isinstance(ref, str):
            result["$ref"] = _meant_ref(specs, ref, base)
        return result

    return copy(start.data, refs.top_context(root_document=start is root), start, ())


def _followed(specs: SpecSet, base: Document, value: Any) -> tuple[Document, Any]:
    """The value a `$ref` leads to, and the document it is in (the value itself if none)."""
    if not (isinstance(value, dict) and isinstance(value.get("$ref"), str)):
        return base, value
    try:
        target = specs.deref(Node(base, "", value))
    except RefError:
        return base, value  # reported by the loader
    return target.document, target.value


def _meant_ref(specs: SpecSet, ref: str, base: Document) -> str:
    """`ref` as the validator can follow it from the root: an $anchor name as the pointer
    sdkwright found, and a reference written in another file made absolute."""
    file_part, _, fragment = ref.partition("#")
    if "#" in ref and not fragment.startswith("/"):
        try:
            fragment = specs.target(ref, base).pointer
        except RefError:
            return ref  # reported by the loader
        ref = f"{file_part}#{fragment}"
    if base is specs.root:
        return ref
    return urljoin(_uri(base), ref)


def locate_path(document: Any, path: list[str], instance: Any, swagger2: bool) -> str:
    """The pointer of an error's path: from the root when it leads there to the value the
    error is about; else below the first object where it does (the path was relative)."""
    if _value_at(document, path, instance):
        return join_pointer("", *path)
    if not path:
        return ""
    for trail, value in refs.objects(document, swagger2=swagger2, root_document=True):
        if _value_at(value, path, instance):
            return join_pointer(refs.pointer("", trail), *path)
    return ""


def _value_at(value: Any, path: list[str], instance: Any) -> bool:
    for token in path:
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            return False
    return bool(value == instance)
