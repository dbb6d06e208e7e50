"""Repairs of schemas, as real specs get them wrong."""

from __future__ import annotations

from typing import Any

from sdkwright.spec.edits import Change
from sdkwright.spec.lenient.fixes import Fix
from sdkwright.spec.lenient.operations import examples_list_fix
from sdkwright.spec.lenient.walk import Slot, schemas
from sdkwright.spec.pointers import join_pointer, split_pointer
from sdkwright.spec.resolve import SpecSet

_TYPES = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})
# Where a list entry that is no schema can simply be left out.
_LIST_KINDS = frozenset({"allOf", "anyOf", "oneOf"})
# What stays on a nullable schema without a type when it becomes anyOf [it, null].
_ANNOTATIONS = ("title", "description", "default", "example", "examples", "deprecated")


def not_a_schema(specs: SpecSet) -> list[Fix]:
    """A text, number or list where a schema belongs (`properties: {description: 'text'}`,
    `items: string`). A property or a list entry is skipped; elsewhere a type's name
    becomes that type, and anything else any value."""
    return [fix for slot in schemas(specs) if (fix := _not_a_schema(specs, slot)) is not None]


def _not_a_schema(specs: SpecSet, slot: Slot) -> Fix | None:
    value = slot.node.value
    if isinstance(value, dict) or (isinstance(value, bool) and _booleans_allowed(specs, slot)):
        return None
    at = slot.node.pointer
    what = _describe(value)
    if slot.kind == "property":  # most often a keyword of the schema written one level down
        name = split_pointer(at)[-1]
        message = f"property '{name}' is {what}, not a schema"
        return Fix(
            slot.node, "lenient.not-a-schema", message, "skipped the property", (Change(at),)
        )
    if isinstance(value, str) and value in _TYPES:
        message = f"{what} stands where a schema belongs ({slot.kind})"
        done = f"read it as {{type: {value}}}"
        return Fix(slot.node, "lenient.not-a-schema", message, done, (Change(at, {"type": value}),))
    if slot.kind in _LIST_KINDS:
        message = f"an entry of {slot.kind} is {what}, not a schema"
        return Fix(slot.node, "lenient.not-a-schema", message, "skipped the entry", (Change(at),))
    message = f"{what} stands where a schema belongs ({slot.kind})"
    done = "read it as any value (an empty schema)"
    return Fix(slot.node, "lenient.not-a-schema", message, done, (Change(at, {}),))


def _booleans_allowed(specs: SpecSet, slot: Slot) -> bool:
    return slot.kind == "additionalProperties" or specs.root.data.get("openapi", "").startswith(
        "3.1"
    )


def _describe(value: Any) -> str:
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {text!r}"
    if isinstance(value, list):
        return "a list"
    return "null" if value is None else f"the value {value!r}"


def nullable_in_31(specs: SpecSet) -> list[Fix]:
    """OpenAPI 3.0's `nullable` in a 3.1 document, where JSON Schema ignores it: `null`
    joins the schema's types (or the schema becomes anyOf [itself, null])."""
    if not str(specs.root.data.get("openapi", "")).startswith("3.1"):
        return []
    fixes = []
    for slot in schemas(specs):
        value = slot.node.value
        if not isinstance(value, dict) or "nullable" not in value:
            continue
        at = join_pointer(slot.node.pointer, "nullable")
        if value["nullable"] is not True:
            change, done = Change(at), "removed it (not nullable is the default)"
        else:
            change, done = _nullable_change(slot.node.pointer, value)
        message = "`nullable` is OpenAPI 3.0's; in 3.1 a schema allows null by its type"
        fixes.append(Fix(slot.node.child("nullable"), "lenient.nullable", message, done, (change,)))
    return fixes


def _nullable_change(pointer: str, value: dict[str, Any]) -> tuple[Change, str]:
    rest = {k: v for k, v in value.items() if k != "nullable"}
    kind = rest.get("type")
    if isinstance(kind, str):
        rest["type"] = [kind, "null"]
    elif isinstance(kind, list):
        rest["type"] = [*kind, *([] if "null" in kind else ["null"])]
    else:
        kept = {k: rest.pop(k) for k in _ANNOTATIONS if k in rest}
        rest = {**kept, "anyOf": [rest, {"type": "null"}]}
        return Change(pointer, rest), "made it anyOf [the schema, null]"
    return Change(pointer, rest), "added 'null' to its types"


def file_type(specs: SpecSet) -> list[Fix]:
    """Swagger 2.0's `type: file` in an OpenAPI 3 document: binary text, as 3.x writes it."""
    if specs.swagger2:
        return []
    fixes = []
    for slot in schemas(specs):
        value = slot.node.value
        if isinstance(value, dict) and value.get("type") == "file":
            changes = (
                Change(join_pointer(slot.node.pointer, "type"), "string"),
                Change(join_pointer(slot.node.pointer, "format"), "binary"),
            )
            message = "`type: file` is Swagger 2.0's; OpenAPI 3 has no such type"
            done = "read it as {type: string, format: binary}"
            fixes.append(Fix(slot.node.child("type"), "lenient.file-type", message, done, changes))
    return fixes


def schema_examples(specs: SpecSet) -> list[Fix]:
    """`examples: [...]` on a schema of OpenAPI 3.0 or Swagger 2.0, which take `example`."""
    if str(specs.root.data.get("openapi", "")).startswith("3.1"):
        return []
    found = (
        examples_list_fix(specs, slot.node, schema=True)
        for slot in schemas(specs)
        if isinstance(slot.node.value, dict) and "$ref" not in slot.node.value
    )
    return [fix for fix in found if fix is not None]


def required_flags(specs: SpecSet) -> list[Fix]:
    """`required: true` on a property's schema (Swagger 1's way), where the object lists
    its required properties: the property joins the list of the schema holding it."""
    fixes = []
    for slot in schemas(specs):
        value = slot.node.value
        if not isinstance(value, dict) or not isinstance(value.get("properties"), dict):
            continue
        listed = value.get("required")
        names = list(listed) if isinstance(listed, list) else []
        for name, schema in value["properties"].items():
            if not isinstance(schema, dict) or not isinstance(schema.get("required"), bool):
                continue
            at = join_pointer(slot.node.pointer, "properties", name, "required")
            changes = [Change(at)]
            if schema["required"] and name not in names:
                names.append(name)
                changes.append(Change(join_pointer(slot.node.pointer, "required"), list(names)))
            message = f"property '{name}' says `required: {str(schema['required']).lower()}`; an object lists its required properties"
            done = "listed it in the object's `required`" if schema["required"] else "removed it"
            node = slot.node.child("properties", name, "required")
            fixes.append(Fix(node, "lenient.required-flag", message, done, tuple(changes)))
    return fixes
