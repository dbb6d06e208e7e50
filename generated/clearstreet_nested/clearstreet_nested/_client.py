# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""`ClearStreet` and `AsyncClearStreet`: the entry points of the SDK."""

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
    from .resources.v1 import (
        V1,
        AsyncV1,
        AsyncV1WithRawResponse,
        AsyncV1WithStreamingResponse,
        V1WithRawResponse,
        V1WithStreamingResponse,
    )

__all__ = ["DEFAULT_BASE_URL", "ENVIRONMENTS", "AsyncClearStreet", "ClearStreet", "Environment"]

DEFAULT_BASE_URL = "https://api.clearstreet.com"
# The API's servers by name, for `environment=`: the first is the default.
ENVIRONMENTS: dict[str, str] = {
    "production": "https://api.clearstreet.com",
    "development": "https://api-dev.clearstreet.com",
}
Environment = Literal["production", "development"]
# The security requirements of operations that do not declare their own.
DEFAULT_SECURITY: Security = (("BearerAuth",),)


def _resolve_api_key(api_key: str | None) -> str:
    api_key = api_key if api_key is not None else os.environ.get("CLEAR_STREET_API_KEY")
    if api_key is None:
        raise ValueError(
            "No API key: pass api_key= to the client or set the CLEAR_STREET_API_KEY environment variable."
        )
    return api_key


def _resolve_base_url(
    base_url: str | NotGiven | None, environment: Environment | NotGiven | None
) -> str:
    """`base_url`, else the environment's URL, else the `CLEAR_STREET_BASE_URL` variable, else the
    default environment's URL. An environment while the variable is set is ambiguous unless
    `base_url=None` says to ignore the variable."""
    given = base_url if isinstance(base_url, str) else None
    base_url_env = os.environ.get("CLEAR_STREET_BASE_URL")
    if isinstance(environment, NotGiven) or environment is None:
        return given or base_url_env or DEFAULT_BASE_URL
    if given is not None:
        raise ValueError("pass base_url= or environment=, not both")
    if base_url_env and isinstance(base_url, NotGiven):
        raise ValueError(
            "ambiguous base URL: CLEAR_STREET_BASE_URL is set and environment= is given; pass base_url=None to use the environment"
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


class ClearStreet(SyncAPIClient):
    """Synchronous client for the Clear Street Trading API.

    Args:
        api_key: A token, sent as `Authorization: Bearer ...`. Defaults to the
            `CLEAR_STREET_API_KEY` environment variable.
        base_url: Defaults to `CLEAR_STREET_BASE_URL`, then to https://api.clearstreet.com.
        environment: Which of the API's servers to use, by name (`ENVIRONMENTS`): `production`
            (https://api.clearstreet.com, the default), `development`
            (https://api-dev.clearstreet.com). `base_url` takes precedence (passing both is an
            error); with `CLEAR_STREET_BASE_URL` set, pass `base_url=None` to use the
            environment (without it, that is an ambiguous-URL error).
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
    ) -> ClearStreet:
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
    def with_raw_response(self) -> ClearStreetWithRawResponse:
        """The same methods, returning an `APIResponse` (status, headers, `.parse()`)."""
        return ClearStreetWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ClearStreetWithStreamingResponse:
        """The same methods as context managers yielding an unread `APIResponse`."""
        return ClearStreetWithStreamingResponse(self)

    @cached_property
    def v1(self) -> V1:
        """V1"""
        from .resources.v1 import V1

        return V1(self)


class ClearStreetWithRawResponse:
    """`client.with_raw_response`: every method returns an `APIResponse` (status,
    headers, `.parse()`) instead of the parsed result."""

    def __init__(self, client: ClearStreet) -> None:
        self._client = client

    @cached_property
    def v1(self) -> V1WithRawResponse:
        from .resources.v1 import V1WithRawResponse

        return V1WithRawResponse(self._client.v1)


class ClearStreetWithStreamingResponse:
    """`client.with_streaming_response`: every method is a context manager yielding an
    `APIResponse` whose body is read as it arrives."""

    def __init__(self, client: ClearStreet) -> None:
        self._client = client

    @cached_property
    def v1(self) -> V1WithStreamingResponse:
        from .resources.v1 import V1WithStreamingResponse

        return V1WithStreamingResponse(self._client.v1)


class AsyncClearStreet(AsyncAPIClient):
    """Asynchronous client for the Clear Street Trading API.

    Args:
        api_key: A token, sent as `Authorization: Bearer ...`. Defaults to the
            `CLEAR_STREET_API_KEY` environment variable.
        base_url: Defaults to `CLEAR_STREET_BASE_URL`, then to https://api.clearstreet.com.
        environment: Which of the API's servers to use, by name (`ENVIRONMENTS`): `production`
            (https://api.clearstreet.com, the default), `development`
            (https://api-dev.clearstreet.com). `base_url` takes precedence (passing both is an
            error); with `CLEAR_STREET_BASE_URL` set, pass `base_url=None` to use the
            environment (without it, that is an ambiguous-URL error).
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
    ) -> AsyncClearStreet:
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
    def with_raw_response(self) -> AsyncClearStreetWithRawResponse:
        """The same methods, returning an `AsyncAPIResponse` (status, headers, `.parse()`)."""
        return AsyncClearStreetWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncClearStreetWithStreamingResponse:
        """The same methods as context managers yielding an unread `AsyncAPIResponse`."""
        return AsyncClearStreetWithStreamingResponse(self)

    @cached_property
    def v1(self) -> AsyncV1:
        """V1"""
        from .resources.v1 import AsyncV1

        return AsyncV1(self)


class AsyncClearStreetWithRawResponse:
    """`client.with_raw_response`: every method returns an `AsyncAPIResponse` (status,
    headers, `.parse()`) instead of the parsed result."""

    def __init__(self, client: AsyncClearStreet) -> None:
        self._client = client

    @cached_property
    def v1(self) -> AsyncV1WithRawResponse:
        from .resources.v1 import AsyncV1WithRawResponse

        return AsyncV1WithRawResponse(self._client.v1)


class AsyncClearStreetWithStreamingResponse:
    """`client.with_streaming_response`: every method is a context manager yielding an
    `AsyncAPIResponse` whose body is read as it arrives."""

    def __init__(self, client: AsyncClearStreet) -> None:
        self._client = client

    @cached_property
    def v1(self) -> AsyncV1WithStreamingResponse:
        from .resources.v1 import AsyncV1WithStreamingResponse

        return AsyncV1WithStreamingResponse(self._client.v1)
