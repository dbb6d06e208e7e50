# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""HTTP mechanics of the generated clients, sync and async.

A call goes through four steps:

1. build a request from the endpoint's arguments (URL, headers, query string, body in its
   media type (``_encoding``), credentials for the operation's security, timeout,
   idempotency key);
2. send it, turning transport failures and error statuses into the exceptions from
   ``_exceptions``;
3. retry step 2 while the failure is transient and repeating is safe (``_retries`` has the
   policy), re-sending the very same request, so an idempotency key stays the same across
   the retries of one call;
4. validate the response body into the declared return type (``_response``: leniently, or
   raising with ``strict_response_validation``), or hand back the response itself for
   ``with_raw_response`` and ``with_streaming_response``.

Steps 1, 4 and the retry decisions are written once and shared by both clients
(``_client_core``), so the two cannot drift apart; only the sending and the sleeping between
attempts differ between sync (``_sync_client``) and async (``_async_client``). The HTTP library
is reached only through ``_http``, the SDK's transport. This module gathers what generated code
imports from them.

Everything is logged to the ``logging`` logger named after the package: each attempt's
request line, status and duration at DEBUG, retries at INFO. Headers are never logged: they
carry credentials.
"""

from __future__ import annotations

from ._async_client import AsyncAPIClient
from ._encoding import (
    StyledValue,
    base64_file,
    deep_object,
    delimited,
    exploded,
    given_or,
    keep_reserved,
    path_param,
)
from ._http import DEFAULT_TIMEOUT
from ._retries import DEFAULT_MAX_RETRIES
from ._sync_client import SyncAPIClient
from ._types import basic_credential

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AsyncAPIClient",
    "StyledValue",
    "SyncAPIClient",
    "base64_file",
    "basic_credential",
    "deep_object",
    "delimited",
    "exploded",
    "given_or",
    "keep_reserved",
    "path_param",
]
