# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""`KitchenSink` and `AsyncKitchenSink`: the entry points of the SDK."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Literal

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._retries import DEFAULT_INITIAL_RETRY_DELAY, DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_DELAY
from ._types import NOT_GIVEN, Credential, NotGiven, Security, Timeout
from ._version import USER_AGENT

if TYPE_CHECKING:
    from .resources.misc import (
        AsyncMisc,
        AsyncMiscWithRawResponse,
        AsyncMiscWithStreamingResponse,
        Misc,
        MiscWithRawResponse,
        MiscWithStreamingResponse,
    )
    from .resources.pets import (
        AsyncPets,
        AsyncPetsWithRawResponse,
        AsyncPetsWithStreamingResponse,
        Pets,
        PetsWithRawResponse,
        PetsWithStreamingResponse,
    )
    from .resources.stores import (
        AsyncStores,
        AsyncStoresWithRawResponse,
        AsyncStoresWithStreamingResponse,
        Stores,
        StoresWithRawResponse,
        StoresWithStreamingResponse,
    )

__all__ = ["DEFAULT_BASE_URL", "ENVIRONMENTS", "AsyncKitchenSink", "Environment", "KitchenSink"]

DEFAULT_BASE_URL = "https://api.kitchensink.example"
# The API's servers by name, for `environment=`: the first is the default.
ENVIRONMENTS: dict[str, str] = {
    "production": "https://api.kitchensink.example",
    "sandbox": "https://sandbox.kitchensink.example",
    "local": "http://localhost:8080",
}
Environment = Literal["production", "sandbox", "local"]
# The security requirements of operations that do not declare their own.
DEFAULT_SECURITY: Security = (("BearerAuth",),)


def _resolve_api_key(api_key: str | None) -> str:
    api_key = api_key if api_key is not None else os.environ.get("KITCHEN_SINK_API_KEY")
    if api_key is None:
        raise ValueError(
            "No API key: pass api_key= to the client or set the KITCHEN_SINK_API_KEY environment variable."
        )
    return api_key


def _resolve_base_url(
    base_url: str | NotGiven | None, environment: Environment | NotGiven | None
) -> str:
    """`base_url`, else the environment's URL, else the `KITCHEN_SINK_BASE_URL` variable, else the
    default environment's URL. An environment while the variable is set is ambiguous unless
    `base_url=None` says to ignore the variable."""
    given = base_url if isinstance(base_url, str) else None
    base_url_env = os.environ.get("KITCHEN_SINK_BASE_URL")
    if isinstance(environment, NotGiven) or environment is None:
        return given or base_url_env or DEFAULT_BASE_URL
    if given is not None:
        raise ValueError("pass base_url= or environment=, not both")
    if base_url_env and isinstance(base_url, NotGiven):
        raise ValueError(
            "ambiguous base URL: KITCHEN_SINK_BASE_URL is set and environment= is given; pass base_url=None to use the environment"
        )
    if environment not in ENVIRONMENTS:
        raise ValueError(f"unknown environment {environment!r}: one of {list(ENVIRONMENTS)}")
    return ENVIRONMENTS[environment]


def _credentials(api_key: str | None) -> dict[str, Credential]:
    """What each security scheme adds to a request, for the schemes with credentials."""
    credentials: dict[str, Credential] = {}
    if api_key:
        credentials["BearerAuth"] = Credential(headers={"Authorization": f"Bearer {api_key}"})
    return credentials


