# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Exceptions raised by the client.

Everything derives from :class:`APIError`, so one ``except`` clause is enough
to catch any failure of a call::

    APIError
    ├── APIConnectionError            the request never got a response
    │   └── APITimeoutError
    ├── APIResponseValidationError    a 2xx body did not match the declared type
    └── APIStatusError                the server answered with status >= 400
        ├── BadRequestError           400
        ├── AuthenticationError       401
        ├── PermissionDeniedError     403
        ├── NotFoundError             404
        ├── ConflictError             409
        ├── UnprocessableEntityError  422
        ├── RateLimitError            429
        └── InternalServerError       >= 500

Other 4xx statuses raise a plain :class:`APIStatusError`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import _http
from ._error_root import ErrorRoot

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestIds",
    "UnprocessableEntityError",
    "status_error_for",
]


# Error bodies can be whole HTML pages; keep messages readable in logs.
_MAX_BODY_IN_MESSAGE = 500


@dataclass(frozen=True)
class RequestIds:
    """Where the API puts the id of a request: the first of ``headers`` that a response has,
    else the value at ``body_path`` (keys into a JSON object body), when there is one."""

    headers: tuple[str, ...] = (
        "x-request-id",
        "request-id",
        "x-amzn-requestid",
        "x-amz-request-id",
        "x-correlation-id",
    )
    body_path: tuple[str, ...] = ()

    def find(self, headers: _http.Headers, body: Callable[[], object]) -> str | None:
        """The request id in ``headers``, else in what ``body()`` gives (asked only then)."""
        for name in self.headers:
            value: str | None = headers.get(name)
            if value:
                return value
        if not self.body_path:
            return None
        found = body()
        for key in self.body_path:
            found = found.get(key) if isinstance(found, dict) else None
        return found if isinstance(found, str) and found else None


_USUAL_REQUEST_IDS = RequestIds()


class APIError(ErrorRoot):
    """Base class of every error raised by the client."""

    message: str
    request: _http.Request

    def __init__(self, message: str, *, request: _http.Request) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """The request failed in transport: DNS, TLS, refused or reset connection.

    The HTTP library's exception is available as ``__cause__``.
    """

    def __init__(self, message: str = "Connection error.", *, request: _http.Request) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request did not complete within its timeout."""

    def __init__(self, message: str = "Request timed out.", *, request: _http.Request) -> None:
        super().__init__(message, request=request)


class APIResponseValidationError(APIError):
    """A successful response whose body does not match the declared type.

    This usually means the API changed or its description is inaccurate. The decoding
    error (pydantic's ``ValidationError``, or msgspec's) is available as ``__cause__``.
    """

    response: _http.Response
    status_code: int
    body: object

    def __init__(
        self,
        message: str = "Response body did not match the expected type.",
        *,
        response: _http.Response,
        body: object,
    ) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.body = body


class APIStatusError(APIError):
    """The server answered with an error status (>= 400).

    ``body`` is the decoded JSON body when there is one, else the raw text,
    or ``None`` for an empty body.
    """

    response: _http.Response
    status_code: int
    headers: _http.Headers
    body: object
    request_id: str | None

    def __init__(self, message: str, *, response: _http.Response, body: object) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.headers = headers = response.headers
        self.body = body
        # Quote this when asking the API provider about a failed call.
        self.request_id = _USUAL_REQUEST_IDS.find(headers, lambda: body)


class BadRequestError(APIStatusError):
    """400: the request was malformed or had invalid parameters."""


class AuthenticationError(APIStatusError):
    """401: credentials are missing or invalid."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials do not grant access to this resource."""


class NotFoundError(APIStatusError):
    """404: the resource does not exist."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state of the resource."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well-formed but semantically invalid."""


class RateLimitError(APIStatusError):
    """429: too many requests; slow down before retrying."""


class InternalServerError(APIStatusError):
    """5xx: the server failed to handle the request."""


_ERRORS_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_for(
    response: _http.Response, request_ids: RequestIds | None = None
) -> APIStatusError:
    """Build the exception matching an error response; the caller raises it. Its
    ``request_id`` is read where ``request_ids`` says (the client's), else from the usual
    headers.

    The response body must already have been read.
    """
    status = response.status_code
    error_class = _ERRORS_BY_STATUS.get(status)
    if error_class is None:
        error_class = InternalServerError if status >= 500 else APIStatusError

    message = f"Error code: {status}"
    # The raw text is what the server actually said; the decoded body is kept
    # on the exception for programmatic use.
    text = response.text.strip()
    if text:
        if len(text) > _MAX_BODY_IN_MESSAGE:
            text = text[:_MAX_BODY_IN_MESSAGE] + "... (truncated)"
        message = f"{message} - {text}"
    body = _decode_body(response)
    error = error_class(message, response=response, body=body)
    if request_ids is not None:
        error.request_id = request_ids.find(response.headers, lambda: body)
    return error


def _decode_body(response: _http.Response) -> object:
    """Return the JSON-decoded body, falling back to text; ``None`` if empty."""
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:  # covers both malformed JSON and undecodable bytes
        return response.text


@contextlib.contextmanager
def transport_errors(request: _http.Request) -> Iterator[None]:
    """Turn the HTTP library's exceptions into the SDK's, keeping the library's as ``__cause__``."""
    try:
        yield
    except _http.TIMEOUT_ERRORS as exc:
        raise APITimeoutError(request=request) from exc
    except _http.TRANSPORT_ERRORS as exc:
        raise APIConnectionError(request=request) from exc
