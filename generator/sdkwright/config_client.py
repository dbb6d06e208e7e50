"""A target's client options: the environments `environment=` chooses from, and where the
API puts its request ids.

    environments:                   # name -> base URL; replaces the names and URLs taken
      production: https://api.example.com   # from the spec's `servers` (the first is
      sandbox: https://sandbox.example.com  # the default)
    request_id:                     # where `error.request_id` / `response.request_id` come from
      header: X-Request-Id          # a header, or a list of them, tried in order (default:
                                    # X-Request-Id, Request-Id and other usual ones)
      body: metadata.request_id     # a JSON body's dotted path, when no header has one
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from sdkwright.config_files import Failure, escape
from sdkwright.ir.nodes import Api

# What an environment's name may be (the naming step's derived names follow it too).
ENVIRONMENT_NAME = re.compile(r"[a-z][a-z0-9_]*")
_HEADER = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # an RFC 9110 token
_PATH_KEY = re.compile(r"[^.\s]+")


@dataclass(frozen=True)
class ClientConfig:
    """What a target says of its client: (name, URL) environments, request id places."""

    environments: tuple[tuple[str, str], ...] = ()
    request_id_headers: tuple[str, ...] = ()  # (): the runtime's usual ones (`RequestIds`)
    request_id_body: tuple[str, ...] = ()  # the keys of the path into a JSON body

    def as_json(self) -> str:
        """As the manifest records it: changing it means regenerating."""
        return json.dumps(
            [self.environments, self.request_id_headers, self.request_id_body], sort_keys=True
        )

    def __bool__(self) -> bool:
        return self != ClientConfig()


def read_client_config(entry: dict[str, Any], pointer: str, fail: Failure) -> ClientConfig:
    """A target's `environments` and `request_id`, checked: each problem located at its key."""
    headers, body = _request_id(entry.get("request_id"), f"{pointer}/request_id", fail)
    return ClientConfig(
        _environments(entry.get("environments"), f"{pointer}/environments", fail), headers, body
    )


def _environments(value: Any, pointer: str, fail: Failure) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict) or not value:
        raise fail(
            pointer,
            "'environments' must be a non-empty mapping of name to base URL",
            "e.g. environments: {production: https://api.example.com}",
        )
    for name, url in value.items():
        where = f"{pointer}/{escape(str(name))}"
        if not isinstance(name, str) or not ENVIRONMENT_NAME.fullmatch(name):
            raise fail(where, f"environment name {name!r} must be lower_snake_case", "e.g. sandbox")
        parts = urlsplit(url) if isinstance(url, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            raise fail(
                where,
                f"environment '{name}' needs an absolute http(s) URL, not {url!r}",
                "e.g. https://sandbox.example.com/v1",
            )
    return tuple((str(name), str(url).rstrip("/")) for name, url in value.items())


def _request_id(value: Any, pointer: str, fail: Failure) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if value is None:
        return (), ()
    hint = "e.g. request_id: {header: X-Request-Id, body: metadata.request_id}"
    if not isinstance(value, dict):
        raise fail(pointer, "'request_id' must be a mapping", hint)
    for key in sorted(set(value) - {"header", "body"}):
        raise fail(f"{pointer}/{escape(str(key))}", f"unknown key '{key}' in request_id", hint)
    header = value.get("header", [])
    headers = [header] if isinstance(header, str) else header
    if not isinstance(headers, list) or ("header" in value and not headers):
        raise fail(f"{pointer}/header", "'header' must be a header name or a list of them", hint)
    for index, name in enumerate(headers):
        if not isinstance(name, str) or not _HEADER.fullmatch(name):
            where = f"{pointer}/header" + ("" if isinstance(header, str) else f"/{index}")
            raise fail(where, f"{name!r} is not a header name", hint)
    body = value.get("body", "")
    keys = body.split(".") if isinstance(body, str) and body else []
    if not isinstance(body, str) or not all(_PATH_KEY.fullmatch(k) for k in keys):
        raise fail(
            f"{pointer}/body", "'body' must be a dotted path such as metadata.request_id", hint
        )
    return tuple(h.lower() for h in headers), tuple(keys)


def with_client_config(api: Api, client: ClientConfig) -> Api:
    """The named `api` with the target's client options: its environments replace those
    named from the spec's servers (the first becomes the default base URL)."""
    api = replace(
        api, request_id_headers=client.request_id_headers, request_id_body=client.request_id_body
    )
    if client.environments:
        api = replace(api, environments=client.environments, base_url=client.environments[0][1])
    return api
