# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Python SDK for the Clear Street Trading API.

```python
from clearstreet import ClearStreet

client = ClearStreet()  # reads CLEAR_STREET_API_KEY
```
"""

from . import types
from ._client import AsyncClearStreet, ClearStreet
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._response import APIResponse, AsyncAPIResponse
from ._retries import DEFAULT_MAX_RETRIES
from ._streaming import ServerSentEvent
from ._types import NOT_GIVEN, NotGiven, RequestOptions

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAPIResponse",
    "AsyncClearStreet",
    "AuthenticationError",
    "BadRequestError",
    "ClearStreet",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestOptions",
    "ServerSentEvent",
    "UnprocessableEntityError",
    "types",
]
