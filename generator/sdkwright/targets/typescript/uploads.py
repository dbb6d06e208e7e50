"""The TypeScript type of a request body: files where the API takes files.

A binary body takes the runtime's `BinaryBody` (bytes, a `Blob` or `File`, text, a stream);
a multipart body is an object type of its fields, each binary one (`format: binary`) taking
an `Uploadable` (a `Blob`, `File` or bytes); other bodies are their type's interface.
"""

from __future__ import annotations

from sdkwright.ir.nodes import ListOf, Nullable, Primitive, RequestBody, TypeRef
from sdkwright.targets.typescript.tstext import ts_key
from sdkwright.targets.typescript.tstypes import ts_type


def body_type(body: RequestBody, models: str) -> str:
    if body.encoding == "binary":
        return "BinaryBody"
    if body.encoding == "text":
        return "string"
    if body.encoding == "multipart" and body.fields is not None:
        parts = [
            f"{ts_key(f.name)}{'' if f.required else '?'}: {upload_type(f.type, models)}"
            for f in body.fields
        ]
        return "{ " + "; ".join(parts) + " }" if parts else "{}"
    return ts_type(body.type, models)


def upload_type(type_: TypeRef, models: str) -> str:
    """A multipart field's type: binary parts take uploads."""
    if isinstance(type_, Primitive) and type_.name == "bytes":
        return "Uploadable"
    if isinstance(type_, ListOf):
        return f"Array<{upload_type(type_.item, models)}>"
    if isinstance(type_, Nullable):
        return f"{upload_type(type_.inner, models)} | null"
    return ts_type(type_, models)
