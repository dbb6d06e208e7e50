"""Every name the Python target keeps for itself, in one place: Python's own, what pydantic
and the SDK's runtime define, and what generated clients, resources and methods already use.

A name from the spec never takes one of these; the naming step adds context or an underscore.
"""

from __future__ import annotations

import keyword

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
    }
)

# Keyword arguments every generated method has; spec parameters never take these names.
CALL_OPTIONS = frozenset(
    {"extra_headers", "extra_query", "extra_body", "timeout", "max_retries", "self"}
)

# Attributes of every client: no resource group takes these names.
CLIENT_ATTRIBUTES = CALL_OPTIONS | {
    "with_options",
    "with_raw_response",
    "with_streaming_response",
    "close",
    "base_url",
    "api_key",
    "auth_headers",
    "request",
}

# Constructor arguments of every client: no credential may take these names.
CLIENT_ARGUMENTS = frozenset(
    {
        "base_url",
        "timeout",
        "http_client",
        "default_headers",
        "max_retries",
        "initial_retry_delay",
        "max_retry_delay",
        "self",
    }
)