class KitchenSink(SyncAPIClient):
    """Synchronous client for the Kitchen Sink API.

    Args:
        api_key: A token, sent as `Authorization: Bearer ...`. Defaults to the
            `KITCHEN_SINK_API_KEY` environment variable.
        base_url: Defaults to `KITCHEN_SINK_BASE_URL`, then to https://api.kitchensink.example.
        environment: Which of the API's servers to use, by name (`ENVIRONMENTS`): `production`
            (https://api.kitchensink.example, the default), `sandbox`
            (https://sandbox.kitchensink.example), `local` (http://localhost:8080). `base_url`
            takes precedence (passing both is an error); with `KITCHEN_SINK_BASE_URL` set, pass
            `base_url=None` to use the environment (without it, that is an ambiguous-URL error).
        timeout: Seconds or an `httpx.Timeout`; the default is 60 s (5 s to connect).
        http_client: An `httpx.Client` of your own (proxies, transports, tests).
        default_headers: Headers sent with every request.
        default_query: Query parameters sent with every request (a call's own win).
        max_retries: Retries of a failed request (connection error, timeout, 408, 429,
            5xx) when repeating it is safe; the default is 2. An operation's own limit
            from the API description, and a call's `max_retries=`, take precedence.
        initial_retry_delay: Seconds before the first retry, doubling with each retry,
        max_retry_delay: up to this many seconds. A server's `Retry-After` replaces both.
        strict_response_validation: Raise `APIResponseValidationError` for a response body
            that does not match its declared type. By default it is returned as it came
            (what matches parsed), with a WARNING naming each field that did not match.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | NotGiven | None = NOT_GIVEN,
        environment: Environment | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        initial_retry_delay: float = DEFAULT_INITIAL_RETRY_DELAY,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        strict_response_validation: bool = False,
    ) -> None:
        self.api_key = _resolve_api_key(api_key)
        super().__init__(
            base_url=_resolve_base_url(base_url, environment),
            timeout=timeout,
            http_client=http_client,
            default_headers={"User-Agent": USER_AGENT, **(default_headers or {})},
            max_retries=max_retries,
            initial_retry_delay=initial_retry_delay,
            max_retry_delay=max_retry_delay,
            credentials=_credentials(self.api_key),
            default_security=DEFAULT_SECURITY,
            strict_response_validation=strict_response_validation,
            default_base_url=DEFAULT_BASE_URL,
            default_query=default_query,
        )

    def with_options(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        environment: Environment | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        initial_retry_delay: float | NotGiven = NOT_GIVEN,
        max_retry_delay: float | NotGiven = NOT_GIVEN,
        strict_response_validation: bool | NotGiven = NOT_GIVEN,
    ) -> KitchenSink:
        """A copy of this client with some options changed, sharing its connection pool.

        `default_headers` and `default_query` are added to this client's (replacing those of
        the same name); an `environment` replaces the base URL.
        Closing the copy leaves the pool open; closing this client closes it for both.
        """
        policy = self._retry_policy
        return type(self)(
            api_key=self.api_key if api_key is None else api_key,
            base_url=str(self.base_url) if base_url is None and environment is None else base_url,
            environment=environment,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            http_client=self._client,
            default_headers={**self._default_headers, **(default_headers or {})},
            default_query={**self._default_query, **(default_query or {})},
            max_retries=policy.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            initial_retry_delay=(
                policy.initial_delay
                if isinstance(initial_retry_delay, NotGiven)
                else initial_retry_delay
            ),
            max_retry_delay=(
                policy.max_delay if isinstance(max_retry_delay, NotGiven) else max_retry_delay
            ),
            strict_response_validation=(
                self._strict_response_validation
                if isinstance(strict_response_validation, NotGiven)
                else strict_response_validation
            ),
        )

    @cached_property
    def with_raw_response(self) -> KitchenSinkWithRawResponse:
        """The same methods, returning an `APIResponse` (status, headers, `.parse()`)."""
        return KitchenSinkWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> KitchenSinkWithStreamingResponse:
        """The same methods as context managers yielding an unread `APIResponse`."""
        return KitchenSinkWithStreamingResponse(self)

    @cached_property
    def misc(self) -> Misc:
        """Categories, user profiles and the organisation chart."""
        from .resources.misc import Misc

        return Misc(self)

    @cached_property
    def pets(self) -> Pets:
        """Manage the pets offered by the shop."""
        from .resources.pets import Pets

        return Pets(self)

    @cached_property
    def stores(self) -> Stores:
        """Stores, their inventory and orders."""
        from .resources.stores import Stores

        return Stores(self)


class KitchenSinkWithRawResponse:
    """`client.with_raw_response`: every method returns an `APIResponse` (status,
    headers, `.parse()`) instead of the parsed result."""

    def __init__(self, client: KitchenSink) -> None:
        self._client = client

    @cached_property
    def misc(self) -> MiscWithRawResponse:
        from .resources.misc import MiscWithRawResponse

        return MiscWithRawResponse(self._client.misc)

    @cached_property
    def pets(self) -> PetsWithRawResponse:
        from .resources.pets import PetsWithRawResponse

        return PetsWithRawResponse(self._client.pets)

    @cached_property
    def stores(self) -> StoresWithRawResponse:
        from .resources.stores import StoresWithRawResponse

        return StoresWithRawResponse(self._client.stores)


class KitchenSinkWithStreamingResponse:
    """`client.with_streaming_response`: every method is a context manager yielding an
    `APIResponse` whose body is read as it arrives."""

    def __init__(self, client: KitchenSink) -> None:
        self._client = client

    @cached_property
    def misc(self) -> MiscWithStreamingResponse:
        from .resources.misc import MiscWithStreamingResponse

        return MiscWithStreamingResponse(self._client.misc)

    @cached_property
    def pets(self) -> PetsWithStreamingResponse:
        from .resources.pets import PetsWithStreamingResponse

        return PetsWithStreamingResponse(self._client.pets)

    @cached_property
    def stores(self) -> StoresWithStreamingResponse:
        from .resources.stores import StoresWithStreamingResponse

        return StoresWithStreamingResponse(self._client.stores)


class AsyncKitchenSink(AsyncAPIClient):
    """Asynchronous client for the Kitchen Sink API.

    Args:
        api_key: A token, sent as `Authorization: Bearer ...`. Defaults to the
            `KITCHEN_SINK_API_KEY` environment variable.
        base_url: Defaults to `KITCHEN_SINK_BASE_URL`, then to https://api.kitchensink.example.
        environment: Which of the API's servers to use, by name (`ENVIRONMENTS`): `production`
            (https://api.kitchensink.example, the default), `sandbox`
            (https://sandbox.kitchensink.example), `local` (http://localhost:8080). `base_url`
            takes precedence (passing both is an error); with `KITCHEN_SINK_BASE_URL` set, pass
            `base_url=None` to use the environment (without it, that is an ambiguous-URL error).
        timeout: Seconds or an `httpx.Timeout`; the default is 60 s (5 s to connect).
        http_client: An `httpx.AsyncClient` of your own (proxies, transports, tests).
        default_headers: Headers sent with every request.
        default_query: Query parameters sent with every request (a call's own win).
        max_retries: Retries of a failed request (connection error, timeout, 408, 429,
            5xx) when repeating it is safe; the default is 2. An operation's own limit
            from the API description, and a call's `max_retries=`, take precedence.
        initial_retry_delay: Seconds before the first retry, doubling with each retry,
        max_retry_delay: up to this many seconds. A server's `Retry-After` replaces both.
        strict_response_validation: Raise `APIResponseValidationError` for a response body
            that does not match its declared type. By default it is returned as it came
            (what matches parsed), with a WARNING naming each field that did not match.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | NotGiven | None = NOT_GIVEN,
        environment: Environment | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        initial_retry_delay: float = DEFAULT_INITIAL_RETRY_DELAY,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        strict_response_validation: bool = False,
    ) -> None:
        self.api_key = _resolve_api_key(api_key)
        super().__init__(
            base_url=_resolve_base_url(base_url, environment),
            timeout=timeout,
            http_client=http_client,
            default_headers={"User-Agent": USER_AGENT, **(default_headers or {})},
            max_retries=max_retries,
            initial_retry_delay=initial_retry_delay,
            max_retry_delay=max_retry_delay,
            credentials=_credentials(self.api_key),
            default_security=DEFAULT_SECURITY,
            strict_response_validation=strict_response_validation,
            default_base_url=DEFAULT_BASE_URL,
            default_query=default_query,
        )

    def with_options(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        environment: Environment | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        initial_retry_delay: float | NotGiven = NOT_GIVEN,
        max_retry_delay: float | NotGiven = NOT_GIVEN,
        strict_response_validation: bool | NotGiven = NOT_GIVEN,
    ) -> AsyncKitchenSink:
        """A copy of this client with some options changed, sharing its connection pool.

        `default_headers` and `default_query` are added to this client's (replacing those of
        the same name); an `environment` replaces the base URL.
        Closing the copy leaves the pool open; closing this client closes it for both.
        """
        policy = self._retry_policy
        return type(self)(
            api_key=self.api_key if api_key is None else api_key,
            base_url=str(self.base_url) if base_url is None and environment is None else base_url,
            environment=environment,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            http_client=self._client,
            default_headers={**self._default_headers, **(default_headers or {})},
            default_query={**self._default_query, **(default_query or {})},
            max_retries=policy.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            initial_retry_delay=(
                policy.initial_delay
                if isinstance(initial_retry_delay, NotGiven)
                else initial_retry_delay
            ),
            max_retry_delay=(
                policy.max_delay if isinstance(max_retry_delay, NotGiven) else max_retry_delay
            ),
            strict_response_validation=(
                self._strict_response_validation
                if isinstance(strict_response_validation, NotGiven)
                else strict_response_validation
            ),
        )

    @cached_property
    def with_raw_response(self) -> AsyncKitchenSinkWithRawResponse:
        """The same methods, returning an `AsyncAPIResponse` (status, headers, `.parse()`)."""
        return AsyncKitchenSinkWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncKitchenSinkWithStreamingResponse:
        """The same methods as context managers yielding an unread `AsyncAPIResponse`."""
        return AsyncKitchenSinkWithStreamingResponse(self)

    @cached_property
    def misc(self) -> AsyncMisc:
        """Categories, user profiles and the organisation chart."""
        from .resources.misc import AsyncMisc

        return AsyncMisc(self)

    @cached_property
    def pets(self) -> AsyncPets:
        """Manage the pets offered by the shop."""
        from .resources.pets import AsyncPets

        return AsyncPets(self)

    @cached_property
    def stores(self) -> AsyncStores:
        """Stores, their inventory and orders."""
        from .resources.stores import AsyncStores

        return AsyncStores(self)


class AsyncKitchenSinkWithRawResponse:
    """`client.with_raw_response`: every method returns an `AsyncAPIResponse` (status,
    headers, `.parse()`) instead of the parsed result."""

    def __init__(self, client: AsyncKitchenSink) -> None:
        self._client = client

    @cached_property
    def misc(self) -> AsyncMiscWithRawResponse:
        from .resources.misc import AsyncMiscWithRawResponse

        return AsyncMiscWithRawResponse(self._client.misc)

    @cached_property
    def pets(self) -> AsyncPetsWithRawResponse:
        from .resources.pets import AsyncPetsWithRawResponse

        return AsyncPetsWithRawResponse(self._client.pets)

    @cached_property
    def stores(self) -> AsyncStoresWithRawResponse:
        from .resources.stores import AsyncStoresWithRawResponse

        return AsyncStoresWithRawResponse(self._client.stores)


class AsyncKitchenSinkWithStreamingResponse:
    """`client.with_streaming_response`: every method is a context manager yielding an
    `AsyncAPIResponse` whose body is read as it arrives."""

    def __init__(self, client: AsyncKitchenSink) -> None:
        self._client = client

    @cached_property
    def misc(self) -> AsyncMiscWithStreamingResponse:
        from .resources.misc import AsyncMiscWithStreamingResponse

        return AsyncMiscWithStreamingResponse(self._client.misc)

    @cached_property
    def pets(self) -> AsyncPetsWithStreamingResponse:
        from .resources.pets import AsyncPetsWithStreamingResponse

        return AsyncPetsWithStreamingResponse(self._client.pets)

    @cached_property
    def stores(self) -> AsyncStoresWithStreamingResponse:
        from .resources.stores import AsyncStoresWithStreamingResponse

        return AsyncStoresWithStreamingResponse(self._client.stores)
