# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""When a failed request is retried, and how long the client waits first.

A request is retried when its failure is likely to be transient *and* repeating it is safe:

- transient: a connection error, a timeout, or status 408, 429 or >= 500. Any other
  status, 409 Conflict included, is the server's final word (cancelling an order that
  already filled will not succeed the second time).
- safe: the method is idempotent (GET, HEAD, OPTIONS, PUT, DELETE, TRACE), or the request
  carries an idempotency key. A POST or PATCH without one may already have taken effect
  when the connection dropped, and repeating it could, say, place an order twice.

The wait doubles from ``initial_delay`` up to ``max_delay``, less up to 25% of random
jitter so that clients failing together do not retry together. A ``retry-after-ms`` or
``Retry-After`` header (seconds or an HTTP date) replaces it; when the server asks for
more than ``MAX_RETRY_AFTER`` seconds, the client gives up at once rather than block or
retry too early.

Every attempt is logged at DEBUG (its request line, then its status and duration), every
retry at INFO. Headers are never logged: they carry credentials.
"""

from __future__ import annotations

import email.utils
import logging
import math
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass

from . import _http
from ._exceptions import APIConnectionError, APIStatusError
from ._oauth import ClientCredentials, renewed_after
from ._types import NotGiven

__all__ = [
    "DEFAULT_INITIAL_RETRY_DELAY",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_MAX_RETRY_DELAY",
    "IDEMPOTENCY_HEADER",
    "MAX_RETRY_AFTER",
    "Attempts",
    "RetryPolicy",
    "is_retryable_status",
    "retry_after",
    "retry_delay",
]

DEFAULT_MAX_RETRIES = 2
DEFAULT_INITIAL_RETRY_DELAY = 0.5
DEFAULT_MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
# The header that marks a POST or PATCH as safe to repeat, unless the API names another.
IDEMPOTENCY_HEADER = "Idempotency-Key"

# This module is copied into each generated package, so the package name is
# only known at import time.
_log = logging.getLogger(__name__.rpartition(".")[0] or __name__)

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
_JITTER = 0.25


def is_retryable_status(status_code: int) -> bool:
    return status_code in (408, 429) or status_code >= 500


def is_idempotent(method: str | None, headers: Mapping[str, str], idempotency_header: str) -> bool:
    """Whether repeating the request cannot do anything twice."""
    return (method or "").upper() in _IDEMPOTENT_METHODS or bool(headers.get(idempotency_header))


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """The wait the server asks for, in seconds, or None when it gives none (or garbage).

    ``now`` (seconds since the epoch) is when the response arrived, for HTTP dates.
    """
    milliseconds = _number(headers.get("retry-after-ms"))
    if milliseconds is not None:
        return max(milliseconds / 1000, 0.0)
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _number(value)
    if seconds is None:
        date = email.utils.parsedate_tz(value)
        if date is None:
            return None
        # An HTTP date without a zone is GMT; mktime_tz reads a missing offset as 0.
        seconds = email.utils.mktime_tz(date) - (time.time() if now is None else now)
    return max(seconds, 0.0)


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    # float() also accepts "nan" and "inf", which are no waits at all.
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class RetryPolicy:
    """How many times, and how patiently, a client retries."""

    max_retries: int = DEFAULT_MAX_RETRIES
    initial_delay: float = DEFAULT_INITIAL_RETRY_DELAY
    max_delay: float = DEFAULT_MAX_RETRY_DELAY

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, not {self.max_retries}")
        if self.initial_delay < 0 or self.max_delay < 0:
            raise ValueError("retry delays must be >= 0")

    def backoff(self, retries_taken: int) -> float:
        """The wait before retry number ``retries_taken + 1`` when the server gives none."""
        # Bounded exponent: 2.0 ** 2000 overflows.
        ceiling = min(self.initial_delay * 2.0 ** min(retries_taken, 64), self.max_delay)
        return ceiling * (1 - _JITTER * random.random())

    def delay(self, retries_taken: int, headers: Mapping[str, str] | None) -> float | None:
        """The wait before the next attempt, or None when the server asks for too long a one."""
        asked = retry_after(headers) if headers is not None else None
        if asked is None:
            return self.backoff(retries_taken)
        return asked if asked <= MAX_RETRY_AFTER else None

    def max_retries_for(self, call: int | NotGiven, operation: int | None) -> int:
        """The call's own limit, else the operation's (from the API description), else this one."""
        if not isinstance(call, NotGiven):
            if call < 0:
                raise ValueError(f"max_retries must be >= 0, not {call}")
            return call
        return self.max_retries if operation is None else operation


def retry_delay(
    policy: RetryPolicy,
    error: APIConnectionError | APIStatusError,
    *,
    retries_taken: int,
    max_retries: int,
    idempotency_header: str | None,
) -> float | None:
    """How long to wait before retrying after ``error``, or None to raise it; logged at INFO."""
    request = error.request
    if isinstance(error, APIStatusError) and not is_retryable_status(error.status_code):
        return None
    failure = _describe(error)
    if retries_taken >= max_retries:
        if max_retries:
            _log.info(
                "Giving up on %s %s after %d attempts: %s",
                request.method,
                request.url,
                retries_taken + 1,
                failure,
            )
        return None
    key_header = idempotency_header or IDEMPOTENCY_HEADER
    if not is_idempotent(request.method, request.headers, key_header):
        _log.info(
            "Not retrying %s %s (%s): without an %s header it could take effect twice",
            request.method,
            request.url,
            failure,
            key_header,
        )
        return None
    headers = error.response.headers if isinstance(error, APIStatusError) else None
    delay = policy.delay(retries_taken, headers)
    if delay is None:
        _log.info(
            "Not retrying %s %s (%s): the server asks to wait more than %g s",
            request.method,
            request.url,
            failure,
            MAX_RETRY_AFTER,
        )
        return None
    _log.info(
        "Retrying %s %s in %.3f s (retry %d of %d) after %s",
        request.method,
        request.url,
        delay,
        retries_taken + 1,
        max_retries,
        failure,
    )
    return delay


def _describe(error: APIConnectionError | APIStatusError) -> str:
    if isinstance(error, APIStatusError):
        return f"{error.status_code} {_http.reason(error.response)}".rstrip()
    cause = error.__cause__
    return type(cause).__name__ if cause is not None else type(error).__name__


def log_request(request: _http.Request) -> None:
    _log.debug("Request: %s %s", request.method, request.url)


def log_response(response: _http.Response, started: float) -> None:
    request = response.request
    _log.debug(
        "Response: %s %s -> %d %s (%.0f ms)",
        request.method,
        request.url,
        response.status_code,
        _http.reason(response),
        (time.monotonic() - started) * 1000,
    )


@dataclass
class Attempts:
    """The attempts of one call: the retries taken, and the OAuth token the last one carried
    (renewed once, at once, when the API refuses it; not a retry)."""

    policy: RetryPolicy
    max_retries: int
    idempotency_header: str | None
    oauth: ClientCredentials | None = None
    retries_taken: int = 0
    token: str | None = None
    renewed: bool = False

    def next_delay(self, error: APIConnectionError | APIStatusError) -> float | None:
        """Seconds to wait before the next attempt after `error`, or None to raise it."""
        if not self.renewed and renewed_after(error, self.oauth, self.token):
            self.renewed = True
            return 0.0
        delay = retry_delay(
            self.policy,
            error,
            retries_taken=self.retries_taken,
            max_retries=self.max_retries,
            idempotency_header=self.idempotency_header,
        )
        if delay is not None:
            self.retries_taken += 1
        return delay
