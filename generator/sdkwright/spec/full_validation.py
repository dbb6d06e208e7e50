"""openapi-spec-validator's full walk (`sdkwright validate`, `generate --full-validation`),
given the document as OpenAPI means it and with its errors put where they are.

It reads the root document itself, so it sees three things otherwise than sdkwright does:

- Swagger 2.0's `type: file` (a response that is a file, a form field that is one): it
  checks each schema against JSON Schema draft 4, which has no such type, and so refused
  what `generate` accepts. Where 2.0 allows `file` the OpenAPI meta-schema, checked before,
  has already said so: the walk sees `string`.
- `$ref: "#money"` (an OpenAPI 3.1 `$anchor`): it resolves only JSON pointers, so it gets
  the pointer sdkwright found.
- A `$ref` inside data (an example, a default, an `x-` extension) is text (refs.py): it
  would follow it, so the walk sees that key as `$ref ` (with a space).

Its errors about a schema carry the path inside that schema only (`/type`): the schema is
found by what sits at that path.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.spec import refs
from sdkwright.spec.pointers import join_pointer
from sdkwright.spec.resolve import RefError, SpecSet

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
    validator = validator_class(document, base_uri=root.document.path.as_uri())
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


def as_meant(specs: SpecSet) -> Any:
    """A copy of the root document with the three changes above."""
    root = specs.root

    def copy(value: Any, context: str | None) -> Any:
        if isinstance(value, list):
            return [copy(item, None if context is None else "") for item in value]
        if not isinstance(value, dict):
            return value
        if context is None:  # data
            return {(_DATA_REF if k == "$ref" else k): copy(v, None) for k, v in value.items()}
        result = {
            k: copy(
                v, refs.child_context(context, k, v, specs.swagger2) if isinstance(k, str) else k
            )
            for k, v in value.items()
        }
        if specs.swagger2 and result.get("type") == "file":
            result["type"] = "string"
        ref = result.get("$ref")
        if isinstance(ref, str) and not ref.partition("#")[2].startswith("/") and "#" in ref:
            try:
                target = specs.target(ref, root)
            except RefError:
                return result  # reported by the loader
            result["$ref"] = ref.partition("#")[0] + "#" + target.pointer
        return result

    return copy(root.data, "")


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
