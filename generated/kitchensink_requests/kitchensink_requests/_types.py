# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Small shared types used by the client and the generated resources."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO, Literal, TypeAlias

__all__ = [
    "NOT_GIVEN",
    "BinaryContent",
    "Credential",
    "FileContent",
    "FileTypes",
    "Headers",
    "NotGiven",
    "Query",
    "RequestOptions",
    "Security",
    "Timeout",
]


class NotGiven:
    """Marks an argument the caller did not pass.

    ``None`` cannot play this role because it is a meaningful value: it is
    sent as JSON ``null``. Compare with ``isinstance(value, NotGiven)`` so that
    type checkers can narrow the type.
    """

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    # A sentinel must survive copying as itself, or identity checks break.
    def __copy__(self) -> NotGiven:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> NotGiven:
        return self


NOT_GIVEN = NotGiven()

Headers: TypeAlias = Mapping[str, str]
Query: TypeAlias = Mapping[str, object]
# ``None`` disables timeouts; a float applies to connecting and to each read, a pair
# ``(connect, read)`` to each separately.
Timeout: TypeAlias = float | tuple[float, float] | None

# A file to upload, as requests takes them: its content, or a tuple of file name, content
# and, optionally, content type.
FileContent: TypeAlias = IO[bytes] | bytes
FileTypes: TypeAlias = (
    FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
)
# A raw request body: bytes, a binary file, or chunks.
BinaryContent: TypeAlias = bytes | IO[bytes] | Iterable[bytes]

# An operation's security requirements: any one of the alternatives, each naming every
# security scheme it needs. ``()`` means the operation needs no credentials.
Security: TypeAlias = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Credential:
    """What one security scheme adds to a request, once its credentials are known."""

    headers: Mapping[str, str] = field(default_factory=dict)
    query: Mapping[str, str] = field(default_factory=dict)
    cookies: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class RequestOptions:
    """Per-call overrides, applied on top of what the endpoint method builds.

    They are the escape hatch for things the API description does not cover,
    such as undocumented parameters or an unusually slow call.
    """

    extra_headers: Headers | None = None
    extra_query: Query | None = None
    extra_body: Mapping[str, object] | None = None
    timeout: Timeout | NotGiven = NOT_GIVEN
    # Retries after the first attempt; overrides the operation's and the client's limit.
    max_retries: int | NotGiven = NOT_GIVEN
