"""The IR's nodes around the operations: the client's credentials (security schemes), the
component schemas names are checked against, the release and the API's servers. Re-exported
by `sdkwright.ir.nodes`, where the rest of the IR is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sdkwright.diagnostics import Location

# Alternatives, each naming every security scheme it needs (OpenAPI's `security`).
Security = tuple[tuple[str, ...], ...]
SchemeKind = Literal["bearer", "basic", "api_key"]


@dataclass(frozen=True)
class SecurityScheme:
    """A security scheme the client takes credentials for.

    bearer (HTTP bearer, OAuth 2 and OpenID Connect tokens) and api_key take one string,
    `argument`; basic takes `argument` and `password_argument`. Each reads an environment
    variable when not given. Arguments and variables are the target's ("" until named).
    """

    name: str  # the scheme's key in the spec
    kind: SchemeKind
    argument: str
    env_var: str
    location: Literal["header", "query", "cookie"] = "header"
    parameter_name: str = "Authorization"  # header, query parameter or cookie name
    password_argument: str = ""
    password_env_var: str = ""
    description: str = ""
    # OAuth 2's client-credentials flow, where the scheme has one: the client can fetch its
    # token itself from `token_url` (as the spec writes it) with a client id and secret.
    token_url: str = ""
    scopes: tuple[str, ...] = ()
    client_id_argument: str = ""  # the target's names ("" until named)
    client_id_env_var: str = ""
    client_secret_argument: str = ""
    client_secret_env_var: str = ""
    # False: the credential is read from no environment variable (`env_var` stays "") and
    # the client may be made without it (the target's `security: {env: false}`).
    reads_env: bool = True


@dataclass(frozen=True)
class Component:
    """A component schema, class or not: what name overrides are checked against."""

    key: str  # its key in the spec's components
    definition: str  # the key of the definition it became ("": it is not a class)
    requested_name: Any  # `x-sdkwright-name` as the spec gives it (None: absent)
    where: Location


@dataclass(frozen=True)
class Release:
    """What the target says of the SDK as a release (not the API's version): its own
    semantic version, the SPDX id of its license and the holder the license names."""

    version: str = "0.1.0"
    license: str = "Apache-2.0"
    holder: str = ""


@dataclass(frozen=True)
class Server:
    """One of the API's `servers`: its URL (variables at their defaults, made absolute as the
    client's base URL is) and its description, which the naming step names it from."""

    url: str
    description: str = ""
