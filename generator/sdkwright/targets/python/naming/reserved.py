"""Every name the Python target keeps for itself, in one place: Python's own, what pydantic
and the SDK's runtime define, and what generated clients, resources and methods already use.

A name from the spec never takes one of these; the naming step adds context or an underscore.
"""

from __future__ import annotations

import ast
import keyword
from functools import cache

# Names a generated module or class body may not use for a field or parameter: keywords,
# the types its annotations name, and what pydantic's BaseModel defines already.
PYTHON_RESERVED = (
    frozenset(keyword.kwlist)
    | frozenset(keyword.softkwlist)
    | frozenset(
        {
            "str",
            "int",
            "float",
            "bool",
            "bytes",
            "list",
            "dict",
            "object",
            "type",
            "datetime",
            "date",
            "Any",
            "Literal",
            "Annotated",
            "Field",
            "BaseModel",
            "Enum",
            "pydantic",
            "tag_reader",
            "self",
            "cls",
            "copy",
            "json",
            "schema",
            "schema_json",
            "construct",
            "validate",
            "fields",
            "parse_obj",
            "parse_raw",
            "parse_file",
            "from_orm",
            "update_forward_refs",
        }
    )
)

# Names the modules of `types/` import besides definitions: no class may be called so.
TYPES_RUNTIME_NAMES = frozenset(
    {
        "Annotated",
        "Any",
        "AwareDatetime",
        "BaseModel",
        "Field",
        "Literal",
        "OpenIntEnum",
        "OpenStrEnum",
        "TypeAlias",
        "TypeAliasType",
    }
)

# Names resource modules import from the runtime: no model may take them.
RESOURCE_RUNTIME_NAMES = frozenset(
    {
        "BaseModel",
        "NotGiven",
        "Enum",
        "BinaryContent",
        "FileTypes",
        "EventStream",
        "AsyncEventStream",
    }
)

# Names a resource module or _client.py already uses: a group's classes must not shadow them.
CLIENT_RUNTIME_NAMES = frozenset(
    {
        "SyncAPIClient",
        "AsyncAPIClient",
        "RequestOptions",
        "NotGiven",
        "Headers",
        "Query",
        "Timeout",
        "SyncPage",
        "AsyncPage",
        "Credential",
        "Security",
        "Environment",
        "RequestIds",
    }
)

# Keyword arguments every generated method has; spec parameters never take these names.
CALL_OPTIONS = frozenset(
    {"extra_headers", "extra_query", "extra_body", "timeout", "max_retries", "self"}
)

# Members the generated client classes (_client.py.jinja) define besides their groups and
# credentials, and those the generated resource classes (resources/group.py.jinja) and their
# WithRawResponse/WithStreamingResponse views set besides their methods.
# tests/unit/test_reserved_members.py checks both lists against the golden SDKs.
CLIENT_TEMPLATE_MEMBERS = frozenset(
    {"with_options", "with_raw_response", "with_streaming_response"}
)
RESOURCE_MEMBERS = frozenset(
    {"_client", "_resource", "with_raw_response", "with_streaming_response"}
)


@cache
def runtime_members(module: str, classes: tuple[str, ...]) -> frozenset[str]:
    """Every name the runtime's `classes` (in sdkwright/runtime/`module`) define: methods,
    class attributes and the attributes their methods set on `self`. Read from the source,
    so the list follows the runtime as it changes."""
    from sdkwright.targets.python.runtime_files import source_text

    tree = ast.parse(source_text(module))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in classes:
            for item in ast.walk(node):
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names.add(item.name)
                elif isinstance(item, ast.AnnAssign) and item in node.body:
                    names |= {item.target.id} if isinstance(item.target, ast.Name) else set()
                elif isinstance(item, ast.Attribute) and _is_self(item.value):
                    names.add(item.attr)
                elif isinstance(item, ast.Assign) and item in node.body:
                    names |= {t.id for t in item.targets if isinstance(t, ast.Name)}
    return frozenset(names)


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def client_members() -> frozenset[str]:
    """What a generated client has before its groups: no group or credential takes these."""
    base = (
        runtime_members("_client_core.py", ("BaseClient",))
        | runtime_members("_sync_client.py", ("SyncAPIClient",))
        | runtime_members("_async_client.py", ("AsyncAPIClient",))
    )
    return base | CLIENT_TEMPLATE_MEMBERS | frozenset(dir(object))


def is_reserved_member(name: str) -> bool:
    """Whether a method named `name` would replace something its resource class needs: a
    dunder name (`__init__`), or an attribute the class sets (`_client`)."""
    return (name.startswith("__") and name.endswith("__")) or name in RESOURCE_MEMBERS


def client_attributes() -> frozenset[str]:
    """Attributes of every client: no resource group takes these names."""
    return CALL_OPTIONS | client_members() | {"api_key"}


# Constructor arguments of every client: no credential may take these names.
CLIENT_ARGUMENTS = frozenset(
    {
        "base_url",
        "timeout",
        "http_client",
        "default_headers",
        "default_query",
        "environment",
        "max_retries",
        "initial_retry_delay",
        "max_retry_delay",
        "self",
    }
)

# The module of the tests of the payloads the API sends (tests/test_webhook_payloads.py).
WEBHOOK_TESTS_MODULE = "webhook_payloads"
