# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Python SDK for the Kitchen Sink API.

```python
from kitchensink import KitchenSink

client = KitchenSink()  # reads KITCHEN_SINK_API_KEY
```
"""

import importlib
from typing import TYPE_CHECKING

# As `_version.py` has it, written here too so that importing the package loads nothing else.
__version__ = "0.1.0"

if TYPE_CHECKING:
    # Listed in __all__, so type checkers take them as the package's own.
    from . import types
    from ._aiohttp import DefaultAioHttpClient
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
    "DefaultAioHttpClient",
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

# The module of each name: importing the package loads none of them (nor httpx and pydantic)
# until a name is used, so `from kitchensink.types import ...` alone stays light.
_MODULES = {
    "types": ".types",
    "AsyncKitchenSink": "._client",
    "KitchenSink": "._client",
    "DefaultAioHttpClient": "._aiohttp",
    "APIConnectionError": "._exceptions",
    "APIError": "._exceptions",
    "APIResponseValidationError": "._exceptions",
    "APIStatusError": "._exceptions",
    "APITimeoutError": "._exceptions",
    "AuthenticationError": "._exceptions",
    "BadRequestError": "._exceptions",
    "ConflictError": "._exceptions",
    "InternalServerError": "._exceptions",
    "NotFoundError": "._exceptions",
    "PermissionDeniedError": "._exceptions",
    "RateLimitError": "._exceptions",
    "UnprocessableEntityError": "._exceptions",
    "APIResponse": "._response",
    "AsyncAPIResponse": "._response",
    "DEFAULT_MAX_RETRIES": "._retries",
    "ServerSentEvent": "._streaming",
    "NOT_GIVEN": "._types",
    "NotGiven": "._types",
    "RequestOptions": "._types",
}

if not TYPE_CHECKING:
    # Hidden from type checkers, which then still flag a name that is not defined.

    def __getattr__(name: str) -> object:
        if name not in _MODULES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        module = importlib.import_module(_MODULES[name], __name__)
        value = module if name == "types" else getattr(module, name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
