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
from ._types import NOT_GIVEN, NotGiven, RequestOptions

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
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
    "UnprocessableEntityError",
    "types",
]
