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


# What the runtime's client classes define (BaseClient in _client_core.py, SyncAPIClient in
# _sync_client.py, AsyncAPIClient in _async_client.py): methods, class attributes and the
# attributes their methods set on `self`. Written out, not parsed from the source at each
# run (that cost 18 ms of every generation): tests/unit/test_reserved_members.py reads the
# source and fails when the runtime and this list part.
CLIENT_RUNTIME_MEMBERS = frozenset(
    {
        "__aenter__",
        "__aexit__",
        "__enter__",
        "__exit__",
        "__init__",
        "_auth_cache",
        "_authorize",
        "_base_url",
        "_build_request",
        "_client",
        "_credential_for",
        "_credentials",
        "_default_headers",
        "_default_query",
        "_default_security",
        "_event_stream",
        "_new_http_client",
        "_overrides_auth_headers",
        "_owns_client",
        "_prepare",
        "_raw_response",
        "_request_ids",
        "_result",
        "_retry_policy",
        "_send",
        "_send_once",
        "_sleep",
        "_strict_response_validation",
        "_timeout",
        "_timeout_for",
        "_url",
        "_urls",
        "auth_headers",
        "base_url",
        "close",
        "delete",
        "get",
        "max_retries",
        "patch",
        "post",
        "put",
        "request",
        "timeout",
    }
)


def client_members() -> frozenset[str]:
    """What a generated client has before its groups: no group or credential takes these."""
    return CLIENT_RUNTIME_MEMBERS | CLIENT_TEMPLATE_MEMBERS | frozenset(dir(object))


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
