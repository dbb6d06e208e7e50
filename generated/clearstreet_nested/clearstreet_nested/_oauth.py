# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""OAuth 2 client credentials (RFC 6749, section 4.4): the access token a client fetches for
itself from the API's token endpoint with its client id and secret.

The token is fetched when a request first needs it, kept until shortly before it expires
(`expires_in`), fetched again then, and at once when the API answers 401 to it (a token the
server revoked). One fetch at a time: concurrent requests wait for it, in threads (a lock)
and in tasks (an asyncio lock). The client authenticates to the token endpoint with HTTP
basic authentication, which RFC 6749 (section 2.3.1) requires every server to support.
"""

from __future__ import annotations

import asyncio
import base64
import json
import threading
import time
from collections.abc import Callable
from typing import Protocol
from urllib.parse import quote, urlencode

from . import _http
from ._exceptions import APIConnectionError, APIStatusError
from ._http import Timeout

__all__ = ["ClientCredentials", "OAuthTokenError", "bearer", "renewed_after", "token_request"]

# A token is renewed this long before it expires, so that no request carries one that
# expires on its way; never more than half its lifetime.
_RENEW_BEFORE_S = 30.0


class OAuthTokenError(Exception):
    """The token endpoint answered, but with no usable access token."""


class ClientCredentials:
    """The access token of one client id, and how to fetch it."""

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        scopes: tuple[str, ...] = (),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token_url = token_url
        self._client_id = client_id
        self._client_secret = client_secret
        self._scopes = scopes
        self._clock = clock
        self._token: str | None = None
        self._renew_at = 0.0
        self.lock = threading.Lock()  # held while fetching: one fetch at a time
        self.async_lock = asyncio.Lock()

    def current(self) -> str | None:
        """The token, unless there is none yet or it is about to expire."""
        if self._token is not None and self._clock() < self._renew_at:
            return self._token
        return None

    def token_request(self) -> tuple[dict[str, str], bytes]:
        """The headers and form body of a token request (RFC 6749, section 4.4.2)."""
        user = f"{quote(self._client_id, safe='')}:{quote(self._client_secret, safe='')}"
        headers = {
            "Authorization": "Basic " + base64.b64encode(user.encode()).decode("ascii"),
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        }
        form = {"grant_type": "client_credentials"}
        if self._scopes:
            form["scope"] = " ".join(self._scopes)
        return headers, urlencode(form).encode("ascii")

    def accept(self, response: _http.Response) -> str:
        """Keep the token of a successful token response (section 5.1), and return it."""
        body = response.content
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        token = data.get("access_token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token:
            raise OAuthTokenError(f"the token endpoint sent no access_token: {body[:200]!r}")
        lifetime = data.get("expires_in") if isinstance(data, dict) else None
        seconds = float(lifetime) if isinstance(lifetime, (int, float)) and lifetime > 0 else None
        margin = min(_RENEW_BEFORE_S, seconds / 2) if seconds is not None else 0.0
        self._token = token
        self._renew_at = self._clock() + seconds - margin if seconds is not None else float("inf")
        return token

    def invalidate(self, token: str) -> None:
        """Forget `token` (the API refused it), unless another request already renewed it."""
        if self._token == token:
            self._token = None


class _Client(Protocol):
    """What a token request needs of the SDK's client (`_base_client`)."""

    @property
    def _client(self) -> _http.Client | _http.AsyncClient: ...

    def _url(self, path: str) -> _http.URL | str: ...


def token_request(client: _Client, oauth: ClientCredentials, timeout: Timeout) -> _http.Request:
    """The request for a new token, to the token URL (relative ones from the base URL)."""
    headers, form = oauth.token_request()
    url = oauth.token_url if "://" in oauth.token_url else client._url(oauth.token_url)
    return _http.build_request(
        client._client,
        "POST",
        url,
        params=(),
        headers=_http.make_headers(headers.items()),
        content=form,
        files=None,
        timeout=timeout,
    )


def bearer(request: _http.Request, token: str) -> str:
    request.headers["Authorization"] = f"Bearer {token}"
    return token


def renewed_after(
    error: APIConnectionError | APIStatusError, oauth: ClientCredentials | None, token: str | None
) -> bool:
    """Whether the API refused the token a request carried (401), now forgotten so that the
    request may go again with a new one (the caller does so once per call)."""
    refused = isinstance(error, APIStatusError) and error.status_code == 401
    if not refused or oauth is None or token is None:
        return False
    oauth.invalidate(token)
    return True
