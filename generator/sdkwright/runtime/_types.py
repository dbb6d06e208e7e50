"""Small shared types used by the client and the generated resources, and credentials."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Literal, Protocol, SupportsIndex, TypeAlias, TypeVar, overload
from urllib.parse import urljoin

from . import _http

# What a timeout and a raw body may be depends on the HTTP library.
from ._http import BinaryContent, Timeout
from ._oauth import ClientCredentials

__all__ = [
    "NOT_GIVEN",
    "Base64FileInput",
    "BinaryContent",
    "Body",
    "Credential",
    "FileContent",
    "FileTypes",
    "Headers",
    "NoneType",
    "NotGiven",
    "Omit",
    "Query",
    "RequestOptions",
    "Security",
    "SequenceNotStr",
    "Servers",
    "Timeout",
    "WireName",
    "basic_credential",
    "file_from_path",
    "first_satisfied",
    "omit",
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
not_given = NOT_GIVEN  # the same sentinel, by the name newer Stainless SDKs give it


class Omit(NotGiven):
    """``omit`` leaves a value out. An optional argument whose default is ``omit`` is not sent
    (its JSON field, query parameter, header or form field is absent), as with ``NOT_GIVEN``:
    an ``Omit`` is a ``NotGiven``, so every check that leaves out what was not given leaves it
    out too, while ``None`` stays a value (JSON ``null``). Given in ``extra_headers``, it
    removes that header, even one the client sends by default."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "omit"

    def __copy__(self) -> Omit:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Omit:
        return self


omit = Omit()

Headers: TypeAlias = Mapping[str, "str | Omit"]
_T_co = TypeVar("_T_co", covariant=True)


class SequenceNotStr(Protocol[_T_co]):
    """A sequence that is not one text: `ids: SequenceNotStr[str]` takes `["a", "b"]` or
    `("a",)`, and mypy refuses `"ab"` (which would send "a" and "b"). `str.__contains__`
    takes only text where this protocol's takes any object, so no `str` matches it."""

    @overload
    def __getitem__(self, index: SupportsIndex, /) -> _T_co: ...
    @overload
    def __getitem__(self, index: slice, /) -> Sequence[_T_co]: ...
    def __contains__(self, value: object, /) -> bool: ...
    def __iter__(self) -> Iterator[_T_co]: ...
    def __len__(self) -> int: ...


# A `format: byte` value given as a file or the path of one: sent as its content in base64.
Base64FileInput: TypeAlias = IO[bytes] | os.PathLike[str]


@dataclass(frozen=True)
class WireName:
    """A dict key's name on the wire where it differs from the Python name the key has:
    `from_: Annotated[str, WireName(alias="from")]` in a TypedDict of keyword arguments (the
    method that takes them sends `from`)."""

    alias: str


# What `extra_body` may be: any JSON value (merged into an object body), as Stainless names it.
Body: TypeAlias = object
Query: TypeAlias = Mapping[str, object]

# A file to upload: its content, or a tuple of file name, content and, optionally, content
# type.
FileContent: TypeAlias = IO[bytes] | bytes
FileTypes: TypeAlias = (
    FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
)

# The type of `None`, for `cast_to` (a response without a body) as Stainless SDKs spell it.
NoneType: type[None] = type(None)


def file_from_path(path: str | os.PathLike[str]) -> FileTypes:
    """The file at `path` as an upload: its name and its content, read now."""
    with open(path, "rb") as file:
        return os.path.basename(os.fspath(path)), file.read()


# An operation's security requirements: any one of the alternatives, each naming every
# security scheme it needs. ``()`` means the operation needs no credentials.
Security: TypeAlias = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Credential:
    """What one security scheme adds to a request, once its credentials are known."""

    headers: Mapping[str, str] = field(default_factory=dict)
    query: Mapping[str, str] = field(default_factory=dict)
    cookies: Mapping[str, str] = field(default_factory=dict)
    # An OAuth 2 token the client fetches itself: sent as `Authorization: Bearer`.
    oauth: ClientCredentials | None = None


@dataclass(frozen=True, kw_only=True)
class RequestOptions:
    """Per-call overrides, applied on top of what the endpoint method builds.

    They are the escape hatch for things the API description does not cover,
    such as undocumented parameters or an unusually slow call.
    """

    extra_headers: Headers | None = None
    extra_query: Query | None = None
    # Merged into an object body; the whole body (any JSON value) of a method without one.
    extra_body: object = None
    timeout: Timeout | NotGiven = NOT_GIVEN
    # Retries after the first attempt; overrides the operation's and the client's limit.
    max_retries: int | NotGiven = NOT_GIVEN


_NO_CREDENTIAL = Credential()


def basic_credential(username: str, password: str) -> Credential:
    """HTTP basic authentication with ``username`` and ``password``."""
    token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return Credential(headers={"Authorization": f"Basic {token}"})


def first_satisfied(security: Security, credentials: Mapping[str, Credential]) -> Credential:
    """What the first alternative of `security` that `credentials` satisfy adds to a request."""
    for alternative in security:
        if all(scheme in credentials for scheme in alternative):
            if len(alternative) == 1:
                return credentials[alternative[0]]
            parts = [credentials[scheme] for scheme in alternative]
            return Credential(
                headers={k: v for part in parts for k, v in part.headers.items()},
                query={k: v for part in parts for k, v in part.query.items()},
                cookies={k: v for part in parts for k, v in part.cookies.items()},
                oauth=next((part.oauth for part in parts if part.oauth), None),
            )
    return _NO_CREDENTIAL


class Servers:
    """Request URLs: a path below the client's base URL, or below an operation's own server.

    An absolute server (uploads on another host) is used while the client has its default
    base URL; a base URL the caller chose (a proxy, a mock server, a staging host) takes every
    operation, theirs included. A relative server is resolved against the client's base URL,
    as a folder (RFC 3986: `/v2` replaces its path, `v2` and `../v2` are below and beside it).
    """

    def __init__(self, base_url: str, default_base_url: str) -> None:
        self._base_url = base_url.rstrip("/") + "/"
        chosen = default_base_url.rstrip("/") + "/" != self._base_url
        self._chosen = chosen and bool(default_base_url)
        join = _http.url_joiner(_http.parse_base_url(base_url))
        self._joiners: dict[str, Callable[[str], _http.URL | str]] = {"": join}

    def url(self, path: str, server: str = "") -> _http.URL | str:
        """The URL of `path` ("/v1/a"), below `server` where the operation has its own."""
        join = self._joiners.get(server)
        if join is None:
            chosen = "://" in server and self._chosen  # the caller's base URL takes it
            join = self.url if chosen else _http.url_joiner(self._server_url(server))
            self._joiners[server] = join
        return join(path)

    def _server_url(self, server: str) -> _http.URL:
        return _http.parse_base_url(urljoin(self._base_url, server))
