# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Python SDK for the Kitchen Sink API.

```python
from kitchensink import KitchenSink

client = KitchenSink()  # reads KITCHEN_SINK_API_KEY
```
"""

from . import types
from ._client import AsyncKitchenSink, KitchenSink
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
    "AsyncKitchenSink",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "KitchenSink",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestOptions",
    "ServerSentEvent",
    "UnprocessableEntityError",
    "types",
]
