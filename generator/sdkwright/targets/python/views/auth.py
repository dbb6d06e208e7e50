"""Credentials: the client's arguments for each security scheme, what each sends, and what a
generated test expects a request to carry."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from sdkwright.ir.nodes import Api, Operation, Security, SecurityScheme
from sdkwright.targets.python import pytext


@dataclass(frozen=True)
class CredentialArgument:
    name: str
    env_var: str
    doc: str


@dataclass(frozen=True)
class ClientAuth:
    """What `_client.py` needs to take credentials and say what each scheme sends."""

    arguments: tuple[CredentialArgument, ...]
    required: str  # the argument the client cannot do without ("": none)
    credentials: tuple[tuple[str, str, str], ...]  # scheme, condition, Credential expression
    default_security: str  # a Security literal


def client_auth(api: Api) -> ClientAuth:
    schemes = api.security_schemes
    if not schemes:  # no credential it could not send (issue 13, point 2)
        return ClientAuth((), "", (), "()")
    arguments: list[CredentialArgument] = []
    credentials = []
    for scheme in schemes:
        what = _scheme_doc(scheme)
        arguments.append(CredentialArgument(scheme.argument, scheme.env_var, what))
        if scheme.kind == "basic":
            arguments.append(
                CredentialArgument(scheme.password_argument, scheme.password_env_var, "")
            )
            condition = f"{scheme.argument} and {scheme.password_argument} is not None"
            expression = f"basic_credential({scheme.argument}, {scheme.password_argument})"
        else:
            # An empty token is no credential: sent as `Bearer ` it would be an invalid header.
            condition = scheme.argument
            expression = _credential_expression(scheme.location, scheme.parameter_name, scheme)
        credentials.append((pytext.string_literal(scheme.name), condition, expression))
        if scheme.token_url:  # the client fetches its token itself, unless given one
            arguments += _client_credentials_arguments(scheme)
            credentials.append(_client_credentials(scheme))
    primary = schemes[0]
    required = (
        primary.argument
        if len(schemes) == 1
        and primary.kind != "basic"
        and not primary.token_url
        and primary.reads_env  # read from no variable: optional when the client is made
        and any(o.authenticated for o in api.operations)
        else ""
    )
    security = security_literal(api.default_security)
    return ClientAuth(tuple(arguments), required, tuple(credentials), security)


def _client_credentials_arguments(scheme: SecurityScheme) -> list[CredentialArgument]:
    return [
        CredentialArgument(
            scheme.client_id_argument,
            scheme.client_id_env_var,
            f"With `{scheme.client_secret_argument}`, the OAuth 2 client whose token the client"
            " fetches itself (client-credentials grant), when not given a token",
        ),
        CredentialArgument(scheme.client_secret_argument, scheme.client_secret_env_var, ""),
    ]


def _client_credentials(scheme: SecurityScheme) -> tuple[str, str, str]:
    name = pytext.string_literal(scheme.name)
    condition = (
        f"{name} not in credentials and {scheme.client_id_argument}"
        f" and {scheme.client_secret_argument}"
    )
    scopes = _tuple_literal([pytext.string_literal(s) for s in scheme.scopes])
    token_source = (
        f"ClientCredentials({pytext.string_literal(scheme.token_url)}, "
        f"{scheme.client_id_argument}, {scheme.client_secret_argument}, {scopes})"
    )
    return name, condition, f"Credential(oauth={token_source})"


def uses_client_credentials(api: Api) -> bool:
    return any(scheme.token_url for scheme in api.security_schemes)


def _scheme_doc(scheme: SecurityScheme) -> str:
    if scheme.kind == "basic":
        return f"With `{scheme.password_argument}`, for HTTP basic authentication"
    if scheme.kind == "bearer":
        return "A token, sent as `Authorization: Bearer ...`"
    where = "query parameter" if scheme.location == "query" else scheme.location
    return f"An API key, sent in the `{scheme.parameter_name}` {where}"


def _credential_expression(location: str, parameter: str, scheme: SecurityScheme) -> str:
    value = scheme.argument
    if scheme.kind == "bearer":
        value = f'f"Bearer {{{scheme.argument}}}"'
    key = {"header": "headers", "query": "query", "cookie": "cookies"}[location]
    return f"Credential({key}={{{pytext.string_literal(parameter)}: {value}}})"


def security_literal(security: Security | None) -> str:
    """`(("api_key",), ("oauth", "app_id"))`; "" for None (the API's default)."""
    if security is None:
        return ""
    return _tuple_literal([_tuple_literal([pytext.string_literal(n) for n in r]) for r in security])


def _tuple_literal(items: list[str]) -> str:
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


# The credential the generated tests' conftest gives every argument of the client.
TEST_CREDENTIAL = "test-api-key"


@dataclass(frozen=True)
class ExpectedAuth:
    """What a generated test expects an operation's request to carry for its security."""

    headers: tuple[tuple[str, str], ...]  # lower-case name, value
    query: tuple[tuple[str, str], ...]
    cookies: tuple[tuple[str, str], ...]


def expected_auth(api: Api, op: Operation) -> ExpectedAuth:
    """The first alternative of the operation's security: the tests give every credential."""
    security = api.default_security if op.security is None else op.security
    schemes = {s.name: s for s in api.security_schemes}
    found: dict[str, list[tuple[str, str]]] = {"header": [], "query": [], "cookie": []}
    for name in security[0] if security else ():
        scheme = schemes[name]
        value = TEST_CREDENTIAL
        if scheme.kind == "bearer":
            value = f"Bearer {TEST_CREDENTIAL}"
        elif scheme.kind == "basic":
            token = base64.b64encode(f"{TEST_CREDENTIAL}:{TEST_CREDENTIAL}".encode()).decode()
            value = f"Basic {token}"
        key = (
            scheme.parameter_name.lower() if scheme.location == "header" else scheme.parameter_name
        )
        found[scheme.location].append((key, value))
    return ExpectedAuth(tuple(found["header"]), tuple(found["query"]), tuple(found["cookie"]))
